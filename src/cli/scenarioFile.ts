/** Reading a scenario file for a command: JSON syntax errors and validation issues, all reported. */
import { parseScenario, type Issue, type Scenario } from "../scenario";
import { EXIT, type CliIo } from "./io";

/** Read and validate a scenario file; on failure the issues (or the file problem) come back. */
export function readScenarioFile(
  io: CliIo,
  file: string
):
  { ok: true; scenario: Scenario } | { ok: false; fileProblem?: string; issues: readonly Issue[] } {
  if (!io.exists(file))
    return { ok: false, fileProblem: `${file}: no such file. Check the path.`, issues: [] };
  let text: string;
  try {
    text = io.readText(file);
  } catch (e) {
    return {
      ok: false,
      fileProblem: `${file}: cannot be read (${(e as Error).message}).`,
      issues: [],
    };
  }
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch (e) {
    const message = `Not valid JSON (${(e as Error).message}). Fix the syntax, or create a new scenario with \`npx hyperv-tco init\`.`;
    return {
      ok: false,
      issues: [
        { path: "(file)", expected: "JSON text", received: "text that is not JSON", message },
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
  const count = `${read.issues.length} problem${read.issues.length === 1 ? "" : "s"}`;
  io.err(`${file}: ${count}\n${formatIssues(read.issues)}`);
  return { ok: false, exitCode: EXIT.invalid };
}
