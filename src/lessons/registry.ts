import type { Lesson } from './types';
import { lesson as oscillationVsDivergence } from './content/oscillation-vs-divergence';

/** The course, in order. */
export const LESSONS: Lesson[] = [oscillationVsDivergence];
