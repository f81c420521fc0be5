/**
 * The Bitbrains GWA-T-12 "Rnd" July 2013 inventory (500 VMs; shared/data/traces) as a scenario,
 * reproducing the worked example of shared/reference/capacity-engine.md §3: hosts of
 * 32 cores at 2,926 MHz with an 80 % CPU target, 768 GB RAM, ≤ 512 virtual processors and
 * ≤ 384 VMs; demand = p95 CPU and provisioned RAM.
 *
 * Mapping per VM (one inventory row each, named `VM-<id>`):
 * - cores = cpu_cores_max (the VM's size; 76 VMs change core count within the month);
 * - cpuGhz = cpu_capacity_mhz / cpu_cores / 1000, the per-core clock (13 VMs were off most of the
 *   month and report 0 cores and 0 MHz: they get the host clock, 2.926 GHz);
 * - peakCpuUtilization = cpu_usage_mhz_p95 / (cores × cpuGhz × 1000), at most 1, so the CPU
 *   demand cores × cpuGhz × peak is exactly the p95 MHz the research note sized with (the
 *   brief's p95 / cpu_capacity_mhz differs only for the 15 VMs whose core count changed);
 * - memoryGiB = mem_provisioned_gb_max (GB in the file is KB / 1,048,576, i.e. GiB).
 *
 * Platform ws2016 (no VP:LP ratio, 512 LPs), vcpuPerLogicalProcessor 8 × 64 LPs = 512 virtual
 * processors, no host reserve, and a 384-VMs-per-host constraint; one cluster may have up to
 * 64 nodes, N+1.
 */
import { readFileSync } from "node:fs";
import { Dec } from "../../src/money";
import { parseScenario, defaultScenarioJson, type Scenario } from "../../src/scenario";
import { hostCapacity, vmDemands, vmSize, type HostConstraints } from "../../src/capacity";
import { checkFailover } from "../support/failoverLayout";
import { leastLoaded, placeVms } from "../support/placeVms";
import { hasShared, shared } from "../support/paths";

export const BITBRAINS_FILE = ["data", "traces", "bitbrains_rnd_2013-7_vm_summary.csv"] as const;

export function hasBitbrains(): boolean {
  return hasShared(...BITBRAINS_FILE);
}

/** Host clock of the example, GHz. */
const HOST_GHZ = 2.926;

function fixed(x: number, digits: number): string {
  return x.toFixed(digits).replace(/\.?0+$/, "") || "0";
}

/** Inventory rows (scenario JSON) from the summary CSV. */
export function bitbrainsInventory(): Record<string, unknown>[] {
  const lines = readFileSync(shared(...BITBRAINS_FILE), "utf8")
    .trim()
    .split(/\r?\n/);
  const header = lines[0]!.split(",");
  const col = (name: string): number => {
    const i = header.indexOf(name);
    if (i < 0) throw new Error(`Bitbrains summary has no column ${name}`);
    return i;
  };
  const [id, cores, coresMax, capMhz, p95, mem] = [
    col("vm_id"),
    col("cpu_cores"),
    col("cpu_cores_max"),
    col("cpu_capacity_mhz"),
    col("cpu_usage_mhz_p95"),
    col("mem_provisioned_gb_max"),
  ];
  return lines.slice(1).map((line) => {
    const f = line.split(",").map(Number);
    const vmCores = f[coresMax]!;
    const ghz = f[capMhz]! > 0 && f[cores]! > 0 ? f[capMhz]! / f[cores]! / 1000 : HOST_GHZ;
    const ghzText = fixed(ghz, 6);
    const peak = Math.min(1, f[p95]! / (vmCores * Number(ghzText) * 1000));
    return {
      name: `VM-${f[id]!}`,
      os: "linux",
      cores: vmCores,
      cpuGhz: ghzText,
      peakCpuUtilization: fixed(peak, 9),
      averageCpuUtilization: "0",
      memoryGiB: fixed(f[mem]!, 6),
      storageGiB: "0",
    };
  });
}

/** The research note's host and cluster (see the module comment). */
export const BITBRAINS_CONSTRAINTS: HostConstraints = {
  maxRunningVmsPerHost: 384,
  reason: "the research note's 384-VMs-per-host limit",
};

export function bitbrainsScenario(inventory: readonly unknown[] = bitbrainsInventory()): Scenario {
  const json = defaultScenarioJson("ws2016", inventory);
  json["name"] = "Bitbrains Rnd 2013-07 (500 VMs)";
  json["host"] = {
    ...(json["host"] as object),
    sockets: 2,
    coresPerSocket: 16,
    threadsPerCore: 2,
    cpuGhz: "2.926",
    memoryGiB: "768",
  };
  json["cluster"] = {
    ...(json["cluster"] as object),
    failuresToTolerate: 1,
    maxNodes: 64,
    targetCpuUtilization: "0.8",
    targetMemoryUtilization: "1",
    hostMemoryReserveGiB: "0",
    vmMemoryOverheadGiB: "0",
    vcpuPerLogicalProcessor: "8",
  };
  const parsed = parseScenario(json as Parameters<typeof parseScenario>[0]);
  if (!parsed.ok) throw new Error(parsed.issues.map((i) => `${i.path}: ${i.message}`).join("\n"));
  return parsed.scenario;
}

/**
 * Hosts a naive layout needs (the research note's comparison): spread the VMs largest first to
 * the least-loaded of n hosts, for n = 1, 2, … until every single-host failure is absorbed.
 */
export function naiveBalancedHosts(scenario: Scenario = bitbrainsScenario()): number {
  const capacity = hostCapacity(scenario, BITBRAINS_CONSTRAINTS);
  const { vms } = vmDemands(scenario, BITBRAINS_CONSTRAINTS);
  const sorted = vms
    .slice()
    .sort((a, b) => vmSize(b, capacity) - vmSize(a, capacity) || a.row - b.row);
  for (let n = 1; ; n++) {
    const placement = placeVms(
      sorted,
      Array.from({ length: n }, () => [0, 0, 0, 0]),
      capacity,
      { scorer: leastLoaded }
    );
    if (placement.unplaced.length > 0) continue;
    const layout: string[][] = Array.from({ length: n }, () => []);
    placement.hostOf.forEach((h, i) => layout[h]!.push(sorted[i]!.id));
    if (checkFailover(vms, layout, capacity, 1).survives) return n;
  }
}

/**
 * The same 500 VMs with their measured history as an import would carry it (generic CSV with
 * percentile columns): peakCpuUtilization = cpu_usage_mhz_max ÷ capacity (the peak), the
 * average from cpu_usage_pct_mean; measured p95 CPU = cpu_usage_mhz_p95 ÷ capacity and p95
 * memory in use = mem_usage_gb_p95 (GB in the file is GiB); average disk and network
 * throughput = (read + write) and (rx + tx) KB/s ÷ 1,000.
 */
export function bitbrainsMeasuredInventory(): Record<string, unknown>[] {
  const lines = readFileSync(shared(...BITBRAINS_FILE), "utf8")
    .trim()
    .split(/\r?\n/);
  const header = lines[0]!.split(",");
  const at = (f: number[], name: string): number => {
    const i = header.indexOf(name);
    if (i < 0) throw new Error(`Bitbrains summary has no column ${name}`);
    return f[i]!;
  };
  return lines.slice(1).map((line) => {
    const f = line.split(",").map(Number);
    const cores = at(f, "cpu_cores_max");
    const ghz =
      at(f, "cpu_capacity_mhz") > 0 && at(f, "cpu_cores") > 0
        ? at(f, "cpu_capacity_mhz") / at(f, "cpu_cores") / 1000
        : HOST_GHZ;
    const ghzText = fixed(ghz, 6);
    const capacityMhz = cores * Number(ghzText) * 1000;
    const share = (mhz: number): string => fixed(Math.min(1, mhz / capacityMhz), 9);
    const peak = Math.min(1, at(f, "cpu_usage_mhz_max") / capacityMhz);
    const average = Math.min(peak, at(f, "cpu_usage_pct_mean") / 100);
    return {
      name: `VM-${at(f, "vm_id")}`,
      os: "linux",
      cores,
      cpuGhz: ghzText,
      peakCpuUtilization: fixed(peak, 9),
      averageCpuUtilization: fixed(average, 9),
      memoryGiB: fixed(at(f, "mem_provisioned_gb_max"), 6),
      storageGiB: "0",
      measuredPercentile: "p95",
      measuredCpuUtilization: share(at(f, "cpu_usage_mhz_p95")),
      measuredMemoryGiB: fixed(at(f, "mem_usage_gb_p95"), 6),
      averageDiskMBps: fixed(
        (at(f, "disk_read_kbps_mean") + at(f, "disk_write_kbps_mean")) / 1000,
        6
      ),
      averageNetworkMBps: fixed((at(f, "net_rx_kbps_mean") + at(f, "net_tx_kbps_mean")) / 1000, 6),
    };
  });
}

/** The measured inventory on the research note's host, sized on `basis` with `comfortFactor`. */
export function bitbrainsMeasuredScenario(
  basis: "measured" | "peak",
  comfortFactor = "1.3"
): Scenario {
  const base = bitbrainsScenario(bitbrainsMeasuredInventory());
  return { ...base, demand: { ...base.demand, basis, comfortFactor: new Dec(comfortFactor) } };
}
