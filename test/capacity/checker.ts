/**
 * Independent checker of a capacity plan (test oracle). It recomputes the VM demands from the
 * scenario rows with the v1 rules, re-adds every host's load, and re-simulates every failure
 * set with its own plain implementation of the documented re-placement policy, then lists
 * each broken rule. It shares no code with the engine beyond the platform limits table.
 */
import type { CapacityPlan } from "../../src/capacity";
import { seededRandom } from "../../src/capacity/packing/localSearch";
import { platformLimits } from "../../src/platform";
import type { Scenario } from "../../src/scenario";

/** Relative slack on capacities: the engine's documented tolerance for rounding. */
const SLACK = 1e-9;

type Vec = [number, number, number, number];

interface Vm {
  readonly id: string;
  readonly demand: Vec;
  readonly windows: boolean;
  readonly size: number;
  readonly order: number;
}

const add = (a: Vec, b: Vec): Vec => [a[0] + b[0], a[1] + b[1], a[2] + b[2], a[3] + b[3]];

function fits(used: Vec, demand: Vec, cap: Vec): boolean {
  return used.every((u, j) => u + demand[j]! <= cap[j]! + cap[j]! * SLACK);
}

function load(used: Vec, cap: Vec): number {
  let x = 0;
  used.forEach((u, j) => {
    if (cap[j]! > 0) x = Math.max(x, u / cap[j]!);
  });
  return x;
}

function* combinations(n: number, k: number): Generator<number[]> {
  const set = Array.from({ length: k }, (_, i) => i);
  if (k > n) return;
  for (;;) {
    yield set.slice();
    let i = k - 1;
    while (i >= 0 && set[i] === n - k + i) i--;
    if (i < 0) return;
    set[i]!++;
    for (let t = i + 1; t < k; t++) set[t] = set[t - 1]! + 1;
  }
}

export interface FailoverReplay {
  readonly problems: string[];
  /** Per host (layout order): most VMs in steady state or any failure set. */
  readonly maxVms: number[];
  readonly maxWindowsVms: number[];
  readonly scenarios: number;
}

/**
 * Replays failures of one cluster: every k-subset (or the given subsets) — VMs of the failed
 * hosts largest first (ties by order), each to the fitting survivor with the lowest load,
 * ties to the lower host.
 */
export function replayFailures(
  hosts: readonly (readonly Vm[])[],
  cap: Vec,
  k: number,
  subsets?: Iterable<number[]>
): FailoverReplay {
  const problems: string[] = [];
  const steady = hosts.map((list) => list.reduce<Vec>((u, vm) => add(u, vm.demand), [0, 0, 0, 0]));
  const maxVms = hosts.map((l) => l.length);
  const maxWindowsVms = hosts.map((l) => l.filter((vm) => vm.windows).length);
  let scenarios = 0;
  if (k === 0) return { problems, maxVms, maxWindowsVms, scenarios };
  for (const failed of subsets ?? combinations(hosts.length, k)) {
    scenarios++;
    const used = steady.map((u) => u.slice() as Vec);
    const counts = hosts.map((l) => l.length);
    const win = hosts.map((l) => l.filter((vm) => vm.windows).length);
    const moving = failed
      .flatMap((h) => hosts[h]!.slice())
      .sort((a, b) => b.size - a.size || a.order - b.order);
    for (const vm of moving) {
      let best = -1;
      for (let s = 0; s < hosts.length; s++) {
        if (failed.includes(s) || !fits(used[s]!, vm.demand, cap)) continue;
        if (best < 0 || load(used[s]!, cap) < load(used[best]!, cap)) best = s;
      }
      if (best < 0) {
        problems.push(`failure of hosts ${failed.join("+")}: ${vm.id} finds no survivor`);
        continue;
      }
      used[best] = add(used[best]!, vm.demand);
      counts[best]!++;
      if (vm.windows) win[best]!++;
    }
    used.forEach((u, s) => {
      if (failed.includes(s)) return;
      if (!u.every((x, j) => x <= cap[j]! + cap[j]! * SLACK))
        problems.push(`failure of hosts ${failed.join("+")}: host ${s} over capacity`);
      maxVms[s] = Math.max(maxVms[s]!, counts[s]!);
      maxWindowsVms[s] = Math.max(maxWindowsVms[s]!, win[s]!);
    });
  }
  return { problems, maxVms, maxWindowsVms, scenarios };
}

/** VMs of a scenario by the v1 rules (servers that stay physical excluded by `placed`). */
function expectedVms(scenario: Scenario, cap: Vec): Map<string, Vm> {
  const platform = platformLimits(scenario.platform);
  const out = new Map<string, Vm>();
  let order = 0;
  scenario.inventory.forEach((row) => {
    const demand: Vec = [
      row.cores * row.cpuGhz.toNumber() * row.peakCpuUtilization.toNumber(),
      row.memoryGiB.toNumber() + scenario.cluster.vmMemoryOverheadGiB.toNumber(),
      Math.min(row.cores, platform.maxVcpusPerVm),
      1,
    ];
    const size = Math.max(...demand.map((x, j) => (cap[j]! > 0 ? x / cap[j]! : 0)));
    for (let c = 1; c <= row.count; c++) {
      const id = c === 1 ? row.name : `${row.name}#${c}`;
      out.set(id, { id, demand, windows: row.os === "windows", size, order: order++ });
    }
  });
  return out;
}

const close = (a: number, b: number): boolean =>
  Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));

/**
 * Every rule the plan breaks: demands, steady-state limits, cluster limits, failover (every
 * failure set replayed when the plan says it enumerated them; a sample of them on the
 * reserve-test path, which must then stay within the reported upper bounds), and accounting
 * of every server.
 */
export function planViolations(
  scenario: Scenario,
  plan: CapacityPlan,
  clusteringAllowed = true
): string[] {
  const problems: string[] = [];
  const platform = platformLimits(scenario.platform);
  const hc = plan.hostCapacity;
  const cap: Vec = [hc.cpuGhz, hc.memoryGiB, hc.vcpus, hc.vms];
  const all = expectedVms(scenario, cap);

  // Demands follow the rules; every server is a placed VM or stays physical.
  const physicalRows = new Set(plan.stayPhysical.map((p) => p.row));
  for (const p of plan.stayPhysical) {
    if (p.reasons.length === 0) problems.push(`${p.name} stays physical without a reason`);
    if (p.count !== scenario.inventory[p.row]!.count)
      problems.push(`${p.name}: count ${p.count} ≠ row count`);
  }
  const servers = scenario.inventory.reduce((s, r) => s + r.count, 0);
  const physical = plan.stayPhysical.reduce((s, p) => s + p.count, 0);
  if (plan.vms.length + physical !== servers)
    problems.push(`${plan.vms.length} VMs + ${physical} physical ≠ ${servers} servers`);
  for (const vm of plan.vms) {
    const want = all.get(vm.id);
    if (want === undefined) {
      problems.push(`unknown VM ${vm.id}`);
      continue;
    }
    if (physicalRows.has(vm.row)) problems.push(`${vm.id} is both a VM and physical`);
    const got: Vec = [vm.cpuGhz, vm.memoryGiB, vm.vcpus, 1];
    if (!got.every((x, j) => close(x, want.demand[j]!)))
      problems.push(`${vm.id}: demand ${got.join("/")} ≠ ${want.demand.join("/")}`);
    // From here on use the engine's own rounding of the (verified) demand, so that exact ties
    // in size and load compare the same way in the replay.
    const size = Math.max(...got.map((x, j) => (cap[j]! > 0 ? x / cap[j]! : 0)));
    all.set(vm.id, { ...want, demand: got, size });
  }

  // Steady state: each VM on exactly one host, every host within every limit.
  const hostOf = new Map<string, number>();
  for (const h of plan.hostPlans) {
    let used: Vec = [0, 0, 0, 0];
    let windows = 0;
    for (const id of h.vmIds) {
      if (hostOf.has(id)) problems.push(`${id} on hosts ${hostOf.get(id)} and ${h.index}`);
      hostOf.set(id, h.index);
      const vm = all.get(id);
      if (vm === undefined) continue;
      used = add(used, vm.demand);
      if (vm.windows) windows++;
    }
    if (!used.every((x, j) => x <= cap[j]! + cap[j]! * SLACK))
      problems.push(
        `host ${h.index} over capacity in steady state: ${used.join("/")} > ${cap.join("/")}`
      );
    if (h.vms !== h.vmIds.length || h.windowsVms !== windows)
      problems.push(`host ${h.index}: counts disagree`);
    if (
      !close(h.cpuGhzUsed, used[0]) ||
      !close(h.memoryGiBUsed, used[1]) ||
      h.vcpusUsed !== used[2]
    )
      problems.push(`host ${h.index}: reported load disagrees`);
    if (h.maxVmsAfterFailover < h.vms || h.maxWindowsVmsAfterFailover < h.windowsVms)
      problems.push(`host ${h.index}: failover maximum below steady state`);
  }
  for (const vm of plan.vms) if (!hostOf.has(vm.id)) problems.push(`${vm.id} is on no host`);
  if (plan.hosts !== plan.hostPlans.length) problems.push("hosts ≠ hostPlans.length");
  if (plan.hosts < plan.lowerBoundHosts || plan.lowerBoundHosts < plan.lowerBoundSteadyState)
    problems.push("lower bound above the answer");

  // Clusters: limits and failover.
  const k = clusteringAllowed ? scenario.cluster.failuresToTolerate : 0;
  const maxNodes = Math.min(scenario.cluster.maxNodes, platform.maxClusterNodes);
  for (const c of plan.clusters) {
    const members = plan.hostPlans.filter((h) => h.cluster === c.index);
    if (members.length !== c.nodes)
      problems.push(`cluster ${c.index}: nodes ${c.nodes} ≠ ${members.length} hosts`);
    if (!clusteringAllowed) {
      if (c.failoverCheck !== "none" || c.failoverReserve !== 0)
        problems.push(`standalone group claims failover`);
      continue;
    }
    const vms = members.reduce((s, h) => s + h.vms, 0);
    if (vms !== c.vms) problems.push(`cluster ${c.index}: vms ${c.vms} ≠ ${vms}`);
    if (c.nodes > maxNodes) problems.push(`cluster ${c.index}: ${c.nodes} nodes > ${maxNodes}`);
    if (vms > platform.maxVmsPerCluster)
      problems.push(`cluster ${c.index}: ${vms} VMs > ${platform.maxVmsPerCluster}`);
    if (k > 0 && vms > 0 && c.nodes < k + 1)
      problems.push(`cluster ${c.index}: ${c.nodes} nodes cannot survive ${k} failures`);
    if (c.failuresTolerated !== k)
      problems.push(`cluster ${c.index}: tolerates ${c.failuresTolerated} ≠ ${k}`);
    const layout = members.map((h) => h.vmIds.map((id) => all.get(id)!));
    if (k === 0) continue;
    if (c.failoverCheck === "enumerated") {
      const replay = replayFailures(layout, cap, k);
      problems.push(...replay.problems.map((p) => `cluster ${c.index}: ${p}`));
      if (replay.scenarios !== c.scenariosChecked)
        problems.push(
          `cluster ${c.index}: ${c.scenariosChecked} scenarios reported, ${replay.scenarios} exist`
        );
      members.forEach((h, i) => {
        if (
          h.maxVmsAfterFailover !== replay.maxVms[i] ||
          h.maxWindowsVmsAfterFailover !== replay.maxWindowsVms[i]
        ) {
          problems.push(
            `host ${h.index}: maxVmsAfterFailover ${h.maxVmsAfterFailover}/${h.maxWindowsVmsAfterFailover} ≠ replay ${replay.maxVms[i]}/${replay.maxWindowsVms[i]}`
          );
        }
      });
    } else if (c.failoverCheck === "reserve-test") {
      // A deterministic sample of failure sets; the policy must absorb them and stay within the bounds.
      const rnd = seededRandom(c.index + 1);
      const sample: number[][] = [];
      for (let s = 0; s < 200; s++) {
        // k distinct hosts: the first k of a seeded Fisher–Yates shuffle.
        const order = members.map((_, i) => i);
        for (let i = 0; i < k; i++) {
          const j = i + Math.floor(rnd() * (order.length - i));
          [order[i], order[j]] = [order[j]!, order[i]!];
        }
        sample.push(order.slice(0, k).sort((a, b) => a - b));
      }
      const replay = replayFailures(layout, cap, k, sample);
      problems.push(...replay.problems.map((p) => `cluster ${c.index} (reserve test): ${p}`));
      members.forEach((h, i) => {
        if (
          h.maxVmsAfterFailover < replay.maxVms[i]! ||
          h.maxWindowsVmsAfterFailover < replay.maxWindowsVms[i]!
        ) {
          problems.push(
            `host ${h.index}: upper bound ${h.maxVmsAfterFailover} below a sampled ${replay.maxVms[i]}`
          );
        }
      });
    } else problems.push(`cluster ${c.index}: failover not checked although k = ${k}`);
  }
  const maxAfter = plan.hostPlans.reduce((m, h) => Math.max(m, h.maxVmsAfterFailover), 0);
  if (plan.maxVmsPerHostAfterFailover !== maxAfter)
    problems.push("maxVmsPerHostAfterFailover ≠ max over hosts");
  return problems;
}
