/**
 * How big the writer's requests to Excel are, and how the write is split when one request
 * would pass Excel on the web's 5 MB request limit (pure: no Office).
 *
 * Office.js sends every queued command of a `context.sync()` as one JSON request. Its size is
 * dominated by the 2-D arrays (`range.formulas`, `range.numberFormat`); every other command
 * (a property set, a method call, the object path of a `getRange`) costs a roughly fixed
 * envelope. The estimate counts the arrays' JSON exactly (UTF-8 bytes) and charges
 * `OP_OVERHEAD_BYTES` per command, which is on the generous side of what Office.js emits.
 *
 * The write is packed greedily, in order, into requests of at most `maxRequestBytes` (4.5 MB by
 * default: 86 % of 5 MiB, 90 % of 5,000,000 — the arrays are counted exactly, so the margin only
 * has to cover the command envelopes); a block bigger than that is split into row chunks, each
 * still one 2-D write. A report of some 10,000 servers fits in one request; only bigger
 * inventories need more (and so more syncs).
 */
import { blockRange, cellAddress, parseCell } from "../report/a1";
import type { CellBlock, PlanCell, SheetPlan, WorkbookPlan } from "../report/workbookPlan";

/** Excel on the web rejects a request (or response) above 5 MB (`RequestPayloadSizeLimitExceeded`). */
export const WEB_REQUEST_LIMIT_BYTES = 5 * 1024 * 1024;
/** The writer's default request budget: 90 % of 5,000,000 bytes (the limit read as decimal MB). */
export const DEFAULT_MAX_REQUEST_BYTES = 4_500_000;
/** Estimated envelope of one queued command (action + object path), bytes. */
export const OP_OVERHEAD_BYTES = 256;

/** UTF-8 length of a string, bytes. */
export function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

/**
 * True when Excel would turn this text into something else if written as is (a formula, a
 * number, a date, TRUE/FALSE, or it starts with an apostrophe): such text is written with a
 * leading apostrophe, which Excel keeps as "text" and does not store.
 */
export function needsTextPrefix(text: string): boolean {
  if (text === "") return false;
  return !/^[A-Za-z]/.test(text) || /\d/.test(text) || /^(true|false)$/i.test(text.trim());
}

/** A plan cell as one element of a `range.formulas` write: the formula, or the constant. */
export function formulaCell(cell: PlanCell): string | number | boolean {
  if (cell.f !== undefined) return cell.f;
  const v = cell.v;
  if (v === null) return "";
  if (typeof v === "string") return needsTextPrefix(v) ? `'${v}` : v;
  return v;
}

/** True when some cell of the block carries a number format (else numberFormat is not written). */
export function blockHasFormats(block: CellBlock): boolean {
  return block.cells.some((row) => row.some((c) => c.fmt !== undefined));
}

/** The number formats of a row ("General" where none is set). */
export function formatRow(row: readonly PlanCell[]): string[] {
  return row.map((c) => c.fmt ?? "General");
}

/** One unit of the write, in the order the writer queues them. */
export type WriteUnit =
  | { readonly kind: "sheet"; readonly sheet: number; readonly bytes: number }
  | { readonly kind: "names"; readonly bytes: number }
  | {
      readonly kind: "rows";
      readonly sheet: number;
      readonly block: number;
      /** Rows [fromRow, toRow) of the block. */
      readonly fromRow: number;
      readonly toRow: number;
      readonly bytes: number;
    }
  | { readonly kind: "decor"; readonly sheet: number; readonly bytes: number }
  | {
      readonly kind: "chart";
      readonly sheet: number;
      readonly chart: number;
      readonly bytes: number;
    };

/** Per-request envelope: the two suspend calls every write request starts with. */
export const BATCH_OVERHEAD_BYTES = 2 * OP_OVERHEAD_BYTES;

function sheetBytes(s: SheetPlan): number {
  // add + owner tag (add, hide) + tab colour + one getRange/width pair per column
  return OP_OVERHEAD_BYTES * (4 + 2 * s.columnWidths.length) + 4 * utf8Length(s.name) + 64;
}

function namesBytes(plan: WorkbookPlan): number {
  return plan.definedNames.reduce(
    (sum, d) =>
      sum +
      2 * OP_OVERHEAD_BYTES +
      utf8Length(d.name) +
      utf8Length(d.ref) +
      utf8Length(d.comment ?? ""),
    0
  );
}

function decorBytes(s: SheetPlan): number {
  let ops = 0;
  for (const st of s.styles) {
    ops += 1 + Object.keys(st.style).length * 3; // getRange + each property (borders: item, style, weight)
  }
  ops += s.tables.length * 4 + (s.freeze ? 2 : 0);
  return ops * OP_OVERHEAD_BYTES;
}

function chartBytes(s: SheetPlan, i: number): number {
  const c = s.charts[i];
  return 8 * OP_OVERHEAD_BYTES + utf8Length(c?.title ?? "");
}

/** Bytes of one row of a block's arrays (formulas and, when written, formats), with separators. */
function rowBytes(row: readonly PlanCell[], withFormats: boolean): number {
  let bytes = utf8Length(JSON.stringify(row.map(formulaCell))) + 1;
  if (withFormats) bytes += utf8Length(JSON.stringify(formatRow(row))) + 1;
  return bytes;
}

const blockOverhead = (withFormats: boolean): number =>
  OP_OVERHEAD_BYTES * (withFormats ? 3 : 2) + 32;

/** The write's units in the order the writer queues them, one `rows` unit per whole block. */
export function writeUnits(plan: WorkbookPlan): WriteUnit[] {
  const units: WriteUnit[] = plan.sheets.map((s, sheet) => ({
    kind: "sheet",
    sheet,
    bytes: sheetBytes(s),
  }));
  units.push({ kind: "names", bytes: namesBytes(plan) });
  plan.sheets.forEach((s, sheet) => {
    s.blocks.forEach((b, block) => {
      const withFormats = blockHasFormats(b);
      const bytes = b.cells.reduce(
        (sum, row) => sum + rowBytes(row, withFormats),
        blockOverhead(withFormats)
      );
      units.push({ kind: "rows", sheet, block, fromRow: 0, toRow: b.cells.length, bytes });
    });
  });
  plan.sheets.forEach((s, sheet) => units.push({ kind: "decor", sheet, bytes: decorBytes(s) }));
  plan.sheets.forEach((s, sheet) =>
    s.charts.forEach((_, chart) =>
      units.push({ kind: "chart", sheet, chart, bytes: chartBytes(s, chart) })
    )
  );
  return units;
}

/**
 * The write packed, in order, into requests of at most `maxRequestBytes`. A block that does
 * not fit the room left in the current request is split into row chunks (each one 2-D write)
 * that fill it and the next ones; when everything fits, nothing is split. A single unit bigger
 * than the budget (one enormous row) still goes, alone.
 */
export function scheduleBatches(plan: WorkbookPlan, maxRequestBytes: number): WriteUnit[][] {
  const batches: WriteUnit[][] = [];
  let current: WriteUnit[] = [];
  let bytes = BATCH_OVERHEAD_BYTES;
  const flush = (): void => {
    if (current.length === 0) return;
    batches.push(current);
    current = [];
    bytes = BATCH_OVERHEAD_BYTES;
  };
  const add = (u: WriteUnit): void => {
    current.push(u);
    bytes += u.bytes;
  };
  for (const u of writeUnits(plan)) {
    if (u.kind !== "rows" || bytes + u.bytes <= maxRequestBytes) {
      if (bytes + u.bytes > maxRequestBytes) flush();
      add(u);
      continue;
    }
    const block = plan.sheets[u.sheet]?.blocks[u.block];
    if (!block) continue;
    const withFormats = blockHasFormats(block);
    const overhead = blockOverhead(withFormats);
    let from = 0;
    let chunk = overhead;
    block.cells.forEach((row, r) => {
      const rb = rowBytes(row, withFormats);
      if (bytes + chunk + rb > maxRequestBytes) {
        if (r > from) {
          add({
            kind: "rows",
            sheet: u.sheet,
            block: u.block,
            fromRow: from,
            toRow: r,
            bytes: chunk,
          });
          from = r;
          chunk = overhead;
        }
        flush();
      }
      chunk += rb;
    });
    add({
      kind: "rows",
      sheet: u.sheet,
      block: u.block,
      fromRow: from,
      toRow: block.cells.length,
      bytes: chunk,
    });
  }
  flush();
  return batches;
}

export const batchBytes = (batch: readonly WriteUnit[]): number =>
  batch.reduce((sum, u) => sum + u.bytes, BATCH_OVERHEAD_BYTES);

/**
 * Estimated size, in bytes, of writing the whole plan (cells, formats, styles, tables, names,
 * charts) as ONE Office.js request; compare with `WEB_REQUEST_LIMIT_BYTES`.
 */
export function estimateRequestBytes(plan: WorkbookPlan): number {
  return batchBytes(writeUnits(plan));
}

/** The address a row chunk of a block covers. */
export function chunkAddress(block: CellBlock, fromRow: number, toRow: number): string {
  const { row, col } = parseCell(block.topLeft);
  return blockRange(cellAddress(row + fromRow, col), toRow - fromRow, block.cells[0]?.length ?? 0);
}
