/** Every text the scenario parser shows a user, in one place (tests pin them). */

export const MESSAGES = {
  notObject: "The scenario must be a JSON object such as { \"schemaVersion\": 1, \"inventory\": [...] }.",
  schemaVersionMissing: "Add \"schemaVersion\": 1 at the top of the scenario (this tool reads version 1).",
  schemaVersionUnknown: (got: string) =>
    `schemaVersion ${got} is not one this tool reads; set "schemaVersion": 1 (or export the scenario again from this version).`,
  unknownKey: (key: string, allowed: readonly string[]) =>
    `"${key}" is not a field here; check the spelling. Allowed: ${allowed.join(", ")}.`,
  sectionNotObject: (title: string) => `${title} must be an object of fields ({ … }); remove it to use the defaults.`,
  required: (label: string, help: string) => `${label} is required. ${help}`,
  inventoryMissing: "Add an \"inventory\" list with at least one server (name, cores, cpuGhz, memoryGiB).",
  inventoryNotArray: "inventory must be a list ([ … ]) of servers.",
  inventoryEmpty: "The inventory is empty: add at least one server (name, cores, cpuGhz, memoryGiB).",
  rowNotObject: "Each inventory entry must be an object such as { \"name\": \"FILE-01\", \"cores\": 4, \"cpuGhz\": \"2.4\", \"memoryGiB\": \"8\" }.",
  duplicateName: (name: string, firstPath: string) =>
    `Server name "${name}" is used twice (first at ${firstPath}); give each row a unique name, or use "count" for identical servers.`,
  averageAbovePeak: (avg: string, peak: string) =>
    `Average CPU ${avg} is above peak CPU ${peak}; the peak is the highest reading, so set it at or above the average.`,
  failuresVsNodes: (k: number, n: number) =>
    `A cluster of at most ${n} nodes cannot tolerate ${k} failures; lower failuresToTolerate below ${n} or raise maxNodes.`,
  maxNodesAbovePlatform: (n: number, limit: number, platform: string) =>
    `${platform} failover clusters have at most ${limit} nodes; set maxNodes to ${limit} or less.`,
  duplicateOption: (id: string) => `Option "${id}" is listed twice; list each option once.`,
  notANumberHint: "Write numbers with a dot for decimals and no thousands separators, e.g. \"1250.50\".",
} as const;
