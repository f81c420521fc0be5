/**
 * Every text the capacity engine shows a user — stay-physical reasons, how host capacity was
 * derived, plan notes and the one-line explanation — in one place so wording stays consistent
 * and tests pin it. Numbers are formatted with {@link num}: at most two decimals, thousands
 * separators, no locale dependence.
 */
import { groupThousands } from "../money";

/** `1234.5` → "1,234.5"; `26.369999` → "26.37"; integers without decimals. */
export function num(value: number, decimals = 2): string {
  if (!Number.isFinite(value)) return String(value);
  const factor = 10 ** decimals;
  const rounded = Math.round(Math.abs(value) * factor) / factor;
  const sign = value < 0 && rounded !== 0 ? "-" : "";
  const fixed = rounded.toFixed(decimals);
  // From 1e21 (and Infinity, past the double range) toFixed writes no plain digits to group.
  if (!(rounded < 1e21)) return `${sign}${fixed}`;
  // Trailing zeros of the fraction, then a bare point, trimmed by hand: every reason a server
  // stays physical writes several figures, in every plan a sensitivity run makes.
  const point = decimals > 0 ? fixed.length - decimals - 1 : fixed.length;
  let end = fixed.length;
  while (end > point + 1 && fixed.charCodeAt(end - 1) === 48) end--; // "0"
  if (end === point + 1) end = point;
  return `${sign}${groupThousands(fixed.slice(0, point))}${fixed.slice(point, end)}`;
}

/** A fraction as a percentage: 0.75 → "75 %". */
export function pct(fraction: number): string {
  return `${num(fraction * 100, 1)} %`;
}

const plural = (n: number, one: string, many: string): string =>
  `${num(n)} ${n === 1 ? one : many}`;

export const capacityMessages = {
  // ── Why a server stays physical ──────────────────────────────────────────────────────────
  keptByUser: (name: string): string => `${name} is kept physical by the user.`,
  vmMemoryAbovePlatform: (
    name: string,
    memoryGiB: number,
    platformLabel: string,
    maxGiB: number
  ): string =>
    `${name} needs ${num(memoryGiB)} GiB of RAM; a ${platformLabel} VM can have at most ${num(maxGiB)} GiB.`,
  cpuAboveVcpus: (
    name: string,
    cpuGhz: number,
    vcpus: number,
    cappedFrom: number | null,
    platformLabel: string,
    hostCoreGhz: number
  ): string =>
    `${name} needs ${num(cpuGhz)} GHz of CPU at peak; its ${plural(vcpus, "virtual processor", "virtual processors")}` +
    (cappedFrom === null
      ? ""
      : ` (cut from ${num(cappedFrom)} cores: a ${platformLabel} VM can have at most ${num(vcpus)})`) +
    ` can use at most ${num(vcpus)} × ${num(hostCoreGhz)} GHz = ${num(vcpus * hostCoreGhz)} GHz of a host's cores.`,
  cpuAboveHost: (name: string, cpuGhz: number, hostCpuGhz: number, target: number): string =>
    `${name} needs ${num(cpuGhz)} GHz of CPU at peak, more than a whole host offers (${num(hostCpuGhz)} GHz at the ${pct(target)} CPU target).`,
  memoryAboveHost: (name: string, memoryGiB: number, hostMemoryGiB: number): string =>
    `${name} needs ${num(memoryGiB)} GiB of RAM as a VM, more than a whole host offers to VMs (${num(hostMemoryGiB)} GiB).`,
  vcpusAboveHost: (name: string, vcpus: number, hostVcpus: number): string =>
    `${name} needs ${plural(vcpus, "virtual processor", "virtual processors")}, more than a host offers (${num(hostVcpus)}).`,
  vcpusAboveLogicalProcessors: (name: string, vcpus: number, lps: number): string =>
    `${name} needs ${plural(vcpus, "virtual processor", "virtual processors")}; a VM cannot have more than the host's ${plural(lps, "logical processor", "logical processors")}.`,
  noVmSlots: (name: string, vms: number): string =>
    `${name} cannot run as a VM: a host may run ${num(vms)} VMs.`,

  storageAboveCluster: (name: string, neededTB: number, nodes: number, usableTB: number): string =>
    `${name} needs ${num(neededTB)} TB of storage with its headroom, more than a whole Storage Spaces Direct cluster of ${num(nodes)} servers holds (${num(usableTB)} TB usable).`,

  // ── Measured demand, idle servers, growth ───────────────────────────────────────────────
  idleReason: (
    cpu: number,
    cpuBelow: number,
    diskMBps: number | null,
    diskBelow: number,
    networkMBps: number | null,
    networkBelow: number
  ): string =>
    [
      `average CPU ${pct(cpu)} < ${pct(cpuBelow)}`,
      ...(diskMBps === null ? [] : [`disk ${num(diskMBps, 3)} MB/s < ${num(diskBelow, 3)} MB/s`]),
      ...(networkMBps === null
        ? []
        : [`network ${num(networkMBps, 3)} MB/s < ${num(networkBelow, 3)} MB/s`]),
    ].join("; "),
  growthCapped: (name: string): string =>
    `${name}'s grown demand is held at what one VM can use (its virtual processors' cores, or one whole host).`,
  measuredSizing: (measured: number, vms: number, comfort: number): string =>
    `${num(measured)} of ${plural(vms, "VM is", "VMs are")} sized on measured use (the import's percentile × a comfort factor of ${num(comfort)}, at most the server's own cores and RAM); the others on their peak CPU and configured RAM.`,
  idleRetired: (servers: number): string =>
    `${plural(servers, "idle server is", "idle servers are")} retired (switched off, not migrated): what they cost to run is shown as its own saving.`,
  idleFlagged: (servers: number): string =>
    `${plural(servers, "server looks", "servers look")} idle by the demand thresholds; they are migrated as usual (set demand.retireIdle to retire them).`,
  storageS2d: (
    neededTB: number,
    headroom: number,
    resiliency: string,
    drives: number,
    driveTB: number,
    k: number
  ): string =>
    `Storage Spaces Direct: ${num(neededTB)} TB to hold (VM disks in decimal TB plus ${pct(headroom)} headroom) in ${resiliency} pools of ${num(drives)} × ${num(driveTB)} TB drives per node; each cluster has the fewest nodes whose usable capacity ((raw − one reserve drive per node up to 4) × efficiency) holds its VMs' storage${k > 0 ? `, also with ${plural(k, "node", "nodes")} gone where the resiliency can repair onto the survivors` : ""}.`,
  storageBinds: (clusters: number, of: number): string =>
    `Storage decides the node count of ${num(clusters)} of ${plural(of, "cluster", "clusters")}: their VMs' CPU and memory would need fewer nodes.`,

  // ── How host capacity was derived ────────────────────────────────────────────────────────
  hostCpu: (sockets: number, cores: number, ghz: number, target: number, cpuGhz: number): string =>
    `CPU: ${num(sockets)} sockets × ${num(cores)} cores × ${num(ghz, 3)} GHz × ${pct(target)} target = ${num(cpuGhz)} GHz.`,
  hostCpuCut: (
    usableCores: number,
    totalCores: number,
    ghz: number,
    target: number,
    cpuGhz: number
  ): string =>
    `CPU: ${num(usableCores)} usable cores × ${num(ghz, 3)} GHz × ${pct(target)} target = ${num(cpuGhz)} GHz (Hyper-V uses only the cores of the logical processors it supports, ${num(usableCores)} of the ${num(totalCores)} installed).`,
  hostLogicalProcessors: (sockets: number, cores: number, threads: number, lps: number): string =>
    `Logical processors: ${num(sockets)} × ${num(cores)} cores × ${num(threads)} threads = ${num(lps)}.`,
  hostLogicalProcessorsCut: (lps: number, limit: number, platformLabel: string): string =>
    `Logical processors cut from ${num(lps)} to ${num(limit)}: the most ${platformLabel} Hyper-V supports per host.`,
  hostMemory: (
    installed: number,
    usable: number,
    reserve: number,
    target: number,
    memoryGiB: number
  ): string =>
    installed === usable
      ? `Memory: (${num(usable)} GiB − ${num(reserve)} GiB host reserve) × ${pct(target)} target = ${num(memoryGiB)} GiB.`
      : `Memory: (${num(usable)} GiB usable of ${num(installed)} GiB installed − ${num(reserve)} GiB host reserve) × ${pct(target)} target = ${num(memoryGiB)} GiB.`,
  hostMemoryPlatformCut: (installed: number, limit: number, platformLabel: string): string =>
    `Host RAM cut from ${num(installed)} GiB to ${num(limit)} GiB: the most ${platformLabel} Hyper-V supports.`,
  hostMemoryEditionCut: (installed: number, limit: number, reason: string): string =>
    `Host RAM cut from ${num(installed)} GiB to ${num(limit)} GiB: ${reason}.`,
  hostMemoryNone: (reserve: number): string =>
    `The ${num(reserve)} GiB host reserve leaves no memory for VMs: raise the host RAM or lower the reserve.`,
  hostVcpus: (
    lps: number,
    perLp: number,
    byRatio: number,
    platformMax: number,
    vcpus: number
  ): string =>
    `Virtual processors: min(${num(lps)} logical processors × ${num(perLp)} per LP = ${num(byRatio)}, platform limit ${num(platformMax)}) = ${num(vcpus)}.`,
  hostVcpuRatioCut: (perLp: number, platformRatio: number, platformLabel: string): string =>
    `${num(perLp)} vCPUs per logical processor is above what ${platformLabel} supports: ${num(platformRatio)} per LP is used.`,
  hostVms: (vms: number, source: string): string =>
    `Running VMs per host: ${num(vms)} (${source}).`,
  hostVmsPlatform: (platformLabel: string): string => `${platformLabel} limit`,
  hostVmsEdition: (platformMax: number, reason: string): string =>
    `cut from the platform's ${num(platformMax)}: ${reason}`,
  editionLimitReason: "limit of the host's edition",

  // ── Plan notes ───────────────────────────────────────────────────────────────────────────
  storageShared: (totalGiB: number): string =>
    `Storage (${num(totalGiB)} GiB in total) sits on the cluster's shared storage, so it does not limit how many VMs a host runs.`,
  standalone: (reason: string | undefined): string =>
    `Standalone hosts, no failover reserve: the host operating system cannot be a failover-cluster node${reason === undefined ? "" : ` (${reason})`}. They are listed as one group of standalone hosts; a host failure stops its VMs until they are restored elsewhere.`,
  noFailuresToTolerate:
    "No host failures to tolerate (failuresToTolerate = 0): clusters carry no failover reserve and no failure is simulated.",
  clusterLimits: (
    nodes: number,
    userNodes: number,
    platformNodes: number,
    vmsPerCluster: number,
    platformLabel: string
  ): string =>
    `Clusters: at most ${num(nodes)} nodes (your limit ${num(userNodes)}, ${platformLabel} allows ${num(platformNodes)}) and ${num(vmsPerCluster)} running VMs each.`,
  clusterVmLimitBinds: (vmsPerCluster: number, nodes: number, k: number): string =>
    `The ${num(vmsPerCluster)}-VMs-per-cluster limit decides the cluster count: a full ${num(nodes)}-node cluster averages at most ${num(vmsPerCluster / Math.max(1, nodes - k), 1)} VMs per node with ${num(k)} failed.`,
  replacementPolicy: (k: number): string =>
    `Failover simulated for every set of ${plural(k, "failed host", "failed hosts")}: the failed hosts' VMs, largest first (largest share of a host in any of CPU, memory, virtual processors, VM slots; ties in inventory order), each restart on the surviving host of the cluster that fits them and is least loaded (lowest highest-share of CPU, memory, virtual processors and VM slots; ties to the lower host number). maxVmsAfterFailover is the most VMs a host runs in any of these scenarios.`,
  reserveTest: (clusters: number, k: number): string =>
    `${plural(clusters, "cluster was", "clusters were")} too large to simulate every set of ${num(k)} failed hosts; survival is proven instead by reserved capacity (dedicated empty failover hosts, or enough spare capacity beyond the largest VM on every survivor), and maxVmsAfterFailover there is a safe upper bound: a host's own VMs plus the VMs of the ${plural(k, "other host", "other hosts")} with the most, within the VMs-per-host limit.`,
  balancedLayout:
    "Each cluster is first packed onto the fewest hosts, then its failover hosts are added and host loads and VMs per host are evened out as far as every failure scenario still succeeds (a cluster packed to its lower bound may keep a failover host empty).",
  fitsOnlyWithinRounding: (name: string): string =>
    `${name} fits an empty host only within rounding of its capacity, so it is kept physical to stay on the safe side.`,

  // ── Explanation ──────────────────────────────────────────────────────────────────────────
  explanation: (
    hosts: number,
    lowerBoundSteady: number,
    failoverHosts: number,
    clusters: number | null
  ): string => {
    const head = `${plural(hosts, "host", "hosts")}${clusters !== null && clusters > 1 ? ` in ${num(clusters)} clusters` : ""}`;
    if (hosts === 0) return "0 hosts: no server can become a VM.";
    return failoverHosts > 0
      ? `${head}; at least ${num(lowerBoundSteady)} needed, plus ${num(failoverHosts)} for failover`
      : `${head}; at least ${num(lowerBoundSteady)} needed`;
  },

  // ── Programmer errors ────────────────────────────────────────────────────────────────────
  layoutHostOutOfRange: (vm: number, host: number): string =>
    `VM ${vm} is assigned to host ${host}, outside the layout (a programmer error).`,
} as const;
