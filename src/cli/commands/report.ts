/** `hyperv-tco report SCENARIO.json -o OUT.xlsx [--force]`: the workbook the add-in writes, as a file. */
import { buildReport } from "../../report/build";
import { analyze } from "../../tco";
import { writeXlsx } from "../../xlsx";
import { EXIT, parseArgs, type CliIo } from "../io";
import { loadScenario } from "../scenarioFile";

const USAGE = "Usage: hyperv-tco report SCENARIO.json -o OUT.xlsx [--force]\n";

export async function runReport(args: readonly string[], io: CliIo): Promise<number> {
  const { positional, values, switches, unknown } = parseArgs(
    args,
    ["-o", "--output"],
    ["--force"]
  );
  const out = values["-o"] ?? values["--output"];
  if (unknown.length > 0 || positional.length !== 1 || !out) {
    io.err(
      `${unknown.length ? `report: ${unknown.join("; ")}\n` : ""}${out ? "" : "report: give the output file with -o OUT.xlsx\n"}${USAGE}`
    );
    return EXIT.usage;
  }
  if (!out.toLowerCase().endsWith(".xlsx")) {
    io.err(`report: the output file must end in .xlsx (got ${out}).\n`);
    return EXIT.usage;
  }
  if (io.exists(out) && !switches.has("--force")) {
    io.err(`report: ${out} exists; choose another name or add --force to replace it.\n`);
    return EXIT.file;
  }
  const file = positional[0] as string;
  const read = loadScenario(io, file);
  if (!read.ok) return read.exitCode;
  const analysis = analyze(read.scenario);
  const plan = buildReport(read.scenario, analysis);
  const bytes = await writeXlsx(plan);
  try {
    io.writeBytes(out, bytes);
  } catch (e) {
    io.err(`report: cannot write ${out} (${(e as Error).message}).\n`);
    return EXIT.file;
  }
  const charts = plan.sheets.reduce((n, s) => n + s.charts.length, 0);
  io.out(
    `Wrote ${out}: ${plan.sheets.length} sheets, ${charts} charts. ${analysis.recommendation}\n`
  );
  return EXIT.ok;
}
