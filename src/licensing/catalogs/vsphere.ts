/**
 * VMware vSphere, the "other virtualization technology": per-CPU licences (vSphere 4–8,
 * perpetual, each covering a number of cores per CPU) plus support per year, or the
 * per-core subscription (2024 onward, a minimum of cores per CPU). Sources: research note §4.
 */
import { ONE } from "../../money";
import type { PlatformId } from "../../platform";
import { MESSAGES } from "../messages";
import type { OptionRow, VsphereRule } from "./types";

/** Windows licence rights attach to the hardware, whatever hypervisor runs on it. */
export const ANY_HYPERVISOR =
  "Licence rights attach to the physical server whatever hypervisor runs on it (blog.cretec-web.com 2010-09-30)";

/** The vSphere option of a platform's catalog: the same row on every platform. */
export function vsphereOptionRow(platform: PlatformId): OptionRow {
  return {
    platform,
    option: "vsphere",
    label: "VMware vSphere + Windows guest licences",
    unavailable: null,
    hostOs: MESSAGES.hostOs.vsphere,
    windows: "cheapest",
    hostRunsEdition: false,
    clusterNode: true,
    whenClustered: null,
    hostLimits: null,
    vsphere: true,
    subscription: null,
    notes: [MESSAGES.vsphereGuests],
    source: ANY_HYPERVISOR,
  };
}

export const VSPHERE_RULES: readonly VsphereRule[] = [
  {
    model: "per-cpu",
    sku: "vsphere-cpu",
    label: "VMware vSphere (per-CPU licence)",
    recurrence: "once",
    price: { kind: "input", input: "licensing.prices.vsphere", factor: ONE },
    source:
      "vSphere 4: licensed per physical CPU, up to 6 cores per CPU (Essentials–Enterprise) or 12 (Advanced, Enterprise Plus); a CPU with more cores needs more licences combined on it (vmware.com/download/eula/multicore.html; blog.technodrone.cloud 2009-09); from April 2020 one CPU licence covers up to 32 cores (insight.com 2020-02)",
  },
  {
    model: "per-cpu",
    sku: "vsphere-support",
    label: "VMware vSphere support and subscription (per year)",
    recurrence: "yearly",
    price: {
      kind: "rateOn",
      rate: "licensing.vsphereSupportRate",
      of: "hypervisor",
      perLine: false,
    },
    source:
      "Support and subscription (SnS) as a yearly share of the licence price: an input (rate ≈ 21 % is an assumption)",
  },
  {
    model: "per-core-subscription",
    sku: "vsphere-core-subscription",
    label: "VMware vSphere subscription (per core per year)",
    recurrence: "yearly",
    price: { kind: "input", input: "licensing.prices.vsphere", factor: ONE },
    source:
      "Broadcom, 2024 onward: subscription only, per core, 16-core minimum per CPU (docs.vmware.com vSphere+ GUID-5FE50378; renewalintel.com 'vmware-broadcom-per-core-minimum'); support included",
  },
];

/** The rule row of a vSphere SKU. */
export function vsphereRule(
  sku: "vsphere-cpu" | "vsphere-support" | "vsphere-core-subscription"
): VsphereRule {
  const row = VSPHERE_RULES.find((r) => r.sku === sku);
  if (!row) throw new Error(`No vSphere rule ${sku}`);
  return row;
}
