import {useLayoutEffect, useRef} from 'react';
import type {RefObject} from 'react';

// The newest value of something a callback or an effect reads later (a handler prop, a callback the caller
// recreates on every render), without making it a dependency. Updated in a layout effect, so it is current
// before any key or timer of the next frame can read it; refs are never written during render.
export function useLatest<T>(value: T): RefObject<T> {
  const ref = useRef(value);
  useLayoutEffect(() => {
    ref.current = value;
  });
  return ref;
}
