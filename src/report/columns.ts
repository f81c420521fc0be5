/**
 * Column widths from what a column shows: the widest formatted number of each column always
 * fits (a spreadsheet shows `###` for a number wider than its column), text fits up to a cap
 * (longer text wraps, or spills into the empty cells beside it as it does in Excel).
 *
 * Widths are in Excel's unit, characters of the default font's widest digit (Calibri 11:
 * 7 px). Readers without Calibri (LibreOffice substitutes a wider font when Carlito is
 * missing) draw digits up to ~20 % wider, so numbers get that much room and two characters of
 * padding.
 */
import { parseCell, parseRange } from "./a1";
import type { CellStyle, PlanCell, SheetPlan } from "./workbookPlan";

/** Room for a wider substitute font, and the padding Excel keeps on both sides of a value. */
const NUMBER_SCALE = 1.2;
const PADDING = 2;
/** Text wider than this wraps or spills instead of widening its column. */
export const TEXT_CAP = 60;
/** Excel's largest column width. */
const MAX_WIDTH = 255;

/**
 * What a spreadsheet shows for `value` in number format `fmt` — close enough to measure
 * (grouping, decimals, percent, scaling commas, quoted literals and the sign section).
 */
export function formattedText(value: number, fmt: string | undefined): string {
  if (fmt === undefined || fmt === "General" || fmt === "") return generalText(value);
  const sections = splitSections(fmt);
  const negative = value < 0;
  const section = (negative && sections[1] !== undefined ? sections[1] : sections[0]) as string;
  const ownSign = negative && sections[1] !== undefined;
  const body = section.replace(/\[[^\]]*\]/g, "");
  const literals = [...body.matchAll(/"([^"]*)"/g)].map((m) => m[1] ?? "").join("");
  const code = body.replace(/"[^"]*"/g, "").replace(/\\./g, "");
  const percent = code.includes("%");
  const number = /[0#?][0#?,.]*/.exec(code)?.[0] ?? "0";
  const scaling = /,+$/.exec(number)?.[0].length ?? 0;
  const grouped = number.replace(/,+$/, "").includes(",");
  const places = /\.([0#?]*)/.exec(number)?.[1] ?? "";
  const mandatory = places.replace(/[#?]/g, "").length;
  let x = Math.abs(value) * (percent ? 100 : 1);
  x /= 1000 ** scaling;
  // `0` decimals always show, `#` ones only when not zero (Excel keeps the dot: "41,040.").
  let text = x.toFixed(places.length);
  while (text.includes(".") && text.length > 0 && places.length > mandatory) {
    const trimmed = text.replace(/0$/, "");
    if (trimmed === text || trimmed.split(".")[1]!.length < mandatory) break;
    text = trimmed;
  }
  if (grouped) {
    const [whole, fraction] = text.split(".") as [string, string | undefined];
    text = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ",") + (fraction ? `.${fraction}` : "");
  }
  const literalOutside = code.replace(number, "").replace(/[%\s]/g, "");
  return `${negative && !ownSign ? "-" : ""}${ownSign ? "-" : ""}${literals}${literalOutside}${text}${percent ? "%" : ""}`;
}

function splitSections(fmt: string): string[] {
  const out: string[] = [];
  let cur = "";
  let quoted = false;
  for (const ch of fmt) {
    if (ch === '"') quoted = !quoted;
    if (ch === ";" && !quoted) {
      out.push(cur);
      cur = "";
    } else cur += ch;
  }
  out.push(cur);
  return out;
}

/** Excel's General format shows at most 11 characters of a number in a default column. */
function generalText(value: number): string {
  const full = String(value);
  if (full.length <= 11) return full;
  const whole = Math.trunc(Math.abs(value)).toString().length + (value < 0 ? 1 : 0);
  return whole >= 11 ? value.toExponential(5) : value.toFixed(Math.max(0, 10 - whole));
}

/** Width (characters) a cell's content needs, by kind. */
function cellWidth(cell: PlanCell, style: CellStyle | undefined): number {
  const bold = style?.bold ? 1.1 : 1;
  const size = (style?.fontSize ?? 11) / 11;
  if (typeof cell.v === "number")
    return formattedText(cell.v, cell.fmt).length * NUMBER_SCALE * bold * size + PADDING;
  if (typeof cell.v === "boolean") return 5 * bold * size + PADDING;
  if (typeof cell.v === "string") return cell.v.length * bold * size + PADDING;
  return 0;
}

/**
 * The sheet's column widths: at least the builder's width, wide enough for every number in
 * the column, and for text that neither wraps nor may spill (a cell whose right neighbour is
 * filled, or the last column), up to TEXT_CAP.
 */
export function fitColumnWidths(sheet: SheetPlan): number[] {
  const styleAt = styleLookup(sheet);
  const cells = new Map<number, Map<number, PlanCell>>();
  let lastCol = sheet.columnWidths.length - 1;
  for (const block of sheet.blocks) {
    const o = parseCell(block.topLeft);
    block.cells.forEach((row, r) =>
      row.forEach((cell, c) => {
        if (cell.v === null || cell.v === "") return;
        let m = cells.get(o.row + r);
        if (!m) cells.set(o.row + r, (m = new Map()));
        m.set(o.col + c, cell);
        lastCol = Math.max(lastCol, o.col + c);
      })
    );
  }
  const widths = Array.from({ length: lastCol + 1 }, (_, i) => sheet.columnWidths[i] ?? 10);
  const merged = mergedWidths(sheet, widths);
  for (const [row, m] of cells) {
    for (const [col, cell] of m) {
      if (merged.has(`${row}:${col}`)) continue; // a merged cell's text spans its columns
      const style = styleAt(row, col);
      let need = cellWidth(cell, style);
      if (typeof cell.v === "string") {
        const spills = col < lastCol && !m.has(col + 1);
        if (style?.wrapText || spills) continue;
        need = Math.min(need, TEXT_CAP);
      }
      widths[col] = Math.max(widths[col] as number, Math.min(MAX_WIDTH, Math.ceil(need)));
    }
  }
  return widths;
}

/** The merged style of a cell (later ranges win), as the writers apply them. */
function styleLookup(sheet: SheetPlan): (row: number, col: number) => CellStyle | undefined {
  const ranges = sheet.styles.map((s) => ({ r: parseRange(s.range), style: s.style }));
  return (row, col) => {
    let out: CellStyle | undefined;
    for (const { r, style } of ranges)
      if (row >= r.top && row <= r.bottom && col >= r.left && col <= r.right)
        out = { ...out, ...style };
    return out;
  };
}

/** Points per line of 11 pt text (Excel's default row height). */
const LINE_POINTS = 15;

/**
 * Heights (points, by 1-based row) of the rows whose wrapped text needs more than one line
 * in the final column widths: words wrap, so a line holds about 90 % of a column's characters.
 */
export function wrappedRowHeights(
  sheet: SheetPlan,
  widths: readonly number[]
): Record<number, number> {
  const styleAt = styleLookup(sheet);
  const merged = mergedWidths(sheet, widths);
  const out: Record<number, number> = {};
  for (const block of sheet.blocks) {
    const o = parseCell(block.topLeft);
    block.cells.forEach((row, r) =>
      row.forEach((cell, c) => {
        if (typeof cell.v !== "string" || cell.v === "") return;
        const style = styleAt(o.row + r, o.col + c);
        if (!style?.wrapText) return;
        const size = (style.fontSize ?? 11) / 11;
        const width = merged.get(`${o.row + r}:${o.col + c}`) ?? widths[o.col + c] ?? 10;
        const perLine = Math.max(1, (width - 1) * 0.9);
        const lines = cell.v
          .split("\n")
          .reduce(
            (n, part) =>
              n + Math.max(1, Math.ceil((part.length * size * (style.bold ? 1.1 : 1)) / perLine)),
            0
          );
        if (lines <= 1) return;
        const key = o.row + r + 1;
        out[key] = Math.max(out[key] ?? 0, Math.ceil(lines * LINE_POINTS * size));
      })
    );
  }
  return out;
}

/** Width (characters) of each merged range, keyed by its top-left cell (`row:col`, 0-based). */
function mergedWidths(sheet: SheetPlan, widths: readonly number[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const m of sheet.merges ?? []) {
    const r = parseRange(m);
    let w = 0;
    for (let c = r.left; c <= r.right; c++) w += widths[c] ?? 10;
    out.set(`${r.top}:${r.left}`, w);
  }
  return out;
}
