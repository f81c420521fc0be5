/**
 * Every text the task pane shows that is not a field's own label or help (those live in
 * `src/scenario/fields.ts`). One place, so wording stays consistent and tests can pin it.
 */

const plural = (n: number, one: string, many = `${one}s`): string =>
  `${n.toLocaleString("en-US")} ${n === 1 ? one : many}`;

export const PANE_MESSAGES = {
  title: "Hyper-V TCO Planner",
  loading: "Starting…",
  hostExcel: "Connected to Excel",
  hostBrowser: "Browser preview — download the workbook as .xlsx",
  hostBrowserOfficeMissing:
    "Office is not available here (office.js did not load) — working in the browser.",
  hostBrowserTimeout: "Office did not answer in time — working in the browser.",

  /** Validation. */
  emptyField: (prompt: string, expected: string) => `Enter ${prompt} (${expected}).`,
  percentInvalid: (prompt: string, range: string, received: string) =>
    `Enter ${prompt} in %, ${range}, not ${received}.`,
  percentRetype: (prompt: string, received: string, percent: string) =>
    `Retype ${prompt}: the scenario holds ${received}, where it needs a fraction; type ${percent} in this box (it is in %).`,
  fixSummary: (n: number) => `Fix ${plural(n, "input")} to generate the report:`,
  fixMore: (n: number) => `…and ${plural(n, "more problem")}.`,
  sectionIssues: (n: number) => `${n} to fix`,
  inventoryRowLabel: (index: number, name: string) => `Row ${index + 1}${name ? ` (${name})` : ""}`,
  unknownFieldRemove: "Remove it",

  /** Inventory. */
  inventorySummary: (servers: number, rows: number) =>
    `${plural(servers, "server")} in ${plural(rows, "row")}`,
  inventoryEmpty: "No servers yet: import an export, paste rows from Excel, or add a server.",
  pasteHelp:
    "Copy rows from Excel including the header row (Name, Cores, Core clock, RAM …) and paste them here.",
  pasteEmpty: "Paste at least a header row and one server row.",
  importReading: (what: string) => `Reading ${what}…`,
  importFailed: (what: string, message: string) => `Could not import ${what}: ${message}`,
  importReady: (rows: number, servers: number) =>
    `Ready to import ${plural(servers, "server")} in ${plural(rows, "row")}. Check what was left out and assumed, then replace the inventory.`,
  importReplaced: (servers: number) => `Inventory replaced: ${plural(servers, "server")}.`,
  importCancelled: "Import cancelled; the inventory is unchanged.",
  mappingIntro: (file: string) =>
    `${file} is not an export we recognise. Tell us which column holds what (name, cores and RAM are needed).`,
  mappingMissing: (fields: string) => `Choose a column for ${fields}.`,
  workbookInventoryNone: "This workbook has no TCO Inventory table yet.",

  /** Words for the values of the form's selects (the scenario keeps the ids). */
  enumLabels: {
    physical: "Staying physical",
    vsphere: "Staying on vSphere (per CPU)",
    vcf: "Staying on VMware Cloud Foundation",
    vvf: "Staying on VMware vSphere Foundation",
    "per-cpu": "Per CPU (perpetual)",
    "per-core-subscription": "Per core (subscription)",
    san: "SAN (a shared array)",
    s2d: "Storage Spaces Direct (S2D)",
    "two-way-mirror": "Two-way mirror",
    "three-way-mirror": "Three-way mirror",
    "dual-parity": "Dual parity",
    "mirror-accelerated-parity": "Mirror-accelerated parity",
    "nested-two-way-mirror": "Nested two-way mirror (2 nodes)",
    "nested-mirror-accelerated-parity": "Nested mirror-accelerated parity (2 nodes)",
    "all-flash": "All-flash (SSD / NVMe)",
    hybrid: "Hybrid (flash cache, HDD capacity)",
    provisioned: "Provisioned disk size",
    "in-use": "Space in use",
    measured: "Measured use where imported, else peak",
    peak: "Peak CPU and configured RAM",
  },

  /** Demand and growth. */
  measuredServers: (measured: number, servers: number, percentiles: readonly string[]) =>
    measured === 0
      ? "No server in the inventory carries measured use (import Live Optics, Azure Migrate, MAP or a CSV with percentile columns): every server is sized on its peak."
      : `${plural(measured, "server")} of ${servers.toLocaleString("en-US")} carry measured use${percentiles.length > 0 ? ` (${percentiles.join(", ")})` : ""}; the others are sized on their peak.`,
  idleFound: (servers: number, retired: boolean, saving: string | null, years: number) =>
    servers === 0
      ? "No server looks idle at these thresholds (idle needs measured use)."
      : retired
        ? `${plural(servers, "idle server")} retired${saving ? ` — saving ${saving} over ${years} years, its own line in the cash flow` : ""}.`
        : `${plural(servers, "server")} look${servers === 1 ? "s" : ""} idle${saving ? `; retiring ${servers === 1 ? "it" : "them"} would save ${saving} over ${years} years` : ""}.`,
  growthOwnRates: "own growth per resource",
  growthNone: "no growth",

  /** Storage. */
  s2dResiliency: (
    efficiency: string,
    layout: string,
    nodes: number,
    faults: number,
    range: string
  ) =>
    `At ${nodes} nodes, ${efficiency} of the capacity holds data (${layout}); survives ${faults} failure${faults === 1 ? "" : "s"} at a time; needs ${range} nodes.`,
  s2dRaw: (drives: number, driveTB: string, rawTB: string, rawTiB: string) =>
    `Per node ${drives} × ${driveTB} TB = ${rawTB} TB raw (${rawTiB} TiB as Windows shows it).`,

  /**
   * Help of a select said with its options' words (the field table's help names the JSON
   * values, for people writing scenario files); others keep the field table's help.
   */
  fieldHelp: {
    "finance.baseline":
      "Staying physical: the servers as they run today. Staying on VMware Cloud Foundation or vSphere Foundation: the same workloads renewing the product of your Broadcom quote (an RVTools import proposes it). Staying on vSphere (per CPU): the perpetual licences of the 2008 R2–2019 eras.",
    "licensing.vsphereModel":
      "Per CPU for vSphere 4–8 perpetual licences; per core for the subscriptions sold since 2024.",
    "storage.kind":
      "SAN: a shared array per cluster, priced per cluster and per GiB. Storage Spaces Direct: each node's own drives (Windows Server 2016 Datacenter and later), sized per cluster.",
    "storage.demandBasis":
      "Provisioned: each server's disk size. Space in use: what its disks really hold, where the import gives it.",
    "demand.basis":
      "Measured: a server with a measured percentile is sized on it × the comfort factor, the others on their peak. Peak: every server on its peak CPU and configured RAM.",
    "growth.ratePerYear":
      "Compound growth of CPU, memory and storage demand a year, from −100 % to 100 %.",
  } as Readonly<Record<string, string>>,

  /** Platform. */
  platformOffer: (label: string, changes: number) =>
    changes === 0
      ? `Your values already match the ${label} defaults.`
      : `Load the ${label} defaults for host hardware, licence prices and running costs? ${plural(changes, "value")} would change; your inventory, options and finance inputs stay.`,
  platformLoaded: (label: string, changes: number) =>
    `Loaded the ${label} defaults (${plural(changes, "value")} changed).`,

  /** Preview. */
  previewWaiting: "The preview appears when every input is valid.",
  previewStale: "Preview paused until the inputs are fixed; it shows the last valid result.",
  previewCalculating: "Updating preview…",
  loadingDetails: "Loading…",
  assumptionsSummary: "Changed inputs, import assumptions, uncertain prices",
  previewFailed: (message: string) => `The preview could not be calculated: ${message}`,
  engineMissing: (what: string) => `${what} is not available in this build yet.`,
  paybackNever: "not within the horizon",
  paybackMonths: (m: number) => (m < 0.05 ? "immediately" : `${m.toFixed(1)} months`),
  notEligible: "not possible",
  notPossibleHere: "Not possible here:",
  renewalDate: (date: string, month: number, start: string) =>
    `VMware renewal ${date}: month ${month} from the start (${start}).`,
  renewalTable: (years: number) => `Licences and dual running over ${years} years`,
  dualRunning: "Dual running",
  licences: "Licences",

  /** The result card's details. */
  bindingLabels: {
    cpuGhz: "CPU",
    memoryGiB: "memory",
    vcpus: "vCPUs per core",
    vms: "VMs per host",
    storage: "storage",
  } as Readonly<Record<"cpuGhz" | "memoryGiB" | "vcpus" | "vms" | "storage", string>>,
  detailSummary: (option: string, clusters: number, hosts: number, by: string) =>
    `${option}: ${plural(hosts, "host")} in ${plural(clusters, "cluster")}${by ? `, set by ${by}` : ""}`,
  serversSummary: (measured: number, idle: number) =>
    `${measured > 0 ? `${plural(measured, "server")} on measured use` : "all on peak"}, ${idle > 0 ? `${plural(idle, "idle server")}` : "none idle"}`,
  /** Generate. */
  generateExcel: "Generate report",
  generateBrowser: "Download .xlsx",
  writingSheet: (sheet: string, index: number, total: number) =>
    `Writing ${sheet} (${index} of ${total})…`,
  writingStart: "Preparing the report…",
  buildingFile: "Building the .xlsx file…",
  buildingSlides: "Building the slides…",
  slidesDownloaded: (file: string, slides: number) =>
    `Downloaded ${file} (${plural(slides, "slide")}).`,
  downloadSlides: "Download slides",
  slidesHelp:
    "A .pptx for management: the recommendation, then TCO, costs, payback, licences, sensitivity and capacity as editable PowerPoint charts with the workbook's numbers.",
  writtenExcel: (sheets: number, open: string) =>
    `Report written to ${plural(sheets, "sheet")} — open ${open}`,
  downloaded: (file: string, sheets: number) => `Downloaded ${file} (${plural(sheets, "sheet")}).`,
  writeFailed: (message: string) => `The report was not written: ${message}`,
  openSheet: (sheet: string) => `Open ${sheet}`,

  /** Scenario files and workbook. */
  scenarioExported: (file: string) => `Saved the scenario as ${file}.`,
  scenarioImported: (file: string) => `Loaded ${file}.`,
  scenarioImportedWithIssues: (file: string, n: number) =>
    `Loaded ${file}; ${plural(n, "input")} need fixing.`,
  scenarioNotJson: (file: string) =>
    `${file} is not a JSON scenario file (it could not be read as JSON).`,
  workbookLoaded: "Loaded the inputs from TCO Inputs.",
  workbookReloaded: "The sheets changed: inputs reloaded from TCO Inputs and TCO Inventory.",
  workbookInvalid: (problems: readonly string[]) =>
    `The TCO sheets have ${plural(problems.length, "problem")}, so the pane keeps its own inputs: ${problems.slice(0, 3).join(" ")}${problems.length > 3 ? " …" : ""}`,
  sheetChangedWhileEditing:
    "TCO Inputs changed in the sheet while you have unsaved changes here; your changes stay, and Generate asks which inputs to keep.",
  bothEdited:
    "Both the TCO Inputs sheet and this pane have changes since the inputs were loaded. Load the sheet's inputs (your changes here are lost), or overwrite the sheet with the pane's inputs.",
  sheetInvalidBeforeWrite: (problems: readonly string[]) =>
    `TCO Inputs has ${plural(problems.length, "problem")} (${problems.slice(0, 2).join(" ")}${problems.length > 2 ? " …" : ""}). Fix them in the sheet and load its inputs, or overwrite the sheet with the pane's inputs.`,
  reloadFromSheet: "Load the sheet's inputs",
  overwriteSheet: "Overwrite them with the pane's inputs",
  workbookReadFailed: (message: string) =>
    `Could not read the inputs from the workbook: ${message}`,
  defaultsLoaded: (label: string) =>
    `Started from the ${label} defaults with an example inventory.`,
  exampleLoaded: (name: string) => `Loaded the example “${name}”.`,
} as const;
