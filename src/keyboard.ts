import type { Lab } from './state/store';
import { LR_NUDGE, nudgeLr } from './views/controls/lr-actions';

export interface Shortcut {
  keys: string;
  does: string;
}

/** The shortcuts, as the help overlay lists them. */
export const SHORTCUTS: Shortcut[] = [
  { keys: 'Space', does: 'play / pause' },
  { keys: '→', does: 'one step forward' },
  { keys: '←', does: 'one step back' },
  { keys: 'r', does: 'reset to step 0' },
  { keys: '[  ]', does: 'learning rate of run 1 down / up by ×1.12 (20 steps a decade)' },
  { keys: 'l', does: 'loss axis: log ↔ linear' },
  { keys: 'z', does: 'reset the landscape zoom' },
  { keys: '?', does: 'this help' },
  { keys: 'Esc', does: 'close this help' },
];

function typing(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  const tag = target.tagName;
  if (tag === 'TEXTAREA' || tag === 'SELECT') return true;
  if (tag !== 'INPUT') return false;
  const type = (target as HTMLInputElement).type;
  return !['checkbox', 'radio', 'button', 'range'].includes(type);
}

/** Installs the global shortcuts; returns the uninstaller. Keys typed into fields are left alone. */
export function installShortcuts(lab: Lab, openHelp: () => void, win: Window = window): () => void {
  const onKey = (e: KeyboardEvent) => {
    if (e.ctrlKey || e.metaKey || e.altKey || e.defaultPrevented || typing(e.target)) return;
    const pb = lab.playback.getState();
    const onRange = e.target instanceof HTMLInputElement && e.target.type === 'range';
    const firstRun = lab.store.getState().doc.runs[0];
    let handled = true;
    switch (e.key) {
      case ' ':
        // Space belongs to the focused button, checkbox, radio or summary.
        if (e.target instanceof HTMLButtonElement || e.target instanceof HTMLInputElement || (e.target instanceof HTMLElement && e.target.tagName === 'SUMMARY')) return;
        pb.toggle();
        break;
      case 'ArrowRight':
        if (onRange) return;
        pb.stepOnce();
        break;
      case 'ArrowLeft':
        if (onRange) return;
        pb.pause();
        pb.seek(pb.k - 1);
        break;
      case 'r':
        pb.pause();
        pb.seek(0);
        break;
      case '[':
      case ']':
        if (firstRun) nudgeLr(lab, firstRun.id, e.key === ']' ? LR_NUDGE : 1 / LR_NUDGE);
        break;
      case 'l':
        lab.setView({ logY: !lab.store.getState().doc.view.logY });
        break;
      case 'z':
        lab.setView({ box: null });
        break;
      case '?':
        openHelp();
        break;
      default:
        handled = false;
    }
    if (handled) e.preventDefault();
  };
  win.addEventListener('keydown', onKey);
  return () => win.removeEventListener('keydown', onKey);
}
