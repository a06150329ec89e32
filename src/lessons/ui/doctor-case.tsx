import { useEffect, useId, useMemo, useRef, useState, type FormEvent } from 'react';
import { simulate } from '../../engine';
import { CAUSES, doctorCase, read, type Cause, type DoctorCase } from '../../engine/analysis/doctor';
import { useLab } from '../../state/context';
import { fmt } from '../../ui/format';
import { caseHref } from '../route';
import { DoctorChart } from './doctor-chart';
import { SYMPTOM_WORDS } from './doctor-guide';
import { freshSeed, openCase, useCaseSeed } from './doctor-hash';
import { caseDoc, causeLabel, DEFAULT_SEED, SLUG } from './doctor-presets';
import { DoctorSettings } from './doctor-settings';
import { loadExperiment } from './load';
import './doctor.css';

/**
 * The training doctor: a loss curve from a hidden, seeded configuration; the learner names the
 * cause; the answer comes with the run's settings, what the classifier reads, and the fix. The case
 * lives in the address (#/lesson/the-debugging-workflow/case/<seed>), so it can be shared.
 */
export function TrainingDoctor() {
  const fromHash = useCaseSeed();
  const seed = fromHash ?? DEFAULT_SEED;
  const ref = useRef<HTMLElement>(null);
  const id = useId();
  useEffect(() => {
    // Opened from a shared case link: bring the doctor into view once.
    if (fromHash !== null) ref.current?.scrollIntoView?.({ block: 'start' });
  }, []); // on mount only, not on every new case
  const c = useMemo(() => doctorCase(seed), [seed]);
  return (
    <section className="doctor" ref={ref} aria-labelledby={`${id}-h`} data-testid="training-doctor">
      <h3 id={`${id}-h`}>The training doctor</h3>
      <div className="doctor-bar">
        <span>Case <strong data-testid="doctor-seed">{seed}</strong></span>
        <button type="button" onClick={() => openCase(freshSeed())} data-testid="doctor-new">New case</button>
        <a href={caseHref(SLUG, seed)}>Link to this case</a>
      </div>
      <CaseView key={seed} c={c} />
    </section>
  );
}

function CaseView({ c }: { c: DoctorCase }) {
  const lab = useLab();
  const id = useId();
  const sim = useMemo(() => simulate(c.spec), [c]);
  const reading = useMemo(() => read(sim), [sim]);
  const fixed = useMemo(() => read(simulate(c.fix)), [c]);
  const [showGrad, setShowGrad] = useState(false);
  const [answer, setAnswer] = useState<Cause | ''>('');
  const [done, setDone] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!answer) return setError('Pick a cause first.');
    setError(null);
    setDone(true);
  };
  const picked = CAUSES.find((x) => x.cause === answer);
  const right = answer === c.cause;
  const sameSymptom = !right && picked?.symptom === c.symptom;
  const open = (withFix: boolean) =>
    loadExperiment(lab, { id: `doctor-${c.seed}`, label: `doctor case ${c.seed}`, doc: () => caseDoc(c, withFix) });
  return (
    <>
      <DoctorChart result={sim} showGrad={showGrad} label={`Case ${c.seed}`} />
      <button type="button" aria-pressed={showGrad} onClick={() => setShowGrad(!showGrad)} data-testid="doctor-grad">
        {showGrad ? 'Hide' : 'Show'} the gradient-norm curve
      </button>
      <form onSubmit={submit} className="doctor-form">
        <fieldset disabled={done}>
          <legend id={`${id}-q`}>What is wrong with this run?</legend>
          {CAUSES.map((x) => (
            <label key={x.cause}>
              <input type="radio" name={`${id}-cause`} value={x.cause} checked={answer === x.cause} onChange={() => setAnswer(x.cause)} />
              {' '}{x.label}
            </label>
          ))}
        </fieldset>
        {!done && <button type="submit" data-testid="doctor-diagnose">Diagnose</button>}
        {error && <p className="predict-error" role="alert">{error}</p>}
      </form>
      <div role="status" className="doctor-reveal" data-testid="doctor-reveal">
        {done && (
          <>
            <p className={right ? 'grade-right' : 'grade-wrong'}>
              <strong>{right ? '✓ Right.' : sameSymptom ? '≈ Same symptom, different cause.' : '✗ Not this time.'}</strong>{' '}
              The hidden cause: <strong>{causeLabel(c.cause)}</strong>. The curve {SYMPTOM_WORDS[reading.symptom]}
              {reading.at !== null ? ` (step ${reading.at})` : ''}; final loss / first = {fmt(reading.ratio)}.
            </p>
            <p>{c.explanation}</p>
          </>
        )}
      </div>
      {done && (
        <div className="doctor-answer">
          <DoctorSettings spec={c.spec} />
          <p>
            <strong>Fix:</strong> {c.fixLabel}. With it the engine reads: {SYMPTOM_WORDS[fixed.symptom]} (final loss / first
            {' '}= {fmt(fixed.ratio)}).
          </p>
          <p className="doctor-actions">
            <button type="button" onClick={() => open(false)} data-testid="doctor-open">Open this run in the lab</button>
            <button type="button" onClick={() => open(true)} data-testid="doctor-open-fix">Open it beside its fix</button>
          </p>
        </div>
      )}
    </>
  );
}
