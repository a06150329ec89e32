import { preset } from '../preset';
import type { Lesson } from '../types';

/** Placeholder: being written. */
const BASE = preset({ surface: { kind: 'quadratic', eigenvalues: [1, 10], angle: 0, center: [0, 0] }, steps: 100, runs: [{ optimizer: { kind: 'sgd', lr: 0.1 } }] });

export const lesson: Lesson = {
  slug: 'the-stability-boundary',
  title: 'The boundary α < 2/λmax',
  claim: 'Coming soon.',
  Body: () => <p>This lesson is being written.</p>,
  experiments: [{ id: 'base', label: 'gradient descent on a bowl', doc: () => BASE }],
  question: {
    kind: 'choice',
    prompt: 'Placeholder question.',
    options: [{ value: 'a', label: 'a' }],
    experiment: 'base',
    grade: () => ({ correct: true, truth: 'Placeholder.', explanation: 'Placeholder.' }),
  },
  takeaway: 'Coming soon.',
  oneMinute: <p>Coming soon.</p>,
};
