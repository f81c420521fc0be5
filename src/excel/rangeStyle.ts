/** A plan's cell style applied to an Office.js range (fonts, fill, alignment, thin borders). */
import { parseRange } from "../report/a1";
import type { StyledRange } from "../report/workbookPlan";

/** Apply `style` to `range` (the range whose address the plan gives). */
export function applyStyle(range: Excel.Range, { range: address, style }: StyledRange): void {
  const f = range.format;
  if (style.bold !== undefined) f.font.bold = style.bold;
  if (style.italic !== undefined) f.font.italic = style.italic;
  if (style.fontSize !== undefined) f.font.size = style.fontSize;
  if (style.fontColor !== undefined) f.font.color = style.fontColor;
  if (style.fill !== undefined) f.fill.color = style.fill;
  if (style.horizontalAlignment !== undefined) {
    f.horizontalAlignment =
      style.horizontalAlignment === "left"
        ? "Left"
        : style.horizontalAlignment === "center"
          ? "Center"
          : "Right";
  }
  if (style.wrapText !== undefined) f.wrapText = style.wrapText;
  // "A thin border on this side of every cell": the range's edge, and between its rows.
  const r = parseRange(address);
  const edges: ("EdgeBottom" | "EdgeTop" | "InsideHorizontal")[] = [];
  if (style.borderBottom) edges.push("EdgeBottom");
  if (style.borderTop) edges.push("EdgeTop");
  if ((style.borderBottom || style.borderTop) && r.bottom > r.top) edges.push("InsideHorizontal");
  for (const edge of edges) {
    const border = f.borders.getItem(edge);
    border.style = "Continuous";
    border.weight = "Thin";
  }
}
