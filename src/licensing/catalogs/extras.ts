/**
 * Optional licence lines that do not depend on the option's edition rules: client access
 * licences, System Center management and Software Assurance. Sources: research note §1.4–1.5.
 */
import { ONE } from "../../money";
import type { LinePrice } from "../types";

export interface ExtraRule {
  readonly sku: string;
  readonly label: string;
  readonly recurrence: "once" | "yearly";
  /** What one unit costs, in inputs. */
  readonly price: LinePrice;
  readonly source: string;
}

export const CAL_RULE: ExtraRule = {
  sku: "ws-cal-user",
  label: "Windows Server CAL (per user)",
  recurrence: "once",
  price: { kind: "input", input: "licensing.prices.cal", factor: ONE },
  source:
    "A Windows Server CAL for every user or device that accesses the server software; CALs follow the guest OS version, not the host (the-chronic.eu 2008 R2 licensing guide; blogs.technet.microsoft.com tarpara 2009-01-19); ≈ $30–45 per user (microsoftnegotiations.com, secondary)",
};

/** System Center Server Management Suite Enterprise: one licence manages a host and up to this many VMs. */
export const SYSTEM_CENTER_VMS_PER_LICENCE = 4;

export const SYSTEM_CENTER_RULE: ExtraRule = {
  sku: "system-center-smse",
  label: "System Center Server Management Suite Enterprise (per host + 4 VMs)",
  recurrence: "once",
  price: { kind: "input", input: "licensing.prices.systemCenter", factor: ONE },
  source:
    "SMSE $783 per device (Open), manages the host + 4 VMs from July 2009 (directionsonmicrosoft.com 2009-08 'Management suite licensing changes'); further VMs counted as further licences per 4 VMs (model rule; the per-processor SMSD suite has no sourced price)",
};

export const SOFTWARE_ASSURANCE_RULE: ExtraRule = {
  sku: "software-assurance",
  label: "Software Assurance on Windows Server licences (per year)",
  recurrence: "yearly",
  price: { kind: "rateOn", rate: "licensing.softwareAssuranceRate", of: "windows", perLine: true },
  source:
    "Software Assurance: a yearly percentage of the licence price (DOMAIN.md; typically 25 %); applied to the Windows Server licences of the option, not to CALs or vSphere",
};
