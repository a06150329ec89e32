import { describe, expect, it } from 'vitest';
import { simulate } from '../../src/engine';
import { defaultDoc, runSpecOf } from '../../src/state/doc';
import { createLab } from '../../src/state/store';

describe('createLab (a fresh store per test)', () => {
  it('computes every run of the document with the engine', () => {
    const lab = createLab(defaultDoc());
    const { doc, results } = lab.store.getState();
    expect(results.map((r) => r.id)).toEqual(doc.runs.map((r) => r.id));
    for (const [i, r] of results.entries()) {
      const direct = simulate(runSpecOf(doc, doc.runs[i]!));
      expect(Array.from(r.sim.w)).toEqual(Array.from(direct.w));
    }
  });

  it('recomputes only the run that changed', () => {
    const lab = createLab(defaultDoc());
    const before = lab.store.getState().results;
    const id = before[0]!.id;
    const run = lab.store.getState().doc.runs[0]!;
    lab.updateRun(id, { optimizer: { ...run.optimizer, lr: 0.19 } });
    const after = lab.store.getState().results;
    expect(after[0]).not.toBe(before[0]);
    expect(after[0]!.spec.optimizer.lr).toBe(0.19);
    expect(after[1]).toBe(before[1]);
    expect(after[2]).toBe(before[2]);
  });

  it('flips the predicted regime when α crosses 2/λmax', () => {
    const lab = createLab(defaultDoc()); // λ = [1, 10]: GD boundary 0.2
    const run = lab.store.getState().doc.runs[0]!;
    lab.updateRun(run.id, { optimizer: { ...run.optimizer, lr: 0.199 } });
    expect(lab.store.getState().results[0]!.regime).toBe('oscillating');
    expect(lab.store.getState().results[0]!.report.ratio).toBeCloseTo(0.995, 12);
    lab.updateRun(run.id, { optimizer: { ...run.optimizer, lr: 0.201 } });
    expect(lab.store.getState().results[0]!.regime).toBe('diverging');
    expect(lab.store.getState().results[0]!.observed).toBe('diverging');
  });

  it("'continue' mode keeps the past and applies the change from the current step", () => {
    const doc = defaultDoc();
    const lab = createLab({ ...doc, view: { ...doc.view, onChange: 'continue' } });
    const old = lab.store.getState().results[0]!;
    lab.playback.getState().seek(20);
    const run = lab.store.getState().doc.runs[0]!;
    lab.updateRun(run.id, { optimizer: { ...run.optimizer, lr: 0.05 } });
    const now = lab.store.getState().results[0]!;
    expect(now.history.map((s) => s.at)).toEqual([0, 20]);
    expect(Array.from(now.sim.w.subarray(0, 42))).toEqual(Array.from(old.sim.w.subarray(0, 42)));
    expect(now.sim.w[42]).not.toBe(old.sim.w[42]);
    expect(now.sim.lr[19]).toBe(0.15);
    expect(now.sim.lr[20]).toBe(0.05);
  });

  it("'restart' mode recomputes from step 0", () => {
    const lab = createLab(defaultDoc());
    lab.playback.getState().seek(20);
    const run = lab.store.getState().doc.runs[0]!;
    lab.updateRun(run.id, { optimizer: { ...run.optimizer, lr: 0.05 } });
    expect(lab.store.getState().results[0]!.history.map((s) => s.at)).toEqual([0]);
  });

  it('adds and removes runs within limits, and a new surface kind moves the start', () => {
    const lab = createLab(defaultDoc());
    lab.addRun();
    expect(lab.store.getState().results.length).toBe(4);
    const ids = lab.store.getState().doc.runs.map((r) => r.id);
    expect(new Set(ids).size).toBe(4);
    for (const id of ids.slice(1)) lab.removeRun(id);
    expect(lab.store.getState().doc.runs.length).toBe(1);
    lab.removeRun(ids[0]!);
    expect(lab.store.getState().doc.runs.length).toBe(1);
    lab.setSurface({ kind: 'rosenbrock', a: 1, b: 100 });
    expect(lab.store.getState().doc.start).toEqual([-1.5, 2]);
    expect(lab.store.getState().results[0]!.spec.surface.kind).toBe('rosenbrock');
  });
});

describe('playback', () => {
  it('starts at the end so the whole run shows, replays from 0, and follows the step limit', () => {
    const lab = createLab(defaultDoc());
    const pb = lab.playback;
    expect(pb.getState().k).toBe(100);
    pb.getState().play();
    expect(pb.getState().k).toBe(0);
    pb.getState().stepOnce();
    expect(pb.getState()).toMatchObject({ k: 1, playing: false });
    pb.getState().seek(1e9);
    expect(pb.getState().k).toBe(100);
    lab.setSteps(300);
    expect(pb.getState().k).toBe(300);
    pb.getState().seek(50);
    lab.setSteps(40);
    expect(pb.getState().k).toBe(40);
  });
});
