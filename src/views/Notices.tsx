import { useLab, useLabState } from '../state/context';

/** What the lab wants the learner to know, e.g. what a malformed link left out. */
export function Notices() {
  const notices = useLabState((s) => s.notices);
  const lab = useLab();
  return (
    <div className="notices" role="status" aria-live="polite">
      {notices.map((n, i) => (
        <p key={i} className="notice">
          <span>{n}</span>
          <button type="button" onClick={() => lab.dismissNotice(i)} aria-label={`Dismiss: ${n}`}>
            Dismiss
          </button>
        </p>
      ))}
    </div>
  );
}
