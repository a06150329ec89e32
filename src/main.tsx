import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { LabProvider } from './state/context';
import { defaultDoc } from './state/doc';
import { runPlaybackLoop } from './state/playback';
import { createLab } from './state/store';
import { hasLabState } from './state/url-encode';
import { syncUrl } from './state/url-sync';
import './styles.css';

const rootElement = document.getElementById('root');
if (!rootElement) throw new Error('Overshoot: #root element missing from index.html');

/** A shared link's state, validated by the spec parser (its own chunk: plain visits never load it). */
async function fromLink() {
  if (!hasLabState(window.location.search)) return null;
  const { readLocation } = await import('./state/url');
  return readLocation(window.location.search);
}

void fromLink().then((link) => {
  const lab = createLab(link?.doc ?? defaultDoc());
  if (link?.ignored.length) {
    lab.store.setState({ notices: link.ignored.map((m) => `From the link: ${m}.`) });
  }
  syncUrl(lab);
  runPlaybackLoop(lab.playback, () => lab.store.getState().doc.view.speed);

  createRoot(rootElement).render(
    <StrictMode>
      <LabProvider lab={lab}>
        <App />
      </LabProvider>
    </StrictMode>,
  );
});
