/** Titles and slugs of the lessons, in order: small enough for the first load (content is lazy). */
export const CATALOG: readonly { slug: string; title: string }[] = [
  { slug: 'oscillation-vs-divergence', title: 'Oscillation vs divergence' },
];
