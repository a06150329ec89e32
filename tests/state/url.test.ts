import { describe, expect, it } from 'vitest';
import { defaultDoc } from '../../src/state/doc';
import { decodeDoc, encodeDoc, readLocation } from '../../src/state/url';

describe('encodeDoc / decodeDoc', () => {
  it('round-trips the whole document', () => {
    const doc = defaultDoc();
    doc.view = { ...doc.view, logY: false, ema: 0.6, box: { xMin: -1, xMax: 1, yMin: -2, yMax: 2 }, onChange: 'continue' };
    const { doc: back, ignored } = decodeDoc(encodeDoc(doc));
    expect(ignored).toEqual([]);
    expect(back).toEqual(doc);
  });

  it('round-trips the training-loop extras (bad batch, guard, precision) and a product surface', () => {
    const doc = defaultDoc();
    doc.surface = { kind: 'product', target: 1, power: 2 };
    doc.runs[0] = {
      ...doc.runs[0]!, badBatch: { step: 30, kind: 'nan', scale: 100 }, guard: { skipFactor: 10, beta: 0.9, skipNonFinite: true },
      precision: { params: 'bf16', compute: 'fp16', lossScale: { init: 1024, growthFactor: 2, backoffFactor: 0.5, growthInterval: 100 } },
      schedule: { kind: 'cosineRestarts', t0: 20, tMult: 2, minFactor: 0.1 },
    };
    const { doc: back, ignored } = decodeDoc(encodeDoc(doc));
    expect(ignored).toEqual([]);
    expect(back).toEqual(doc);
    expect('badBatch' in back.runs[1]!, 'runs without extras stay compact').toBe(false);
  });

  it('reads it from a query string', () => {
    const doc = defaultDoc();
    const search = '?' + new URLSearchParams({ lab: encodeDoc(doc) }).toString();
    expect(readLocation(search)!.doc).toEqual(doc);
    expect(readLocation('?other=1')).toBeNull();
  });

  it('loads what is valid from a malformed link and says what it ignored', () => {
    const doc = JSON.parse(encodeDoc(defaultDoc()));
    doc.runs[1].optimizer.lr = 'fast';
    doc.runs[2].optimizer.learningRate = 0.1;
    doc.view.ema = 3;
    doc.colour = 'red';
    const { doc: back, ignored } = decodeDoc(JSON.stringify(doc));
    expect(back.runs.length).toBe(1);
    expect(back.runs[0]!.optimizer.lr).toBe(0.15);
    expect(back.view.ema).toBe(0);
    expect(ignored.join('\n')).toMatch(/run 2 ignored \(optimizer\.lr: .*string "fast"/);
    expect(ignored.join('\n')).toMatch(/run 3 ignored \(optimizer\.learningRate: unknown field/);
    expect(ignored.join('\n')).toMatch(/view\.ema ignored/);
    expect(ignored.join('\n')).toMatch(/unknown field "colour"/);
  });

  it('keeps the runs when only the surface is bad, and falls back to defaults for garbage', () => {
    const doc = JSON.parse(encodeDoc(defaultDoc()));
    doc.surface = { kind: 'bowl' };
    const a = decodeDoc(JSON.stringify(doc));
    expect(a.doc.surface).toEqual(defaultDoc().surface);
    expect(a.doc.runs.length).toBe(3);
    expect(a.ignored[0]).toMatch(/surface ignored \(surface\.kind: unknown kind/);
    for (const text of ['{not json', '42', 'null', '[]']) {
      const b = decodeDoc(text);
      expect(b.doc).toEqual(defaultDoc());
      expect(b.ignored.length).toBe(1);
    }
  });
});
