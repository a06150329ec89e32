import { createElement } from 'react';
import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { App } from '../../src/App';
import { LabProvider } from '../../src/state/context';
import { defaultDoc } from '../../src/state/doc';
import { createLab } from '../../src/state/store';

describe('App', () => {
  const lab = createLab(defaultDoc());
  const html = renderToString(createElement(LabProvider, { lab, children: createElement(App) }));

  it('renders the title and a main landmark', () => {
    expect(html).toContain('<h1>Overshoot</h1>');
    expect(html).toMatch(/<main[^>]*>/);
  });

  it('renders the playback controls', () => {
    expect(html).toContain('aria-label="Playback"');
    expect(html).toMatch(/>Play</);
  });
});
