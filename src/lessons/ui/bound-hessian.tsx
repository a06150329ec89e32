import { fmtPlain, texPlain } from '../../ui/format';
import type { CurrentBowl } from './bound-curvature';
import { M } from './Math';
import './bound.css';

const t = (x: number) => texPlain(x, 3);
const p = (x: number) => fmtPlain(x, 3);
const vec = (v: readonly [number, number]) => `(${p(v[0])}, ${p(v[1])})`;

const NAMES: Record<string, string> = { quadratic: 'quadratic bowl', rosenbrock: 'Rosenbrock valley', cliff: 'cliff', wells: 'wells' };

/** Where the figures' numbers come from, in words. */
export function whereText(b: CurrentBowl): string {
  if (b.source === 'lesson') return 'The lesson’s bowl';
  const name = `The lab’s ${NAMES[b.surfaceKind] ?? b.surfaceKind}`;
  return b.surfaceKind === 'quadratic' ? name : `${name}, as the bowl its Hessian gives near the minimum`;
}

/** The Hessian at the current surface's minimum and its eigen-decomposition, computed live. */
export function HessianCard({ bowl }: { bowl: CurrentBowl }) {
  const [a, b, c] = bowl.hessian;
  return (
    <div className="bound-card" data-testid="bound-hessian">
      <p>
        {bowl.source === 'lab'
          ? <>Right now the lab holds a {NAMES[bowl.surfaceKind] ?? bowl.surfaceKind}. At its minimum {vec(bowl.at)} the engine’s Hessian is</>
          : <>The lab’s surface cannot be used here ({bowl.reason}), so this is the lesson’s bowl. Its Hessian is</>}
      </p>
      <M block tex={`H = \\begin{pmatrix} ${t(a)} & ${t(b)} \\\\ ${t(b)} & ${t(c)} \\end{pmatrix}`} plain={`H = [[${p(a)}, ${p(b)}], [${p(b)}, ${p(c)}]]`} />
      <p>
        and its eigen-decomposition gives{' '}
        <M tex={`\\lambda_{\\max} = ${t(bowl.lambdaMax)}`} plain={`λmax = ${p(bowl.lambdaMax)}`} /> along{' '}
        <M tex={`v_{\\max} = (${t(bowl.vMax[0])}, ${t(bowl.vMax[1])})`} plain={`vmax = ${vec(bowl.vMax)}`} /> and{' '}
        <M tex={`\\lambda_{\\min} = ${t(bowl.lambdaMin)}`} plain={`λmin = ${p(bowl.lambdaMin)}`} /> along{' '}
        <M tex={`v_{\\min} = (${t(bowl.vMin[0])}, ${t(bowl.vMin[1])})`} plain={`vmin = ${vec(bowl.vMin)}`} />.
        The diagonal entries {p(a)} and {p(c)} are only the curvatures along the x and y axes; the eigenvalues are
        the largest and smallest curvature over every direction, and those are what decide stability.
        Load another surface or change the eigenvalues in the lab and these numbers, and the figure below, follow.
      </p>
    </div>
  );
}
