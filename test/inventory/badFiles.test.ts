/**
 * Files that cannot be imported: each gets exactly one clear message, and nothing is
 * half-imported (the result has no rows at all).
 */
import JSZip from "jszip";
import { describe, expect, it } from "vitest";
import {
  importInventory,
  importInventoryFiles,
  INVENTORY_MESSAGES,
  readInventoryFile,
  type ImportResult,
} from "../../src/inventory";
import { OPTIONS, xlsx } from "./helpers";

const text = (s: string): Uint8Array => new TextEncoder().encode(s);

/** Read and import one file; the whole pipeline a user triggers. */
const importFile = (bytes: Uint8Array, name: string): Promise<ImportResult> =>
  importInventoryFiles([{ bytes, name }], OPTIONS);

/** The one failure of a result, checking that nothing was imported. */
function failureOf(result: ImportResult): { code: string; message: string } {
  expect(result.ok).toBe(false);
  expect("rows" in result).toBe(false);
  expect("report" in result).toBe(false);
  if (result.ok) throw new Error("unreachable");
  return { code: result.failure.code, message: result.failure.message };
}

/** Deterministic pseudo-random bytes (xorshift32). */
function randomBytes(n: number, seed = 0x2545f491): Uint8Array {
  const out = new Uint8Array(n);
  let x = seed;
  for (let i = 0; i < n; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    out[i] = x & 0xff;
  }
  return out;
}

/** An OLE2 compound file header, with directory names (UTF-16LE) after it. */
function cfb(...streams: string[]): Uint8Array {
  const head = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...new Array(504).fill(0)];
  const names = streams.flatMap((s) =>
    [...s].flatMap((c) => [c.charCodeAt(0), 0]).concat(new Array(64 - s.length * 2).fill(0))
  );
  return new Uint8Array([...head, ...names]);
}

describe("files that are not spreadsheets", () => {
  it("random bytes", async () => {
    expect(failureOf(await importFile(randomBytes(4096), "inventory.xlsx"))).toEqual({
      code: "not-a-spreadsheet",
      message:
        "inventory.xlsx is not a spreadsheet. Import an RVTools, Azure Migrate, Live Optics or MAP export saved as .xlsx or .csv.",
    });
  });

  it("a PDF", async () => {
    expect(
      failureOf(
        await importFile(
          text("%PDF-1.7\n%âãÏÓ\n1 0 obj << /Type /Catalog >> endobj\n"),
          "report.pdf"
        )
      )
    ).toEqual({
      code: "not-a-spreadsheet",
      message:
        "report.pdf is not a spreadsheet (it is a PDF document). Import an RVTools, Azure Migrate, Live Optics or MAP export saved as .xlsx or .csv.",
    });
  });

  it("a Word document (zip without a workbook)", async () => {
    const zip = new JSZip();
    zip.file("word/document.xml", "<w:document/>");
    const f = failureOf(
      await importFile(await zip.generateAsync({ type: "uint8array" }), "notes.docx")
    );
    expect(f.code).toBe("not-a-spreadsheet");
    expect(f.message).toContain("(it is a Word document)");
  });

  it("an empty file", async () => {
    expect(failureOf(await importFile(new Uint8Array(0), "RVTools_export_all.xlsx"))).toEqual({
      code: "empty-file",
      message:
        "RVTools_export_all.xlsx is empty (0 bytes). Export the inventory again and import the new file.",
    });
  });
});

describe("workbooks that cannot be opened", () => {
  it("a password-protected workbook (OLE2/CFB, magic D0 CF 11 E0)", async () => {
    const message =
      "This workbook is password-protected (encrypted). Open it in Excel, remove the password (File › Info › Protect Workbook), save, and import again.";
    expect(
      failureOf(
        await importFile(cfb("EncryptionInfo", "EncryptedPackage"), "RVTools_export_all.xlsx")
      )
    ).toEqual({ code: "encrypted", message });
    // Only the magic bytes, named .xlsx: an OOXML file stored as CFB is an encrypted package.
    expect(failureOf(await importFile(cfb(), "inventory.xlsx"))).toEqual({
      code: "encrypted",
      message,
    });
    expect(INVENTORY_MESSAGES.encrypted).toBe(message);
  });

  it("a legacy .xls workbook", async () => {
    expect(failureOf(await importFile(cfb("Workbook", "SummaryInformation"), "old.xls"))).toEqual({
      code: "legacy-xls",
      message:
        "old.xls is a legacy Excel 97–2003 workbook (.xls), which cannot be read here. Open it in Excel, save as .xlsx (File › Save As › Excel Workbook), and import again.",
    });
  });

  it("an OpenDocument spreadsheet", async () => {
    const zip = new JSZip();
    zip.file("mimetype", "application/vnd.oasis.opendocument.spreadsheet", {
      compression: "STORE",
    });
    zip.file("content.xml", "<office:document-content/>");
    expect(
      failureOf(await importFile(await zip.generateAsync({ type: "uint8array" }), "inv.ods")).code
    ).toBe("opendocument");
  });

  it("a damaged .xlsx", async () => {
    const zip = new JSZip();
    zip.file("[Content_Types].xml", "not xml");
    zip.file("xl/workbook.xml", "not xml either");
    const f = failureOf(
      await importFile(await zip.generateAsync({ type: "uint8array" }), "broken.xlsx")
    );
    expect(f.code).toBe("damaged");
    expect(f.message).toMatch(
      /^broken\.xlsx looks like an \.xlsx workbook but cannot be read \(.+\)\. Open it in Excel, save it again as \.xlsx, and import the new file\.$/
    );
  });

  it("a CSV with a quote that is never closed", async () => {
    expect(
      failureOf(await importFile(text('VM,CPUs,Memory\n"web01,2,4096\ndb01,4,8192\n'), "vinfo.csv"))
    ).toEqual({
      code: "bad-csv",
      message:
        "vinfo.csv is not a valid CSV file: the quoted field that starts on line 2 is never closed. Save the file again from Excel (File › Save As › CSV) and import it.",
    });
  });
});

describe("spreadsheets without an inventory", () => {
  it("no known header", async () => {
    const f = failureOf(await importFile(text("Invoice,Amount\nA-1,100\n"), "invoice.csv"));
    expect(f.code).toBe("no-known-header");
    expect(
      f.message.startsWith(
        "No sheet has the columns of RVTools vInfo, Azure Migrate, Live Optics or MAP; expected e.g. 'VM', 'CPUs', 'Memory'"
      )
    ).toBe(true);
  });

  it("an empty sheet", async () => {
    expect(
      failureOf(await importFile(await xlsx([{ name: "vInfo", rows: [] }]), "empty.xlsx"))
    ).toEqual({
      code: "empty-sheet",
      message:
        "The sheet 'vInfo' is empty: there is nothing to import. Export the inventory again, or pick the file that holds the server list.",
    });
    // A CSV of blank lines is an empty sheet too.
    expect(failureOf(await importFile(text("\r\n\r\n,,\r\n"), "blank.csv")).code).toBe(
      "empty-sheet"
    );
  });

  it("headers but no rows", async () => {
    expect(
      failureOf(await importFile(text("VM,Powerstate,CPUs,Memory\n\n"), "RVTools_tabvInfo.csv"))
    ).toEqual({
      code: "no-data-rows",
      message:
        "Sheet 'vInfo' has the headers of RVTools vInfo but no rows below them: there is nothing to import. Export the inventory again.",
    });
  });

  it("a vInfo sheet without its required columns", async () => {
    const bytes = await xlsx([
      {
        name: "vInfo",
        rows: [
          ["VM", "Powerstate", "CPUs", "Host"],
          ["a", "poweredOn", 2, "h"],
        ],
      },
    ]);
    expect(failureOf(await importFile(bytes, "trimmed.xlsx"))).toEqual({
      code: "missing-columns",
      message:
        "Sheet 'vInfo' looks like RVTools vInfo but has no 'Memory' column; RVTools vInfo needs 'VM', 'CPUs', 'Memory'. Export it again with all columns.",
    });
  });

  it("reading and importing are separate: a readable workbook with no inventory fails only at import", async () => {
    const read = await readInventoryFile(text("a,b\n1,2\n"), "x.csv");
    expect(read.ok).toBe(true);
    if (read.ok) expect(importInventory(read.workbook, OPTIONS).ok).toBe(false);
  });
});
