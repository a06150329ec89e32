import { gdOptimal, heavyBallBoundary, heavyBallOptimal, nesterovBoundary } from '../../engine';
import { VALLEY_START, valley } from '../../engine/analysis/momentum-race';
import { fmtPlain } from '../../ui/format';
import { preset } from '../preset';
import type { Experiment } from '../types';

/** The race's valley: λ = 1 along x, λ = 100 along y. */
export const KAPPA = 100;
/** The question's valley: four times worse conditioned, so √κ doubles. */
export const QUESTION_KAPPA = 400;
export const VALLEY = valley(KAPPA);
export const GD = gdOptimal(1, KAPPA);
export const HB = heavyBallOptimal(1, KAPPA);
/** The momentum the boundary experiment uses for heavy ball and Nesterov alike. */
export const EDGE_BETA = 0.9;
export const HB_EDGE = heavyBallBoundary(KAPPA, EDGE_BETA);
export const NAG_EDGE = nesterovBoundary(KAPPA, EDGE_BETA);

const sgd = (lr: number, momentum = 0, nesterov = false) => ({ optimizer: { kind: 'sgd' as const, lr, momentum, nesterov } });

const CRAWL = preset({ surface: VALLEY, start: VALLEY_START, steps: 400, runs: [sgd(1 / KAPPA), sgd(GD.lr)], view: { speed: 60 } });
const RACE = preset({ surface: VALLEY, start: VALLEY_START, steps: 400, runs: [sgd(GD.lr), sgd(HB.lr, HB.momentum)], view: { speed: 60 } });
const EDGES = preset({
  surface: VALLEY, start: VALLEY_START, steps: 300, view: { speed: 30 },
  runs: [sgd(0.99 * HB_EDGE, EDGE_BETA), sgd(1.01 * HB_EDGE, EDGE_BETA), sgd(0.99 * NAG_EDGE, EDGE_BETA, true), sgd(1.01 * NAG_EDGE, EDGE_BETA, true)],
});
const Q_GD = gdOptimal(1, QUESTION_KAPPA);
const Q_HB = heavyBallOptimal(1, QUESTION_KAPPA);
export const QUESTION_DOC = preset({
  surface: valley(QUESTION_KAPPA), start: VALLEY_START, steps: 1500, view: { speed: 240 },
  runs: [sgd(Q_GD.lr), sgd(Q_HB.lr, Q_HB.momentum)],
});

export const experiments: Experiment[] = [
  { id: 'crawl', label: `GD in the κ = ${KAPPA} valley at α = 1/λmax (no zig-zag) and at its best α* = ${fmtPlain(GD.lr)} (zig-zag): both crawl`, doc: () => CRAWL },
  { id: 'race', label: `the race at κ = ${KAPPA}: GD at α* against heavy ball at Polyak’s α = ${fmtPlain(HB.lr)}, β = ${fmtPlain(HB.momentum)}`, doc: () => RACE },
  { id: 'edges', label: `β = ${EDGE_BETA}: heavy ball and Nesterov at 0.99× and 1.01× their boundaries`, doc: () => EDGES },
  { id: 'question', label: `the race at κ = ${QUESTION_KAPPA}: GD at α* against heavy ball at Polyak’s tuning`, doc: () => QUESTION_DOC },
];
