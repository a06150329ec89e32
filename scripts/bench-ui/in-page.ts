/**
 * Runs inside the page (passed to page.evaluate as a function; it must be self-contained).
 * Sweeps the learning-rate slider on every animation frame for `ms` milliseconds, timing the work
 * of each update (input event → React render, commit and effects, measured up to a MessageChannel
 * task queued right after the event) and the frame intervals; counts long tasks meanwhile.
 */
export async function sweepSlider(args: { selector: string; ms: number }): Promise<{
  updates: number[];
  frames: number[];
  longTasks: number;
  crossings: number;
}> {
  const input = document.querySelector<HTMLInputElement>(args.selector);
  if (!input) throw new Error(`no slider matches ${args.selector}`);
  const min = Number(input.min);
  const max = Number(input.max);
  // Sweep ±0.3 decades around the run's stability boundary (its tick), so every sweep crosses it.
  const tick = input.closest('[data-run]')?.querySelector('[data-testid="boundary-tick"]');
  const boundary = Number(tick?.getAttribute('data-alpha'));
  const centre = boundary > 0 ? Math.log10(boundary) : Number(input.value);
  const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!;
  let longTasks = 0;
  const observer = new PerformanceObserver((list) => (longTasks += list.getEntries().length));
  observer.observe({ type: 'longtask' });
  const channel = new MessageChannel();
  const afterTasks = () => new Promise<void>((resolve) => {
    channel.port1.onmessage = () => resolve();
    channel.port2.postMessage(0);
  });
  const updates: number[] = [];
  const frames: number[] = [];
  let crossings = 0;
  let last = -1;
  let lastStable: boolean | null = null;
  const t0 = performance.now();
  await new Promise<void>((done) => {
    const frame = async (t: number) => {
      if (last >= 0) frames.push(t - last);
      last = t;
      if (t - t0 > args.ms) return done();
      // A triangle wave between centre − 0.3 and centre + 0.3 decades, 1.5 s each way.
      const phase = ((t - t0) / 1500) % 2;
      const v = Math.min(max, Math.max(min, centre - 0.3 + 0.6 * (phase < 1 ? phase : 2 - phase)));
      const before = performance.now();
      setter.call(input, String(v));
      input.dispatchEvent(new Event('input', { bubbles: true }));
      await afterTasks();
      updates.push(performance.now() - before);
      const stable = !/unstable/.test(input.getAttribute('aria-valuetext') ?? '');
      if (lastStable !== null && stable !== lastStable) crossings++;
      lastStable = stable;
      requestAnimationFrame(frame);
    };
    requestAnimationFrame(frame);
  });
  observer.disconnect();
  return { updates, frames, longTasks, crossings };
}

/**
 * Runs inside the page: scrolls the window so the loss chart and the eigendirection chart are in
 * view together (centred on both; their headings may sit just past the edges), waits two frames
 * and returns the scroll position.
 */
export async function scrollChartsIntoView(): Promise<number> {
  const loss = document.querySelector('.chart-loss')?.getBoundingClientRect();
  const eigen = document.querySelector('.chart-eigen')?.getBoundingClientRect();
  if (!loss || !eigen) throw new Error('the loss and eigendirection charts are not on the page');
  const top = loss.top + window.scrollY;
  const bottom = eigen.bottom + window.scrollY;
  window.scrollTo(0, Math.max(0, (top + bottom) / 2 - window.innerHeight / 2));
  await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
  return window.scrollY;
}
