/** File readers: encodings, exceljs cell kinds, CSV sheet names, several files as one workbook. */
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import {
  importInventory,
  readInventoryFile,
  readInventoryFiles,
  sheetNameForCsv,
} from "../../src/inventory";
import { expectOk, OPTIONS } from "./helpers";

const utf16le = (text: string): Uint8Array => {
  const out = new Uint8Array(2 + text.length * 2);
  out.set([0xff, 0xfe]);
  for (let i = 0; i < text.length; i++) {
    out[2 + 2 * i] = text.charCodeAt(i) & 0xff;
    out[3 + 2 * i] = text.charCodeAt(i) >> 8;
  }
  return out;
};

async function importBytes(bytes: Uint8Array, name: string) {
  const read = await readInventoryFile(bytes, name);
  if (!read.ok) throw new Error(read.failure.message);
  return expectOk(importInventory(read.workbook, OPTIONS));
}

describe("readInventoryFile", () => {
  it("reads Excel's 'Unicode Text' (UTF-16LE, tab-separated)", async () => {
    const { rows } = await importBytes(
      utf16le("VM\tPowerstate\tCPUs\tMemory\r\nwéb\tpoweredOn\t2\t3072\r\n"),
      "export.txt"
    );
    // 3072 MiB = 3 GiB; no storage in the file → storageGiB left out (the scenario default applies).
    expect(rows).toEqual([
      {
        name: "wéb",
        count: 1,
        os: "windows",
        cores: 2,
        cpuGhz: "2.9",
        peakCpuUtilization: "0.3",
        averageCpuUtilization: "0.12",
        memoryGiB: "3",
      },
    ]);
  });

  it("falls back to Windows-1252 for CSV that is not UTF-8", async () => {
    const enc = (s: string) => [...new TextEncoder().encode(s)];
    const bytes = new Uint8Array([
      ...enc("VM;Powerstate;CPUs;Memory\nm"),
      0xfc,
      ...enc("ller;poweredOn;2;1536\n"),
    ]);
    const { rows, report } = await importBytes(bytes, "latin1.csv");
    expect(rows[0]).toMatchObject({ name: "müller", memoryGiB: "1.5" });
    expect(report.assumed.find((a) => a.field === "storageGiB")?.message).toBe(
      "1 server: no storage in the file; left empty, so the scenario's default storage applies."
    );
  });

  it("takes formula results, rich text and hyperlink text from xlsx cells", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("vInfo");
    ws.addRow(["VM", "Powerstate", "CPUs", "Memory", "Total disk capacity MiB"]);
    ws.addRow([
      { richText: [{ text: "app" }, { text: "01", font: { bold: true } }] },
      "poweredOn",
      { formula: "1+1", result: 2 },
      2048,
      { formula: "A1", result: 10240 },
    ]);
    ws.addRow([{ text: "web01", hyperlink: "https://example.com" }, "poweredOn", 1, 1024, 0]);
    const { rows } = await importBytes(new Uint8Array(await wb.xlsx.writeBuffer()), "f.xlsx");
    expect(rows.map((r) => [r.name, r.cores, r.memoryGiB, r.storageGiB])).toEqual([
      ["app01", 2, "2", "10"],
      ["web01", 1, "1", "0"],
    ]);
  });

  it("names a CSV's sheet after the file, RVTools tab files after their tab", () => {
    expect(sheetNameForCsv("C:\\exports\\RVTools_tabvInfo.csv")).toBe("vInfo");
    expect(sheetNameForCsv("/tmp/azure-import.csv")).toBe("azure-import");
  });

  it("merges several files into one workbook, keeping sheet names unique", async () => {
    const csv = (s: string) => new TextEncoder().encode(s);
    const read = await readInventoryFiles([
      { bytes: csv("a,b\n1,2\n"), name: "x/data.csv" },
      { bytes: csv("c,d\n3,4\n"), name: "y/data.csv" },
    ]);
    expect(read.ok && read.workbook.sheets.map((s) => s.name)).toEqual(["data", "data (2)"]);
    expect(read.ok && read.workbook.fileName).toBe("data.csv, data.csv");
  });
});
