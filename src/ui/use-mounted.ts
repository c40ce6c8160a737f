import {useEffect, useRef} from 'react';

// Whether the component is still on screen: an answer that arrives after the operator left is dropped, not acted on.
export function useMounted(): {readonly current: boolean} {
  const mounted = useRef(true);
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);
  return mounted;
}
