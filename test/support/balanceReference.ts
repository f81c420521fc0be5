/**
 * The balancer as it stood before issue 16's speed work (src/capacity/balance.ts at a50603d),
 * kept verbatim as the straightforward reference: `balance` must leave exactly the layout this
 * one leaves, host by host and VM by VM (test/capacity/balance.properties.test.ts).
 *
 * Typed-array reads use `!`: indices are in range by construction.
 */
import type { VmTable } from "../../src/capacity/failover";
import { layoutLoad } from "../../src/capacity/failover";
import { DIMENSIONS } from "../../src/capacity/hostFit";
import { LiveFailoverCheck } from "../../src/capacity/liveFailover";

const D = DIMENSIONS;

/** Passes over every VM per balancing phase, at most. */
const MAX_PASSES = 40;
/** A pass that lowers the measure by less than this share of it ends its phase (bounded passes). */
const MIN_PASS_GAIN = 1e-3;
/** Partner hosts a swap pass searches per VM: those with the lowest bound on the gain. */
const SWAP_PARTNER_HOSTS = 2;
/** Checked moves rejected in a row, per host, before a balancing phase gives up. */
const REJECTIONS_PER_HOST = 3;
const EPS = 1e-9;

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
export function balanceReference(
  table: VmTable,
  hosts: number[][],
  k: number,
  spares: number,
  budget: number
): void {
  const n = hosts.length;
  const { demand, limit, rank, windows } = table;
  for (const list of hosts) list.sort((x, y) => rank[x]! - rank[y]!);
  const used = layoutLoad(table, hosts);
  const weight = new Float64Array(D);
  // Windows VMs per host count in the measure too (weight wWin), though they limit nothing:
  // cluster-aware licences are counted from them after a failover.
  const win = new Float64Array(n);
  hosts.forEach((list, h) => {
    for (const v of list) win[h] = win[h]! + windows[v]!;
  });
  let wWin = 0;
  let spent = 0;
  let lastFailure: readonly number[] | undefined;

  /** Puts v into a rank-ordered list at its place. */
  const insert = (list: number[], v: number): void => {
    let lo = 0;
    let hi = list.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (rank[list[mid]!]! < rank[v]!) lo = mid + 1;
      else hi = mid;
    }
    list.splice(lo, 0, v);
  };
  const apply = (v: number, from: number, to: number): void => {
    const list = hosts[from]!;
    list.splice(list.indexOf(v), 1);
    insert(hosts[to]!, v);
    for (let j = 0; j < D; j++) {
      used[from * D + j] = used[from * D + j]! - demand[v * D + j]!;
      used[to * D + j] = used[to * D + j]! + demand[v * D + j]!;
    }
    win[from] = win[from]! - windows[v]!;
    win[to] = win[to]! + windows[v]!;
  };
  // Checked moves rejected in a row; a phase gives up after REJECTIONS_PER_HOST × hosts of them
  // (a cluster packed to its lower bound keeps its failover hosts empty, and every try fails).
  let rejections = 0;
  let rejectionLimit = Infinity;
  let gaveUp = false;
  const going = (): boolean => spent < budget && !gaveUp;
  // Every failure set is enumerated here (secureCluster balances only such clusters).
  const failover = new LiveFailoverCheck(table, n);
  const survives = (): boolean => {
    const sim = failover.check(hosts, k, used, lastFailure);
    spent += sim.work + n;
    if (sim.survives) rejections = 0;
    else {
      lastFailure = sim.failedHosts ?? undefined;
      if (++rejections >= rejectionLimit) gaveUp = true;
    }
    return sim.survives;
  };

  /** Σ_j w_j·u_j² + wWin·win² of host h (the measure of one host), from `loads` and `wins`. */
  const measureOf = (loads: Float64Array, wins: Float64Array, h: number): number => {
    let f = wWin * wins[h]! * wins[h]!;
    for (let j = 0; j < D; j++) f += weight[j]! * loads[h * D + j]! * loads[h * D + j]!;
    return f;
  };
  const measure = (active: number, loads = used, wins = win): number => {
    let f = 0;
    for (let h = 0; h < active; h++) f += measureOf(loads, wins, h);
    return f;
  };

  /**
   * Deals the VMs of the first `active` hosts afresh, largest first, each to the fitting host
   * where it raises the measure least; keeps the deal when every VM found a host, the measure
   * is lower and (when `checked`) the cluster survives.
   */
  const deal = (active: number, checked: boolean): void => {
    const vms = hosts.slice(0, active).flat();
    vms.sort((x, y) => rank[x]! - rank[y]!);
    const loads = new Float64Array(active * D);
    const wins = new Float64Array(active);
    const lists: number[][] = Array.from({ length: active }, () => []);
    spent += vms.length * active;
    for (const v of vms) {
      let best = -1;
      let bestDelta = Infinity;
      const xw = windows[v]!;
      for (let t = 0; t < active; t++) {
        let fits = true;
        let delta = wWin * xw * (2 * wins[t]! + xw);
        for (let j = 0; j < D; j++) {
          const x = demand[v * D + j]!;
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
      if (best < 0) return; // the packing was tighter than a deal can reach: keep it
      lists[best]!.push(v); // in rank order, as every list is kept
      for (let j = 0; j < D; j++) loads[best * D + j] = loads[best * D + j]! + demand[v * D + j]!;
      wins[best] = wins[best]! + xw;
    }
    if (measure(active, loads, wins) >= measure(active) - EPS) return;
    const before = hosts.slice(0, active);
    const beforeLoads = used.slice(0, active * D);
    const beforeWins = win.slice(0, active);
    for (let h = 0; h < active; h++) hosts[h] = lists[h]!;
    used.set(loads);
    win.set(wins);
    if (checked && !survives()) {
      for (let h = 0; h < active; h++) hosts[h] = before[h]!;
      used.set(beforeLoads);
      win.set(beforeWins);
    }
  };

  const phase = (active: number, checked: boolean): void => {
    rejections = 0;
    rejectionLimit = REJECTIONS_PER_HOST * active;
    gaveUp = false;
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
    wWin = windowsMean > 0 ? 1 / (windowsMean * windowsMean) : 0;
    deal(active, checked);
    let current = measure(active);
    for (let pass = 0; pass < MAX_PASSES && going(); pass++) {
      let moved = false;
      for (let a = 0; a < active && going(); a++) {
        for (const v of hosts[a]!.slice()) {
          // Change of the measure moving v from a to t: Σ_j w_j·2x_j(u_t − u_a + x_j).
          let best = -1;
          let bestDelta = -EPS;
          const xw = windows[v]!;
          for (let t = 0; t < active; t++) {
            if (t === a) continue;
            let fits = true;
            let delta = wWin * 2 * xw * (win[t]! - win[a]! + xw);
            for (let j = 0; j < D; j++) {
              const x = demand[v * D + j]!;
              if (used[t * D + j]! + x > limit[j]!) {
                fits = false;
                break;
              }
              delta += weight[j]! * 2 * x * (used[t * D + j]! - used[a * D + j]! + x);
            }
            if (fits && delta < bestDelta) {
              bestDelta = delta;
              best = t;
            }
          }
          spent += active;
          if (best < 0) continue;
          apply(v, a, best);
          if (checked && !survives()) {
            apply(v, best, a);
            continue;
          }
          moved = true;
        }
      }
      if (!moved && going()) moved = swapPass(active, checked);
      // Exchanges every pass: moves and swaps keep VM counts, exchanges even them out.
      if (going() && exchangePass(active, checked)) moved = true;
      const next = measure(active);
      if (!moved || current - next < MIN_PASS_GAIN * next) break;
      current = next;
    }
  };

  /**
   * Several small VMs of a crowded host for one larger VM of a host with few: the VM counts
   * even out where no single move or swap can, because both hosts are full in some resource.
   * For each VM x of a less crowded host b, small VMs of the crowded host a are taken largest
   * first while they fit b in place of x, until x fits a; kept when at least two go and the
   * measure drops.
   */
  const exchangePass = (active: number, checked: boolean): boolean => {
    let moved = false;
    // Hosts by VM count, most first (ties: lower host first), into `into`: an insertion sort of
    // a few dozen hosts, with no array or comparator allocated per call.
    const byCount = (into: Int32Array): Int32Array => {
      for (let h = 0; h < active; h++) {
        const count = hosts[h]!.length;
        let i = h;
        while (i > 0 && hosts[into[i - 1]!]!.length < count) {
          into[i] = into[i - 1]!;
          i--;
        }
        into[i] = h;
      }
      return into;
    };
    const crowdedFirst = byCount(new Int32Array(active));
    const partners = new Int32Array(active);
    const fresh = new Float64Array(2 * D);
    const freshWin = new Float64Array(2);
    // The VMs taken from the crowded host (at most all of the cluster's).
    let vmCount = 0;
    for (let h = 0; h < active; h++) vmCount += hosts[h]!.length;
    const took = new Int32Array(vmCount);
    const fitsA = (): boolean => {
      for (let j = 0; j < D; j++) if (fresh[j]! > limit[j]!) return false;
      return true;
    };
    // Per resource, the second smallest demand among the crowded host's VMs: when what x frees
    // on b cannot take it in some resource, at most one VM of a fits b in x's place (a host only
    // fills up as VMs arrive), the exchange needs two, and x is passed over without the scan.
    const second = new Float64Array(D);
    const secondSmallest = (crowded: readonly number[]): void => {
      for (let j = 0; j < D; j++) {
        let first = Infinity;
        let next = Infinity;
        for (const v of crowded) {
          const x = demand[v * D + j]!;
          if (x < first) {
            next = first;
            first = x;
          } else if (x < next) next = x;
        }
        second[j] = next;
      }
    };
    for (const a of crowdedFirst) {
      if (!going()) break;
      const crowded = hosts[a]!.slice().sort((x, y) => demand[y * D]! - demand[x * D]! || x - y);
      secondSmallest(crowded);
      byCount(partners);
      for (let r = active - 1; r >= 0; r--) {
        const b = partners[r]!;
        if (b === a || hosts[b]!.length + 2 > hosts[a]!.length || !going()) break;
        for (const x of hosts[b]!.slice()) {
          spent += crowded.length;
          let hopeless = false;
          for (let j = 0; j < D && !hopeless; j++)
            hopeless = used[b * D + j]! - demand[x * D + j]! + second[j]! > limit[j]!;
          if (hopeless) continue;
          // a' = a − S + x must fit; b' = b − x + S must fit.
          for (let j = 0; j < D; j++) {
            fresh[j] = used[a * D + j]! + demand[x * D + j]!; // a + x, S still to leave
            fresh[D + j] = used[b * D + j]! - demand[x * D + j]!; // b − x, S still to arrive
          }
          freshWin[0] = win[a]! + windows[x]!;
          freshWin[1] = win[b]! - windows[x]!;
          let taken = 0;
          for (const v of crowded) {
            if (taken >= 2 && fitsA()) break;
            let fits = true;
            for (let j = 0; j < D && fits; j++)
              fits = fresh[D + j]! + demand[v * D + j]! <= limit[j]!;
            if (!fits) continue;
            took[taken++] = v;
            for (let j = 0; j < D; j++) {
              fresh[j] = fresh[j]! - demand[v * D + j]!;
              fresh[D + j] = fresh[D + j]! + demand[v * D + j]!;
            }
            freshWin[0] = freshWin[0]! - windows[v]!;
            freshWin[1] = freshWin[1]! + windows[v]!;
          }
          if (taken < 2 || !fitsA()) continue;
          const before = measureOf(used, win, a) + measureOf(used, win, b);
          const after = measureOf(fresh, freshWin, 0) + measureOf(fresh, freshWin, 1);
          if (after >= before - EPS) continue;
          apply(x, b, a);
          for (let i = 0; i < taken; i++) apply(took[i]!, a, b);
          if (checked && !survives()) {
            for (let i = 0; i < taken; i++) apply(took[i]!, b, a);
            apply(x, a, b);
            continue;
          }
          moved = true;
          const gone = new Set(took.subarray(0, taken));
          for (let i = crowded.length - 1; i >= 0; i--)
            if (gone.has(crowded[i]!)) crowded.splice(i, 1);
          crowded.push(x);
          crowded.sort((p, q) => demand[q * D]! - demand[p * D]! || p - q);
          secondSmallest(crowded);
          if (hosts[b]!.length + 2 > hosts[a]!.length) break;
        }
      }
    }
    return moved;
  };

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
  const swapPass = (active: number, checked: boolean): boolean => {
    let moved = false;
    // Per host and resource (the last one: Windows VMs), the smallest and largest VM.
    const E = D + 1;
    const lo = new Float64Array(active * E);
    const hi = new Float64Array(active * E);
    const span = (h: number): void => {
      lo.fill(Infinity, h * E, h * E + E);
      hi.fill(-Infinity, h * E, h * E + E);
      for (const w of hosts[h]!) {
        for (let j = 0; j < E; j++) {
          const x = j < D ? demand[w * D + j]! : windows[w]!;
          if (x < lo[h * E + j]!) lo[h * E + j] = x;
          if (x > hi[h * E + j]!) hi[h * E + j] = x;
        }
      }
    };
    for (let h = 0; h < active; h++) span(h);
    const bound = new Float64Array(active);
    const order: number[] = [];
    // u_t − u_a per partner host t and resource (Windows VMs last) and its half, negated: the
    // same for every VM of host a, recomputed whenever a load changes.
    const gap = new Float64Array(active * E);
    const halfGap = new Float64Array(active * E);
    const gaps = (a: number): void => {
      for (let t = 0; t < active; t++) {
        for (let j = 0; j < E; j++) {
          const c = j < D ? used[t * D + j]! - used[a * D + j]! : win[t]! - win[a]!;
          gap[t * E + j] = c;
          halfGap[t * E + j] = -c / 2;
        }
      }
    };
    const x = new Float64Array(E);
    for (let a = 0; a < active && going(); a++) {
      gaps(a);
      for (const v of hosts[a]!.slice()) {
        for (let j = 0; j < D; j++) x[j] = demand[v * D + j]!;
        x[D] = windows[v]!;
        // The lower bound of each partner host, then hosts in increasing bound.
        // Only the SWAP_PARTNER_HOSTS lowest are kept, in increasing bound (ties: lower host
        // first, as t rises): a bounded insertion, not a sort of every host.
        order.length = 0;
        for (let t = 0; t < active; t++) {
          if (t === a || hosts[t]!.length === 0) continue;
          const at = t * E;
          let b = 0;
          for (let j = 0; j < D; j++) {
            const d = Math.min(
              Math.max(halfGap[at + j]!, x[j]! - hi[at + j]!),
              x[j]! - lo[at + j]!
            );
            b += weight[j]! * 2 * d * (gap[at + j]! + d);
          }
          const d = Math.min(Math.max(halfGap[at + D]!, x[D]! - hi[at + D]!), x[D]! - lo[at + D]!);
          b += wWin * 2 * d * (gap[at + D]! + d);
          bound[t] = b;
          if (!(b < -EPS)) continue;
          const full = order.length >= SWAP_PARTNER_HOSTS;
          if (full && !(b < bound[order[order.length - 1]!]!)) continue;
          let i = full ? order.length - 1 : order.length;
          while (i > 0 && b < bound[order[i - 1]!]!) {
            order[i] = order[i - 1]!;
            i--;
          }
          order[i] = t;
        }
        let bestT = -1;
        let bestW = -1;
        let bestDelta = -EPS;
        for (const t of order) {
          if (bound[t]! >= bestDelta) break;
          for (const w of hosts[t]!) {
            // δ = x_v − x_w; Δ = Σ_j w_j·2δ_j(u_t − u_a + δ_j), Windows VMs included.
            let fits = true;
            const shiftWin = windows[v]! - windows[w]!;
            let delta = wWin * 2 * shiftWin * (win[t]! - win[a]! + shiftWin);
            for (let j = 0; j < D; j++) {
              const shift = demand[v * D + j]! - demand[w * D + j]!;
              if (used[t * D + j]! + shift > limit[j]! || used[a * D + j]! - shift > limit[j]!) {
                fits = false;
                break;
              }
              delta += weight[j]! * 2 * shift * (used[t * D + j]! - used[a * D + j]! + shift);
            }
            if (fits && (delta < bestDelta || (delta === bestDelta && t < bestT))) {
              bestDelta = delta;
              bestT = t;
              bestW = w;
            }
          }
          spent += hosts[t]!.length;
        }
        spent += active;
        if (bestT < 0) continue;
        apply(v, a, bestT);
        apply(bestW, bestT, a);
        if (checked && !survives()) {
          apply(bestW, a, bestT);
          apply(v, bestT, a);
          gaps(a); // undone, though not always to the last bit
          continue;
        }
        span(a);
        span(bestT);
        gaps(a);
        moved = true;
      }
    }
    return moved;
  };

  if (n - spares >= 2) phase(n - spares, k > 1 || spares < k);
  if (spares > 0) phase(n, true);
  for (const list of hosts) list.sort((x, y) => x - y);
}
