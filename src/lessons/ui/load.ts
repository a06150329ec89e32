import type { Lab } from '../../state/store';
import type { Experiment } from '../types';

/** Loads an experiment's preset into the lab and plays it from step 0. */
export function loadExperiment(lab: Lab, experiment: Experiment): void {
  lab.load(experiment.doc());
  lab.playback.getState().play();
}
