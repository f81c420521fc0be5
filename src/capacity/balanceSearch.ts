/**
 * Small searches of the balancer (see `balance.ts`) on host lists and VM tables: in-place list
 * edits that allocate nothing, and the orders its passes visit VMs in.
 *
 * Typed-array reads use `!`: indices are in range by construction.
 */
import type { VmTable } from "./failover";
import { DIMENSIONS } from "./hostFit";

const D = DIMENSIONS;

/** Changes of the measure smaller than this count as none. */
export const EPS = 1e-9;
/**
 * Relative slack under a floor (of a move's or a swap's gain) before it rules a host out: far
 * above the rounding of a few additions (≈ 1e-15), so a floor never passes over a host the
 * exact test would keep.
 */
export const FLOOR_MARGIN = 1e-9;

/** Order of the exchange pass's crowded VMs: CPU descending, ties by VM ascending. */
function cpuFirst(demand: Float64Array, p: number, q: number): number {
  return demand[q * D]! - demand[p * D]! || p - q;
}

/** Removes v from `list`, shifting the rest down in place. */
export function removeFrom(list: number[], v: number): void {
  let i = list.indexOf(v);
  for (; i + 1 < list.length; i++) list[i] = list[i + 1]!;
  list.pop();
}

/** Puts v into a rank-ordered list at its place, shifting the rest up in place. */
export function insertByRank(list: number[], v: number, rank: Int32Array): void {
  let lo = 0;
  let hi = list.length;
  const r = rank[v]!;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (rank[list[mid]!]! < r) lo = mid + 1;
    else hi = mid;
  }
  list.push(v);
  for (let i = list.length - 1; i > lo; i--) list[i] = list[i - 1]!;
  list[lo] = v;
}

/** Hosts 0..active−1 by VM count, most first (ties: lower host first), into `into`. */
export function byCount(
  hosts: readonly (readonly number[])[],
  active: number,
  into: Int32Array
): void {
  // An insertion sort of a few dozen hosts, with no array or comparator allocated per call.
  for (let h = 0; h < active; h++) {
    const count = hosts[h]!.length;
    let i = h;
    while (i > 0 && hosts[into[i - 1]!]!.length < count) {
      into[i] = into[i - 1]!;
      i--;
    }
    into[i] = h;
  }
}

/** `list` into `into` by {@link cpuFirst}; returns its length. */
export function sortByCpu(list: readonly number[], demand: Float64Array, into: Int32Array): number {
  for (let i = 0; i < list.length; i++) {
    const v = list[i]!;
    let p = i;
    while (p > 0 && cpuFirst(demand, into[p - 1]!, v) > 0) {
      into[p] = into[p - 1]!;
      p--;
    }
    into[p] = v;
  }
  return list.length;
}

/**
 * A CPU-ordered list of `count` VMs after an exchange: the first `taken` VMs of `took` out, x
 * in at its place. Returns the new length.
 */
export function exchangeInto(
  sorted: Int32Array,
  count: number,
  took: Int32Array,
  taken: number,
  x: number,
  demand: Float64Array
): number {
  let kept = 0;
  for (let i = 0; i < count; i++) {
    const v = sorted[i]!;
    let gone = false;
    for (let t = 0; t < taken && !gone; t++) gone = took[t] === v;
    if (!gone) sorted[kept++] = v;
  }
  let p = kept;
  while (p > 0 && cpuFirst(demand, sorted[p - 1]!, x) > 0) {
    sorted[p] = sorted[p - 1]!;
    p--;
  }
  sorted[p] = x;
  return kept + 1;
}

/**
 * A CPU-ordered list of `count` VMs after a swap: `left` out, `came` in at its place (the order
 * is total, so this is the list sorted afresh).
 */
export function swapInto(
  sorted: Int32Array,
  count: number,
  left: number,
  came: number,
  demand: Float64Array
): void {
  let p = sorted.indexOf(left);
  for (; p + 1 < count; p++) sorted[p] = sorted[p + 1]!;
  while (p > 0 && cpuFirst(demand, sorted[p - 1]!, came) > 0) {
    sorted[p] = sorted[p - 1]!;
    p--;
  }
  sorted[p] = came;
}

/** Per resource, the second smallest demand among the first `count` VMs of `vms`, into `into`. */
export function secondSmallest(
  demand: Float64Array,
  vms: Int32Array,
  count: number,
  into: Float64Array
): void {
  for (let j = 0; j < D; j++) {
    let first = Infinity;
    let next = Infinity;
    for (let i = 0; i < count; i++) {
      const x = demand[vms[i]! * D + j]!;
      if (x < first) {
        next = first;
        first = x;
      } else if (x < next) next = x;
    }
    into[j] = next;
  }
}

/** Whether (b, t) comes before (c, u): lower bound first, ties by lower host. */
export function precedes(b: number, t: number, c: number, u: number): boolean {
  return b < c || (b === c && t < u);
}

/**
 * The smallest and largest VM of `vms` per resource, Windows VMs last: D + 1 entries of `lo`
 * and `hi` from (D + 1)·`at`.
 */
export function spanOf(
  vms: readonly number[],
  demand: Float64Array,
  windows: Uint8Array,
  lo: Float64Array,
  hi: Float64Array,
  at: number
): void {
  const from = at * (D + 1);
  lo.fill(Infinity, from, from + D + 1);
  hi.fill(-Infinity, from, from + D + 1);
  for (let i = 0; i < vms.length; i++) {
    const v = vms[i]!;
    for (let j = 0; j < D; j++) {
      const x = demand[v * D + j]!;
      if (x < lo[from + j]!) lo[from + j] = x;
      if (x > hi[from + j]!) hi[from + j] = x;
    }
    const w = windows[v]!;
    if (w < lo[from + D]!) lo[from + D] = w;
    if (w > hi[from + D]!) hi[from + D] = w;
  }
}

/**
 * The swap pass's lower bound on the gain of swapping VM x (D + 1 entries, Windows VMs last)
 * with any VM w whose demand lies between `lo` and `hi`: with δ = x − x_w confined per
 * resource to [x − max, x − min], each term w·2δ(g + δ) is a parabola whose least value on
 * that interval is at −g/2 clamped into it. `lo`, `hi`, `gap` (g) and `halfGap` (−g/2) are
 * read from `at`; `weight` holds D + 1 entries too.
 */
export function swapBound(
  x: Float64Array,
  lo: Float64Array,
  hi: Float64Array,
  gap: Float64Array,
  halfGap: Float64Array,
  at: number,
  weight: Float64Array
): number {
  let b = 0;
  for (let j = 0; j < D; j++) {
    const d = Math.min(Math.max(halfGap[at + j]!, x[j]! - hi[at + j]!), x[j]! - lo[at + j]!);
    b += weight[j]! * 2 * d * (gap[at + j]! + d);
  }
  const d = Math.min(Math.max(halfGap[at + D]!, x[D]! - hi[at + D]!), x[D]! - lo[at + D]!);
  return b + weight[D]! * 2 * d * (gap[at + D]! + d);
}

/**
 * A floor under the swap pass's bound on partner host t for every VM x with vmLo ≤ x ≤ vmHi:
 * per resource the bound's term w·2δ(g + δ) is least at δ = −g/2 clamped to δ's interval
 * [x − max_t, x − min_t], which lies inside [vmLo − max_t, vmHi − min_t]; the least of the
 * parabola over the wider interval is no higher. `lo`, `hi` and `gap` hold D + 1 entries per
 * host, and `weight` D + 1 entries (Windows VMs last).
 */
export function swapFloor(
  t: number,
  vmLo: Float64Array,
  vmHi: Float64Array,
  lo: Float64Array,
  hi: Float64Array,
  gap: Float64Array,
  weight: Float64Array
): number {
  const at = t * (D + 1);
  let f = 0;
  for (let j = 0; j <= D; j++) {
    const g = gap[at + j]!;
    const d = Math.min(Math.max(-g / 2, vmLo[j]! - hi[at + j]!), vmHi[j]! - lo[at + j]!);
    f += weight[j]! * 2 * d * (g + d);
  }
  return f;
}

/**
 * The first index in [from, to) of `sorted` (largest CPU first) whose VM's CPU fits `room`:
 * `used + cpu <= limit`, the test the exchange pass makes, which holds on a suffix (a sum
 * rounds monotonically). `to` when none fits.
 */
export function cpuFitFrom(
  sorted: Int32Array,
  from: number,
  to: number,
  demand: Float64Array,
  used: number,
  limit: number
): number {
  let lo = from;
  let hi = to;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (used + demand[sorted[mid]! * D]! <= limit) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** Whether the first D loads of `loads` are all within `limit`. */
export function fitsUnder(loads: Float64Array, limit: Float64Array): boolean {
  for (let j = 0; j < D; j++) if (loads[j]! > limit[j]!) return false;
  return true;
}

/**
 * Per host t, a floor under the gain of moving any VM x with vmLo ≤ x ≤ vmHi (D + 1 entries,
 * Windows VMs last) from host a to t, into `into`: per resource the gain's term w·2x(g + x),
 * g = u_t − u_a, is a parabola least at x = −g/2 clamped into [vmLo, vmHi].
 */
export function moveFloors(
  a: number,
  active: number,
  vmLo: Float64Array,
  vmHi: Float64Array,
  used: Float64Array,
  win: Float64Array,
  weight: Float64Array,
  into: Float64Array
): void {
  for (let t = 0; t < active; t++) {
    let f = 0;
    for (let j = 0; j <= D; j++) {
      const g = j < D ? used[t * D + j]! - used[a * D + j]! : win[t]! - win[a]!;
      const x = Math.min(Math.max(-g / 2, vmLo[j]!), vmHi[j]!);
      f += weight[j]! * 2 * x * (g + x);
    }
    into[t] = f;
  }
}

/** Copies `list` into `into` (a host's VMs as a pass found them); returns its length. */
export function copyInto(list: readonly number[], into: Int32Array): number {
  for (let i = 0; i < list.length; i++) into[i] = list[i]!;
  return list.length;
}

/**
 * Deals the VMs of hosts 0..active−1 afresh, largest first (by rank), each to the fitting host
 * where it raises the measure Σ_j w_j·u_j² + w_win·win² least (ties: lower host; `weight` holds
 * D + 1 entries, Windows VMs last). Returns the VM lists per host (each in rank order), their
 * loads in `loads` and `wins`; null when a VM fits no host. `keys` holds at least as many
 * entries as the hosts have VMs.
 */
export function dealVms(
  table: VmTable,
  hosts: readonly (readonly number[])[],
  active: number,
  weight: Float64Array,
  keys: Float64Array,
  loads: Float64Array,
  wins: Float64Array
): number[][] | null {
  const { demand, limit, rank, windows } = table;
  // The VMs in rank order: keys rank·count + v (ranks are distinct, keys exact).
  const scale = rank.length;
  let total = 0;
  for (let h = 0; h < active; h++) {
    const list = hosts[h]!;
    for (let i = 0; i < list.length; i++) keys[total++] = rank[list[i]!]! * scale + list[i]!;
  }
  const vms = keys.subarray(0, total).sort();
  loads.fill(0, 0, active * D);
  wins.fill(0, 0, active);
  const lists: number[][] = [];
  for (let h = 0; h < active; h++) lists.push([]);
  for (let i = 0; i < total; i++) {
    const key = vms[i]!;
    // `| 0`: an integer, not a double, so the lists stay small-integer arrays like the packing's.
    const v = (key - Math.floor(key / scale) * scale) | 0;
    const vb = v * D;
    let best = -1;
    let bestDelta = Infinity;
    const xw = windows[v]!;
    for (let t = 0; t < active; t++) {
      let fits = true;
      let delta = weight[D]! * xw * (2 * wins[t]! + xw);
      for (let j = 0; j < D; j++) {
        const x = demand[vb + j]!;
        const u = loads[t * D + j]!;
        if (u + x > limit[j]!) {
          fits = false;
          break;
        }
        delta += weight[j]! * x * (2 * u + x);
      }
      if (fits && delta < bestDelta) {
        bestDelta = delta;
        best = t;
      }
    }
    if (best < 0) return null;
    lists[best]!.push(v); // in rank order, as every list is kept
    for (let j = 0; j < D; j++) loads[best * D + j] = loads[best * D + j]! + demand[vb + j]!;
    wins[best] = wins[best]! + xw;
  }
  return lists;
}

/**
 * Among a host's VMs by CPU (`sorted`, largest first, `count` of them), the first that a VM of
 * CPU demand `cpu` can swap with without its own host (CPU load `usedA`) going over `limit`:
 * the test `usedA − (cpu − x_w) > limit` fails for the largest VMs only.
 */
export function swapWindowStart(
  sorted: Int32Array,
  count: number,
  demand: Float64Array,
  cpu: number,
  usedA: number,
  limit: number
): number {
  let lo = 0;
  let hi = count;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (usedA - (cpu - demand[sorted[mid]! * D]!) > limit) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Among a host's VMs by CPU (`sorted`, largest first, `count` of them), the first too small to
 * swap with a VM of CPU demand `cpu`: the partner host (CPU load `usedT`) would go over `limit`,
 * `usedT + (cpu − x_w) > limit`, which holds for the smallest VMs only.
 */
export function swapWindowEnd(
  sorted: Int32Array,
  count: number,
  demand: Float64Array,
  cpu: number,
  usedT: number,
  limit: number
): number {
  let lo = 0;
  let hi = count;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (usedT + (cpu - demand[sorted[mid]! * D]!) > limit) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}
