/** Latency figures of one measurement, in milliseconds. */
export interface Latencies {
  count: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

/** The value below which `fraction` of the sorted samples fall (nearest rank). */
export function percentile(sorted: readonly number[], fraction: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.ceil(fraction * sorted.length) - 1;
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank))];
}

export function latencies(samples: readonly number[]): Latencies {
  const sorted = [...samples].sort((a, b) => a - b);
  return {
    count: sorted.length,
    p50: percentile(sorted, 0.5),
    p95: percentile(sorted, 0.95),
    p99: percentile(sorted, 0.99),
    max: sorted.at(-1) ?? Number.NaN,
  };
}

/** A figure measured over several runs: its median, and the spread. */
export interface Spread {
  median: number;
  min: number;
  max: number;
}

export function spread(values: readonly number[]): Spread {
  const sorted = [...values].sort((a, b) => a - b);
  return { median: percentile(sorted, 0.5), min: sorted[0] ?? Number.NaN, max: sorted.at(-1) ?? Number.NaN };
}

/** Several runs of a measurement summarised figure by figure: `{ p95: { median, min, max }, ... }`. */
export function acrossRuns<T extends Record<string, number>>(runs: readonly T[]): { [K in keyof T]: Spread } {
  const keys = Object.keys(runs[0] ?? {}) as (keyof T)[];
  return Object.fromEntries(keys.map((key) => [key, spread(runs.map((run) => run[key]))])) as { [K in keyof T]: Spread };
}

/** Runs `task` with `concurrency` workers until `durationMs` has passed; returns each call's time and failures. */
export async function closedLoop(
  concurrency: number,
  durationMs: number,
  task: (worker: number) => Promise<void>,
): Promise<{ times: number[]; errors: number; elapsedMs: number }> {
  const times: number[] = [];
  let errors = 0;
  const started = performance.now();
  const deadline = started + durationMs;
  await Promise.all(
    Array.from({ length: concurrency }, async (_, worker) => {
      while (performance.now() < deadline) {
        const before = performance.now();
        try {
          await task(worker);
          times.push(performance.now() - before);
        } catch {
          errors++;
        }
      }
    }),
  );
  return { times, errors, elapsedMs: performance.now() - started };
}
