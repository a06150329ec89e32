import { useState } from 'react';
import type { QuadraticSpec, Vec2 } from '../../engine';
import { fmt } from '../../ui/format';
import { NumberField } from '../../ui/NumberField';
import { RangeField } from '../../ui/RangeField';
import { toDegrees, toRadians } from '../../ui/range-scale';
import { Segmented } from '../../ui/Segmented';
import { fromMaxKappa, maxKappaProblem, SCALES, toMaxKappa, type LambdaMode } from './surface-model';

export interface QuadraticFieldsProps {
  surface: QuadraticSpec;
  onChange(surface: QuadraticSpec): void;
}

/**
 * f(w) = ½ (w−c)ᵀ R(θ)ᵀ diag(λ1, λ2) R(θ) (w−c). Curvature by its eigenvalues (λ1, λ2) or by
 * λmax and the condition number κ; θ in degrees (the spec keeps radians); the centre c.
 */
export function QuadraticFields({ surface, onChange }: QuadraticFieldsProps) {
  const [mode, setMode] = useState<LambdaMode>('pair');
  const problem = maxKappaProblem(surface.eigenvalues);
  const shown: LambdaMode = problem ? 'pair' : mode;
  const set = (patch: Partial<QuadraticSpec>) => onChange({ ...surface, ...patch });
  const setEigen = (i: 0 | 1, v: number) => {
    const next: Vec2 = [...surface.eigenvalues];
    next[i] = v;
    set({ eigenvalues: next });
  };
  const { lambdaMax, kappa } = toMaxKappa(surface.eigenvalues);
  const lambdaMin = Math.min(...surface.eigenvalues);
  return (
    <div className="control-stack">
      <Segmented<LambdaMode>
        legend="Curvature entry"
        value={shown}
        options={[
          { value: 'pair', label: 'λ1, λ2' },
          { value: 'maxKappa', label: 'λmax, κ', disabled: problem !== null },
        ]}
        onChange={setMode}
        hint={problem ?? undefined}
      />
      {shown === 'pair' ? (
        <>
          <RangeField label="λ1" spoken="λ1, curvature along the first axis" value={surface.eigenvalues[0]} onChange={(v) => setEigen(0, v)} scale={SCALES.lambda} rule={{}} testId="lambda1" />
          <RangeField label="λ2" spoken="λ2, curvature along the second axis" value={surface.eigenvalues[1]} onChange={(v) => setEigen(1, v)} scale={SCALES.lambda} rule={{}} testId="lambda2" />
        </>
      ) : (
        <>
          <RangeField
            label="λmax" spoken="λmax, the largest curvature" value={lambdaMax} scale={SCALES.lambda} rule={{ min: 0, minExclusive: true }} testId="lambda-max"
            onChange={(v) => set({ eigenvalues: fromMaxKappa(v, kappa ?? 1, surface.eigenvalues) })}
          />
          <RangeField
            label="κ" spoken="κ, the condition number λmax/λmin" value={kappa ?? 1} scale={SCALES.kappa} rule={{ min: 1 }} testId="kappa"
            onChange={(v) => set({ eigenvalues: fromMaxKappa(lambdaMax, v, surface.eigenvalues) })}
          />
        </>
      )}
      <p className="derived" aria-live="off">
        λmax = {fmt(lambdaMax, 4)}, λmin = {fmt(lambdaMin, 4)}
        {kappa !== null ? <>, κ = {fmt(kappa, 4)}</> : <> — {lambdaMin < 0 ? 'a saddle: one direction curves down' : 'a flat direction'}</>}
      </p>
      <RangeField
        label="θ" spoken="θ, rotation of the axes" unit="°" value={toDegrees(surface.angle)} scale={SCALES.angle} rule={{}} testId="angle"
        onChange={(deg) => set({ angle: toRadians(deg) })}
      />
      <fieldset className="group">
        <legend className="field-label">Centre c (the minimum)</legend>
        <div className="pair">
          <NumberField label="x" name="centre x" value={surface.center[0]} onCommit={(x) => set({ center: [x, surface.center[1]] })} testId="center-x" />
          <NumberField label="y" name="centre y" value={surface.center[1]} onCommit={(y) => set({ center: [surface.center[0], y] })} testId="center-y" />
        </div>
      </fieldset>
    </div>
  );
}
