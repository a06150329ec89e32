/** Titles and slugs of the lessons, in order: small enough for the first load (content is lazy). */
export const CATALOG: readonly { slug: string; title: string }[] = [
  { slug: 'oscillation-vs-divergence', title: 'Oscillation vs divergence' },
  { slug: 'anatomy-of-a-step', title: 'Anatomy of a step' },
  { slug: 'the-stability-boundary', title: 'The boundary α < 2/λmax' },
  { slug: 'ill-conditioning-and-momentum', title: 'Ill-conditioning and momentum' },
  { slug: 'adam-and-adaptive-steps', title: 'Adam and adaptive steps' },
  { slug: 'warmup', title: 'Warmup' },
  { slug: 'exploding-gradients-and-clipping', title: 'Exploding gradients and clipping' },
  { slug: 'gradient-noise-and-batch-size', title: 'Gradient noise and batch size' },
  { slug: 'loss-spikes-from-bad-data', title: 'Loss spikes from bad data' },
  { slug: 'precision-fp32-fp16-bf16', title: 'Precision: FP32, FP16, BF16' },
  { slug: 'the-learning-rate-finder', title: 'The learning-rate finder' },
  { slug: 'local-minima-and-schedules', title: 'Local minima and schedules' },
  { slug: 'the-debugging-workflow', title: 'The debugging workflow' },
  { slug: 'the-stability-checklist', title: 'The stability checklist' },
  { slug: 'the-edge-of-stability', title: 'The edge of stability' },
];
