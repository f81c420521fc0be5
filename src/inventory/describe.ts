/** The import report as plain text (the CLI prints it on stderr; the task pane may show it as is). */
import { formatDecimal } from "../money";
import type { ImportReport } from "./types";

/** Totals are exact in the report's data; people read them to two decimals. */
const gib = (exact: string): string => formatDecimal(exact, 2);

const LIST_MAX = 12;

function names(list: readonly string[]): string {
  const shown = list.slice(0, LIST_MAX).join(", ");
  return list.length > LIST_MAX ? `${shown} … and ${list.length - LIST_MAX} more` : shown;
}

/** A readable, complete account of an import: what was read, left out, assumed and wrong. */
export function formatImportReport(report: ImportReport): string {
  const t = report.totals;
  const lines: string[] = [];
  lines.push(`Import of ${report.fileName ?? "inventory"}: ${report.formatLabel}`);
  lines.push(
    `  Read ${report.rowsRead} row${report.rowsRead === 1 ? "" : "s"} of ${report.sheets[0] ?? "?"}${report.sheets.length > 1 ? ` (also used: ${report.sheets.slice(1).join(", ")})` : ""}.`
  );
  lines.push(
    `  Imported ${t.servers} server${t.servers === 1 ? "" : "s"} as ${report.rowsOut} inventory row${report.rowsOut === 1 ? "" : "s"}: ${t.cores} vCPUs/cores, ${gib(t.memoryGiB)} GiB memory, ${gib(t.storageGiB)} GiB storage` +
      `${t.configuredStorageGiB !== null && t.inUseStorageGiB !== null ? ` (configured ${gib(t.configuredStorageGiB)} GiB, in use ${gib(t.inUseStorageGiB)} GiB)` : ""}.`
  );
  const excludedTotal = report.excluded.reduce((n, e) => n + e.count, 0);
  if (excludedTotal > 0) {
    lines.push(`Left out ${excludedTotal} row${excludedTotal === 1 ? "" : "s"}:`);
    for (const e of report.excluded)
      lines.push(`  - ${e.count} ${e.label}: ${names(e.rows.map((r) => r.name))}`);
  }
  if (report.assumed.length > 0) {
    lines.push("Assumed or estimated:");
    for (const a of report.assumed) lines.push(`  - ${a.message}`);
  }
  if (report.renamed.length > 0) {
    lines.push("Renamed (duplicate names):");
    for (const r of report.renamed)
      lines.push(`  - "${r.from}" (${r.sheet} row ${r.row}) → "${r.to}"`);
  }
  if (report.groups.length > 0) {
    lines.push("Grouped (identical servers):");
    for (const g of report.groups) lines.push(`  - ${g.name} = ${g.count}: ${names(g.members)}`);
  }
  if (report.problems.length > 0) {
    lines.push(`Problems (${report.problems.length}):`);
    for (const p of report.problems)
      lines.push(`  - ${p.severity === "error" ? "error" : "warning"} ${p.where}: ${p.message}`);
  }
  if (report.notes.length > 0) {
    lines.push("Notes:");
    for (const n of report.notes) lines.push(`  - ${n}`);
  }
  if (report.columns.length > 0) {
    lines.push("Columns used:");
    lines.push(
      `  ${report.columns.map((c) => `${c.field} ← ${c.sheet}!${c.letter} (${c.header})`).join("; ")}`
    );
  }
  return `${lines.join("\n")}\n`;
}
