import { createStore, type StoreApi } from 'zustand/vanilla';

/**
 * The playback cursor. Kept apart from the lab document so that the per-frame step counter can be
 * followed with transient subscriptions (store.subscribe) without re-rendering React trees.
 */
export interface PlaybackState {
  /** The step shown: points 0..k of every run are drawn. */
  k: number;
  limit: number;
  playing: boolean;
  play(): void;
  pause(): void;
  toggle(): void;
  /** One step forward (pauses). */
  stepOnce(): void;
  seek(k: number): void;
  setLimit(limit: number): void;
}

export type PlaybackStore = StoreApi<PlaybackState>;

export function createPlayback(): PlaybackStore {
  return createStore<PlaybackState>((set, get) => ({
    k: 0,
    limit: 0,
    playing: false,
    play: () => set({ playing: true, k: get().k >= get().limit ? 0 : get().k }),
    pause: () => set({ playing: false }),
    toggle: () => (get().playing ? get().pause() : get().play()),
    stepOnce: () => set({ playing: false, k: Math.min(get().limit, get().k + 1) }),
    seek: (k) => set({ k: Math.max(0, Math.min(get().limit, Math.round(k))) }),
    // A cursor at the end stays at the end when the limit moves.
    setLimit: (limit) => set({ limit, k: get().k >= get().limit ? limit : Math.min(get().k, limit) }),
  }));
}

/**
 * Advances a playing cursor at `speed()` steps per second on animation frames; stops at the limit.
 * Returns a function that stops the loop. Lives outside React.
 */
export function runPlaybackLoop(playback: PlaybackStore, speed: () => number): () => void {
  let raf = 0;
  let last = 0;
  let carry = 0;
  const frame = (t: number) => {
    const s = playback.getState();
    if (s.playing) {
      const dt = last ? Math.min(0.1, (t - last) / 1000) : 0;
      carry += dt * speed();
      const whole = Math.floor(carry);
      if (whole > 0) {
        carry -= whole;
        const k = Math.min(s.limit, s.k + whole);
        playback.setState({ k, playing: k < s.limit });
      }
    } else {
      carry = 0;
    }
    last = t;
    raf = requestAnimationFrame(frame);
  };
  raf = requestAnimationFrame(frame);
  return () => cancelAnimationFrame(raf);
}
