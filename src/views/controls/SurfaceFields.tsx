import type { CliffSpec, ProductSpec, RosenbrockSpec, WellsSpec } from '../../engine';
import { Select } from '../../ui/Select';
import { RangeField } from '../../ui/RangeField';
import { SCALES } from './surface-model';

const NON_NEG = { min: 0 };
const POSITIVE = { min: 0, minExclusive: true };

export function RosenbrockFields({ surface, onChange }: { surface: RosenbrockSpec; onChange(s: RosenbrockSpec): void }) {
  return (
    <div className="control-stack">
      <p className="derived">f = (a − x)² + b (y − x²)², minimum at (a, a²).</p>
      <RangeField label="a" spoken="a, where the minimum is" value={surface.a} scale={SCALES.rosenA} rule={{}} onChange={(a) => onChange({ ...surface, a })} testId="rosen-a" />
      <RangeField label="b" spoken="b, the valley's steepness" value={surface.b} scale={SCALES.rosenB} rule={NON_NEG} onChange={(b) => onChange({ ...surface, b })} testId="rosen-b" />
    </div>
  );
}

export function CliffFields({ surface, onChange }: { surface: CliffSpec; onChange(s: CliffSpec): void }) {
  return (
    <div className="control-stack">
      <p className="derived">A bowl ½‖w‖² with a smoothed step: a cliff face at x = position.</p>
      <RangeField label="height" value={surface.height} scale={SCALES.cliffHeight} rule={NON_NEG} onChange={(height) => onChange({ ...surface, height })} testId="cliff-height" />
      <RangeField label="steepness" value={surface.steepness} scale={SCALES.cliffSteepness} rule={POSITIVE} onChange={(steepness) => onChange({ ...surface, steepness })} testId="cliff-steepness" />
      <RangeField label="position" value={surface.position} scale={SCALES.cliffPosition} rule={{}} onChange={(position) => onChange({ ...surface, position })} testId="cliff-position" />
    </div>
  );
}

export function WellsFields({ surface, onChange }: { surface: WellsSpec; onChange(s: WellsSpec): void }) {
  return (
    <div className="control-stack">
      <p className="derived">A bowl q‖w‖²/2 with {surface.wells.length} Gaussian wells of different depth.</p>
      <RangeField label="bowl q" spoken="bowl q, the curvature of the bowl" value={surface.bowl} scale={SCALES.bowl} rule={NON_NEG} onChange={(bowl) => onChange({ ...surface, bowl })} testId="wells-bowl" />
    </div>
  );
}

const POWERS: readonly { value: '1' | '2'; label: string }[] = [
  { value: '1', label: 'p = 1: ½(xy − t)²' },
  { value: '2', label: 'p = 2: ¼((xy)² − t)²' },
];

export function ProductFields({ surface, onChange }: { surface: ProductSpec; onChange(s: ProductSpec): void }) {
  return (
    <div className="control-stack">
      <p className="derived">
        f = ((xy)<sup>p</sup> − t)²/(2p): a two-layer scalar network x·y fitting t. Its minima fill a curve whose
        sharpness grows with x² + y².
      </p>
      <Select<'1' | '2'> label="power p" value={String(surface.power) as '1' | '2'} options={POWERS} onChange={(v) => onChange({ ...surface, power: v === '1' ? 1 : 2 })} />
      <RangeField label="target t" value={surface.target} scale={SCALES.target} rule={POSITIVE} onChange={(target) => onChange({ ...surface, target })} testId="product-target" />
    </div>
  );
}
