/**
 * The assumptions register: what a finance reviewer must check before signing — every input
 * that differs from its default, every value an importer assumed or estimated, and every
 * price whose default has no firm source (an assumption, a secondary or unverified quote).
 * A pure function returning plain rows: the workbook's `TCO Assumptions` sheet, `evaluate`
 * and the task pane render the same rows.
 */
import { Dec, formatDecimal } from "../money";
import {
  DEFAULT_SOURCES,
  HOST_CATALOG_2026,
  LICENCE_PRICES,
  SECTIONS,
  TOP_FIELDS,
  type FieldSpec,
  type ImportedAssumption,
  type Scenario,
  type ScenarioSections,
} from "../scenario";

export type AssumptionKind = "changed" | "imported" | "uncertain";

/** One row of the register. */
export interface AssumptionRow {
  readonly kind: AssumptionKind;
  /** JSON path of the input (`housing.pue`), or `inventory[*].cpuGhz` for an imported value. */
  readonly path: string;
  /** What it is, in words. */
  readonly label: string;
  /** The value the business case uses, as a person reads it. */
  readonly value: string;
  /** The default it replaces (changed inputs), else null. */
  readonly defaultValue: string | null;
  /** Where the value comes from, or what the importer did. */
  readonly source: string;
}

/** Words in a default's source that mark it as uncertain (DEFAULT_SOURCES, LICENCE_PRICES). */
const UNCERTAIN = /assum|unverified|secondary|derived|widely quoted|conflict/i;

/** Licence prices whose source is their platform's LICENCE_PRICES row. */
const LICENCE_PRICE_PATHS = new Set([
  "licensing.prices.guestOsPerVm",
  "licensing.prices.standard",
  "licensing.prices.enterprise",
  "licensing.prices.datacenter",
  "licensing.prices.vsphere",
]);

/**
 * Inputs that only the named paths use: with none of them compared (as an option or as the
 * baseline) an uncertain default is nothing to check — a 2010 case lists no VCF price.
 */
const USED_ONLY_BY: Readonly<Record<string, readonly string[]>> = {
  "licensing.prices.vsphere": ["vsphere"],
  "licensing.vsphereSupportRate": ["vsphere"],
  "licensing.prices.vcf": ["vcf"],
  "licensing.prices.vvf": ["vvf"],
  "licensing.prices.vsanPerTiB": ["vcf", "vvf"],
  "licensing.vmware.lateRenewalPenalty": ["vcf", "vvf"],
  "licensing.prices.windowsPayg": ["windows-payg"],
  "licensing.prices.azureLocalHost": ["azure-local"],
  "licensing.prices.azureLocalWindows": ["azure-local"],
};

function comparedPaths(scenario: Scenario): ReadonlySet<string> {
  return new Set<string>([...scenario.licensing.options, scenario.finance.baseline]);
}

/** What the register says for each kind, and the order it lists them in. */
export const ASSUMPTION_KINDS: Readonly<Record<AssumptionKind, string>> = {
  changed: "Changed from the default",
  imported: "Assumed by the import",
  uncertain: "Uncertain default price",
};

function valueAt(root: unknown, path: string): unknown {
  let cur: unknown = root;
  for (const part of path.split(".")) cur = (cur as Record<string, unknown> | undefined)?.[part];
  return cur;
}

/** A value as the register shows it: ratios as percentages, money with its currency. */
function display(field: FieldSpec, value: unknown, currency: string): string {
  if (value === undefined || value === null) return "";
  if (Array.isArray(value)) return value.join(", ");
  if (field.kind === "ratio") return `${formatDecimal(new Dec(String(value)).times(100), 2)} %`;
  if (field.kind === "money") return `${formatDecimal(String(value), 4)} ${currency}`;
  if (value instanceof Dec || field.kind === "decimal") return formatDecimal(String(value), 4);
  return String(value);
}

function same(a: unknown, b: unknown): boolean {
  if (Array.isArray(a) || Array.isArray(b))
    return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
  if (a instanceof Dec || b instanceof Dec) {
    try {
      return new Dec(String(a)).equals(new Dec(String(b)));
    } catch {
      return false;
    }
  }
  return a === b;
}

/**
 * The register of `scenario`: changed inputs first (against `defaults`, the platform's default
 * sections), then what the importer assumed (`imported`), then uncertain default prices.
 */
export function assumptionsRegister(
  scenario: Scenario,
  imported: readonly ImportedAssumption[],
  defaults: ScenarioSections
): AssumptionRow[] {
  const changed: AssumptionRow[] = [];
  const uncertain: AssumptionRow[] = [];
  const fields: { path: string; field: FieldSpec; fallback: unknown }[] = [
    ...TOP_FIELDS.filter((f) => f.key === "currency" || f.key === "platform").map((f) => ({
      path: f.key,
      field: f,
      fallback: f.key === "currency" ? "USD" : undefined,
    })),
    ...SECTIONS.flatMap((s) =>
      s.fields.map((f) => ({
        path: `${s.key}.${f.key}`,
        field: f,
        fallback: valueAt(defaults[s.key], f.key),
      }))
    ),
  ];
  const compared = comparedPaths(scenario);
  const inUse = (path: string): boolean =>
    USED_ONLY_BY[path]?.some((id) => compared.has(id)) ?? true;
  for (const { path, field, fallback } of fields) {
    if (fallback === undefined) continue;
    const value = valueAt(scenario, path);
    const source = LICENCE_PRICE_PATHS.has(path)
      ? LICENCE_PRICES[scenario.platform].source
      : (DEFAULT_SOURCES[path] ?? "");
    if (!same(value, fallback)) {
      changed.push({
        kind: "changed",
        path,
        label: field.label,
        value: display(field, value, scenario.currency),
        defaultValue: display(field, fallback, scenario.currency),
        source: `Entered for this scenario (the default's source: ${source})`,
      });
    } else if (
      (field.kind === "money" || (field.kind === "ratio" && path.startsWith("licensing."))) &&
      UNCERTAIN.test(source) &&
      inUse(path) &&
      // A zero price is an option switched off (Enterprise after 2008 R2, no SA): nothing to check.
      !new Dec(String(value)).isZero()
    ) {
      uncertain.push({
        kind: "uncertain",
        path,
        label: field.label,
        value: display(field, value, scenario.currency),
        defaultValue: null,
        source,
      });
    }
  }
  // Candidate hosts: a catalog node's price is indicative (uncertain); any other was entered.
  (scenario.hostOptions ?? []).forEach((h, i) => {
    const node = HOST_CATALOG_2026.find(
      (c) => c.option["name"] === h.name && h.price.equals(String(c.option["price"]))
    );
    const row = {
      path: `hostOptions[${i}].price`,
      label: `Candidate host price: ${h.name}`,
      value: `${formatDecimal(h.price.toString(), 4)} ${scenario.currency}`,
      defaultValue: null,
    };
    if (node) uncertain.push({ ...row, kind: "uncertain", source: node.source });
    else
      changed.push({ ...row, kind: "changed", source: "Entered for this scenario (hostOptions)" });
  });
  const fromImport: AssumptionRow[] = imported.map((a) => ({
    kind: "imported",
    path: `inventory[*].${a.field}`,
    label: `${a.field}, ${a.count} server${a.count === 1 ? "" : "s"}`,
    value:
      a.value === null
        ? "varies"
        : /^-?\d+(\.\d+)?$/.test(a.value)
          ? formatDecimal(a.value, 2)
          : a.value,
    defaultValue: null,
    source: a.message,
  }));
  return [...changed, ...fromImport, ...uncertain];
}
