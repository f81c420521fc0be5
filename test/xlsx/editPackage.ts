/**
 * Edits a written .xlsx in place with jszip, keeping every other part (charts included) as
 * it is — unlike a read/write round trip through exceljs, which drops chart parts.
 */
import JSZip from "jszip";
import { sheetPartPaths } from "../../src/xlsx/packageParts";

/** Replaces the constant in `sheet`!`address` with `value`; throws if the cell is not a plain number. */
export async function setNumberCell(
  xlsx: Uint8Array,
  sheet: string,
  address: string,
  value: number
): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(xlsx);
  const text = async (path: string): Promise<string> => {
    const s = await zip.file(path)?.async("string");
    if (s === undefined) throw new Error(`no ${path}`);
    return s;
  };
  const part = sheetPartPaths(
    await text("xl/workbook.xml"),
    await text("xl/_rels/workbook.xml.rels")
  ).get(sheet);
  if (part === undefined) throw new Error(`no sheet ${sheet}`);
  const xml = await text(part);
  const cell = new RegExp(`(<c r="${address}"(?: s="\\d+")?>)<v>[^<]*</v>(</c>)`);
  if (!cell.test(xml)) throw new Error(`${sheet}!${address} is not a plain number cell`);
  zip.file(part, xml.replace(cell, `$1<v>${value}</v>$2`));
  return zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
}
