/**
 * The balancer's swap search (see `balance.ts`): for a VM of one host, the VM of another host
 * whose swap with it lowers the measure most. Only the two most promising partner hosts are
 * searched, a host is skipped when even its best conceivable partner cannot beat the best swap
 * found, and within a host only the window of VMs that fit both hosts by CPU is visited.
 *
 * Typed-array reads use `!`: indices are in range by construction.
 */
import * as search from "./balanceSearch";
import type { VmTable } from "./failover";
import { DIMENSIONS } from "./hostFit";

const D = DIMENSIONS;
/** The search kernels, bound once (see `balance.ts`). */
const { sortByCpu, spanOf, swapInto } = search;
const { FLOOR_MARGIN } = search;
/** Entries per host in the search's arrays: the resources, then Windows VMs. */
const E = D + 1;
/** Partner hosts searched per VM: those with the lowest bound on the gain. */
const SWAP_PARTNER_HOSTS = 2;
/** A swap must lower the measure by more than this (as a move must, in `balance.ts`). */
const EPS = 1e-9;

/**
 * The swap search over one cluster: it reads the balancer's host lists, loads (`used`, `win`)
 * and weights as they change, and keeps per host the span and CPU order of its VMs, refreshed
 * for the hosts marked in `changed`. Allocates nothing per search (its work is one small
 * method per VM, so the engine compiles it once and small).
 */
export class SwapSearch {
  private readonly demand: Float64Array;
  private readonly limit: Float64Array;
  private readonly rank: Int32Array;
  private readonly windows: Uint8Array;
  /** Hosts whose list changed since their span and CPU order were taken (1). */
  readonly changed: Uint8Array;
  /** Per host and resource (Windows VMs last) the smallest and largest VM. */
  private readonly lo: Float64Array;
  private readonly hi: Float64Array;
  /** Each host's VMs, largest CPU first. */
  private readonly byCpu: Int32Array[] = [];
  /** The searching host's smallest and largest VM per resource. */
  private readonly vmLo = new Float64Array(E);
  private readonly vmHi = new Float64Array(E);
  /** u_t − u_a per partner host t and resource, and its half negated. */
  private readonly gap: Float64Array;
  private readonly halfGap: Float64Array;
  private readonly bound: Float64Array;
  /**
   * Per partner a floor under `bound` for every VM of the searching host, the partners by it,
   * and the floor less its margin (FLOOR_MARGIN), taken once per host, not once per VM.
   */
  private readonly floor: Float64Array;
  private readonly floorLow: Float64Array;
  private readonly byFloor: Int32Array;
  private partners = 0;
  /** w_j·2 per resource and for Windows VMs: the first factor of each term of a swap's gain. */
  private readonly weight2 = new Float64Array(E);
  private readonly order = new Int32Array(SWAP_PARTNER_HOSTS);
  private readonly x = new Float64Array(E);
  /** What {@link best} found besides the host: the VM to swap with, and the VMs it visited. */
  swapWith = -1;
  visited = 0;

  constructor(
    table: VmTable,
    private readonly hosts: readonly (readonly number[])[],
    private readonly used: Float64Array,
    private readonly win: Float64Array,
    private readonly weight: Float64Array
  ) {
    const n = hosts.length;
    this.demand = table.demand;
    this.limit = table.limit;
    this.rank = table.rank;
    this.windows = table.windows;
    this.changed = new Uint8Array(n).fill(1);
    this.lo = new Float64Array(n * E);
    this.hi = new Float64Array(n * E);
    for (let h = 0; h < n; h++) this.byCpu.push(new Int32Array(hosts[h]!.length));
    this.gap = new Float64Array(n * E);
    this.halfGap = new Float64Array(n * E);
    this.bound = new Float64Array(n);
    this.floor = new Float64Array(n);
    this.floorLow = new Float64Array(n);
    this.byFloor = new Int32Array(n);
  }

  /** Starts a pass over the first `active` hosts: the weights doubled, changed hosts spanned. */
  startPass(active: number): void {
    for (let j = 0; j < E; j++) this.weight2[j] = this.weight[j]! * 2;
    for (let h = 0; h < active; h++) if (this.changed[h] === 1) this.spanHost(h);
  }

  /** Starts the search from host a: its span, then its partners' gaps and floors. */
  startHost(a: number, active: number): void {
    spanOf(this.hosts[a]!, this.demand, this.windows, this.vmLo, this.vmHi, 0);
    this.gaps(a, active);
  }

  /** After a swap of host h (`left` out, `came` in): its span, and its CPU order mended. */
  swapped(h: number, left: number, came: number): void {
    spanOf(this.hosts[h]!, this.demand, this.windows, this.lo, this.hi, h);
    swapInto(this.byCpu[h]!, this.hosts[h]!.length, left, came, this.demand);
    this.changed[h] = 0;
  }

  /**
   * u_t − u_a per partner host t and resource (Windows VMs last) and its half negated; then
   * each partner's floor under the bound of every VM of host a (`vmLo`..`vmHi`, as the pass
   * found them), and the partners in increasing floor (ties: lower host first) in `byFloor`.
   * Again after every change of the loads.
   */
  gaps(a: number, active: number): void {
    const { gap, halfGap, used, win, hosts, floor, floorLow, byFloor } = this;
    // Only partners are read (t ≠ a, not empty): their gaps and floor in one visit.
    let partners = 0;
    for (let t = 0; t < active; t++) {
      if (t === a || hosts[t]!.length === 0) continue;
      for (let j = 0; j < E; j++) {
        const c = j < D ? used[t * D + j]! - used[a * D + j]! : win[t]! - win[a]!;
        gap[t * E + j] = c;
        halfGap[t * E + j] = -c / 2;
      }
      const f = swapFloor(t, this.vmLo, this.vmHi, this.lo, this.hi, gap, this.weight);
      floor[t] = f;
      floorLow[t] = f - FLOOR_MARGIN * (1 + Math.abs(f));
      let i = partners++;
      while (i > 0 && f < floor[byFloor[i - 1]!]!) {
        byFloor[i] = byFloor[i - 1]!;
        i--;
      }
      byFloor[i] = t;
    }
    this.partners = partners;
  }

  /**
   * The partner host of the best swap of VM v of host a, or -1 when no swap lowers the
   * measure (by more than EPS); its VM in `swapWith`, the VMs visited in `visited`.
   */
  best(v: number, a: number): number {
    return this.bestSwap(a, this.swapPartners(v));
  }

  /** Host h's span and its VMs by CPU. */
  private spanHost(h: number): void {
    const list = this.hosts[h]!;
    spanOf(list, this.demand, this.windows, this.lo, this.hi, h);
    if (this.byCpu[h]!.length < list.length) this.byCpu[h] = new Int32Array(2 * list.length);
    sortByCpu(list, this.demand, this.byCpu[h]!);
    this.changed[h] = 0;
  }

  /**
   * VM v (into `x`) and its SWAP_PARTNER_HOSTS partner hosts of lowest bound, in increasing
   * bound (ties: lower host first), into `order`: a bounded insertion, the partners visited by
   * floor until no later one can enter. Returns how many.
   */
  private swapPartners(v: number): number {
    const { demand, windows, weight, lo, hi, gap, halfGap, bound, order, x, floorLow, byFloor } =
      this;
    for (let j = 0; j < D; j++) x[j] = demand[v * D + j]!;
    x[D] = windows[v]!;
    // `last`: the partner a new one must beat, once SWAP_PARTNER_HOSTS are in (else -1), and
    // `threshold` its bound (else −EPS, which every bound in `order` is under).
    let ordered = 0;
    let last = -1;
    let threshold = -EPS;
    for (let p = 0; p < this.partners; p++) {
      const t = byFloor[p]!;
      if (floorLow[t]! > threshold) break;
      const b = swapBound(x, lo, hi, gap, halfGap, t * E, weight);
      bound[t] = b;
      if (!(b < threshold || (last >= 0 && b === threshold && t < last))) continue;
      // One expression for both cases (a new partner, or one in place of the last), so that the
      // compiled search has seen it run before a third partner first beats the second.
      if (last < 0) ordered++;
      let i = ordered - 1;
      while (i > 0 && precedes(b, t, bound[order[i - 1]!]!, order[i - 1]!)) {
        order[i] = order[i - 1]!;
        i--;
      }
      order[i] = t;
      if (ordered >= SWAP_PARTNER_HOSTS) {
        last = order[ordered - 1]!;
        threshold = bound[last]!;
      }
    }
    return ordered;
  }

  /**
   * The best swap of the VM in `x` (of host a) with a VM of the first `ordered` hosts of
   * `order`: the host, or -1, and its VM in `swapWith`.
   */
  private bestSwap(a: number, ordered: number): number {
    const { hosts, demand, limit, windows, used, rank, gap, bound, order, x, weight2 } = this;
    const wWin2 = weight2[D]!;
    let bestT = -1;
    let bestW = -1;
    let bestDelta = -EPS;
    let visited = 0;
    for (let oi = 0; oi < ordered; oi++) {
      const t = order[oi]!;
      if (bound[t]! >= bestDelta) break;
      const list = hosts[t]!;
      // δ = x_v − x_w; Δ = Σ_j w_j·2δ_j(u_t − u_a + δ_j), Windows VMs included, with
      // u_t − u_a read from `gap` (the same differences, computed after every change).
      const at = t * E;
      const gapWin = gap[at + D]!;
      // Only a window of t's VMs by CPU fits both hosts in CPU (the test below, made by
      // bisection); every other resource is tested VM by VM. The window is visited in CPU
      // order, so ties fall to the lower rank (the list's order) explicitly.
      const sorted = this.byCpu[t]!;
      const start = swapWindowStart(sorted, list.length, demand, x[0]!, used[a * D]!, limit[0]!);
      const end = swapWindowEnd(sorted, list.length, demand, x[0]!, used[t * D]!, limit[0]!);
      for (let wi = start; wi < end; wi++) {
        const w = sorted[wi]!;
        let fits = true;
        const shiftWin = x[D]! - windows[w]!;
        let delta = wWin2 * shiftWin * (gapWin + shiftWin);
        for (let j = 0; j < D; j++) {
          const shift = x[j]! - demand[w * D + j]!;
          if (used[t * D + j]! + shift > limit[j]! || used[a * D + j]! - shift > limit[j]!) {
            fits = false;
            break;
          }
          delta += weight2[j]! * shift * (gap[at + j]! + shift);
        }
        const tie = t < bestT || (t === bestT && rank[w]! < rank[bestW]!);
        if (fits && (delta < bestDelta || (delta === bestDelta && tie))) {
          bestDelta = delta;
          bestT = t;
          bestW = w;
        }
      }
      visited += list.length;
    }
    this.swapWith = bestW;
    this.visited = visited;
    return bestT;
  }
}

/** Whether (b, t) comes before (c, u): lower bound first, ties by lower host. */
function precedes(b: number, t: number, c: number, u: number): boolean {
  return b < c || (b === c && t < u);
}

/**
 * The swap pass's lower bound on the gain of swapping VM x (D + 1 entries, Windows VMs last)
 * with any VM w whose demand lies between `lo` and `hi`: with δ = x − x_w confined per
 * resource to [x − max, x − min], each term w·2δ(g + δ) is a parabola whose least value on
 * that interval is at −g/2 clamped into it. `lo`, `hi`, `gap` (g) and `halfGap` (−g/2) are
 * read from `at`; `weight` holds D + 1 entries too.
 */
function swapBound(
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
function swapFloor(
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
 * Among a host's VMs by CPU (`sorted`, largest first, `count` of them), the first that a VM of
 * CPU demand `cpu` can swap with without its own host (CPU load `usedA`) going over `limit`:
 * the test `usedA − (cpu − x_w) > limit` fails for the largest VMs only.
 */
function swapWindowStart(
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
function swapWindowEnd(
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
