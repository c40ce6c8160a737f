export const median = (values: readonly number[]) => percentile(values, 50);

// Nearest-rank percentile; NaN for no values (printed as such, never as a made-up number).
export function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

export const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
