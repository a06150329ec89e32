/**
 * Runs inside the page (serialised with toString; it must be self-contained). Starts a fill of the
 * stability map — 'open' navigates to #/map, 'kappa' switches to the (α, κ) map, 'adam' picks the
 * Adam run — and waits until the page shows the last row. Counts the main thread's long tasks from
 * the action until then (plus two frames and 200 ms for late observer entries).
 */
export interface Fill {
  /** The worker's time from job start to last row (data-ms). */
  ms: number;
  /** From the action to the page showing the map complete. */
  wall: number;
  rows: number;
  longTasks: number;
  taskMs: number[];
  agreement: string;
}

export async function fillInPage(action: 'open' | 'kappa' | 'adam'): Promise<Fill> {
  const progress = () => document.querySelector<HTMLElement>('[data-testid="map-progress"]');
  const taskMs: number[] = [];
  const observer = new PerformanceObserver((list) => {
    for (const e of list.getEntries()) taskMs.push(Math.round(e.duration));
  });
  observer.observe({ type: 'longtask' });
  const before = progress()?.dataset['ms'] ?? null;
  const t0 = performance.now();
  if (action === 'open') location.hash = '#/map';
  else if (action === 'kappa') document.querySelector<HTMLInputElement>('[data-testid="map-kind-alphaKappa"]')!.click();
  else {
    document.querySelector<HTMLInputElement>('[data-testid="map-kind-alphaBeta"]')!.click();
    const select = document.querySelector<HTMLSelectElement>('[data-testid="map-run"]')!;
    const adam = [...select.options].find((o) => /Adam/.test(o.text));
    if (!adam) throw new Error('no Adam run in the lab');
    // React listens for change events on the root; set the value through the native setter.
    Object.getOwnPropertyDescriptor(HTMLSelectElement.prototype, 'value')!.set!.call(select, adam.value);
    select.dispatchEvent(new Event('change', { bubbles: true }));
  }
  const deadline = t0 + 60_000;
  await new Promise<void>((resolve, reject) => {
    const check = () => {
      const p = progress();
      // A new job: its data-ms differs from the previous job's (or there was none).
      if (p && p.dataset['done'] === 'true' && p.dataset['ms'] !== before) return resolve();
      if (performance.now() > deadline) return reject(new Error(`the map did not fill: ${p?.textContent ?? 'no panel'}`));
      requestAnimationFrame(check);
    };
    requestAnimationFrame(check);
  });
  const wall = performance.now() - t0;
  await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
  await new Promise((r) => setTimeout(r, 200));
  observer.disconnect();
  const p = progress()!;
  return {
    ms: Number(p.dataset['ms']),
    wall,
    rows: Number(p.dataset['rows']),
    longTasks: taskMs.length,
    taskMs,
    agreement: document.querySelector('[data-testid="map-agreement"]')?.textContent ?? '',
  };
}
