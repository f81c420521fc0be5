/**
 * `hyperv-tco validate FILE`: "valid", or every problem with its JSON path (exit 2). Valid
 * means `report` will write the workbook: the scenario parses, and its totals (the analysis
 * runs, without the sensitivity) stay within what a workbook holds to the cent.
 */
import { EXIT, parseArgs, type CliIo } from "../io";
import { analyzeChecked, loadScenario } from "../scenarioFile";

export async function runValidate(args: readonly string[], io: CliIo): Promise<number> {
  const { positional, unknown } = parseArgs(args, [], []);
  if (unknown.length > 0 || positional.length !== 1) {
    io.err("Usage: hyperv-tco validate SCENARIO.json\n");
    return EXIT.usage;
  }
  const file = positional[0] as string;
  const read = loadScenario(io, file);
  if (!read.ok) return read.exitCode;
  const checked = analyzeChecked(io, file, read.scenario, { sensitivity: false });
  if (!checked.ok) return checked.exitCode;
  io.out(`${file}: valid\n`);
  return EXIT.ok;
}
