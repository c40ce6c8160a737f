// Liveness of the path to the API server for long-lived streams (watches, followed logs). HTTP/1.1 has no ping and
// a frozen path (a NAT, VPN or load balancer that drops packets without a reset) looks exactly like a quiet stream,
// so: every stream notes when it last heard from the server; while any stream has been silent for silenceMs and no
// request proved the path recently, one probe (GET /version on the same agent, probeTimeoutMs) asks the server.
// A probe that fails declares every stream that was silent when it started dead: each is torn down with the last
// time it was known true (its last byte, or the last proof of the path), and its owner reconnects ("stale since"). With the defaults a dead path is
// noticed within silence + tick + probe timeout = 5 + 1 + 4 = 10 s of the last byte, whatever the data rate.
export interface LivenessOptions {
  silenceMs?: number;
  probeTimeoutMs?: number;
  tickMs?: number;
  now?: () => number;
}

export interface TrackedStream {
  // A byte arrived from the server.
  heard(): void;
  // The stream ended: stop watching it.
  untrack(): void;
}

export interface PathLiveness {
  track(onDead: (lastHeardAt: number) => void): TrackedStream;
  // Any answer from the server (a one-shot response) proves the path, as a probe would.
  proven(): void;
  // One check, as the timer runs it; tests call it with a fake clock.
  check(): Promise<void>;
  readonly tracked: number;
}

interface Entry {
  lastHeardAt: number;
  onDead: (lastHeardAt: number) => void;
}

export const LIVENESS_DEFAULTS = {silenceMs: 5000, probeTimeoutMs: 4000, tickMs: 1000};

export function createPathLiveness(
  probe: (timeoutMs: number) => Promise<void>,
  onPathDead: () => void,
  options: LivenessOptions = {},
): PathLiveness {
  const silenceMs = options.silenceMs ?? LIVENESS_DEFAULTS.silenceMs;
  const probeTimeoutMs = options.probeTimeoutMs ?? LIVENESS_DEFAULTS.probeTimeoutMs;
  const tickMs = options.tickMs ?? LIVENESS_DEFAULTS.tickMs;
  const now = options.now ?? Date.now;
  const entries = new Set<Entry>();
  let provenAt = Number.NEGATIVE_INFINITY;
  let probing = false;
  let timer: NodeJS.Timeout | undefined;

  const runTimer = () => {
    if (entries.size > 0 && !timer && tickMs > 0) {
      timer = setInterval(() => {
        check().catch(() => undefined);
      }, tickMs);
      // Watching streams must never keep the process alive on its own.
      timer.unref();
    } else if (entries.size === 0 && timer) {
      clearInterval(timer);
      timer = undefined;
    }
  };

  async function check(): Promise<void> {
    if (probing) return;
    const startedAt = now();
    const silent = [...entries].filter((entry) => startedAt - entry.lastHeardAt >= silenceMs);
    if (silent.length === 0 || startedAt - provenAt < silenceMs) return;
    probing = true;
    try {
      await probe(probeTimeoutMs);
      provenAt = now();
    } catch {
      onPathDead();
      // A stream that heard something while the probe was out is alive, whatever the probe met.
      // What a stream showed was last known true when it last heard, or when a probe last proved the path.
      for (const entry of silent) {
        if (entries.has(entry) && entry.lastHeardAt < startedAt) {
          entries.delete(entry);
          entry.onDead(Math.max(entry.lastHeardAt, provenAt));
        }
      }
      runTimer();
    } finally {
      probing = false;
    }
  }

  return {
    track(onDead) {
      const entry: Entry = {lastHeardAt: now(), onDead};
      entries.add(entry);
      runTimer();
      return {
        heard: () => {
          entry.lastHeardAt = now();
        },
        untrack: () => {
          entries.delete(entry);
          runTimer();
        },
      };
    },
    proven() {
      provenAt = now();
    },
    check,
    get tracked() {
      return entries.size;
    },
  };
}
