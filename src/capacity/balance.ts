/**
 * Balancing a secured cluster: host loads and VM counts evened out by moves, swaps and
 * exchanges while every failure scenario still succeeds (see {@link balance}).
 *
 * Typed-array reads use `!`: indices are in range by construction.
 */
import type { VmTable } from "./failover";
import { layoutLoad } from "./failover";
import { DIMENSIONS } from "./hostFit";
import * as search from "./balanceSearch";
import { ExchangeSearch } from "./balanceExchange";
import { SwapSearch } from "./balanceSwap";
import { LiveFailoverCheck } from "./liveFailover";

const D = DIMENSIONS;
/**
 * The search kernels, bound once here: compiled to CommonJS (tsx, the bench, the CLI), each use
 * of a named import reads the exporting module's getter, a call of its own until the caller is
 * optimised (see `liveFailover.ts`).
 */
const {
  byCount,
  copyInto,
  dealVms,
  hostMeasure,
  moveFloors,
  insertByRank,
  removeFrom,
  sortByKey,
  spanOf,
} = search;
/** Entries of the weights and of a span of VMs: the resources, then Windows VMs. */
const E = D + 1;

/** Passes over every VM per balancing phase, at most. */
const MAX_PASSES = 40;
/** A pass that lowers the measure by less than this share of it ends its phase (bounded passes). */
const MIN_PASS_GAIN = 1e-3;
/** Changes of the measure smaller than this count as none. */
const EPS = 1e-9;
/** Checked moves rejected in a row, per host, before a balancing phase gives up. */
const REJECTIONS_PER_HOST = 3;

/**
 * Evens out a secured cluster while every failure scenario still succeeds. The measure is
 * Σ_hosts Σ_resources (load / mean load per host)²: each resource — CPU, memory, virtual
 * processors, the VM count and the Windows VM count — counts relative to its own average, so
 * both the host loads and the (Windows) VMs per host — what cluster-aware licensing pays for
 * after a failover — even out.
 *
 * A phase first deals the VMs afresh, largest first, each to the host where it raises the
 * measure least (LPT for vectors; identical VMs spread evenly), and keeps that layout when every
 * VM found a host and the measure is lower. Then each pass moves every VM to the host where it
 * lowers the measure most, if it fits there; when nothing moves, swaps two VMs between hosts;
 * and always tries exchanges of several small VMs of a crowded host for one larger VM (the only
 * way VM counts even out between hosts that are full in some resource). A pass that gains less
 * than 1e-3 of the measure ends the phase. Phase 1 works only among the packed hosts, keeping
 * the `spares` failover hosts empty: with one failure to tolerate an empty host absorbs any
 * failed host, so no check is needed. Phase 2 (and phase 1 when k > 1) lets VMs onto every
 * host and keeps a change only if the cluster still survives every failure set; it gives up
 * after 3 × hosts rejections in a row. Stops when a pass changes nothing or `budget` survivor
 * checks are spent.
 *
 * Each host's list stays in re-placement order (by rank) and its load in `used`, move by move,
 * so the failover checks read them as they are. Mutates `hosts` (the engine's own arrays).
 */
export function balance(
  table: VmTable,
  hosts: number[][],
  k: number,
  spares: number,
  budget: number
): void {
  const n = hosts.length;
  const balancer = new Balancer(table, hosts, k, budget);
  if (n - spares >= 2) balancer.phase(n - spares, k > 1 || spares < k);
  if (spares > 0) balancer.phase(n, true);
  for (const list of hosts) sortByKey(list, null);
}

/** Windows VMs per host of `hosts` (apart from the constructor, which then runs once cold). */
function windowsPerHost(table: VmTable, hosts: readonly (readonly number[])[]): Float64Array {
  const win = new Float64Array(hosts.length);
  for (let h = 0; h < hosts.length; h++)
    for (const v of hosts[h]!) win[h] = win[h]! + table.windows[v]!;
  return win;
}

/**
 * The state of one {@link balance} call: the layout, its loads, the measure's weights and the
 * work spent, and the passes' scratch, in fields and typed arrays allocated once per cluster
 * (one shape, so the engine compiles each pass once, cold or warm).
 */
class Balancer {
  private readonly demand: Float64Array;
  private readonly limit: Float64Array;
  private readonly rank: Int32Array;
  private readonly windows: Uint8Array;
  private readonly n: number;
  /** Load of host h in resource j at `h*D+j`; Windows VMs per host in `win`. */
  private readonly used: Float64Array;
  private readonly win: Float64Array;
  /** 1 / mean² per resource over the active hosts (0 where unused), Windows VMs last. */
  private readonly weight = new Float64Array(E);
  private spent = 0;
  private readonly failover: LiveFailoverCheck;
  private lastFailure: readonly number[] | undefined = undefined;
  // Checked moves rejected in a row; a phase gives up after REJECTIONS_PER_HOST × hosts (a
  // cluster packed to its lower bound keeps its failover hosts empty, and every try fails).
  private rejections = 0;
  private rejectionLimit = Infinity;
  private gaveUp = false;

  /** A host's VMs as they were when a pass reached it (the pass visits those). */
  private readonly snapshot: Int32Array;
  /** The deal's VMs (rank·count + VM, sorted) and its loads. */
  private readonly dealKeys: Float64Array;
  private readonly dealLoads: Float64Array;
  private readonly dealWins: Float64Array;
  private readonly keptLoads: Float64Array;
  private readonly keptWins: Float64Array;
  private readonly keptLists: number[][];
  /** The change being tried: its moves (VM, from, to), `triedCount` of them. */
  private readonly tried: Int32Array;
  private triedCount = 0;
  /**
   * Move pass: the smallest and largest VM of the host's snapshot per resource (Windows VMs
   * last), and per host a floor under the gain of moving any of them there (less its margin).
   */
  private readonly vmLo = new Float64Array(E);
  private readonly vmHi = new Float64Array(E);
  private readonly floor: Float64Array;
  /** Move pass: w_j·2·x_j of the VM moving, the fixed factor of each term of a move's gain. */
  private readonly moveFactor = new Float64Array(D);
  /** Swap pass: the search, with each host's span and CPU order. */
  private readonly swap: SwapSearch;
  /** Exchange pass: hosts by VM count (crowded first, and its partners), and the search. */
  private readonly crowdedFirst: Int32Array;
  private readonly partners: Int32Array;
  private readonly exchanges: ExchangeSearch;
  /**
   * When each host's list and loads last changed (a tick of `clock`), and per host pair a·n + b
   * the tick at which an exchange pass last searched every VM of b against a and found no
   * exchange: the search is a function of the two hosts and the weights, so until either host
   * changes it finds none again, and is skipped (its work still counted).
   */
  private clock = 1;
  private readonly changedAt: Int32Array;
  private readonly searchedAt: Int32Array;

  constructor(
    private readonly table: VmTable,
    private readonly hosts: number[][],
    private readonly k: number,
    private readonly budget: number
  ) {
    const n = hosts.length;
    this.n = n;
    this.demand = table.demand;
    this.limit = table.limit;
    this.rank = table.rank;
    this.windows = table.windows;
    for (const list of hosts) sortByKey(list, table.rank);
    this.used = layoutLoad(table, hosts);
    // Windows VMs per host count in the measure too (weight[D]), though they limit nothing:
    // cluster-aware licences are counted from them after a failover.
    this.win = windowsPerHost(table, hosts);
    let vmCount = 0;
    for (const list of hosts) vmCount += list.length;
    this.failover = new LiveFailoverCheck(table, n);
    this.snapshot = new Int32Array(vmCount);
    this.dealKeys = new Float64Array(vmCount);
    this.dealLoads = new Float64Array(n * D);
    this.dealWins = new Float64Array(n);
    this.keptLoads = new Float64Array(n * D);
    this.keptWins = new Float64Array(n);
    this.keptLists = new Array<number[]>(n);
    this.tried = new Int32Array(3 * (vmCount + 1));
    this.floor = new Float64Array(n);
    this.swap = new SwapSearch(table, hosts, this.used, this.win, this.weight);
    this.crowdedFirst = new Int32Array(n);
    this.partners = new Int32Array(n);
    this.exchanges = new ExchangeSearch(table, vmCount, this.used, this.win, this.weight);
    this.changedAt = new Int32Array(n).fill(1);
    this.searchedAt = new Int32Array(n * n);
  }

  private going(): boolean {
    return this.spent < this.budget && !this.gaveUp;
  }

  /** Every failure set is enumerated here (secureCluster balances only such clusters). */
  private survives(): boolean {
    const sim = this.failover.check(this.hosts, this.k, this.used, this.lastFailure);
    this.spent += sim.work + this.n;
    if (sim.survives) this.rejections = 0;
    else {
      this.lastFailure = sim.failedHosts ?? undefined;
      if (++this.rejections >= this.rejectionLimit) this.gaveUp = true;
    }
    return sim.survives;
  }

  /**
   * Keeps the change tried (the moves since the last call), when not `checked` or when the
   * cluster survives it; else undoes it: every VM after the first goes back in the order it
   * moved, then the first (the reference balancer's order, so the loads keep their last bits).
   * Returns whether it stays. One method and one undo for every pass, so that by the time a
   * pass is compiled both have run (in checked moves), and its first checked swap or exchange
   * does not deoptimise it.
   */
  private keep(checked: boolean): boolean {
    const stays = !checked || this.survives();
    if (!stays) {
      const { tried } = this;
      const count = this.triedCount;
      for (let i = 1; i <= count; i++) {
        const m = (i % count) * 3;
        this.apply(tried[m]!, tried[m + 2]!, tried[m + 1]!);
      }
    }
    this.triedCount = 0;
    return stays;
  }

  /** Moves v from host `from` to host `to` as part of the change being tried (see keep). */
  private move(v: number, from: number, to: number): void {
    this.apply(v, from, to);
    const m = this.triedCount++ * 3;
    this.tried[m] = v;
    this.tried[m + 1] = from;
    this.tried[m + 2] = to;
  }

  /** Moves v from host `from` to host `to`: lists (in rank order, shifted in place) and loads. */
  private apply(v: number, from: number, to: number): void {
    const { demand, used, win, windows } = this;
    removeFrom(this.hosts[from]!, v);
    insertByRank(this.hosts[to]!, v, this.rank);
    this.swap.changed[from] = 1;
    this.swap.changed[to] = 1;
    const vb = v * D;
    const fb = from * D;
    const tb = to * D;
    for (let j = 0; j < D; j++) {
      used[fb + j] = used[fb + j]! - demand[vb + j]!;
      used[tb + j] = used[tb + j]! + demand[vb + j]!;
    }
    win[from] = win[from]! - windows[v]!;
    win[to] = win[to]! + windows[v]!;
    const tick = ++this.clock;
    this.changedAt[from] = tick;
    this.changedAt[to] = tick;
  }

  /** Every host changed: new weights, or loads set afresh. */
  private changedAll(): void {
    this.changedAt.fill(++this.clock);
  }

  private measure(active: number, loads: Float64Array, wins: Float64Array): number {
    let f = 0;
    for (let h = 0; h < active; h++) f += hostMeasure(this.weight, loads, wins, h);
    return f;
  }

  /** One balancing phase over the first `active` hosts (see {@link balance}). */
  phase(active: number, checked: boolean): void {
    const { used, win, weight } = this;
    this.rejections = 0;
    this.rejectionLimit = REJECTIONS_PER_HOST * active;
    this.gaveUp = false;
    // Weights 1 / mean² per resource over the active hosts (0 where the resource is unused).
    for (let j = 0; j < D; j++) {
      let total = 0;
      for (let h = 0; h < active; h++) total += used[h * D + j]!;
      const mean = total / active;
      weight[j] = mean > 0 ? 1 / (mean * mean) : 0;
    }
    let windowsTotal = 0;
    for (let h = 0; h < active; h++) windowsTotal += win[h]!;
    const windowsMean = windowsTotal / active;
    weight[D] = windowsMean > 0 ? 1 / (windowsMean * windowsMean) : 0;
    this.changedAll();
    this.deal(active, checked);
    let current = this.measure(active, used, win);
    for (let pass = 0; pass < MAX_PASSES && this.going(); pass++) {
      let moved = this.movePass(active, checked);
      if (!moved && this.going()) moved = this.swapPass(active, checked);
      // Exchanges every pass: moves and swaps keep VM counts, exchanges even them out.
      if (this.going() && this.exchangePass(active, checked)) moved = true;
      const next = this.measure(active, used, win);
      if (!moved || current - next < MIN_PASS_GAIN * next) break;
      current = next;
    }
  }

  /**
   * Moves each VM of the first `active` hosts, as the pass finds them, to the host where it
   * lowers the measure most, if it fits there (and, when `checked`, the cluster survives).
   * Returns whether a VM moved.
   */
  private movePass(active: number, checked: boolean): boolean {
    const { used, win, weight, demand, windows, snapshot, vmLo, vmHi, floor } = this;
    let moved = false;
    for (let a = 0; a < active && this.going(); a++) {
      const count = copyInto(this.hosts[a]!, snapshot);
      spanOf(this.hosts[a]!, demand, windows, vmLo, vmHi, 0); // = the snapshot's
      moveFloors(a, active, vmLo, vmHi, used, win, weight, floor);
      for (let i = 0; i < count; i++) {
        const v = snapshot[i]!;
        const best = this.bestMove(v, a, active);
        this.spent += active;
        if (best < 0) continue;
        this.move(v, a, best);
        // Undone, the loads are back to within a rounding of the floors' own, far under
        // FLOOR_MARGIN: the floors still hold.
        if (!this.keep(checked)) continue;
        moveFloors(a, active, vmLo, vmHi, used, win, weight, floor);
        moved = true;
      }
    }
    return moved;
  }

  /**
   * The host among the first `active` where moving v from host a lowers the measure most, if
   * v fits there, or -1. Change of the measure: Σ_j w_j·2x_j(u_t − u_a + x_j).
   */
  private bestMove(v: number, a: number, active: number): number {
    const { used, win, weight, demand, limit, windows, floor, moveFactor: c } = this;
    const vb = v * D;
    let best = -1;
    let bestDelta = -EPS;
    const xw = windows[v]!;
    const cw = weight[D]! * 2 * xw;
    const winA = win[a]!;
    for (let j = 0; j < D; j++) c[j] = weight[j]! * 2 * demand[vb + j]!;
    for (let t = 0; t < active; t++) {
      // No VM of a gains at least bestDelta going to t: t is passed over, as it would be.
      if (t === a || floor[t]! >= bestDelta) continue;
      let fits = true;
      let delta = cw * (win[t]! - winA + xw);
      // The term before the fit test, the test as the loop's condition, the comparison before
      // `fits`: when the first hosts tried are all full (a cold start), every part has run by
      // the time the loop is compiled, so it is not deoptimised when a host first fits.
      for (let j = 0; j < D && fits; j++) {
        const x = demand[vb + j]!;
        const u = used[t * D + j]!;
        delta += c[j]! * (u - used[a * D + j]! + x);
        fits = u + x <= limit[j]!;
      }
      if (delta < bestDelta && fits) {
        bestDelta = delta;
        best = t;
      }
    }
    return best;
  }

  /**
   * Deals the VMs of the first `active` hosts afresh, largest first, each to the fitting host
   * where it raises the measure least; keeps the deal when every VM found a host, the measure
   * is lower and (when `checked`) the cluster survives.
   */
  private deal(active: number, checked: boolean): void {
    const lists = this.dealt(active);
    if (lists === null) return; // the packing was tighter than a deal can reach: keep it
    const { hosts, used, win, dealLoads: loads, dealWins: wins } = this;
    if (this.measure(active, loads, wins) >= this.measure(active, used, win) - EPS) return;
    const { keptLists, keptLoads, keptWins } = this;
    for (let h = 0; h < active; h++) keptLists[h] = hosts[h]!;
    keptLoads.set(used.subarray(0, active * D));
    keptWins.set(win.subarray(0, active));
    for (let h = 0; h < active; h++) hosts[h] = lists[h]!;
    this.swap.changed.fill(1);
    this.changedAll();
    used.set(loads.subarray(0, active * D));
    win.set(wins.subarray(0, active));
    if (!this.keep(checked)) {
      for (let h = 0; h < active; h++) hosts[h] = keptLists[h]!;
      used.set(keptLoads.subarray(0, active * D));
      win.set(keptWins.subarray(0, active));
    }
  }

  /**
   * The deal itself (see dealVms): VM lists per host, loads in `dealLoads` and `dealWins`, or
   * null when a VM fits no host. Apart from {@link deal}'s bookkeeping, so that the loop's
   * compiled code never meets code it has not seen run.
   */
  private dealt(active: number): number[][] | null {
    let total = 0;
    for (let h = 0; h < active; h++) total += this.hosts[h]!.length;
    this.spent += total * active;
    const { table, hosts, weight, dealKeys, dealLoads, dealWins } = this;
    return dealVms(table, hosts, active, weight, dealKeys, dealLoads, dealWins);
  }

  /**
   * Several small VMs of a crowded host for one larger VM of a host with few: the VM counts
   * even out where no single move or swap can, because both hosts are full in some resource.
   * For each VM x of a less crowded host b, small VMs of the crowded host a are taken largest
   * first while they fit b in place of x, until x fits a; kept when at least two go and the
   * measure drops.
   */
  private exchangePass(active: number, checked: boolean): boolean {
    const { hosts, crowdedFirst, partners, snapshot, exchanges, changedAt, searchedAt, n } = this;
    let moved = false;
    byCount(hosts, active, crowdedFirst);
    // The partners by VM count, sorted again only after an exchange changed the counts.
    let countsChanged = true;
    for (let ai = 0; ai < active; ai++) {
      const a = crowdedFirst[ai]!;
      if (!this.going()) break;
      // The search starts on a at its first partner searched (often none is).
      let started = false;
      if (countsChanged) byCount(hosts, active, partners);
      countsChanged = false;
      for (let r = active - 1; r >= 0; r--) {
        const b = partners[r]!;
        if (b === a || hosts[b]!.length + 2 > hosts[a]!.length || !this.going()) break;
        const searched = searchedAt[a * n + b]!;
        if (changedAt[a]! <= searched && changedAt[b]! <= searched) {
          this.spent += hosts[a]!.length * hosts[b]!.length;
          continue;
        }
        if (!started) exchanges.startHost(hosts[a]!);
        started = true;
        const count = copyInto(hosts[b]!, snapshot);
        let tried = false;
        for (let xi = 0; xi < count; xi++) {
          const x = snapshot[xi]!;
          this.spent += exchanges.count;
          const taken = exchanges.find(x, a, b);
          if (taken === 0) continue;
          tried = true;
          if (!this.exchange(x, a, b, taken, checked)) continue;
          moved = true;
          countsChanged = true;
          if (hosts[b]!.length + 2 > hosts[a]!.length) break;
        }
        if (!tried) searchedAt[a * n + b] = this.clock;
      }
    }
    return moved;
  }

  /**
   * Makes the exchange the search found (x to a, the first `taken` VMs it took to b); undone
   * when `checked` and the cluster does not survive it. Returns whether it stays.
   */
  private exchange(x: number, a: number, b: number, taken: number, checked: boolean): boolean {
    const { took } = this.exchanges;
    this.move(x, b, a);
    for (let i = 0; i < taken; i++) this.move(took[i]!, a, b);
    if (!this.keep(checked)) return false;
    this.exchanges.exchanged(x, taken);
    return true;
  }

  /**
   * Exchanges of two VMs between hosts (VM counts stay, loads even out), each VM with the
   * partner that lowers the measure most. Unlocks moves a full host blocks: after a big VM
   * swaps away, small ones can follow.
   *
   * Partners are searched on the two most promising hosts only, and a host is skipped when even
   * its best conceivable partner cannot beat the best swap found: with δ = x_v − x_w confined
   * per resource to [x_v − max_w, x_v − min_w] over the host's VMs, each term
   * w_j·2δ_j(u_t − u_a + δ_j) is a parabola whose minimum over that interval bounds it below.
   * (All hosts would cost a pass O(VMs²); two keep it O(VMs²/hosts) and lose no benchmark.)
   */
  private swapPass(active: number, checked: boolean): boolean {
    const { hosts, snapshot, swap } = this;
    let moved = false;
    swap.startPass(active);
    for (let a = 0; a < active && this.going(); a++) {
      const count = copyInto(hosts[a]!, snapshot);
      swap.startHost(a, active);
      for (let vi = 0; vi < count; vi++) {
        const v = snapshot[vi]!;
        const t = swap.best(v, a);
        this.spent += swap.visited + active;
        if (t < 0) continue;
        const w = swap.swapWith;
        this.move(v, a, t);
        this.move(w, t, a);
        if (!this.keep(checked)) {
          swap.gaps(a, active); // undone, though not always to the last bit
          continue;
        }
        swap.swapped(a, v, w);
        swap.swapped(t, w, v);
        swap.gaps(a, active);
        moved = true;
      }
    }
    return moved;
  }
}
