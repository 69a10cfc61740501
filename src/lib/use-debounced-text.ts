import { useEffect, useState } from 'react';

/**
 * Text a person types into a search box, committed after a pause in typing. Follows the committed
 * value when it changes from outside (the address bar, a reset). Returns the text and its setter.
 */
export function useDebouncedText(committed: string, commit: (text: string) => void, delayMs = 250): [string, (text: string) => void] {
  const [text, setText] = useState(committed);
  useEffect(() => setText(committed), [committed]);
  useEffect(() => {
    if (text === committed) return;
    const timer = setTimeout(() => commit(text), delayMs);
    return () => clearTimeout(timer);
  }, [text, committed, commit, delayMs]);
  return [text, setText];
}
