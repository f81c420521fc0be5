/**
 * Every text the scenario parser shows a user, in one place (tests pin them).
 * Each message says what to do: "Enter the server's RAM in GiB as a number above 0, not -4."
 */

/** Upper bound on the size of any number in a scenario: larger figures are typing mistakes. */
export const MAX_MAGNITUDE_TEXT = "10^15";

const didYouMean = (suggestion: string | undefined): string =>
  suggestion === undefined ? "" : ` (did you mean "${suggestion}"?)`;

export const MESSAGES = {
  /** A file refused by its size cap before it is read (the CLI and the task pane). */
  fileTooLarge: (file: string, size: string, what: string) =>
    `${file}: larger than ${size}, more than any ${what}; check that this is the right file.`,
  notObject:
    'The scenario must be a JSON object such as { "schemaVersion": 1, "inventory": [...] }.',
  schemaVersionMissing:
    'Add "schemaVersion": 1 at the top of the scenario (this tool reads version 1).',
  schemaVersionUnknown: (got: string) =>
    `schemaVersion ${got} is not one this tool reads; set "schemaVersion": 1 (or export the scenario again from this version).`,
  schemaVersionText: 'Write "schemaVersion": 1 as a number, without quotes.',
  importedShape: (expected: string) =>
    `The import record must be ${expected}. It is written by \`npx hyperv-tco import\`: import the inventory again, or delete "imported".`,
  metaSchemaNotText:
    'Write "$schema" as the text address of the JSON Schema (e.g. "./scenario.schema.json"), or remove it.',
  unknownKey: (key: string, where: string, allowed: readonly string[], suggestion?: string) =>
    `Remove "${key}" or correct its spelling${didYouMean(suggestion)}: ${where} has no such field. Allowed: ${allowed.join(", ")}.`,
  sectionNotObject: (path: string) =>
    `Write ${path} as an object of fields ({ … }), or leave it out to use the defaults.`,
  /** A value of the wrong kind or out of range. */
  invalidValue: (prompt: string, expected: string, received: string, suggestion?: string) =>
    `Enter ${prompt} as ${expected}, not ${received}${didYouMean(suggestion)}.`,
  /** Appended when `null` was given for a field that has a default. */
  nullHasDefault: "Or leave the field out to use its default.",
  /** Appended for a fraction given as a percentage (7 for 7 %). */
  percentHint: (percent: string, fraction: string) => `For ${percent} % write ${fraction}.`,
  notPlainNumber: (prompt: string, received: string) =>
    `Enter ${prompt} as a plain number with a dot for decimals and no thousands separators or currency signs (e.g. "1250.50"), not ${received}.`,
  tooLarge: (prompt: string, received: string) =>
    `Enter ${prompt} as a realistic figure below ${MAX_MAGNITUDE_TEXT}, not ${received}.`,
  quotedBool: (label: string, received: string) =>
    `Write ${received.replace(/"/g, "").trim().toLowerCase()} without quotes: ${label} takes the JSON value true or false, not text.`,
  tooLong: (prompt: string, length: number) =>
    `Shorten ${prompt} to at most 200 characters (it has ${length}).`,
  notXmlChar: (prompt: string, codePoint: string, position: number) =>
    `Remove the invisible character ${codePoint} (character ${position}) from ${prompt}: a workbook cannot store it.`,
  required: (prompt: string, expected: string) =>
    `Enter ${prompt} (${expected}); every inventory row needs it.`,
  notAnOption: (received: string, values: readonly string[], suggestion?: string) =>
    `Replace ${received} with one of ${values.join(", ")}${didYouMean(suggestion)}.`,
  duplicateOption: (id: string) => `Option "${id}" is listed twice; list each option once.`,
  inventoryMissing:
    'Add an "inventory" list with at least one server (name, cores, cpuGhz, memoryGiB).',
  inventoryNotArray:
    'Write inventory as a list ([ … ]) of servers, e.g. [{ "name": "FILE-01", "cores": 4, "cpuGhz": "2.4", "memoryGiB": "8" }].',
  inventoryEmpty:
    "The inventory is empty: add at least one server (name, cores, cpuGhz, memoryGiB).",
  tooManyRows: (rows: number, limit: number) =>
    `The inventory has ${rows.toLocaleString("en-US")} rows; a scenario holds at most ${limit.toLocaleString("en-US")}. Put identical servers in one row with "count" (import --group does it), or split the estate into several scenarios.`,
  tooManyServers: (servers: number, limit: number) =>
    `The inventory stands for ${servers.toLocaleString("en-US")} servers (the sum of every row's count); a scenario plans at most ${limit.toLocaleString("en-US")}. Split the estate into several scenarios.`,
  hostOptionsNotArray:
    'Write hostOptions as a list ([ … ]) of candidate hosts, e.g. [{ "name": "2 × 24c / 768 GiB", "sockets": 2, "coresPerSocket": 24, "memoryGiB": "768", "price": "32000" }], or leave it out to use host alone.',
  hostOptionsEmpty:
    "hostOptions is empty: list at least one candidate host, or leave hostOptions out to use host alone.",
  tooManyHostOptions: (count: number, limit: number) =>
    `hostOptions lists ${count} candidate hosts; a scenario compares at most ${limit} (each is planned and costed for every option). Keep the shapes you would really buy.`,
  hostOptionNameRequired:
    'Give each candidate host a unique "name" (e.g. "2 × 24c / 768 GiB"): tables and the report name the host bought by it.',
  hostOptionNotObject:
    'Write each candidate host as an object such as { "name": "2 × 16c / 512 GiB", "sockets": 2, "coresPerSocket": 16, "memoryGiB": "512", "price": "24000" }.',
  duplicateHostName: (name: string, firstPath: string) =>
    `Candidate host name "${name}" is used twice (first at ${firstPath}; names ignore case); give each candidate a unique name.`,
  hostOptionReserve: (reserve: string, memory: string) =>
    `This candidate has ${memory} GiB of RAM, no more than the host memory reserve of ${reserve} GiB (cluster.hostMemoryReserveGiB); give it more RAM or lower the reserve.`,
  rowNotObject:
    'Write each inventory entry as an object such as { "name": "FILE-01", "cores": 4, "cpuGhz": "2.4", "memoryGiB": "8" }.',
  duplicateName: (name: string, firstPath: string) =>
    `Server name "${name}" is used twice (first at ${firstPath}; names ignore case); give each row a unique name, or use "count" for identical servers.`,
  averageAbovePeak: (avg: string, peak: string) =>
    `Average CPU ${avg} is above peak CPU ${peak}; the peak is the highest reading, so set it at or above the average.`,
  failuresVsNodes: (k: number, n: number) =>
    `A cluster of at most ${n} nodes cannot tolerate ${k} failures; lower failuresToTolerate below ${n} or raise maxNodes.`,
  maxNodesAbovePlatform: (n: number, limit: number, platform: string) =>
    `${platform} failover clusters have at most ${limit} nodes, not ${n}; set maxNodes to ${limit} or less.`,
  reserveAboveHostMemory: (reserve: string, memory: string) =>
    `The host memory reserve of ${reserve} GiB leaves no RAM for VMs on a ${memory} GiB host; lower cluster.hostMemoryReserveGiB or raise host.memoryGiB.`,
  notADate: (prompt: string, text: string) =>
    `Enter ${prompt} as a real calendar day written YYYY-MM-DD (such as 2027-06-30), not ${text}.`,
  termYears: (term: number) =>
    `Broadcom sells VCF and VVF terms of 1, 3 or 5 years, not ${term}; set licensing.vmware.termYears to 1, 3 or 5.`,
  orderMinimumBelowFloor: (perOrder: number, perCpu: number) =>
    `An order minimum of ${perOrder} cores is below the ${perCpu} cores billed for a single CPU, so it would never apply; set licensing.vmware.minimumCoresPerOrder to 0 (none) or to the minimum on your quote (72 where it applies).`,
  renewalBeforeStart: (renewal: string, start: string) =>
    `The VMware renewal date ${renewal} is before the start date ${start}; enter the day your current subscription ends (on or after the start date), or move finance.startDate back.`,
  baselineNeedsToday: (baseline: string, platform: string) =>
    `Staying on ${baseline === "vcf" ? "VMware Cloud Foundation" : "vSphere Foundation"} is priced with today's per-core subscription, which ${platform} scenarios do not have; choose platform ws2022 or ws2025, or baseline vsphere for the per-CPU era.`,
  saWithoutRate:
    "Software Assurance is active on your owned licences (licensing.owned.softwareAssurance) but its yearly rate is 0; enter the rate you pay (0.25 for 25 % of the licence price a year).",
  ahbNeedsSa:
    "Azure Hybrid Benefit needs active Software Assurance on owned Windows Server Datacenter licences; set licensing.owned.softwareAssurance to true if you have it, or set licensing.azureHybridBenefit to false.",
  ahbNeedsDatacenterCores:
    "Azure Hybrid Benefit exchanges owned Datacenter core licences for Azure Local cores, and licensing.owned.datacenterCores is 0; enter the Datacenter cores you own, or set licensing.azureHybridBenefit to false.",
  s2dPlatform: (platformLabel: string) =>
    `Storage Spaces Direct first came with Windows Server 2016 Datacenter; on ${platformLabel} set storage.kind to san (a shared array per cluster), or choose platform ws2016 or later.`,
  s2dResiliencyPlatform: (resiliency: string, firstLabel: string) =>
    `${resiliency} first came with ${firstLabel}; choose a later platform or another storage.resiliency (two-way-mirror, three-way-mirror, dual-parity, mirror-accelerated-parity).`,
  s2dMaxNodes: (n: number, limit: number) =>
    `A Storage Spaces Direct cluster has at most ${limit} servers, not ${n}; set cluster.maxNodes to ${limit} or less, or set storage.kind to san.`,
  s2dResiliencyNodes: (resiliency: string, min: number, max: number, maxNodes: number) =>
    min === max
      ? `${resiliency} is for clusters of exactly ${min} servers, but cluster.maxNodes is ${maxNodes}; set cluster.maxNodes to ${min}, or choose three-way-mirror or dual-parity for larger clusters.`
      : `${resiliency} needs at least ${min} servers per cluster, but cluster.maxNodes is ${maxNodes}; raise cluster.maxNodes to ${min} or more, or choose ${maxNodes >= 3 ? "three-way-mirror" : "two-way-mirror or a nested resiliency"}.`,
  s2dFaults: (resiliency: string, tolerated: number, k: number) =>
    `${resiliency} keeps the data online through ${tolerated} failure${tolerated === 1 ? "" : "s"} at a time, but the cluster must survive ${k}; choose a resiliency that survives ${k} (three-way-mirror, dual-parity) or lower cluster.failuresToTolerate.`,
  s2dPool: (drives: number, driveTB: string, nodes: number, maxTB: number) =>
    `${nodes} servers × ${drives} drives × ${driveTB} TB exceeds the ${maxTB} TB a Storage Spaces Direct pool may hold; use fewer or smaller capacity drives.`,
  notANumberHint:
    'Write numbers with a dot for decimals and no thousands separators, e.g. "1250.50".',
} as const;
