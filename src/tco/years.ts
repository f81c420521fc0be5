/**
 * An option's quantities year by year when demand grows: hosts, clusters, SAN storage and
 * licences needed by each year's plan, owned (never fewer than before), bought in the year
 * first needed, running (upkeep from year 1), and refreshed (each year's purchase again every
 * refresh cycle). Each series says how it derives from another, so the workbook writes the
 * same rule as a formula: only the "needed" series are engine values.
 */
import { Dec, ZERO, dec } from "../money";
import type { CapacityByYear } from "../capacity";
import type { Scenario } from "../scenario";
import { inputValue, type InputPath } from "../scenario";

/** How a series follows from another (the workbook writes the same rule as a formula). */
export type SeriesRule =
  /** Values from the capacity and licensing engines (one plan per year). */
  | { readonly kind: "engine" }
  /** The running maximum of `of`: nothing is ever removed. */
  | { readonly kind: "owned"; readonly of: string }
  /** Bought in year t: `of`(t) − `of`(t − 1); year 0 buys `of`(0). */
  | { readonly kind: "added"; readonly of: string }
  /** Running in year t: 0 in year 0 (the investment), `of`(t) after. */
  | { readonly kind: "running"; readonly of: string }
  /** Replaced in year t < N: what was bought `cycle`, 2·`cycle`… years earlier (cycle = the input). */
  | { readonly kind: "refreshed"; readonly of: string; readonly cycleInput: InputPath }
  /** max(0, `of` − existing): beyond an estate that is reused. */
  | { readonly kind: "beyond"; readonly of: string; readonly existing: number }
  /** min(`of`, existing): the part of an estate that is reused. */
  | { readonly kind: "within"; readonly of: string; readonly existing: number }
  /** The sum of several series. */
  | { readonly kind: "sum"; readonly of: readonly string[] };

/** One quantity over years 0…N. */
export interface QuantitySeries {
  /** Unique within the option (`hostsBought`). */
  readonly key: string;
  readonly label: string;
  readonly unit: string;
  readonly rule: SeriesRule;
  readonly values: readonly Dec[];
}

/** A series to compute: engine values, or a rule over series listed before it. */
export type SeriesSpec = Omit<QuantitySeries, "values"> & {
  /** Engine values (years 0…N) for an `engine` rule. */
  readonly engineValues?: readonly (number | Dec)[];
};

/** The values of one rule over years 0…N, from the series computed so far. */
function evaluate(
  rule: SeriesRule,
  engineValues: readonly (number | Dec)[] | undefined,
  valuesOf: (key: string) => readonly Dec[],
  scenario: Scenario,
  n: number
): Dec[] {
  const at = (v: readonly Dec[], t: number): Dec => v[t] ?? ZERO;
  const years = Array.from({ length: n + 1 }, (_, t) => t);
  switch (rule.kind) {
    case "engine":
      return years.map((t) => {
        const v = engineValues?.[t] ?? 0;
        return v instanceof Dec ? v : dec(v);
      });
    case "owned": {
      const v = valuesOf(rule.of);
      let most = ZERO;
      return years.map((t) => (most = Dec.max(most, at(v, t))));
    }
    case "added": {
      const v = valuesOf(rule.of);
      return years.map((t) => at(v, t).minus(t === 0 ? ZERO : at(v, t - 1)));
    }
    case "running": {
      const v = valuesOf(rule.of);
      return years.map((t) => (t === 0 ? ZERO : at(v, t)));
    }
    case "refreshed": {
      const v = valuesOf(rule.of);
      const cycle = inputValue(scenario, rule.cycleInput).toNumber();
      return years.map((t) => {
        let total = ZERO;
        if (t > 0 && t < n)
          for (let s = 0; s < t; s++) if ((t - s) % cycle === 0) total = total.plus(at(v, s));
        return total;
      });
    }
    case "beyond": {
      const v = valuesOf(rule.of);
      return years.map((t) => Dec.max(ZERO, at(v, t).minus(rule.existing)));
    }
    case "within": {
      const v = valuesOf(rule.of);
      return years.map((t) => Dec.min(at(v, t), rule.existing));
    }
    case "sum": {
      const lists = rule.of.map(valuesOf);
      return years.map((t) => lists.reduce((a, l) => a.plus(at(l, t)), ZERO));
    }
  }
}

/** Computes `specs` in order (each rule may read the series before it), years 0…horizon. */
export function seriesOf(scenario: Scenario, specs: readonly SeriesSpec[]): QuantitySeries[] {
  const n = scenario.finance.horizonYears;
  const byKey = new Map<string, QuantitySeries>();
  const valuesOf = (key: string): readonly Dec[] => {
    const found = byKey.get(key);
    if (!found) throw new Error(`Series ${key} is read before it is defined (a programmer error).`);
    return found.values;
  };
  for (const spec of specs) {
    if (byKey.has(spec.key))
      throw new Error(`Series ${spec.key} defined twice (a programmer error).`);
    const { engineValues, ...rest } = spec;
    byKey.set(spec.key, {
      ...rest,
      values: evaluate(spec.rule, engineValues, valuesOf, scenario, n),
    });
  }
  return specs.map((s) => byKey.get(s.key)!);
}

/** Hosts an existing estate hands over (leaving vSphere), 0 otherwise. */
export interface Reused {
  readonly hosts: number;
  readonly clusters: number;
}

/** Keys of the capacity series every growing option has. */
export const SERIES = {
  hostsNeeded: "hostsNeeded",
  hostsOwned: "hostsOwned",
  newHostsOwned: "newHostsOwned",
  hostsBought: "hostsBought",
  hostsFitted: "hostsFitted",
  hostsRunning: "hostsRunning",
  hostsRefreshed: "hostsRefreshed",
  reusedHostsRunning: "reusedHostsRunning",
  clustersNeeded: "clustersNeeded",
  clustersOwned: "clustersOwned",
  newClustersOwned: "newClustersOwned",
  clustersAdded: "clustersAdded",
  clustersRunning: "clustersRunning",
  devicesAdded: "devicesAdded",
  storageGiBNeeded: "storageGiBNeeded",
  storageGiBOwned: "storageGiBOwned",
  storageGiBAdded: "storageGiBAdded",
  storageGiBRunning: "storageGiBRunning",
} as const;

/** The VM disk a plan places, GiB, summed exactly (fractional GiB through decimals). */
export function placedStorageGiB(vms: readonly { readonly storageGiB: number }[]): Dec {
  let whole = 0;
  let fractional = ZERO;
  for (const vm of vms) {
    if (Number.isInteger(vm.storageGiB)) whole += vm.storageGiB;
    else fractional = fractional.plus(dec(String(vm.storageGiB)));
  }
  if (Number.isSafeInteger(whole)) return fractional.plus(whole);
  return vms.reduce((t, vm) => t.plus(dec(String(vm.storageGiB))), ZERO);
}

/**
 * The capacity series of an option over the horizon: hosts and clusters needed (engine),
 * owned, beyond what an existing estate hands over, bought, running and refreshed; SAN
 * storage needed, owned, added and running.
 */
export function capacitySeriesSpecs(years: CapacityByYear, reused: Reused): SeriesSpec[] {
  const S = SERIES;
  const specs: SeriesSpec[] = [];
  const engine = (
    key: string,
    label: string,
    unit: string,
    values: readonly (number | Dec)[]
  ): void => {
    specs.push({ key, label, unit, rule: { kind: "engine" }, engineValues: values });
  };
  const derived = (key: string, label: string, unit: string, rule: SeriesRule): string => {
    specs.push({ key, label, unit, rule });
    return key;
  };
  engine(S.hostsNeeded, "Hosts the year's demand needs", "hosts", years.hostsNeeded);
  derived(S.hostsOwned, "Hosts owned", "hosts", { kind: "owned", of: S.hostsNeeded });
  const newHosts =
    reused.hosts > 0
      ? derived(S.newHostsOwned, "New hosts owned (beyond those reused)", "hosts", {
          kind: "beyond",
          of: S.hostsOwned,
          existing: reused.hosts,
        })
      : S.hostsOwned;
  derived(S.hostsBought, "Hosts bought", "hosts", { kind: "added", of: newHosts });
  derived(S.hostsRunning, "Hosts running", "hosts", { kind: "running", of: S.hostsOwned });
  if (reused.hosts > 0)
    derived(S.hostsFitted, "Hosts fitted with S2D drives (all, reused too)", "hosts", {
      kind: "added",
      of: S.hostsOwned,
    });
  derived(S.hostsRefreshed, "Hosts refreshed", "hosts", {
    kind: "refreshed",
    of: S.hostsBought,
    cycleInput: "virtual.hostRefreshYears",
  });
  if (reused.hosts > 0) {
    const within = derived("reusedHostsOwned", "Reused hosts owned", "hosts", {
      kind: "within",
      of: S.hostsOwned,
      existing: reused.hosts,
    });
    derived(S.reusedHostsRunning, "Reused hosts running", "hosts", { kind: "running", of: within });
  }
  engine(S.clustersNeeded, "Clusters the year's demand needs", "clusters", years.clustersNeeded);
  derived(S.clustersOwned, "Clusters owned", "clusters", { kind: "owned", of: S.clustersNeeded });
  const newClusters =
    reused.clusters > 0
      ? derived(S.newClustersOwned, "New clusters owned", "clusters", {
          kind: "beyond",
          of: S.clustersOwned,
          existing: reused.clusters,
        })
      : S.clustersOwned;
  derived(S.clustersAdded, "Clusters added", "clusters", { kind: "added", of: newClusters });
  derived(S.clustersRunning, "Clusters running", "clusters", {
    kind: "running",
    of: S.clustersOwned,
  });
  derived(S.devicesAdded, "Devices set up (hosts + clusters' storage)", "devices", {
    kind: "sum",
    of: [S.hostsBought, S.clustersAdded],
  });
  engine(
    S.storageGiBNeeded,
    "VM storage the year's demand needs",
    "GiB",
    years.years.map((y) => placedStorageGiB(y.plan.vms))
  );
  derived(S.storageGiBOwned, "VM storage owned", "GiB", { kind: "owned", of: S.storageGiBNeeded });
  derived(S.storageGiBAdded, "VM storage added", "GiB", { kind: "added", of: S.storageGiBOwned });
  derived(S.storageGiBRunning, "VM storage running", "GiB", {
    kind: "running",
    of: S.storageGiBOwned,
  });
  return specs;
}
