/**
 * Today's paths, hand-worked: VMware Cloud Foundation and vSphere Foundation (per core per
 * year, 16 cores per CPU at least, an optional order minimum, vSAN beyond the entitlement),
 * Windows Server pay-as-you-go through Azure Arc (per core per month, host and each Windows VM
 * on its own cores, no minimum), Azure Local (host fee and Windows subscription per physical
 * core per month; Azure Hybrid Benefit), and licences the user owns. Sources in each case.
 */
import { describe, expect, it } from "vitest";
import type { VmDemand } from "../../src/capacity/contract";
import {
  licenseOption,
  licensesForHost,
  ownedLicenceStatement,
  SUBSCRIPTION_RULES,
  LICENSING_MESSAGES as M,
} from "../../src/licensing";
import { planOfHosts } from "../support/capacityPlan";
import { plan, s, scenario } from "./fixtures";

/** A ws2025 scenario with `sockets × cores` hosts and licensing inputs merged over the defaults. */
function today(
  sockets: number,
  coresPerSocket: number,
  licensing: Record<string, unknown> = {},
  platform: "ws2022" | "ws2025" = "ws2025"
) {
  return scenario(platform, {
    host: { sockets, coresPerSocket },
    licensing: {
      options: ["datacenter", "vcf", "vvf", "windows-payg", "azure-local"],
      ...licensing,
    },
  });
}

const lineOf = <T extends { readonly sku: string }>(
  lines: readonly T[],
  sku: string
): T | undefined => lines.find((l) => l.sku === sku);

/** VMs for a plan: `windows` Windows VMs of `vcpus` virtual cores each, and `linux` Linux VMs. */
function vms(windows: number, vcpus: number, linux = 0): VmDemand[] {
  const vm = (i: number, os: "windows" | "linux"): VmDemand => ({
    id: `${os}-${i}`,
    row: 0,
    os,
    vcpus,
    cpuGhz: 1,
    memoryGiB: 4,
    storageGiB: 50,
  });
  return [
    ...Array.from({ length: windows }, (_, i) => vm(i, "windows")),
    ...Array.from({ length: linux }, (_, i) => vm(i, "linux")),
  ];
}

describe("Windows Server 2025 at its own list prices", () => {
  it("prices a 16-core host's Datacenter at $6,771 and Standard at $1,176 per 16 cores (2-core packs at one eighth)", () => {
    // microsoft.com/windows-server/pricing as quoted by api-evangelist (2026-05-04).
    const sc = today(2, 8);
    const dc = licensesForHost(
      "datacenter",
      "ws2025",
      { sockets: 2, coresPerSocket: 8 },
      5,
      sc.licensing
    );
    expect(dc.lines[0]?.sku).toBe("ws2025-datacenter-2core");
    expect(dc.lines[0]?.quantity).toBe(8); // 16 cores ÷ 2
    expect(s(dc.lines[0]?.unitPrice ?? 0)).toBe("846.375"); // 6,771 ÷ 8
    expect(s(dc.oneTime)).toBe("6771");
    const std = licensesForHost(
      "standard",
      "ws2025",
      { sockets: 2, coresPerSocket: 8 },
      2,
      sc.licensing
    );
    expect(s(std.oneTime)).toBe("1176");
  });
});

describe("VMware Cloud Foundation and vSphere Foundation", () => {
  it("bills sockets × max(16, cores per socket) per host, per year, support included", () => {
    // redresscompliance.com 2026-06: 16 cores per CPU at least; VCF $350 per core per year.
    const small = licensesForHost(
      "vcf",
      "ws2025",
      { sockets: 2, coresPerSocket: 12 },
      0,
      today(2, 12).licensing
    );
    const sub = lineOf(small.lines, "vcf-core-subscription");
    expect(sub?.quantity).toBe(32); // 2 × max(16, 12)
    expect(sub?.recurrence).toBe("yearly");
    expect(s(small.annual)).toBe("11200"); // 32 × 350
    const big = licensesForHost(
      "vvf",
      "ws2025",
      { sockets: 2, coresPerSocket: 24 },
      0,
      today(2, 24).licensing
    );
    expect(lineOf(big.lines, "vvf-core-subscription")?.quantity).toBe(48); // 2 × 24
    expect(s(big.annual)).toBe("6480"); // 48 × 135
  });

  it("uses the per-CPU minimum the user enters", () => {
    const sc = today(2, 12, { vmware: { minimumCoresPerCpu: 24 } });
    const lic = licensesForHost(
      "vcf",
      "ws2025",
      { sockets: 2, coresPerSocket: 12 },
      0,
      sc.licensing
    );
    expect(lineOf(lic.lines, "vcf-core-subscription")?.quantity).toBe(48); // 2 × max(24, 12)
  });

  it("still licenses the Windows guests, the cheapest way, as on any hypervisor", () => {
    const lic = licensesForHost(
      "vcf",
      "ws2025",
      { sockets: 2, coresPerSocket: 16 },
      20,
      today(2, 16).licensing
    );
    // 20 VMs on 32 cores: Standard 10 sets × 16 packs × 147 = 23,520 > Datacenter 16 × 846.375 = 13,542.
    expect(lineOf(lic.lines, "ws2025-datacenter-2core")?.quantity).toBe(16);
  });

  it("adds the order minimum over the whole order, and only when one is set", () => {
    // A 72-core order minimum (redresscompliance.com 2026-06; adrian.heissler.at 2025-04).
    const one = plan([{ windowsVms: 0 }]);
    const withMinimum = licenseOption(
      "vcf",
      today(1, 8, { vmware: { minimumCoresPerOrder: 72 } }),
      one
    );
    // 1 host × 1 CPU × max(16, 8) = 16 cores billed; 72 − 16 = 56 more.
    expect(lineOf(withMinimum.lines, "vcf-core-subscription")?.quantity).toBe(16);
    const extra = lineOf(withMinimum.lines, "vcf-order-minimum");
    expect(extra?.quantity).toBe(56);
    expect(s(withMinimum.annual)).toBe("25200"); // 72 × 350
    expect(withMinimum.notes).toContain(M.orderMinimum(16, 72));
    const without = licenseOption("vcf", today(1, 8), one);
    expect(lineOf(without.lines, "vcf-order-minimum")).toBeUndefined();
    // 5 hosts × 16 = 80 ≥ 72: no extra.
    const five = plan(Array.from({ length: 5 }, () => ({ windowsVms: 0 })));
    const big = licenseOption("vcf", today(1, 8, { vmware: { minimumCoresPerOrder: 72 } }), five);
    expect(lineOf(big.lines, "vcf-order-minimum")).toBeUndefined();
  });

  it("prices vSAN beyond the entitlement (VCF 1 TiB, VVF 0.25 TiB per core) as an add-on", () => {
    // vmwaremadesimple.com; redresscompliance.com 2026-06.
    const two = plan([{ windowsVms: 0 }, { windowsVms: 0 }]); // 2 hosts × 32 cores = 64 cores
    const inputs = { vmware: { vsanTiB: "40" }, prices: { vsanPerTiB: "100" } };
    const vvf = licenseOption("vvf", today(2, 16, inputs), two);
    // 64 × 0.25 = 16 TiB entitled; ⌈40 − 16⌉ = 24 TiB × 100.
    const addOn = lineOf(vvf.lines, "vsan-capacity-addon");
    expect(addOn?.quantity).toBe(24);
    expect(s(addOn?.unitPrice ?? 0)).toBe("100");
    const vcf = licenseOption("vcf", today(2, 16, inputs), two);
    // 64 TiB entitled ≥ 40: nothing to add.
    expect(lineOf(vcf.lines, "vsan-capacity-addon")).toBeUndefined();
    expect(vcf.notes).toContain(M.vsanCovered("40", "64"));
    // A shortfall priced at 0 (no public list price) is flagged.
    const unpriced = licenseOption("vvf", today(2, 16, { vmware: { vsanTiB: "40" } }), two);
    expect(unpriced.notes).toContain(M.vsanShortfallUnpriced(24));
  });

  it("carries each line's price input from the catalog row, so the workbook prices it live", () => {
    const lic = licensesForHost(
      "vcf",
      "ws2025",
      { sockets: 2, coresPerSocket: 16 },
      0,
      today(2, 16).licensing
    );
    const sub = lineOf(lic.lines, "vcf-core-subscription");
    expect(sub?.price).toMatchObject({ kind: "input", input: "licensing.prices.vcf" });
    expect(sub?.price.kind === "input" ? s(sub.price.factor) : "").toBe("1");
    expect(SUBSCRIPTION_RULES.azureLocalHost.priceFactor).toBe(12); // monthly price × 12
  });

  it("exists only on today's platforms", () => {
    const old = licenseOption("vcf", scenario("ws2019"), plan([{ windowsVms: 1 }]));
    expect(old.eligible).toBe(false);
    expect(old.reasons).toEqual([M.vmwareToday]);
  });
});

describe("Windows Server pay-as-you-go through Azure Arc", () => {
  // Microsoft Learn 'Billing service for Windows Server pay-as-you-go enabled by Azure Arc'
  // (2024-11-01): no difference between physical and virtual machines, no minimum core count;
  // 'Configure Windows Server Pay-as-you-go with Azure Arc' (2025-06-27): 2025 only, each VM
  // licensed on its own.
  it("bills each host's physical cores and each Windows VM's virtual cores, per month, with no minimum", () => {
    const hosts = planOfHosts(
      [0, 1].map((index) => ({
        index,
        cluster: 0,
        vmIds: [],
        vms: 3,
        windowsVms: 2,
        cpuGhzUsed: 0,
        memoryGiBUsed: 0,
        vcpusUsed: 0,
        maxVmsAfterFailover: 6,
        maxWindowsVmsAfterFailover: 4,
      })),
      { vms: vms(4, 3, 2) }
    );
    const lic = licenseOption("windows-payg", today(1, 4), hosts);
    // Hosts: 2 × 1 × 4 = 8 physical cores (no 16-core minimum); VMs: 4 Windows × 3 vCPUs = 12
    // (Linux VMs are not billed; failover does not count: the licence follows the VM).
    expect(lineOf(lic.lines, "windows-payg-host")?.quantity).toBe(8);
    expect(lineOf(lic.lines, "windows-payg-guest")?.quantity).toBe(12);
    // $33.58 per core per month × 12 = 402.96 a year; (8 + 12) × 402.96 = 8,059.20.
    expect(s(lineOf(lic.lines, "windows-payg-guest")?.unitPrice ?? 0)).toBe("402.96");
    expect(s(lic.annual)).toBe("8059.2");
    expect(lic.oneTime.isZero()).toBe(true);
  });

  it("carries no Software Assurance (it is a subscription, not a licence)", () => {
    const sc = today(2, 8, { softwareAssuranceRate: "0.25" });
    const lic = licensesForHost(
      "windows-payg",
      "ws2025",
      { sockets: 2, coresPerSocket: 8 },
      3,
      sc.licensing,
      {
        clustered: true,
        windowsVcpus: 6,
      }
    );
    expect(lic.lines.map((l) => l.sku)).toEqual(["windows-payg-host", "windows-payg-guest"]);
  });

  it("licenses Windows Server 2025 only", () => {
    const lic = licenseOption("windows-payg", today(2, 8, {}, "ws2022"), plan([{ windowsVms: 1 }]));
    expect(lic.eligible).toBe(false);
    expect(lic.reasons).toEqual([M.paygNeeds2025]);
  });
});

describe("Azure Local", () => {
  // azure-stack-docs billing.md (2025-04-28): a flat rate per physical core, no minimum;
  // azure-hybrid-benefit.md (2026-04-05): 1 Datacenter core with SA for 1 physical core waives
  // the host fee and the Windows Server subscription.
  const twoClusters = plan([
    { windowsVms: 3, cluster: 0 },
    { windowsVms: 3, cluster: 0 },
    { windowsVms: 0, vms: 4, cluster: 1 },
    { windowsVms: 0, vms: 4, cluster: 1 },
  ]);

  it("bills the host fee on every physical core and the Windows subscription on systems running Windows VMs", () => {
    const lic = licenseOption("azure-local", today(2, 16), twoClusters);
    // 4 hosts × 32 cores = 128 cores × $10 × 12; Windows only in cluster 0: 64 cores × $23.30 × 12.
    expect(lineOf(lic.lines, "azure-local-host")?.quantity).toBe(128);
    expect(s(lineOf(lic.lines, "azure-local-host")?.cost ?? 0)).toBe("15360");
    expect(lineOf(lic.lines, "azure-local-windows")?.quantity).toBe(64);
    expect(s(lineOf(lic.lines, "azure-local-windows")?.cost ?? 0)).toBe("17894.4");
  });

  it("with Azure Hybrid Benefit, owned Datacenter cores with SA cover whole systems and waive both fees", () => {
    const owned = { datacenterCores: 64, standardCores: 0, softwareAssurance: true };
    const sc = today(2, 16, { owned, azureHybridBenefit: true, softwareAssuranceRate: "0.25" });
    const lic = licenseOption("azure-local", sc, twoClusters);
    // 64 owned cores cover cluster 0 (2 × 32 = 64 physical cores): only cluster 1 pays the host fee.
    expect(lineOf(lic.lines, "azure-local-host")?.quantity).toBe(64);
    expect(lineOf(lic.lines, "azure-local-windows")).toBeUndefined();
    expect(lic.hybridBenefit).toEqual({ cores: 64, clusters: 1 });
    expect(lic.notes).toContain(M.azureHybridBenefit(64, 1));
  });

  it("covers no system partly: too few owned cores leave the fees in place", () => {
    const owned = { datacenterCores: 48, standardCores: 0, softwareAssurance: true };
    const sc = today(2, 16, { owned, azureHybridBenefit: true, softwareAssuranceRate: "0.25" });
    const lic = licenseOption("azure-local", sc, plan([{ windowsVms: 2 }, { windowsVms: 2 }]));
    expect(lic.hybridBenefit).toBeNull();
    expect(lineOf(lic.lines, "azure-local-host")?.quantity).toBe(64);
    expect(lic.notes).toContain(M.azureHybridBenefitShort(64, 48));
  });

  it("lets owned Datacenter licences without SA cover the Windows guests machine by machine", () => {
    // Without AHB, 64 owned cores license cluster 0's two machines (32 licensed cores each)
    // instead of the Windows Server subscription; the host fee stays.
    const owned = { datacenterCores: 64, standardCores: 0, softwareAssurance: false };
    const lic = licenseOption("azure-local", today(2, 16, { owned }), twoClusters);
    expect(lineOf(lic.lines, "azure-local-windows")).toBeUndefined();
    expect(lineOf(lic.lines, "azure-local-host")?.quantity).toBe(128);
    expect(lic.notes).toContain(M.ownedOnAzureLocal(64, 1));
  });
});

describe("licences the user owns", () => {
  it("are never assumed: none unless entered, and said so", () => {
    const statement = ownedLicenceStatement(today(2, 16));
    expect(statement.noneEntered).toBe(true);
    expect(statement.message).toBe(M.ownedNone);
  });

  it("cover VMware hosts first with Datacenter, even where buying would choose Standard", () => {
    // 2 Windows VMs on a 16-core host: buying picks Standard (8 packs × 147 = 1,176 < 6,771);
    // owning 16 Datacenter cores, the host uses them instead.
    const owned = { datacenterCores: 16, standardCores: 0, softwareAssurance: false };
    const buying = licenseOption("vcf", today(2, 8), plan([{ windowsVms: 2 }]));
    expect(lineOf(buying.lines, "ws2025-standard-2core")?.quantity).toBe(8);
    const owning = licenseOption("vcf", today(2, 8, { owned }), plan([{ windowsVms: 2 }]));
    expect(lineOf(owning.lines, "ws2025-standard-2core")).toBeUndefined();
    expect(lineOf(owning.lines, "ws2025-datacenter-2core")?.quantity).toBe(8);
  });
});
