/**
 * Licensing results as the TCO model books them: every line becomes quantity × a named
 * price input × a fixed factor (× a named rate), so the workbook can price it with a live
 * formula (`=ROUND(C12*hv_PriceDatacenter*0.125,2)`). Software Assurance, which the
 * licensing module returns as one amount, is split per Windows line for the same reason.
 */
import { Dec, ONE, ZERO, roundCents, sum, type Money } from "../money";
import { ownedUnits, windowsRule } from "../licensing";
import type {
  LicenceLine as ModuleLine,
  LicensingTotals,
  OptionLicensing as ModuleOptionLicensing,
} from "../licensing";
import type { Scenario } from "../scenario";
import type { LicenceLine, OptionLicensing } from "./types";

const EIGHTH = new Dec("0.125");

/** The price input and factor a licensing SKU is priced by. */
export function priceOf(sku: string): {
  readonly priceInput: string;
  readonly priceFactor: Dec;
  readonly rateInput?: string;
} {
  if (sku.endsWith("-guest-os"))
    return { priceInput: "licensing.prices.guestOsPerVm", priceFactor: ONE };
  if (sku.includes("-standard"))
    return {
      priceInput: "licensing.prices.standard",
      priceFactor: sku.endsWith("-2core") ? EIGHTH : ONE,
    };
  if (sku.includes("-enterprise"))
    return { priceInput: "licensing.prices.enterprise", priceFactor: ONE };
  if (sku.includes("-datacenter"))
    return {
      priceInput: "licensing.prices.datacenter",
      priceFactor: sku.endsWith("-2core") ? EIGHTH : ONE,
    };
  if (sku === "vsphere-support")
    return {
      priceInput: "licensing.prices.vsphere",
      priceFactor: ONE,
      rateInput: "licensing.vsphereSupportRate",
    };
  if (sku.startsWith("vsphere-"))
    return { priceInput: "licensing.prices.vsphere", priceFactor: ONE };
  if (sku === "ws-cal-user") return { priceInput: "licensing.prices.cal", priceFactor: ONE };
  if (sku === "system-center-smse")
    return { priceInput: "licensing.prices.systemCenter", priceFactor: ONE };
  throw new Error(`No price input known for licence SKU ${sku}`);
}

function inputAt(scenario: Scenario, path: string): Dec {
  let cur: unknown = scenario;
  for (const part of path.split(".")) cur = (cur as Record<string, unknown>)[part];
  return cur as Dec;
}

function adapt(line: ModuleLine, scenario: Scenario): LicenceLine {
  // Today's subscriptions carry their price input from the catalog row.
  const p = line.price
    ? { priceInput: line.price.input, priceFactor: line.price.factor }
    : priceOf(line.sku);
  const rate = p.rateInput ? inputAt(scenario, p.rateInput) : ONE;
  const unitPrice = inputAt(scenario, p.priceInput).times(p.priceFactor).times(rate);
  const cost = roundCents(unitPrice.times(line.quantity));
  return {
    sku: line.sku,
    label: line.label,
    quantity: line.quantity,
    unitPrice,
    cost,
    recurrence: line.recurrence,
    priceInput: p.priceInput,
    priceFactor: p.priceFactor,
    ...(p.rateInput ? { rateInput: p.rateInput } : {}),
    basis: line.basis,
  };
}

/**
 * vSphere support as the TCO model books it: one unit per CPU licence at price × rate.
 * The licensing module counts one support line per host whose unit price is that host's
 * licence cost × rate, so its quantity (hosts) cannot be re-priced by `licensing.prices.vsphere`
 * alone: counted in CPU licences, quantity × price × rate is the same money as a live formula.
 */
function vsphereSupport(
  line: ModuleLine,
  totals: LicensingTotals,
  scenario: Scenario
): LicenceLine {
  const cpuLicences = totals.lines
    .filter((l) => l.sku === "vsphere-cpu")
    .reduce((n, l) => n + l.quantity, 0);
  const base = adapt({ ...line, quantity: cpuLicences }, scenario);
  const rate = scenario.licensing.vsphereSupportRate.times(100).toString();
  return {
    ...base,
    basis: `${rate} % a year of ${cpuLicences} × vSphere CPU licence (${line.basis})`,
  };
}

/** Lines priced by inputs; Software Assurance split over the Windows lines it covers. */
export function pricedLines(totals: LicensingTotals, scenario: Scenario): LicenceLine[] {
  const out: LicenceLine[] = [];
  for (const line of totals.lines) {
    if (line.sku === "vsphere-support") {
      out.push(vsphereSupport(line, totals, scenario));
      continue;
    }
    if (line.sku !== "software-assurance") {
      out.push(adapt(line, scenario));
      continue;
    }
    for (const w of totals.lines.filter(
      (l) => l.category === "windows" && l.recurrence === "once"
    )) {
      const base = adapt(w, scenario);
      const unitPrice = base.unitPrice.times(scenario.licensing.softwareAssuranceRate);
      out.push({
        ...base,
        sku: `${w.sku}-sa`,
        label: `Software Assurance on ${w.label}`,
        recurrence: "yearly",
        unitPrice,
        cost: roundCents(unitPrice.times(w.quantity)),
        rateInput: "licensing.softwareAssuranceRate",
        basis: `${scenario.licensing.softwareAssuranceRate.times(100).toString()} % a year of ${w.quantity} × ${w.label}`,
      });
    }
  }
  return out;
}

function totalsOf(
  lines: readonly LicenceLine[],
  horizonYears: number
): { oneTime: Money; annual: Money; total: Money } {
  const oneTime = sum(lines.filter((l) => l.recurrence === "once").map((l) => l.cost));
  const annual = sum(lines.filter((l) => l.recurrence === "yearly").map((l) => l.cost));
  return { oneTime, annual, total: oneTime.plus(annual.times(horizonYears)) };
}

/** Windows licences already owned, in each SKU's own unit (2-core packs, 2-processor licences). */
export type OwnedBySku = ReadonlyMap<string, number>;

/** Windows Server SKUs (`ws2022-datacenter-2core`), not CALs (`ws-cal-user`). */
export const isWindowsSku = (sku: string): boolean => /^ws\d/.test(sku);

/**
 * The licences of `licensing.owned` as quantities of the platform's SKUs: core licences in
 * 2-core packs (2016 on); on 2012 R2 one 2-processor licence per 16 cores (Microsoft Learn
 * windows-server azure-hybrid-benefit.md 2025-09-03: "each processor license is equivalent to
 * 16 core licenses"). 2008 R2 licences were per processor or per server, so core counts do
 * not convert: nothing is credited there.
 */
export function ownedBySku(scenario: Scenario): OwnedBySku {
  const { platform } = scenario;
  const { datacenterCores, standardCores } = scenario.licensing.owned;
  const out = new Map<string, number>();
  for (const [way, cores] of [
    ["datacenter", datacenterCores],
    ["standard", standardCores],
  ] as const) {
    const rule = windowsRule(platform, way);
    const units = ownedUnits(platform, cores);
    if (rule && units > 0) out.set(rule.sku, units);
  }
  return out;
}

/**
 * Lines with the licences already owned taken off their one-time quantities (and off the
 * Software Assurance bought with them: owned licences carry their own). Licence rights attach
 * to the hardware whatever hypervisor runs on it, so owned licences cover the same guests on
 * any host they are reassigned to — once, as each old host is emptied (reassignment at most
 * every 90 days).
 */
export function creditOwned(lines: readonly LicenceLine[], owned: OwnedBySku): LicenceLine[] {
  const left = new Map(owned);
  const usedBySku = new Map<string, number>();
  const credited = lines.map((l) => {
    const have = left.get(l.sku) ?? 0;
    if (l.recurrence !== "once" || !isWindowsSku(l.sku) || have <= 0) return l;
    const used = Math.min(have, l.quantity);
    left.set(l.sku, have - used);
    usedBySku.set(l.sku, (usedBySku.get(l.sku) ?? 0) + used);
    const quantity = l.quantity - used;
    return {
      ...l,
      quantity,
      cost: roundCents(l.unitPrice.times(quantity)),
      basis: `${l.basis}; ${used} already owned (licensing.owned)`,
    };
  });
  return credited.map((l) => {
    const base = l.sku.endsWith("-sa") ? l.sku.slice(0, -3) : null;
    const used = base === null ? 0 : (usedBySku.get(base) ?? 0);
    if (used <= 0) return l;
    const quantity = Math.max(0, l.quantity - used);
    return { ...l, quantity, cost: roundCents(l.unitPrice.times(quantity)) };
  });
}

/** The licensing of an option as the TCO model and the report use it (less what is `owned`). */
export function optionLicensing(
  result: ModuleOptionLicensing,
  scenario: Scenario,
  owned?: OwnedBySku
): OptionLicensing {
  const n = scenario.finance.horizonYears;
  if (!result.eligible) {
    return {
      total: ZERO,
      totalIfNotClusterAware: ZERO,
      oneTime: ZERO,
      annual: ZERO,
      lines: [],
      notes: [...result.notes],
    };
  }
  const credit = (lines: LicenceLine[]): LicenceLine[] =>
    owned ? creditOwned(lines, owned) : lines;
  const lines = credit(pricedLines(result, scenario));
  const t = totalsOf(lines, n);
  const steady = totalsOf(credit(pricedLines(result.ifNotClusterAware, scenario)), n);
  return {
    total: t.total,
    totalIfNotClusterAware: steady.total,
    oneTime: t.oneTime,
    annual: t.annual,
    lines,
    notes: [...result.notes],
  };
}
