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
  const start = Number(input.value);
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
      // A triangle wave over ±0.35 decades around the start: crosses the boundary back and forth.
      const phase = ((t - t0) / 1500) % 2;
      const v = Math.min(max, Math.max(min, start + 0.35 * (phase < 1 ? phase : 2 - phase)));
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
