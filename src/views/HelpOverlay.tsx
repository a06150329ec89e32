import { useEffect, useRef } from 'react';
import { installShortcuts, SHORTCUTS } from '../keyboard';
import { useLab } from '../state/context';

const OPEN_EVENT = 'overshoot:help';

/** Opens the shortcut overlay from anywhere (the top bar's button, the ? key). */
export function openHelp(): void {
  window.dispatchEvent(new Event(OPEN_EVENT));
}

/** The keyboard shortcuts, in a modal dialog; also installs them. */
export function HelpOverlay() {
  const lab = useLab();
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const open = () => {
      const d = dialog.current;
      if (d && !d.open) d.showModal();
    };
    window.addEventListener(OPEN_EVENT, open);
    const uninstall = installShortcuts(lab, open);
    return () => {
      window.removeEventListener(OPEN_EVENT, open);
      uninstall();
    };
  }, [lab]);
  return (
    <dialog ref={dialog} className="help" aria-labelledby="help-title">
      <h2 id="help-title">Keyboard shortcuts</h2>
      <table>
        <tbody>
          {SHORTCUTS.map((s) => (
            <tr key={s.keys}>
              <th scope="row"><kbd>{s.keys}</kbd></th>
              <td>{s.does}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p>Every control is also reachable with Tab; sliders move with the arrow keys (Page Up/Down for big steps).</p>
      <form method="dialog">
        <button type="submit" autoFocus>Close</button>
      </form>
    </dialog>
  );
}
