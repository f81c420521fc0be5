/** `hyperv-tco validate FILE`: "valid", or every problem with its JSON path (exit 2). */
import { EXIT, parseArgs, type CliIo } from "../io";
import { formatIssues, readScenarioFile } from "../scenarioFile";

export async function runValidate(args: readonly string[], io: CliIo): Promise<number> {
  const { positional, unknown } = parseArgs(args, [], []);
  if (unknown.length > 0 || positional.length !== 1) {
    io.err("Usage: hyperv-tco validate SCENARIO.json\n");
    return EXIT.usage;
  }
  const file = positional[0] as string;
  const read = readScenarioFile(io, file);
  if (read.ok) {
    io.out(`${file}: valid\n`);
    return EXIT.ok;
  }
  if (read.fileProblem) {
    io.err(`${read.fileProblem}\n`);
    return EXIT.file;
  }
  io.err(
    `${file}: ${read.issues.length} problem${read.issues.length === 1 ? "" : "s"}\n${formatIssues(read.issues)}`
  );
  return EXIT.invalid;
}
