import { useId, useState } from 'react';
import { useLab } from '../../state/context';
import { experimentById } from './doctor-experiments';
import { CHECK_TITLES, GUIDE } from './doctor-guide';
import { loadExperiment } from './load';
import './doctor.css';

/**
 * The debugging workflow as a guide: pick the symptom, then open the checks in order (learning rate,
 * gradient norms, loss values). Each check says what to look for and what fixes it, and loads the
 * experiment that shows it into the lab. Native radios and <details>, so it works from the keyboard.
 */
export function DoctorWorkflow() {
  const lab = useLab();
  const id = useId();
  const [which, setWhich] = useState(GUIDE[0]!.symptom);
  const guide = GUIDE.find((g) => g.symptom === which)!;
  return (
    <section className="doctor-guide" aria-labelledby={`${id}-h`}>
      <h3 id={`${id}-h`}>The workflow, symptom by symptom</h3>
      <fieldset className="doctor-symptoms">
        <legend>What does the loss curve do?</legend>
        {GUIDE.map((g) => (
          <label key={g.symptom}>
            <input type="radio" name={`${id}-symptom`} value={g.symptom} checked={which === g.symptom} onChange={() => setWhich(g.symptom)} />
            {' '}{g.name}
          </label>
        ))}
      </fieldset>
      <p className="doctor-looks" aria-live="polite"><strong>{guide.name}:</strong> {guide.looks}</p>
      <ol className="doctor-steps" key={guide.symptom}>
        {guide.steps.map((s, i) => {
          const e = experimentById(s.experiment);
          return (
            <li key={i}>
              <details open={i === 0}>
                <summary>{CHECK_TITLES[s.check]}</summary>
                <p>{s.look}</p>
                <p><strong>Fix:</strong> {s.fix}</p>
                <button type="button" onClick={() => loadExperiment(lab, e)} data-testid={`guide-${guide.symptom}-${i}`}>
                  Load into the lab: {e.label}
                </button>
              </details>
            </li>
          );
        })}
      </ol>
    </section>
  );
}
