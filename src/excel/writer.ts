/**
 * `writePlan(plan)`: writes a `WorkbookPlan` into the open workbook with Office.js, inside one
 * `Excel.run`, in a fixed handful of requests whatever the inventory size.
 *
 * Requests (`context.sync()` calls) on the normal path:
 * 1. discover — sheet names and positions, defined names (our ownership tags), tables;
 * 2. only when regenerating over our own `TCO Inputs`: read it, to catch unsaved edits;
 * 3. write — every new sheet, cell block (one `range.formulas` and one `range.numberFormat`
 *    2-D write per block), style, table, defined name and chart, with calculation and screen
 *    updating suspended; split into more requests only when one would pass Excel on the web's
 *    5 MB request limit (see `payload.ts`);
 * 4. swap — delete the old report's sheets, rename the new ones into place, re-point names and
 *    tags, position and activate, then the optional chart/print formatting last.
 * So 3 requests for a first report, 4 when regenerating, plus one per extra 4.5 MB of cells.
 *
 * Safety: the new sheets are written beside the old ones (under temporary names when a name is
 * taken by the old report), and the old ones are removed only after every write succeeded. If
 * a write fails, every sheet and name this run created is deleted again and the workbook is as
 * it was. Sheets the planner did not create are never changed: a plan sheet whose name the user
 * has taken goes to "Name (2)" with every reference rewritten (`renameSheetsInPlan`).
 *
 * User edits to `TCO Inputs`: the writer does not merge them into the plan (the plan's
 * engine-computed quantities would then disagree with the inputs). The task pane reloads them
 * with `readScenarioFromWorkbook()`, rebuilds the plan, then writes; if the sheet still holds
 * inputs that differ from the plan's, `writePlan` stops with `code: "inputsEdited"` and writes
 * nothing, unless called with `inputEdits: "discard"`.
 */
import { columnLetters } from "../report/a1";
import { withoutOwnershipTags } from "../report/ownershipTags";
import { SHEETS } from "../report/sheetLayout";
import type { ChartKind, ChartSpec, WorkbookPlan } from "../report/workbookPlan";
import { xmlSafePlan } from "../report/xmlSafePlan";
import {
  defaultDelay,
  isCellEditMode,
  officeErrorCode,
  officeErrorDetail,
  retryWhileEditing,
  writeErrorMessage,
} from "./officeErrors";
import { diffInputs, displayValue, sheetPlanCells, type InputChange } from "./inputsGuard";
import { EXCEL_MESSAGES } from "./messages";
import {
  ownTagName,
  planLayout,
  sheetTagFormula,
  type RenameConflict,
  type WorkbookSnapshot,
  type WriteLayout,
} from "./ownership";
import {
  DEFAULT_MAX_REQUEST_BYTES,
  batchBytes,
  blockHasFormats,
  chunkAddress,
  formatRow,
  formulaCell,
  scheduleBatches,
  type WriteUnit,
} from "./payload";
import { renameSheetsInPlan, renameTablesInPlan } from "./planRefs";
import { applyPrint, applyStyle, columnWidthPoints, polishForReading } from "./rangeStyle";
import { inspectSwap } from "./swapState";
import { rollback } from "./rollback";
import { validatePlan } from "./validatePlan";

export type { RenameConflict } from "./ownership";
export type { InputChange } from "./inputsGuard";

export interface WriteOptions {
  /** Called as each sheet's content is queued: the sheet's name, 1-based step, number of sheets. */
  onProgress?(sheetName: string, step: number, total: number): void;
  /**
   * Called once, before anything is written, when plan sheets must take other names because
   * sheets the planner does not own have theirs; false cancels the write. Absent = accept.
   */
  confirmRename?(conflicts: readonly RenameConflict[]): boolean | Promise<boolean>;
  /** "refuse" (default): stop when TCO Inputs holds edits the plan lacks; "discard": overwrite them. */
  inputEdits?: "refuse" | "discard";
  /** Request budget in bytes (default 4,500,000: 90 % of the web's 5 MB limit). */
  maxRequestBytes?: number;
  /** "Cell edit mode" retries after the first attempt (default 3) and the wait between them (2000 ms). */
  cellEditRetries?: number;
  cellEditDelayMs?: number;
  /** Injectable wait (tests). */
  delay?(ms: number): Promise<void>;
}

export interface WriteSuccess {
  readonly ok: true;
  /** Plan sheet name → the name it has in the workbook. */
  readonly sheets: Readonly<Record<string, string>>;
  /** Plan sheets written under another name because the user has a sheet of that name. */
  readonly renamed: readonly RenameConflict[];
  /** The planner's old sheets this run replaced or removed. */
  readonly replaced: readonly string[];
  /** `context.sync()` calls made. */
  readonly syncs: number;
  /** Estimated size of each write request, bytes. */
  readonly requestBytes: readonly number[];
  readonly warnings: readonly string[];
}

export type WriteFailureCode = "cellEditMode" | "inputsEdited" | "cancelled" | "excel" | "partial";

export interface WriteFailure {
  readonly ok: false;
  readonly code: WriteFailureCode;
  /** What to tell the user (what happened, what to do). */
  readonly message: string;
  /** True when the workbook is exactly as it was before the call. */
  readonly unchanged: boolean;
  /** The Office error code, when Excel raised one. */
  readonly officeCode?: string;
  readonly inputChanges?: readonly InputChange[];
  readonly syncs: number;
}

export type WriteResult = WriteSuccess | WriteFailure;

const CHART_TYPES = {
  columnClustered: "ColumnClustered",
  columnStacked: "ColumnStacked",
  barClustered: "BarClustered",
  line: "Line",
  lineMarkers: "LineMarkers",
  xyScatterLines: "XYScatterLines",
  xyScatterLinesNoMarkers: "XYScatterLinesNoMarkers",
} as const satisfies Readonly<Record<ChartKind, string>>;
const LINE_KINDS: ReadonlySet<string> = new Set([
  "line",
  "lineMarkers",
  "xyScatterLines",
  "xyScatterLinesNoMarkers",
]);

const withEquals = (ref: string): string => (ref.startsWith("=") ? ref : `=${ref}`);
const lower = (s: string): string => s.toLowerCase();

/**
 * Write `plan` into the open workbook (see the module comment for requests, safety and inputs).
 * Throws only for a plan that cannot be written (`PlanError`, a programmer error); Excel's own
 * failures come back as `{ok: false, code, message}` with a message for the user. Text the
 * workbook cannot hold becomes U+FFFD first (`xmlSafePlan`), as in the .xlsx writer.
 */
export async function writePlan(
  tagged: WorkbookPlan,
  options: WriteOptions = {}
): Promise<WriteResult> {
  // The plan's ownership tags are written by the swap (step 4), under a temporary tag until then.
  const plan = xmlSafePlan(withoutOwnershipTags(tagged));
  validatePlan(plan);
  const approved = { value: false };
  return retryWhileEditing(
    () => writeOnce(plan, options, approved),
    (r) => !r.ok && r.code === "cellEditMode" && r.unchanged,
    retryOptions(options)
  );
}

/** "Cell edit mode" retries: 3 after the first attempt, 2 s apart, unless the options say otherwise. */
function retryOptions(options: WriteOptions): {
  retries: number;
  delayMs: number;
  delay(ms: number): Promise<void>;
} {
  return {
    retries: options.cellEditRetries ?? 3,
    delayMs: options.cellEditDelayMs ?? 2000,
    delay: options.delay ?? defaultDelay,
  };
}

function failure(
  code: WriteFailureCode,
  message: string,
  unchanged: boolean,
  syncs: number,
  extra: { officeCode?: string | undefined; inputChanges?: readonly InputChange[] } = {}
): WriteFailure {
  return {
    ok: false,
    code,
    message,
    unchanged,
    syncs,
    ...(extra.officeCode !== undefined ? { officeCode: extra.officeCode } : {}),
    ...(extra.inputChanges !== undefined ? { inputChanges: extra.inputChanges } : {}),
  };
}

function officeFailure(
  err: unknown,
  unchanged: boolean,
  syncs: number,
  leftovers: readonly string[] = []
): WriteFailure {
  const code = officeErrorCode(err);
  const tail = unchanged ? EXCEL_MESSAGES.unchanged : EXCEL_MESSAGES.leftovers(leftovers);
  return failure(
    isCellEditMode(err) ? "cellEditMode" : "excel",
    `${writeErrorMessage(err)} ${tail}`,
    unchanged,
    syncs,
    {
      officeCode: code,
    }
  );
}

async function writeOnce(
  plan: WorkbookPlan,
  options: WriteOptions,
  approved: { value: boolean }
): Promise<WriteResult> {
  let syncs = 0;
  try {
    return await Excel.run(async (context) => {
      const sync = async (): Promise<void> => {
        syncs++;
        await context.sync();
      };
      const wb = context.workbook;

      // 1. Discover.
      const sheetItems = wb.worksheets.load("items/name,items/position");
      const nameItems = wb.names.load("items/name,items/formula");
      const tableItems = wb.tables.load("items/name,items/worksheet/name");
      try {
        await sync();
      } catch (err) {
        if (officeErrorCode(err) === undefined) throw err;
        return officeFailure(err, true, syncs);
      }
      const snapshot: WorkbookSnapshot = {
        sheets: sheetItems.items.map((s) => ({ name: s.name, position: s.position })),
        names: nameItems.items.map((n) => ({ name: n.name, formula: String(n.formula ?? "") })),
        tables: tableItems.items.map((t) => ({ name: t.name, sheet: t.worksheet.name })),
      };
      const layout = planLayout(plan, snapshot);
      if (layout.conflicts.length > 0 && options.confirmRename && !approved.value) {
        if (!(await options.confirmRename(layout.conflicts)))
          return failure("cancelled", EXCEL_MESSAGES.cancelled, true, syncs);
        approved.value = true;
      }

      // 2. Unsaved edits to our own TCO Inputs.
      const inputsPlan = plan.sheets.find((s) => s.name === SHEETS.inputs);
      const ownedInputs = inputsPlan ? layout.owned.get(inputsPlan.name) : undefined;
      if (inputsPlan && ownedInputs !== undefined && options.inputEdits !== "discard") {
        const used = wb.worksheets
          .getItem(ownedInputs)
          .getUsedRangeOrNullObject(true)
          .load("address,values");
        try {
          await sync();
        } catch (err) {
          if (officeErrorCode(err) === undefined) throw err;
          return officeFailure(err, true, syncs);
        }
        if (!used.isNullObject) {
          const changes = diffInputs(
            { address: used.address, values: used.values },
            sheetPlanCells(inputsPlan)
          );
          if (changes.length > 0) {
            const described = changes.map((c) =>
              EXCEL_MESSAGES.inputChange(
                c.cell,
                c.label,
                displayValue(c.plan),
                displayValue(c.workbook)
              )
            );
            return failure(
              "inputsEdited",
              EXCEL_MESSAGES.inputsEdited(ownedInputs, described),
              true,
              syncs,
              { inputChanges: changes }
            );
          }
        }
      }

      // 3. Write the new sheets.
      const planWrite = renameTablesInPlan(
        renameSheetsInPlan(plan, layout.inWrite),
        layout.tableInWrite
      );
      const planFinal = renameTablesInPlan(
        renameSheetsInPlan(plan, layout.final),
        layout.tableFinal
      );
      const maxBytes = options.maxRequestBytes ?? DEFAULT_MAX_REQUEST_BYTES;
      const batches = scheduleBatches(planWrite, maxBytes);
      const session = new WriteSession(context, plan, planWrite, layout, options);
      try {
        for (const batch of batches) {
          context.application.suspendApiCalculationUntilNextSync();
          context.application.suspendScreenUpdatingUntilNextSync();
          for (const unit of batch) session.queue(unit);
          await sync();
        }
      } catch (err) {
        const back = await rollback(context, session, retryOptions(options), () => syncs++);
        if (officeErrorCode(err) === undefined) throw err;
        return officeFailure(err, back.done, syncs, back.leftovers);
      }

      // 4. Swap the new sheets in, then optional formatting.
      context.application.suspendApiCalculationUntilNextSync();
      context.application.suspendScreenUpdatingUntilNextSync();
      session.queueSwap(sheetItems.items, nameItems.items, planFinal);
      try {
        await sync();
      } catch (err) {
        if (officeErrorCode(err) === undefined) throw err;
        const state = await inspectSwap(context, layout, () => syncs++);
        if (state === "done") {
          return success(plan, layout, syncs, batches, [EXCEL_MESSAGES.formattingSkipped]);
        }
        if (state === "notStarted") {
          const back = await rollback(context, session, retryOptions(options), () => syncs++);
          return officeFailure(err, back.done, syncs, back.leftovers);
        }
        return failure(
          "partial",
          EXCEL_MESSAGES.partialSwap(officeErrorDetail(err)),
          false,
          syncs,
          {
            officeCode: officeErrorCode(err),
          }
        );
      }
      return success(plan, layout, syncs, batches, []);
    });
  } catch (err) {
    if (officeErrorCode(err) === undefined) throw err;
    return officeFailure(err, false, syncs);
  }
}

function success(
  plan: WorkbookPlan,
  layout: WriteLayout,
  syncs: number,
  batches: readonly (readonly WriteUnit[])[],
  warnings: readonly string[]
): WriteSuccess {
  const sheets: Record<string, string> = {};
  for (const s of plan.sheets) sheets[s.name] = layout.final.get(s.name) ?? s.name;
  return {
    ok: true,
    sheets,
    renamed: layout.conflicts,
    replaced: layout.deleteSheets,
    syncs,
    requestBytes: batches.map(batchBytes),
    warnings,
  };
}

/** Everything the write queues, and the proxies the swap and a rollback need. */
class WriteSession {
  /** New sheets by plan index, and the names they were created under. */
  readonly sheets: Excel.Worksheet[] = [];
  readonly createdSheets: string[] = [];
  /** Defined names (tags included) this run added. */
  readonly addedNames: string[] = [];
  readonly writeTags = new Map<string, Excel.NamedItem>();
  readonly tables = new Map<string, Excel.Table>();
  readonly charts: { spec: ChartSpec; chart: Excel.Chart }[] = [];
  private progressed = new Set<number>();

  constructor(
    private readonly context: Excel.RequestContext,
    private readonly plan: WorkbookPlan,
    private readonly planWrite: WorkbookPlan,
    private readonly layout: WriteLayout,
    private readonly options: WriteOptions
  ) {}

  queue(unit: WriteUnit): void {
    switch (unit.kind) {
      case "sheet":
        return this.queueSheet(unit.sheet);
      case "names":
        return this.queueNames();
      case "rows":
        return this.queueRows(unit.sheet, unit.block, unit.fromRow, unit.toRow);
      case "decor":
        return this.queueDecor(unit.sheet);
      case "chart":
        return this.queueChart(unit.sheet, unit.chart);
    }
  }

  private sheetOf(index: number): Excel.Worksheet {
    const ws = this.sheets[index];
    if (ws === undefined) throw new Error(`sheet ${index} queued before it was added`);
    return ws;
  }

  private progress(index: number): void {
    if (this.progressed.has(index)) return;
    this.progressed.add(index);
    const role = this.plan.sheets[index]?.name ?? "";
    this.options.onProgress?.(
      this.layout.final.get(role) ?? role,
      this.progressed.size,
      this.plan.sheets.length
    );
  }

  private queueSheet(index: number): void {
    const s = this.planWrite.sheets[index];
    const role = this.plan.sheets[index]?.name;
    if (!s || role === undefined) return;
    const wb = this.context.workbook;
    const ws = wb.worksheets.add(s.name);
    this.sheets[index] = ws;
    this.createdSheets.push(s.name);
    // Tag it at once, so even a half-written sheet is recognisably ours.
    const tagName = this.layout.writeTag.get(role) as string;
    const tag = wb.names.add(tagName, sheetTagFormula(s.name), EXCEL_MESSAGES.ownerTagComment);
    tag.visible = false;
    this.addedNames.push(tagName);
    this.writeTags.set(role, tag);
    if (s.tabColor !== undefined) ws.tabColor = s.tabColor;
    s.columnWidths.forEach((chars, col) => {
      ws.getRange(`${columnLetters(col)}1`).format.columnWidth = columnWidthPoints(chars);
    });
    for (const [row, points] of Object.entries(s.rowHeights ?? {}))
      ws.getRange(`A${row}`).format.rowHeight = points; // sets the whole row
  }

  private queueNames(): void {
    const toAdd = new Set(this.layout.namesToAdd.map(lower));
    for (const d of this.planWrite.definedNames) {
      if (!toAdd.has(lower(d.name))) continue;
      this.context.workbook.names.add(d.name, withEquals(d.ref), d.comment);
      this.addedNames.push(d.name);
    }
  }

  private queueRows(index: number, blockIndex: number, from: number, to: number): void {
    const block = this.planWrite.sheets[index]?.blocks[blockIndex];
    if (!block) return;
    this.progress(index);
    const rows = block.cells.slice(from, to);
    const range = this.sheetOf(index).getRange(chunkAddress(block, from, to));
    range.formulas = rows.map((row) => row.map(formulaCell));
    if (blockHasFormats(block)) range.numberFormat = rows.map(formatRow);
  }

  private queueDecor(index: number): void {
    const s = this.planWrite.sheets[index];
    if (!s) return;
    this.progress(index);
    const ws = this.sheetOf(index);
    for (const st of s.styles) applyStyle(ws.getRange(st.range), st);
    for (const m of s.merges ?? []) ws.getRange(m).merge(false);
    for (const t of s.tables) {
      const table = ws.tables.add(ws.getRange(t.range), true);
      table.name = t.name;
      table.style = t.style;
      this.tables.set(t.name, table);
    }
    if (s.freeze && (s.freeze.rows > 0 || s.freeze.columns > 0)) {
      const { rows, columns } = s.freeze;
      if (columns === 0) ws.freezePanes.freezeRows(rows);
      else if (rows === 0) ws.freezePanes.freezeColumns(columns);
      else ws.freezePanes.freezeAt(ws.getRange(`A1:${columnLetters(columns - 1)}${rows}`));
    }
  }

  private queueChart(index: number, chartIndex: number): void {
    const s = this.planWrite.sheets[index];
    const spec = s?.charts[chartIndex];
    if (!spec) return;
    const dataIndex = this.planWrite.sheets.findIndex(
      (p) => lower(p.name) === lower(spec.dataSheet)
    );
    const source = this.sheetOf(dataIndex).getRange(spec.dataRange);
    // seriesBy is always explicit: Excel's "Auto" swaps rows and columns on the web.
    const chart = this.sheetOf(index).charts.add(CHART_TYPES[spec.kind], source, "Columns");
    chart.title.text = spec.title;
    chart.setPosition(spec.anchor.from, spec.anchor.to);
    if (spec.legend === "none") chart.legend.visible = false;
    else {
      chart.legend.visible = true;
      chart.legend.position =
        spec.legend === "right" ? "Right" : spec.legend === "top" ? "Top" : "Bottom";
    }
    this.charts.push({ spec, chart });
  }

  /** The swap: old sheets out, new ones renamed in, names and tags re-pointed, positioned, activated. */
  queueSwap(
    oldSheets: readonly Excel.Worksheet[],
    oldNames: readonly Excel.NamedItem[],
    planFinal: WorkbookPlan
  ): void {
    const layout = this.layout;
    const sheetByName = new Map(oldSheets.map((s) => [lower(s.name), s]));
    const nameByName = new Map(oldNames.map((n) => [lower(n.name), n]));
    for (const n of layout.namesToDelete) nameByName.get(lower(n))?.delete();
    for (const s of layout.deleteSheets) sheetByName.get(lower(s))?.delete();
    this.plan.sheets.forEach((p, i) => {
      const finalName = layout.final.get(p.name) as string;
      if (layout.inWrite.get(p.name) !== finalName) this.sheetOf(i).name = finalName;
    });
    for (const [planTable, temp] of layout.tableInWrite) {
      const finalName = layout.tableFinal.get(planTable) as string;
      const table = this.tables.get(temp);
      if (temp !== finalName && table) table.name = finalName;
    }
    const updates = new Set(layout.namesToUpdate.map(lower));
    for (const d of planFinal.definedNames) {
      if (updates.has(lower(d.name))) {
        const item = nameByName.get(lower(d.name));
        if (item) item.formula = withEquals(d.ref);
      }
    }
    // Each new sheet's write tag becomes its ownership tag: an existing one re-pointed, or a new one.
    for (const p of this.plan.sheets) {
      const role = p.name;
      const formula = sheetTagFormula(layout.final.get(role) as string);
      const own = layout.retag.has(role) ? nameByName.get(lower(ownTagName(role))) : undefined;
      if (own) own.formula = formula;
      else {
        const tag = this.context.workbook.names.add(
          ownTagName(role),
          formula,
          EXCEL_MESSAGES.ownerTagComment
        );
        tag.visible = false;
      }
      this.writeTags.get(role)?.delete();
    }
    if (layout.positionBase !== null) {
      const base = layout.positionBase;
      this.sheets.forEach((ws, i) => (ws.position = base + i));
    }
    const summary = this.plan.sheets.findIndex((s) => s.name === SHEETS.summary);
    this.sheetOf(summary >= 0 ? summary : 0).activate();
    this.queuePolish(planFinal);
  }

  /** Formatting some Excels reject (the web, some chart settings): queued last, a warning only. */
  private queuePolish(planFinal: WorkbookPlan): void {
    for (const { spec, chart } of this.charts) {
      for (const o of spec.seriesOverrides ?? []) {
        const series = chart.series.getItemAt(o.index);
        series.chartType = CHART_TYPES[o.kind];
        if (o.secondaryAxis) series.axisGroup = "Secondary";
      }
      if (spec.categoryAxisTitle !== undefined)
        chart.axes.categoryAxis.title.text = spec.categoryAxisTitle;
      if (spec.valueAxisTitle !== undefined) chart.axes.valueAxis.title.text = spec.valueAxisTitle;
      if (spec.valueAxisFormat !== undefined)
        chart.axes.valueAxis.numberFormat = spec.valueAxisFormat;
      if (spec.valueAxisMinimum !== undefined) chart.axes.valueAxis.minimum = spec.valueAxisMinimum;
      if (spec.reverseCategories) chart.axes.categoryAxis.reversePlotOrder = true;
      if (spec.categoryLabelsLow) chart.axes.categoryAxis.tickLabelPosition = "Low";
      if (spec.overlap !== undefined) chart.series.getItemAt(0).overlap = spec.overlap;
      if (spec.gapWidth !== undefined) chart.series.getItemAt(0).gapWidth = spec.gapWidth;
      (spec.seriesColors ?? []).forEach((color, i) => {
        const series = chart.series.getItemAt(i);
        const kind = spec.seriesOverrides?.find((o) => o.index === i)?.kind ?? spec.kind;
        if (LINE_KINDS.has(kind)) series.format.line.color = color;
        else series.format.fill.setSolidColor(color);
      });
      polishForReading(chart, spec);
    }
    planFinal.sheets.forEach((s, i) => {
      if (s.print) applyPrint(this.sheetOf(i), s.print);
    });
  }
}
