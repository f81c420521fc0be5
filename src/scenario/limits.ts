/**
 * The caps that keep every job bounded — how much a scenario or an import may ask for — in one
 * table, each with why it is where it is. The parser, the importers, the command line and the
 * task pane read them from here; the README's "Limits" table is checked against it.
 */

export interface Limit {
  readonly value: number;
  /** The unit, for messages and the README ("bytes", "rows", "servers"). */
  readonly unit: string;
  /** What the cap applies to, for the README. */
  readonly what: string;
  /** Why this figure. */
  readonly why: string;
}

const MiB = 1024 * 1024;

/**
 * Any number in a scenario (or an imported cell) must stay below this: larger figures are
 * typing mistakes, not quantities, and it keeps decimal.js far from overflow.
 */
export const MAX_MAGNITUDE = 1e15;

export const LIMITS = {
  scenarioFileBytes: {
    value: 64 * MiB,
    unit: "bytes",
    what: "Size of a scenario JSON file (validate, evaluate, report; the task pane's scenario import)",
    why: "A scenario of 100,000 rows is about 30 MB of JSON; anything larger is not a scenario (`validate /dev/zero` stops here)",
  },
  inventoryRows: {
    value: 100_000,
    unit: "rows",
    what: "Rows in a scenario's inventory (and rows an import may hand over)",
    why: "The capacity benchmark plans 100,000 VMs in about 2 s and the Office.js write splits them into requests below Excel on the web's 5 MB limit; use `count` (or `import --group`) for identical servers",
  },
  totalServers: {
    value: 1_000_000,
    unit: "servers",
    what: "Servers a scenario stands for (the sum of every row's `count`)",
    why: "The `npm run bench` case: 1,000,000 VMs in 10 rows",
  },
  hostOptions: {
    value: 20,
    unit: "candidates",
    what: "Candidate hosts in a scenario's `hostOptions`",
    why: "Every candidate is planned, licensed and costed for every option: 10 candidates × today's options for 1,000 servers take about 0.6 s (`npm run bench -- hosts`), 20 about 1.3 s; narrow a vendor catalog to the shapes you would buy",
  },
  moneyTotal: {
    value: 1e12,
    unit: "in the scenario's currency",
    what: "The sum of every amount of one option's (or the baseline's) cost lines over the horizon",
    why: "Excel keeps 15 significant digits: below 10^12 every total, saving, NPV and ±20 % sensitivity figure stays exact to the cent (13 digits before the point at most)",
  },
  importFileBytes: {
    value: 100 * MiB,
    unit: "bytes",
    what: "Size of one inventory file to import (.xlsx or .csv)",
    why: "An RVTools export of 100,000 VMs is about 60 MB",
  },
  importUnzippedBytes: {
    value: 256 * MiB,
    unit: "bytes",
    what: "Everything inside one .xlsx, unpacked",
    why: "An RVTools export unpacks to about 3 KB per VM (every tab); a zip bomb stops here, before any sheet is parsed",
  },
  importSheetRows: {
    value: 200_000,
    unit: "rows",
    what: "Rows in one sheet (or CSV file) of an import",
    why: "Counted before the sheet is parsed; RVTools' vDisk and vPartition tabs hold a row per disk, so more than the inventory cap",
  },
} as const satisfies Readonly<Record<string, Limit>>;

export type LimitId = keyof typeof LIMITS;

/** `1,000,000` for messages (a regex, not `toLocaleString`: it runs for every parsed field). */
export function groupedNumber(n: number): string {
  const [whole, fraction] = String(n).split(".");
  if (whole === undefined || /e/i.test(whole)) return String(n);
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return fraction === undefined ? grouped : `${grouped}.${fraction}`;
}

/** A byte size as people say it: `64 MiB`, `1.5 KiB`, `120 bytes`. */
export function byteSize(bytes: number): string {
  if (bytes >= MiB) return `${groupedNumber(Math.round((bytes / MiB) * 10) / 10)} MiB`;
  if (bytes >= 1024) return `${groupedNumber(Math.round((bytes / 1024) * 10) / 10)} KiB`;
  return `${groupedNumber(bytes)} bytes`;
}
