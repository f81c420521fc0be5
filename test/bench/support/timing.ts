/** Timing for in-process benchmarks: warm-up calls, then medians of wall-clock and CPU time. */

/** The median (mean of the middle two for an even count); 0 for no values. */
export function median(values: readonly number[]): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

/** What {@link timed} measured, in ms, and the last call's result. */
export interface Timing<T> {
  /** Median wall-clock ms. */
  readonly wall: number;
  /** Median CPU ms of this process (user + system): what a run costs when other processes compete for the cores. */
  readonly cpu: number;
  readonly last: T;
}

/**
 * Median wall and CPU ms of `runs` calls of `fn` after `warmups` untimed ones (V8 compiles a
 * large function over its first calls: `analyze` takes several times its steady time for about
 * ten calls, and V8 keeps compiling until about the hundredth; see `WARM_CALLS` in
 * speed.bench.ts).
 */
export function timed<T>(runs: number, fn: () => T, warmups = 1): Timing<T> {
  let last = fn();
  for (let i = 1; i < warmups; i++) last = fn();
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < runs; i++) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    last = fn();
    wall.push(performance.now() - t0);
    const c = process.cpuUsage(c0);
    cpu.push((c.user + c.system) / 1000);
  }
  return { wall: median(wall), cpu: median(cpu), last };
}
