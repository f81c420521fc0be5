/**
 * `readScenarioFromWorkbook()`: the scenario held by the planner's `TCO Inputs` and
 * `TCO Inventory` sheets, so the task pane can pick up a user's edits before regenerating.
 *
 * One `context.sync()` in the common case: both used ranges (values only) and the ownership
 * tags load together. When the tags say the planner's sheets carry other names (the user has
 * a `TCO Inputs` of their own, or renamed ours), a second sync reads those instead.
 */
import { SHEETS } from "../report/sheetLayout";
import { scenarioFromSheets, type SheetCells } from "../report/readback";
import type { Issue, Scenario } from "../scenario";
import {
  defaultDelay,
  isCellEditMode,
  officeErrorCode,
  officeErrorDetail,
  retryWhileEditing,
} from "./officeErrors";
import { EXCEL_MESSAGES } from "./messages";
import { readTags } from "./ownership";

export interface ReadSheets {
  readonly inputs: string;
  readonly inventory: string;
}

export type ReadResult =
  | {
      readonly ok: true;
      readonly scenario: Scenario;
      readonly sheets: ReadSheets;
      readonly syncs: number;
    }
  | {
      readonly ok: false;
      readonly reason: "invalid";
      readonly issues: readonly Issue[];
      readonly sheets: ReadSheets;
      readonly syncs: number;
    }
  | {
      readonly ok: false;
      readonly reason: "notFound";
      readonly missing: readonly string[];
      readonly message: string;
      readonly syncs: number;
    }
  | {
      readonly ok: false;
      readonly reason: "excel";
      readonly code?: string;
      readonly message: string;
      readonly syncs: number;
    };

export interface ReadOptions {
  /** "Cell edit mode" retries (default 3), the wait between them (2000 ms) and an injectable wait. */
  cellEditRetries?: number;
  cellEditDelayMs?: number;
  delay?(ms: number): Promise<void>;
}

interface Probe {
  readonly sheet: string;
  readonly ws: Excel.Worksheet;
  readonly used: Excel.Range;
}

const EMPTY: SheetCells = { address: "A1", values: [] };

/**
 * Read the scenario from the workbook: `{ok: true, scenario}`, or every problem with its cell
 * (`TCO Inventory!D9`), or a clear "not found" when the sheets are missing.
 */
export async function readScenarioFromWorkbook(options: ReadOptions = {}): Promise<ReadResult> {
  return retryWhileEditing(
    () => readOnce(),
    (r) => !r.ok && r.reason === "excel" && r.code === "InvalidOperationInCellEditMode",
    {
      retries: options.cellEditRetries ?? 3,
      delayMs: options.cellEditDelayMs ?? 2000,
      delay: options.delay ?? defaultDelay,
    }
  );
}

async function readOnce(): Promise<ReadResult> {
  let syncs = 0;
  try {
    return await Excel.run(async (context) => {
      const wb = context.workbook;
      const sync = async (): Promise<void> => {
        syncs++;
        await context.sync();
      };
      const probe = (sheet: string): Probe => {
        const ws = wb.worksheets.getItemOrNullObject(sheet);
        const used = ws.getUsedRangeOrNullObject(true).load("address,values");
        return { sheet, ws, used };
      };
      const names = wb.names.load("items/name,items/formula");
      let probes = [probe(SHEETS.inputs), probe(SHEETS.inventory)];
      // TCO Hosts is optional (only a scenario with hostOptions has it): a null object is fine.
      let hostsProbe: Probe | null = probe(SHEETS.hosts);
      let fastPathFailed = false;
      try {
        await sync();
      } catch (err) {
        // Some hosts may reject a used range asked of a missing sheet; fall back to asking
        // which sheets exist first.
        if (isCellEditMode(err) || officeErrorCode(err) === undefined) throw err;
        fastPathFailed = true;
        names.load("items/name,items/formula");
        await sync();
      }
      const tags = readTags(
        names.items.map((n) => ({ name: n.name, formula: String(n.formula ?? "") }))
      );
      const tagged = (role: string): string | undefined =>
        tags.find((t) => t.kind === "own" && t.role === role && t.sheet !== null)?.sheet ??
        undefined;
      const wanted = {
        inputs: tagged(SHEETS.inputs) ?? SHEETS.inputs,
        inventory: tagged(SHEETS.inventory) ?? SHEETS.inventory,
        hosts: tagged(SHEETS.hosts) ?? SHEETS.hosts,
      };

      if (
        fastPathFailed ||
        wanted.inputs !== SHEETS.inputs ||
        wanted.inventory !== SHEETS.inventory ||
        wanted.hosts !== SHEETS.hosts
      ) {
        const sheets = wb.worksheets.load("items/name");
        await sync();
        const present = new Set(sheets.items.map((s) => s.name.toLowerCase()));
        const missing = [wanted.inputs, wanted.inventory].filter(
          (s) => !present.has(s.toLowerCase())
        );
        if (missing.length > 0)
          return {
            ok: false,
            reason: "notFound",
            missing,
            message: EXCEL_MESSAGES.notFound(missing),
            syncs,
          };
        probes = [wanted.inputs, wanted.inventory].map((sheet) => {
          const ws = wb.worksheets.getItem(sheet);
          return { sheet, ws, used: ws.getUsedRangeOrNullObject(true).load("address,values") };
        });
        hostsProbe = present.has(wanted.hosts.toLowerCase()) ? probe(wanted.hosts) : null;
        await sync();
      } else {
        const missing = probes.filter((p) => p.ws.isNullObject).map((p) => p.sheet);
        if (missing.length > 0)
          return {
            ok: false,
            reason: "notFound",
            missing,
            message: EXCEL_MESSAGES.notFound(missing),
            syncs,
          };
      }

      const cells = (p: Probe): SheetCells =>
        p.used.isNullObject ? EMPTY : { address: p.used.address, values: p.used.values };
      const [inputs, inventory] = probes as [Probe, Probe];
      const sheetNames: ReadSheets = { inputs: inputs.sheet, inventory: inventory.sheet };
      const hosts = hostsProbe && !hostsProbe.ws.isNullObject ? hostsProbe : null;
      const parsed = scenarioFromSheets(
        cells(inputs),
        cells(inventory),
        {
          inputsSheet: inputs.sheet,
          inventorySheet: inventory.sheet,
          ...(hosts ? { hostsSheet: hosts.sheet } : {}),
        },
        hosts ? cells(hosts) : undefined
      );
      return parsed.ok
        ? { ok: true, scenario: parsed.scenario, sheets: sheetNames, syncs }
        : { ok: false, reason: "invalid", issues: parsed.issues, sheets: sheetNames, syncs };
    });
  } catch (err) {
    const code = officeErrorCode(err);
    if (code === undefined) throw err;
    const message = isCellEditMode(err)
      ? EXCEL_MESSAGES.cellEditModeRead
      : EXCEL_MESSAGES.readFailed(code, officeErrorDetail(err));
    return { ok: false, reason: "excel", code, message, syncs };
  }
}
