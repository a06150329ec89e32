import { createElement } from 'react';
import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { App } from '../../src/App.tsx';

describe('App placeholder', () => {
  const html = renderToString(createElement(App));

  it('renders the Overshoot heading inside a main landmark', () => {
    expect(html).toMatch(/^<main[^>]*>/);
    expect(html).toContain('<h1>Overshoot</h1>');
  });

  it('describes what the lab is for', () => {
    expect(html).toContain('interactive lab for why training oscillates, diverges and spikes');
  });
});
