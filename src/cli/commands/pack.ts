/**
 * `hyperv-tco pack INSTANCE.vbp [--json]`: packs a standard vector-packing instance (VBP text:
 * dimensions, capacities, item types with demands) with the capacity engine's packing core.
 * Prints bins, the lower bound and the gap; with `--json` exactly
 * `{"bins", "lowerBound", "assignment"}`, where `assignment[i]` is the bin (0-based) of the
 * i-th item, item types expanded by their demand in file order (-1 for an item larger than a
 * bin). Exit 0; 1 on a usage error; 2 when the file is not VBP; 3 when it is missing,
 * unreadable or larger than a scenario may be.
 */
import { packVectors, parseVbp } from "../../capacity/packing";
import { LIMITS } from "../../scenario";
import { EXIT, parseArgs, type CliIo } from "../io";
import { readInputFile } from "../scenarioFile";

const USAGE = "Usage: hyperv-tco pack INSTANCE.vbp [--json]\n";

export async function runPack(args: readonly string[], io: CliIo): Promise<number> {
  const { positional, switches, unknown } = parseArgs(args, [], ["--json"]);
  if (unknown.length > 0 || positional.length !== 1) {
    const problems = [
      ...unknown,
      ...(positional.length > 1 ? [`expected one file, got ${positional.length}`] : []),
    ];
    io.err(`${problems.length > 0 ? `pack: ${problems.join("; ")}\n` : ""}${USAGE}`);
    return EXIT.usage;
  }
  const file = positional[0]!;
  const read = readInputFile(io, file, LIMITS.scenarioFileBytes.value, "packing instance");
  if (!read.ok) {
    io.err(`${read.problem}\n`);
    return EXIT.file;
  }
  const text = new TextDecoder("utf-8").decode(read.bytes);
  const problem = parseVbp(text);
  if ("error" in problem) {
    io.err(`${file}: not a valid VBP instance: ${problem.error}\n`);
    return EXIT.invalid;
  }
  const result = packVectors(problem);
  if (switches.has("--json")) {
    io.out(
      `${JSON.stringify({ bins: result.bins, lowerBound: result.lowerBound, assignment: result.assignment })}\n`
    );
    return EXIT.ok;
  }
  const items = problem.items.length;
  const oversized = result.assignment.filter((b) => b < 0).length;
  const gap =
    result.lowerBound > 0
      ? ((100 * (result.bins - result.lowerBound)) / result.lowerBound).toFixed(2)
      : "0.00";
  const lines = [
    `${file}: ${items} items in ${problem.capacity.length} dimensions, bin capacity ${problem.capacity.join(" × ")}`,
    `bins: ${result.bins}`,
    `lower bound: ${result.lowerBound}${result.bins === result.lowerBound ? " (optimal)" : ` (at most ${gap} % above optimal)`}`,
    `heuristic: ${result.heuristic}`,
  ];
  if (oversized > 0)
    lines.push(`${oversized} item(s) exceed an empty bin and were not packed (assignment -1).`);
  io.out(`${lines.join("\n")}\n`);
  return EXIT.ok;
}
