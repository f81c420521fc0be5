/**
 * Bad arguments give the Excel error with a message that names the argument (and, for the
 * inventory, the cell), never any other exception: `#VALUE!` for a wrong argument, `#N/A` for
 * "no answer". Inside Office the error is a `CustomFunctions.Error`; in Node a FunctionError.
 */
import fc from "fast-check";
import { afterEach, describe, expect, it } from "vitest";
import {
  clipMessage,
  excelError,
  FunctionError,
  MAX_MESSAGE_LENGTH,
  run,
} from "../../src/functions/errors";
import {
  breakEven,
  hosts,
  licenseCost,
  licenses,
  payback,
  version,
} from "../../src/functions/functions";
import { expectExcelError, thrownBy } from "./support";

const HEADER = ["Name", "Cores", "Core clock", "RAM"];
const OK_ROW = ["FILE-01", 4, 2.4, 8];
const hostsOn =
  (range: unknown[][], ...rest: unknown[]) =>
  () =>
    hosts(range as never, ...((rest.length > 0 ? rest : [32, 768]) as [number, number]));
const V = "#VALUE!";
const NA = "#N/A";

describe("HOSTS: the inventory range", () => {
  it.each([
    {
      what: "a non-numeric cell, with its row and column",
      range: [HEADER, OK_ROW, ["FILE-02", "four", 2.4, 8]],
      message: `inventoryRange row 3, column 2 (Cores): Enter the server's physical cores as a whole number from 1 to 4096, not "four".`,
    },
    {
      what: "a non-numeric cell in a range without a header",
      range: [["FILE-01", 1, "windows", 4, "fast", 0.3, 0.1, 8]],
      message: `inventoryRange row 1, column 5 (cpuGhz): Enter the server's core clock in GHz as a number above 0 and at most 10, not "fast".`,
    },
    {
      what: "an Excel error value in a cell",
      range: [HEADER, ["FILE-01", { code: "#N/A" }, 2.4, 8]],
      message: `inventoryRange row 2, column 2 (Cores): Enter the server's physical cores as a whole number from 1 to 4096, not {"code":"#N/A"}.`,
    },
    {
      what: "a number out of range",
      range: [HEADER, ["FILE-01", 4, 2.4, -8]],
      message:
        "inventoryRange row 2, column 4 (RAM): Enter the server's RAM in GiB as a number above 0, not -8.",
    },
    {
      what: "a blank required cell",
      range: [HEADER, ["FILE-01", 4, "", 8]],
      message:
        "inventoryRange row 2, column 3 (Core clock): Enter the server's core clock in GHz (a number above 0 and at most 10); every inventory row needs it.",
    },
    {
      what: "a missing required column",
      range: [
        ["Name", "Cores", "RAM"],
        ["FILE-01", 4, 8],
      ],
      message:
        "inventoryRange row 2 (no cpuGhz column): Enter the server's core clock in GHz (a number above 0 and at most 10); every inventory row needs it.",
    },
    {
      what: "a name used twice, both places given",
      range: [HEADER, OK_ROW, ["file-01", 4, 2.4, 8]],
      message: `inventoryRange row 3, column 1 (Name): Server name "file-01" is used twice (first at inventoryRange row 2, column 1 (Name); names ignore case); give each row a unique name, or use "count" for identical servers.`,
    },
    {
      what: "an unknown header, with a suggestion",
      range: [["Name", "Corez", "Core clock", "RAM"], OK_ROW],
      message: `inventoryRange column 2 header "Corez" is not an inventory field (did you mean "cores"?); use one of name, count, os, cores, cpuGhz, peakCpuUtilization, averageCpuUtilization, memoryGiB, storageGiB, powerWatts, rackUnits, stayPhysical, storageInUseGiB, m…`,
    },
    {
      what: "two headers for one field",
      range: [
        ["Name", "RAM", "Cores", "Core clock", "memoryGiB"],
        ["FILE-01", 8, 4, 2.4, 8],
      ],
      message: `inventoryRange column 5 header "memoryGiB" names the same field as column 2; delete one of them.`,
    },
    {
      what: "values under a blank header",
      range: [
        [...HEADER, ""],
        [...OK_ROW, "x"],
      ],
      message:
        "inventoryRange column 5 has values but no header; add the field name to its header cell, or leave the column out of the range.",
    },
    {
      what: "more columns than fields without a header",
      range: [
        [
          "FILE-01",
          1,
          "windows",
          4,
          2.4,
          0.3,
          0.1,
          8,
          100,
          200,
          2,
          false,
          80,
          "p95",
          0.2,
          4,
          1,
          1,
          "extra",
        ],
      ],
      message:
        "inventoryRange row 1, column 19: a range without a header row has at most 18 columns (name … averageNetworkMBps, in inventory order); add a header row to use other columns.",
    },
    {
      what: "a header and no servers",
      range: [HEADER],
      message:
        "inventoryRange holds no servers: give a header row (name, cores, cpuGhz, memoryGiB, …) and one row per server, or rows with the columns in inventory order.",
    },
    {
      what: "an empty range",
      range: [
        ["", ""],
        ["", null],
      ],
      message:
        "inventoryRange holds no servers: give a header row (name, cores, cpuGhz, memoryGiB, …) and one row per server, or rows with the columns in inventory order.",
    },
    {
      what: "several problems: the first, and how many more",
      range: [HEADER, ["A", 0, 2.4, 8], ["B", 4, 0, 8]],
      message:
        "inventoryRange row 2, column 2 (Cores): Enter the server's physical cores as a whole number from 1 to 4096, not 0. (1 more problem in the arguments.)",
    },
  ])("$what", ({ range, message }) => {
    expectExcelError(hostsOn(range), V, message);
  });
});

describe("HOSTS: the other arguments", () => {
  const range = [HEADER, OK_ROW];
  it.each([
    {
      what: "negative hostCores",
      args: [-4, 768],
      message: "hostCores must be a whole number from 1 to 1,024 (all cores of one host), not -4.",
    },
    {
      what: "fractional hostCores",
      args: [2.5, 768],
      message: "hostCores must be a whole number from 1 to 1,024 (all cores of one host), not 2.5.",
    },
    {
      what: "text hostCores",
      args: ["abc", 768],
      message: `hostCores must be a whole number from 1 to 1,024 (all cores of one host), not "abc".`,
    },
    {
      what: "too many hostCores",
      args: [1025, 768],
      message:
        "hostCores must be a whole number from 1 to 1,024 (all cores of one host), not 1025.",
    },
    {
      what: "an odd hostCores above one socket's maximum",
      args: [601, 768],
      message:
        "hostCores must be a multiple of 2 above 512 (a host is 2 sockets of at most 512 cores), not 601.",
    },
    {
      what: "zero hostMemoryGiB",
      args: [32, 0],
      message: "hostMemoryGiB must be a number above 0 (GiB of RAM per host), not 0.",
    },
    {
      what: "blank hostMemoryGiB",
      args: [32, null],
      message: "hostMemoryGiB must be a number above 0 (GiB of RAM per host), not blank.",
    },
    {
      what: "hostMemoryGiB within the host reserve",
      args: [32, 4],
      message: "hostMemoryGiB must be above the 8 GiB the ws2025 host keeps for itself, not 4.",
    },
    {
      what: "hostMemoryGiB within the 2008 R2 host reserve",
      args: [12, 2, 1, "ws2008r2"],
      message: "hostMemoryGiB must be above the 2 GiB the ws2008r2 host keeps for itself, not 2.",
    },
    {
      what: "negative failuresToTolerate",
      args: [32, 768, -1],
      message:
        "failuresToTolerate must be a whole number from 0 to 15 (a cluster has at most 16 nodes), not -1.",
    },
    {
      what: "failuresToTolerate as large as a cluster",
      args: [32, 768, 16],
      message:
        "failuresToTolerate must be a whole number from 0 to 15 (a cluster has at most 16 nodes), not 16.",
    },
    {
      what: "an unknown platform",
      args: [32, 768, 1, "ws2023"],
      message: `platform must be one of ws2008r2, ws2012r2, ws2016, ws2019, ws2022, ws2025, not "ws2023".`,
    },
    {
      what: "a platform that is no Windows Server",
      args: [32, 768, 1, "vista"],
      message: `platform must be one of ws2008r2, ws2012r2, ws2016, ws2019, ws2022, ws2025, not "vista".`,
    },
  ])("$what", ({ args, message }) => {
    expectExcelError(hostsOn(range, ...args), V, message);
  });
});

describe("LICENSES and LICENSECOST", () => {
  it.each([
    {
      what: "an unknown edition",
      args: ["foo", 2, 8, 3],
      message: `edition must be one of standard, enterprise, datacenter, not "foo".`,
    },
    {
      what: "a misspelt edition",
      args: ["datacentre", 2, 8, 3],
      message: `edition must be one of standard, enterprise, datacenter, not "datacentre" (did you mean "datacenter"?).`,
    },
    {
      what: "a number as edition",
      args: [42, 2, 8, 3],
      message: "edition must be one of standard, enterprise, datacenter, not 42.",
    },
    {
      what: "an option that is no edition",
      args: ["hyperv-server", 2, 8, 3],
      message: `edition must be one of standard, enterprise, datacenter, not "hyperv-server".`,
    },
    {
      what: "negative sockets",
      args: ["standard", -2, 8, 3],
      message: "sockets must be a whole number from 1 to 64, not -2.",
    },
    {
      what: "zero sockets",
      args: ["standard", 0, 8, 3],
      message: "sockets must be a whole number from 1 to 64, not 0.",
    },
    {
      what: "too many sockets",
      args: ["standard", 65, 8, 3],
      message: "sockets must be a whole number from 1 to 64, not 65.",
    },
    {
      what: "fractional sockets",
      args: ["standard", 1.5, 8, 3],
      message: "sockets must be a whole number from 1 to 64, not 1.5.",
    },
    {
      what: "too many cores per socket",
      args: ["standard", 2, 513, 3],
      message: "coresPerSocket must be a whole number from 1 to 512, not 513.",
    },
    {
      what: "negative windowsVms",
      args: ["standard", 2, 8, -1],
      message:
        "windowsVms must be a whole number from 0 to 1,024 (the ws2025 limit per host), not -1.",
    },
    {
      what: "more VMs than the platform runs on a host",
      args: ["standard", 2, 8, 385, "ws2008r2"],
      message:
        "windowsVms must be a whole number from 0 to 384 (the ws2008r2 limit per host), not 385.",
    },
    {
      what: "an unknown platform",
      args: ["standard", 2, 8, 3, "2023"],
      message: `platform must be one of ws2008r2, ws2012r2, ws2016, ws2019, ws2022, ws2025, not "2023".`,
    },
  ])("$what: #VALUE!", ({ args, message }) => {
    const [e, s, c, v, p] = args as [string, number, number, number, string | undefined];
    expectExcelError(() => licenses(e, s, c, v, p), V, message);
    expectExcelError(() => licenseCost(e, s, c, v, p), V, message);
  });

  it.each([
    {
      what: "an edition the platform does not sell",
      args: ["enterprise", 2, 8, 3, "ws2016"],
      message:
        "enterprise cannot be used on ws2016: Enterprise was dropped in Windows Server 2012; choose Standard or Datacenter.",
    },
    {
      what: "2008 R2 Standard on more than 4 processors",
      args: ["standard", 8, 6, 3, "ws2008r2"],
      message:
        "standard cannot be used on ws2008r2: Windows Server 2008 R2 Standard supports at most 4 processors and this host has 8; choose Enterprise or Datacenter, or cluster the hosts (Hyper-V Server 2008 R2 with Standard licences for the guests).",
    },
  ])("$what: #N/A with the reason", ({ args, message }) => {
    const [e, s, c, v, p] = args as [string, number, number, number, string];
    expectExcelError(() => licenses(e, s, c, v, p), NA, message);
    expectExcelError(() => licenseCost(e, s, c, v, p), NA, message);
  });

  it("a bad price: #VALUE!", () => {
    expectExcelError(
      () => licenseCost("standard", 2, 8, 3, "ws2022", -5),
      V,
      "price must be a number of 0 or more, not -5."
    );
    expectExcelError(
      () => licenseCost("standard", 2, 8, 3, "ws2022", "cheap" as never),
      V,
      `price must be a number of 0 or more, not "cheap".`
    );
  });
});

describe("BREAKEVEN", () => {
  it.each([
    {
      what: "an unknown edition",
      args: ["foo", "datacenter", 2, 8],
      code: V,
      message: `editionA must be one of hyperv-server, standard, enterprise, datacenter, vsphere, vcf, vvf, windows-payg, azure-local, not "foo".`,
    },
    {
      what: "a misspelt editionB",
      args: ["standard", "datacentre", 2, 8],
      code: V,
      message: `editionB must be one of hyperv-server, standard, enterprise, datacenter, vsphere, vcf, vvf, windows-payg, azure-local, not "datacentre" (did you mean "datacenter"?).`,
    },
    {
      what: "the same edition twice",
      args: ["Datacenter", "datacenter", 2, 8],
      code: V,
      message: "editionA and editionB must be different editions; both are datacenter.",
    },
    {
      what: "negative sockets",
      args: ["standard", "datacenter", -1, 8],
      code: V,
      message: "sockets must be a whole number from 1 to 64, not -1.",
    },
    {
      what: "zero cores",
      args: ["standard", "datacenter", 2, 0],
      code: V,
      message: "coresPerSocket must be a whole number from 1 to 512, not 0.",
    },
    {
      what: "an edition the platform does not have",
      args: ["enterprise", "datacenter", 2, 8, "ws2016"],
      code: NA,
      message:
        "enterprise cannot be used on ws2016: Enterprise was dropped in Windows Server 2012; choose Standard or Datacenter.",
    },
    {
      what: "B never cheaper within the platform's VM limit",
      args: ["hyperv-server", "standard", 2, 6, "ws2008r2"],
      code: NA,
      message:
        "standard never becomes cheaper than hyperv-server on this host at up to 384 Windows VMs (the ws2008r2 limit per host).",
    },
  ])("$what: $code", ({ args, code, message }) => {
    const [a, b, s, c, p] = args as [string, string, number, number, string | undefined];
    expectExcelError(() => breakEven(a, b, s, c, p), code as typeof V, message);
  });
});

describe("PAYBACK", () => {
  it.each([
    {
      what: "a block of several rows and columns",
      range: [
        [1, 2],
        [3, 4],
      ],
      code: V,
      message:
        "cashflowRange must be one row or one column of yearly flows (year 0 first), not 2 rows × 2 columns.",
    },
    {
      what: "no flows",
      range: [["", ""]],
      code: V,
      message:
        "cashflowRange holds no cash flows: enter year 0 (the investment, negative) first, then one net flow per year.",
    },
    {
      what: "a blank year",
      range: [[-100, "", 50]],
      code: V,
      message:
        "cashflowRange cell 2 (year 1) must be a number (0 for a year without cash flow), not a blank cell.",
    },
    {
      what: "a text cell (a header)",
      range: [["Year 0", -100, 50]],
      code: V,
      message: `cashflowRange cell 1 (year 0) must be a number (0 for a year without cash flow), not "Year 0".`,
    },
    {
      what: "TRUE",
      range: [[-100, true]],
      code: V,
      message:
        "cashflowRange cell 2 (year 1) must be a number (0 for a year without cash flow), not true.",
    },
    {
      what: "payback not reached",
      range: [[-100, 10, 10]],
      code: NA,
      message:
        "Payback is not reached within the 2-year horizon of cashflowRange (the cumulative flow is still negative in its last year).",
    },
  ])("$what: $code", ({ range, code, message }) => {
    expectExcelError(() => payback(range), code as typeof V, message);
  });
});

describe("never anything but an Excel error", () => {
  const anything = fc.oneof(
    fc.anything(),
    fc.constantFrom(
      null,
      undefined,
      "",
      "standard",
      "datacenter",
      "ws2008r2",
      0,
      -1,
      2,
      16,
      1e300,
      Number.NaN,
      Infinity
    )
  );
  const range = fc.oneof(
    anything,
    fc.array(fc.array(anything, { maxLength: 14 }), { maxLength: 6 })
  );
  const only = (call: () => unknown): void => {
    try {
      const value = call();
      expect(typeof value === "number" && Number.isFinite(value)).toBe(true);
    } catch (e) {
      expect(e).toBeInstanceOf(FunctionError);
      expect((e as FunctionError).message.length).toBeGreaterThan(0);
      expect((e as FunctionError).message.length).toBeLessThanOrEqual(MAX_MESSAGE_LENGTH);
    }
  };

  it("for any arguments to any function (property)", () => {
    fc.assert(
      fc.property(range, anything, anything, anything, anything, anything, (r, a, b, c, d, e) => {
        only(() => hosts(r as never, a as never, b as never, c as never, d as never));
        only(() => licenses(a as never, b as never, c as never, d as never, e as never));
        only(() =>
          licenseCost(a as never, b as never, c as never, d as never, e as never, r as never)
        );
        only(() => breakEven(a as never, b as never, c as never, d as never, e as never));
        only(() => payback(r as never));
      }),
      { numRuns: 400, seed: 42 }
    );
  });

  it("turns an unexpected exception (a bug) into #VALUE! with a message", () => {
    const e = thrownBy(() =>
      run("HOSTS", () => {
        throw new TypeError("x is undefined");
      })
    );
    expect(e.code).toBe(V);
    expect(e.message).toBe(
      "HVTCO.HOSTS failed unexpectedly (TypeError: x is undefined). Please report this with the arguments used."
    );
  });

  it("cuts long messages", () => {
    const long = "x".repeat(400);
    expect(clipMessage(long)).toHaveLength(MAX_MESSAGE_LENGTH);
    expect(clipMessage(long).endsWith("…")).toBe(true);
    expect(clipMessage("short")).toBe("short");
  });

  it("handles a whole-column reference (many blank rows) quickly", () => {
    const blank = Array.from({ length: 12 }, () => "");
    const range = [HEADER, OK_ROW, ...Array.from({ length: 200_000 }, () => blank.slice(0, 4))];
    const start = performance.now();
    expect(hosts(range as never, 32, 768)).toBe(2);
    expect(performance.now() - start).toBeLessThan(2_000);
  });
});

describe("inside Office: CustomFunctions.Error", () => {
  class FakeError {
    constructor(
      readonly code: string,
      readonly message?: string
    ) {}
  }
  const g = globalThis as unknown as { CustomFunctions?: unknown };
  afterEach(() => {
    delete g.CustomFunctions;
  });

  it("is what the functions throw when the CustomFunctions global exists", () => {
    g.CustomFunctions = {
      Error: FakeError,
      ErrorCode: { invalidValue: "#VALUE!", notAvailable: "#N/A" },
    };
    let thrown: unknown;
    try {
      licenses("foo", 2, 8, 3);
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toBeInstanceOf(FakeError);
    expect(thrown).toEqual(
      new FakeError(
        "#VALUE!",
        `edition must be one of standard, enterprise, datacenter, not "foo".`
      )
    );
    try {
      payback([[-100, 10]]);
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toEqual(
      new FakeError(
        "#N/A",
        "Payback is not reached within the 1-year horizon of cashflowRange (the cumulative flow is still negative in its last year)."
      )
    );
    expect(excelError("notAvailable", "m")).toBeInstanceOf(FakeError);
  });

  it("falls back to FunctionError when the global is missing or incomplete", () => {
    g.CustomFunctions = { associate: () => undefined };
    expect(excelError("invalidValue", "m")).toBeInstanceOf(FunctionError);
    expect(version()).toBe("0.1.0");
  });
});
