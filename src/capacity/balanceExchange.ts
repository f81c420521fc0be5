/**
 * The balancer's exchange search (see `balance.ts`): several small VMs of a crowded host for
 * one larger VM of a host with few, so that VM counts even out where no single move or swap
 * can, because both hosts are full in some resource.
 *
 * Typed-array reads use `!`: indices are in range by construction.
 */
import * as search from "./balanceSearch";
import type { VmTable } from "./failover";
import { DIMENSIONS } from "./hostFit";

const D = DIMENSIONS;
/** The search kernels, bound once (see `balance.ts`). */
const { exchangeInto, hostMeasure, sortByCpu } = search;
/** An exchange must lower the measure by more than this (as a move must, in `balance.ts`). */
const EPS = 1e-9;

/**
 * The exchange search over one cluster: it reads the balancer's loads (`used`, `win`) and
 * weights as they change, and keeps the crowded host's VMs by CPU. Allocates nothing per
 * search (one small method per VM, so the engine compiles it once and small).
 */
export class ExchangeSearch {
  private readonly demand: Float64Array;
  private readonly limit: Float64Array;
  private readonly windows: Uint8Array;
  /** The crowded host's VMs, largest CPU first (`count` of them). */
  private readonly crowded: Int32Array;
  count = 0;
  /** Per resource, the second smallest VM of the crowded host. */
  private readonly second = new Float64Array(D);
  /**
   * What {@link find} took from the crowded host (in its CPU order), and the loads of both
   * hosts after it.
   */
  readonly took: Int32Array;
  private readonly fresh = new Float64Array(2 * D);
  private readonly freshWin = new Float64Array(2);

  constructor(
    table: VmTable,
    vmCount: number,
    private readonly used: Float64Array,
    private readonly win: Float64Array,
    private readonly weight: Float64Array
  ) {
    this.demand = table.demand;
    this.limit = table.limit;
    this.windows = table.windows;
    this.crowded = new Int32Array(vmCount);
    this.took = new Int32Array(vmCount);
  }

  /** Starts the search on a crowded host: its VMs, `list`. */
  startHost(list: readonly number[]): void {
    this.count = sortByCpu(list, this.demand, this.crowded);
    secondSmallest(this.demand, this.crowded, this.count, this.second);
  }

  /**
   * The exchange of VM x of host b with the crowded host a: small VMs of a, taken largest
   * first while they fit b in place of x, until x fits a. Returns how many it takes (into
   * `took`) when at least two go and the measure drops; else 0.
   */
  find(x: number, a: number, b: number): number {
    const { demand, limit, windows, used, win, fresh, freshWin, second, crowded, took } = this;
    // When what x frees on b cannot take the second smallest VM of a in some resource, at most
    // one VM of a fits b in x's place (a host only fills up as VMs arrive), the exchange needs
    // two, and x is passed over.
    for (let j = 0; j < D; j++)
      if (used[b * D + j]! - demand[x * D + j]! + second[j]! > limit[j]!) return 0;
    // a' = a − S + x must fit; b' = b − x + S must fit.
    for (let j = 0; j < D; j++) {
      fresh[j] = used[a * D + j]! + demand[x * D + j]!; // a + x, S still to leave
      fresh[D + j] = used[b * D + j]! - demand[x * D + j]!; // b − x, S still to arrive
    }
    freshWin[0] = win[a]! + windows[x]!;
    freshWin[1] = win[b]! - windows[x]!;
    // Largest CPU first, so the VMs too big in CPU for b's room are a prefix of what is left:
    // found by bisection, and again after each VM taken (the room only shrinks). The scan ends
    // once two or more are taken and a fits: a's load changes only as a VM is taken, so it is
    // tested then, not before every VM scanned.
    let taken = 0;
    const count = this.count;
    let i = cpuFitFrom(crowded, 0, count, demand, fresh[D]!, limit[0]!);
    for (; i < count; i++) {
      const v = crowded[i]!;
      let fits = true;
      for (let j = 1; j < D && fits; j++) fits = fresh[D + j]! + demand[v * D + j]! <= limit[j]!;
      if (!fits) continue;
      took[taken++] = v;
      for (let j = 0; j < D; j++) {
        fresh[j] = fresh[j]! - demand[v * D + j]!;
        fresh[D + j] = fresh[D + j]! + demand[v * D + j]!;
      }
      freshWin[0] = freshWin[0]! - windows[v]!;
      freshWin[1] = freshWin[1]! + windows[v]!;
      if (taken >= 2 && fitsUnder(fresh, limit)) break;
      i = cpuFitFrom(crowded, i + 1, count, demand, fresh[D]!, limit[0]!) - 1;
    }
    if (taken < 2 || !fitsUnder(fresh, limit)) return 0;
    const { weight } = this;
    const before = hostMeasure(weight, used, win, a) + hostMeasure(weight, used, win, b);
    const after = hostMeasure(weight, fresh, freshWin, 0) + hostMeasure(weight, fresh, freshWin, 1);
    return after < before - EPS ? taken : 0;
  }

  /** After an exchange the balancer kept (x in, the first `taken` VMs of `took` out). */
  exchanged(x: number, taken: number): void {
    this.count = exchangeInto(this.crowded, this.count, this.took, taken, x, this.demand);
    secondSmallest(this.demand, this.crowded, this.count, this.second);
  }
}

/** Per resource, the second smallest demand among the first `count` VMs of `vms`, into `into`. */
function secondSmallest(
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

/**
 * The first index in [from, to) of `sorted` (largest CPU first) whose VM's CPU fits `room`:
 * `used + cpu <= limit`, the test the exchange pass makes, which holds on a suffix (a sum
 * rounds monotonically). `to` when none fits. A galloping search (from, from + 1, from + 3,
 * from + 7, …, then bisection of the last step): after a VM is taken the next one usually
 * fits, found in one probe where a bisection of the rest takes log₂ of it.
 */
function cpuFitFrom(
  sorted: Int32Array,
  from: number,
  to: number,
  demand: Float64Array,
  used: number,
  limit: number
): number {
  // Below lo none fits; hi is `to` or fits.
  let lo = from;
  let hi = from;
  for (let step = 1; hi < to && used + demand[sorted[hi]! * D]! > limit; step *= 2) {
    lo = hi + 1;
    hi = Math.min(to, hi + step);
  }
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (used + demand[sorted[mid]! * D]! <= limit) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** Whether the first D loads of `loads` are all within `limit`. */
function fitsUnder(loads: Float64Array, limit: Float64Array): boolean {
  for (let j = 0; j < D; j++) if (loads[j]! > limit[j]!) return false;
  return true;
}
