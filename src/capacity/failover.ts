/**
 * Failover: can a cluster lose any `k` hosts and restart their VMs on the survivors within
 * every per-host limit? Two proofs:
 *
 * - **Enumerated** (at most {@link MAX_ENUMERATED_SCENARIOS} failure sets): every set of k
 *   failed hosts is simulated with the fixed re-placement policy — the failed hosts' VMs,
 *   largest first (largest share of a host in any resource; ties in VM order), each to the
 *   surviving host that fits it and is least loaded (lowest highest-share over the resources;
 *   ties to the lower host number). The reference placer `placeVms` with the `leastLoaded` scorer
 *   (`test/support/placeVms.ts`) does the same one VM at a time; here it runs on typed arrays
 *   because it is the engine's hot loop.
 * - **Reserve test** (more sets than that): a sufficient condition, in the spirit of System
 *   Center VMM's cluster reserve. Either the cluster keeps at least k empty hosts (each failed
 *   host's VMs fit one of them, as they fitted the failed host), or the spare capacity beyond
 *   the largest VM on the survivors outweighs the k heaviest hosts' load (see
 *   {@link headroomProof}); then any policy that places a VM wherever it fits never gets stuck.
 *
 * Typed-array reads use `!`: indices are in range by construction.
 */
import type { HostCapacity, VmDemand } from "./contract";
import { capacityVector, demandVector, DIMENSIONS, loadLimit, vmSize } from "./hostFit";

const D = DIMENSIONS;

/** Failure sets simulated one by one up to this many; above it the reserve test decides. */
export const MAX_ENUMERATED_SCENARIOS = 3000;

/**
 * VMs as flat typed arrays for the kernels. VMs come in groups of identical ones (an inventory
 * row and its count), stored one after another: kernels that plan per group read `groupStart`.
 */
export interface VmTable {
  readonly count: number;
  /** Demand of VM v in resource j at `v*D+j` (RESOURCES order). */
  readonly demand: Float64Array;
  readonly windows: Uint8Array;
  /** Position of each VM in the re-placement order: largest first, ties by index. */
  readonly rank: Int32Array;
  readonly capacity: Float64Array;
  /** Largest allowed load per resource (capacity plus the relative tolerance). */
  readonly limit: Float64Array;
  /** Group of each VM. */
  readonly group: Int32Array;
  /** First VM of each group, and `count` at the end: group g is VMs [groupStart[g], groupStart[g+1]). */
  readonly groupStart: Int32Array;
}

/** Builds the kernels' view of `vms` on hosts of `capacity`, each VM a group of its own. */
export function vmTable(vms: readonly VmDemand[], capacity: HostCapacity): VmTable {
  return groupTable(
    vms.map((vm) => ({ vm, count: 1 })),
    capacity
  );
}

/** Builds the kernels' view of VM groups (`count` identical VMs each) on hosts of `capacity`. */
export function groupTable(
  groups: readonly { readonly vm: VmDemand; readonly count: number }[],
  capacity: HostCapacity
): VmTable {
  const groupStart = new Int32Array(groups.length + 1);
  groups.forEach((g, i) => (groupStart[i + 1] = groupStart[i]! + g.count));
  const count = groupStart[groups.length]!;
  const demand = new Float64Array(count * D);
  const windows = new Uint8Array(count);
  const group = new Int32Array(count);
  const size = new Float64Array(groups.length);
  groups.forEach(({ vm }, g) => {
    const vector = demandVector(vm);
    const isWindows = vm.os === "windows" ? 1 : 0;
    for (let v = groupStart[g]!; v < groupStart[g + 1]!; v++) {
      for (let j = 0; j < D; j++) demand[v * D + j] = vector[j]!;
      windows[v] = isWindows;
      group[v] = g;
    }
    size[g] = vmSize(vm, capacity);
  });
  // Largest first, ties by index: a group's VMs are contiguous and equal, so ranking groups
  // (ties by their first VM) ranks every VM.
  const order = Array.from({ length: groups.length }, (_, g) => g).sort(
    (a, b) => size[b]! - size[a]! || a - b
  );
  const rank = new Int32Array(count);
  let r = 0;
  for (const g of order) for (let v = groupStart[g]!; v < groupStart[g + 1]!; v++) rank[v] = r++;
  const cap = Float64Array.from(capacityVector(capacity));
  return {
    count,
    demand,
    windows,
    rank,
    capacity: cap,
    limit: cap.map(loadLimit),
    group,
    groupStart,
  };
}

/** C(n, k), or `cap + 1` as soon as it exceeds `cap`. */
export function scenarioCount(n: number, k: number, cap = Number.MAX_SAFE_INTEGER): number {
  if (k < 0 || k > n) return 0;
  let c = 1;
  for (let i = 1; i <= k; i++) {
    c = (c * (n - k + i)) / i;
    if (c > cap) return cap + 1;
  }
  return Math.round(c);
}

/** Per-host load of a layout (RESOURCES order at `h*D+j`). */
export function layoutLoad(table: VmTable, hosts: readonly (readonly number[])[]): Float64Array {
  const { demand } = table;
  const used = new Float64Array(hosts.length * D);
  for (let h = 0; h < hosts.length; h++) {
    const list = hosts[h]!;
    for (let i = 0; i < list.length; i++) {
      const v = list[i]!;
      for (let j = 0; j < D; j++) used[h * D + j] = used[h * D + j]! + demand[v * D + j]!;
    }
  }
  return used;
}

/** Highest share of capacity of host h over the resources (the scheduler's `hostLoad`). */
export function loadOf(table: VmTable, used: Float64Array, h: number): number {
  let load = 0;
  for (let j = 0; j < D; j++) {
    const cap = table.capacity[j]!;
    if (cap > 0) {
      const x = used[h * D + j]! / cap;
      if (x > load) load = x;
    }
  }
  return load;
}

/** One failure set the policy could not absorb. */
export interface FailedScenario {
  readonly failedHosts: readonly number[];
  /** VMs (table indices) no survivor could take. */
  readonly unplaced: readonly number[];
}

/** What a failover check found. */
export interface FailoverSimulation {
  readonly survives: boolean;
  readonly check: "enumerated" | "reserve-test" | "none";
  readonly scenariosChecked: number;
  /** The first failing scenarios (at most `maxFailuresRecorded`). */
  readonly failures: readonly FailedScenario[];
  /** Most VMs each host runs in steady state or any simulated scenario (an upper bound on the reserve-test path). */
  readonly maxVms: Int32Array;
  readonly maxWindowsVms: Int32Array;
  /** Work done, in survivor checks (one VM against one host; resetting a scenario counts n·D). */
  readonly work: number;
}

export interface SimulationOptions {
  /** Stop at the first failing scenario (default false). */
  readonly stopAtFirstFailure?: boolean;
  /** Failing scenarios recorded in full (default 5). */
  readonly maxFailuresRecorded?: number;
  /** Scenario to try first (its failed hosts), e.g. the last one that failed. */
  readonly firstScenario?: readonly number[];
  /**
   * The caller keeps each host's list in re-placement order (by `rank`) and its loads in `used`
   * (the balancer does, move by move), so a check need not sort or sum them again.
   */
  readonly live?: { readonly used: Float64Array };
}

function steadyCounts(
  table: VmTable,
  hosts: readonly (readonly number[])[]
): { vms: Int32Array; windows: Int32Array } {
  const vms = new Int32Array(hosts.length);
  const windows = new Int32Array(hosts.length);
  hosts.forEach((list, h) => {
    vms[h] = list.length;
    for (const v of list) windows[h] = windows[h]! + table.windows[v]!;
  });
  return { vms, windows };
}

/**
 * Hosts by (load, host): every host of `load` into `byLoad`, least loaded first, ties to the
 * lower index.
 */
export function sortByLoad(load: Float64Array, byLoad: Int32Array): void {
  // An insertion sort: a cluster has a few dozen hosts, and no comparator is made per call.
  for (let h = 0; h < load.length; h++) {
    let i = h;
    for (; i > 0 && before(h, byLoad[i - 1]!, load); i--) byLoad[i] = byLoad[i - 1]!;
    byLoad[i] = h;
  }
}

/** The hosts of `byLoad` that have not failed, in its order, into `order`; returns how many. */
export function survivorsInOrder(
  byLoad: Int32Array,
  failed: Uint8Array,
  order: Int32Array
): number {
  let count = 0;
  for (let i = 0; i < byLoad.length; i++) if (failed[byLoad[i]!] === 0) order[count++] = byLoad[i]!;
  return count;
}

/**
 * Where a failed host's VM goes, as Hyper-V's placement does it: the least loaded surviving
 * host it fits on, ties to the lower index — with the survivors `order[0..count)` kept by
 * (load, host), the first one it fits. Returns that host's position in `order`, or -1 when it
 * fits nowhere. `vb` is the VM's offset in `demand`; `used` holds the survivors' sums now.
 * Shared by `simulateFailures` and the balancer's live check, so both place VMs by one rule.
 */
export function leastLoadedFit(
  vb: number,
  order: Int32Array,
  count: number,
  used: Float64Array,
  demand: VmTable["demand"],
  limit: VmTable["limit"]
): number {
  for (let i = 0; i < count; i++) {
    const sb = order[i]! * D;
    let fits = true;
    for (let j = 0; j < D; j++) {
      if (used[sb + j]! + demand[vb + j]! > limit[j]!) {
        fits = false;
        break;
      }
    }
    if (fits) return i;
  }
  return -1;
}

/** Whether host a comes before host b by (load, host). */
function before(a: number, b: number, load: Float64Array): boolean {
  return load[a]! < load[b]! || (load[a] === load[b] && a < b);
}

/** Puts `order[i]`, whose load changed, back in its place in `order[0..count)` by (load, host). */
export function reorder(order: Int32Array, count: number, i: number, load: Float64Array): void {
  const h = order[i]!;
  const x = load[h]!;
  // A load grows as VMs arrive: the host moves towards the end (the other way kept for safety).
  for (; i + 1 < count; i++) {
    const o = order[i + 1]!;
    const y = load[o]!;
    if (y > x || (y === x && o > h)) break;
    order[i] = o;
  }
  for (; i > 0 && before(h, order[i - 1]!, load); i--) order[i] = order[i - 1]!;
  order[i] = h;
}

/**
 * Simulates every set of `k` failed hosts of the cluster `hosts` (VM table indices per host)
 * with the re-placement policy described in this module's comment.
 */
export function simulateFailures(
  table: VmTable,
  hosts: readonly (readonly number[])[],
  k: number,
  options: SimulationOptions = {}
): FailoverSimulation {
  const n = hosts.length;
  const { demand, limit, rank, windows } = table;
  const stopAtFirst = options.stopAtFirstFailure ?? false;
  const maxRecorded = options.maxFailuresRecorded ?? 5;
  const live = options.live;
  const base = live?.used ?? layoutLoad(table, hosts);
  const steady = steadyCounts(table, hosts);
  const maxVms = Int32Array.from(steady.vms);
  const maxWindowsVms = Int32Array.from(steady.windows);
  const baseLoad = new Float64Array(n);
  for (let h = 0; h < n; h++) baseLoad[h] = loadOf(table, base, h);
  const sorted: readonly (readonly number[] | Int32Array)[] = live
    ? hosts
    : hosts.map((list) => Int32Array.from(list).sort((a, b) => rank[a]! - rank[b]!));
  const failures: FailedScenario[] = [];
  let survives = true;
  let work = 0;
  if (k <= 0)
    return { survives, check: "none", scenariosChecked: 0, failures, maxVms, maxWindowsVms, work };

  const used = new Float64Array(n * D);
  const load = new Float64Array(n);
  const vmsNow = new Int32Array(n);
  const windowsNow = new Int32Array(n);
  const failed = new Uint8Array(n);
  const byLoad = new Int32Array(n);
  sortByLoad(baseLoad, byLoad);
  const order = new Int32Array(n);
  let scenarios = 0;

  /** Runs one scenario; returns the VMs left unplaced. */
  const runScenario = (set: readonly number[]): number[] => {
    work += n * D;
    used.set(base);
    load.set(baseLoad);
    vmsNow.set(steady.vms);
    windowsNow.set(steady.windows);
    for (const f of set) failed[f] = 1;
    let moving: readonly number[] | Int32Array;
    if (set.length === 1) moving = sorted[set[0]!]!;
    else {
      let total = 0;
      for (const f of set) total += sorted[f]!.length;
      let at = 0;
      const merged = new Int32Array(total);
      for (const f of set) {
        merged.set(sorted[f]!, at);
        at += sorted[f]!.length;
      }
      moving = merged.sort((a, b) => rank[a]! - rank[b]!);
    }
    const unplaced: number[] = [];
    const survivors = survivorsInOrder(byLoad, failed, order);
    for (let m = 0; m < moving.length; m++) {
      const v = moving[m]!;
      const vb = v * D;
      work += n;
      const at = leastLoadedFit(vb, order, survivors, used, demand, limit);
      if (at < 0) {
        unplaced.push(v);
        if (stopAtFirst) break;
        continue;
      }
      const best = order[at]!;
      const bb = best * D;
      for (let j = 0; j < D; j++) used[bb + j] = used[bb + j]! + demand[vb + j]!;
      load[best] = loadOf(table, used, best);
      reorder(order, survivors, at, load);
      vmsNow[best] = vmsNow[best]! + 1;
      windowsNow[best] = windowsNow[best]! + windows[v]!;
    }
    for (let s = 0; s < n; s++) {
      if (failed[s] === 1) continue;
      if (vmsNow[s]! > maxVms[s]!) maxVms[s] = vmsNow[s]!;
      if (windowsNow[s]! > maxWindowsVms[s]!) maxWindowsVms[s] = windowsNow[s]!;
    }
    for (const f of set) failed[f] = 0;
    scenarios++;
    return unplaced;
  };

  const record = (set: readonly number[], unplaced: number[]): boolean => {
    if (unplaced.length === 0) return false;
    survives = false;
    if (failures.length < maxRecorded) failures.push({ failedHosts: set.slice(), unplaced });
    return stopAtFirst;
  };

  const result = (): FailoverSimulation => ({
    survives,
    check: "enumerated",
    scenariosChecked: scenarios,
    failures,
    maxVms,
    maxWindowsVms,
    work,
  });

  if (n <= k) {
    // Every host fails: only an empty cluster survives.
    const all = Array.from({ length: n }, (_, h) => h);
    const stranded = all.flatMap((h) => Array.from(sorted[h]!));
    scenarios = 1;
    record(all, stranded);
    return result();
  }

  const first = options.firstScenario;
  const firstKey = first !== undefined && first.length === k ? first.join(",") : null;
  if (firstKey !== null && record(first!, runScenario(first!))) {
    return result();
  }
  const set = Array.from({ length: k }, (_, i) => i);
  for (;;) {
    if (firstKey === null || set.join(",") !== firstKey) {
      if (record(set, runScenario(set))) break;
    }
    // Next combination in lexicographic order.
    let i = k - 1;
    while (i >= 0 && set[i] === n - k + i) i--;
    if (i < 0) break;
    set[i] = set[i]! + 1;
    for (let t = i + 1; t < k; t++) set[t] = set[t - 1]! + 1;
  }
  return result();
}

/** Steps of the weight grid of {@link headroomProof}: weights in multiples of 1/GRID. */
const GRID = 10;

/**
 * A sufficient condition for surviving any k failures with any placement that puts each VM
 * on some survivor it fits.
 *
 * Let L_j be the sum of the k largest host loads in resource j (at least what any k failed
 * hosts carry), vmax_j the largest VM demand, and H_sj = limit_j − used_sj − vmax_j the load
 * survivor s can absorb while every VM still fits it. If a VM finds no survivor, every
 * survivor s has absorbed more than H_sj in some resource j(s), and the absorbed loads add up
 * to less than L_j in each resource. So for any weights λ ≥ 0 summing to 1,
 * Σ_s min_j λ_j·max(0, H_sj)/L_j < 1 over the survivors. When some λ on a grid makes that sum
 * exceed 1 over the n − k survivors with the smallest terms, no VM can get stuck. Resources in
 * which a survivor can absorb all of L_j cannot stop it and are left out of its minimum.
 */
export function headroomProof(
  table: VmTable,
  hosts: readonly (readonly number[])[],
  k: number
): boolean {
  const { demand, limit } = table;
  const n = hosts.length;
  const used = layoutLoad(table, hosts);
  const vmax = new Float64Array(D);
  for (const list of hosts) {
    for (const v of list)
      for (let j = 0; j < D; j++) vmax[j] = Math.max(vmax[j]!, demand[v * D + j]!);
  }
  const failedLoad = new Float64Array(D);
  const column = new Float64Array(n);
  for (let j = 0; j < D; j++) {
    for (let h = 0; h < n; h++) column[h] = used[h * D + j]!;
    column.sort();
    let total = 0;
    for (let t = 0; t < k && t < n; t++) total += column[n - 1 - t]!;
    failedLoad[j] = total;
  }
  // a[s*D+j]: normalised headroom; +Infinity where resource j cannot stop survivor s.
  const a = new Float64Array(n * D);
  for (let s = 0; s < n; s++) {
    for (let j = 0; j < D; j++) {
      const headroom = limit[j]! - used[s * D + j]! - vmax[j]!;
      const L = failedLoad[j]!;
      a[s * D + j] = headroom >= L ? Infinity : L > 0 ? Math.max(0, headroom) / L : 0;
    }
  }
  const terms = new Float64Array(n);
  const lambda = new Float64Array(D);
  const tryWeights = (): boolean => {
    for (let s = 0; s < n; s++) {
      let g = Infinity;
      for (let j = 0; j < D; j++) {
        const x = a[s * D + j]!;
        if (x === Infinity) continue;
        const term = lambda[j]! * x;
        if (term < g) g = term;
      }
      terms[s] = g;
    }
    terms.sort();
    let total = 0;
    for (let s = 0; s < n - k; s++) total += terms[s]!;
    return total > 1 + 1e-9;
  };
  // Every weight vector with entries in multiples of 1/GRID.
  const parts = new Int32Array(D);
  const search = (j: number, left: number): boolean => {
    if (j === D - 1) {
      parts[j] = left;
      for (let t = 0; t < D; t++) lambda[t] = parts[t]! / GRID;
      return tryWeights();
    }
    for (let p = 0; p <= left; p++) {
      parts[j] = p;
      if (search(j + 1, left - p)) return true;
    }
    return false;
  };
  return search(0, GRID);
}

/**
 * The reserve test for clusters too large to enumerate: survives when at least k hosts are
 * empty (each failed host's VMs restart together on an empty host) or {@link headroomProof}
 * holds. maxVms is a safe upper bound: a host's own VMs plus those of the k other hosts with
 * the most, within the VMs-per-host limit (likewise for Windows VMs).
 */
export function reserveTest(
  table: VmTable,
  hosts: readonly (readonly number[])[],
  k: number
): FailoverSimulation {
  const n = hosts.length;
  const steady = steadyCounts(table, hosts);
  const empty = hosts.filter((list) => list.length === 0).length;
  const survives = n > k && (empty >= k || headroomProof(table, hosts, k));
  const slots = Math.floor(table.capacity[3]!);
  const topOthers = (counts: Int32Array, h: number): number => {
    const others = Array.from(counts)
      .filter((_, g) => g !== h)
      .sort((x, y) => y - x);
    return others.slice(0, k).reduce((s, x) => s + x, 0);
  };
  const maxVms = new Int32Array(n);
  const maxWindowsVms = new Int32Array(n);
  for (let h = 0; h < n; h++) {
    maxVms[h] = Math.max(
      steady.vms[h]!,
      Math.min(slots, steady.vms[h]! + topOthers(steady.vms, h))
    );
    maxWindowsVms[h] = Math.min(maxVms[h]!, steady.windows[h]! + topOthers(steady.windows, h));
  }
  return {
    survives,
    check: "reserve-test",
    scenariosChecked: 0,
    failures: [],
    maxVms,
    maxWindowsVms,
    work: n * D,
  };
}

/** Enumerates when there are at most {@link MAX_ENUMERATED_SCENARIOS} failure sets, else the reserve test. */
export function checkCluster(
  table: VmTable,
  hosts: readonly (readonly number[])[],
  k: number,
  options: SimulationOptions = {}
): FailoverSimulation {
  if (k <= 0) return simulateFailures(table, hosts, 0, options);
  return scenarioCount(hosts.length, k, MAX_ENUMERATED_SCENARIOS) <= MAX_ENUMERATED_SCENARIOS
    ? simulateFailures(table, hosts, k, options)
    : reserveTest(table, hosts, k);
}
