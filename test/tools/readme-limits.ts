/**
 * The README's tables of limits and exit codes, generated from the one place each lives
 * (`LIMITS` in src/scenario/limits.ts, `EXIT` in src/cli/io.ts), so they cannot drift:
 * test/readme.test.ts checks the README holds exactly these. Print them:
 * `npx tsx test/tools/readme-limits.ts`.
 */
import { resolve } from "node:path";
import { EXIT } from "../../src/cli/io";
import { LIMITS, byteSize, groupedNumber, type Limit } from "../../src/scenario";

const cell = (text: string): string => text.replace(/\|/g, "/");

function amount(limit: Limit): string {
  if (limit.unit === "bytes") return byteSize(limit.value);
  if (limit.value >= 1e12) return `10^${Math.round(Math.log10(limit.value))} ${limit.unit}`;
  return `${groupedNumber(limit.value)} ${limit.unit}`;
}

/** Markdown: one row per cap, with what it applies to and why it is there. */
export function limitsTable(): string {
  const rows = ["| Limit | At most | Why |", "|---|---|---|"];
  for (const limit of Object.values(LIMITS) as Limit[])
    rows.push(`| ${cell(limit.what)} | ${cell(amount(limit))} | ${cell(limit.why)} |`);
  return rows.join("\n");
}

/** What each exit code means (the same for every command). */
export const EXIT_MEANINGS: Readonly<Record<keyof typeof EXIT, string>> = {
  ok: "success",
  usage:
    "usage: an unknown command or option, a missing argument or value (the usage line is printed)",
  invalid:
    "invalid input, every problem printed with its place: a scenario field (JSON path), a file that is not JSON or not an inventory export, nothing left to import, totals a workbook cannot hold to the cent",
  file: "file problem: no such file, a folder, unreadable, larger than its limit, the output exists (without `--force`) or cannot be written — any existing output file is left as it was",
  internal:
    "internal error, with a stack trace: a bug — please report it with the command and file",
};

/** Markdown: one row per exit code. */
export function exitCodesTable(): string {
  const rows = ["| Exit | Meaning |", "|---|---|"];
  for (const [key, code] of Object.entries(EXIT) as [keyof typeof EXIT, number][])
    rows.push(`| ${code} | ${cell(EXIT_MEANINGS[key])} |`);
  return rows.join("\n");
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename ?? "")) {
  process.stdout.write(`${limitsTable()}\n\n${exitCodesTable()}\n`);
}
