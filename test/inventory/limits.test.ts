/**
 * Bounded, honest imports: the caps of `LIMITS` are checked before the expensive work (a zip
 * bomb or a million-row sheet is refused after a stream, not after exceljs), every value is
 * checked against the scenario's own field rules and named by its cell, and no library text
 * reaches a user. Reproductions 5, 6 and 9 of issue 17.
 */
import JSZip from "jszip";
import { describe, expect, it } from "vitest";
import {
  importInventory,
  importInventoryFiles,
  readInventoryFile,
  type ImportResult,
  type InventoryRowJson,
} from "../../src/inventory";
import { overLimits } from "../../src/inventory/assemble";
import { checkXlsxSize } from "../../src/inventory/zipCheck";
import { LIMITS, parseScenario, defaultScenarioJson } from "../../src/scenario";
import { OPTIONS, expectFailure, expectOk, xlsx } from "./helpers";

const text = (s: string): Uint8Array => new TextEncoder().encode(s);
const importCsv = (csv: string, options = OPTIONS): Promise<ImportResult> =>
  importInventoryFiles([{ bytes: text(csv), name: "servers.csv" }], options);

/** A .xlsx whose one sheet is `xml` (as written, without exceljs), stored or deflated. */
async function rawXlsx(sheetXml: string, compress = true): Promise<Uint8Array> {
  const zip = new JSZip();
  zip.file(
    "[Content_Types].xml",
    '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'
  );
  zip.file("xl/workbook.xml", "<workbook/>");
  zip.file("xl/worksheets/sheet1.xml", sheetXml);
  return zip.generateAsync({
    type: "uint8array",
    compression: compress ? "DEFLATE" : "STORE",
    compressionOptions: { level: 9 },
  });
}

describe("checkXlsxSize: counts before anything is parsed", () => {
  it("counts a sheet's rows exactly (exceljs-written, 3,000 rows) and stops one past the cap", async () => {
    const rows = [
      ["Name", "Cores", "RAM"],
      ...Array.from({ length: 2999 }, (_, i) => [`s${i}`, 2, 4]),
    ];
    const bytes = await xlsx([{ name: "Servers", rows }]);
    expect(await checkXlsxSize(bytes, 10_000_000, 3000)).toMatchObject({ ok: true });
    expect(await checkXlsxSize(bytes, 10_000_000, 2999)).toEqual({
      ok: false,
      reason: "too-many-rows",
      part: "xl/worksheets/sheet1.xml",
      limitRows: 2999,
    });
  });

  it("counts prefixed tags (<x:row>) and ignores text that merely contains 'row'", async () => {
    const body = Array.from(
      { length: 500 },
      (_, i) => `<x:row r="${i + 1}"><x:c><x:is><x:t>arrow row${i}</x:t></x:is></x:c></x:row>`
    ).join("");
    const bytes = await rawXlsx(`<x:worksheet><x:sheetData>${body}</x:sheetData></x:worksheet>`);
    expect(await checkXlsxSize(bytes, 10_000_000, 500)).toMatchObject({ ok: true });
    expect(await checkXlsxSize(bytes, 10_000_000, 499)).toMatchObject({ reason: "too-many-rows" });
  });

  it("stops a zip bomb at the unpacked-size cap: 4 MB of blanks in a few KB", async () => {
    const bomb = await rawXlsx(`<worksheet>${" ".repeat(4 * 1024 * 1024)}</worksheet>`);
    expect(bomb.length).toBeLessThan(20_000);
    expect(await checkXlsxSize(bomb, 1024 * 1024, 1000)).toEqual({
      ok: false,
      reason: "unzipped-too-large",
      limitBytes: 1024 * 1024,
    });
  });
});

describe("imports past a cap: one message, nothing imported", () => {
  it("a file above the file-size cap", async () => {
    const big = new Uint8Array(LIMITS.importFileBytes.value + 1);
    big.set(text("Name,Cores,RAM\n"));
    const failure = expectFailure(await readInventoryFile(big, "huge.csv"));
    expect(failure).toEqual({
      code: "too-large",
      message:
        "huge.csv is larger than 100 MiB, more than any inventory export this tool reads. Export only the inventory tab (RVTools vInfo and vHost, or one CSV per tab) and import that.",
    });
  });

  it("a CSV with more lines than a sheet may have", async () => {
    const csv = `Name,Cores,RAM\n${"a,1,1\n".repeat(LIMITS.importSheetRows.value + 1)}`;
    expect(expectFailure(await importCsv(csv))).toEqual({
      code: "too-many-rows",
      message:
        "servers.csv has a sheet of more than 200,000 rows, more than this tool reads. Import the estate in parts (one vCenter or cluster at a time).",
    });
  });

  it("more inventory rows, or more servers, than a scenario holds", () => {
    const row = (i: number, count = 1): InventoryRowJson => ({
      name: `vm-${i}`,
      count,
      os: "windows",
      cores: 2,
      cpuGhz: "2.9",
      peakCpuUtilization: "0.3",
      averageCpuUtilization: "0.12",
      memoryGiB: "4",
    });
    const rows = Array.from({ length: LIMITS.inventoryRows.value }, (_, i) => row(i));
    expect(overLimits(rows)).toBeNull();
    expect(overLimits([...rows, row(-1)])).toEqual({
      code: "too-many-rows",
      message:
        "The import gives 100,001 inventory rows; a scenario holds at most 100,000. Import with --group ('Group identical servers') to fold identical servers into one row, or import the estate in parts.",
    });
    expect(overLimits([row(1, 1_000_000), row(2, 1)])).toEqual({
      code: "too-many-servers",
      message:
        "The import stands for 1,000,001 servers; a scenario plans at most 1,000,000. Import the estate in parts (one vCenter or cluster at a time).",
    });
  });

  it("a zip whose directory lies about a size: our message, not the library's 'Bug : …'", async () => {
    const good = await xlsx([
      {
        name: "Servers",
        rows: [
          ["Name", "Cores", "RAM"],
          ["a", 2, 4],
        ],
      },
    ]);
    // Patch the declared uncompressed size of every entry (local header offset 22, central
    // directory offset 24) to 1 byte.
    const bytes = good.slice();
    const view = new DataView(bytes.buffer);
    for (let i = 0; i + 4 <= bytes.length; i++) {
      const sig = view.getUint32(i, true);
      if (sig === 0x04034b50) view.setUint32(i + 22, 1, true);
      if (sig === 0x02014b50) view.setUint32(i + 24, 1, true);
    }
    const failure = expectFailure(await readInventoryFile(bytes, "liar.xlsx"));
    expect(failure.code).toBe("damaged");
    expect(failure.message).not.toMatch(/Bug|mismatch|Invalid string length/);
    expect(failure.message).toMatch(/^liar\.xlsx looks like an \.xlsx workbook but cannot be read/);
  });
});

describe("values checked against the scenario's own limits, named by their cell", () => {
  it("RAM 2e15 GiB: the row is left out and the cell named (reproduction 6)", async () => {
    const result = expectOk(await importCsv("Name,Cores,RAM (GiB)\nBIG,4,2e15\nok,2,8\n"));
    expect(result.rows.map((r) => r.name)).toEqual(["ok"]);
    const problem = result.report.problems.find((p) => p.severity === "error");
    expect(problem?.where).toBe("servers!C2 (RAM (GiB))");
    expect(problem?.message).toBe(
      'RAM (GiB) "2000000000000000" is not a realistic figure (at most 10^15); the row was not imported. Correct the cell.'
    );
    // What is handed over is a valid scenario.
    expect(parseScenario(defaultScenarioJson("ws2022", result.rows)).ok).toBe(true);
  });

  it("count 1e9: named for what it is, beyond the scenario's 1,000,000 (reproduction 9)", async () => {
    const result = expectOk(await importCsv("Name,Count,Cores,RAM (GiB)\nweb,1000000000,2,4\n"));
    expect(result.rows[0]?.count).toBe(1);
    expect(result.report.problems.map((p) => `${p.where}: ${p.message}`)).toEqual([
      'servers!B2 (Count): Count "1000000000" is not a whole number from 1 to 1,000,000; 1 was used.',
    ]);
  });

  it("a name with U+FFFE and a control character is cleaned, with a warning, so the workbook stays readable", async () => {
    const result = expectOk(
      importInventory(
        {
          fileName: "x.xlsx",
          sheets: [
            {
              name: "x",
              rows: [
                ["Name", "Cores", "RAM (GiB)"],
                ["web\uFFFE01\u0007", 2, 4],
              ],
            },
          ],
        },
        OPTIONS
      )
    );
    expect(result.rows[0]?.name).toBe("web\uFFFD01\uFFFD");
    expect(result.report.problems.map((p) => p.message)).toEqual([
      'The name "web\uFFFD01\uFFFD" held a character a workbook cannot store (U+FFFE); it was replaced by \uFFFD. Rename the server if that matters.',
    ]);
  });

  it("a core clock beyond the scenario's 10 GHz from a cell falls back to the default, the cell named", async () => {
    const result = expectOk(await importCsv("Name,Cores,RAM (GiB),Core clock (GHz)\na,2,4,25\n"));
    expect(result.rows[0]?.cpuGhz).toBe("2.9");
    expect(result.report.problems.map((p) => p.where)).toEqual(["servers!D2 (Core clock (GHz))"]);
  });

  it("an imported inventory always parses as a scenario (importInventory's promise)", async () => {
    const result = importInventory(
      {
        fileName: "x.csv",
        sheets: [
          {
            name: "x",
            rows: [
              ["Name", "Count", "Cores", "RAM (GiB)", "Storage (TB)", "Power (W)"],
              ["a", 3, 4096, "1e14", "1e13", "9e14"],
              ["b", 1, 2, 4, 1, 100],
            ],
          },
        ],
      },
      OPTIONS
    );
    const ok = expectOk(result);
    expect(parseScenario(defaultScenarioJson("ws2022", ok.rows)).ok).toBe(true);
  });
});
