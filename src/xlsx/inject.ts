/**
 * Post-processing of the package exceljs wrote: adds what exceljs cannot write (or cannot
 * write reliably) straight from the plan — native chart parts with their drawings, table
 * parts, and workbook-level defined names — with every relationship, `<drawing>`/
 * `<tableParts>` element and `[Content_Types].xml` override they need.
 */
import JSZip from "jszip";
import { parseRange, quoteSheet, rangeAddress } from "../report/a1";
import type { DefinedNamePlan, SheetPlan, WorkbookPlan } from "../report/workbookPlan";
import { resolveChartData } from "../report/chartData";
import { axisIdsFor, chartXml } from "./chartXml";
import { drawingXml, relationshipsXml, type ChartAnchor, type Relationship } from "./drawingXml";
import {
  addDefinedNames,
  addOverrides,
  insertWorksheetChild,
  nextRelId,
  parseRelationships,
  relsPathFor,
  sheetPartPaths,
} from "./packageParts";
import { indexPlan, type SheetCells } from "../report/planCells";
import { tableXml } from "./tableXml";
import { CONTENT_TYPE, REL_TYPE, el } from "./xml";

/** Adds the plan's charts, tables and defined names to an .xlsx package; returns the new bytes. */
export async function injectParts(
  xlsx: Uint8Array | ArrayBuffer,
  plan: WorkbookPlan
): Promise<Uint8Array> {
  checkDefinedNames(plan.definedNames, plan.sheets);
  checkTableNames(plan);
  const zip = await JSZip.loadAsync(xlsx);
  const read = async (path: string): Promise<string> => {
    const file = zip.file(path);
    if (!file) throw new Error(`The package has no ${path}`);
    return file.async("string");
  };

  const cellsBySheet = indexPlan(plan);
  const workbookXml = await read("xl/workbook.xml");
  const sheetParts = sheetPartPaths(workbookXml, await read("xl/_rels/workbook.xml.rels"));
  const overrides: { partName: string; contentType: string }[] = [];
  const counters = {
    chart: freeNumber(zip, "xl/charts/chart"),
    drawing: freeNumber(zip, "xl/drawings/drawing"),
    table: freeNumber(zip, "xl/tables/table"),
  };

  for (const sheet of plan.sheets) {
    if (sheet.charts.length === 0 && sheet.tables.length === 0) continue;
    const sheetPath = sheetParts.get(sheet.name);
    if (!sheetPath) throw new Error(`The package has no part for sheet ${sheet.name}`);
    const relsPath = relsPathFor(sheetPath);
    const existingRels = zip.file(relsPath);
    const rels = existingRels ? parseRelationships(await existingRels.async("string")) : [];
    let sheetXml = await read(sheetPath);

    if (sheet.charts.length > 0) {
      const drawingNo = counters.drawing++;
      const drawingPath = `xl/drawings/drawing${drawingNo}.xml`;
      const drawingRels: Relationship[] = [];
      const anchors: ChartAnchor[] = [];
      for (const spec of sheet.charts) {
        const chartNo = counters.chart++;
        const data = resolveChartData(
          spec,
          sheetCells(cellsBySheet, spec.dataSheet, `chart ${spec.id}`)
        );
        zip.file(`xl/charts/chart${chartNo}.xml`, chartXml(spec, data, axisIdsFor(chartNo)));
        overrides.push({
          partName: `/xl/charts/chart${chartNo}.xml`,
          contentType: CONTENT_TYPE.chart,
        });
        const relId = `rId${drawingRels.length + 1}`;
        drawingRels.push({
          id: relId,
          type: REL_TYPE.chart,
          target: `../charts/chart${chartNo}.xml`,
        });
        anchors.push({
          from: spec.anchor.from,
          to: spec.anchor.to,
          relId,
          name: `Chart ${anchors.length + 1}`,
        });
      }
      zip.file(drawingPath, drawingXml(anchors));
      zip.file(relsPathFor(drawingPath), relationshipsXml(drawingRels));
      overrides.push({ partName: `/${drawingPath}`, contentType: CONTENT_TYPE.drawing });
      const relId = nextRelId(rels);
      rels.push({
        id: relId,
        type: REL_TYPE.drawing,
        target: `../drawings/drawing${drawingNo}.xml`,
      });
      sheetXml = insertWorksheetChild(sheetXml, "drawing", el("drawing", { "r:id": relId }));
    }

    if (sheet.tables.length > 0) {
      const cells = sheetCells(cellsBySheet, sheet.name, `tables of ${sheet.name}`);
      const parts: string[] = [];
      for (const table of sheet.tables) {
        const tableNo = counters.table++;
        zip.file(`xl/tables/table${tableNo}.xml`, tableXml(table, tableNo, cells));
        overrides.push({
          partName: `/xl/tables/table${tableNo}.xml`,
          contentType: CONTENT_TYPE.table,
        });
        const relId = nextRelId(rels);
        rels.push({ id: relId, type: REL_TYPE.table, target: `../tables/table${tableNo}.xml` });
        parts.push(el("tablePart", { "r:id": relId }));
      }
      sheetXml = insertWorksheetChild(
        sheetXml,
        "tableParts",
        el("tableParts", { count: parts.length }, parts.join(""))
      );
    }

    zip.file(sheetPath, sheetXml);
    zip.file(relsPath, relationshipsXml(rels));
  }

  zip.file(
    "xl/workbook.xml",
    addDefinedNames(workbookXml, [...plan.definedNames, ...printNames(plan.sheets)])
  );
  zip.file("[Content_Types].xml", addOverrides(await read("[Content_Types].xml"), overrides));

  return zip.generateAsync({
    type: "uint8array",
    compression: "DEFLATE",
    compressionOptions: { level: 6 },
  });
}

/**
 * Each sheet's print area and print titles as Excel stores them: the built-in names
 * `_xlnm.Print_Area` and `_xlnm.Print_Titles`, local to the sheet (by its 0-based position),
 * fully absolute (`'TCO Summary'!$A$1:$H$47`, `'TCO Cashflow'!$4:$4`).
 */
export function printNames(
  sheets: readonly SheetPlan[]
): (DefinedNamePlan & { readonly localSheetId: number })[] {
  const out: (DefinedNamePlan & { readonly localSheetId: number })[] = [];
  sheets.forEach((sheet, index) => {
    const p = sheet.print;
    if (p?.area) {
      out.push({
        name: "_xlnm.Print_Area",
        localSheetId: index,
        ref: `${quoteSheet(sheet.name)}!${rangeAddress(parseRange(p.area), true)}`,
      });
    }
    if (p?.titleRows) {
      out.push({
        name: "_xlnm.Print_Titles",
        localSheetId: index,
        ref: `${quoteSheet(sheet.name)}!$${p.titleRows.first}:$${p.titleRows.last}`,
      });
    }
  });
  return out;
}

function sheetCells(index: Map<string, SheetCells>, name: string, what: string): SheetCells {
  const cells = index.get(name);
  if (!cells)
    throw new RangeError(`The ${what} refer to sheet "${name}", which the plan does not have`);
  return cells;
}

/** The first N such that `${prefix}N.xml` is not in the package (exceljs may have written some). */
function freeNumber(zip: JSZip, prefix: string): number {
  let n = 1;
  while (zip.file(`${prefix}${n}.xml`)) n++;
  return n;
}

/**
 * Names must be valid, unique ignoring case, not look like cell references, and point at a
 * sheet the plan has; Excel repairs (drops) a workbook's names otherwise.
 */
function checkDefinedNames(names: readonly DefinedNamePlan[], sheets: readonly SheetPlan[]): void {
  const sheetNames = new Set(sheets.map((s) => s.name));
  const seen = new Set<string>();
  for (const n of names) {
    if (
      !/^[A-Za-z_\\][A-Za-z0-9_.\\]*$/.test(n.name) ||
      /^([A-Za-z]{1,3}[0-9]+|[RrCc][0-9]*)$/.test(n.name)
    ) {
      throw new RangeError(`Defined name ${n.name} is not a valid Excel name`);
    }
    const key = n.name.toLowerCase();
    if (seen.has(key)) throw new RangeError(`Defined name ${n.name} is defined twice`);
    seen.add(key);
    const m = /^(?:'((?:[^']|'')+)'|([^'!]+))!/.exec(n.ref);
    const sheet = m ? (m[1]?.replace(/''/g, "'") ?? m[2]) : undefined;
    if (sheet === undefined || !sheetNames.has(sheet)) {
      throw new RangeError(`Defined name ${n.name} refers to ${n.ref}, not to a sheet of the plan`);
    }
  }
}

/** Table names share the workbook's name space: unique, and distinct from defined names. */
function checkTableNames(plan: WorkbookPlan): void {
  const taken = new Set(plan.definedNames.map((n) => n.name.toLowerCase()));
  for (const table of plan.sheets.flatMap((s) => s.tables)) {
    const key = table.name.toLowerCase();
    if (taken.has(key))
      throw new RangeError(
        `Table name ${table.name} is already used by another table or defined name`
      );
    taken.add(key);
  }
}
