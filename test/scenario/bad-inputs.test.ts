/**
 * The bad-input corpus: each case breaks a valid scenario in one way and pins the issue(s) the
 * parser reports — the JSON path and the message a user reads. A wording change shows up here.
 */
import { describe, expect, it } from "vitest";
import { defaultScenarioJson, parseScenario, type Issue } from "../../src/scenario";
import type { PlatformId } from "../../src/platform";

type Json = Record<string, any>;

/** A fresh, valid scenario (JSON form) to break. */
function valid(platform: PlatformId = "ws2022"): Json {
  return JSON.parse(JSON.stringify(defaultScenarioJson(platform))) as Json;
}

/** Break a valid scenario with `edit`. */
function broken(edit: (s: Json) => void, platform?: PlatformId): Json {
  const s = valid(platform);
  edit(s);
  return s;
}

interface Expected {
  readonly path: string;
  /** The whole message, or a pattern for the stable part of a long one. */
  readonly message: string | RegExp;
  readonly received?: string;
  readonly expected?: string;
}

interface Case {
  readonly name: string;
  readonly input: () => unknown;
  readonly issues: readonly Expected[];
}

const PLATFORMS = "ws2008r2, ws2012r2, ws2016, ws2019, ws2022, ws2025";
const OPTIONS =
  "hyperv-server, standard, enterprise, datacenter, vsphere, vcf, vvf, windows-payg, azure-local";

const CASES: readonly Case[] = [
  // ── the document as a whole ──────────────────────────────────────────────────────────────
  {
    name: "root is an array",
    input: () => [],
    issues: [
      {
        path: "(root)",
        received: "[]",
        message:
          'The scenario must be a JSON object such as { "schemaVersion": 1, "inventory": [...] }.',
      },
    ],
  },
  {
    name: "root is null",
    input: () => null,
    issues: [{ path: "(root)", received: "null", message: /^The scenario must be a JSON object/ }],
  },
  {
    name: "root is a string (a file read but not parsed)",
    input: () => '{"schemaVersion": 1}',
    issues: [
      {
        path: "(root)",
        received: '"{\\"schemaVersion\\": 1}"',
        message: /^The scenario must be a JSON object/,
      },
    ],
  },
  // ── unknown keys, at every level ─────────────────────────────────────────────────────────
  {
    name: "unknown top-level key",
    input: () => broken((s) => (s["horizon"] = 5)),
    issues: [
      {
        path: "horizon",
        received: '"horizon"',
        message:
          /^Remove "horizon" or correct its spelling: the scenario has no such field\. Allowed: \$schema, schemaVersion, name, /,
      },
    ],
  },
  {
    name: "misspelt inventory: the typo and the missing list are both reported",
    input: () =>
      broken((s) => {
        s["inventroy"] = s["inventory"];
        delete s["inventory"];
      }),
    issues: [
      {
        path: "inventroy",
        message:
          /^Remove "inventroy" or correct its spelling \(did you mean "inventory"\?\): the scenario has no such field\./,
      },
      {
        path: "inventory",
        received: "nothing",
        message:
          'Add an "inventory" list with at least one server (name, cores, cpuGhz, memoryGiB).',
      },
    ],
  },
  {
    name: "unknown key in a section, with a suggestion",
    input: () => broken((s) => (s["host"]["socket"] = 2)),
    issues: [
      {
        path: "host.socket",
        message:
          'Remove "socket" or correct its spelling (did you mean "sockets"?): host has no such field. Allowed: sockets, coresPerSocket, threadsPerCore, cpuGhz, memoryGiB, price, powerWatts, rackUnits.',
      },
    ],
  },
  {
    name: "unknown key in the nested prices object",
    input: () => broken((s) => (s["licensing"]["prices"]["datacentre"] = "6155")),
    issues: [
      {
        path: "licensing.prices.datacentre",
        message:
          'Remove "datacentre" or correct its spelling (did you mean "datacenter"?): licensing.prices has no such field. Allowed: guestOsPerVm, standard, enterprise, datacenter, vsphere, vcf, vvf, windowsPayg, azureLocalHost, azureLocalWindows, vsanPerTiB, cal, systemCenter.',
      },
    ],
  },
  {
    name: "unknown key in an inventory row",
    input: () => broken((s) => (s["inventory"][0]["ram"] = "8")),
    issues: [
      {
        path: "inventory[0].ram",
        message:
          /^Remove "ram" or correct its spelling: an inventory row has no such field\. Allowed: name, count, os, cores, /,
      },
    ],
  },
  {
    name: "unknown key that is not an identifier gets a bracketed path",
    input: () => broken((s) => (s["host"]["memory GiB"] = "96")),
    issues: [
      { path: 'host["memory GiB"]', message: /^Remove "memory GiB" or correct its spelling/ },
    ],
  },
  {
    name: "empty key",
    input: () => broken((s) => (s[""] = 1)),
    issues: [
      {
        path: '[""]',
        received: '""',
        message: /^Remove "" or correct its spelling: the scenario has no such field/,
      },
    ],
  },
  // ── schemaVersion and $schema ─────────────────────────────────────────────────────────────
  {
    name: "schemaVersion missing",
    input: () => broken((s) => delete s["schemaVersion"]),
    issues: [
      {
        path: "schemaVersion",
        received: "nothing",
        message: 'Add "schemaVersion": 1 at the top of the scenario (this tool reads version 1).',
      },
    ],
  },
  {
    name: "schemaVersion unknown",
    input: () => broken((s) => (s["schemaVersion"] = 2)),
    issues: [
      {
        path: "schemaVersion",
        received: "2",
        message:
          'schemaVersion 2 is not one this tool reads; set "schemaVersion": 1 (or export the scenario again from this version).',
      },
    ],
  },
  {
    name: 'schemaVersion as the string "1"',
    input: () => broken((s) => (s["schemaVersion"] = "1")),
    issues: [
      {
        path: "schemaVersion",
        expected: "the number 1",
        received: '"1"',
        message: 'Write "schemaVersion": 1 as a number, without quotes.',
      },
    ],
  },
  {
    name: "$schema that is not text",
    input: () => broken((s) => (s["$schema"] = true)),
    issues: [
      { path: "$schema", message: /^Write "\$schema" as the text address of the JSON Schema/ },
    ],
  },
  // ── top-level fields ──────────────────────────────────────────────────────────────────────
  {
    name: "platform unknown",
    input: () => broken((s) => (s["platform"] = "ws2003")),
    issues: [
      {
        path: "platform",
        message: `Enter the Windows Server platform as one of ${PLATFORMS}, not "ws2003".`,
      },
    ],
  },
  {
    name: "platform in the wrong case",
    input: () => broken((s) => (s["platform"] = "WS2022")),
    issues: [
      {
        path: "platform",
        message: `Enter the Windows Server platform as one of ${PLATFORMS}, not "WS2022" (did you mean "ws2022"?).`,
      },
    ],
  },
  {
    name: "currency in lower case",
    input: () => broken((s) => (s["currency"] = "usd")),
    issues: [
      {
        path: "currency",
        message:
          'Enter the currency as a three-letter ISO 4217 code in capitals, such as USD, not "usd" (did you mean "USD"?).',
      },
    ],
  },
  {
    name: "currency as a symbol",
    input: () => broken((s) => (s["currency"] = "$")),
    issues: [
      {
        path: "currency",
        message:
          'Enter the currency as a three-letter ISO 4217 code in capitals, such as USD, not "$".',
      },
    ],
  },
  {
    name: "name empty",
    input: () => broken((s) => (s["name"] = "   ")),
    issues: [
      {
        path: "name",
        expected: "a non-empty text",
        message: 'Enter a name for the scenario as a non-empty text, not "   ".',
      },
    ],
  },
  {
    name: "name is a number",
    input: () => broken((s) => (s["name"] = 2010)),
    issues: [
      { path: "name", message: "Enter a name for the scenario as a non-empty text, not 2010." },
    ],
  },
  {
    name: "name null (null is not 'missing')",
    input: () => broken((s) => (s["name"] = null)),
    issues: [
      {
        path: "name",
        message:
          "Enter a name for the scenario as a non-empty text, not null. Or leave the field out to use its default.",
      },
    ],
  },
  {
    name: "name too long",
    input: () => broken((s) => (s["name"] = "x".repeat(201))),
    issues: [
      {
        path: "name",
        message: "Shorten a name for the scenario to at most 200 characters (it has 201).",
      },
    ],
  },
  // ── sections ──────────────────────────────────────────────────────────────────────────────
  {
    name: "section that is not an object",
    input: () => broken((s) => (s["host"] = [])),
    issues: [
      {
        path: "host",
        received: "[]",
        message: "Write host as an object of fields ({ … }), or leave it out to use the defaults.",
      },
    ],
  },
  {
    name: "section null",
    input: () => broken((s) => (s["finance"] = null)),
    issues: [
      {
        path: "finance",
        received: "null",
        message:
          "Write finance as an object of fields ({ … }), or leave it out to use the defaults.",
      },
    ],
  },
  {
    name: "nested prices that is not an object",
    input: () => broken((s) => (s["licensing"]["prices"] = "cheap")),
    issues: [
      {
        path: "licensing.prices",
        message:
          "Write licensing.prices as an object of fields ({ … }), or leave it out to use the defaults.",
      },
    ],
  },
  // ── numbers ───────────────────────────────────────────────────────────────────────────────
  {
    name: "negative money",
    input: () => broken((s) => (s["host"]["price"] = "-1")),
    issues: [
      {
        path: "host.price",
        expected: "a number 0 or more",
        received: '"-1"',
        message: 'Enter the price of one host as a number 0 or more, not "-1".',
      },
    ],
  },
  {
    name: "negative RAM as a JSON number (the style guide's example)",
    input: () => broken((s) => (s["inventory"][0]["memoryGiB"] = -4)),
    issues: [
      {
        path: "inventory[0].memoryGiB",
        expected: "a number above 0",
        received: "-4",
        message: "Enter the server's RAM in GiB as a number above 0, not -4.",
      },
    ],
  },
  {
    name: '"NaN" as text',
    input: () => broken((s) => (s["host"]["memoryGiB"] = "NaN")),
    issues: [
      {
        path: "host.memoryGiB",
        message: 'Enter the host\'s RAM in GiB as a number above 0, not "NaN".',
      },
    ],
  },
  {
    name: '"Infinity" as text',
    input: () => broken((s) => (s["host"]["cpuGhz"] = "Infinity")),
    issues: [
      {
        path: "host.cpuGhz",
        message: 'Enter the host\'s core clock in GHz as a number above 0, not "Infinity".',
      },
    ],
  },
  {
    name: "1e999 as a JSON number (JSON.parse gives Infinity)",
    input: () => broken((s) => (s["host"]["price"] = JSON.parse("1e999"))),
    issues: [
      {
        path: "host.price",
        received: "Infinity",
        message: "Enter the price of one host as a number 0 or more, not Infinity.",
      },
    ],
  },
  {
    name: '"1e999" as text (a finite decimal, but no real price)',
    input: () => broken((s) => (s["host"]["price"] = "1e999")),
    issues: [
      {
        path: "host.price",
        message: 'Enter the price of one host as a realistic figure below 10^15, not "1e999".',
      },
    ],
  },
  {
    name: "an exponent decimal.js cannot hold (used to throw)",
    input: () => broken((s) => (s["virtual"]["storageCostPerGiB"] = "1e99999999999999999")),
    issues: [
      {
        path: "virtual.storageCostPerGiB",
        message: /^Enter the shared storage price per GiB as a realistic figure below 10\^15/,
      },
    ],
  },
  {
    name: "thousands separator",
    input: () => broken((s) => (s["host"]["price"] = "9,000")),
    issues: [
      {
        path: "host.price",
        message:
          'Enter the price of one host as a plain number with a dot for decimals and no thousands separators or currency signs (e.g. "1250.50"), not "9,000".',
      },
    ],
  },
  {
    name: "decimal comma",
    input: () => broken((s) => (s["host"]["cpuGhz"] = "2,93")),
    issues: [
      {
        path: "host.cpuGhz",
        message: /^Enter the host's core clock in GHz as a plain number with a dot for decimals/,
      },
    ],
  },
  {
    name: "space as thousands separator",
    input: () => broken((s) => (s["virtual"]["sharedStoragePerCluster"] = "40 000")),
    issues: [
      {
        path: "virtual.sharedStoragePerCluster",
        message:
          /as a plain number with a dot for decimals and no thousands separators or currency signs .*, not "40 000"\.$/,
      },
    ],
  },
  {
    name: "currency sign",
    input: () => broken((s) => (s["licensing"]["prices"]["standard"] = "$1069")),
    issues: [
      {
        path: "licensing.prices.standard",
        message: /^Enter the Standard licence price as a plain number/,
      },
    ],
  },
  {
    name: "a word for a number",
    input: () => broken((s) => (s["host"]["sockets"] = "two")),
    issues: [
      {
        path: "host.sockets",
        message: 'Enter the host\'s processor sockets as a whole number from 1 to 64, not "two".',
      },
    ],
  },
  {
    name: "hex number",
    input: () => broken((s) => (s["inventory"][0]["cores"] = "0x10")),
    issues: [
      {
        path: "inventory[0].cores",
        message: 'Enter the server\'s physical cores as a whole number from 1 to 4096, not "0x10".',
      },
    ],
  },
  {
    name: "fractional count of sockets",
    input: () => broken((s) => (s["host"]["sockets"] = 2.5)),
    issues: [
      {
        path: "host.sockets",
        message: "Enter the host's processor sockets as a whole number from 1 to 64, not 2.5.",
      },
    ],
  },
  {
    name: "boolean for a number",
    input: () => broken((s) => (s["host"]["rackUnits"] = true)),
    issues: [
      {
        path: "host.rackUnits",
        message: "Enter the host's height in rack units as a whole number from 0 to 100, not true.",
      },
    ],
  },
  {
    name: "horizon 0",
    input: () => broken((s) => (s["finance"]["horizonYears"] = 0)),
    issues: [
      {
        path: "finance.horizonYears",
        expected: "a whole number from 1 to 30",
        message: "Enter the horizon in years as a whole number from 1 to 30, not 0.",
      },
    ],
  },
  {
    name: "horizon 31",
    input: () => broken((s) => (s["finance"]["horizonYears"] = 31)),
    issues: [
      {
        path: "finance.horizonYears",
        message: "Enter the horizon in years as a whole number from 1 to 30, not 31.",
      },
    ],
  },
  {
    name: "discount rate as a percentage",
    input: () => broken((s) => (s["finance"]["discountRate"] = "7")),
    issues: [
      {
        path: "finance.discountRate",
        message:
          'Enter the discount rate per year (0.07 for 7 %) as a number from 0 to 1, not "7". For 7 % write 0.07.',
      },
    ],
  },
  {
    name: "PUE below 1",
    input: () => broken((s) => (s["housing"]["pue"] = "0.9")),
    issues: [
      {
        path: "housing.pue",
        expected: "a number from 1 to 5",
        message: 'Enter the PUE (facility power ÷ IT power) as a number from 1 to 5, not "0.9".',
      },
    ],
  },
  // ── utilisation ───────────────────────────────────────────────────────────────────────────
  {
    name: "peak utilisation above 1",
    input: () => broken((s) => (s["inventory"][0]["peakCpuUtilization"] = "1.5")),
    issues: [
      {
        path: "inventory[0].peakCpuUtilization",
        message: 'Enter the server\'s peak CPU (0.4 for 40 %) as a number from 0 to 1, not "1.5".',
      },
    ],
  },
  {
    name: "peak utilisation written as a percentage",
    input: () => broken((s) => (s["inventory"][0]["peakCpuUtilization"] = 40)),
    issues: [
      { path: "inventory[0].peakCpuUtilization", message: /, not 40\. For 40 % write 0\.4\.$/ },
    ],
  },
  {
    name: "average utilisation with a percent sign",
    input: () => broken((s) => (s["inventory"][0]["averageCpuUtilization"] = "12%")),
    issues: [
      {
        path: "inventory[0].averageCpuUtilization",
        message:
          'Enter the server\'s average CPU (0.12 for 12 %) as a number from 0 to 1, not "12%". For 12 % write 0.12.',
      },
    ],
  },
  {
    name: "negative utilisation",
    input: () => broken((s) => (s["inventory"][0]["averageCpuUtilization"] = -0.1)),
    issues: [
      {
        path: "inventory[0].averageCpuUtilization",
        message: /as a number from 0 to 1, not -0\.1\.$/,
      },
    ],
  },
  {
    name: "CPU target of 0 (must be above 0)",
    input: () => broken((s) => (s["cluster"]["targetCpuUtilization"] = "0")),
    issues: [
      {
        path: "cluster.targetCpuUtilization",
        expected: "a number above 0 and at most 1",
        message: /as a number above 0 and at most 1, not "0"\.$/,
      },
    ],
  },
  {
    name: "average above peak in a row",
    input: () =>
      broken((s) => {
        s["inventory"][0]["peakCpuUtilization"] = "0.3";
        s["inventory"][0]["averageCpuUtilization"] = "0.5";
      }),
    issues: [
      {
        path: "inventory[0].averageCpuUtilization",
        expected: "at most the peak (0.3)",
        received: "0.5",
        message:
          "Average CPU 0.5 is above peak CPU 0.3; the peak is the highest reading, so set it at or above the average.",
      },
    ],
  },
  {
    name: "default average above default peak",
    input: () => broken((s) => (s["physical"]["defaultAverageCpuUtilization"] = "0.4")),
    issues: [
      {
        path: "physical.defaultAverageCpuUtilization",
        message:
          "Average CPU 0.4 is above peak CPU 0.3; the peak is the highest reading, so set it at or above the average.",
      },
    ],
  },
  // ── inventory ─────────────────────────────────────────────────────────────────────────────
  {
    name: "inventory empty",
    input: () => broken((s) => (s["inventory"] = [])),
    issues: [
      {
        path: "inventory",
        received: "[]",
        message:
          "The inventory is empty: add at least one server (name, cores, cpuGhz, memoryGiB).",
      },
    ],
  },
  {
    name: "inventory not an array",
    input: () => broken((s) => (s["inventory"] = { name: "FILE-01" })),
    issues: [{ path: "inventory", message: /^Write inventory as a list \(\[ … \]\) of servers/ }],
  },
  {
    name: "a row that is not an object",
    input: () => broken((s) => (s["inventory"][1] = "SQL-01")),
    issues: [
      {
        path: "inventory[1]",
        received: '"SQL-01"',
        message: /^Write each inventory entry as an object such as \{ "name": "FILE-01"/,
      },
    ],
  },
  {
    name: "a hole in a sparse inventory array (JavaScript callers)",
    // eslint-disable-next-line no-sparse-arrays
    input: () => broken((s) => (s["inventory"] = [s["inventory"][0], , s["inventory"][2]])),
    issues: [
      {
        path: "inventory[1]",
        received: "nothing",
        message: /^Write each inventory entry as an object/,
      },
    ],
  },
  {
    name: "an empty row: every required field reported",
    input: () => broken((s) => (s["inventory"] = [{}])),
    issues: [
      {
        path: "inventory[0].name",
        received: "nothing",
        message:
          "Enter a unique name for the server or group (a non-empty text); every inventory row needs it.",
      },
      {
        path: "inventory[0].cores",
        message:
          "Enter the server's physical cores (a whole number from 1 to 4096); every inventory row needs it.",
      },
      {
        path: "inventory[0].cpuGhz",
        message:
          "Enter the server's core clock in GHz (a number above 0 and at most 10); every inventory row needs it.",
      },
      {
        path: "inventory[0].memoryGiB",
        message: "Enter the server's RAM in GiB (a number above 0); every inventory row needs it.",
      },
    ],
  },
  {
    name: "duplicate server names, ignoring case",
    input: () => broken((s) => (s["inventory"][1]["name"] = "file-01")),
    issues: [
      {
        path: "inventory[1].name",
        expected: "a unique name",
        message:
          'Server name "file-01" is used twice (first at inventory[0].name; names ignore case); give each row a unique name, or use "count" for identical servers.',
      },
    ],
  },
  {
    name: "count 0",
    input: () => broken((s) => (s["inventory"][0]["count"] = 0)),
    issues: [
      {
        path: "inventory[0].count",
        message:
          "Enter the number of identical servers this row stands for as a whole number from 1 to 1,000,000, not 0.",
      },
    ],
  },
  {
    name: "non-integer count",
    input: () => broken((s) => (s["inventory"][0]["count"] = "1.5")),
    issues: [
      {
        path: "inventory[0].count",
        message: /as a whole number from 1 to 1,000,000, not "1\.5"\.$/,
      },
    ],
  },
  {
    name: "cores 0",
    input: () => broken((s) => (s["inventory"][0]["cores"] = 0)),
    issues: [
      {
        path: "inventory[0].cores",
        message: "Enter the server's physical cores as a whole number from 1 to 4096, not 0.",
      },
    ],
  },
  {
    name: "RAM 0 (must be above 0)",
    input: () => broken((s) => (s["inventory"][0]["memoryGiB"] = "0")),
    issues: [
      {
        path: "inventory[0].memoryGiB",
        message: 'Enter the server\'s RAM in GiB as a number above 0, not "0".',
      },
    ],
  },
  {
    name: "core clock in MHz",
    input: () => broken((s) => (s["inventory"][0]["cpuGhz"] = 2400)),
    issues: [
      {
        path: "inventory[0].cpuGhz",
        message:
          "Enter the server's core clock in GHz as a number above 0 and at most 10, not 2400.",
      },
    ],
  },
  {
    name: "os capitalised",
    input: () => broken((s) => (s["inventory"][0]["os"] = "Windows")),
    issues: [
      {
        path: "inventory[0].os",
        message:
          'Enter the operating system as one of windows, linux, not "Windows" (did you mean "windows"?).',
      },
    ],
  },
  {
    name: "boolean given as a string",
    input: () => broken((s) => (s["inventory"][0]["stayPhysical"] = "true")),
    issues: [
      {
        path: "inventory[0].stayPhysical",
        received: '"true"',
        message:
          "Write true without quotes: Stay physical takes the JSON value true or false, not text.",
      },
    ],
  },
  {
    name: "boolean given as 1",
    input: () => broken((s) => (s["licensing"]["clusterAware"] = 1)),
    issues: [
      {
        path: "licensing.clusterAware",
        message: "Enter whether licensing is cluster-aware as true or false, not 1.",
      },
    ],
  },
  // ── licensing options ─────────────────────────────────────────────────────────────────────
  {
    name: "options empty",
    input: () => broken((s) => (s["licensing"]["options"] = [])),
    issues: [
      {
        path: "licensing.options",
        expected: `a non-empty list of ${OPTIONS}`,
        message: `Enter the options to compare as a non-empty list of ${OPTIONS}, not [].`,
      },
    ],
  },
  {
    name: "options not a list",
    input: () => broken((s) => (s["licensing"]["options"] = "datacenter")),
    issues: [
      {
        path: "licensing.options",
        message: `Enter the options to compare as a non-empty list of ${OPTIONS}, not "datacenter".`,
      },
    ],
  },
  {
    name: "options with a duplicate",
    input: () =>
      broken((s) => (s["licensing"]["options"] = ["standard", "datacenter", "standard"])),
    issues: [
      {
        path: "licensing.options[2]",
        expected: "each option once",
        message: 'Option "standard" is listed twice; list each option once.',
      },
    ],
  },
  {
    name: "options with unknown entries",
    input: () => broken((s) => (s["licensing"]["options"] = ["Datacenter", "xen", 3])),
    issues: [
      {
        path: "licensing.options[0]",
        message: `Replace "Datacenter" with one of ${OPTIONS} (did you mean "datacenter"?).`,
      },
      { path: "licensing.options[1]", message: `Replace "xen" with one of ${OPTIONS}.` },
      { path: "licensing.options[2]", message: `Replace 3 with one of ${OPTIONS}.` },
    ],
  },
  {
    name: "vSphere model unknown",
    input: () => broken((s) => (s["licensing"]["vsphereModel"] = "per-socket")),
    issues: [
      {
        path: "licensing.vsphereModel",
        message:
          'Enter the vSphere licence model as one of per-cpu, per-core-subscription, not "per-socket".',
      },
    ],
  },
  // ── cluster rules ─────────────────────────────────────────────────────────────────────────
  {
    name: "failuresToTolerate equal to maxNodes",
    input: () =>
      broken((s) => {
        s["cluster"]["failuresToTolerate"] = 2;
        s["cluster"]["maxNodes"] = 2;
      }),
    issues: [
      {
        path: "cluster.failuresToTolerate",
        expected: "less than maxNodes (2)",
        message:
          "A cluster of at most 2 nodes cannot tolerate 2 failures; lower failuresToTolerate below 2 or raise maxNodes.",
      },
    ],
  },
  {
    name: "maxNodes above the 2008 R2 limit of 16",
    input: () => broken((s) => (s["cluster"]["maxNodes"] = 32), "ws2008r2"),
    issues: [
      {
        path: "cluster.maxNodes",
        expected: "at most 16",
        received: "32",
        message:
          "ws2008r2 failover clusters have at most 16 nodes, not 32; set maxNodes to 16 or less.",
      },
    ],
  },
  {
    name: "maxNodes above any platform's limit",
    input: () => broken((s) => (s["cluster"]["maxNodes"] = 65)),
    issues: [
      {
        path: "cluster.maxNodes",
        message: "Enter the most nodes per cluster as a whole number from 1 to 64, not 65.",
      },
    ],
  },
  {
    name: "host memory reserve that leaves no RAM for VMs",
    input: () => broken((s) => (s["cluster"]["hostMemoryReserveGiB"] = "768")),
    issues: [
      {
        path: "cluster.hostMemoryReserveGiB",
        expected: "less than host.memoryGiB (768)",
        message:
          "The host memory reserve of 768 GiB leaves no RAM for VMs on a 768 GiB host; lower cluster.hostMemoryReserveGiB or raise host.memoryGiB.",
      },
    ],
  },
  // ── storage (Storage Spaces Direct) and growth ──────────────────────────────────────────
  {
    name: "dual parity on a cluster of at most 3 servers",
    input: () =>
      broken((s) => {
        s["storage"] = { kind: "s2d", resiliency: "dual-parity" };
        s["cluster"]["maxNodes"] = 3;
      }),
    issues: [
      {
        path: "storage.resiliency",
        received: "dual-parity",
        message:
          "dual parity needs at least 4 servers per cluster, but cluster.maxNodes is 3; raise cluster.maxNodes to 4 or more, or choose three-way-mirror.",
      },
    ],
  },
  {
    name: "nested two-way mirror on clusters of up to 4 servers",
    input: () =>
      broken((s) => {
        s["storage"] = { kind: "s2d", resiliency: "nested-two-way-mirror" };
        s["cluster"]["maxNodes"] = 4;
      }),
    issues: [
      {
        path: "storage.resiliency",
        message:
          "nested two-way mirror is for clusters of exactly 2 servers, but cluster.maxNodes is 4; set cluster.maxNodes to 2, or choose three-way-mirror or dual-parity for larger clusters.",
      },
    ],
  },
  {
    name: "two-way mirror where the cluster must survive 2 failures",
    input: () =>
      broken((s) => {
        s["storage"] = { kind: "s2d", resiliency: "two-way-mirror" };
        s["cluster"]["failuresToTolerate"] = 2;
      }),
    issues: [
      {
        path: "storage.resiliency",
        message:
          "two-way mirror keeps the data online through 1 failure at a time, but the cluster must survive 2; choose a resiliency that survives 2 (three-way-mirror, dual-parity) or lower cluster.failuresToTolerate.",
      },
    ],
  },
  {
    name: "Storage Spaces Direct on Windows Server 2008 R2",
    input: () => broken((s) => (s["storage"] = { kind: "s2d" }), "ws2008r2"),
    issues: [
      {
        path: "storage.kind",
        message:
          "Storage Spaces Direct first came with Windows Server 2016 Datacenter; on Windows Server 2008 R2 SP1 set storage.kind to san (a shared array per cluster), or choose platform ws2016 or later.",
      },
    ],
  },
  {
    name: "Storage Spaces Direct with 20-node clusters",
    input: () =>
      broken((s) => {
        s["storage"] = { kind: "s2d" };
        s["cluster"]["maxNodes"] = 20;
      }),
    issues: [
      {
        path: "cluster.maxNodes",
        message: /^A Storage Spaces Direct cluster has at most 16 servers, not 20/,
      },
    ],
  },
  {
    name: "nested resiliency on Windows Server 2016",
    input: () =>
      broken((s) => {
        s["storage"] = { kind: "s2d", resiliency: "nested-mirror-accelerated-parity" };
        s["cluster"]["maxNodes"] = 2;
      }, "ws2016"),
    issues: [
      {
        path: "storage.resiliency",
        message: /^nested mirror-accelerated parity first came with Windows Server 2019/,
      },
    ],
  },
  {
    name: "an unknown resiliency",
    input: () => broken((s) => (s["storage"] = { kind: "s2d", resiliency: "three-way mirror" })),
    issues: [
      {
        path: "storage.resiliency",
        message:
          /^Enter the Storage Spaces Direct resiliency as one of two-way-mirror, three-way-mirror, .* \(did you mean "three-way-mirror"\?\)\.$/,
      },
    ],
  },
  {
    name: "fewer than 4 capacity drives per node",
    input: () => broken((s) => (s["storage"] = { drivesPerNode: 2 })),
    issues: [
      {
        path: "storage.drivesPerNode",
        message: /^Enter the capacity drives per node as a whole number from 4 to 64, not 2\.$/,
      },
    ],
  },
  {
    name: "growth of 150 % a year",
    input: () => broken((s) => (s["growth"] = { ratePerYear: "1.5" })),
    issues: [
      {
        path: "growth.ratePerYear",
        received: '"1.5"',
        message:
          'Enter the yearly demand growth (0.1 for 10 %; from -1 to 1) as a number from -1 to 1, not "1.5".',
      },
    ],
  },
  {
    name: "growth below -100 % a year",
    input: () => broken((s) => (s["growth"] = { ratePerYear: -1.2 })),
    issues: [{ path: "growth.ratePerYear", message: /as a number from -1 to 1, not -1\.2\.$/ }],
  },
  {
    name: "growth written as a percentage",
    input: () => broken((s) => (s["growth"] = { ratePerYear: 10 })),
    issues: [{ path: "growth.ratePerYear", message: /not 10\. For 10 % write 0\.1\.$/ }],
  },
  {
    name: "a memory growth rate of 2",
    input: () => broken((s) => (s["growth"] = { ratePerYear: "0.1", memoryRatePerYear: 2 })),
    issues: [
      { path: "growth.memoryRatePerYear", message: /^Enter the yearly memory demand growth/ },
    ],
  },
  {
    name: "a comfort factor below 1",
    input: () => broken((s) => (s["demand"] = { comfortFactor: "0.8" })),
    issues: [
      {
        path: "demand.comfortFactor",
        message: /^Enter the comfort factor \(1\.3 for 30 % more\) as a number from 1 to 5/,
      },
    ],
  },
  {
    name: "a measured CPU above 1",
    input: () => broken((s) => (s["inventory"][0]["measuredCpuUtilization"] = 35)),
    issues: [{ path: "inventory[0].measuredCpuUtilization", message: /For 35 % write 0\.35\.$/ }],
  },
  // ── leaving VMware: dates, the renewal quote, owned licences ─────────────────────────────
  {
    name: "a start date that is not a calendar day",
    input: () => broken((s) => (s["finance"]["startDate"] = "2027-02-30")),
    issues: [
      {
        path: "finance.startDate",
        message:
          "Enter the analysis start date as a real calendar day written YYYY-MM-DD (such as 2027-06-30), not 2027-02-30.",
      },
    ],
  },
  {
    name: "a renewal date written the American way",
    input: () => broken((s) => (s["licensing"]["vmware"]["renewalDate"] = "06/30/2027"), "ws2025"),
    issues: [
      {
        path: "licensing.vmware.renewalDate",
        message:
          'Enter the VMware renewal date as a date written YYYY-MM-DD, such as 2027-06-30, not "06/30/2027".',
      },
    ],
  },
  {
    name: "a renewal date before the start date (a renewal in the past)",
    input: () =>
      broken((s) => {
        s["finance"]["baseline"] = "vcf";
        s["finance"]["startDate"] = "2027-03-01";
        s["licensing"]["vmware"]["renewalDate"] = "2026-12-31";
      }, "ws2025"),
    issues: [
      {
        path: "licensing.vmware.renewalDate",
        expected: "on or after the start date (2027-03-01)",
        message:
          "The VMware renewal date 2026-12-31 is before the start date 2027-03-01; enter the day your current subscription ends (on or after the start date), or move finance.startDate back.",
      },
    ],
  },
  {
    name: "a VMware term Broadcom does not sell",
    input: () => broken((s) => (s["licensing"]["vmware"]["termYears"] = 2), "ws2025"),
    issues: [
      {
        path: "licensing.vmware.termYears",
        message:
          "Broadcom sells VCF and VVF terms of 1, 3 or 5 years, not 2; set licensing.vmware.termYears to 1, 3 or 5.",
      },
    ],
  },
  {
    name: "an order minimum below the per-CPU floor",
    input: () => broken((s) => (s["licensing"]["vmware"]["minimumCoresPerOrder"] = 8), "ws2025"),
    issues: [
      {
        path: "licensing.vmware.minimumCoresPerOrder",
        expected: "0 (none) or at least 16",
        message:
          "An order minimum of 8 cores is below the 16 cores billed for a single CPU, so it would never apply; set licensing.vmware.minimumCoresPerOrder to 0 (none) or to the minimum on your quote (72 where it applies).",
      },
    ],
  },
  {
    name: "Azure Hybrid Benefit without Software Assurance or owned Datacenter cores",
    input: () => broken((s) => (s["licensing"]["azureHybridBenefit"] = true), "ws2025"),
    issues: [
      {
        path: "licensing.azureHybridBenefit",
        message:
          "Azure Hybrid Benefit needs active Software Assurance on owned Windows Server Datacenter licences; set licensing.owned.softwareAssurance to true if you have it, or set licensing.azureHybridBenefit to false.",
      },
      {
        path: "licensing.azureHybridBenefit",
        message:
          "Azure Hybrid Benefit exchanges owned Datacenter core licences for Azure Local cores, and licensing.owned.datacenterCores is 0; enter the Datacenter cores you own, or set licensing.azureHybridBenefit to false.",
      },
    ],
  },
  {
    name: "Software Assurance on owned licences at a rate of 0",
    input: () =>
      broken((s) => {
        s["licensing"]["owned"] = {
          datacenterCores: 64,
          standardCores: 0,
          softwareAssurance: true,
        };
      }, "ws2025"),
    issues: [
      {
        path: "licensing.softwareAssuranceRate",
        message:
          "Software Assurance is active on your owned licences (licensing.owned.softwareAssurance) but its yearly rate is 0; enter the rate you pay (0.25 for 25 % of the licence price a year).",
      },
    ],
  },
  {
    name: "negative owned cores",
    input: () => broken((s) => (s["licensing"]["owned"]["datacenterCores"] = -16), "ws2025"),
    issues: [
      {
        path: "licensing.owned.datacenterCores",
        message:
          "Enter the Windows Server Datacenter cores you own as a whole number from 0 to 10,000,000, not -16.",
      },
    ],
  },
  {
    name: "staying on VCF on a 2019 platform",
    input: () => broken((s) => (s["finance"]["baseline"] = "vcf"), "ws2019"),
    issues: [
      {
        path: "finance.baseline",
        message:
          "Staying on VMware Cloud Foundation is priced with today's per-core subscription, which ws2019 scenarios do not have; choose platform ws2022 or ws2025, or baseline vsphere for the per-CPU era.",
      },
    ],
  },
];

describe("parseScenario: the bad-input corpus", () => {
  it("has at least 40 distinct cases", () => {
    expect(CASES.length).toBeGreaterThanOrEqual(40);
    expect(new Set(CASES.map((c) => c.name)).size).toBe(CASES.length);
  });

  it("starts from a valid scenario on every platform used", () => {
    expect(parseScenario(valid("ws2022")).ok).toBe(true);
    expect(parseScenario(valid("ws2008r2")).ok).toBe(true);
  });

  it.each(CASES.map((c) => [c.name, c] as const))("%s", (_name, c) => {
    const result = parseScenario(c.input());
    expect(result.ok).toBe(false);
    const issues: readonly Issue[] = result.ok ? [] : result.issues;
    expect(issues.map((i) => i.path)).toEqual(c.issues.map((e) => e.path));
    c.issues.forEach((want, k) => {
      const got = issues[k] as Issue;
      if (typeof want.message === "string") expect(got.message).toBe(want.message);
      else expect(got.message).toMatch(want.message);
      if (want.received !== undefined) expect(got.received).toBe(want.received);
      if (want.expected !== undefined) expect(got.expected).toBe(want.expected);
      for (const field of ["path", "expected", "received", "message"] as const)
        expect(got[field].trim()).not.toBe("");
    });
  });
});

describe("parseScenario reports every problem at once", () => {
  it("gives 5 issues for a scenario with 5 problems, in document order", () => {
    const s = broken((x) => {
      x["currency"] = "usd"; // 1
      x["host"]["price"] = "9,000"; // 2
      x["cluster"]["maxNodez"] = 4; // 3 (unknown key)
      x["inventory"][0]["memoryGiB"] = -4; // 4
      x["inventory"][2]["name"] = "FILE-01"; // 5 (duplicate of row 0)
    });
    const result = parseScenario(s);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues.map((i) => i.path)).toEqual([
      "currency",
      "host.price",
      "cluster.maxNodez",
      "inventory[0].memoryGiB",
      "inventory[2].name",
    ]);
  });

  it("keeps reporting after a broken section: bad rows and bad sections side by side", () => {
    const s = broken((x) => {
      x["host"] = "big";
      x["finance"]["horizonYears"] = 0;
      x["inventory"].push({ name: "NEW", cores: "four", cpuGhz: "2.4", memoryGiB: "8" });
    });
    const result = parseScenario(s);
    expect(result.ok ? [] : result.issues.map((i) => i.path)).toEqual([
      "finance.horizonYears",
      "host",
      "inventory[3].cores",
    ]);
  });

  it("accepts what the contract allows: numbers as JSON numbers or numeric strings, padded text, $schema", () => {
    const s = broken((x) => {
      x["$schema"] = "../scenario.schema.json";
      x["host"]["sockets"] = "2";
      x["host"]["price"] = 25000;
      x["inventory"][0]["cpuGhz"] = " 2.4 ";
      x["inventory"][0]["count"] = "1.0";
      x["name"] = "  Padded  ";
    });
    const result = parseScenario(s);
    expect(result.ok ? [] : result.issues).toEqual([]);
    if (!result.ok) return;
    expect(result.scenario.host.sockets).toBe(2);
    expect(result.scenario.host.price.toString()).toBe("25000");
    expect(result.scenario.inventory[0]?.count).toBe(1);
    expect(result.scenario.name).toBe("Padded");
  });
});

describe("parseScenario: storage and growth that are fine", () => {
  it("takes S2D with dual parity on 16-node clusters and a per-resource growth rate", () => {
    const r = parseScenario(
      broken((s) => {
        s["storage"] = { kind: "s2d", resiliency: "dual-parity", media: "hybrid" };
        s["growth"] = { ratePerYear: "0.1", storageRatePerYear: "0.25" };
      })
    );
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.scenario.storage.resiliency).toBe("dual-parity");
    expect(r.scenario.growth.storageRatePerYear?.toString()).toBe("0.25");
    expect(r.scenario.growth.cpuRatePerYear).toBeUndefined();
  });

  it("reads a blank or null per-resource rate as absent (the common rate applies)", () => {
    const r = parseScenario(
      broken((s) => (s["growth"] = { cpuRatePerYear: null, memoryRatePerYear: "" }))
    );
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.scenario.growth.cpuRatePerYear).toBeUndefined();
  });

  it("takes nested resiliency on two-node clusters", () => {
    const r = parseScenario(
      broken((s) => {
        s["storage"] = { kind: "s2d", resiliency: "nested-two-way-mirror" };
        s["cluster"]["maxNodes"] = 2;
      })
    );
    expect(r.ok).toBe(true);
  });

  it("leaves S2D fields alone while storage is a SAN (dual parity with 3-node clusters is fine then)", () => {
    const r = parseScenario(
      broken((s) => {
        s["storage"] = { kind: "san", resiliency: "dual-parity" };
        s["cluster"]["maxNodes"] = 3;
      })
    );
    expect(r.ok).toBe(true);
  });
});
