/** Reading a scenario file for a command: file problems, JSON syntax errors and validation issues, all reported. */
import { LIMITS, parseScenario, type Issue, type Scenario } from "../scenario";
import { analyze, moneyLimitIssues, type Analysis, type AnalyzeOptions } from "../tco";
import { FileTooLargeError } from "./files";
import { fitHeapToEstate } from "./heap";
import { EXIT, type CliIo } from "./io";
import { CLI_MESSAGES, systemReason } from "./messages";

/**
 * The bytes of an input file, at most `limitBytes` (`what` names the kind of file in the
 * message); or the one-line problem (missing, a folder, unreadable, too large) — exit 3.
 */
export function readInputFile(
  io: CliIo,
  file: string,
  limitBytes: number,
  what: string
): { ok: true; bytes: Uint8Array } | { ok: false; problem: string } {
  if (!io.exists(file)) return { ok: false, problem: CLI_MESSAGES.noSuchFile(file) };
  if (io.isDirectory(file)) return { ok: false, problem: CLI_MESSAGES.notAFile(file) };
  try {
    return { ok: true, bytes: io.readBytes(file, limitBytes) };
  } catch (e) {
    if (e instanceof FileTooLargeError)
      return { ok: false, problem: CLI_MESSAGES.tooLarge(file, limitBytes, what) };
    return { ok: false, problem: CLI_MESSAGES.cannotRead(file, systemReason(e)) };
  }
}

/** Read and validate a scenario file; on failure the issues (or the file problem) come back. */
export function readScenarioFile(
  io: CliIo,
  file: string
):
  { ok: true; scenario: Scenario } | { ok: false; fileProblem?: string; issues: readonly Issue[] } {
  const read = readInputFile(io, file, LIMITS.scenarioFileBytes.value, "scenario");
  if (!read.ok) return { ok: false, fileProblem: read.problem, issues: [] };
  const text = new TextDecoder("utf-8").decode(read.bytes);
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch (e) {
    return {
      ok: false,
      issues: [
        {
          path: "(file)",
          expected: "JSON text",
          received: "text that is not JSON",
          message: CLI_MESSAGES.notJson((e as Error).message),
        },
      ],
    };
  }
  const result = parseScenario(json);
  return result.ok ? { ok: true, scenario: result.scenario } : { ok: false, issues: result.issues };
}

/** One line per issue: `path: message`. */
export function formatIssues(issues: readonly Issue[]): string {
  return issues.map((i) => `${i.path}: ${i.message}\n`).join("");
}

/** Print `file: N problems` and every issue on stderr; returns exit 2. */
function reportIssues(io: CliIo, file: string, issues: readonly Issue[]): number {
  io.err(`${CLI_MESSAGES.problems(file, issues.length)}\n${formatIssues(issues)}`);
  return EXIT.invalid;
}

/**
 * Read and validate a scenario file for a command; on failure print the file problem or
 * every issue on stderr and return the exit code (3 for the file, 2 for its content).
 */
export function loadScenario(
  io: CliIo,
  file: string
): { ok: true; scenario: Scenario } | { ok: false; exitCode: number } {
  const read = readScenarioFile(io, file);
  if (read.ok) return read;
  if (read.fileProblem) {
    io.err(`${read.fileProblem}\n`);
    return { ok: false, exitCode: EXIT.file };
  }
  return { ok: false, exitCode: reportIssues(io, file, read.issues) };
}

/**
 * Analyse a valid scenario, refusing (exit 2, every problem printed) one whose totals a
 * workbook cannot hold to the cent (`moneyLimitIssues`). A large estate is planned with a
 * heap kept close to its live data (`fitHeapToEstate`).
 */
export function analyzeChecked(
  io: CliIo,
  file: string,
  scenario: Scenario,
  options: AnalyzeOptions = {}
): { ok: true; analysis: Analysis } | { ok: false; exitCode: number } {
  fitHeapToEstate(scenario.inventory.reduce((n, r) => n + r.count, 0));
  const analysis = analyze(scenario, options);
  const issues = moneyLimitIssues(analysis);
  return issues.length === 0
    ? { ok: true, analysis }
    : { ok: false, exitCode: reportIssues(io, file, issues) };
}
