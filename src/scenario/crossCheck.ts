/**
 * Checks across fields of a parsed scenario: values that are valid alone but not together
 * (the platform's limits, the VMware renewal with owned licences, Storage Spaces Direct).
 */
import { Dec } from "../money";
import {
  platformLimits,
  PLATFORM_IDS,
  RESILIENCY_RULES,
  S2D_LIMITS,
  s2dPoolNodeLimit,
  type PlatformId,
  type S2dResiliency,
  type StorageMedia,
} from "../platform";
import { MESSAGES } from "./messages";
import { type Issue } from "./types";
import type { Obj } from "./parseField";

/** Every check across fields; issues are appended to `issues`. */
export function crossCheck(platform: PlatformId, sections: Obj, issues: Issue[]): void {
  const cluster = sections["cluster"] as Obj | undefined;
  if (cluster) {
    const k = cluster["failuresToTolerate"] as number;
    const n = cluster["maxNodes"] as number;
    if (k >= n) {
      issues.push({
        path: "cluster.failuresToTolerate",
        expected: `less than maxNodes (${n})`,
        received: String(k),
        message: MESSAGES.failuresVsNodes(k, n),
      });
    }
    const limit = platformLimits(platform).maxClusterNodes;
    if (n > limit) {
      issues.push({
        path: "cluster.maxNodes",
        expected: `at most ${limit}`,
        received: String(n),
        message: MESSAGES.maxNodesAbovePlatform(n, limit, platform),
      });
    }
  }
  const host = sections["host"] as Obj | undefined;
  if (host && cluster) {
    const memory = host["memoryGiB"] as Dec;
    const reserve = cluster["hostMemoryReserveGiB"] as Dec;
    if (reserve.gte(memory)) {
      issues.push({
        path: "cluster.hostMemoryReserveGiB",
        expected: `less than host.memoryGiB (${memory.toString()})`,
        received: reserve.toString(),
        message: MESSAGES.reserveAboveHostMemory(reserve.toString(), memory.toString()),
      });
    }
  }
  const finance = sections["finance"] as Obj | undefined;
  const licensing = sections["licensing"] as Obj | undefined;
  if (finance && licensing) crossCheckLeavingVmware(platform, finance, licensing, issues);
  crossCheckStorage(platform, sections, issues);
  const physical = sections["physical"] as Obj | undefined;
  if (physical) {
    const avg = physical["defaultAverageCpuUtilization"] as Dec;
    const peak = physical["defaultPeakCpuUtilization"] as Dec;
    if (avg.gt(peak)) {
      issues.push({
        path: "physical.defaultAverageCpuUtilization",
        expected: `at most the default peak (${peak.toString()})`,
        received: avg.toString(),
        message: MESSAGES.averageAbovePeak(avg.toString(), peak.toString()),
      });
    }
  }
}

/** The VMware renewal, owned licences and Azure Hybrid Benefit: values that only make sense together. */
function crossCheckLeavingVmware(
  platform: PlatformId,
  finance: Obj,
  licensing: Obj,
  issues: Issue[]
): void {
  const vmware = licensing["vmware"] as Obj;
  const owned = licensing["owned"] as Obj;
  const push = (path: string, expected: string, received: string, message: string): void => {
    issues.push({ path, expected, received, message });
  };
  const term = vmware["termYears"] as number;
  if (![1, 3, 5].includes(term))
    push("licensing.vmware.termYears", "1, 3 or 5", String(term), MESSAGES.termYears(term));
  const perCpu = vmware["minimumCoresPerCpu"] as number;
  const perOrder = vmware["minimumCoresPerOrder"] as number;
  if (perOrder > 0 && perOrder < perCpu)
    push(
      "licensing.vmware.minimumCoresPerOrder",
      `0 (none) or at least ${perCpu}`,
      String(perOrder),
      MESSAGES.orderMinimumBelowFloor(perOrder, perCpu)
    );
  const baseline = finance["baseline"] as string;
  const options = (licensing["options"] as readonly string[]) ?? [];
  const vmwareToday = baseline === "vcf" || baseline === "vvf";
  const involvesRenewal = vmwareToday || options.includes("vcf") || options.includes("vvf");
  const start = finance["startDate"] as string;
  const renewal = vmware["renewalDate"] as string;
  if (involvesRenewal && renewal < start)
    push(
      "licensing.vmware.renewalDate",
      `on or after the start date (${start})`,
      renewal,
      MESSAGES.renewalBeforeStart(renewal, start)
    );
  if (vmwareToday && platform !== "ws2022" && platform !== "ws2025")
    push(
      "finance.baseline",
      "physical or vsphere on this platform",
      baseline,
      MESSAGES.baselineNeedsToday(baseline, platform)
    );
  const rate = licensing["softwareAssuranceRate"] as Dec;
  if (owned["softwareAssurance"] === true && rate.isZero())
    push(
      "licensing.softwareAssuranceRate",
      "above 0 when Software Assurance is active",
      "0",
      MESSAGES.saWithoutRate
    );
  if (licensing["azureHybridBenefit"] === true) {
    if (owned["softwareAssurance"] !== true)
      push(
        "licensing.azureHybridBenefit",
        "false unless Software Assurance is active on owned Datacenter licences",
        "true",
        MESSAGES.ahbNeedsSa
      );
    if ((owned["datacenterCores"] as number) === 0)
      push(
        "licensing.azureHybridBenefit",
        "false unless you own Datacenter cores",
        "true",
        MESSAGES.ahbNeedsDatacenterCores
      );
  }
}

/** The first platform with Storage Spaces Direct (Windows Server 2016 Datacenter). */
const S2D_FIRST_PLATFORM: PlatformId = "ws2016";

const platformAtLeast = (platform: PlatformId, first: PlatformId): boolean =>
  PLATFORM_IDS.indexOf(platform) >= PLATFORM_IDS.indexOf(first);

/**
 * Storage Spaces Direct against the platform and the cluster: the release that has it, the
 * resiliency's server count against the cluster's node limit (dual parity needs 4, nested
 * exactly 2), the failures it survives against failuresToTolerate, and the 1 PB pool.
 */
function crossCheckStorage(platform: PlatformId, sections: Obj, issues: Issue[]): void {
  const storage = sections["storage"] as Obj | undefined;
  if (!storage || storage["kind"] !== "s2d") return;
  const push = (path: string, expected: string, received: string, message: string): void => {
    issues.push({ path, expected, received, message });
  };
  if (!platformAtLeast(platform, S2D_FIRST_PLATFORM)) {
    push(
      "storage.kind",
      `san on ${platform}`,
      "s2d",
      MESSAGES.s2dPlatform(platformLimits(platform).label)
    );
    return;
  }
  const resiliency = storage["resiliency"] as S2dResiliency;
  const rule = RESILIENCY_RULES[resiliency];
  if (!platformAtLeast(platform, rule.since)) {
    push(
      "storage.resiliency",
      `a resiliency ${platformLimits(platform).label} offers`,
      resiliency,
      MESSAGES.s2dResiliencyPlatform(rule.label, platformLimits(rule.since).label)
    );
  }
  const cluster = sections["cluster"] as Obj | undefined;
  if (!cluster) return;
  const maxNodes = cluster["maxNodes"] as number;
  const k = cluster["failuresToTolerate"] as number;
  if (maxNodes > S2D_LIMITS.maxNodes) {
    push(
      "cluster.maxNodes",
      `at most ${S2D_LIMITS.maxNodes} with Storage Spaces Direct`,
      String(maxNodes),
      MESSAGES.s2dMaxNodes(maxNodes, S2D_LIMITS.maxNodes)
    );
  }
  if (maxNodes < rule.minNodes || (rule.maxNodes === rule.minNodes && maxNodes !== rule.minNodes)) {
    push(
      "storage.resiliency",
      rule.minNodes === rule.maxNodes
        ? `a resiliency for clusters of ${maxNodes} servers (${rule.label} needs exactly ${rule.minNodes})`
        : `a resiliency for clusters of ${maxNodes} servers (${rule.label} needs at least ${rule.minNodes})`,
      resiliency,
      MESSAGES.s2dResiliencyNodes(rule.label, rule.minNodes, rule.maxNodes, maxNodes)
    );
  }
  if (k > rule.faultsTolerated) {
    push(
      "storage.resiliency",
      `a resiliency that survives ${k} failures`,
      resiliency,
      MESSAGES.s2dFaults(rule.label, rule.faultsTolerated, k)
    );
  }
  const drivesPerNode = storage["drivesPerNode"] as number;
  const driveTB = storage["driveTB"] as Dec;
  const poolNodes = s2dPoolNodeLimit({
    resiliency,
    media: storage["media"] as StorageMedia,
    drivesPerNode,
    driveTB: driveTB.toNumber(),
    mirrorShare: 0,
  });
  if (poolNodes < rule.minNodes) {
    push(
      "storage.driveTB",
      `at most ${S2D_LIMITS.maxPoolRawTB} TB raw across ${rule.minNodes} servers`,
      driveTB.toString(),
      MESSAGES.s2dPool(drivesPerNode, driveTB.toString(), rule.minNodes, S2D_LIMITS.maxPoolRawTB)
    );
  }
}
