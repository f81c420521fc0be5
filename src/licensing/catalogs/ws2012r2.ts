/**
 * Windows Server 2012 R2: Standard and Datacenter per 2-processor licence; Standard adds 2
 * VMs per licence, Datacenter unlimited; Enterprise dropped; Hyper-V Server 2012 R2 free.
 * Sources: research note §3.
 */
import { MESSAGES } from "../messages";
import { ANY_HYPERVISOR, vsphereOptionRow } from "./vsphere";
import { todayOptionRows } from "./today";
import type { PlatformCatalog } from "./types";

const DATASHEET =
  "Windows Server 2012 R2 Licensing Datasheet (scribd 386004283): each licence covers up to 2 physical processors; Standard 2 virtual OSEs, Datacenter unlimited";
const STACKING =
  "Stacking adds processors and/or VMs, two of each per licence: 'a four-processor server requires two Windows Server 2012 R2 Standard licenses to cover four physical processors and four simultaneous virtual machines' (Directions on Microsoft on the 2016 change, quoted at mediasharkinc.com 2021-10); 4 processors and 13 VMs need 7 Standard licences (ckb.at 'Mind the gap'); OEM licences stack 'to support additional physical processors and/or concurrent VMs' (community.hpe.com 6797236)";
const ENTERPRISE_DROPPED =
  "No Enterprise edition from Windows Server 2012 (deinfotech.blogspot.com 2012-08; techhead.co 'Windows Server 2012 licensing – what's new')";

export const WS2012R2: PlatformCatalog = {
  platform: "ws2012r2",
  windows: [
    {
      platform: "ws2012r2",
      way: "standard",
      sku: "ws2012r2-standard",
      label: "Windows Server 2012 R2 Standard (2 processors, 2 VMs)",
      edition: "Standard",
      price: "standard",
      count: { kind: "perProcessorPair", processorsPerLicence: 2, vmsPerLicence: 2 },
      source: `${DATASHEET}; ${STACKING}`,
    },
    {
      platform: "ws2012r2",
      way: "datacenter",
      sku: "ws2012r2-datacenter",
      label: "Windows Server 2012 R2 Datacenter (2 processors)",
      edition: "Datacenter",
      price: "datacenter",
      count: { kind: "perProcessorPair", processorsPerLicence: 2, vmsPerLicence: null },
      source: DATASHEET,
    },
  ],
  options: [
    {
      platform: "ws2012r2",
      option: "hyperv-server",
      label: "Hyper-V Server 2012 R2 + guest licences",
      unavailable: null,
      hostOs: MESSAGES.hostOs.hyperVServer2012r2,
      windows: "cheapest",
      hostRunsEdition: false,
      clusterNode: true,
      whenClustered: null,
      hostLimits: null,
      vsphere: false,
      subscription: null,
      notes: [MESSAGES.hyperVServerCheapest],
      source: `Hyper-V Server 2012 R2 was free (en.m.wikipedia.org Hyper-V); ${ANY_HYPERVISOR}`,
    },
    {
      platform: "ws2012r2",
      option: "standard",
      label: "Windows Server 2012 R2 Standard",
      unavailable: null,
      hostOs: "Windows Server 2012 R2 Standard",
      windows: "standard",
      hostRunsEdition: true,
      clusterNode: true,
      whenClustered: null,
      hostLimits: null,
      vsphere: false,
      subscription: null,
      notes: [],
      source: `${DATASHEET}; failover clustering in Standard from 2012 (blogs.technet.com askpfeplat 2012-10-29)`,
    },
    {
      platform: "ws2012r2",
      option: "enterprise",
      label: "Windows Server 2012 R2 Enterprise",
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
      platform: "ws2012r2",
      option: "datacenter",
      label: "Windows Server 2012 R2 Datacenter",
      unavailable: null,
      hostOs: "Windows Server 2012 R2 Datacenter",
      windows: "datacenter",
      hostRunsEdition: true,
      clusterNode: true,
      whenClustered: null,
      hostLimits: null,
      vsphere: false,
      subscription: null,
      notes: [],
      source: DATASHEET,
    },
    vsphereOptionRow("ws2012r2"),
    ...todayOptionRows("ws2012r2"),
  ],
};
