/**
 * Where the report puts things that other parts read back: sheet names, the layout of
 * `TCO Inputs` (one input per row, keyed by its JSON path) and of `TCO Inventory`
 * (an Excel table, one server per row, columns in INVENTORY_FIELDS order).
 */

export const SHEETS = {
  inputs: "TCO Inputs",
  inventory: "TCO Inventory",
  capacity: "TCO Capacity",
  licensing: "TCO Licensing",
  cashflow: "TCO Cashflow",
  summary: "TCO Summary",
  assumptions: "TCO Assumptions",
  sensitivity: "TCO Sensitivity",
  /** Only with `hostOptions`: every candidate host's TCO per option (after TCO Cashflow). */
  hosts: "TCO Hosts",
} as const;

/** Sheet names in the order the report writes them (`TCO Hosts`, when written, follows TCO Cashflow). */
export const SHEET_ORDER: readonly string[] = [
  SHEETS.summary,
  SHEETS.assumptions,
  SHEETS.inputs,
  SHEETS.inventory,
  SHEETS.capacity,
  SHEETS.licensing,
  SHEETS.cashflow,
  SHEETS.sensitivity,
];

/**
 * `TCO Inputs`: title in A1, a note in A2, the header on row 4, inputs from row 5.
 * Column F holds each input's JSON path (`housing.pue`, `licensing.options`) — the key the
 * reader uses, so users may reorder or insert rows freely.
 */
export const INPUTS_LAYOUT = {
  headerRow: 4,
  firstRow: 5,
  columns: { section: "A", label: "B", value: "C", unit: "D", source: "E", key: "F" },
} as const;

/** `TCO Inventory`: the table `hvInventory` with its header on row 1 and servers from row 2. */
export const INVENTORY_LAYOUT = {
  headerRow: 1,
  firstRow: 2,
  tableName: "hvInventory",
} as const;

/**
 * `TCO Hosts` (with `hostOptions`): the candidate table's header on row 5, candidates from row
 * 6 down to the first blank name, one column per key of `hostOptions[]` from column A.
 */
export const HOSTS_LAYOUT = {
  headerRow: 5,
  firstRow: 6,
  columns: [
    "name",
    "sockets",
    "coresPerSocket",
    "threadsPerCore",
    "cpuGhz",
    "memoryGiB",
    "price",
    "powerWatts",
    "rackUnits",
    "drivesPerNode",
    "driveTB",
  ],
} as const;

/** How list-valued inputs (licensing.options) are written in one cell: comma-separated. */
export const LIST_SEPARATOR = ", ";
