/**
 * Counting: turns one catalog row plus a host and its VM count into a licence line. Every
 * rule lives in the catalog row; this file only interprets the row kinds.
 */
import { Dec, ONE, ZERO, dec, type Money } from "../money";
import type { LicensePrices } from "../scenario/types";
import {
  CAL_RULE,
  SOFTWARE_ASSURANCE_RULE,
  SYSTEM_CENTER_RULE,
  SYSTEM_CENTER_VMS_PER_LICENCE,
  vsphereRule,
} from "./catalogs";
import type { CountRule, SubscriptionRule, WindowsRule } from "./catalogs";
import { MESSAGES } from "./messages";
import type { HostShape, LicenceLine, LicenceTerms, LinePrice, Recurrence } from "./types";

const ceilDiv = (a: number, b: number): number => Math.ceil(a / b);

/** Throws (a programmer error) unless `value` is a whole number ≥ `min`. */
export function assertCount(name: string, value: number, min: number): void {
  if (!Number.isInteger(value) || value < min)
    throw new RangeError(`${name} must be a whole number ≥ ${min}, got ${value}`);
}

export function assertHost(host: HostShape): void {
  assertCount("sockets", host.sockets, 1);
  assertCount("coresPerSocket", host.coresPerSocket, 1);
}

/** A line with cost = quantity × unitPrice. */
export function line(
  fields: Omit<LicenceLine, "cost" | "recurrence"> & { readonly recurrence: Recurrence }
): LicenceLine {
  // Object.assign, not { ...fields, cost }: Node 20 adds a field after a spread on a slow
  // path, and licensing builds a line for every host count of every option.
  return Object.assign({}, fields, { cost: fields.unitPrice.times(fields.quantity) });
}

/** Cores licensed under a per-core rule: max(server minimum, sockets × max(processor minimum, cores per socket)). */
export function licensedCores(
  rule: Extract<CountRule, { kind: "perCore" }>,
  host: HostShape
): number {
  return Math.max(
    rule.minCoresPerServer,
    host.sockets * Math.max(rule.minCoresPerProcessor, host.coresPerSocket)
  );
}

type PerCoreCount = Extract<CountRule, { kind: "perCore" }>;

/** A per-core row's cores per pack and per priced licence as decimals, and the pack's share. */
interface PackShare {
  readonly coresPerPack: Dec;
  readonly coresPerPricedLicence: Dec;
  /** coresPerPack ÷ coresPerPricedLicence (2 ÷ 16). */
  readonly share: Dec;
}

// Constants of the catalog rows, worked out once per row rather than for every line of every
// host count (the break-even table alone prices hundreds).
const packShares = new WeakMap<PerCoreCount, PackShare>();

function packShareOf(count: PerCoreCount): PackShare {
  let pack = packShares.get(count);
  if (pack === undefined) {
    const coresPerPack = new Dec(count.coresPerPack);
    const coresPerPricedLicence = new Dec(count.coresPerPricedLicence);
    pack = { coresPerPack, coresPerPricedLicence, share: coresPerPack.div(coresPerPricedLicence) };
    packShares.set(count, pack);
  }
  return pack;
}

/** Price of one counted unit: the scenario price, or its pack share for per-core rules (16-core price ÷ 8). */
export function unitPriceOf(rule: WindowsRule, prices: LicensePrices): Money {
  const price = prices[rule.price];
  if (rule.count.kind !== "perCore") return price;
  const pack = packShareOf(rule.count);
  return price.times(pack.coresPerPack).div(pack.coresPerPricedLicence);
}

/**
 * The price of a Windows rule's unit in inputs: the scenario price it names, times the pack's
 * share of the priced licence for per-core rules (a 2-core pack of a 16-core price: 2 ÷ 16).
 */
export function windowsLinePrice(rule: WindowsRule): LinePrice {
  return {
    kind: "input",
    input: `licensing.prices.${rule.price}`,
    factor: rule.count.kind === "perCore" ? packShareOf(rule.count).share : ONE,
  };
}

/**
 * Licences of one Windows rule for a host running `windowsVms` Windows guests.
 * `hostRunsEdition`: the host OS is this edition, so it needs a licence even with no Windows
 * VMs; otherwise (free hypervisor, vSphere) a host without Windows guests needs none.
 * Returns the quantity and its basis; quantity 0 means nothing to buy.
 */
export function countWindows(
  rule: WindowsRule,
  host: HostShape,
  windowsVms: number,
  hostRunsEdition: boolean
): { readonly quantity: number; readonly basis: string } {
  assertHost(host);
  assertCount("windowsVms", windowsVms, 0);
  const needed = hostRunsEdition || windowsVms > 0;
  const c = rule.count;
  const none = { quantity: 0, basis: "" };
  switch (c.kind) {
    case "perVm":
      return windowsVms === 0
        ? none
        : { quantity: windowsVms, basis: MESSAGES.basis.perVm(windowsVms) };
    case "perServerStack": {
      if (!needed) return none;
      const quantity = Math.max(hostRunsEdition ? 1 : 0, ceilDiv(windowsVms, c.vmsPerLicence));
      return {
        quantity,
        basis: MESSAGES.basis.perServerStack(
          windowsVms,
          c.vmsPerLicence,
          quantity,
          rule.edition,
          hostRunsEdition
        ),
      };
    }
    case "perProcessor":
      return needed
        ? { quantity: host.sockets, basis: MESSAGES.basis.perProcessor(host.sockets, rule.edition) }
        : none;
    case "perProcessorPair": {
      if (!needed) return none;
      const forProcessors = ceilDiv(host.sockets, c.processorsPerLicence);
      const quantity =
        c.vmsPerLicence === null
          ? forProcessors
          : Math.max(forProcessors, ceilDiv(windowsVms, c.vmsPerLicence));
      return {
        quantity,
        basis: MESSAGES.basis.perProcessorPair(
          host.sockets,
          windowsVms,
          c.vmsPerLicence,
          quantity,
          rule.edition
        ),
      };
    }
    case "perCore": {
      if (!needed) return none;
      const cores = licensedCores(c, host);
      const sets = c.vmsPerSet === null ? 1 : Math.max(1, ceilDiv(windowsVms, c.vmsPerSet));
      const quantity = ceilDiv(cores, c.coresPerPack) * sets;
      return {
        quantity,
        basis: MESSAGES.basis.perCore(
          host.sockets,
          host.coresPerSocket,
          c.minCoresPerProcessor,
          c.minCoresPerServer,
          cores,
          windowsVms,
          c.vmsPerSet,
          sets,
          quantity,
          rule.edition
        ),
      };
    }
  }
}

/** The Windows line of a rule, or null when nothing is needed. */
export function windowsLine(
  rule: WindowsRule,
  host: HostShape,
  windowsVms: number,
  hostRunsEdition: boolean,
  prices: LicensePrices
): LicenceLine | null {
  const { quantity, basis } = countWindows(rule, host, windowsVms, hostRunsEdition);
  if (quantity === 0) return null;
  return line({
    sku: rule.sku,
    label: rule.label,
    category: "windows",
    recurrence: "once",
    quantity,
    unitPrice: unitPriceOf(rule, prices),
    price: windowsLinePrice(rule),
    basis,
    source: rule.source,
  });
}

/** vSphere lines for one host: per-CPU licences plus yearly support, or the per-core subscription. */
export function vsphereLines(
  host: HostShape,
  terms: LicenceTerms
): { readonly lines: LicenceLine[]; readonly notes: string[] } {
  assertHost(host);
  const per = terms.vsphereCoresPerCpuLicence;
  assertCount("vsphereCoresPerCpuLicence", per, 1);
  if (terms.vsphereModel === "per-cpu") {
    const rule = vsphereRule("vsphere-cpu");
    const quantity = host.sockets * ceilDiv(host.coresPerSocket, per);
    const licence = line({
      sku: rule.sku,
      label: rule.label,
      category: "hypervisor",
      recurrence: rule.recurrence,
      price: rule.price,
      quantity,
      unitPrice: terms.prices.vsphere,
      basis: MESSAGES.basis.vspherePerCpu(host.sockets, host.coresPerSocket, per, quantity),
      source: rule.source,
    });
    const lines = [licence];
    if (terms.vsphereSupportRate.gt(0)) {
      const support = vsphereRule("vsphere-support");
      lines.push(
        line({
          sku: support.sku,
          label: support.label,
          category: "support",
          recurrence: support.recurrence,
          price: support.price,
          quantity: 1,
          unitPrice: licence.cost.times(terms.vsphereSupportRate),
          basis: MESSAGES.basis.vsphereSupport(terms.vsphereSupportRate, licence.cost),
          source: support.source,
        })
      );
    }
    return { lines, notes: [] };
  }
  const rule = vsphereRule("vsphere-core-subscription");
  const quantity = host.sockets * Math.max(per, host.coresPerSocket);
  const subscription = line({
    sku: rule.sku,
    label: rule.label,
    category: "hypervisor",
    recurrence: rule.recurrence,
    price: rule.price,
    quantity,
    unitPrice: terms.prices.vsphere,
    basis: MESSAGES.basis.vsphereSubscription(host.sockets, host.coresPerSocket, per, quantity),
    source: rule.source,
  });
  const notes = terms.vsphereSupportRate.gt(0)
    ? [MESSAGES.vsphereSupportIncluded(terms.vsphereSupportRate)]
    : [];
  return { lines: [subscription], notes };
}

/** Software Assurance per year on the Windows lines given, or null when the rate is 0 or there is nothing to cover. */
export function softwareAssuranceLine(
  windows: readonly LicenceLine[],
  rate: LicenceTerms["softwareAssuranceRate"]
): LicenceLine | null {
  if (rate.lte(0)) return null;
  // Licences only: pay-as-you-go and subscriptions carry no Software Assurance.
  let base = ZERO;
  for (const l of windows)
    if (l.category === "windows" && l.recurrence === "once") base = base.plus(l.cost);
  if (base.isZero()) return null;
  return line({
    sku: SOFTWARE_ASSURANCE_RULE.sku,
    label: SOFTWARE_ASSURANCE_RULE.label,
    category: "assurance",
    recurrence: SOFTWARE_ASSURANCE_RULE.recurrence,
    price: SOFTWARE_ASSURANCE_RULE.price,
    quantity: 1,
    unitPrice: base.times(rate),
    basis: MESSAGES.basis.softwareAssurance(rate, base),
    source: SOFTWARE_ASSURANCE_RULE.source,
  });
}

/**
 * A yearly line of one of today's subscriptions: `quantity` units at the rule's price input ×
 * its factor (12 months of a monthly price), carrying that input so the workbook prices it live.
 */
export function subscriptionLine(
  rule: SubscriptionRule,
  quantity: number,
  prices: LicensePrices,
  basis: string
): LicenceLine {
  assertCount("quantity", quantity, 0);
  const factor = dec(rule.priceFactor);
  return line({
    sku: rule.sku,
    label: rule.label,
    category: rule.category,
    recurrence: "yearly",
    quantity,
    unitPrice: prices[rule.price].times(factor),
    basis,
    source: rule.source,
    // The catalog row's price input; 12 turns a monthly price into the yearly line's unit.
    price: { kind: "input", input: `licensing.prices.${rule.price}`, factor },
  });
}

/** System Center SMSE for one host running `vms` VMs (any guest OS): max(1, ⌈vms ÷ 4⌉) licences. */
export function systemCenterLine(vms: number, price: Money): LicenceLine {
  assertCount("vms", vms, 0);
  const quantity = Math.max(1, ceilDiv(vms, SYSTEM_CENTER_VMS_PER_LICENCE));
  return line({
    sku: SYSTEM_CENTER_RULE.sku,
    label: SYSTEM_CENTER_RULE.label,
    category: "management",
    recurrence: SYSTEM_CENTER_RULE.recurrence,
    price: SYSTEM_CENTER_RULE.price,
    quantity,
    unitPrice: price,
    basis: MESSAGES.basis.systemCenter(vms, SYSTEM_CENTER_VMS_PER_LICENCE, quantity),
    source: SYSTEM_CENTER_RULE.source,
  });
}

/** CALs for the estate, or null when no users are counted. */
export function calLine(users: number, price: Money): LicenceLine | null {
  assertCount("calUsers", users, 0);
  if (users === 0) return null;
  return line({
    sku: CAL_RULE.sku,
    label: CAL_RULE.label,
    category: "cal",
    recurrence: CAL_RULE.recurrence,
    price: CAL_RULE.price,
    quantity: users,
    unitPrice: price,
    basis: MESSAGES.basis.cal(users),
    source: CAL_RULE.source,
  });
}

/** One-time and yearly sums of lines. */
export function moneyOf(lines: readonly LicenceLine[]): {
  readonly oneTime: Money;
  readonly annual: Money;
} {
  // One pass, each sum in line order (as summing the filtered lists would).
  let oneTime = ZERO;
  let annual = ZERO;
  for (const l of lines) {
    if (l.recurrence === "once") oneTime = oneTime.plus(l.cost);
    else if (l.recurrence === "yearly") annual = annual.plus(l.cost);
  }
  return { oneTime, annual };
}

/** oneTime + annual × years: what a set of lines costs over a horizon. */
export function overHorizon(oneTime: Money, annual: Money, horizonYears: number): Money {
  assertCount("horizonYears", horizonYears, 0);
  return oneTime.plus(annual.times(horizonYears));
}
