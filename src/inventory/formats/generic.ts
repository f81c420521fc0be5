/**
 * Our own columns (the `TCO Inventory` table: INVENTORY_FIELDS keys or labels, values in the
 * scenario's units) and any other sheet read through a column mapping — `suggestMapping`
 * pre-fills it by header name; `importWithMapping` reads the sheet with it.
 */
import { Dec } from "../../money";
import { INVENTORY_FIELDS, PERCENTILES, type Percentile } from "../../scenario";
import { assemble, type ReadOutcome } from "../assemble";
import {
  boolAt,
  newCandidate,
  numberAt,
  optionalNumber,
  warnInvalid,
  readName,
  readPowerState,
  requiredNumber,
  RULES,
  textAt,
  type Candidate,
} from "../candidate";
import {
  cellPlace,
  cellText,
  compactHeader,
  findHeaderRow,
  type ColumnRef,
  type HeaderIndex,
} from "../cells";
import { dataRows, locateSheet, used, type Aliases } from "../locate";
import { choosePercentile, percentileColumns, percentileOfHeader } from "../percentiles";
import { MESSAGES } from "../messages";
import { MAPPING_ALIASES, OWN_COLUMNS } from "./mappingAliases";

export { MAPPING_ALIASES, OWN_COLUMNS };
import {
  MAPPABLE_FIELDS,
  type CellValue,
  type ColumnMapping,
  type ColumnUse,
  type ImportOptions,
  type ImportResult,
  type MappableField,
  type MappingUnits,
  type SheetData,
  type WorkbookData,
} from "../types";

const own = (key: string): Aliases => OWN_COLUMNS[key] ?? [key];

export function isOwnFormat(index: HeaderIndex): boolean {
  return (
    index.get(own("name")) !== undefined &&
    index.get(own("cores")) !== undefined &&
    index.get(own("memoryGiB")) !== undefined
  );
}

export function locateOwnFormat(wb: WorkbookData): HeaderIndex | null {
  return locateSheet(wb, ["TCO Inventory"], isOwnFormat);
}

/**
 * Pre-fill a column mapping from a header row: each field gets the header that matches one
 * of its names best (exactly, then ignoring a unit in brackets, then containing it); each
 * header is used at most once; fields with no match get null.
 */
export function suggestMapping(headers: readonly CellValue[]): ColumnMapping {
  const texts = [...new Set(headers.map((h) => cellText(h)).filter((h) => h !== ""))];
  const scored: { field: MappableField; header: string; score: number }[] = [];
  for (const header of texts) {
    const full = compactHeader(header);
    const bare = compactHeader(header.replace(/\([^)]*\)/g, ""));
    for (const field of MAPPABLE_FIELDS) {
      let best = 0;
      MAPPING_ALIASES[field].forEach((alias, i) => {
        const a = compactHeader(alias);
        if (a === "") return;
        if (full === a) best = Math.max(best, 1000 - i);
        else if (bare === a) best = Math.max(best, 800 - i);
        else if (a.length >= 3 && full.includes(a)) best = Math.max(best, 100 + a.length);
      });
      if (best > 0) scored.push({ field, header, score: best });
    }
  }
  scored.sort(
    (a, b) =>
      b.score - a.score || MAPPABLE_FIELDS.indexOf(a.field) - MAPPABLE_FIELDS.indexOf(b.field)
  );
  const mapping = Object.fromEntries(MAPPABLE_FIELDS.map((f) => [f, null])) as Record<
    MappableField,
    string | null
  >;
  const taken = new Set<string>();
  for (const s of scored) {
    if (mapping[s.field] !== null || taken.has(s.header)) continue;
    mapping[s.field] = s.header;
    taken.add(s.header);
  }
  return mapping;
}

type SizeUnit = MappingUnits["memory"];

function sizeUnitOf(header: string | null, fallback: SizeUnit): SizeUnit {
  const h = (header ?? "").toLowerCase();
  if (/\bbytes?\b/.test(h)) return "bytes";
  if (/\b(kib|kb)\b/.test(h)) return "KiB";
  if (/\b(mib|mb)\b/.test(h)) return "MiB";
  if (/\b(tib|tb)\b/.test(h)) return "TiB";
  if (/\b(gib|gb)\b/.test(h)) return "GiB";
  return fallback;
}

/** Units implied by the mapped headers ("Memory (MB)" → MiB, "CPU MHz" → MHz, "Peak CPU %" → percent). */
export function unitsFromMapping(mapping: ColumnMapping): MappingUnits {
  const clock = (mapping.cpuGhz ?? "").toLowerCase();
  const util =
    `${mapping.peakCpuUtilization ?? ""} ${mapping.averageCpuUtilization ?? ""}`.toLowerCase();
  return {
    memory: sizeUnitOf(mapping.memoryGiB, "GiB"),
    storage: sizeUnitOf(mapping.storageGiB, "GiB"),
    clock: /mhz/.test(clock) ? "MHz" : /ghz/.test(clock) ? "GHz" : "auto",
    utilization: /%|percent|pct/.test(util) ? "percent" : "auto",
  };
}

const TO_GIB: Readonly<Record<SizeUnit, (d: Dec) => Dec>> = {
  GiB: (d) => d,
  MiB: (d) => d.div(1024),
  KiB: (d) => d.div(1024 * 1024),
  TiB: (d) => d.times(1024),
  bytes: (d) => d.div(1024 * 1024 * 1024),
};

type Columns = Readonly<Record<MappableField, ColumnRef | undefined>>;

/** Read every data row of a sheet through resolved columns and units (`measured`: percentile columns found by header). */
function readMappedRows(
  index: HeaderIndex,
  col: Columns,
  units: MappingUnits,
  measured: MeasuredColumns | null = null
): Candidate[] {
  const sheet = index.sheet;
  const ratio = (
    c: Candidate,
    r: number,
    column: ColumnRef | undefined,
    label: string
  ): { value: Dec; basis: "file" | "percent-read" } | null => {
    const cell = numberAt(sheet, r, column);
    if (cell.kind === "empty") return null;
    const rule = {
      label,
      expected:
        units.utilization === "fraction"
          ? "a fraction from 0 to 1"
          : "a fraction from 0 to 1 or a percentage",
    };
    if (cell.kind === "invalid") {
      warnInvalid(
        c,
        sheet.name,
        r,
        column,
        rule.label,
        cell.text,
        rule.expected,
        "the default was used"
      );
      return null;
    }
    const percent =
      cell.percent ||
      units.utilization === "percent" ||
      (units.utilization === "auto" && cell.value.gt(1));
    const value = percent ? cell.value.div(100) : cell.value;
    if (value.lt(0) || value.gt(1)) {
      warnInvalid(
        c,
        sheet.name,
        r,
        column,
        rule.label,
        textAt(sheet, r, column),
        rule.expected,
        "the default was used"
      );
      return null;
    }
    return {
      value,
      basis: percent && !cell.percent && units.utilization === "auto" ? "percent-read" : "file",
    };
  };

  return dataRows(index).map((r) => {
    const c = newCandidate(sheet.name, r + 1);
    c.name = readName(c, sheet, r, col.name);
    const count = optionalNumber(c, sheet, r, col.count, RULES.count, "1 was used");
    if (count !== null) c.count = count.toNumber();
    const osText = textAt(sheet, r, col.os);
    if (/^(windows|linux)$/i.test(osText)) c.os = osText.toLowerCase() as "windows" | "linux";
    else if (osText !== "") {
      c.osText = osText;
      c.osPlace = cellPlace(sheet.name, r, col.os);
    }
    const cores = requiredNumber(c, sheet, r, col.cores, {
      ...RULES.cores,
      label: col.cores?.header ?? "Cores",
    });
    if (cores !== null) c.cores = { value: cores.toNumber(), basis: "file" };
    const memory = requiredNumber(
      c,
      sheet,
      r,
      col.memoryGiB,
      RULES.positive(col.memoryGiB?.header ?? "RAM")
    );
    if (memory !== null) c.memoryGiB = { value: TO_GIB[units.memory](memory), basis: "file" };
    const storage = optionalNumber(
      c,
      sheet,
      r,
      col.storageGiB,
      RULES.nonNegative(col.storageGiB?.header ?? "Storage"),
      "the default storage was used"
    );
    if (storage !== null) c.storageGiB = { value: TO_GIB[units.storage](storage), basis: "file" };

    const clock = optionalNumber(
      c,
      sheet,
      r,
      col.cpuGhz,
      RULES.positive(col.cpuGhz?.header ?? "Core clock"),
      "the default clock was used"
    );
    if (clock !== null) {
      const mhz = units.clock === "MHz" || (units.clock === "auto" && clock.gt(20));
      const ghz = mhz ? clock.div(1000) : clock;
      if (RULES.ghz("").valid(ghz))
        c.cpuGhz = { value: ghz, basis: mhz && units.clock === "auto" ? "mhz-read" : "file" };
      else
        warnInvalid(
          c,
          sheet.name,
          r,
          col.cpuGhz,
          col.cpuGhz?.header ?? "Core clock",
          clock.toString(),
          "a clock above 0 and at most 10 GHz",
          "the default clock was used"
        );
    }
    const peak = ratio(c, r, col.peakCpuUtilization, col.peakCpuUtilization?.header ?? "Peak CPU");
    if (peak) c.peak = peak;
    const avg = ratio(
      c,
      r,
      col.averageCpuUtilization,
      col.averageCpuUtilization?.header ?? "Average CPU"
    );
    if (avg) c.average = avg;
    const watts = optionalNumber(
      c,
      sheet,
      r,
      col.powerWatts,
      RULES.nonNegative(col.powerWatts?.header ?? "Power"),
      "the default power was used"
    );
    if (watts !== null) c.powerWatts = watts;
    const ru = optionalNumber(
      c,
      sheet,
      r,
      col.rackUnits,
      RULES.rackUnits,
      "the default rack units were used"
    );
    if (ru !== null) c.rackUnits = ru.toNumber();
    const stay = boolAt(sheet, r, col.stayPhysical);
    if (stay !== null) c.stayPhysical = stay;
    else if (textAt(sheet, r, col.stayPhysical) !== "") {
      warnInvalid(
        c,
        sheet.name,
        r,
        col.stayPhysical,
        col.stayPhysical?.header ?? "Stay physical",
        textAt(sheet, r, col.stayPhysical),
        "true or false",
        "false was used"
      );
    }
    if (col.powerState) c.power = readPowerState(c, sheet, r, col.powerState);
    const inUse = optionalNumber(
      c,
      sheet,
      r,
      col.storageInUseGiB,
      RULES.nonNegative(col.storageInUseGiB?.header ?? "Storage in use"),
      "no in-use figure was taken"
    );
    if (inUse !== null) c.inUseGiB = TO_GIB[units.storage](inUse);
    // Measured use: the chosen percentile's columns (or the named ones), as a fraction and GiB.
    const cpuCol = measured?.cpu ?? col.measuredCpuUtilization;
    const cpu = ratio(c, r, cpuCol, cpuCol?.header ?? "Measured CPU");
    if (cpu) {
      const stated = textAt(sheet, r, col.measuredPercentile).toLowerCase();
      const percentile = (PERCENTILES as readonly string[]).includes(stated)
        ? (stated as Percentile)
        : (measured?.percentile ?? (cpuCol ? percentileOfHeader(cpuCol.header) : null));
      c.measuredCpu = { value: cpu.value, percentile };
      const memCol = measured?.memory ?? col.measuredMemoryGiB;
      const mem = optionalNumber(
        c,
        sheet,
        r,
        memCol,
        RULES.nonNegative(memCol?.header ?? "Measured RAM"),
        "the configured RAM is used"
      );
      if (mem !== null)
        c.measuredMemoryGiB = TO_GIB[sizeUnitOf(memCol?.header ?? null, "GiB")](mem);
    }
    for (const [key, column] of [
      ["diskMBps", col.averageDiskMBps],
      ["networkMBps", col.averageNetworkMBps],
    ] as const) {
      const v = optionalNumber(
        c,
        sheet,
        r,
        column,
        RULES.nonNegative(column?.header ?? key),
        "it was left out"
      );
      if (v !== null) c[key] = v;
    }
    return c;
  });
}

/** The columns of the chosen percentile of CPU and memory use, when a sheet has percentile columns. */
interface MeasuredColumns {
  readonly percentile: Percentile;
  readonly cpu: ColumnRef;
  readonly memory: ColumnRef | undefined;
}

/** The percentile columns to size on (`wanted`, else the nearest the sheet has), and a note when it is not `wanted`. */
function measuredColumns(
  index: HeaderIndex,
  wanted: Percentile,
  inputs: readonly (ColumnRef | undefined)[]
): { readonly columns: MeasuredColumns | null; readonly notes: string[] } {
  const cpu = percentileColumns(index, "cpu", inputs);
  const chosen = choosePercentile(cpu, wanted);
  if (chosen === null) return { columns: null, notes: [] };
  const memory = percentileColumns(index, "memory");
  return {
    columns: { percentile: chosen, cpu: cpu.get(chosen)!, memory: memory.get(chosen) },
    notes: chosen === wanted ? [] : [MESSAGES.percentileFallback(wanted, chosen)],
  };
}

function columnsUsed(index: HeaderIndex, col: Columns): ColumnUse[] {
  return MAPPABLE_FIELDS.flatMap((f) => used(f, index, col[f]));
}

/**
 * Read a sheet with our own column names (values in the scenario's units). Columns of CPU and
 * memory use by percentile ("CPU p95 %", "CPU max %", "RAM p95 (GiB)") are read as measured
 * use at the chosen percentile (`options.percentile`, p95 by default) unless the sheet has our
 * own measured columns.
 */
export function readOwnFormat(
  _wb: WorkbookData,
  index: HeaderIndex,
  options?: ImportOptions
): ReadOutcome {
  const col = Object.fromEntries(
    MAPPABLE_FIELDS.map((f) => [
      f,
      f === "powerState" ? index.get(MAPPING_ALIASES.powerState) : index.get(own(f)),
    ])
  ) as Record<MappableField, ColumnRef | undefined>;
  const units: MappingUnits = { memory: "GiB", storage: "GiB", clock: "GHz", utilization: "auto" };
  const rows = dataRows(index);
  const found =
    col.measuredCpuUtilization === undefined
      ? measuredColumns(index, options?.percentile ?? "p95", [
          col.peakCpuUtilization,
          col.averageCpuUtilization,
          col.memoryGiB,
        ])
      : { columns: null, notes: [] };
  const m = found.columns;
  return {
    format: "generic-csv",
    formatLabel: "Inventory in this add-in's columns (TCO Inventory)",
    fileName: null,
    sheets: [index.sheet.name],
    rowsRead: rows.length,
    columns: [
      ...columnsUsed(index, col),
      ...(m
        ? [
            ...used("measuredCpuUtilization", index, m.cpu),
            ...used("measuredMemoryGiB", index, m.memory),
          ]
        : []),
    ],
    problems: [],
    notes: found.notes,
    candidates: readMappedRows(index, col, units, m),
  };
}
/**
 * Import a sheet through a column mapping (for exports the importer does not recognise).
 * The header row is the first row holding every mapped header; units come from the headers
 * (`unitsFromMapping`) unless `options.units` overrides them.
 */
export function importWithMapping(
  sheet: SheetData,
  mapping: ColumnMapping,
  options: ImportOptions & { readonly units?: Partial<MappingUnits>; readonly fileName?: string }
): ImportResult {
  const missing = (["name", "cores", "memoryGiB"] as const).filter(
    (f) => mapping[f] === null || mapping[f] === ""
  );
  if (missing.length > 0) {
    const labels = missing.map((f) => INVENTORY_FIELDS.find((x) => x.key === f)?.label ?? f);
    return {
      ok: false,
      failure: { code: "missing-columns", message: MESSAGES.mappingNeedsColumns(labels) },
    };
  }
  const mapped = MAPPABLE_FIELDS.map((f) => mapping[f]).filter(
    (h): h is string => h !== null && h !== ""
  );
  const index = findHeaderRow(sheet, (i) => mapped.every((h) => i.get([h]) !== undefined));
  if (index === null)
    return {
      ok: false,
      failure: {
        code: "no-known-header",
        message: MESSAGES.mappingHeaderNotFound(sheet.name, mapped),
      },
    };
  const rows = dataRows(index);
  if (rows.length === 0)
    return {
      ok: false,
      failure: { code: "no-data-rows", message: MESSAGES.noDataRows(sheet.name, "mapped") },
    };
  const col = Object.fromEntries(
    MAPPABLE_FIELDS.map((f) => [f, mapping[f] ? index.get([mapping[f] as string]) : undefined])
  ) as Record<MappableField, ColumnRef | undefined>;
  const units: MappingUnits = { ...unitsFromMapping(mapping), ...options.units };
  const read: ReadOutcome = {
    format: "mapped",
    formatLabel: `Columns mapped by hand (sheet '${sheet.name}')`,
    fileName: options.fileName ?? null,
    sheets: [sheet.name],
    rowsRead: rows.length,
    columns: columnsUsed(index, col),
    problems: [],
    notes: [
      MESSAGES.mappedUnits(
        units.memory,
        units.storage,
        units.clock === "auto" ? "GHz (MHz above 20)" : units.clock,
        units.utilization === "auto" ? "fractions (percent above 1)" : units.utilization
      ),
    ],
    candidates: readMappedRows(index, col, units),
  };
  return assemble(read, options);
}
