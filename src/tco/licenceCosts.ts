/**
 * Licensing results as the TCO model books them: every line becomes quantity × a named
 * price input × a fixed factor (× a named rate), so the workbook can price it with a live
 * formula (`=ROUND(C12*hv_PriceDatacenter*0.125,2)`). The input and factor come from the
 * line's catalog row (`LinePrice`). Software Assurance, which the licensing module returns as
 * one amount, is split per Windows line for the same reason.
 */
import { ONE, ZERO, roundCents, sum, type Money } from "../money";
import { ownedUnits, windowsRule } from "../licensing";
import type {
  LicenceLine as ModuleLine,
  LicensingTotals,
  LinePrice,
  OptionLicensing as ModuleOptionLicensing,
} from "../licensing";
import { inputValue, type Scenario } from "../scenario";
import type { LicenceLine, OptionLicensing } from "./types";

type InputPrice = Extract<LinePrice, { readonly kind: "input" }>;
type RatePrice = Extract<LinePrice, { readonly kind: "rateOn" }>;

/** A module line priced by its own input: quantity × input × factor (× rate). */
function adapt(line: ModuleLine, price: InputPrice, scenario: Scenario): LicenceLine {
  const rate = price.rate ? inputValue(scenario, price.rate) : ONE;
  const unitPrice = inputValue(scenario, price.input).times(price.factor).times(rate);
  const cost = roundCents(unitPrice.times(line.quantity));
  return {
    sku: line.sku,
    label: line.label,
    quantity: line.quantity,
    unitPrice,
    cost,
    recurrence: line.recurrence,
    priceInput: price.input,
    priceFactor: price.factor,
    ...(price.rate ? { rateInput: price.rate } : {}),
    basis: line.basis,
  };
}

/** The lines a yearly rate covers, each with its own input price. */
function covered(
  totals: LicensingTotals,
  price: RatePrice
): { readonly line: ModuleLine; readonly price: InputPrice }[] {
  return totals.lines.flatMap((l) =>
    // Licences bought once: subscriptions (pay-as-you-go, Azure Local, VCF) carry no SA or SnS.
    l.category === price.of && l.recurrence === "once" && l.price.kind === "input"
      ? [{ line: l, price: l.price }]
      : []
  );
}

const percent = (scenario: Scenario, rate: RatePrice["rate"]): string =>
  inputValue(scenario, rate).times(100).toString();

/**
 * A rate on the lines of a category, as one line: vSphere support, one unit per CPU licence at
 * price × rate. The licensing module counts one support line per host whose unit price is that
 * host's licence cost × rate, so its quantity (hosts) cannot be re-priced by the price input
 * alone: counted in the covered licences, quantity × price × rate is the same money as a live
 * formula.
 */
function rateOnAll(
  line: ModuleLine,
  price: RatePrice,
  totals: LicensingTotals,
  scenario: Scenario
): LicenceLine[] {
  const lines = covered(totals, price);
  const first = lines[0];
  if (!first) return [];
  const quantity = lines.reduce((n, c) => n + c.line.quantity, 0);
  const base = adapt({ ...line, quantity }, { ...first.price, rate: price.rate }, scenario);
  return [
    {
      ...base,
      basis: `${percent(scenario, price.rate)} % a year of ${quantity} × vSphere CPU licence (${line.basis})`,
    },
  ];
}

/** A rate on the lines of a category, one line per line it covers (Software Assurance). */
function rateOnEach(price: RatePrice, totals: LicensingTotals, scenario: Scenario): LicenceLine[] {
  return covered(totals, price).map(({ line: w, price: own }) => {
    const base = adapt(w, own, scenario);
    const unitPrice = base.unitPrice.times(inputValue(scenario, price.rate));
    return {
      ...base,
      sku: `${w.sku}-sa`,
      label: `Software Assurance on ${w.label}`,
      recurrence: "yearly",
      unitPrice,
      cost: roundCents(unitPrice.times(w.quantity)),
      rateInput: price.rate,
      basis: `${percent(scenario, price.rate)} % a year of ${w.quantity} × ${w.label}`,
    };
  });
}

/** Lines priced by inputs, as each line's catalog row says; a rate on other lines spread onto them. */
export function pricedLines(totals: LicensingTotals, scenario: Scenario): LicenceLine[] {
  return totals.lines.flatMap((line) => {
    const price = line.price;
    if (price.kind === "input") return [adapt(line, price, scenario)];
    return price.perLine
      ? rateOnEach(price, totals, scenario)
      : rateOnAll(line, price, totals, scenario);
  });
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
