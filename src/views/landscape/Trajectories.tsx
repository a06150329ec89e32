import { memo, useLayoutEffect, useMemo, useRef } from 'react';
import { runColor } from '../../state/doc';
import type { RunResult } from '../../state/compute';
import { useLab } from '../../state/context';
import { setAttr as set } from '../set-attr';
import { CROSS, markTransform, sceneAt, trackFor, TRIANGLE, type RunView } from './scene';
import type { Frame } from './viewport';

interface Props {
  results: readonly RunResult[];
  frame: Frame;
}

/**
 * All runs' paths up to the playback step k. React renders them when results or the frame change;
 * each change of k is applied straight to the DOM through refs (no React render per frame).
 */
export const Trajectories = memo(function Trajectories({ results, frame }: Props) {
  const lab = useLab();
  const tracks = useMemo(() => results.map((r) => trackFor(r, frame)), [results, frame]);
  const root = useRef<SVGGElement>(null);
  const views = sceneAt(tracks, lab.playback.getState().k, frame.width, frame.height);

  useLayoutEffect(() => {
    const g = root.current;
    if (!g) return;
    const runs = Array.from(g.querySelectorAll<SVGGElement>(':scope > .ls-run'));
    const labels = Array.from(g.querySelectorAll<SVGTextElement>(':scope > .ls-labels > text'));
    let shown = -1;
    // Paths only grow or shrink as prefixes of one string: equal length means nothing to redraw.
    const lastLen = tracks.map(() => [-1, -1]);
    const apply = (k: number) => {
      if (k === shown) return;
      shown = k;
      sceneAt(tracks, k, frame.width, frame.height).forEach((v, i) => {
        const last = lastLen[i]!;
        const same = last[0] === v.d.length && last[1] === v.dots.length;
        last[0] = v.d.length;
        last[1] = v.dots.length;
        applyRun(runs[i], labels[i], v, same);
      });
    };
    apply(lab.playback.getState().k);
    return lab.playback.subscribe((s) => apply(s.k));
  }, [tracks, frame, lab]);

  return (
    <g ref={root} className="ls-runs">
      {results.map((r, i) => (
        <RunPaths key={r.id} color={runColor(r.index)} view={views[i]!} />
      ))}
      <g className="ls-labels">
        {views.map((v, i) => (
          // The text itself is written by applyRun (React owns no text node here).
          <text key={results[i]!.id} className="ls-label" x={v.place?.x ?? 0} y={v.place?.y ?? 0} textAnchor={v.place?.anchor ?? 'start'}
            dominantBaseline="central" visibility={v.place ? 'visible' : 'hidden'} />
        ))}
      </g>
    </g>
  );
});

function RunPaths({ color, view: v }: { color: string; view: RunView }) {
  return (
    <g className="ls-run">
      <path className="ls-halo" d={v.d} />
      <path className="ls-line" d={v.d} stroke={color} />
      <path className="ls-dots-halo" d={v.dots} />
      <path className="ls-dots" d={v.dots} stroke={color} />
      <circle className="ls-ring" r={6} fill={color} cx={v.ring?.[0] ?? 0} cy={v.ring?.[1] ?? 0} visibility={v.ring ? 'visible' : 'hidden'} />
      <path className={`ls-mark ls-mark-${v.mark?.kind ?? 'exit'}`} d={v.mark?.kind === 'stop' ? CROSS : TRIANGLE}
        fill={color} stroke={v.mark?.kind === 'stop' ? color : '#ffffff'} transform={markTransform(v)} visibility={v.mark ? 'visible' : 'hidden'} />
    </g>
  );
}

/** The transient update of one run's elements (same attributes RunPaths renders). */
function applyRun(g: SVGGElement | undefined, label: SVGTextElement | undefined, v: RunView, samePaths: boolean): void {
  if (!g) return;
  const [halo, line, dotsHalo, dots, ring, mark] = Array.from(g.children) as SVGElement[];
  if (!samePaths) {
    // After a React render the paths already hold this step's strings: compare, don't rewrite.
    for (const [el, d] of [[halo, v.d], [line, v.d], [dotsHalo, v.dots], [dots, v.dots]] as const) if (el) set(el, 'd', d);
  }
  if (ring) {
    set(ring, 'visibility', v.ring ? 'visible' : 'hidden');
    if (v.ring) {
      set(ring, 'cx', String(v.ring[0]));
      set(ring, 'cy', String(v.ring[1]));
    }
  }
  if (mark) {
    set(mark, 'visibility', v.mark ? 'visible' : 'hidden');
    if (v.mark) {
      const stop = v.mark.kind === 'stop';
      set(mark, 'd', stop ? CROSS : TRIANGLE);
      set(mark, 'class', `ls-mark ls-mark-${v.mark.kind}`);
      set(mark, 'stroke', stop ? (mark.getAttribute('fill') ?? '') : '#ffffff');
      set(mark, 'transform', markTransform(v));
    }
  }
  if (label) {
    set(label, 'visibility', v.place ? 'visible' : 'hidden');
    if (v.place) {
      set(label, 'x', String(v.place.x));
      set(label, 'y', String(v.place.y));
      set(label, 'text-anchor', v.place.anchor);
    }
    const text = v.label ?? '';
    if (label.textContent !== text) label.textContent = text;
  }
}
