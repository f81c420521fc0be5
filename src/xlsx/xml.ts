/** Small helpers for writing and patching OOXML parts as text. */
import { xmlSafeText } from "../scenario/text";

/** Every part Excel writes starts with this declaration, then CRLF. */
export const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n';

/** Namespaces used by the parts this writer adds. */
export const NS = {
  main: "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
  rel: "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
  pkgRel: "http://schemas.openxmlformats.org/package/2006/relationships",
  chart: "http://schemas.openxmlformats.org/drawingml/2006/chart",
  drawingMain: "http://schemas.openxmlformats.org/drawingml/2006/main",
  spreadsheetDrawing: "http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing",
} as const;

/** Relationship types. */
export const REL_TYPE = {
  drawing: `${NS.rel}/drawing`,
  chart: `${NS.rel}/chart`,
  table: `${NS.rel}/table`,
  worksheet: `${NS.rel}/worksheet`,
} as const;

/** Content types of the parts this writer adds. */
export const CONTENT_TYPE = {
  chart: "application/vnd.openxmlformats-officedocument.drawingml.chart+xml",
  drawing: "application/vnd.openxmlformats-officedocument.drawing+xml",
  table: "application/vnd.openxmlformats-officedocument.spreadsheetml.table+xml",
} as const;

/**
 * Escapes text for element content and attribute values. Characters XML 1.0 cannot carry at
 * all (C0 controls but tab, LF, CR; U+FFFE/U+FFFF; lone surrogates) become U+FFFD through the
 * one sanitiser, `xmlSafeText`, so the part stays well-formed.
 */
export function escapeXml(text: string): string {
  return xmlSafeText(text)
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&apos;");
}

/** Reverses the five predefined entities and numeric character references. */
export function unescapeXml(text: string): string {
  return text.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|amp|lt|gt|quot|apos);/g, (_m, e: string) => {
    if (e[0] === "#") {
      const code = e[1] === "x" ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      return String.fromCodePoint(code);
    }
    return { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" }[e] as string;
  });
}

/** `<name a="1" b="x"/>` or `<name …>children</name>`; undefined attributes are left out. */
export function el(
  name: string,
  attrs: Readonly<Record<string, string | number | undefined>> = {},
  children?: string
): string {
  let open = `<${name}`;
  for (const [k, v] of Object.entries(attrs)) {
    if (v !== undefined) open += ` ${k}="${escapeXml(String(v))}"`;
  }
  return children === undefined ? `${open}/>` : `${open}>${children}</${name}>`;
}

/** A `<name val="…"/>` element, the shape of most chart settings. */
export function val(name: string, value: string | number | boolean): string {
  const v = typeof value === "boolean" ? (value ? "1" : "0") : String(value);
  return el(name, { val: v });
}

/** Every start tag named `tag` in `xml`, as attribute maps. */
export function readAllAttributes(xml: string, tag: string): Record<string, string>[] {
  const out: Record<string, string>[] = [];
  for (const m of xml.matchAll(new RegExp(`<${tag}(\\s[^>]*?)?/?>`, "g"))) {
    out.push(parseAttributes(m[1] ?? ""));
  }
  return out;
}

function parseAttributes(source: string): Record<string, string> {
  const attrs: Record<string, string> = {};
  for (const a of source.matchAll(/([\w:.-]+)\s*=\s*("([^"]*)"|'([^']*)')/g)) {
    attrs[a[1] as string] = unescapeXml(a[3] ?? a[4] ?? "");
  }
  return attrs;
}
