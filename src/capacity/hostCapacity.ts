/**
 * What one host offers to VMs (DESIGN.md "Capacity rules (v1)"), after the targets, the host
 * reserve and every platform and edition limit, with a note explaining each figure and cut.
 */
import { Dec } from "../money";
import { platformLimits } from "../platform";
import type { Scenario } from "../scenario";
import type { HostCapacity, HostConstraints } from "./contract";
import { capacityMessages as M } from "./messages";

/**
 * The capacity of one host of `scenario.host` under `scenario.cluster`'s targets and the
 * platform's limits, further cut by `constraints` (the host edition's limits).
 *
 * - logical processors (LPs) = sockets × coresPerSocket × threadsPerCore, at most the platform's
 *   LPs per host;
 * - CPU (GHz) = sockets × coresPerSocket × cpuGhz × targetCpuUtilization — counting only the
 *   cores whose LPs Hyper-V can use when the LP limit cuts;
 * - memory (GiB) = (min(memoryGiB, platform max host RAM, constraints.maxHostMemoryGiB) −
 *   hostMemoryReserveGiB) × targetMemoryUtilization, never below 0;
 * - virtual processors = ⌊min(LPs × vcpuPerLogicalProcessor, platform max per host)⌋, the
 *   per-LP figure cut to the platform's supported ratio where it has one (8:1 on 2008 R2);
 * - running VMs = min(platform max per host, constraints.maxRunningVmsPerHost).
 */
export function hostCapacity(scenario: Scenario, constraints: HostConstraints = {}): HostCapacity {
  const platform = platformLimits(scenario.platform);
  const { host, cluster } = scenario;
  const notes: string[] = [];

  const totalCores = host.sockets * host.coresPerSocket;
  const lpsInstalled = totalCores * host.threadsPerCore;
  const logicalProcessors = Math.min(lpsInstalled, platform.maxLogicalProcessorsPerHost);
  notes.push(
    M.hostLogicalProcessors(host.sockets, host.coresPerSocket, host.threadsPerCore, lpsInstalled)
  );
  let usableCores = totalCores;
  if (lpsInstalled > logicalProcessors) {
    notes.push(M.hostLogicalProcessorsCut(lpsInstalled, logicalProcessors, platform.label));
    usableCores = Math.max(1, Math.floor(logicalProcessors / host.threadsPerCore));
  }

  const cpu = new Dec(usableCores).times(host.cpuGhz).times(cluster.targetCpuUtilization);
  const ghz = host.cpuGhz.toNumber();
  const target = cluster.targetCpuUtilization.toNumber();
  notes.push(
    usableCores < totalCores
      ? M.hostCpuCut(usableCores, totalCores, ghz, target, cpu.toNumber())
      : M.hostCpu(host.sockets, host.coresPerSocket, ghz, target, cpu.toNumber())
  );

  const installed = host.memoryGiB;
  let usable = installed;
  if (usable.gt(platform.maxHostMemoryGiB)) {
    notes.push(
      M.hostMemoryPlatformCut(installed.toNumber(), platform.maxHostMemoryGiB, platform.label)
    );
    usable = new Dec(platform.maxHostMemoryGiB);
  }
  const editionReason = constraints.reason ?? M.editionLimitReason;
  if (constraints.maxHostMemoryGiB !== undefined && usable.gt(constraints.maxHostMemoryGiB)) {
    notes.push(
      M.hostMemoryEditionCut(usable.toNumber(), constraints.maxHostMemoryGiB, editionReason)
    );
    usable = new Dec(constraints.maxHostMemoryGiB);
  }
  let memory = usable.minus(cluster.hostMemoryReserveGiB).times(cluster.targetMemoryUtilization);
  if (memory.isNegative()) memory = new Dec(0);
  notes.push(
    M.hostMemory(
      installed.toNumber(),
      usable.toNumber(),
      cluster.hostMemoryReserveGiB.toNumber(),
      cluster.targetMemoryUtilization.toNumber(),
      memory.toNumber()
    )
  );
  if (memory.isZero()) notes.push(M.hostMemoryNone(cluster.hostMemoryReserveGiB.toNumber()));

  let perLp = cluster.vcpuPerLogicalProcessor;
  const ratio = platform.maxVcpuPerLogicalProcessor;
  if (ratio !== null && perLp.gt(ratio)) {
    notes.push(M.hostVcpuRatioCut(perLp.toNumber(), ratio, platform.label));
    perLp = new Dec(ratio);
  }
  const byRatio = perLp.times(logicalProcessors);
  const vcpus = Dec.min(byRatio, platform.maxVirtualProcessorsPerHost).floor().toNumber();
  notes.push(
    M.hostVcpus(
      logicalProcessors,
      perLp.toNumber(),
      byRatio.toNumber(),
      platform.maxVirtualProcessorsPerHost,
      vcpus
    )
  );

  let vms = platform.maxRunningVmsPerHost;
  let vmSource = M.hostVmsPlatform(platform.label);
  if (constraints.maxRunningVmsPerHost !== undefined && constraints.maxRunningVmsPerHost < vms) {
    vms = Math.max(0, Math.floor(constraints.maxRunningVmsPerHost));
    vmSource = M.hostVmsEdition(platform.maxRunningVmsPerHost, editionReason);
  }
  notes.push(M.hostVms(vms, vmSource));

  return {
    cpuGhz: cpu.toNumber(),
    memoryGiB: memory.toNumber(),
    vcpus,
    vms,
    logicalProcessors,
    notes,
  };
}
