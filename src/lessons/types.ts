import type { ReactNode } from 'react';
import type { LabDoc } from '../state/doc';

/** A preset of the run spec: one button in a lesson loads it into the live lab. */
export interface Experiment {
  id: string;
  label: string;
  /** The lab document the button loads (every run a full run spec with the shared surface). */
  doc: () => LabDoc;
}

/** What the engine says the right answer is, and how to judge a learner's answer against it. */
export interface Grade {
  correct: boolean;
  /** The engine's answer in words ("the largest stable α is 0.200"). */
  truth: string;
  /** Why, in a sentence or two. */
  explanation: string;
}

export type Question =
  | {
      kind: 'choice';
      prompt: string;
      options: { value: string; label: string }[];
      /** The experiment that is run once the learner has committed. */
      experiment: string;
      /** Grades against the engine, computed when the answer is committed. */
      grade(answer: string): Grade;
    }
  | {
      kind: 'number';
      prompt: string;
      /** Unit or symbol shown after the field (e.g. "α"). */
      unit: string;
      experiment: string;
      grade(answer: number): Grade;
    };

export interface Lesson {
  slug: string;
  title: string;
  /** One sentence: what the lesson claims. */
  claim: string;
  /** The lesson's prose, formulas and live figures. */
  Body: () => ReactNode;
  experiments: Experiment[];
  question: Question;
  takeaway: string;
  /** The interview-style answer "in one minute". */
  oneMinute: ReactNode;
}
