/**
 * A small recording fake of the Excel object model, for "did we call Office.js correctly" tests.
 *
 * It behaves like Office.js where the writer depends on it:
 * - commands queue on proxies and run only at `context.sync()`, in order; the first failing
 *   command fails the sync, the commands before it stay done and the rest are dropped (batches
 *   are not transactions);
 * - properties read before `load` + `sync` throw; `*OrNullObject` gives `isNullObject`;
 * - `range.formulas/values/numberFormat` check the 2-D array's shape against the address
 *   (Excel's InvalidArgument) and coerce text as Excel does (`'001` is text, `001` a number);
 * - sheet, table and name uniqueness, sheet-name rules, and reference fixing: renaming a sheet
 *   or table rewrites formulas and defined names, deleting a sheet turns references to `#REF!`;
 * - each sync's request size is measured (command envelope + JSON arguments) and a request
 *   above 5 MB is rejected (`RequestPayloadSizeLimitExceeded`), as Excel on the web does;
 * - injectable faults: `failOn(op)` for any command, `editModeSyncs` for cell edit mode.
 * It evaluates no formulas (a formula cell's value reads as null).
 */
import { parseRange, rangeAddress } from "../../src/report/a1";
import type { CellValue } from "../../src/report/workbookPlan";

export const FAKE_OP_OVERHEAD = 100;
export const FAKE_REQUEST_LIMIT = 5 * 1024 * 1024;

export class FakeOfficeError extends Error {
  readonly debugInfo: { code: string; message: string; errorLocation: string };
  constructor(
    readonly code: string,
    message: string,
    location = ""
  ) {
    super(message);
    this.name = "RichApi.Error";
    this.debugInfo = { code, message, errorLocation: location };
  }
}

const fail = (code: string, message: string, location = ""): never => {
  throw new FakeOfficeError(code, message, location);
};

export interface CellState {
  formula: string | null;
  value: CellValue;
  numberFormat: string;
}

export interface TableState {
  name: string;
  sheet: SheetState;
  address: string;
  style?: string;
}

export interface SeriesState {
  chartType?: string;
  axisGroup?: string;
  overlap?: number;
  gapWidth?: number;
  fill?: string;
  line?: string;
  lineWeight?: number;
  hasDataLabels?: boolean;
  dataLabels?: Record<string, unknown>;
  /** Per point (category) index: its fill and border. */
  points?: Record<number, { fill?: string; border?: Record<string, unknown> }>;
}

export interface ChartState {
  sheet: SheetState;
  type: string;
  source: { sheet: SheetState; address: string };
  seriesBy: string;
  title?: string;
  position?: [string, string];
  legend: { visible?: boolean; position?: string };
  axes: Record<
    "category" | "value",
    {
      title?: string;
      numberFormat?: string;
      reversePlotOrder?: boolean;
      tickLabelPosition?: string;
      minorTickMark?: string;
      majorTickMark?: string;
      textOrientation?: number;
    }
  >;
  series: SeriesState[];
}

export interface SheetState {
  id: string;
  name: string;
  deleted: boolean;
  cells: Map<string, CellState>;
  tables: TableState[];
  charts: ChartState[];
  tabColor?: string;
  freeze?: string;
  pageLayout: Record<string, unknown> & { orientation?: string; zoom?: unknown };
  formats: { address: string; prop: string; value: unknown }[];
  columnWidths: Map<number, number>;
}

export interface NameState {
  name: string;
  formula: string;
  comment?: string;
  visible: boolean;
}

export interface OpInfo {
  readonly name: string;
  readonly args: readonly unknown[];
}

interface QueuedOp extends OpInfo {
  readonly bytes: number;
  readonly exec: () => void;
}

export interface SyncRecord {
  readonly ops: readonly string[];
  readonly bytes: number;
  failed?: string;
}

export interface WriteRecord {
  readonly sheet: string;
  readonly address: string;
  readonly kind: "formulas" | "values" | "numberFormat";
  readonly rows: number;
  readonly cols: number;
}

export interface FakeOptions {
  /** Return true to make this command fail (GeneralException) when its sync runs it. */
  failOn?: (op: OpInfo) => boolean;
  /** The next N syncs are rejected with InvalidOperationInCellEditMode (nothing runs). */
  editModeSyncs?: number;
  /** Request limit in bytes (default 5 MB). */
  requestLimitBytes?: number;
  /** Make a used range asked of a missing sheet fail instead of being a null object. */
  nullChainThrows?: boolean;
}

const key = (row: number, col: number): string => `${row},${col}`;
const lower = (s: string): string => s.toLowerCase();
const quote = (s: string): string =>
  /^[A-Za-z_][A-Za-z0-9_]*$/.test(s) ? s : `'${s.replace(/'/g, "''")}'`;

/** Rewrites sheet references outside string literals: `fn(name)` → new prefix, or undefined to keep. */
function mapSheetRefs(formula: string, fn: (sheet: string) => string | undefined): string {
  return formula
    .split(/("(?:[^"]|"")*")/)
    .map((part, i) =>
      i % 2 === 1
        ? part
        : part.replace(
            /('(?:[^']|'')+'|(?<![A-Za-z0-9_.\]])[A-Za-z_][A-Za-z0-9_.]*)!/g,
            (m, ref: string) => {
              const name = ref.startsWith("'") ? ref.slice(1, -1).replace(/''/g, "'") : ref;
              return fn(name) ?? m;
            }
          )
    )
    .join("");
}

/** Excel's coercion of one element of a formulas/values write. */
function coerce(
  input: unknown,
  location: string
): { formula: string | null; value: CellValue } | null {
  if (input === null || input === undefined) return null; // leaves the cell as it is
  if (typeof input === "number") {
    if (!Number.isFinite(input)) fail("InvalidArgument", `Not a finite number: ${input}`, location);
    return { formula: null, value: input };
  }
  if (typeof input === "boolean") return { formula: null, value: input };
  if (typeof input !== "string")
    return fail("InvalidArgument", `Unsupported cell input ${typeof input}`, location);
  if (input.startsWith("=") && input.length > 1) return { formula: input, value: null };
  if (input.startsWith("'")) return { formula: null, value: input.slice(1) };
  const t = input.trim();
  if (/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(t)) return { formula: null, value: Number(t) };
  if (/^[+-]?(\d+\.?\d*|\.\d+)%$/.test(t))
    return { formula: null, value: Number(t.slice(0, -1)) / 100 };
  if (/^(true|false)$/i.test(t)) return { formula: null, value: t.toLowerCase() === "true" };
  return { formula: null, value: input };
}

function parseLoad(props: unknown): string[] {
  if (props === undefined) return [];
  if (Array.isArray(props)) return props.flatMap((p) => parseLoad(p));
  if (typeof props === "string")
    return props
      .split(",")
      .map((p) => p.trim())
      .filter((p) => p !== "");
  return fail("InvalidArgument", "fake load() takes strings only");
}

const notLoaded = (what: string): never => {
  throw new Error(`PropertyNotLoaded: ${what} was read before load() and sync()`);
};

export class FakeExcel {
  readonly sheets: SheetState[] = [];
  readonly names: NameState[] = [];
  readonly syncs: SyncRecord[] = [];
  readonly writes: WriteRecord[] = [];
  readonly calls: string[] = [];
  syncCount = 0;
  active: SheetState | undefined;
  private queue: QueuedOp[] = [];
  private nextId = 1;
  private nextTable = 1;
  readonly context: FakeContext;

  constructor(readonly options: FakeOptions = {}) {
    this.context = new FakeContext(this);
  }

  /** A stand-in for `Excel.run`: runs the batch, then syncs what is still queued. */
  readonly run = async <T>(batch: (context: FakeContext) => Promise<T>): Promise<T> => {
    const result = await batch(this.context);
    if (this.queue.length > 0) await this.sync();
    return result;
  };

  enqueue(name: string, args: readonly unknown[], exec: () => void): void {
    const bytes = FAKE_OP_OVERHEAD + JSON.stringify(args).length;
    this.queue.push({ name, args, bytes, exec });
  }

  async sync(): Promise<void> {
    this.syncCount++;
    const ops = this.queue;
    this.queue = [];
    const bytes = ops.reduce((s, o) => s + o.bytes, 0);
    const record: SyncRecord = { ops: ops.map((o) => o.name), bytes };
    this.syncs.push(record);
    await Promise.resolve();
    if ((this.options.editModeSyncs ?? 0) > 0) {
      this.options.editModeSyncs = (this.options.editModeSyncs ?? 0) - 1;
      record.failed = "InvalidOperationInCellEditMode";
      fail(
        "InvalidOperationInCellEditMode",
        "The operation is not allowed while Excel is in cell edit mode."
      );
    }
    if (bytes > (this.options.requestLimitBytes ?? FAKE_REQUEST_LIMIT)) {
      record.failed = "RequestPayloadSizeLimitExceeded";
      fail(
        "RequestPayloadSizeLimitExceeded",
        `The request payload size has exceeded the limit (${bytes} bytes).`
      );
    }
    for (const op of ops) {
      try {
        if (this.options.failOn?.(op))
          fail("GeneralException", `Injected failure in ${op.name}`, op.name);
        op.exec();
        this.calls.push(op.name);
      } catch (err) {
        record.failed = op.name;
        throw err;
      }
    }
  }

  // -- model operations ------------------------------------------------------------------------

  findSheet(name: string): SheetState | undefined {
    return this.sheets.find((s) => lower(s.name) === lower(name));
  }

  checkSheetName(name: string, except?: SheetState): void {
    if (name.length === 0 || name.length > 31 || /[[\]:*?/\\]/.test(name) || /^'|'$/.test(name)) {
      fail("InvalidArgument", `Invalid sheet name "${name}"`);
    }
    const other = this.findSheet(name);
    if (other && other !== except) fail("ItemAlreadyExists", `A sheet named "${name}" exists`);
  }

  addSheet(name: string): SheetState {
    this.checkSheetName(name);
    const sheet: SheetState = {
      id: `{sheet-${this.nextId++}}`,
      name,
      deleted: false,
      cells: new Map(),
      tables: [],
      charts: [],
      pageLayout: {},
      formats: [],
      columnWidths: new Map(),
    };
    this.sheets.push(sheet);
    return sheet;
  }

  private everyFormula(fn: (f: string) => string): void {
    for (const s of this.sheets)
      for (const c of s.cells.values()) if (c.formula !== null) c.formula = fn(c.formula);
    for (const n of this.names) n.formula = fn(n.formula);
  }

  renameSheet(sheet: SheetState, name: string): void {
    if (lower(sheet.name) === lower(name) && sheet.name === name) return;
    this.checkSheetName(name, sheet);
    const old = lower(sheet.name);
    this.everyFormula((f) =>
      mapSheetRefs(f, (ref) => (lower(ref) === old ? `${quote(name)}!` : undefined))
    );
    sheet.name = name;
  }

  deleteSheet(sheet: SheetState): void {
    if (this.sheets.filter((s) => !s.deleted).length <= 1)
      fail("InvalidOperation", "A workbook must keep one sheet");
    const old = lower(sheet.name);
    this.everyFormula((f) => mapSheetRefs(f, (ref) => (lower(ref) === old ? "#REF!" : undefined)));
    sheet.deleted = true;
    this.sheets.splice(this.sheets.indexOf(sheet), 1);
    if (this.active === sheet) this.active = this.sheets[0];
  }

  nextTableId(): number {
    return this.nextTable++;
  }

  allTables(): TableState[] {
    return this.sheets.flatMap((s) => s.tables);
  }

  checkTableOrName(name: string, except?: object): void {
    if (!/^[A-Za-z_\\][A-Za-z0-9_.\\]*$/.test(name))
      fail("InvalidArgument", `Invalid name "${name}"`);
    const t = this.allTables().find((x) => lower(x.name) === lower(name));
    const n = this.names.find((x) => lower(x.name) === lower(name));
    if ((t && t !== except) || (n && n !== except))
      fail("ItemAlreadyExists", `The name "${name}" is taken`);
  }

  renameTable(table: TableState, name: string): void {
    this.checkTableOrName(name, table);
    const re = new RegExp(`(?<![A-Za-z0-9_.])${table.name.replace(/[.\\]/g, "\\$&")}\\[`, "gi");
    this.everyFormula((f) => f.replace(re, `${name}[`));
    table.name = name;
  }

  writeArray(sheet: SheetState, address: string, kind: WriteRecord["kind"], data: unknown): void {
    const r = parseRange(address);
    const rows = r.bottom - r.top + 1;
    const cols = r.right - r.left + 1;
    const where = `Range.${kind} ${sheet.name}!${address}`;
    if (
      !Array.isArray(data) ||
      data.length !== rows ||
      data.some((row) => !Array.isArray(row) || row.length !== cols)
    ) {
      fail(
        "InvalidArgument",
        "The number of rows or columns in the input array doesn't match the size or dimensions of the range.",
        where
      );
    }
    this.writes.push({ sheet: sheet.name, address, kind, rows, cols });
    (data as unknown[][]).forEach((row, i) =>
      row.forEach((input, j) => {
        const k = key(r.top + i, r.left + j);
        const cell = sheet.cells.get(k) ?? { formula: null, value: null, numberFormat: "General" };
        if (kind === "numberFormat") {
          if (typeof input !== "string") fail("InvalidArgument", "numberFormat takes text", where);
          cell.numberFormat = input as string;
        } else {
          const c = coerce(input, where);
          if (c === null) return;
          cell.formula = c.formula;
          cell.value = c.value;
        }
        sheet.cells.set(k, cell);
      })
    );
  }

  usedRange(sheet: SheetState): { address: string; values: CellValue[][] } | null {
    let top = Infinity;
    let left = Infinity;
    let bottom = -1;
    let right = -1;
    for (const [k, c] of sheet.cells) {
      if (c.formula === null && (c.value === null || c.value === "")) continue;
      const [row, col] = k.split(",").map(Number) as [number, number];
      top = Math.min(top, row);
      left = Math.min(left, col);
      bottom = Math.max(bottom, row);
      right = Math.max(right, col);
    }
    if (bottom < 0) return null;
    const values: CellValue[][] = [];
    for (let row = top; row <= bottom; row++) {
      const line: CellValue[] = [];
      for (let col = left; col <= right; col++)
        line.push(sheet.cells.get(key(row, col))?.value ?? "");
      values.push(line);
    }
    return {
      address: `${quote(sheet.name)}!${rangeAddress({ top, left, bottom, right })}`,
      values,
    };
  }

  // -- helpers for tests -----------------------------------------------------------------------

  /** A sheet the user made (not the planner's), with constant cells. */
  addUserSheet(name: string, cells: Readonly<Record<string, CellValue>> = {}): SheetState {
    const sheet = this.addSheet(name);
    for (const [address, value] of Object.entries(cells)) this.setCell(name, address, value);
    return sheet;
  }

  /** A user's edit of one cell (a constant, or a formula starting with =). */
  setCell(sheetName: string, address: string, value: CellValue): void {
    const sheet = this.findSheet(sheetName) ?? fail("ItemNotFound", sheetName);
    this.writeArray(sheet, address, "formulas", [[value]]);
    this.writes.pop();
  }

  cell(sheetName: string, address: string): CellState | undefined {
    const sheet = this.findSheet(sheetName);
    const { top, left } = parseRange(address);
    return sheet?.cells.get(key(top, left));
  }

  value(sheetName: string, address: string): CellValue | undefined {
    return this.cell(sheetName, address)?.value;
  }

  sheetNames(): string[] {
    return this.sheets.map((s) => s.name);
  }

  /** A deep, comparable picture of the workbook: sheets (id, name, cells, tables, charts) and names. */
  picture(): unknown {
    return {
      sheets: this.sheets.map((s) => ({
        id: s.id,
        name: s.name,
        cells: [...s.cells.entries()]
          .sort(([a], [b]) => a.localeCompare(b))
          .map(([k, c]) => [k, { ...c }]),
        tables: s.tables.map((t) => `${t.name}@${t.address}`),
        charts: s.charts.length,
      })),
      names: this.names.map((n) => ({ ...n })).sort((a, b) => a.name.localeCompare(b.name)),
    };
  }
}

// -- proxies -------------------------------------------------------------------------------------

class FakeContext {
  readonly workbook: WorkbookProxy;
  readonly application: ApplicationProxy;
  constructor(readonly fx: FakeExcel) {
    this.application = new ApplicationProxy(fx);
    this.workbook = new WorkbookProxy(fx, this.application);
  }
  sync(): Promise<void> {
    return this.fx.sync();
  }
}

class ApplicationProxy {
  constructor(private readonly fx: FakeExcel) {}
  suspendApiCalculationUntilNextSync(): void {
    this.fx.enqueue("application.suspendApiCalculationUntilNextSync", [], () => undefined);
  }
  suspendScreenUpdatingUntilNextSync(): void {
    this.fx.enqueue("application.suspendScreenUpdatingUntilNextSync", [], () => undefined);
  }
}

class WorkbookProxy {
  readonly worksheets: WorksheetCollectionProxy;
  readonly names: NameCollectionProxy;
  readonly tables: WorkbookTablesProxy;
  constructor(
    fx: FakeExcel,
    readonly application: ApplicationProxy
  ) {
    this.worksheets = new WorksheetCollectionProxy(fx);
    this.names = new NameCollectionProxy(fx);
    this.tables = new WorkbookTablesProxy(fx);
  }
}

class WorksheetCollectionProxy {
  private loadedItems: WorksheetProxy[] | undefined;
  constructor(private readonly fx: FakeExcel) {}

  get items(): WorksheetProxy[] {
    return this.loadedItems ?? notLoaded("worksheets.items");
  }

  load(props?: unknown): this {
    const paths = parseLoad(props);
    this.fx.enqueue("worksheets.load", [paths], () => {
      this.loadedItems = this.fx.sheets.map((s) => {
        const p = new WorksheetProxy(this.fx, () => s, false);
        p.fill(paths.map((x) => x.replace(/^items\//, "")));
        return p;
      });
    });
    return this;
  }

  add(name: string): WorksheetProxy {
    let created: SheetState | undefined;
    const proxy = new WorksheetProxy(
      this.fx,
      () => created ?? fail("ItemNotFound", `sheet "${name}" was never added`),
      false
    );
    this.fx.enqueue("worksheets.add", [name], () => {
      created = this.fx.addSheet(name);
    });
    return proxy;
  }

  getItem(name: string): WorksheetProxy {
    return new WorksheetProxy(
      this.fx,
      () => this.fx.findSheet(name) ?? fail("ItemNotFound", `No sheet "${name}"`),
      false
    );
  }

  getItemOrNullObject(name: string): WorksheetProxy {
    const proxy = new WorksheetProxy(this.fx, () => this.fx.findSheet(name) ?? null, true);
    this.fx.enqueue("worksheets.getItemOrNullObject", [name], () => proxy.settle());
    return proxy;
  }
}

class WorksheetProxy {
  private target: SheetState | null | undefined;
  private loaded: Record<string, unknown> = {};
  private nullKnown: boolean | undefined;
  readonly tables: SheetTablesProxy;
  readonly charts: ChartCollectionProxy;
  readonly freezePanes: {
    freezeRows(n?: number): void;
    freezeColumns(n?: number): void;
    freezeAt(r: RangeProxy | string): void;
  };
  readonly pageLayout: Record<string, unknown>;

  constructor(
    private readonly fx: FakeExcel,
    private readonly resolver: () => SheetState | null,
    private readonly orNull: boolean
  ) {
    this.tables = new SheetTablesProxy(fx, this);
    this.charts = new ChartCollectionProxy(fx, this);
    const freeze = (what: string, arg: unknown): void =>
      fx.enqueue(`freezePanes.${what}`, [arg instanceof RangeProxy ? arg.address_ : arg], () => {
        this.sheet().freeze = `${what}(${arg instanceof RangeProxy ? arg.address_ : String(arg)})`;
      });
    this.freezePanes = {
      freezeRows: (n) => freeze("freezeRows", n),
      freezeColumns: (n) => freeze("freezeColumns", n),
      freezeAt: (r) => freeze("freezeAt", r),
    };
    const settable = (target: Record<string, unknown>, prefix: string, props: string[]): void => {
      for (const prop of props) {
        Object.defineProperty(target, prop, {
          set: (v: unknown) => {
            fx.enqueue(`pageLayout.${prefix}${prop}`, [v], () => {
              this.sheet().pageLayout[`${prefix}${prop}`] = v;
            });
          },
          get: () => notLoaded(`pageLayout.${prefix}${prop}`),
        });
      }
    };
    const layout: Record<string, unknown> = {};
    settable(layout, "", [
      "orientation",
      "zoom",
      "leftMargin",
      "rightMargin",
      "topMargin",
      "bottomMargin",
      "headerMargin",
      "footerMargin",
      "centerHorizontally",
    ]);
    for (const method of ["setPrintArea", "setPrintTitleRows"]) {
      layout[method] = (v: unknown) =>
        fx.enqueue(`pageLayout.${method}`, [v], () => {
          this.sheet().pageLayout[method] = v;
        });
    }
    const pages: Record<string, unknown> = {};
    settable(pages, "headersFooters.", [
      "leftHeader",
      "centerHeader",
      "rightHeader",
      "leftFooter",
      "centerFooter",
      "rightFooter",
    ]);
    layout["headersFooters"] = { defaultForAllPages: pages };
    this.pageLayout = layout;
  }

  /** The sheet, or null for a null object (resolved once, like Office.js binds a proxy). */
  resolve(): SheetState | null {
    if (this.target === undefined) this.target = this.resolver();
    if (this.target?.deleted) fail("ItemNotFound", "The sheet was deleted");
    return this.target;
  }

  sheet(): SheetState {
    const s = this.resolve();
    return s ?? fail("InvalidObjectPath", "The worksheet is a null object");
  }

  settle(): void {
    this.nullKnown = this.resolve() === null;
  }

  fill(paths: readonly string[]): void {
    const s = this.sheet();
    for (const p of paths) {
      if (p === "name") this.loaded["name"] = s.name;
      else if (p === "position") this.loaded["position"] = this.fx.sheets.indexOf(s);
      else if (p === "id") this.loaded["id"] = s.id;
      else if (p === "visibility") this.loaded["visibility"] = "Visible";
    }
  }

  get isNullObject(): boolean {
    if (!this.orNull) return false;
    return this.nullKnown ?? notLoaded("isNullObject");
  }

  get name(): string {
    return (this.loaded["name"] as string | undefined) ?? notLoaded("worksheet.name");
  }
  set name(value: string) {
    this.fx.enqueue("worksheet.name", [value], () => this.fx.renameSheet(this.sheet(), value));
  }
  get position(): number {
    return (this.loaded["position"] as number | undefined) ?? notLoaded("worksheet.position");
  }
  set position(value: number) {
    this.fx.enqueue("worksheet.position", [value], () => {
      const s = this.sheet();
      const list = this.fx.sheets;
      list.splice(list.indexOf(s), 1);
      list.splice(Math.min(value, list.length), 0, s);
    });
  }
  set tabColor(value: string) {
    this.fx.enqueue("worksheet.tabColor", [value], () => {
      this.sheet().tabColor = value;
    });
  }

  load(props?: unknown): this {
    const paths = parseLoad(props);
    this.fx.enqueue("worksheet.load", [paths], () => {
      if (this.orNull) this.settle();
      if (this.resolve() !== null) this.fill(paths);
    });
    return this;
  }

  getRange(address: string): RangeProxy {
    return new RangeProxy(this.fx, () => ({ sheet: this.sheet(), address }), false, address);
  }

  getUsedRangeOrNullObject(valuesOnly?: boolean): RangeProxy {
    const proxy = new RangeProxy(
      this.fx,
      () => {
        const s = this.resolve();
        if (s === null)
          return this.fx.options.nullChainThrows
            ? fail("ItemNotFound", "The worksheet does not exist")
            : null;
        const used = this.fx.usedRange(s);
        return used === null
          ? null
          : { sheet: s, address: used.address.slice(used.address.lastIndexOf("!") + 1) };
      },
      true,
      "(used)"
    );
    this.fx.enqueue("worksheet.getUsedRangeOrNullObject", [valuesOnly ?? false], () =>
      proxy.settle()
    );
    return proxy;
  }

  activate(): void {
    this.fx.enqueue("worksheet.activate", [], () => {
      this.fx.active = this.sheet();
    });
  }

  delete(): void {
    this.fx.enqueue("worksheet.delete", [], () => this.fx.deleteSheet(this.sheet()));
  }
}

type RangeTarget = { sheet: SheetState; address: string } | null;

function setterTree(
  fx: FakeExcel,
  range: RangeProxy,
  prefix: string,
  props: readonly string[]
): Record<string, unknown> {
  const obj: Record<string, unknown> = {};
  for (const prop of props) {
    Object.defineProperty(obj, prop, {
      set: (v: unknown) => {
        fx.enqueue(`range.format.${prefix}${prop}`, [v], () => {
          const t = range.target();
          if (prop === "columnWidth") {
            const { left, right } = parseRange(t.address);
            for (let c = left; c <= right; c++) t.sheet.columnWidths.set(c, v as number);
          }
          t.sheet.formats.push({ address: t.address, prop: `${prefix}${prop}`, value: v });
        });
      },
      get: () => notLoaded(`format.${prefix}${prop}`),
    });
  }
  return obj;
}

class RangeProxy {
  private resolved: RangeTarget | undefined;
  private loaded: Record<string, unknown> = {};
  private nullKnown: boolean | undefined;
  readonly format: Record<string, unknown>;

  constructor(
    private readonly fx: FakeExcel,
    private readonly resolver: () => RangeTarget,
    private readonly orNull: boolean,
    readonly address_: string
  ) {
    const format = setterTree(fx, this, "", [
      "horizontalAlignment",
      "wrapText",
      "columnWidth",
      "rowHeight",
    ]);
    format["font"] = setterTree(fx, this, "font.", ["bold", "italic", "size", "color"]);
    format["fill"] = setterTree(fx, this, "fill.", ["color"]);
    format["borders"] = {
      getItem: (edge: string) => setterTree(fx, this, `borders.${edge}.`, ["style", "weight"]),
    };
    this.format = format;
  }

  resolve(): RangeTarget {
    if (this.resolved === undefined) {
      const t = this.resolver();
      if (t !== null) {
        try {
          parseRange(t.address);
        } catch {
          fail("InvalidArgument", `Bad address ${t.address}`);
        }
      }
      this.resolved = t;
    }
    return this.resolved;
  }

  target(): { sheet: SheetState; address: string } {
    return this.resolve() ?? fail("InvalidObjectPath", "The range is a null object");
  }

  settle(): void {
    this.nullKnown = this.resolve() === null;
  }

  get isNullObject(): boolean {
    if (!this.orNull) return false;
    return this.nullKnown ?? notLoaded("isNullObject");
  }

  merge(across?: boolean): void {
    this.fx.enqueue("range.merge", [across ?? false], () => {
      const t = this.target();
      t.sheet.formats.push({ address: t.address, prop: "merge", value: across ?? false });
    });
  }

  set formulas(data: unknown) {
    this.fx.enqueue("range.formulas", [data], () => {
      const t = this.target();
      this.fx.writeArray(t.sheet, t.address, "formulas", data);
    });
  }
  set values(data: unknown) {
    this.fx.enqueue("range.values", [data], () => {
      const t = this.target();
      this.fx.writeArray(t.sheet, t.address, "values", data);
    });
  }
  get values(): CellValue[][] {
    return (this.loaded["values"] as CellValue[][] | undefined) ?? notLoaded("range.values");
  }
  set numberFormat(data: unknown) {
    this.fx.enqueue("range.numberFormat", [data], () => {
      const t = this.target();
      this.fx.writeArray(t.sheet, t.address, "numberFormat", data);
    });
  }
  get address(): string {
    return (this.loaded["address"] as string | undefined) ?? notLoaded("range.address");
  }

  load(props?: unknown): this {
    const paths = parseLoad(props);
    this.fx.enqueue("range.load", [paths], () => {
      if (this.orNull) this.settle();
      const t = this.resolve();
      if (t === null) return;
      const r = parseRange(t.address);
      for (const p of paths) {
        if (p === "address") this.loaded["address"] = `${quote(t.sheet.name)}!${rangeAddress(r)}`;
        if (p === "values") {
          const values: CellValue[][] = [];
          for (let row = r.top; row <= r.bottom; row++) {
            const line: CellValue[] = [];
            for (let col = r.left; col <= r.right; col++)
              line.push(t.sheet.cells.get(key(row, col))?.value ?? "");
            values.push(line);
          }
          this.loaded["values"] = values;
        }
      }
    });
    return this;
  }
}

class SheetTablesProxy {
  constructor(
    private readonly fx: FakeExcel,
    private readonly ws: WorksheetProxy
  ) {}

  add(range: RangeProxy | string, hasHeaders: boolean): TableProxy {
    let created: TableState | undefined;
    const proxy = new TableProxy(
      this.fx,
      () => created ?? fail("ItemNotFound", "table never added")
    );
    const address = typeof range === "string" ? range : range.address_;
    this.fx.enqueue("tables.add", [address, hasHeaders], () => {
      const t =
        typeof range === "string" ? { sheet: this.ws.sheet(), address: range } : range.target();
      const r = parseRange(t.address);
      if (r.bottom === r.top && hasHeaders)
        fail("InvalidArgument", "A table needs a row below its header");
      for (const other of t.sheet.tables) {
        const o = parseRange(other.address);
        if (!(o.right < r.left || o.left > r.right || o.bottom < r.top || o.top > r.bottom)) {
          fail("InvalidArgument", "A table cannot overlap another table");
        }
      }
      let name = `Table${this.fx.nextTableId()}`;
      while (this.fx.allTables().some((x) => lower(x.name) === lower(name)))
        name = `Table${this.fx.nextTableId()}`;
      created = { name, sheet: t.sheet, address: t.address };
      t.sheet.tables.push(created);
    });
    return proxy;
  }
}

class TableProxy {
  constructor(
    private readonly fx: FakeExcel,
    private readonly resolver: () => TableState
  ) {}
  set name(value: string) {
    this.fx.enqueue("table.name", [value], () => this.fx.renameTable(this.resolver(), value));
  }
  set style(value: string) {
    this.fx.enqueue("table.style", [value], () => {
      this.resolver().style = value;
    });
  }
}

class WorkbookTablesProxy {
  private loadedItems: { name: string; worksheet: { name: string } }[] | undefined;
  constructor(private readonly fx: FakeExcel) {}
  get items(): { name: string; worksheet: { name: string } }[] {
    return this.loadedItems ?? notLoaded("tables.items");
  }
  load(props?: unknown): this {
    const paths = parseLoad(props);
    this.fx.enqueue("tables.load", [paths], () => {
      this.loadedItems = this.fx
        .allTables()
        .map((t) => ({ name: t.name, worksheet: { name: t.sheet.name } }));
    });
    return this;
  }
}

class ChartCollectionProxy {
  constructor(
    private readonly fx: FakeExcel,
    private readonly ws: WorksheetProxy
  ) {}

  add(type: string, source: RangeProxy, seriesBy?: string): ChartProxy {
    let created: ChartState | undefined;
    const proxy = new ChartProxy(
      this.fx,
      () => created ?? fail("ItemNotFound", "chart never added")
    );
    this.fx.enqueue("charts.add", [type, source.address_, seriesBy ?? "Auto"], () => {
      const t = source.target();
      const r = parseRange(t.address);
      const sheet = this.ws.sheet();
      created = {
        sheet,
        type,
        source: { sheet: t.sheet, address: t.address },
        seriesBy: seriesBy ?? "Auto",
        legend: {},
        axes: { category: {}, value: {} },
        series: Array.from(
          { length: seriesBy === "Rows" ? r.bottom - r.top : r.right - r.left },
          () => ({})
        ),
      };
      sheet.charts.push(created);
    });
    return proxy;
  }
}

class ChartProxy {
  readonly title: Record<string, unknown>;
  readonly legend: Record<string, unknown>;
  readonly axes: { categoryAxis: Record<string, unknown>; valueAxis: Record<string, unknown> };
  readonly series: { getItemAt(i: number): Record<string, unknown> };

  constructor(
    private readonly fx: FakeExcel,
    private readonly resolver: () => ChartState
  ) {
    const tree = (
      prefix: string,
      props: readonly string[],
      apply: (chart: ChartState, prop: string, v: unknown) => void
    ): Record<string, unknown> => {
      const obj: Record<string, unknown> = {};
      for (const prop of props) {
        Object.defineProperty(obj, prop, {
          set: (v: unknown) => {
            fx.enqueue(`chart.${prefix}${prop}`, [v], () => apply(this.resolver(), prop, v));
          },
          get: () => notLoaded(`chart.${prefix}${prop}`),
        });
      }
      return obj;
    };
    this.title = tree("title.", ["text"], (c, _p, v) => (c.title = v as string));
    this.legend = tree(
      "legend.",
      ["visible", "position"],
      (c, p, v) => ((c.legend as Record<string, unknown>)[p] = v)
    );
    const axis = (which: "category" | "value", name: string): Record<string, unknown> => {
      const a = tree(
        `axes.${name}.`,
        [
          "numberFormat",
          "reversePlotOrder",
          "tickLabelPosition",
          "minorTickMark",
          "majorTickMark",
          "textOrientation",
        ],
        (c, p, v) => {
          (c.axes[which] as Record<string, unknown>)[p] = v;
        }
      );
      a["title"] = tree(
        `axes.${name}.title.`,
        ["text"],
        (c, _p, v) => (c.axes[which].title = v as string)
      );
      return a;
    };
    this.axes = {
      categoryAxis: axis("category", "categoryAxis"),
      valueAxis: axis("value", "valueAxis"),
    };
    this.series = {
      getItemAt: (i: number) => {
        const seriesOf = (c: ChartState): SeriesState =>
          c.series[i] ??
          fail(
            "InvalidArgument",
            `The chart has no series ${i}`,
            "ChartSeriesCollection.getItemAt"
          );
        const s = tree(
          `series.`,
          ["chartType", "axisGroup", "overlap", "gapWidth", "hasDataLabels"],
          (c, p, v) => {
            (seriesOf(c) as Record<string, unknown>)[p] = v;
          }
        );
        const labels = tree(
          "series.dataLabels.",
          ["showValue", "position", "numberFormat"],
          (c, p, v) => ((seriesOf(c).dataLabels ??= {})[p] = v)
        );
        labels["format"] = {
          font: tree(
            "series.dataLabels.format.font.",
            ["bold"],
            (c, p, v) => ((seriesOf(c).dataLabels ??= {})[`font.${p}`] = v)
          ),
        };
        s["dataLabels"] = labels;
        s["points"] = {
          getItemAt: (k: number) => {
            const point = (c: ChartState): { fill?: string; border?: Record<string, unknown> } =>
              ((seriesOf(c).points ??= {})[k] ??= {});
            return {
              format: {
                fill: {
                  setSolidColor: (color: string) =>
                    fx.enqueue(
                      "chart.series.points.format.fill.setSolidColor",
                      [color],
                      () => (point(this.resolver()).fill = color)
                    ),
                },
                border: tree(
                  "series.points.format.border.",
                  ["color", "weight", "lineStyle"],
                  (c, p, v) => ((point(c).border ??= {})[p] = v)
                ),
              },
            };
          },
        };
        s["format"] = {
          fill: {
            setSolidColor: (color: string) =>
              fx.enqueue(
                "chart.series.format.fill.setSolidColor",
                [color],
                () => (seriesOf(this.resolver()).fill = color)
              ),
          },
          line: tree("series.format.line.", ["color", "weight"], (c, p, v) => {
            if (p === "weight") seriesOf(c).lineWeight = v as number;
            else seriesOf(c).line = v as string;
          }),
        };
        return s;
      },
    };
  }

  setPosition(from: string, to?: string): void {
    this.fx.enqueue("chart.setPosition", [from, to], () => {
      this.resolver().position = [from, to ?? from];
    });
  }
}

class NameCollectionProxy {
  private loadedItems: NamedItemProxy[] | undefined;
  constructor(private readonly fx: FakeExcel) {}

  get items(): NamedItemProxy[] {
    return this.loadedItems ?? notLoaded("names.items");
  }

  load(props?: unknown): this {
    const paths = parseLoad(props);
    this.fx.enqueue("names.load", [paths], () => {
      this.loadedItems = this.fx.names.map((n) => {
        const p = new NamedItemProxy(this.fx, () => n);
        p.fill();
        return p;
      });
    });
    return this;
  }

  add(name: string, reference: string, comment?: string): NamedItemProxy {
    let created: NameState | undefined;
    const proxy = new NamedItemProxy(
      this.fx,
      () => created ?? fail("ItemNotFound", `name ${name} never added`)
    );
    this.fx.enqueue("names.add", [name, reference, comment], () => {
      this.fx.checkTableOrName(name);
      if (/^[A-Za-z]{1,3}\d+$/.test(name)) fail("InvalidArgument", `"${name}" looks like a cell`);
      created = {
        name,
        formula: reference.startsWith("=") ? reference : `=${reference}`,
        visible: true,
      };
      if (comment !== undefined) created.comment = comment;
      this.fx.names.push(created);
    });
    return proxy;
  }
}

class NamedItemProxy {
  private loaded: { name?: string; formula?: string } = {};
  constructor(
    private readonly fx: FakeExcel,
    private readonly resolver: () => NameState
  ) {}
  fill(): void {
    const n = this.resolver();
    this.loaded = { name: n.name, formula: n.formula };
  }
  get name(): string {
    return this.loaded.name ?? notLoaded("name.name");
  }
  get formula(): string {
    return this.loaded.formula ?? notLoaded("name.formula");
  }
  set formula(value: string) {
    this.fx.enqueue("name.formula", [value], () => {
      const n = this.resolver();
      if (!this.fx.names.includes(n)) fail("ItemNotFound", `name ${n.name} was deleted`);
      n.formula = value;
    });
  }
  set visible(value: boolean) {
    this.fx.enqueue("name.visible", [value], () => {
      this.resolver().visible = value;
    });
  }
  delete(): void {
    this.fx.enqueue("name.delete", [], () => {
      const n = this.resolver();
      const i = this.fx.names.indexOf(n);
      if (i < 0) fail("ItemNotFound", `name ${n.name} was deleted`);
      this.fx.names.splice(i, 1);
    });
  }
}

/**
 * The plan's name of a sheet the writer created under its temporary name (`~TCO Summary`,
 * `~2 TCO Summary` → `TCO Summary`; src/excel/ownership.ts renames it in after the write).
 */
export const planName = (written: string): string => written.replace(/^~(\d+ )?/, "");
