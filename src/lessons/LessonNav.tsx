import { useProgress } from './progress-store';
import { CATALOG as LESSONS } from './catalog';
import { lessonHref } from './route';

/** The list of lessons, with each one's progress; a navigation landmark named "Lessons". */
export function LessonNav({ current }: { current: string | null }) {
  const progress = useProgress((s) => s.progress);
  const reset = useProgress((s) => s.reset);
  const done = LESSONS.filter((l) => progress[l.slug]?.correct !== undefined).length;
  return (
    <nav className="lesson-nav panel" aria-label="Lessons">
      <h2>Lessons <span className="lesson-count">{done} of {LESSONS.length} answered</span></h2>
      <ol>
        {LESSONS.map((l) => {
          const p = progress[l.slug];
          const mark = p?.correct === true ? '✓' : p?.correct === false ? '•' : p?.visited ? '·' : '';
          const state = p?.correct === true ? 'answered correctly' : p?.correct === false ? 'answered' : p?.visited ? 'visited' : 'not started';
          return (
            <li key={l.slug}>
              <a href={lessonHref(l.slug)} aria-current={current === l.slug ? 'page' : undefined}>
                {l.title}
              </a>
              <span className="lesson-mark" aria-hidden="true" title={state}>{mark}</span>
              <span className="visually-hidden"> ({state})</span>
            </li>
          );
        })}
      </ol>
      <button type="button" className="lesson-reset" onClick={reset}>Reset progress</button>
    </nav>
  );
}
