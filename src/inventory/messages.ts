/** Every text the inventory importer shows a user, in one place (tests pin them). */
import { formatDecimal } from "../money";
import { byteSize } from "../scenario";
import type { ExclusionReason, ValueBasis } from "./types";

const NUMERIC = /^-?\d+(\.\d+)?$/;

const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;
const quoteList = (items: readonly string[]): string => items.map((i) => `'${i}'`).join(", ");

export const MESSAGES = {
  // ── whole-file failures (one message each; nothing is imported) ──
  emptyFile: (file: string) =>
    `${file} is empty (0 bytes). Export the inventory again and import the new file.`,
  notASpreadsheet: (file: string, what: string | null) =>
    `${file} is not a spreadsheet${what ? ` (it is ${what})` : ""}. Import an RVTools, Azure Migrate, Live Optics or MAP export saved as .xlsx or .csv.`,
  encrypted:
    "This workbook is password-protected (encrypted). Open it in Excel, remove the password (File › Info › Protect Workbook), save, and import again.",
  legacyXls: (file: string) =>
    `${file} is a legacy Excel 97–2003 workbook (.xls), which cannot be read here. Open it in Excel, save as .xlsx (File › Save As › Excel Workbook), and import again.`,
  openDocument: (file: string) =>
    `${file} is an OpenDocument spreadsheet (.ods). Open it in Excel or LibreOffice, save as .xlsx or CSV, and import again.`,
  damaged: (file: string, detail: string) =>
    `${file} looks like an .xlsx workbook but cannot be read (${detail}). Open it in Excel, save it again as .xlsx, and import the new file.`,
  damagedZip: "its ZIP structure is broken",
  damagedContent: "its contents are damaged or not what Excel writes",
  damagedNoSheets: "it has no worksheets",
  fileTooLarge: (file: string, limitBytes: number) =>
    `${file} is larger than ${byteSize(limitBytes)}, more than any inventory export this tool reads. Export only the inventory tab (RVTools vInfo and vHost, or one CSV per tab) and import that.`,
  unzippedTooLarge: (file: string, limitBytes: number) =>
    `${file} unpacks to more than ${byteSize(limitBytes)}, more than any inventory export this tool reads (or it is a "zip bomb"). Export only the inventory tabs (RVTools vInfo and vHost) and import that.`,
  sheetTooManyRows: (file: string, limitRows: number) =>
    `${file} has a sheet of more than ${limitRows.toLocaleString("en-US")} rows, more than this tool reads. Import the estate in parts (one vCenter or cluster at a time).`,
  unterminatedQuote: (file: string, line: number) =>
    `${file} is not a valid CSV file: the quoted field that starts on line ${line} is never closed. Save the file again from Excel (File › Save As › CSV) and import it.`,
  emptySheets: (sheets: readonly string[]) =>
    sheets.length === 1
      ? `The sheet '${sheets[0] ?? ""}' is empty: there is nothing to import. Export the inventory again, or pick the file that holds the server list.`
      : `Every sheet of this file is empty (${quoteList(sheets)}): there is nothing to import. Export the inventory again.`,
  noKnownHeader:
    "No sheet has the columns of RVTools vInfo, Azure Migrate, Live Optics or MAP; expected e.g. 'VM', 'CPUs', 'Memory' (RVTools vInfo), '*Server name', '*Cores', '*Memory (In MB)', '*OS name' (Azure Migrate), 'VM Name', 'Virtual CPU' (Live Optics VMs), 'Computer Name', 'System Memory (MB)' (MAP), or this add-in's own 'Name', 'Cores', 'RAM'. Check that you exported the right tab, or map the columns by hand.",
  missingColumns: (
    sheet: string,
    format: string,
    missing: readonly string[],
    required: readonly string[]
  ) =>
    `Sheet '${sheet}' looks like ${format} but has no ${quoteList(missing)} column${missing.length === 1 ? "" : "s"}; ${format} needs ${quoteList(required)}. Export it again with all columns.`,
  noDataRows: (sheet: string, format: string) =>
    `Sheet '${sheet}' has the headers of ${format} but no rows below them: there is nothing to import. Export the inventory again.`,
  mappingNeedsColumns: (missing: readonly string[]) =>
    `Choose a column for ${missing.join(", ")}: every server needs a name, its cores and its memory.`,
  mappingHeaderNotFound: (sheet: string, headers: readonly string[]) =>
    `Sheet '${sheet}' has no row with the headers ${quoteList(headers)}; check the column mapping.`,

  // ── per-cell problems ──
  requiredEmpty: (label: string) => `${label} is empty; the row was not imported.`,
  requiredInvalid: (label: string, text: string, expected: string) =>
    `${label} "${text}" is not ${expected}; the row was not imported.`,
  requiredTooLarge: (label: string, text: string) =>
    `${label} "${text}" is not a realistic figure (at most 10^15); the row was not imported. Correct the cell.`,
  optionalTooLarge: (label: string, text: string, instead: string) =>
    `${label} "${text}" is not a realistic figure (at most 10^15); ${instead}.`,
  outOfRange: (label: string, received: string, expected: string) =>
    `${label} ${received} is not ${expected}, as a scenario needs; the row was not imported. Correct the value in the file.`,
  outOfRangeReplaced: (label: string, received: string, expected: string, instead: string) =>
    `${label} ${received} is not ${expected}, as a scenario needs; ${instead}.`,
  tooManyRows: (rows: number, limit: number) =>
    `The import gives ${rows.toLocaleString("en-US")} inventory rows; a scenario holds at most ${limit.toLocaleString("en-US")}. Import with --group ('Group identical servers') to fold identical servers into one row, or import the estate in parts.`,
  tooManyServers: (servers: number, limit: number) =>
    `The import stands for ${servers.toLocaleString("en-US")} servers; a scenario plans at most ${limit.toLocaleString("en-US")}. Import the estate in parts (one vCenter or cluster at a time).`,
  optionalInvalid: (label: string, text: string, expected: string, instead: string) =>
    `${label} "${text}" is not ${expected}; ${instead}.`,
  nameMissing: "The row has no name; it was not imported. Give the server a name.",
  nameNotXml: (name: string, codePoint: string) =>
    `The name "${name.slice(0, 60)}" held a character a workbook cannot store (${codePoint}); it was replaced by \uFFFD. Rename the server if that matters.`,
  nameTruncated: (name: string) =>
    `The name "${name.slice(0, 40)}…" is longer than 200 characters; it was shortened.`,
  fallback: (label: string, value: string, from: string) =>
    `${label} is empty here; used ${value} from ${from}.`,
  osOther: (text: string) =>
    `Guest OS "${text}" is neither Windows nor Linux; counted as linux (it needs no Windows licence).`,
  osDesktop: (text: string) =>
    `"${text}" is a Windows desktop OS: counted as windows, but Windows Server licences do not cover desktop guests (VDI needs its own licensing).`,
  averageAbovePeak: (avg: string, peak: string) =>
    `Average CPU ${avg} is above peak CPU ${peak} in the file; the average was lowered to the peak.`,
  snapshotUnusable: (cluster: string, ratio: string) =>
    `The vHost snapshot of cluster '${cluster}' implies the VMs used ${ratio} of their vCPU capacity, which is impossible (the export's VMs and hosts do not match); the default utilisation was used for its VMs.`,
  duplicateName: (from: string, to: string) =>
    `The name "${from}" is used more than once; this row was imported as "${to}" (names must be unique).`,
  unknownPowerState: (text: string) =>
    `Power state "${text}" is not poweredOn, poweredOff or suspended; the row was treated as powered on.`,

  // ── exclusions ──
  exclusionLabel: (reason: ExclusionReason): string => {
    switch (reason) {
      case "template":
        return "VM templates";
      case "srm-placeholder":
        return "SRM placeholders (shadows of VMs protected at another site)";
      case "vcls":
        return "vSphere Cluster Services (vCLS) agent VMs";
      case "disconnected":
        return "disconnected, orphaned or inaccessible VMs (their figures are unreliable)";
      case "powered-off":
        return "powered-off VMs (include them with --include-powered-off / 'Include powered-off VMs')";
      case "suspended":
        return "suspended VMs (include them with --include-powered-off / 'Include powered-off VMs')";
      case "incomplete":
        return "rows without a name, CPUs or memory (see the problems below)";
    }
  },

  // ── notes ──
  rvtoolsNoUtilisation:
    "RVTools records configuration, not performance. CPU use was estimated from a single vHost snapshot per cluster where the export allows, else the scenario defaults were used. For measured peaks, import a Live Optics or MAP performance export, or enter the utilisation by hand.",
  rvtoolsUnitLabels: (labels: "MiB" | "MB") =>
    labels === "MB"
      ? "Sizes labelled 'MB' (RVTools before 4.1.2) are binary mebibytes, like the later 'MiB' labels: GiB = MB ÷ 1024."
      : "Sizes are in MiB: GiB = MiB ÷ 1024.",
  azureCpu:
    "Azure Migrate's 'CPU utilization percentage' does not say whether it is a peak or an average; it was used as the peak CPU.",
  azureNoClock:
    "The Azure Migrate template has no clock-speed column; the default core clock was used for every server.",
  measuredSizing: (by: readonly (readonly [string, number])[], measured: number, all: number) =>
    `Measured use: ${by.map(([p, n]) => `${n} server${n === 1 ? "" : "s"} on ${p === "max" ? "the measured peak (max)" : p === "measured" ? "a measured figure the file does not name" : p}`).join(", ")}; the scenario sizes them on it × demand.comfortFactor (1.3 by default, as Azure Migrate). ${all - measured === 0 ? "Every server has it." : `The other ${all - measured} on their peak-utilisation inputs.`}`,
  percentileFallback: (wanted: string, used: string) =>
    `The file has no ${wanted} columns: ${used} was used instead (choose another with --percentile).`,
  mapPercent:
    "MAP CPU percentages are of all logical processors; the 95th percentile (else the maximum) is used as the peak.",
  liveOpticsPercent:
    "Live Optics peaks and averages are percentages of each VM's own vCPU capacity, from vCenter's performance archive.",
  mapNoPerformance: (n: number) =>
    `${plural(n, "machine")} of the MAP inventory ${n === 1 ? "has" : "have"} no performance data; default utilisation was used for ${n === 1 ? "it" : "them"}.`,
  mappedUnits: (memory: string, storage: string, clock: string, utilization: string) =>
    `Columns read as: memory in ${memory}, storage in ${storage}, clock in ${clock}, utilisation as ${utilization}.`,

  // ── assumptions ──
  assumed: (
    field: string,
    basis: ValueBasis,
    count: number,
    value: string | null,
    detail: string | null
  ): string => {
    const n = plural(count, "server");
    // Estimated values (a cluster's mean clock) can carry many decimals: two are enough to read.
    const v =
      value === null ? "the default" : NUMERIC.test(value) ? formatDecimal(value, 2) : value;
    switch (basis) {
      case "default":
        if (field === "storageGiB" && value === null)
          return `${n}: no storage in the file; left empty, so the scenario's default storage applies.`;
        return `${n}: no ${fieldWords(field)} in the file; used ${v}${unitOf(field)} (scenario default).`;
      case "host-clock":
        return `${n}: core clock = the 'Speed' of the VM's host in vHost.`;
      case "vcpu-max":
        return `${n}: core clock = vCPU 'Max' ÷ 'CPUs' (the VM's host is not in vHost).`;
      case "cluster-clock":
        return `${n}: the VM's host is not in vHost; core clock = mean 'Speed' of its cluster's hosts${detail ? ` (${detail})` : ""}.`;
      case "cpu-model":
        return `${n}: core clock read from the CPU model text (e.g. "@ 2.70GHz").`;
      case "perf-ghz":
        return `${n}: core clock = 'Peak vCPU (GHz)' ÷ 'Peak vCPU %' ÷ vCPUs (the host is not in 'ESX Hosts').`;
      case "cluster-snapshot":
        return `${n}: average CPU estimated from one vHost snapshot of their cluster${detail ? ` (${detail})` : ""}: a single reading at export time, not an average over time.`;
      case "other-sheet":
        return `${n}: ${fieldWords(field)} taken from ${detail ?? "another sheet"} (empty in the main sheet).`;
      case "vdisk":
        return `${n}: storage = sum of the VM's vDisk capacities (vInfo has no disk total).`;
      case "provisioned":
        return `${n}: storage = provisioned space (includes swap files and snapshots, so it overstates the disk size).`;
      case "configured":
        return `${n}: no in-use figure; storage = configured disk size.`;
      case "gb-as-gib":
        return `${n}: disk sizes labelled "GB" read as GiB (binary); if they are decimal GB the true size is about 7 % lower.`;
      case "capped-at-peak":
        return `${n}: average CPU lowered to the peak (an average cannot exceed the peak).`;
      case "raised-to-average":
        return `${n}: peak CPU raised to the estimated average (the default peak was below it).`;
      case "percent-read":
        return `${n}: ${fieldWords(field)} above 1 read as a percentage (÷ 100).`;
      case "mhz-read":
        return `${n}: core clock above 20 read as MHz (÷ 1000).`;
      case "os-unknown":
        return `${n}: no guest OS in the file; counted as windows (the cost-safe assumption).`;
      case "not-in-file":
        return `Windows Server licences owned: none assumed (${field} = ${v}). A VMware export records no licences, so staying on VMware and every option buy the Windows licences their hosts need for these ${plural(count, "Windows VM")}; enter the Datacenter and Standard cores you own in licensing.owned (with softwareAssurance) to have them reused.`;
    }
  },

  // ── report text ──
  nothingImported: (hint: string) => `No server was imported. ${hint}`,
  nothingImportedHint: (poweredOff: number) =>
    poweredOff > 0
      ? `${plural(poweredOff, "VM was", "VMs were")} left out as powered off or suspended: add --include-powered-off to import them.`
      : "Check the exclusions and problems above.",
} as const;

function fieldWords(field: string): string {
  switch (field) {
    case "cpuGhz":
      return "core clock";
    case "peakCpuUtilization":
      return "peak CPU";
    case "averageCpuUtilization":
      return "average CPU";
    case "memoryGiB":
      return "memory";
    case "storageGiB":
      return "storage";
    case "cores":
      return "CPUs";
    default:
      return field;
  }
}

function unitOf(field: string): string {
  switch (field) {
    case "cpuGhz":
      return " GHz";
    case "memoryGiB":
    case "storageGiB":
      return " GiB";
    default:
      return "";
  }
}
