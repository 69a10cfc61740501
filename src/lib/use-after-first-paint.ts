import { useEffect, useState } from 'react';

/**
 * False until the browser has drawn the component's first render (or, in a background tab,
 * which draws nothing, a moment later), then true. For what a screen may start a moment later,
 * such as its side panels' requests, so that work does not hold up its first frame.
 */
export function useAfterFirstPaint(): boolean {
  const [painted, setPainted] = useState(false);
  useEffect(() => {
    const done = () => setPainted(true);
    let afterFrame: ReturnType<typeof setTimeout> | undefined;
    // A task queued in a frame's callback runs once that frame is drawn.
    const frame = requestAnimationFrame(() => {
      afterFrame = setTimeout(done, 0);
    });
    const fallback = setTimeout(done, 200);
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(afterFrame);
      clearTimeout(fallback);
    };
  }, []);
  return painted;
}
