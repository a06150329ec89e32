import { useMemo } from 'react';
import { roundTo } from '../../engine';
import { binade, layout } from '../../engine/analysis/prec-formats';
import { fmt } from '../../ui/format';
import { M } from './Math';
import { pow2 } from './prec-chart';
import { overflowFacts, scalerFacts, stallFacts, underflowFacts } from './prec-facts';
import { ChainTable, OverflowChart } from './prec-overflow';
import { NumberProbe, showValue } from './prec-probe';
import {
  BAD_SCALE, BAD_STEP, DEMO_INTERVAL, GRAD_SCALER, SPIKE_BOWL, SPIKE_LR, STALL_CENTER, STALL_LR, TINY_LR, TINY_STEPS,
} from './prec-presets';
import { ScalerChart, UnderflowChart } from './prec-scaling';
import { StallChart } from './prec-stall';
import { FormatTable } from './prec-table';

/** The known values the prose quotes, each rounded by the engine now. */
export function knownValues() {
  return {
    fp16Max: layout('fp16').max,
    r65519: roundTo('fp16', 65519),
    r65520: roundTo('fp16', 65520),
    oneTie: roundTo('fp16', 1 + 2 ** -11),
    bf65520: roundTo('bf16', 65520),
    bfOnePlus: roundTo('bf16', 1 + 2 ** -8),
    bf257: roundTo('bf16', 257),
    bfMax: layout('bf16').max,
    fp32Max: layout('fp32').max,
  };
}

function Formats() {
  const k = useMemo(knownValues, []);
  return (
    <>
      <p>
        A floating-point number is a sign, a significand of <M tex="p" plain="p" /> bits and an exponent:
        {' '}<M tex="x = \pm(1.b_1b_2\ldots b_{p-1})_2 \times 2^{e}" plain="x = ±(1.b₁b₂…b_(p−1))₂ × 2^e" />. The exponent bits decide the
        range; the significand bits decide how close two neighbours are. Between <M tex="2^e" plain="2^e" /> and
        {' '}<M tex="2^{e+1}" plain="2^(e+1)" /> the numbers are evenly spaced, one <em>ulp</em> apart, and rounding to the nearest one
        (ties to the even neighbour) is off by at most half of that:
      </p>
      <M block tex="\begin{aligned} \operatorname{ulp}(x) &= 2^{\lfloor \log_2 |x| \rfloor - p + 1}, \\ |\operatorname{fl}(x) - x| &\le \tfrac12 \operatorname{ulp}(x) \le 2^{-p}|x|. \end{aligned}"
        plain="ulp(x) = 2^(⌊log₂|x|⌋ − p + 1),   |fl(x) − x| ≤ ½·ulp(x) ≤ 2^(−p)·|x|." />
      <FormatTable />
      <p>
        FP16 spends 5 bits on the exponent, so its largest number is {k.fp16Max}: typing 65519 stores {showValue(k.r65519)}, and
        65520 — exactly halfway to 2¹⁶, where the tie would round up — stores {showValue(k.r65520)}. Its 11 significand bits put
        1 + 2⁻¹¹ exactly halfway between 1 and 1 + 2⁻¹⁰; the tie goes to the even neighbour, and FP16 stores {showValue(k.oneTie)}.
        BF16 keeps FP32’s 8 exponent bits (largest {fmt(k.bfMax, 3)} against FP32’s {fmt(k.fp32Max, 3)}), so 65520 is just
        {' '}{showValue(k.bf65520)} to it, but it has only 8 significand bits: 1 + 2⁻⁸ stores {showValue(k.bfOnePlus)} and 257
        stores {showValue(k.bf257)}. Try your own numbers; the rounding is the engine’s.
      </p>
      <NumberProbe />
    </>
  );
}

function Overflow() {
  const f = useMemo(overflowFacts, []);
  const s = f.summary;
  return (
    <>
      <h3>Overflow: ∞, then NaN</h3>
      <p>
        A bowl with curvatures {SPIKE_BOWL.eigenvalues.join(' and ')}, plain SGD at α = {fmt(SPIKE_LR, 1)}, the loss and gradients computed in a 16-bit format and the
        weights kept in FP32. At step {BAD_STEP} a bad batch arrives whose gradient is {BAD_SCALE}× the usual one (as in the
        loss-spike lesson): ‖g‖ jumps from about {fmt(f.usual)} to {fmt(f.rawBad)}. FP16 stores its components as
        {' '}({showValue(f.fp16Bad[0]!)}, {showValue(f.fp16Bad[1]!)}): one is over 65504. BF16 stores
        {' '}({showValue(f.bf16Bad[0]!)}, {showValue(f.bf16Bad[1]!)}) — coarse, but finite.
      </p>
      <OverflowChart />
      <p>
        The engine stops a run at its first non-finite value, because nothing after it means anything. Stepping on anyway shows
        why. With <M tex="g_y = +\infty" plain="g_y = +∞" />, the update gives <M tex="y = y - \alpha\cdot\infty = -\infty" plain="y = y − α·∞ = −∞" /> at
        step {s.firstInfParam}; there the loss is +∞ and the Hessian’s off-diagonal term carries the ∞ into both gradient
        components. The next update is <M tex="y - \alpha g_y = -\infty - (-\infty) = -\infty + \infty = \text{NaN}" plain="y − αg_y = −∞ − (−∞) = −∞ + ∞ = NaN" />:
        the first NaN appears at step {s.firstNaN}, and by step {s.allNaN} every weight is NaN. NaN is absorbing — any
        arithmetic with it gives NaN — so the run is over.
      </p>
      <ChainTable />
      <p>
        The BF16 run takes the same bad step: its loss spikes to {fmt(f.peak)} at step {f.peakStep}, is back below its pre-spike
        value by step {f.recovered}, and ends at {fmt(f.bf16End)} (float64: {fmt(f.f64End)}). BF16 was designed for exactly
        this: range first, precision second.
      </p>
    </>
  );
}

function Scaling() {
  const u = useMemo(underflowFacts, []);
  const sc = useMemo(scalerFacts, []);
  return (
    <>
      <h3>Underflow, and loss scaling</h3>
      <p>
        FP16’s other edge is at the bottom. Below its smallest normal number 2⁻¹⁴ ≈ 6.1×10⁻⁵ come the subnormals, evenly spaced
        2⁻²⁴ apart with fewer and fewer significant bits, and anything at or below half the smallest one, 2⁻²⁵ ≈ {fmt(u.flush)}, is
        flushed to 0. Gradients in deep networks are often that small. On the bowl <M tex="f = \tfrac12\lambda\|w\|^2" plain="f = ½λ‖w‖²" /> with
        λ = {fmt(u.lambda, 1)} (and α = {fmt(TINY_LR, 1)}, so αλ = {fmt(TINY_LR * u.lambda)}) the first gradient component is {fmt(u.g0)}; FP16 stores it as the
        subnormal {fmt(u.g0fp16.stored)}, {fmt(100 * u.g0fp16.relError, 2)} % off. Once
        {' '}<M tex="\lambda|x| \le 2^{-25}" plain="λ|x| ≤ 2⁻²⁵" /> the gradient is 0 and the weight never moves again: the engine’s FP16
        run stops at |x| = {fmt(u.fp16End)} from step {u.stall.step}, just under 2⁻²⁵/λ = {fmt(u.flushDistance)}. Even its
        loss, {fmt(u.trueLoss0)}, reads {fmt(u.fp16Loss0)} in FP16 (one reason autocast computes losses in FP32).
      </p>
      <p>
        Loss scaling multiplies the loss by <M tex="S" plain="S" /> before the backward pass. By the chain rule every gradient is
        multiplied by S too — exactly, for a power of two — so it is computed and stored in FP16 in a range where it keeps its bits;
        the optimizer divides by S again in FP32 before the step. With GradScaler’s initial S = 2¹⁶ the FP16 run reaches
        |x| = {fmt(u.scaledEnd)} after {TINY_STEPS} steps ({u.scaledOverflows === 0 ? 'S never overflows' : `${u.scaledOverflows} overflows`}), the same as the BF16 run without
        any scaling ({fmt(u.bf16End)}): BF16’s smallest normal number is FP32’s, about 1.2×10⁻³⁸.
      </p>
      <UnderflowChart />
      <p>
        Too large an S overflows instead, so PyTorch’s <code>GradScaler</code> adjusts it as it goes. Each step it checks the
        scaled gradients for ∞ or NaN:
      </p>
      <M block tex="S \leftarrow \begin{cases} S/2, \text{ skip} & \text{if } g S \text{ has } \pm\infty \text{ or NaN} \\ 2S & \text{after } N \text{ clean steps} \\ S & \text{otherwise} \end{cases}"
        plain="S ← S/2 and skip the step if some g·S is ±∞ or NaN; S ← 2S after N clean steps in a row; otherwise S stays." />
      <p>
        Its defaults are S = {pow2(Math.log2(GRAD_SCALER.init))} at the start and N = {GRAD_SCALER.growthInterval}. This demo
        uses N = {DEMO_INTERVAL} so that the pattern fits in {sc.steps} steps of a noisy FP16 run: S first halves until the
        gradients fit, then keeps trying the next power of two and falling back. It moves between {pow2(sc.min)} and
        {' '}{pow2(sc.max)}, and {sc.skipped.length} steps are skipped — each skip is one wasted batch, the cost of probing.
      </p>
      <ScalerChart />
    </>
  );
}

function Stall() {
  const f = useMemo(() => stallFacts(STALL_CENTER), []);
  const binLo = 2 ** binade(f.threshold);
  return (
    <>
      <h3>Small updates lost to rounding</h3>
      <p>
        BF16 pays for its range with 8 significand bits. When the weights themselves are stored in BF16, an update smaller
        than half the gap to the weight’s neighbour is rounded away: <M tex="w + \delta = w" plain="w + δ = w" />. For gradient
        descent on <M tex="f = \tfrac12\lambda(w - c)^2" plain="f = ½λ(w − c)²" /> the update is <M tex="\alpha\lambda|w - c|" plain="αλ|w − c|" />,
        so the weight stops for good once
      </p>
      <M block tex="\begin{aligned} &\alpha\lambda\,|w - c| \le \tfrac12\operatorname{ulp}(w) \\ \Longleftrightarrow\ &|w - c| \le \frac{\operatorname{ulp}(w)}{2\alpha\lambda}. \end{aligned}"
        plain="αλ|w − c| ≤ ½·ulp(w)  ⇔  |w − c| ≤ ulp(w)/(2αλ)." />
      <p className="prec-rule">
        With c = {STALL_CENTER}, α = {STALL_LR} and λ = 1 the weight stops in [{binLo}, {2 * binLo}), where BF16’s ulp is
        {' '}{pow2(Math.log2(f.ulpAtStop))} = {fmt(f.ulpAtStop)}: the prediction is {fmt(f.ulpAtStop)}/(2·{STALL_LR}) = {fmt(f.predicted)}.
        The engine’s pure-BF16 run stops at x = {showValue(f.stall.value)}, {fmt(f.distance)} short of the minimum, from
        step {f.stall.step} on. In FP32 the same rule gives ulp(3)/(2αλ) = {fmt(f.fp32Predicted)}, which is where the FP32 run ends ({fmt(f.fp32End)}).
      </p>
      <StallChart />
      <p>
        More steps do not help (the weight no longer moves), and neither does loss scaling (the gradient is fine; the update is
        small <em>relative to the weight</em>). What helps is where the update is added. Mixed-precision training keeps an FP32
        “master” copy of the weights and the optimizer state: forward and backward run in BF16, the update is added to the FP32
        copy, and nothing is lost. The engine’s run with FP32 master weights and BF16 compute ends {fmt(f.masterEnd)} from the
        minimum, like pure FP32. Note whose ulp the rule uses: the weight’s, not the update’s.
      </p>
    </>
  );
}

export function PrecBody() {
  return (
    <>
      <Formats />
      <Overflow />
      <Scaling />
      <Stall />
    </>
  );
}
