/** `hyperv-tco` command line: dispatch to one command per file in `commands/`. */
import { EXIT, processIo, type CliIo } from "./io";
import { runInit } from "./commands/init";
import { runValidate } from "./commands/validate";
import { runEvaluate } from "./commands/evaluate";
import { runReport } from "./commands/report";
import { runPack } from "./commands/pack";
import { runImport } from "./commands/import";

type Command = (args: readonly string[], io: CliIo) => Promise<number>;

export const COMMANDS: Readonly<Record<string, { run: Command; summary: string }>> = {
  init: {
    run: runInit,
    summary: "init [--platform ws2022]            print a complete default scenario",
  },
  validate: {
    run: runValidate,
    summary: "validate SCENARIO.json               'valid' or every problem (exit 2)",
  },
  evaluate: {
    run: runEvaluate,
    summary: "evaluate SCENARIO.json [--json]      business case summary, or the analysis as JSON",
  },
  pack: {
    run: runPack,
    summary: "pack INSTANCE.vbp [--json]           vector-packing benchmark instance",
  },
  import: {
    run: runImport,
    summary:
      "import INVENTORY.xlsx|.csv [MORE.csv …] [--include-powered-off] [--group] [--platform …] [--storage configured|in-use]",
  },
  report: {
    run: runReport,
    summary: "report SCENARIO.json -o OUT.xlsx [--force]",
  },
};

function usage(): string {
  return `Usage: hyperv-tco <command> [options]\n\n${Object.values(COMMANDS)
    .map((c) => `  ${c.summary}`)
    .join("\n")}\n`;
}

/** Run a command line (without `node` and the script name); returns the exit code. */
export async function main(argv: readonly string[], io: CliIo): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === "--help" || name === "-h" || name === "help") {
    (name === undefined ? io.err : io.out)(usage());
    return name === undefined ? EXIT.usage : EXIT.ok;
  }
  const command = COMMANDS[name];
  if (!command) {
    io.err(`Unknown command "${name}".\n${usage()}`);
    return EXIT.usage;
  }
  return command.run(rest, io);
}

/** Entry from `bin.cjs`. */
export async function runFromProcess(): Promise<void> {
  process.exitCode = await main(process.argv.slice(2), processIo);
}
