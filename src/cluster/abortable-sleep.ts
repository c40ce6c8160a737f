// Waits, or stops waiting as soon as the signal aborts. It removes its abort listener when it wakes: a stream
// that retries for hours must not pile listeners on its signal.
export function abortableSleep(milliseconds: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const wake = () => {
      clearTimeout(timer);
      signal.removeEventListener('abort', wake);
      resolve();
    };
    const timer = setTimeout(wake, milliseconds);
    signal.addEventListener('abort', wake, {once: true});
  });
}
