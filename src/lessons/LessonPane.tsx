import { useEffect } from 'react';
import { useLab } from '../state/context';
import { progressStore } from './progress-store';
import { LESSONS } from './registry';
import { lessonHref } from './route';
import { loadExperiment } from './ui/load';
import { Predict } from './ui/Predict';
import './lessons.css';

/** A lesson beside the live lab: claim, prose with formulas, experiments, prediction, takeaway. */
export default function LessonPane({ slug }: { slug: string }) {
  const lab = useLab();
  const index = LESSONS.findIndex((l) => l.slug === slug);
  const lesson = LESSONS[index];
  useEffect(() => {
    if (lesson) progressStore.getState().mark(lesson.slug, { visited: true });
  }, [lesson]);
  if (!lesson) {
    return (
      <article className="lesson panel" aria-labelledby="lesson-missing">
        <h2 id="lesson-missing">No such lesson</h2>
        <p>There is no lesson called “{slug}”. Pick one from the list of lessons.</p>
      </article>
    );
  }
  const prev = LESSONS[index - 1];
  const next = LESSONS[index + 1];
  const { Body } = lesson;
  return (
    <article className="lesson panel" aria-labelledby="lesson-title" data-testid={`lesson-${lesson.slug}`}>
      <p className="lesson-kicker">Lesson {index + 1} of {LESSONS.length}</p>
      <h2 id="lesson-title">{lesson.title}</h2>
      <p className="lesson-claim"><strong>Claim.</strong> {lesson.claim}</p>
      <div className="lesson-body"><Body /></div>
      <section className="lesson-experiments" aria-label="Experiments">
        <h3>Experiments</h3>
        <ul>
          {lesson.experiments.map((e) => (
            <li key={e.id}>
              <button type="button" onClick={() => loadExperiment(lab, e)} data-testid={`experiment-${e.id}`}>
                Load into the lab: {e.label}
              </button>
            </li>
          ))}
        </ul>
      </section>
      <Predict key={lesson.slug} lesson={lesson} />
      <p className="lesson-takeaway"><strong>Takeaway.</strong> {lesson.takeaway}</p>
      <details className="lesson-minute">
        <summary>In one minute (interview answer)</summary>
        <div>{lesson.oneMinute}</div>
      </details>
      <nav className="lesson-prevnext" aria-label="Previous and next lesson">
        {prev ? <a href={lessonHref(prev.slug)} rel="prev">← {prev.title}</a> : <span />}
        {next ? <a href={lessonHref(next.slug)} rel="next">{next.title} →</a> : <a href="#/">Back to the lab</a>}
      </nav>
    </article>
  );
}
