/**
 * `hyperv-tco report SCENARIO.json -o OUT.xlsx [--force]`: the workbook the add-in writes, as a
 * file. The file appears whole or not at all (`writeFileAtomic`): an existing OUT.xlsx is
 * refused without `--force`, and with it is replaced only once the new workbook is on disk.
 */
import { buildReport } from "../../report/build";
import { writeXlsx } from "../../xlsx";
import { FileExistsError } from "../files";
import { EXIT, parseArgs, type CliIo } from "../io";
import { CLI_MESSAGES, systemReason } from "../messages";
import { analyzeChecked, loadScenario } from "../scenarioFile";

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
  const replace = switches.has("--force");
  // Checked first so a long run does not end in "exists"; the write itself checks again, atomically.
  if (io.exists(out) && !replace) {
    io.err(`${CLI_MESSAGES.outputExists("report", out)}\n`);
    return EXIT.file;
  }
  const file = positional[0] as string;
  const read = loadScenario(io, file);
  if (!read.ok) return read.exitCode;
  const checked = analyzeChecked(io, file, read.scenario);
  if (!checked.ok) return checked.exitCode;
  const analysis = checked.analysis;
  const plan = buildReport(read.scenario, analysis);
  const bytes = await writeXlsx(plan);
  try {
    io.writeFile(out, bytes, { replace });
  } catch (e) {
    io.err(
      `${e instanceof FileExistsError ? CLI_MESSAGES.outputExists("report", out) : CLI_MESSAGES.cannotWrite("report", out, systemReason(e))}\n`
    );
    return EXIT.file;
  }
  const charts = plan.sheets.reduce((n, s) => n + s.charts.length, 0);
  io.out(
    `Wrote ${out}: ${plan.sheets.length} sheets, ${charts} charts. ${analysis.recommendation}\n`
  );
  return EXIT.ok;
}
