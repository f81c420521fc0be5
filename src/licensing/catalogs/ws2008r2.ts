/**
 * Windows Server 2008 R2: Hyper-V Server (free), Standard and Enterprise per server licence
 * (stackable), Datacenter per processor. Sources: research note §0–1
 * (`shared/reference/licensing-tco-facts.md`).
 */
import { MESSAGES } from "../messages";
import { ANY_HYPERVISOR, vsphereOptionRow } from "./vsphere";
import { todayOptionRows } from "./today";
import type { PlatformCatalog } from "./types";

const GUIDE =
  "Windows Server 2008 R2 Licensing Guide (1library.net q7lkk7ny): Standard = 1 physical + 1 virtual instance per licence, Enterprise = 1 + 4, Datacenter = 1 + unlimited, per processor";
const PUR_STACKING =
  "Product Use Rights (1library.net y8gljgj0): 'You may assign other software licenses to the same server' — licences stack; worked examples blog.erikdenburger.net 2010-01, blog.baeke.info 2008-03-13";
const PUR_PROCESSOR =
  "Product Use Rights (1library.net y8gljgj0): 'You need a software license for each physical processor in the server' — a processor is a socket (galhano.com ?p=998); no 2-processor minimum found for 2008 R2";

export const WS2008R2: PlatformCatalog = {
  platform: "ws2008r2",
  windows: [
    {
      platform: "ws2008r2",
      way: "guest-per-vm",
      sku: "ws2008r2-guest-os",
      label: "Windows Server guest licence (per VM)",
      edition: "guest",
      price: "guestOsPerVm",
      count: { kind: "perVm" },
      source:
        "Hyper-V Server 2008 R2 grants no guest rights: every Windows guest needs its own licence (hiltont.blogspot.com 2009-12; redcomm.com 2008-10)",
    },
    {
      platform: "ws2008r2",
      way: "standard",
      sku: "ws2008r2-standard",
      label: "Windows Server 2008 R2 Standard (server licence, 1 VM)",
      edition: "Standard",
      price: "standard",
      count: { kind: "perServerStack", vmsPerLicence: 1 },
      source: `${GUIDE}; ${PUR_STACKING}`,
    },
    {
      platform: "ws2008r2",
      way: "enterprise",
      sku: "ws2008r2-enterprise",
      label: "Windows Server 2008 R2 Enterprise (server licence, 4 VMs)",
      edition: "Enterprise",
      price: "enterprise",
      count: { kind: "perServerStack", vmsPerLicence: 4 },
      source: `${GUIDE}; ${PUR_STACKING}`,
    },
    {
      platform: "ws2008r2",
      way: "datacenter",
      sku: "ws2008r2-datacenter",
      label: "Windows Server 2008 R2 Datacenter (per processor)",
      edition: "Datacenter",
      price: "datacenter",
      count: { kind: "perProcessor" },
      source: `${GUIDE}; ${PUR_PROCESSOR}`,
    },
  ],
  options: [
    {
      platform: "ws2008r2",
      option: "hyperv-server",
      label: "Hyper-V Server 2008 R2 + per-VM licences",
      unavailable: null,
      hostOs: MESSAGES.hostOs.hyperVServer2008r2,
      windows: "guest-per-vm",
      hostRunsEdition: false,
      clusterNode: true,
      whenClustered: null,
      hostLimits: null,
      vsphere: false,
      subscription: null,
      notes: [MESSAGES.hyperVServerPerVm],
      source:
        "Hyper-V Server 2008 R2: free, clustering and Live Migration, 384 VMs, 1 TB (research note §1.1; techgenix.com 'What's new in Windows Server 2008 R2 Hyper-V')",
    },
    {
      platform: "ws2008r2",
      option: "standard",
      label: "Windows Server 2008 R2 Standard",
      unavailable: null,
      hostOs: "Windows Server 2008 R2 Standard",
      windows: "standard",
      hostRunsEdition: true,
      clusterNode: false,
      whenClustered: {
        hostOs: MESSAGES.hostOs.hyperVServer2008r2,
        note: MESSAGES.standard2008r2Clustered,
      },
      hostLimits: {
        maxHostMemoryGiB: 32,
        maxRunningVmsPerHost: 192,
        maxSockets: 4,
        source:
          "2008 R2 Standard as a Hyper-V host: 32 GB RAM, 4 sockets, 192 running VMs, no failover clustering (techgenix.com 'What's new in Windows Server 2008 R2 Hyper-V'; directionsonmicrosoft.com 2012-07 'Windows Server 2012 editions and licensing changes'; searchservervirtualization.techtarget.com)",
      },
      vsphere: false,
      subscription: null,
      notes: [],
      source: `${GUIDE}; no failover clustering in Standard (directionsonmicrosoft.com 2012-07); ${ANY_HYPERVISOR}`,
    },
    {
      platform: "ws2008r2",
      option: "enterprise",
      label: "Windows Server 2008 R2 Enterprise",
      unavailable: null,
      hostOs: "Windows Server 2008 R2 Enterprise",
      windows: "enterprise",
      hostRunsEdition: true,
      clusterNode: true,
      whenClustered: null,
      hostLimits: null,
      vsphere: false,
      subscription: null,
      notes: [],
      source: GUIDE,
    },
    {
      platform: "ws2008r2",
      option: "datacenter",
      label: "Windows Server 2008 R2 Datacenter",
      unavailable: null,
      hostOs: "Windows Server 2008 R2 Datacenter",
      windows: "datacenter",
      hostRunsEdition: true,
      clusterNode: true,
      whenClustered: null,
      hostLimits: null,
      vsphere: false,
      subscription: null,
      notes: [],
      source: `${GUIDE}; ${PUR_PROCESSOR}`,
    },
    vsphereOptionRow("ws2008r2"),
    ...todayOptionRows("ws2008r2"),
  ],
};
