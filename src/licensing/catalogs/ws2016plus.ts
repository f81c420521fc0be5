/**
 * Windows Server 2016, 2019, 2022 and 2025: per physical core in 2-core packs, at least 8
 * cores per processor and 16 per server; Standard covers 2 VMs per full licensing of all
 * cores (stackable), Datacenter unlimited. Hyper-V Server exists (free) up to 2019.
 * Sources: research note §3. One catalog per version, built from the same rows.
 */
import { ANY_HYPERVISOR, vsphereOptionRow } from "./vsphere";
import { todayOptionRows } from "./today";
import type { PlatformId } from "../../platform";
import { MESSAGES } from "../messages";
import type { CountRule, PlatformCatalog } from "./types";

const CORE_RULES =
  "Per-core licensing: all physical cores, 2-core packs, minimum 8 cores per processor and 16 per server; '16-core licence price = 2-processor licence price of 2012 R2' (Microsoft datasheet quoted at productwiki.co.uk 761201; dell.com kbdoc 000205142)";
const STANDARD_STACKING =
  "Standard: 2 VMs per fully licensed server — license all cores again for each 2 more VMs (dell.com kbdoc 000205142; research note §3); locks-and-limits: '2 virtual machines, plus one Hyper-V host per license' (MicrosoftDocs/windowsserverdocs WindowsServerDocs/get-started/locks-limits.md)";
const DATACENTER_RIGHTS =
  "Datacenter: unlimited virtual machines on a fully licensed server (MicrosoftDocs/windowsserverdocs WindowsServerDocs/get-started/locks-limits.md)";
const LAST_HYPERV_SERVER =
  "Hyper-V Server 2019 was the last free standalone Hyper-V Server (en.m.wikipedia.org Hyper-V)";
const ENTERPRISE_DROPPED =
  "No Enterprise edition since Windows Server 2012 (deinfotech.blogspot.com 2012-08)";

const perCore = (vmsPerSet: number | null): CountRule => ({
  kind: "perCore",
  minCoresPerProcessor: 8,
  minCoresPerServer: 16,
  coresPerPack: 2,
  coresPerPricedLicence: 16,
  vmsPerSet,
});

type CorePlatform = Extract<PlatformId, "ws2016" | "ws2019" | "ws2022" | "ws2025">;

function coreCatalog(
  platform: CorePlatform,
  version: string,
  hyperVServerOs: string | null
): PlatformCatalog {
  const name = `Windows Server ${version}`;
  return {
    platform,
    windows: [
      {
        platform,
        way: "standard",
        sku: `${platform}-standard-2core`,
        label: `${name} Standard (2-core pack)`,
        edition: "Standard",
        price: "standard",
        count: perCore(2),
        source: `${CORE_RULES}; ${STANDARD_STACKING}`,
      },
      {
        platform,
        way: "datacenter",
        sku: `${platform}-datacenter-2core`,
        label: `${name} Datacenter (2-core pack)`,
        edition: "Datacenter",
        price: "datacenter",
        count: perCore(null),
        source: `${CORE_RULES}; ${DATACENTER_RIGHTS}`,
      },
    ],
    options: [
      {
        platform,
        option: "hyperv-server",
        label:
          hyperVServerOs === null
            ? `Hyper-V Server ${version}`
            : `Hyper-V Server ${version} + guest licences`,
        unavailable: hyperVServerOs === null ? MESSAGES.noFreeHyperVServer : null,
        hostOs: hyperVServerOs ?? MESSAGES.hostOs.none,
        windows: "cheapest",
        hostRunsEdition: false,
        clusterNode: hyperVServerOs !== null,
        whenClustered: null,
        hostLimits: null,
        vsphere: false,
        subscription: null,
        notes: hyperVServerOs === null ? [] : [MESSAGES.hyperVServerCheapest],
        source: `${LAST_HYPERV_SERVER}; ${ANY_HYPERVISOR}`,
      },
      {
        platform,
        option: "standard",
        label: `${name} Standard`,
        unavailable: null,
        hostOs: `${name} Standard`,
        windows: "standard",
        hostRunsEdition: true,
        clusterNode: true,
        whenClustered: null,
        hostLimits: null,
        vsphere: false,
        subscription: null,
        notes: [],
        source: `${CORE_RULES}; ${STANDARD_STACKING}`,
      },
      {
        platform,
        option: "enterprise",
        label: `${name} Enterprise`,
        unavailable: MESSAGES.enterpriseDropped,
        hostOs: MESSAGES.hostOs.none,
        windows: "standard",
        hostRunsEdition: true,
        clusterNode: false,
        whenClustered: null,
        hostLimits: null,
        vsphere: false,
        subscription: null,
        notes: [],
        source: ENTERPRISE_DROPPED,
      },
      {
        platform,
        option: "datacenter",
        label: `${name} Datacenter`,
        unavailable: null,
        hostOs: `${name} Datacenter`,
        windows: "datacenter",
        hostRunsEdition: true,
        clusterNode: true,
        whenClustered: null,
        hostLimits: null,
        vsphere: false,
        subscription: null,
        notes: [],
        source: `${CORE_RULES}; ${DATACENTER_RIGHTS}`,
      },
      vsphereOptionRow(platform),
      ...todayOptionRows(platform),
    ],
  };
}

export const WS2016 = coreCatalog("ws2016", "2016", MESSAGES.hostOs.hyperVServer2016);
export const WS2019 = coreCatalog("ws2019", "2019", MESSAGES.hostOs.hyperVServer2019);
export const WS2022 = coreCatalog("ws2022", "2022", null);
export const WS2025 = coreCatalog("ws2025", "2025", null);
