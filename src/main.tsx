import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { LabProvider } from './state/context';
import { defaultDoc } from './state/doc';
import { runPlaybackLoop } from './state/playback';
import { createLab } from './state/store';
import { readLocation } from './state/url';
import { syncUrl } from './state/url-sync';
import './styles.css';

const rootElement = document.getElementById('root');
if (!rootElement) throw new Error('Overshoot: #root element missing from index.html');

const fromLink = readLocation(window.location.search);
const lab = createLab(fromLink?.doc ?? defaultDoc());
if (fromLink?.ignored.length) {
  lab.store.setState({ notices: fromLink.ignored.map((m) => `From the link: ${m}.`) });
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
