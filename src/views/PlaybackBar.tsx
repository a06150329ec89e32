import { useEffect, useRef, type ChangeEvent } from 'react';
import { useLab, useLabState, usePlayback } from '../state/context';
import { MAX_LAB_STEPS, SPEEDS, type OnChange } from '../state/doc';

const SPEED_LABELS: Record<number, string> = { 1: '1 step/s (slow motion)', 3: '3 steps/s', 10: '10 steps/s', 30: '30 steps/s', 60: '60 steps/s (one per frame)', 240: '240 steps/s (4 per frame)' };

/** Play/pause, one step, reset, speed, step limit, and what a change during playback does. */
export function PlaybackBar() {
  const lab = useLab();
  const playing = usePlayback((s) => s.playing);
  const view = useLabState((s) => s.doc.view);
  const steps = useLabState((s) => s.doc.steps);
  const readout = useRef<HTMLOutputElement>(null);
  const scrub = useRef<HTMLInputElement>(null);

  // The step counter moves every frame: update it outside React, and only when k or the limit
  // moved (the store also notifies when a change to the runs re-sets the same limit).
  useEffect(() => {
    let shown = '';
    const paint = (k: number, limit: number) => {
      if (`${k}/${limit}` === shown) return;
      shown = `${k}/${limit}`;
      if (readout.current) readout.current.textContent = `step ${k} / ${limit}`;
      if (scrub.current) {
        scrub.current.max = String(limit);
        scrub.current.value = String(k);
        scrub.current.setAttribute('aria-valuetext', `step ${k} of ${limit}`);
      }
    };
    const s = lab.playback.getState();
    paint(s.k, s.limit);
    return lab.playback.subscribe((st) => paint(st.k, st.limit));
  }, [lab]);

  const pb = lab.playback.getState();
  const onSteps = (e: ChangeEvent<HTMLInputElement>) => {
    const n = Number(e.target.value);
    if (Number.isInteger(n) && n >= 1 && n <= MAX_LAB_STEPS) lab.setSteps(n);
  };
  return (
    <section className="panel playback" aria-label="Playback">
      <div className="playback-buttons">
        <button type="button" onClick={pb.toggle} aria-keyshortcuts="Space" aria-pressed={playing}>
          {playing ? 'Pause' : 'Play'}
        </button>
        <button type="button" onClick={pb.stepOnce} aria-keyshortcuts="ArrowRight">Step</button>
        <button type="button" onClick={() => { pb.pause(); pb.seek(0); }} aria-keyshortcuts="r">Reset</button>
        <output ref={readout} className="step-readout" aria-live="off" />
      </div>
      <label className="scrub">
        <span className="visually-hidden">Step shown</span>
        <input ref={scrub} type="range" min={0} step={1} onChange={(e) => { pb.pause(); pb.seek(Number(e.target.value)); }} />
      </label>
      <div className="playback-settings">
        <label>
          Speed{' '}
          <select value={view.speed} onChange={(e) => lab.setView({ speed: Number(e.target.value) })}>
            {SPEEDS.map((s) => <option key={s} value={s}>{SPEED_LABELS[s]}</option>)}
          </select>
        </label>
        <label>
          Step limit{' '}
          <input type="number" min={1} max={MAX_LAB_STEPS} step={1} defaultValue={steps} key={steps} onChange={onSteps} className="steps-input" />
        </label>
        <fieldset className="on-change">
          <legend>A change during playback</legend>
          {(['continue', 'restart'] as OnChange[]).map((m) => (
            <label key={m}>
              <input type="radio" name="on-change" value={m} checked={view.onChange === m} onChange={() => lab.setView({ onChange: m })} />
              {m === 'continue' ? ' continues from this step' : ' restarts the run'}
            </label>
          ))}
        </fieldset>
      </div>
    </section>
  );
}
