import { useId, useRef } from 'react';
import type { SurfaceKind, SurfaceSpec } from '../../engine';
import { useLab, useLabState } from '../../state/context';
import { NumberField } from '../../ui/NumberField';
import { Select } from '../../ui/Select';
import { QuadraticFields } from './QuadraticFields';
import { CliffFields, RosenbrockFields, ProductFields, WellsFields } from './SurfaceFields';
import { defaultSurface, SURFACE_OPTIONS } from './surface-model';
import './controls.css';

/** The loss surface every run shares, and where the runs start. */
export function SurfaceControls() {
  const lab = useLab();
  const surface = useLabState((s) => s.doc.surface);
  const start = useLabState((s) => s.doc.start);
  const headingId = useId();
  // Switching kind and back restores what the learner had set for that kind.
  const remembered = useRef<Partial<Record<SurfaceKind, SurfaceSpec>>>({});
  const onKind = (kind: SurfaceKind) => {
    if (kind === surface.kind) return;
    remembered.current[surface.kind] = surface;
    lab.setSurface(remembered.current[kind] ?? defaultSurface(kind));
  };
  return (
    <section className="panel controls-panel" aria-labelledby={headingId}>
      <h2 id={headingId}>Surface</h2>
      <Select<SurfaceKind> label="Kind" value={surface.kind} options={SURFACE_OPTIONS} onChange={onKind} testId="surface-kind" />
      <SurfaceFields surface={surface} onChange={lab.setSurface} />
      <fieldset className="group">
        <legend className="field-label">Start point w₀</legend>
        <div className="pair">
          <NumberField label="x" name="start x" value={start[0]} onCommit={(x) => lab.setStart([x, start[1]])} testId="start-x" />
          <NumberField label="y" name="start y" value={start[1]} onCommit={(y) => lab.setStart([start[0], y])} testId="start-y" />
        </div>
      </fieldset>
    </section>
  );
}

function SurfaceFields({ surface, onChange }: { surface: SurfaceSpec; onChange(s: SurfaceSpec): void }) {
  switch (surface.kind) {
    case 'quadratic':
      return <QuadraticFields surface={surface} onChange={onChange} />;
    case 'rosenbrock':
      return <RosenbrockFields surface={surface} onChange={onChange} />;
    case 'cliff':
      return <CliffFields surface={surface} onChange={onChange} />;
    case 'wells':
      return <WellsFields surface={surface} onChange={onChange} />;
    case 'product':
      return <ProductFields surface={surface} onChange={onChange} />;
  }
}
