/**
 * Licensing results as the TCO model books them: every line becomes quantity × a named
 * price input × a fixed factor (× a named rate), so the workbook can price it with a live
 * formula (`=ROUND(C12*hv_PriceDatacenter*0.125,2)`). The input and factor come from the
 * line's catalog row (`LinePrice`). Software Assurance, which the licensing module returns as
 * one amount, is split per Windows line for the same reason.
 */
import { ONE, ZERO, roundCents, sum, type Money } from "../money";
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
    l.category === price.of && l.price.kind === "input" ? [{ line: l, price: l.price }] : []
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

/** Windows licences already owned (by SKU), e.g. those of a vSphere estate being left. */
export type OwnedLicences = ReadonlyMap<string, number>;

/** Windows Server SKUs (`ws2022-datacenter-2core`), not CALs (`ws-cal-user`). */
const isWindowsSku = (sku: string): boolean => /^ws\d/.test(sku);

/**
 * Lines with the licences already owned taken off their one-time quantities: Windows licence
 * rights attach to the hardware whatever hypervisor runs on it, so a VMware estate's Windows
 * licences cover the same guests on Hyper-V (reassigned to new hosts at most every 90 days).
 */
export function creditOwned(lines: readonly LicenceLine[], owned: OwnedLicences): LicenceLine[] {
  const left = new Map(owned);
  return lines.map((l) => {
    const have = left.get(l.sku) ?? 0;
    if (l.recurrence !== "once" || !isWindowsSku(l.sku) || have <= 0) return l;
    const used = Math.min(have, l.quantity);
    left.set(l.sku, have - used);
    const quantity = l.quantity - used;
    return {
      ...l,
      quantity,
      cost: roundCents(l.unitPrice.times(quantity)),
      basis: `${l.basis}; ${used} already owned for the VMware estate`,
    };
  });
}

/** The one-time Windows licences of a licensing result, by SKU (what an estate owns). */
export function windowsLicencesOf(result: ModuleOptionLicensing): OwnedLicences {
  const out = new Map<string, number>();
  for (const l of result.lines) {
    if (l.recurrence === "once" && isWindowsSku(l.sku))
      out.set(l.sku, (out.get(l.sku) ?? 0) + l.quantity);
  }
  return out;
}

/** The licensing of an option as the TCO model and the report use it (less what is `owned`). */
export function optionLicensing(
  result: ModuleOptionLicensing,
  scenario: Scenario,
  owned?: OwnedLicences
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
