/**
 * The `--json` form of an option's licensing (DESIGN.md contract): money as strings with two
 * decimals; the contract's keys first, then the extra keys other tools may use.
 */
import { formatMoney } from "../money";
import type { LicenceLine, OptionLicensing } from "./types";

export interface LicenceLineJson {
  readonly sku: string;
  readonly quantity: number;
  readonly unitPrice: string;
  readonly cost: string;
  readonly label: string;
  readonly recurrence: LicenceLine["recurrence"];
  readonly category: LicenceLine["category"];
  readonly basis: string;
}

export interface OptionLicensingJson {
  readonly total: string;
  readonly totalIfNotClusterAware: string;
  readonly lines: readonly LicenceLineJson[];
  readonly oneTime: string;
  readonly annual: string;
  readonly horizonYears: number;
  readonly clusterAware: boolean;
  readonly hostOs: string;
  readonly notes: readonly string[];
}

/** A line as JSON. `unitPrice` is rounded to cents for display; `cost` is the exact cost rounded once. */
export function lineJson(l: LicenceLine): LicenceLineJson {
  return {
    sku: l.sku,
    quantity: l.quantity,
    unitPrice: formatMoney(l.unitPrice),
    cost: formatMoney(l.cost),
    label: l.label,
    recurrence: l.recurrence,
    category: l.category,
    basis: l.basis,
  };
}

/** `options[].licensing` of the `--json` output. */
export function licensingJson(r: OptionLicensing): OptionLicensingJson {
  return {
    total: formatMoney(r.total),
    totalIfNotClusterAware: formatMoney(r.totalIfNotClusterAware),
    lines: r.lines.map(lineJson),
    oneTime: formatMoney(r.oneTime),
    annual: formatMoney(r.annual),
    horizonYears: r.horizonYears,
    clusterAware: r.clusterAware,
    hostOs: r.hostOs,
    notes: r.notes,
  };
}
