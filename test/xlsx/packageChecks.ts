/**
 * Cross-part checks an XSD cannot make (the list in ../shared/data/excel-golden/README.md):
 * every relationship id resolves and every internal target exists; every part has a content
 * type and chart/drawing/table parts have their Override; each chart group's two axis ids
 * exist as axes whose crossAx pair up symmetrically; series idx/order are unique per chart;
 * cNvPr ids are unique per drawing; chart references name sheets the workbook has and their
 * caches have as many points as the range has cells.
 *
 * Tag-level parsing is enough here: the parts are generated (ours or Excel's), without
 * comments or CDATA.
 */
import JSZip from "jszip";
import { parseRange } from "../../src/report/a1";

/** Every part of a package as text (binary parts are not expected in these workbooks). */
export async function unzipParts(xlsx: Uint8Array | Buffer): Promise<Map<string, string>> {
  const zip = await JSZip.loadAsync(xlsx);
  const out = new Map<string, string>();
  for (const [name, file] of Object.entries(zip.files)) {
    if (!file.dir) out.set(name, await file.async("string"));
  }
  return out;
}

const CONTENT_TYPES: Readonly<Record<string, RegExp>> = {
  chart: /^xl\/charts\/chart\d+\.xml$/,
  drawing: /^xl\/drawings\/drawing\d+\.xml$/,
  table: /^xl\/tables\/table\d+\.xml$/,
  worksheet: /^xl\/worksheets\/sheet\d+\.xml$/,
};
const EXPECTED_TYPE: Readonly<Record<string, string>> = {
  chart: "application/vnd.openxmlformats-officedocument.drawingml.chart+xml",
  drawing: "application/vnd.openxmlformats-officedocument.drawing+xml",
  table: "application/vnd.openxmlformats-officedocument.spreadsheetml.table+xml",
  worksheet: "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml",
};

/** All problems found across the parts (empty when the package is consistent). */
export function crossPartProblems(parts: ReadonlyMap<string, string>): string[] {
  return [
    ...relationshipProblems(parts),
    ...contentTypeProblems(parts),
    ...[...parts].flatMap(([name, xml]) =>
      CONTENT_TYPES["chart"]?.test(name) ? chartProblems(name, xml, sheetNames(parts)) : []
    ),
    ...[...parts].flatMap(([name, xml]) =>
      CONTENT_TYPES["drawing"]?.test(name) ? drawingProblems(name, xml) : []
    ),
  ];
}

function attrs(tag: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of tag.matchAll(/([\w:.-]+)="([^"]*)"/g))
    out[m[1] as string] = unescape(m[2] as string);
  return out;
}

function unescape(s: string): string {
  return s
    .replace(/&apos;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");
}

function tags(xml: string, name: string): Record<string, string>[] {
  return [...xml.matchAll(new RegExp(`<${name}(\\s[^>]*)?/?>`, "g"))].map((m) => attrs(m[1] ?? ""));
}

function relsPathOf(part: string): string {
  const slash = part.lastIndexOf("/");
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
}

function resolve(sourcePart: string, target: string): string {
  if (target.startsWith("/")) return target.slice(1);
  const out = sourcePart.split("/").slice(0, -1);
  for (const seg of target.split("/")) {
    if (seg === "..") out.pop();
    else if (seg !== ".") out.push(seg);
  }
  return out.join("/");
}

/** Every r:id/r:embed in a part resolves in its .rels; every internal target exists. */
export function relationshipProblems(parts: ReadonlyMap<string, string>): string[] {
  const problems: string[] = [];
  for (const [name, xml] of parts) {
    if (name.endsWith(".rels")) {
      const source = name === "_rels/.rels" ? "" : name.replace(/_rels\/([^/]+)\.rels$/, "$1");
      const ids = new Set<string>();
      for (const r of tags(xml, "Relationship")) {
        const id = r["Id"] ?? "";
        if (ids.has(id)) problems.push(`${name}: duplicate relationship id ${id}`);
        ids.add(id);
        if (r["TargetMode"] === "External") continue;
        const target = resolve(source === "" ? "x" : source, r["Target"] ?? "");
        if (!parts.has(target)) problems.push(`${name}: ${id} targets missing part ${target}`);
      }
      continue;
    }
    const used = [...xml.matchAll(/\sr:(?:id|embed|link|pict)="([^"]*)"/g)].map(
      (m) => m[1] as string
    );
    if (used.length === 0) continue;
    const rels = parts.get(relsPathOf(name));
    if (rels === undefined) {
      problems.push(`${name}: uses r:id but has no ${relsPathOf(name)}`);
      continue;
    }
    const ids = new Set(tags(rels, "Relationship").map((r) => r["Id"]));
    for (const id of used)
      if (!ids.has(id)) problems.push(`${name}: r:id ${id} is not in ${relsPathOf(name)}`);
  }
  return problems;
}

/** Every part has a content type; charts, drawings, tables and sheets have the right Override. */
export function contentTypeProblems(parts: ReadonlyMap<string, string>): string[] {
  const ct = parts.get("[Content_Types].xml");
  if (ct === undefined) return ["[Content_Types].xml is missing"];
  const overrides = new Map(
    tags(ct, "Override").map((o) => [o["PartName"] ?? "", o["ContentType"] ?? ""])
  );
  const defaults = new Set(tags(ct, "Default").map((d) => (d["Extension"] ?? "").toLowerCase()));
  const problems: string[] = [];
  for (const name of parts.keys()) {
    if (name === "[Content_Types].xml") continue;
    const override = overrides.get(`/${name}`);
    const ext = name.slice(name.lastIndexOf(".") + 1).toLowerCase();
    if (override === undefined && !defaults.has(ext)) problems.push(`${name}: no content type`);
    for (const [kind, pattern] of Object.entries(CONTENT_TYPES)) {
      if (pattern.test(name) && override !== EXPECTED_TYPE[kind]) {
        problems.push(
          `${name}: Override is ${override ?? "missing"}, expected ${EXPECTED_TYPE[kind]}`
        );
      }
    }
  }
  for (const partName of overrides.keys()) {
    if (!parts.has(partName.slice(1)))
      problems.push(`[Content_Types].xml: Override for missing part ${partName}`);
  }
  return problems;
}

/** Sheet names declared in workbook.xml. */
export function sheetNames(parts: ReadonlyMap<string, string>): Set<string> {
  return new Set(tags(parts.get("xl/workbook.xml") ?? "", "sheet").map((s) => s["name"] ?? ""));
}

const GROUPS = [
  "barChart",
  "bar3DChart",
  "lineChart",
  "line3DChart",
  "scatterChart",
  "areaChart",
  "radarChart",
  "stockChart",
  "bubbleChart",
];
const AXES = ["catAx", "valAx", "dateAx", "serAx"];

/** The content between `<c:name …>` and its `</c:name>` for every such element (no nesting of the same name here). */
function blocks(xml: string, name: string): string[] {
  return [...xml.matchAll(new RegExp(`<c:${name}(?:\\s[^>]*)?>([\\s\\S]*?)</c:${name}>`, "g"))].map(
    (m) => m[1] as string
  );
}

function valOf(xml: string, name: string): string[] {
  return tags(xml, `c:${name}`).map((a) => a["val"] ?? "");
}

/** Axis pairing, idx/order uniqueness, reference targets and cache sizes of one chart part. */
export function chartProblems(name: string, xml: string, sheets: ReadonlySet<string>): string[] {
  const problems: string[] = [];
  const plotArea = blocks(xml, "plotArea")[0] ?? "";
  const axes = new Map<string, { kind: string; crossAx: string }>();
  for (const kind of AXES) {
    for (const body of blocks(plotArea, kind)) {
      const id = valOf(body, "axId")[0] ?? "";
      if (axes.has(id)) problems.push(`${name}: axis id ${id} used by two axes`);
      axes.set(id, { kind, crossAx: valOf(body, "crossAx")[0] ?? "" });
    }
  }
  for (const [id, axis] of axes) {
    const partner = axes.get(axis.crossAx);
    if (!partner) problems.push(`${name}: axis ${id} crosses missing axis ${axis.crossAx}`);
    else if (partner.crossAx !== id)
      problems.push(
        `${name}: axis ${id} crosses ${axis.crossAx}, which crosses ${partner.crossAx}`
      );
  }
  const seenIdx = new Set<string>();
  const seenOrder = new Set<string>();
  for (const group of GROUPS) {
    for (const body of blocks(plotArea, group)) {
      // axId elements of the group itself come after its series.
      const tail = body.slice(body.lastIndexOf("</c:ser>") + 1);
      const ids = valOf(tail, "axId");
      if (ids.length !== 2) problems.push(`${name}: ${group} has ${ids.length} axis ids`);
      const [a, b] = ids;
      if (a !== undefined && b !== undefined) {
        if (!axes.has(a) || !axes.has(b))
          problems.push(`${name}: ${group} refers to missing axis ${a}/${b}`);
        else if (axes.get(a)?.crossAx !== b)
          problems.push(`${name}: ${group} axes ${a} and ${b} do not cross each other`);
      }
      for (const ser of blocks(body, "ser")) {
        const idx = valOf(ser, "idx")[0] ?? "";
        const order = valOf(ser, "order")[0] ?? "";
        if (seenIdx.has(idx)) problems.push(`${name}: series idx ${idx} repeated`);
        if (seenOrder.has(order)) problems.push(`${name}: series order ${order} repeated`);
        seenIdx.add(idx);
        seenOrder.add(order);
      }
    }
  }
  for (const kind of ["numRef", "strRef"]) {
    for (const ref of blocks(xml, kind)) {
      const f = unescape(/<c:f>([^<]*)<\/c:f>/.exec(ref)?.[1] ?? "");
      const m = /^(?:'((?:[^']|'')+)'|([^'!]+))!(\$?[A-Z]+\$?\d+(?::\$?[A-Z]+\$?\d+)?)$/.exec(f);
      if (!m) {
        problems.push(`${name}: reference ${f} is not a sheet-qualified range`);
        continue;
      }
      const sheet = m[1]?.replace(/''/g, "'") ?? (m[2] as string);
      if (!sheets.has(sheet))
        problems.push(`${name}: reference ${f} names a sheet the workbook does not have`);
      const r = parseRange((m[3] as string).replace(/\$/g, ""));
      const cells = (r.bottom - r.top + 1) * (r.right - r.left + 1);
      const cache = kind === "numRef" ? "numCache" : "strCache";
      const cacheBody = blocks(ref, cache)[0];
      if (cacheBody === undefined) continue;
      const ptCount = Number(valOf(cacheBody, "ptCount")[0]);
      if (ptCount !== cells)
        problems.push(`${name}: ${f} has ${cells} cells but ptCount ${ptCount}`);
      for (const pt of tags(cacheBody, "c:pt")) {
        const idx = Number(pt["idx"]);
        if (!(idx >= 0 && idx < ptCount))
          problems.push(`${name}: ${f} cache point ${idx} outside 0..${ptCount - 1}`);
      }
    }
  }
  return problems;
}

/** cNvPr ids unique within the drawing; every anchor's chart reference present. */
export function drawingProblems(name: string, xml: string): string[] {
  const problems: string[] = [];
  const ids = tags(xml, "xdr:cNvPr").map((a) => a["id"] ?? "");
  if (new Set(ids).size !== ids.length)
    problems.push(`${name}: duplicate cNvPr ids ${ids.join(",")}`);
  const anchors = (xml.match(/<xdr:(twoCellAnchor|oneCellAnchor|absoluteAnchor)\b/g) ?? []).length;
  const charts = (xml.match(/<c:chart\b/g) ?? []).length;
  if (anchors !== charts)
    problems.push(`${name}: ${anchors} anchors but ${charts} chart references`);
  return problems;
}
