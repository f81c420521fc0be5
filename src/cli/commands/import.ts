/**
 * `hyperv-tco import FILE… [--include-powered-off] [--platform ws2022] [--group] [--storage configured|in-use] [--percentile p95]`:
 * print a complete scenario (defaults plus the imported inventory) on stdout and the import
 * report on stderr. A file that cannot be imported: one message on stderr, nothing on stdout,
 * exit 2; a file that is missing, unreadable or larger than `LIMITS.importFileBytes`: exit 3.
 */
import {
  formatImportReport,
  importDefaultsFrom,
  importInventory,
  INVENTORY_MESSAGES,
  readInventoryFiles,
  suggestedBaseline,
  type InventoryFile,
  type StorageBasis,
} from "../../inventory";
import { isPlatformId, PLATFORM_IDS } from "../../platform";
import {
  PERCENTILES,
  type Percentile,
  DEFAULT_PLATFORM,
  LIMITS,
  defaultScenarioJson,
  hostCatalogOptions,
  defaultSections,
  parseScenario,
  xmlSafeText,
} from "../../scenario";
import { EXIT, parseArgs, type CliIo } from "../io";
import { formatIssues, readInputFile } from "../scenarioFile";

const USAGE = `Usage: hyperv-tco import INVENTORY.xlsx|.csv [MORE.csv …] [--include-powered-off] [--group] [--platform ${PLATFORM_IDS.join("|")}] [--storage configured|in-use] [--percentile ${PERCENTILES.join("|")}] [--host-catalog]\n`;

export async function runImport(args: readonly string[], io: CliIo): Promise<number> {
  const { positional, values, switches, unknown } = parseArgs(
    args,
    ["--platform", "--storage", "--percentile"],
    ["--include-powered-off", "--group", "--host-catalog"]
  );
  if (unknown.length > 0 || positional.length === 0) {
    io.err(`${unknown.length > 0 ? `import: ${unknown.join("; ")}\n` : ""}${USAGE}`);
    return EXIT.usage;
  }
  const platform = values["--platform"] ?? DEFAULT_PLATFORM;
  if (!isPlatformId(platform)) {
    io.err(`import: --platform must be one of ${PLATFORM_IDS.join(", ")} (got "${platform}").\n`);
    return EXIT.usage;
  }
  const storage = values["--storage"] ?? "configured";
  if (storage !== "configured" && storage !== "in-use") {
    io.err(`import: --storage must be configured or in-use (got "${storage}").\n`);
    return EXIT.usage;
  }

  const percentile = values["--percentile"] ?? "p95";
  if (!(PERCENTILES as readonly string[]).includes(percentile)) {
    io.err(
      `import: --percentile must be one of ${PERCENTILES.join(", ")} (got "${percentile}").\n`
    );
    return EXIT.usage;
  }

  const files: InventoryFile[] = [];
  for (const path of positional) {
    const bytes = readInputFile(io, path, LIMITS.importFileBytes.value, "inventory export");
    if (!bytes.ok) {
      io.err(`${bytes.problem}\n`);
      return EXIT.file;
    }
    files.push({ bytes: bytes.bytes, name: path });
  }
  const label = positional.join(", ");
  const read = await readInventoryFiles(files);
  if (!read.ok) {
    io.err(`${label}: ${read.failure.message}\n`);
    return EXIT.invalid;
  }

  const sections = defaultSections(platform);
  const result = importInventory(read.workbook, {
    includePoweredOff: switches.has("--include-powered-off"),
    groupIdentical: switches.has("--group"),
    storageBasis: storage as StorageBasis,
    percentile: percentile as Percentile,
    defaults: importDefaultsFrom(sections),
  });
  if (!result.ok) {
    io.err(`${label}: ${result.failure.message}\n`);
    return EXIT.invalid;
  }
  io.err(formatImportReport(result.report));
  if (result.rows.length === 0) {
    const off = result.report.excluded
      .filter((e) => e.reason === "powered-off" || e.reason === "suspended")
      .reduce((n, e) => n + e.count, 0);
    io.err(`${INVENTORY_MESSAGES.nothingImported(INVENTORY_MESSAGES.nothingImportedHint(off))}\n`);
    return EXIT.invalid;
  }

  const base = defaultScenarioJson(platform, result.rows, io.today?.() ?? new Date());
  const scenario = {
    ...base,
    name: xmlSafeText(`Imported from ${read.workbook.fileName ?? label}`.slice(0, 200)),
    // VMs exported from vCenter are already virtual: the case is staying on VMware or moving.
    finance: {
      ...(base["finance"] as object),
      baseline: suggestedBaseline(result.report.format, platform),
    },
    // Which host to buy: the 2026 node catalog as candidates, when asked for.
    ...(switches.has("--host-catalog") ? { hostOptions: hostCatalogOptions() } : {}),
    // What the importer assumed travels with the scenario into evaluate's assumptions register.
    imported: {
      file: read.workbook.fileName ?? label,
      format: result.report.formatLabel,
      assumptions: result.report.assumed.map((a) => ({
        field: a.field,
        basis: a.basis,
        count: a.count,
        value: a.value,
        message: a.message,
      })),
    },
  };
  const check = parseScenario(scenario);
  if (!check.ok) {
    // The importer promises valid rows; if one slips through, say so rather than print a broken scenario.
    io.err(
      `import: the imported scenario is not valid (please report this):\n${formatIssues(check.issues)}`
    );
    return EXIT.invalid;
  }
  io.out(`${JSON.stringify(scenario, null, 2)}\n`);
  return EXIT.ok;
}
