// @vitest-environment happy-dom
import { act, createElement } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { useAfterFirstPaint } from './use-after-first-paint';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

function Panels() {
  return createElement('p', null, useAfterFirstPaint() ? 'panels' : 'body only');
}

let root: Root | null = null;
afterEach(() => {
  act(() => root?.unmount());
  root = null;
  vi.restoreAllMocks();
  document.body.replaceChildren();
});

function render() {
  const container = document.createElement('div');
  document.body.append(container);
  root = createRoot(container);
  act(() => root!.render(createElement(Panels)));
  return container;
}

const wait = (ms: number) => act(() => new Promise<void>((resolve) => setTimeout(resolve, ms)));

describe('useAfterFirstPaint', () => {
  it('is false for the first render and true once a frame has been drawn', async () => {
    const container = render();
    expect(container.textContent).toBe('body only');
    await act(() => new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve, 10))));
    expect(container.textContent).toBe('panels');
  });

  it('turns true in a tab that draws no frames (a background tab), a moment later', async () => {
    vi.spyOn(window, 'requestAnimationFrame').mockImplementation(() => 1);
    const container = render();
    await wait(50);
    expect(container.textContent).toBe('body only');
    await wait(250);
    expect(container.textContent).toBe('panels');
  });
});
