/** Undoing a failed write: what this run created goes, its ownership tags last. */
import { isCellEditMode, retryWhileEditing } from "./officeErrors";

const lower = (s: string): string => s.toLowerCase();

/**
 * Deletes every sheet and name this run created (found by name: they did not exist before the
 * run), retrying while a cell is being edited. The sheets go first and the names after them in
 * the same request: Excel stops a request at its first failing command, so a sheet that could
 * not be deleted keeps its ownership tag, and the next run removes it. Returns whether the
 * workbook is as it was, and the sheets left behind if not.
 */
export async function rollback(
  context: Excel.RequestContext,
  session: { readonly createdSheets: readonly string[]; readonly addedNames: readonly string[] },
  retry: { readonly retries: number; readonly delayMs: number; delay(ms: number): Promise<void> },
  counted: () => void
): Promise<{ done: boolean; leftovers: string[] }> {
  const created = new Set(session.createdSheets.map(lower));
  const added = new Set(session.addedNames.map(lower));
  let leftovers = [...session.createdSheets];
  const once = async (): Promise<"done" | "editing" | "failed"> => {
    try {
      const sheets = context.workbook.worksheets.load("items/name");
      const names = context.workbook.names.load("items/name");
      counted();
      await context.sync();
      leftovers = sheets.items.filter((s) => created.has(lower(s.name))).map((s) => s.name);
      for (const s of sheets.items) if (created.has(lower(s.name))) s.delete();
      for (const n of names.items) if (added.has(lower(n.name))) n.delete();
      counted();
      await context.sync();
      leftovers = [];
      return "done";
    } catch (err) {
      return isCellEditMode(err) ? "editing" : "failed";
    }
  };
  const outcome = await retryWhileEditing(once, (r) => r === "editing", retry);
  return { done: outcome === "done", leftovers };
}
