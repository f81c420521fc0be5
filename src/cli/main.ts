/** `hyperv-tco` command line: dispatch to one command per file in `commands/`. */
import { EXIT, processIo, type CliIo } from "./io";
import { runInit } from "./commands/init";
import { runValidate } from "./commands/validate";
import { runEvaluate } from "./commands/evaluate";

type Command = (args: readonly string[], io: CliIo) => Promise<number>;

const notYet =
  (name: string, issue: string): Command =>
  async (_args, io) => {
    io.err(`${name}: not available yet in this version (${issue}). No numbers were produced.\n`);
    return EXIT.usage;
  };

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
    run: notYet("pack", "the capacity engine"),
    summary: "pack INSTANCE.vbp [--json]           vector-packing benchmark instance",
  },
  import: {
    run: notYet("import", "inventory import"),
    summary: "import INVENTORY.xlsx|.csv [--include-powered-off] [--platform …]",
  },
  report: {
    run: notYet("report", "the workbook writer"),
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
