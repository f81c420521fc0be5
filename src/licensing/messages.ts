/** Every text licensing shows a user — reasons, notes, line labels and bases — in one place (tests pin them). */
import { groupThousands, type Dec } from "../money";

/** An amount for prose: thousands separators, cents only when there are any ("4,810", "133.63"). */
export function amount(value: Dec): string {
  // toFixed rounds with the engine's rounding (half away from zero), as toDecimalPlaces would,
  // and always writes two decimals: the point is third from the end (sliced, not split:
  // licensing writes an amount for every line of every count).
  const fixed = value.toFixed(2);
  const point = fixed.length - 3;
  const sign = fixed.startsWith("-") ? "-" : "";
  const cents = fixed.slice(point + 1);
  const whole = groupThousands(fixed.slice(sign.length, point));
  return cents === "00" ? `${sign}${whole}` : `${sign}${whole}.${cents}`;
}

/** A rate as a percentage ("21 %"). */
export function percent(rate: Dec): string {
  return `${rate.times(100).toDecimalPlaces(2).toString()} %`;
}

/**
 * `n.toLocaleString("en-US")`, formatted by one formatter built once: toLocaleString builds a
 * new one on every call, and licensing counts thousands of hosts per analysis.
 */
const COUNT = new Intl.NumberFormat("en-US");

/** A count as `COUNT` writes it; below 1,000 that is its digits, without asking the formatter. */
const count = (n: number): string =>
  Number.isInteger(n) && n >= 0 && n < 1000 && !Object.is(n, -0) ? String(n) : COUNT.format(n);

/** "1 core", "1,120 cores": counts grouped by thousands, as every figure a person reads. */
const plural = (n: number, one: string, many: string = `${one}s`): string =>
  `${count(n)} ${n === 1 ? one : many}`;

export const MESSAGES = {
  // ── why an option cannot be used ──────────────────────────────────────────────────────
  enterpriseDropped:
    "Enterprise was dropped in Windows Server 2012; choose Standard or Datacenter.",
  noFreeHyperVServer:
    "Hyper-V Server 2019 was the last free edition: there is no Hyper-V Server 2022 or 2025. Use Standard or Datacenter hosts.",
  standardTooManySockets: (sockets: number, max: number) =>
    `Windows Server 2008 R2 Standard supports at most ${max} processors and this host has ${sockets}; choose Enterprise or Datacenter, or cluster the hosts (Hyper-V Server 2008 R2 with Standard licences for the guests).`,

  paygNeeds2025:
    "Windows Server pay-as-you-go through Azure Arc licenses Windows Server 2025 only; choose platform ws2025.",
  vmwareToday:
    "VMware Cloud Foundation and vSphere Foundation are 2024-onward per-core subscriptions; choose platform ws2022 or ws2025, or the vsphere option for the per-CPU era.",
  paygNoBreakEven:
    "Pay-as-you-go bills each Windows VM on its own virtual cores, so its cost does not follow the number of VMs per host.",
  azureLocalToday: "Azure Local is today's platform; choose platform ws2022 or ws2025.",

  // ── what an option means ─────────────────────────────────────────────────────────────
  standard2008r2Clustered:
    "Windows Server 2008 R2 Standard cannot be a failover-cluster node, so in a cluster the hosts run Hyper-V Server 2008 R2 (free) and stacked Standard licences assigned to each host cover its Windows guests (licence rights attach to the hardware, whatever hypervisor runs on it).",
  standard2008r2Standalone:
    "Hosts run Windows Server 2008 R2 Standard: at most 32 GB of host RAM, 192 running VMs and no failover clustering.",
  hyperVServerPerVm:
    "Hyper-V Server 2008 R2 is free, but it grants no guest rights: each Windows guest needs its own licence (the per-VM price).",
  hyperVServerCheapest:
    "Hyper-V Server is free, but it grants no guest rights: each host is assigned the cheapest Standard or Datacenter licences that cover its Windows guests.",
  vsphereGuests:
    "vSphere grants no Windows rights: each host is assigned the cheapest Windows Server licences that cover its Windows guests, as on any hypervisor.",
  paygRule:
    "Pay-as-you-go licenses each machine on its own cores: every Hyper-V host on its physical cores and every Windows VM on its virtual cores (no minimum, Standard and Datacenter at one rate, no CALs); licences follow the VM, so no 90-day rule applies. Windows VMs can be switched to pay-as-you-go while still on VMware, so they are billed from month 0.",
  azureLocalRule:
    "Azure Local bills a host fee on every physical core; Windows guests are covered by the Windows Server subscription on the physical cores of each system that runs them, or by Datacenter licences you own assigned to each machine; with Azure Hybrid Benefit, owned Datacenter cores with active SA cover whole systems core for core and waive both fees.",
  azureHybridBenefit: (cores: number, clusters: number) =>
    `Azure Hybrid Benefit: ${plural(cores, "owned Datacenter core")} with Software Assurance cover ${plural(clusters, "system")} core for core, so no host fee or Windows subscription is billed there (a system is covered only when all its physical cores are).`,
  azureHybridBenefitShort: (needed: number, have: number) =>
    `Azure Hybrid Benefit needs licences for every physical core of a system: the smallest system has ${needed} cores and ${have} owned Datacenter cores with SA are left, so no system is covered.`,
  ownedOnAzureLocal: (cores: number, clusters: number) =>
    `${plural(cores, "owned Datacenter core")} license the Windows guests of ${plural(clusters, "system")} (assigned to each machine), instead of the Windows Server subscription.`,
  ownedNone:
    "No Windows Server licences are entered as owned (licensing.owned): staying and every option buy the Windows licences their hosts need. Enter the Datacenter and Standard cores you own to have them reused.",
  ownedSome: (datacenter: number, standard: number, sa: boolean, ahb: boolean) =>
    `Owned, as entered (licensing.owned): ${plural(datacenter, "Datacenter core")} and ${plural(standard, "Standard core")}${sa ? " with Software Assurance" : " without Software Assurance"}${ahb ? ", used for Azure Hybrid Benefit on Azure Local" : ""}; every path reuses them and buys only what is missing.`,
  orderMinimum: (billed: number, minimum: number) =>
    `The order bills ${plural(billed, "core")}, below the order minimum of ${minimum}: ${minimum - billed} more cores are billed.`,
  vsanShortfall: (tib: string, entitled: string, shortfall: number) =>
    `vSAN: ${tib} TiB in use against ${entitled} TiB included with the licensed cores: ${shortfall} TiB billed as an add-on.`,
  vsanShortfallUnpriced: (shortfall: number) =>
    `vSAN: ${shortfall} TiB beyond the entitlement are priced at 0 because licensing.prices.vsanPerTiB is 0; enter the add-on price from your quote.`,
  vsanCovered: (tib: string, entitled: string) =>
    `vSAN: ${tib} TiB in use, within the ${entitled} TiB included with the licensed cores.`,
  vsphereSupportIncluded: (rate: Dec) =>
    `The per-core subscription includes support, so the vSphere support rate (${percent(rate)}) is not added.`,
  datacenterPerProcessor: (sockets: number, unitPrice: Dec, total: Dec) =>
    `Datacenter 2008 R2 is licensed per processor: ${plural(sockets, "socket")} × ${amount(unitPrice)} = ${amount(total)} per host, whatever the number of VMs. A per-host Datacenter price (such as the book's "$5,000") holds only for a host with the number of processors it assumes, and every cluster node that may run the VMs needs its own.`,
  clusterAware: (extra: Dec) =>
    `Licences stay with a host for at least 90 days, so each cluster node is licensed for the most Windows VMs it may run after a failover; that costs ${amount(extra)} more than licensing steady-state counts.`,
  clusterAwareNoExtra:
    "Licences stay with a host for at least 90 days, so each cluster node is licensed for the most Windows VMs it may run after a failover; here that costs nothing extra.",
  notClusterAware: (extra: Dec) =>
    `Licensed for steady-state VM counts only. Licences may be reassigned only once every 90 days, so a failover may leave hosts under-licensed; licensing the post-failover counts would cost ${amount(extra)} more.`,
  systemCenterRule:
    "System Center (SMSE) is counted per host: one licence manages the host and up to 4 VMs, and each further 4 VMs need another.",
  calsEqual: "CALs follow users, not hosts: the same on every option.",
  mixedEstate:
    "Licences attach to the hardware, so hosts may carry different editions: each host gets the edition that is cheapest for the VMs it may run.",
  mixedBeats: (option: string, saving: Dec) =>
    `A mixed estate saves ${amount(saving)} over the best single option (${option}).`,
  recommendNone: "No option is eligible for this scenario.",

  // ── host operating systems ───────────────────────────────────────────────────────────
  hostOs: {
    hyperVServer2008r2: "Hyper-V Server 2008 R2 (free)",
    hyperVServer2012r2: "Hyper-V Server 2012 R2 (free)",
    hyperVServer2016: "Hyper-V Server 2016 (free)",
    hyperVServer2019: "Hyper-V Server 2019 (free)",
    none: "none (not available)",
    vsphere: "VMware ESXi (vSphere)",
    azureLocal: "Azure Local",
    windowsPayg: "Windows Server 2025 Datacenter, pay-as-you-go",
  },

  // ── line bases ───────────────────────────────────────────────────────────────────────
  basis: {
    perVm: (vms: number) => `${plural(vms, "Windows VM")} × 1 guest licence each`,
    perServerStack: (
      vms: number,
      perLicence: number,
      quantity: number,
      edition: string,
      hostRuns: boolean
    ) =>
      hostRuns && vms === 0
        ? `1 ${edition} licence for the host itself (no Windows VMs; at least 1 per host)`
        : `⌈${plural(vms, "Windows VM")} ÷ ${perLicence}⌉ = ${plural(quantity, `${edition} licence`)} (${perLicence === 1 ? "1 VM" : `${perLicence} VMs`} each)`,
    perProcessor: (sockets: number, edition: string) =>
      `${plural(sockets, "socket")} × ${edition} per processor`,
    perProcessorPair: (
      sockets: number,
      vms: number,
      perLicence: number | null,
      quantity: number,
      edition: string
    ) =>
      perLicence === null
        ? `⌈${plural(sockets, "socket")} ÷ 2⌉ = ${plural(quantity, `${edition} licence`)} (2 processors each)`
        : `max(⌈${plural(sockets, "socket")} ÷ 2⌉, ⌈${plural(vms, "Windows VM")} ÷ ${perLicence}⌉) = ${plural(quantity, `${edition} licence`)} (each 2 processors + ${perLicence} VMs)`,
    perCore: (
      sockets: number,
      coresPerSocket: number,
      minPerProcessor: number,
      minPerServer: number,
      licensedCores: number,
      vms: number,
      perSet: number | null,
      sets: number,
      packs: number,
      edition: string
    ) => {
      const cores = `${licensedCores} licensed cores (${plural(sockets, "socket")} × max(${minPerProcessor}, ${coresPerSocket} cores), at least ${minPerServer})`;
      return perSet === null
        ? `${cores} → ${plural(packs, `${edition} 2-core pack`)}`
        : `${cores} × ⌈${plural(vms, "Windows VM")} ÷ ${perSet}⌉ = ${plural(sets, "set")} (at least 1) → ${plural(packs, `${edition} 2-core pack`)}`;
    },
    vspherePerCpu: (
      sockets: number,
      coresPerSocket: number,
      coresPerLicence: number,
      quantity: number
    ) =>
      `${plural(sockets, "socket")} × ⌈${coresPerSocket} cores ÷ ${coresPerLicence} cores per licence⌉ = ${plural(quantity, "CPU licence")}`,
    vsphereSupport: (rate: Dec, licences: Dec) =>
      `${percent(rate)} of ${amount(licences)} of vSphere licences, per year`,
    vsphereSubscription: (
      sockets: number,
      coresPerSocket: number,
      minimum: number,
      quantity: number
    ) =>
      `${plural(sockets, "socket")} × max(${minimum}, ${coresPerSocket} cores) = ${plural(quantity, "core")} per year`,
    coreSubscription: (
      sockets: number,
      coresPerSocket: number,
      minimum: number,
      quantity: number
    ) =>
      `${plural(sockets, "CPU")} × max(${minimum}, ${coresPerSocket} cores) = ${plural(quantity, "billed core")} per year`,
    physicalCores: (sockets: number, coresPerSocket: number) =>
      `${plural(sockets, "CPU")} × ${coresPerSocket} cores = ${plural(sockets * coresPerSocket, "physical core")} (no minimum)`,
    orderMinimum: (billed: number, minimum: number) =>
      `order minimum ${minimum} cores − ${billed} cores billed`,
    vsan: (tib: string, entitled: string, shortfall: number) =>
      `⌈${tib} TiB in use − ${entitled} TiB entitled⌉ = ${shortfall} TiB`,
    paygGuests: (vms: number, vcpus: number) =>
      `${plural(vms, "Windows VM")} with ${plural(vcpus, "virtual core")} in all`,
    azureLocalWindows: (clusters: number) =>
      `every physical core of the ${plural(clusters, "system")} running Windows VMs`,
    softwareAssurance: (rate: Dec, windows: Dec) =>
      `${percent(rate)} of ${amount(windows)} of Windows licences, per year`,
    cal: (users: number) => `${plural(users, "user")} × 1 CAL`,
    systemCenter: (vms: number, perLicence: number, quantity: number) =>
      `max(1, ⌈${plural(vms, "VM")} ÷ ${perLicence}⌉) = ${plural(quantity, "SMSE licence")} (host + ${perLicence} VMs each)`,
    aggregate: (hosts: number, basis: string) => `${plural(hosts, "host")} × (${basis})`,
    aggregateMixed: (
      groups: readonly { readonly hosts: number; readonly basis: string }[],
      more: number
    ) =>
      groups.map((g) => `${plural(g.hosts, "host")} × (${g.basis})`).join("; ") +
      (more > 0 ? `; ${more} more host groups` : ""),
  },
} as const;
