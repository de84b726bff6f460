import { useLayoutEffect, useRef, type RefObject } from 'react';

/**
 * A ref that always holds the value of the latest render, for callbacks registered once (timers,
 * document listeners) that must call the newest props. Updated after the render commits, as React
 * asks: a ref is never written while rendering.
 */
export function useLatest<T>(value: T): RefObject<T> {
  const ref = useRef(value);
  useLayoutEffect(() => {
    ref.current = value;
  });
  return ref;
}
