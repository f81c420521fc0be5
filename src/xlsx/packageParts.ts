/**
 * Text-level edits of the package parts exceljs writes: finding each sheet's part, adding
 * relationships and content-type overrides, and inserting elements into a worksheet at the
 * position the schema requires. exceljs' output is regular (no comments, no CDATA, text
 * escaped), so the edits match tags rather than parse the XML.
 */
import type { DefinedNamePlan } from "../report/workbookPlan";
import type { Relationship } from "./drawingXml";
import { el, escapeXml, readAllAttributes } from "./xml";

/** Sheet name → part path (`xl/worksheets/sheet1.xml`), from workbook.xml and its rels. */
export function sheetPartPaths(workbookXml: string, workbookRelsXml: string): Map<string, string> {
  const targets = new Map(parseRelationships(workbookRelsXml).map((r) => [r.id, r.target]));
  const out = new Map<string, string>();
  for (const sheet of readAllAttributes(workbookXml, "sheet")) {
    const name = sheet["name"];
    const target = targets.get(sheet["r:id"] ?? "");
    if (name === undefined || target === undefined) {
      throw new Error(`workbook.xml: sheet ${name ?? "?"} has no resolvable relationship`);
    }
    out.set(name, resolveTarget("xl/workbook.xml", target));
  }
  return out;
}

/** The relationships of a `.rels` part. */
export function parseRelationships(relsXml: string): Relationship[] {
  return readAllAttributes(relsXml, "Relationship").map((a) => ({
    id: a["Id"] ?? "",
    type: a["Type"] ?? "",
    target: a["Target"] ?? "",
  }));
}

/** The first `rIdN` not used in `rels`. */
export function nextRelId(rels: readonly Relationship[]): string {
  const used = new Set(rels.map((r) => r.id));
  let n = rels.length + 1;
  while (used.has(`rId${n}`)) n++;
  return `rId${n}`;
}

/** The `.rels` part that belongs to `partPath` (`xl/worksheets/_rels/sheet1.xml.rels`). */
export function relsPathFor(partPath: string): string {
  const slash = partPath.lastIndexOf("/");
  return `${partPath.slice(0, slash + 1)}_rels/${partPath.slice(slash + 1)}.rels`;
}

/** Resolves a relationship target against the part that owns the relationship. */
export function resolveTarget(sourcePart: string, target: string): string {
  if (target.startsWith("/")) return target.slice(1);
  const parts = sourcePart.split("/").slice(0, -1);
  for (const seg of target.split("/")) {
    if (seg === "..") parts.pop();
    else if (seg !== ".") parts.push(seg);
  }
  return parts.join("/");
}

/** CT_Worksheet's children after `sheetData`, in schema order. */
const WORKSHEET_TAIL = [
  "sheetCalcPr",
  "sheetProtection",
  "protectedRanges",
  "scenarios",
  "autoFilter",
  "sortState",
  "dataConsolidate",
  "customSheetViews",
  "mergeCells",
  "phoneticPr",
  "conditionalFormatting",
  "dataValidations",
  "hyperlinks",
  "printOptions",
  "pageMargins",
  "pageSetup",
  "headerFooter",
  "rowBreaks",
  "colBreaks",
  "customProperties",
  "cellWatches",
  "ignoredErrors",
  "smartTags",
  "drawing",
  "legacyDrawing",
  "legacyDrawingHF",
  "drawingHF",
  "picture",
  "oleObjects",
  "controls",
  "webPublishItems",
  "tableParts",
  "extLst",
] as const;

export type WorksheetTailElement = (typeof WORKSHEET_TAIL)[number];

/**
 * Inserts `xml` (one `name` element) into a worksheet part before the first element that the
 * schema puts after it, e.g. `<drawing>` after pageMargins/pageSetup/headerFooter and before
 * legacyDrawing/tableParts/extLst. Throws if the sheet already has a `name` element.
 */
export function insertWorksheetChild(
  sheetXml: string,
  name: WorksheetTailElement,
  xml: string
): string {
  const dataEnd = sheetDataEnd(sheetXml);
  const tail = sheetXml.slice(dataEnd);
  if (findTag(tail, name) >= 0) throw new Error(`worksheet already has a <${name}> element`);
  const later = WORKSHEET_TAIL.slice(WORKSHEET_TAIL.indexOf(name) + 1);
  let at = tail.indexOf("</worksheet>");
  for (const next of later) {
    const i = findTag(tail, next);
    if (i >= 0 && i < at) at = i;
  }
  if (at < 0) throw new Error("worksheet part has no </worksheet>");
  return sheetXml.slice(0, dataEnd) + tail.slice(0, at) + xml + tail.slice(at);
}

function sheetDataEnd(sheetXml: string): number {
  const close = sheetXml.indexOf("</sheetData>");
  if (close >= 0) return close + "</sheetData>".length;
  const empty = /<sheetData\s*\/>/.exec(sheetXml);
  if (empty) return empty.index + empty[0].length;
  throw new Error("worksheet part has no sheetData");
}

/** Index of the start tag `<name` (followed by space, `/` or `>`), or -1. */
function findTag(xml: string, name: string): number {
  const m = new RegExp(`<${name}[\\s/>]`).exec(xml);
  return m ? m.index : -1;
}

/** Adds `Override` entries to `[Content_Types].xml`, skipping parts already listed. */
export function addOverrides(
  contentTypesXml: string,
  overrides: readonly { readonly partName: string; readonly contentType: string }[]
): string {
  const listed = new Set(readAllAttributes(contentTypesXml, "Override").map((o) => o["PartName"]));
  const added = overrides
    .filter((o) => !listed.has(o.partName))
    .map((o) => el("Override", { PartName: o.partName, ContentType: o.contentType }))
    .join("");
  const end = contentTypesXml.lastIndexOf("</Types>");
  if (end < 0) throw new Error("[Content_Types].xml has no </Types>");
  return contentTypesXml.slice(0, end) + added + contentTypesXml.slice(end);
}

/**
 * Adds workbook-level defined names to workbook.xml (into an existing `<definedNames>` or a
 * new one right after `</sheets>`, where the schema puts it).
 */
export function addDefinedNames(
  workbookXml: string,
  names: readonly (DefinedNamePlan & { readonly localSheetId?: number })[]
): string {
  if (names.length === 0) return workbookXml;
  const items = names
    .map((n) =>
      el(
        "definedName",
        {
          name: n.name,
          comment: n.comment,
          localSheetId: n.localSheetId,
          hidden: n.hidden ? "1" : undefined,
        },
        escapeXml(n.ref)
      )
    )
    .join("");
  const close = workbookXml.indexOf("</definedNames>");
  if (close >= 0) return workbookXml.slice(0, close) + items + workbookXml.slice(close);
  const sheetsEnd = workbookXml.indexOf("</sheets>");
  if (sheetsEnd < 0) throw new Error("workbook.xml has no </sheets>");
  const at = sheetsEnd + "</sheets>".length;
  return `${workbookXml.slice(0, at)}<definedNames>${items}</definedNames>${workbookXml.slice(at)}`;
}
