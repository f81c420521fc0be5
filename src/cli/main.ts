/**
 * `hyperv-tco` command line: dispatch to one command per file in `commands/`.
 *
 * Commands are loaded only when run: `--help`, `--version` and `COMMAND --help` load this file
 * and `io.ts` alone, so they answer at once (the engine, exceljs and pptxgenjs stay unloaded).
 */
import { EXIT, processIo, type CliIo } from "./io";
import { VERSION } from "./version";

type Command = (args: readonly string[], io: CliIo) => Promise<number>;

interface CommandSpec {
  /** `init [--platform ws2022]`: the synopsis after `hyperv-tco`. */
  readonly usage: string;
  /** One line for the command list. */
  readonly summary: string;
  /** What `COMMAND --help` adds below the synopsis: options and what the command prints. */
  readonly help: string;
  readonly load: () => Promise<Command>;
}

export const COMMANDS: Readonly<Record<string, CommandSpec>> = {
  init: {
    usage: "init [--platform ws2008r2|ws2012r2|ws2016|ws2019|ws2022|ws2025] [--host-catalog]",
    summary: "print a complete default scenario (JSON) to start from",
    help: "Prints a scenario with every default for the platform (default ws2022) and a small example inventory.\n  --platform ID   the Windows Server version whose limits, licence rules and prices apply\n  --host-catalog  add the 2026 node catalog as hostOptions: evaluate then picks the cheapest host per option",
    load: async () => (await import("./commands/init")).runInit,
  },
  validate: {
    usage: "validate SCENARIO.json",
    summary: "check a scenario: 'valid', or every problem with its JSON path (exit 2)",
    help: "Prints 'valid', or every problem on stderr, one per line, with its JSON path and what to enter.",
    load: async () => (await import("./commands/validate")).runValidate,
  },
  evaluate: {
    usage: "evaluate SCENARIO.json [--json] [--no-sensitivity]",
    summary: "the business case as a table with the assumptions to check, or the analysis as JSON",
    help: "Prints hosts, licensing, TCO, savings, NPV, IRR, payback and ROI per option against the baseline,\nthe recommendation, and the assumptions register (changed inputs, import assumptions, uncertain prices).\n  --json             the whole analysis as JSON on stdout (nothing else on stdout)\n  --no-sensitivity   skip the ±20 % sensitivity analysis (faster)",
    load: async () => (await import("./commands/evaluate")).runEvaluate,
  },
  report: {
    usage: "report SCENARIO.json -o OUT.xlsx [--pptx OUT.pptx] [--force]",
    summary: "write the workbook (live formulas, native charts) and/or the management slides",
    help: "  -o, --output OUT.xlsx   the workbook the add-in writes: inputs, inventory, capacity, licensing,\n                          cash flows, summary with charts, sensitivity, assumptions register\n  --pptx OUT.pptx         slides for management: the recommendation, TCO, cost by category,\n                          cumulative savings and payback, licence cost, sensitivity, capacity\n                          (native, editable charts)\n  --force                 replace files that exist\nGive -o, --pptx or both.",
    load: async () => (await import("./commands/report")).runReport,
  },
  import: {
    usage:
      "import INVENTORY.xlsx|.csv [MORE.csv …] [--include-powered-off] [--group] [--platform ID] [--storage configured|in-use] [--host-catalog]",
    summary:
      "a scenario from an RVTools, Azure Migrate, Live Optics or MAP export (report on stderr)",
    help: "Prints a complete scenario (defaults plus the imported inventory) on stdout and what was read,\nleft out and assumed on stderr; the assumptions travel with the scenario into evaluate and the report.\n  --include-powered-off   keep powered-off and suspended VMs\n  --group                 fold identical servers into one row with a count\n  --platform ID           the Windows Server version (default ws2022)\n  --storage in-use        size disks on used rather than configured space\n  --host-catalog          add the 2026 node catalog as hostOptions (the cheapest host per option)",
    load: async () => (await import("./commands/import")).runImport,
  },
  pack: {
    usage: "pack INSTANCE.vbp [--json]",
    summary: "run the capacity engine's packing core on a vector-packing benchmark instance",
    help: "Prints bins, the lower bound and the gap; with --json exactly {bins, lowerBound, assignment}.",
    load: async () => (await import("./commands/pack")).runPack,
  },
};

function usage(): string {
  const width = Math.max(...Object.keys(COMMANDS).map((n) => n.length));
  return `Usage: hyperv-tco <command> [options]   (hyperv-tco COMMAND --help for its options)\n\n${Object.entries(
    COMMANDS
  )
    .map(([name, c]) => `  ${name.padEnd(width)}  ${c.summary}`)
    .join("\n")}\n\n  --version  print the version\n  --help     print this help\n`;
}

/** `COMMAND --help`: the synopsis, the summary and the options. */
export function commandHelp(name: string): string {
  const c = COMMANDS[name];
  if (!c) return usage();
  return `Usage: hyperv-tco ${c.usage}\n\n${c.summary[0]?.toUpperCase()}${c.summary.slice(1)}.\n${c.help}\n`;
}

/** Run a command line (without `node` and the script name); returns the exit code. */
export async function main(argv: readonly string[], io: CliIo): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === "--help" || name === "-h" || name === "help") {
    if (name === "help" && rest[0] !== undefined && COMMANDS[rest[0]]) {
      io.out(commandHelp(rest[0]));
      return EXIT.ok;
    }
    (name === undefined ? io.err : io.out)(usage());
    return name === undefined ? EXIT.usage : EXIT.ok;
  }
  if (name === "--version" || name === "-v" || name === "version") {
    io.out(`hyperv-tco ${VERSION}\n`);
    return EXIT.ok;
  }
  const command = COMMANDS[name];
  if (!command) {
    io.err(`Unknown command "${name}".\n${usage()}`);
    return EXIT.usage;
  }
  if (rest.includes("--help") || rest.includes("-h")) {
    io.out(commandHelp(name));
    return EXIT.ok;
  }
  return (await command.load())(rest, io);
}

/** Entry from `bin.cjs`. */
export async function runFromProcess(): Promise<void> {
  process.exitCode = await main(process.argv.slice(2), processIo);
}
