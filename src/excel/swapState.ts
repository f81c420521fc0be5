/** What a failed swap request left behind, read back from the workbook. */
import { readTags, type WriteLayout } from "./ownership";

const lower = (s: string): string => s.toLowerCase();

/**
 * After a failed swap request: did the swap itself complete (only the formatting queued after
 * it failed), not start at all, or stop half-way?
 */
export async function inspectSwap(
  context: Excel.RequestContext,
  layout: WriteLayout,
  counted: () => void
): Promise<"done" | "notStarted" | "partial"> {
  try {
    const sheets = context.workbook.worksheets.load("items/name");
    const names = context.workbook.names.load("items/name,items/formula");
    counted();
    await context.sync();
    const sheetNames = new Set(sheets.items.map((s) => lower(s.name)));
    const tags = readTags(
      names.items.map((n) => ({ name: n.name, formula: String(n.formula ?? "") }))
    );
    const temps = [...layout.inWrite.entries()]
      .filter(([role, n]) => n !== layout.final.get(role))
      .map(([, n]) => n);
    const finalsIn = [...layout.final.values()].every((n) => sheetNames.has(lower(n)));
    const tempsGone = temps.every((n) => !sheetNames.has(lower(n)));
    const tagged = [...layout.final.entries()].every(([role, n]) =>
      tags.some(
        (t) =>
          t.kind === "own" && t.role === role && t.sheet !== null && lower(t.sheet) === lower(n)
      )
    );
    const leftoverTags = tags.some((t) => t.kind === "new");
    if (finalsIn && tempsGone && tagged && !leftoverTags) return "done";
    const oldThere = layout.deleteSheets.every((n) => sheetNames.has(lower(n)));
    const tempsThere = temps.every((n) => sheetNames.has(lower(n)));
    return oldThere && tempsThere ? "notStarted" : "partial";
  } catch {
    return "partial";
  }
}
