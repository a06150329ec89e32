import { useState } from 'react';
import { openHelp } from './HelpOverlay';

/** Title, the share button and the shortcut help. */
export function TopBar() {
  const [copied, setCopied] = useState<string | null>(null);
  const share = async () => {
    try {
      await navigator.clipboard.writeText(window.location.href);
      setCopied('Link copied: it reproduces this screen.');
    } catch {
      setCopied('Copy the address bar: it carries the whole lab.');
    }
    window.setTimeout(() => setCopied(null), 4000);
  };
  return (
    <header className="topbar">
      <div>
        <h1>Overshoot</h1>
        <p className="tagline">Why training oscillates, diverges and spikes — live.</p>
      </div>
      <div className="topbar-actions">
        <span role="status" className="topbar-status">{copied}</span>
        <button type="button" onClick={share}>Copy link</button>
        <button type="button" onClick={openHelp} aria-keyshortcuts="?">Shortcuts ?</button>
      </div>
    </header>
  );
}
