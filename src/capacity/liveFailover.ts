/**
 * The balancer's failover check: `simulateFailures`' verdict on a layout the balancer
 * changes move by move, at a fraction of its cost (see {@link LiveFailoverCheck}).
 *
 * Typed-array reads use `!`: indices are in range by construction.
 */
import { DIMENSIONS } from "./hostFit";
import * as failover from "./failover";
import type { VmTable } from "./failover";

const D = DIMENSIONS;

/**
 * The placement kernels, bound once here: compiled to CommonJS (tsx, the bench, the profiles),
 * each use of a named import reads the exporting module's getter, which cost the simulation's
 * per-VM loop about a third of its time.
 */
const { leastLoadedFit, loadOf, reorder, survivorsInOrder } = failover;

/** What a {@link LiveFailoverCheck} found: the verdict, the first failing set, the work. */
export interface LiveVerdict {
  readonly survives: boolean;
  /** The first failure set that failed (null when the cluster survives). */
  readonly failedHosts: readonly number[] | null;
  /** Work, counted exactly as `simulateFailures` counts it. */
  readonly work: number;
}

/**
 * Relative margin under a limit within which {@link LiveFailoverCheck} proves a failure set
 * without simulating it: far above the rounding of a few dozen additions (≈ 1e-14), so the
 * simulation's own sums can never land above the limit where the proof says they stay under.
 */
const PROOF_MARGIN = 1e-9;

/**
 * The balancer's failover check: the verdict of `simulateFailures(table, hosts, k,
 * { stopAtFirstFailure: true, maxFailuresRecorded: 1, live: { used }, firstScenario })` — the
 * same failure sets in the same order, the same first failing set and the same work — with
 * its buffers allocated once per cluster, and each failure set first tried by a proof: when
 * one survivor can take the whole load of the failed hosts with room to spare (PROOF_MARGIN),
 * every VM of theirs fits that survivor whenever its turn comes, so the policy places them all
 * and the simulation is skipped (its work is still counted, as if it had run). A set the
 * proof cannot settle is simulated as before, so the verdict is never weaker. The simulation
 * keeps the survivors sorted by (load, host) as `simulateFailures` does, sorted once per check.
 */
export class LiveFailoverCheck {
  private readonly used: Float64Array;
  private readonly load: Float64Array;
  private readonly baseLoad: Float64Array;
  private readonly failedLoad = new Float64Array(D);
  /** Per resource the least base load of any host, taken once per check. */
  private readonly leastBase = new Float64Array(D);
  private readonly failed: Uint8Array;
  /**
   * Every host by base load (ties: lower host first), sorted once per check from the last
   * check's order: a move or two apart, it is nearly sorted already.
   */
  private readonly byLoad: Int32Array;
  /** One scenario's survivors by current load (ties: lower host first). */
  private readonly order: Int32Array;
  private moving: Int32Array;
  /** The failure set being checked (its hosts in increasing order). */
  private readonly set: number[] = [];

  constructor(
    private readonly table: VmTable,
    private readonly n: number
  ) {
    this.used = new Float64Array(n * D);
    this.load = new Float64Array(n);
    this.baseLoad = new Float64Array(n);
    this.failed = new Uint8Array(n);
    this.byLoad = new Int32Array(n);
    for (let h = 0; h < n; h++) this.byLoad[h] = h;
    this.order = new Int32Array(n);
    this.moving = new Int32Array(64);
  }

  /**
   * Checks `hosts` (lists in re-placement order, loads in `base`) against every set of `k`
   * failed hosts, `first` first; stops at the first set that fails.
   */
  check(
    hosts: readonly (readonly number[])[],
    k: number,
    base: Float64Array,
    first: readonly number[] | undefined
  ): LiveVerdict {
    const n = this.n;
    const { baseLoad } = this;
    for (let h = 0; h < n; h++) baseLoad[h] = loadOf(this.table, base, h);
    // Loops, not `fill`: a typed array's fill is a call into the runtime, a few hundred
    // nanoseconds each, and a check makes one per call and one per failure set.
    const { leastBase } = this;
    for (let j = 0; j < D; j++) leastBase[j] = Infinity;
    for (let h = 0; h < n; h++)
      for (let j = 0; j < D; j++) leastBase[j] = Math.min(leastBase[j]!, base[h * D + j]!);
    resortByLoad(baseLoad, this.byLoad);
    if (n <= k) {
      const all = Array.from({ length: n }, (_, h) => h);
      const stranded = hosts.some((list) => list.length > 0);
      return { survives: !stranded, failedHosts: stranded ? all : null, work: 0 };
    }
    let work = 0;
    const firstKey = first !== undefined && first.length === k ? first : null;
    if (firstKey !== null) {
      const r = this.scenario(hosts, firstKey, base);
      if (r < 0) return { survives: false, failedHosts: firstKey.slice(), work: -r };
      work += r;
    }
    // The first set in lexicographic order, in the check's own array (no closure per check).
    const set = this.set;
    set.length = 0;
    for (let i = 0; i < k; i++) set.push(i);
    for (;;) {
      if (firstKey === null || !sameSet(set, firstKey)) {
        const r = this.scenario(hosts, set, base);
        if (r < 0) return { survives: false, failedHosts: set.slice(), work: work - r };
        work += r;
      }
      // Next combination in lexicographic order.
      let i = k - 1;
      while (i >= 0 && set[i] === n - k + i) i--;
      if (i < 0) break;
      set[i] = set[i]! + 1;
      for (let t = i + 1; t < k; t++) set[t] = set[t - 1]! + 1;
    }
    return { survives: true, failedHosts: null, work };
  }

  /**
   * The proof: one survivor takes the whole failed load (`failedLoad`) with room to spare. No
   * host can when even the least base load of any host has no room in some resource.
   */
  private proved(base: Float64Array): boolean {
    const { limit } = this.table;
    const { failed, failedLoad, leastBase } = this;
    for (let j = 0; j < D; j++) {
      const lim = limit[j]!;
      if (leastBase[j]! + failedLoad[j]! > lim - PROOF_MARGIN * Math.abs(lim)) return false;
    }
    for (let s = 0; s < this.n; s++) {
      if (failed[s] === 1) continue;
      let room = true;
      for (let j = 0; j < D; j++) {
        const lim = limit[j]!;
        if (base[s * D + j]! + failedLoad[j]! > lim - PROOF_MARGIN * Math.abs(lim)) {
          room = false;
          break;
        }
      }
      if (room) return true;
    }
    return false;
  }

  /**
   * One failure set: its work when every VM is placed, or minus its work when one is not (the
   * policy of `simulateFailures`, stopping at the first VM left unplaced).
   */
  private scenario(
    hosts: readonly (readonly number[])[],
    set: readonly number[],
    base: Float64Array
  ): number {
    const n = this.n;
    const { demand, limit, rank } = this.table;
    const { failed, failedLoad } = this;
    let total = 0;
    for (let j = 0; j < D; j++) failedLoad[j] = 0;
    for (const f of set) {
      failed[f] = 1;
      total += hosts[f]!.length;
      for (let j = 0; j < D; j++) failedLoad[j] = failedLoad[j]! + base[f * D + j]!;
    }
    const work = n * D + total * n;
    if (this.proved(base)) {
      for (const f of set) failed[f] = 0;
      return work;
    }
    // The simulation.
    let moving: readonly number[] | Int32Array;
    if (set.length === 1) moving = hosts[set[0]!]!;
    else {
      if (this.moving.length < total)
        this.moving = new Int32Array(Math.max(total, 2 * this.moving.length));
      let at = 0;
      for (const f of set) {
        const list = hosts[f]!;
        for (let i = 0; i < list.length; i++) this.moving[at++] = list[i]!;
      }
      moving = this.moving.subarray(0, total).sort((a, b) => rank[a]! - rank[b]!);
    }
    const { used, load, baseLoad, byLoad, order } = this;
    used.set(base);
    load.set(baseLoad);
    const survivors = survivorsInOrder(byLoad, failed, order);
    let spent = n * D;
    let ok = true;
    for (let m = 0; m < moving.length; m++) {
      const v = moving[m]!;
      const vb = v * D;
      spent += n;
      const at = leastLoadedFit(vb, order, survivors, used, demand, limit);
      if (at < 0) {
        ok = false;
        break;
      }
      const best = order[at]!;
      const bb = best * D;
      for (let j = 0; j < D; j++) used[bb + j] = used[bb + j]! + demand[vb + j]!;
      load[best] = loadOf(this.table, used, best);
      reorder(order, survivors, at, load);
    }
    for (const f of set) failed[f] = 0;
    return ok ? spent : -spent;
  }
}

/**
 * Sorts the hosts of `byLoad` (a permutation) in place by (load, host), as `sortByLoad` orders
 * them: an insertion sort, linear in the hosts when few of them moved.
 */
function resortByLoad(load: Float64Array, byLoad: Int32Array): void {
  for (let i = 1; i < byLoad.length; i++) {
    const h = byLoad[i]!;
    const x = load[h]!;
    let p = i;
    for (; p > 0; p--) {
      const o = byLoad[p - 1]!;
      const y = load[o]!;
      if (y < x || (y === x && o < h)) break;
      byLoad[p] = o;
    }
    byLoad[p] = h;
  }
}

function sameSet(a: readonly number[], b: readonly number[]): boolean {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
