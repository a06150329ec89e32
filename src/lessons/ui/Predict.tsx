import { useId, useState, type FormEvent } from 'react';
import { useLab } from '../../state/context';
import { progressStore, useProgress } from '../progress-store';
import type { Grade, Lesson } from '../types';
import { loadExperiment } from './load';

/**
 * "Predict, then run": the learner commits an answer first; then the experiment is loaded and
 * played in the lab, and the answer is graded against what the engine computes.
 */
export function Predict({ lesson }: { lesson: Lesson }) {
  const lab = useLab();
  const id = useId();
  const q = lesson.question;
  const saved = useProgress((s) => s.progress[lesson.slug]);
  const [value, setValue] = useState(saved?.answer ?? '');
  const [grade, setGrade] = useState<Grade | null>(null);
  const [error, setError] = useState<string | null>(null);
  const experiment = lesson.experiments.find((e) => e.id === q.experiment);

  const commit = (e: FormEvent) => {
    e.preventDefault();
    let g: Grade;
    if (q.kind === 'number') {
      const n = Number(value.trim());
      if (value.trim() === '' || !Number.isFinite(n)) {
        setError(`“${value}” is not a number: type one, e.g. 0.15`);
        return;
      }
      g = q.grade(n);
    } else {
      if (!q.options.some((o) => o.value === value)) {
        setError('Pick one of the answers first.');
        return;
      }
      g = q.grade(value);
    }
    setError(null);
    setGrade(g);
    progressStore.getState().mark(lesson.slug, { visited: true, answer: value, correct: g.correct });
    if (experiment) loadExperiment(lab, experiment);
  };

  return (
    <section className="predict" aria-labelledby={`${id}-h`}>
      <h3 id={`${id}-h`}>Predict, then run</h3>
      <form onSubmit={commit}>
        <p className="predict-prompt" id={`${id}-q`}>{q.prompt}</p>
        {q.kind === 'choice' ? (
          <fieldset className="predict-options" aria-describedby={`${id}-q`} disabled={grade !== null}>
            <legend className="visually-hidden">Your prediction</legend>
            {q.options.map((o) => (
              <label key={o.value}>
                <input type="radio" name={`${id}-choice`} value={o.value} checked={value === o.value} onChange={() => setValue(o.value)} />
                {' '}{o.label}
              </label>
            ))}
          </fieldset>
        ) : (
          <label className="predict-number">
            Your prediction{' '}
            <input type="text" inputMode="decimal" value={value} onChange={(e) => setValue(e.target.value)} disabled={grade !== null}
              aria-describedby={`${id}-q`} data-testid="predict-input" size={10} />
            {' '}{q.unit}
          </label>
        )}
        {grade === null ? (
          <button key="commit" type="submit" className="predict-commit">Lock in and run</button>
        ) : (
          // A distinct key: reusing the submit button's element would let this click submit the form
          // again once React has turned it back into a submit button.
          <button key="again" type="button" onClick={() => setGrade(null)}>Try again</button>
        )}
        {error && <p className="predict-error" role="alert">{error}</p>}
      </form>
      <div role="status" className="predict-result" data-testid="predict-result">
        {grade && (
          <>
            <p className={grade.correct ? 'grade-right' : 'grade-wrong'}>
              <strong>{grade.correct ? '✓ Right.' : '✗ Not quite.'}</strong> {grade.truth}
            </p>
            <p>{grade.explanation}</p>
            {experiment && <p className="hint">The lab is now running “{experiment.label}”: watch it happen.</p>}
          </>
        )}
      </div>
    </section>
  );
}
