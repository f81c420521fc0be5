/**
 * Small searches of the balancer (see `balance.ts`) on host lists and VM tables: in-place list
 * edits that allocate nothing, and the orders its passes visit VMs in.
 *
 * Typed-array reads use `!`: indices are in range by construction.
 */
import type { VmTable } from "./failover";
import { DIMENSIONS } from "./hostFit";

const D = DIMENSIONS;
/**
 * Relative slack under a floor before it rules a host out: far above the rounding of a few
 * additions (≈ 1e-15), so a floor never passes over a host the exact test would keep.
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

/** Lists up to this long are sorted by insertion (longer ones by `Array.prototype.sort`). */
const INSERTION_SORT_MAX = 24;

/**
 * Sorts `list` in place by `key[v]`, or by v itself when `key` is null (ascending; keys
 * distinct). A host holds a few dozen VMs: an insertion sort, where `Array.prototype.sort`
 * would call a comparator per comparison, costing more than the sort itself; longer lists
 * (a packing can put a hundred small VMs on one host) keep the builtin's n·log n.
 */
export function sortByKey(list: number[], key: Int32Array | null): void {
  if (list.length > INSERTION_SORT_MAX) {
    if (key === null) list.sort((x, y) => x - y);
    else list.sort((x, y) => key[x]! - key[y]!);
    return;
  }
  for (let i = 1; i < list.length; i++) {
    const v = list[i]!;
    const k = key === null ? v : key[v]!;
    let p = i;
    for (; p > 0 && (key === null ? list[p - 1]! : key[list[p - 1]!]!) > k; p--)
      list[p] = list[p - 1]!;
    list[p] = v;
  }
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
 * in at its place. `took` lists them in the list's order (the exchange search takes them so),
 * so one merge finds them all. Returns the new length.
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
  let t = 0;
  for (let i = 0; i < count; i++) {
    const v = sorted[i]!;
    if (t < taken && took[t] === v) t++;
    else sorted[kept++] = v;
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
  for (let j = 0; j <= D; j++) {
    lo[from + j] = Infinity;
    hi[from + j] = -Infinity;
  }
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
 * Per host t, a floor under the gain of moving any VM x with vmLo ≤ x ≤ vmHi (D + 1 entries,
 * Windows VMs last) from host a to t, lowered by FLOOR_MARGIN, into `into`: per resource the
 * gain's term w·2x(g + x), g = u_t − u_a, is a parabola least at x = −g/2 clamped into
 * [vmLo, vmHi].
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
    into[t] = f - FLOOR_MARGIN * (1 + Math.abs(f));
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
 * The measure of host h: Σ_j w_j·u_j² + w_win·win², from `loads` (D per host) and `wins`, with
 * `weight` holding D + 1 entries (Windows VMs last).
 */
export function hostMeasure(
  weight: Float64Array,
  loads: Float64Array,
  wins: Float64Array,
  h: number
): number {
  let f = weight[D]! * wins[h]! * wins[h]!;
  for (let j = 0; j < D; j++) f += weight[j]! * loads[h * D + j]! * loads[h * D + j]!;
  return f;
}
