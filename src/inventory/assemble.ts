/**
 * The steps every format shares once its rows are read: leave out templates, placeholders,
 * agents, disconnected, powered-off and incomplete rows (and list them); fill what the file
 * lacks from the defaults (and say so); classify the OS; make names unique; group identical
 * rows on request; total up.
 */
import { dec, ZERO, type Dec } from "../money";
import {
  INVENTORY_FIELDS,
  LIMITS,
  firstNonXmlChar,
  parseField,
  xmlSafeText,
  type Issue,
  type OsKind,
} from "../scenario";
import type { Candidate, Sourced } from "./candidate";
import { problemAt } from "./candidate";
import { placeText } from "./cells";
import { MESSAGES } from "./messages";
import { classifyOs } from "./os";
import {
  EXCLUSION_REASONS,
  suggestedBaseline,
  type Assumption,
  type ColumnUse,
  type ExcludedRow,
  type Exclusion,
  type ExclusionReason,
  type Group,
  type ImportFailure,
  type ImportOptions,
  type ImportProblem,
  type ImportResult,
  type InventoryFormat,
  type InventoryRowJson,
  type Rename,
  type ValueBasis,
} from "./types";

/** What a format reader hands to `assemble`. */
export interface ReadOutcome {
  readonly format: InventoryFormat;
  readonly formatLabel: string;
  readonly fileName: string | null;
  readonly sheets: readonly string[];
  readonly rowsRead: number;
  readonly columns: readonly ColumnUse[];
  /** Sheet-level problems (not tied to one row). */
  readonly problems: readonly ImportProblem[];
  readonly notes: readonly string[];
  readonly candidates: readonly Candidate[];
}

const MAX_NAME = 200;

/** vSphere Cluster Services agent VMs: `vCLS (1)` (7.0 U1) or `vCLS-<uuid>` (7.0 U3 and later). */
export function isVclsAgent(name: string): boolean {
  return /^vcls([^a-z0-9]|$)/i.test(name);
}

function exclusionOf(c: Candidate, includePoweredOff: boolean): ExclusionReason | null {
  if (c.template) return "template";
  if (c.srmPlaceholder) return "srm-placeholder";
  if (c.name !== null && isVclsAgent(c.name)) return "vcls";
  if (c.disconnected) return "disconnected";
  if (!includePoweredOff && c.power === "off") return "powered-off";
  if (!includePoweredOff && c.power === "suspended") return "suspended";
  if (c.incomplete.length > 0 || c.name === null || c.cores === null || c.memoryGiB === null)
    return "incomplete";
  return null;
}

interface Resolved {
  readonly c: Candidate;
  name: string;
  readonly os: OsKind;
  readonly cores: number;
  cpuGhz: Dec;
  peak: Dec;
  average: Dec;
  readonly memoryGiB: Dec;
  storageGiB: Dec | null;
  readonly bases: readonly {
    field: string;
    basis: ValueBasis;
    value: string | null;
    detail: string | null;
  }[];
}

/** Turn read rows into inventory rows and the report. */
export function assemble(read: ReadOutcome, options: ImportOptions): ImportResult {
  const includePoweredOff = options.includePoweredOff ?? false;
  const storageBasis = options.storageBasis ?? "configured";
  const defaults = {
    cpuGhz: dec(options.defaults.cpuGhz),
    peak: dec(options.defaults.peakCpuUtilization),
    average: dec(options.defaults.averageCpuUtilization),
    storageGiB: options.defaults.storageGiB === undefined ? null : dec(options.defaults.storageGiB),
  };
  const problems: ImportProblem[] = [...read.problems];
  const excluded = new Map<ExclusionReason, ExcludedRow[]>();
  const resolved: Resolved[] = [];

  for (const c of read.candidates) {
    const reason = exclusionOf(c, includePoweredOff);
    if (reason !== null) {
      const list = excluded.get(reason) ?? [];
      list.push({ name: c.name ?? `(row ${c.row})`, sheet: c.sheet, row: c.row });
      excluded.set(reason, list);
      if (reason === "incomplete") problems.push(...c.incomplete);
      continue;
    }
    const r = resolve(c, defaults, storageBasis, problems);
    const refused = withinScenarioLimits(r, defaults);
    if (refused.length > 0) {
      const list = excluded.get("incomplete") ?? [];
      list.push({ name: r.name, sheet: c.sheet, row: c.row });
      excluded.set("incomplete", list);
      problems.push(...refused);
      continue;
    }
    problems.push(...c.warnings);
    resolved.push(r);
  }

  const renamed = makeNamesUnique(resolved, problems);
  let rows: { row: InventoryRowJson; members: string[] }[] = resolved.map((r) => ({
    row: toJson(r),
    members: [r.name],
  }));
  const groups: Group[] = [];
  if (options.groupIdentical) rows = groupIdentical(rows, groups);
  const tooMany = overLimits(rows.map((r) => r.row));
  if (tooMany) return { ok: false, failure: tooMany };

  return {
    ok: true,
    rows: rows.map((r) => r.row),
    report: {
      format: read.format,
      formatLabel: read.formatLabel,
      fileName: read.fileName,
      sheets: read.sheets,
      rowsRead: read.rowsRead,
      rowsOut: rows.length,
      excluded: EXCLUSION_REASONS.filter((r) => excluded.has(r)).map((reason): Exclusion => {
        const list = excluded.get(reason) ?? [];
        return { reason, label: MESSAGES.exclusionLabel(reason), count: list.length, rows: list };
      }),
      columns: read.columns,
      assumed: [
        ...summariseAssumptions(resolved),
        ...ownedLicenceAssumption(read.format, resolved),
      ],
      renamed,
      groups,
      problems,
      notes: [...read.notes, ...measuredNotes(resolved)],
      totals: totalsOf(resolved),
    },
  };
}

/** The scenario's own check of one imported value (`parseField`): the issue, or null when it passes. */
function scenarioIssue(field: string, value: unknown): Issue | null {
  const spec = INVENTORY_FIELDS.find((f) => f.key === field);
  if (spec === undefined || value === undefined) return null;
  const issues: Issue[] = [];
  parseField(spec, value, field, issues);
  return issues[0] ?? null;
}

/**
 * The last check before a row leaves the importer: every value, converted to the scenario's
 * units, must pass the scenario's own field rules — so an import never hands over a row the
 * scenario then refuses. A value with a default (clock, CPU use, storage, power, rack units)
 * is replaced by it, with a warning at the row; a value without one (count, cores, memory)
 * keeps the row out, and the errors come back.
 */
function withinScenarioLimits(
  r: Resolved,
  defaults: { cpuGhz: Dec; peak: Dec; average: Dec; storageGiB: Dec | null }
): ImportProblem[] {
  const c = r.c;
  const at = (message: string, severity: ImportProblem["severity"]): ImportProblem =>
    problemAt(severity, c.sheet, c.row - 1, undefined, message);
  const errors: ImportProblem[] = [];
  for (const [field, label, value] of [
    ["count", "Count", c.count],
    ["cores", "CPUs", r.cores],
    ["memoryGiB", "Memory (GiB)", r.memoryGiB.toString()],
  ] as const) {
    const issue = scenarioIssue(field, value);
    if (issue) errors.push(at(MESSAGES.outOfRange(label, issue.received, issue.expected), "error"));
  }
  if (errors.length > 0) return errors;
  const replace = <K extends "cpuGhz" | "peak" | "average" | "storageGiB">(
    key: K,
    field: string,
    label: string,
    fallback: Dec | null
  ): void => {
    const value = r[key];
    const issue = value === null ? null : scenarioIssue(field, value.toString());
    if (!issue) return;
    const instead =
      fallback === null ? "the scenario default was used" : `${fallback.toString()} was used`;
    c.warnings.push(
      at(MESSAGES.outOfRangeReplaced(label, issue.received, issue.expected, instead), "warning")
    );
    (r as { -readonly [P in K]: Resolved[P] })[key] = fallback as Resolved[K];
  };
  replace("cpuGhz", "cpuGhz", "Core clock (GHz)", defaults.cpuGhz);
  replace("peak", "peakCpuUtilization", "Peak CPU", defaults.peak);
  replace("average", "averageCpuUtilization", "Average CPU", defaults.average);
  if (r.average.gt(r.peak)) r.average = r.peak;
  replace("storageGiB", "storageGiB", "Storage (GiB)", defaults.storageGiB);
  for (const [key, field, label] of [
    ["powerWatts", "powerWatts", "Power (W)"],
    ["rackUnits", "rackUnits", "Rack units"],
  ] as const) {
    const value = c[key];
    const issue =
      value === null
        ? null
        : scenarioIssue(field, typeof value === "number" ? value : value.toString());
    if (!issue) continue;
    c.warnings.push(
      at(
        MESSAGES.outOfRangeReplaced(
          label,
          issue.received,
          issue.expected,
          "the scenario default was used"
        ),
        "warning"
      )
    );
    c[key] = null;
  }
  return [];
}

/** Too many rows or servers for one scenario (`LIMITS`): the failure to report, or null. */
export function overLimits(rows: readonly InventoryRowJson[]): ImportFailure | null {
  if (rows.length > LIMITS.inventoryRows.value)
    return {
      code: "too-many-rows",
      message: MESSAGES.tooManyRows(rows.length, LIMITS.inventoryRows.value),
    };
  const servers = rows.reduce((n, r) => n + r.count, 0);
  if (servers > LIMITS.totalServers.value)
    return {
      code: "too-many-servers",
      message: MESSAGES.tooManyServers(servers, LIMITS.totalServers.value),
    };
  return null;
}

function resolve(
  c: Candidate,
  defaults: { cpuGhz: Dec; peak: Dec; average: Dec; storageGiB: Dec | null },
  storageBasis: "configured" | "in-use",
  problems: ImportProblem[]
): Resolved {
  const bases: { field: string; basis: ValueBasis; value: string | null; detail: string | null }[] =
    [];
  const note = (field: string, s: Sourced<unknown>): void => {
    if (s.basis !== "file" && s.basis !== "host-clock") {
      bases.push({ field, basis: s.basis, value: String(s.value), detail: s.detail ?? null });
    }
  };
  const cores = c.cores as Sourced<number>;
  const memoryGiB = c.memoryGiB as Sourced<Dec>;
  note("cores", cores);
  note("memoryGiB", memoryGiB);

  const cpuGhz: Sourced<Dec> = c.cpuGhz ?? { value: defaults.cpuGhz, basis: "default" };
  note("cpuGhz", cpuGhz);
  let peak: Sourced<Dec> = c.peak ?? { value: defaults.peak, basis: "default" };
  let average: Sourced<Dec> = c.average ?? { value: defaults.average, basis: "default" };
  if (average.value.gt(peak.value)) {
    if (peak.basis === "default" && average.basis !== "default") {
      peak = { value: average.value, basis: "raised-to-average" };
    } else {
      if (peak.basis === "file" && average.basis === "file") {
        problems.push(
          problemAt(
            "warning",
            c.sheet,
            c.row - 1,
            undefined,
            MESSAGES.averageAbovePeak(average.value.toString(), peak.value.toString())
          )
        );
      }
      average = { value: peak.value, basis: "capped-at-peak" };
    }
  }
  note("peakCpuUtilization", peak);
  note("averageCpuUtilization", average);

  let storage: Sourced<Dec> | null;
  if (storageBasis === "in-use" && c.inUseGiB !== null)
    storage = { value: c.inUseGiB, basis: "file" };
  else if (storageBasis === "in-use" && c.storageGiB !== null)
    storage = { value: c.storageGiB.value, basis: "configured" };
  else storage = c.storageGiB;
  if (storage === null) {
    bases.push({
      field: "storageGiB",
      basis: "default",
      value: defaults.storageGiB?.toString() ?? null,
      detail: null,
    });
  } else {
    note("storageGiB", storage);
  }

  let os: OsKind;
  if (c.os !== null) {
    os = c.os;
  } else {
    const cls = classifyOs(c.osText);
    os = cls.os;
    const where = c.osPlace ?? { sheet: c.sheet, row: c.row, column: null };
    if (cls.kind === "other")
      problems.push({
        ...where,
        severity: "warning",
        where: placeText(where),
        message: MESSAGES.osOther(c.osText ?? ""),
      });
    if (cls.kind === "windows-desktop")
      problems.push({
        ...where,
        severity: "warning",
        where: placeText(where),
        message: MESSAGES.osDesktop(c.osText ?? ""),
      });
    if (cls.kind === "unknown")
      bases.push({ field: "os", basis: "os-unknown", value: "windows", detail: null });
  }

  let name = c.name as string;
  const bad = firstNonXmlChar(name);
  if (bad) {
    name = xmlSafeText(name);
    problems.push(
      problemAt("warning", c.sheet, c.row - 1, undefined, MESSAGES.nameNotXml(name, bad.codePoint))
    );
  }
  if (name.length > MAX_NAME) {
    problems.push(
      problemAt("warning", c.sheet, c.row - 1, undefined, MESSAGES.nameTruncated(name))
    );
    name = name.slice(0, MAX_NAME).trim();
  }
  return {
    c,
    name,
    os,
    cores: cores.value,
    cpuGhz: cpuGhz.value,
    peak: peak.value,
    average: average.value,
    memoryGiB: memoryGiB.value,
    storageGiB: storage?.value ?? defaults.storageGiB,
    bases,
  };
}

/**
 * Keep every duplicate, renamed: the vCenter as a suffix when that tells it apart from the
 * first row of that name, else " (2)", " (3)" … — never a name another row already has.
 */
function makeNamesUnique(rows: Resolved[], problems: ImportProblem[]): Rename[] {
  const key = (n: string): string => n.toLowerCase();
  const taken = new Set(rows.map((r) => key(r.name)));
  const firstScope = new Map<string, string | null>();
  const renamed: Rename[] = [];
  for (const r of rows) {
    const base = r.name;
    if (!firstScope.has(key(base))) {
      firstScope.set(key(base), r.c.scope);
      continue;
    }
    const isFree = (n: string): boolean => !taken.has(key(n));
    let next =
      r.c.scope !== null && r.c.scope !== firstScope.get(key(base))
        ? `${base} (${xmlSafeText(r.c.scope)})`.slice(0, MAX_NAME)
        : "";
    for (let i = 2; next === "" || !isFree(next); i++) next = `${base} (${i})`;
    taken.add(key(next));
    r.name = next;
    renamed.push({ from: base, to: next, sheet: r.c.sheet, row: r.c.row });
    problems.push(
      problemAt("warning", r.c.sheet, r.c.row - 1, undefined, MESSAGES.duplicateName(base, next))
    );
  }
  return renamed;
}

function toJson(r: Resolved): InventoryRowJson {
  const c = r.c;
  return {
    name: r.name,
    count: c.count,
    os: r.os,
    cores: r.cores,
    cpuGhz: r.cpuGhz.toString(),
    peakCpuUtilization: r.peak.toString(),
    averageCpuUtilization: r.average.toString(),
    memoryGiB: r.memoryGiB.toString(),
    ...(r.storageGiB === null ? {} : { storageGiB: r.storageGiB.toString() }),
    ...(c.powerWatts === null ? {} : { powerWatts: c.powerWatts.toString() }),
    ...(c.rackUnits === null ? {} : { rackUnits: c.rackUnits }),
    ...(c.stayPhysical === null ? {} : { stayPhysical: c.stayPhysical }),
    ...(c.inUseGiB === null ? {} : { storageInUseGiB: c.inUseGiB.toString() }),
    ...(c.measuredCpu === null
      ? {}
      : {
          ...(c.measuredCpu.percentile === null
            ? {}
            : { measuredPercentile: c.measuredCpu.percentile }),
          measuredCpuUtilization: c.measuredCpu.value.toString(),
        }),
    ...(c.measuredCpu === null || c.measuredMemoryGiB === null
      ? {}
      : { measuredMemoryGiB: c.measuredMemoryGiB.toString() }),
    ...(c.diskMBps === null ? {} : { averageDiskMBps: c.diskMBps.toString() }),
    ...(c.networkMBps === null ? {} : { averageNetworkMBps: c.networkMBps.toString() }),
  };
}

/** Every field of a row but its name and count, as a comparable key. */
function identityKey(row: InventoryRowJson): string {
  return JSON.stringify(Object.entries(row).filter(([k]) => k !== "name" && k !== "count"));
}

/** Merge rows equal in every field but name and count; the group takes the first member's name. */
function groupIdentical(
  rows: { row: InventoryRowJson; members: string[] }[],
  groups: Group[]
): { row: InventoryRowJson; members: string[] }[] {
  const byKey = new Map<string, { row: InventoryRowJson; members: string[] }>();
  const order: string[] = [];
  for (const r of rows) {
    const k = identityKey(r.row);
    const g = byKey.get(k);
    if (g) {
      g.row = { ...g.row, count: g.row.count + r.row.count };
      g.members.push(...r.members);
    } else {
      byKey.set(k, { row: r.row, members: [...r.members] });
      order.push(k);
    }
  }
  const out = order.map((k) => byKey.get(k) as { row: InventoryRowJson; members: string[] });
  const names = new Set(out.map((g) => g.row.name.toLowerCase()));
  for (const g of out) {
    if (g.members.length < 2) continue;
    const first = g.row.name;
    let name = `${first} (+${g.members.length - 1} identical)`;
    for (let i = 2; names.has(name.toLowerCase()); i++)
      name = `${first} (+${g.members.length - 1} identical, ${i})`;
    names.add(name.toLowerCase());
    g.row = { ...g.row, name };
    groups.push({ name, count: g.row.count, members: g.members });
  }
  return out;
}

function summariseAssumptions(rows: readonly Resolved[]): Assumption[] {
  const acc = new Map<
    string,
    { field: string; basis: ValueBasis; count: number; values: Set<string>; details: string[] }
  >();
  for (const r of rows) {
    for (const b of r.bases) {
      const k = `${b.field}|${b.basis}`;
      const a = acc.get(k) ?? {
        field: b.field,
        basis: b.basis,
        count: 0,
        values: new Set<string>(),
        details: [],
      };
      a.count += r.c.count;
      a.values.add(b.value ?? "");
      if (b.detail !== null && !a.details.includes(b.detail)) a.details.push(b.detail);
      acc.set(k, a);
    }
  }
  return [...acc.values()].map((a) => {
    const only = a.values.size === 1 ? ([...a.values][0] as string) : null;
    const value = only === "" ? null : only;
    const detail =
      a.details.length === 0
        ? null
        : a.details.length > 6
          ? `${a.details.slice(0, 6).join("; ")}; …`
          : a.details.join("; ");
    return {
      field: a.field,
      basis: a.basis,
      count: a.count,
      value,
      message: MESSAGES.assumed(a.field, a.basis, a.count, value, detail),
    };
  });
}

/**
 * Exports of VMs on VMware lead to a business case that reuses owned Windows licences, and the
 * file holds none: the import says so instead of assuming ownership (licensing.owned stays 0).
 */
function ownedLicenceAssumption(format: InventoryFormat, rows: readonly Resolved[]): Assumption[] {
  if (suggestedBaseline(format) === "physical") return [];
  const windows = rows.filter((r) => r.os === "windows").reduce((n, r) => n + r.c.count, 0);
  return [
    {
      field: "licensing.owned",
      basis: "not-in-file",
      count: windows,
      value: "0",
      message: MESSAGES.assumed("licensing.owned", "not-in-file", windows, "0", null),
    },
  ];
}

function totalsOf(rows: readonly Resolved[]): {
  servers: number;
  cores: number;
  memoryGiB: string;
  storageGiB: string;
  configuredStorageGiB: string | null;
  inUseStorageGiB: string | null;
} {
  let servers = 0;
  let cores = 0;
  let memory = ZERO;
  let storage = ZERO;
  let configured: Dec | null = null;
  let inUse: Dec | null = null;
  for (const r of rows) {
    const n = r.c.count;
    servers += n;
    cores += r.cores * n;
    memory = memory.plus(r.memoryGiB.times(n));
    if (r.storageGiB !== null) storage = storage.plus(r.storageGiB.times(n));
    if (r.c.storageGiB !== null)
      configured = (configured ?? ZERO).plus(r.c.storageGiB.value.times(n));
    if (r.c.inUseGiB !== null) inUse = (inUse ?? ZERO).plus(r.c.inUseGiB.times(n));
  }
  return {
    servers,
    cores,
    memoryGiB: memory.toString(),
    storageGiB: storage.toString(),
    configuredStorageGiB: configured === null ? null : configured.toString(),
    inUseStorageGiB: inUse === null ? null : inUse.toString(),
  };
}

/**
 * Which servers carry measured use and which statistic it is ("say which per server"): the
 * engine sizes those on it × the comfort factor, the others on their peak-utilisation inputs.
 */
function measuredNotes(rows: readonly Resolved[]): string[] {
  let all = 0;
  const by = new Map<string, number>();
  for (const r of rows) {
    all += r.c.count;
    const m = r.c.measuredCpu;
    if (m === null) continue;
    const key = m.percentile ?? "measured";
    by.set(key, (by.get(key) ?? 0) + r.c.count);
  }
  if (by.size === 0) return [];
  const measured = [...by.values()].reduce((a, b) => a + b, 0);
  return [MESSAGES.measuredSizing([...by.entries()], measured, all)];
}
