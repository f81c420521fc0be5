/**
 * Schema validation of OOXML parts with xmllint against the Transitional schemas in
 * `../shared/schemas/ooxml` (see its README: which schema goes with which part).
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { shared } from "./paths";

export type OoxmlSchema =
  | "dml-chart.xsd"
  | "dml-main.xsd"
  | "dml-spreadsheetDrawing.xsd"
  | "sml.xsd"
  | "opc-relationships.xsd"
  | "opc-contentTypes.xsd"
  | "shared-documentPropertiesExtended.xsd";

export interface ValidationResult {
  /** The part's name as given. */
  readonly name: string;
  readonly ok: boolean;
  /** xmllint's messages for this part (empty when it validates). */
  readonly errors: readonly string[];
}

/** True when xmllint can be run. */
export function hasXmllint(): boolean {
  return spawnSync("xmllint", ["--version"], { encoding: "utf8" }).status === 0;
}

/** The schema for a package part by its path, or undefined for parts with no schema here. */
export function schemaFor(partPath: string): OoxmlSchema | undefined {
  if (partPath.endsWith(".rels")) return "opc-relationships.xsd";
  if (partPath === "[Content_Types].xml") return "opc-contentTypes.xsd";
  if (partPath === "docProps/app.xml") return "shared-documentPropertiesExtended.xsd";
  if (/^xl\/charts\/chart\d+\.xml$/.test(partPath)) return "dml-chart.xsd";
  if (/^xl\/drawings\/drawing\d+\.xml$/.test(partPath)) return "dml-spreadsheetDrawing.xsd";
  if (/^xl\/theme\/theme\d+\.xml$/.test(partPath)) return "dml-main.xsd";
  if (
    /^xl\/[^/]+\.xml$/.test(partPath) ||
    /^xl\/(worksheets|tables|chartsheets)\/[^/]+\.xml$/.test(partPath)
  ) {
    return "sml.xsd";
  }
  return undefined;
}

/** Validates one part (XML text) through xmllint's stdin. */
export function validateXml(xml: string, schema: OoxmlSchema, name = "part"): ValidationResult {
  const r = spawnSync(
    "xmllint",
    ["--nonet", "--noout", "--schema", shared("schemas", "ooxml", schema), "-"],
    { input: applyMarkupCompatibility(xml), encoding: "utf8" }
  );
  if (r.error) throw r.error;
  if (r.status === 5) throw new Error(`xmllint could not load ${schema}: ${r.stderr}`);
  const errors = r.stderr.split("\n").filter((l) => l.trim() !== "" && !/^- validates$/.test(l));
  return { name, ok: r.status === 0, errors };
}

/**
 * Validates many parts against one schema in a single xmllint run (loading sml.xsd takes a
 * while, so this is much faster than one call per part).
 */
export function validateParts(
  parts: readonly { readonly name: string; readonly xml: string }[],
  schema: OoxmlSchema
): ValidationResult[] {
  if (parts.length === 0) return [];
  const dir = mkdtempSync(join(tmpdir(), "hvtco-xmllint-"));
  try {
    const files = parts.map((p, i) => {
      const file = join(dir, `${i}-${p.name.replace(/[^A-Za-z0-9_.-]/g, "_")}`);
      writeFileSync(file, applyMarkupCompatibility(p.xml));
      return file;
    });
    const r = spawnSync(
      "xmllint",
      ["--nonet", "--noout", "--schema", shared("schemas", "ooxml", schema), ...files],
      { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 }
    );
    if (r.error) throw r.error;
    if (r.status === 5) throw new Error(`xmllint could not load ${schema}: ${r.stderr}`);
    const lines = r.stderr.split("\n");
    return parts.map((p, i) => {
      const file = files[i] as string;
      const mine = lines.filter((l) => l.startsWith(`${file}:`) || l.startsWith(`${file} `));
      const ok = mine.some((l) => l === `${file} validates`);
      return {
        name: p.name,
        ok,
        errors: mine.filter((l) => !l.endsWith(" validates")).map((l) => l.replace(file, p.name)),
      };
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const MC_NS = "http://schemas.openxmlformats.org/markup-compatibility/2006";

/**
 * What a Markup Compatibility (ECMA-376 Part 3) processor does before a consumer sees a part,
 * for the forms exceljs and Excel write: attributes and elements in the namespaces listed in
 * the root's `mc:Ignorable` are dropped, `mc:Ignorable` itself goes, and each
 * `mc:AlternateContent` is replaced by its `mc:Fallback`. The schemas here do not know MCE,
 * so validation runs on the processed text.
 */
export function applyMarkupCompatibility(xml: string): string {
  const mcPrefix =
    /xmlns:(\w+)="http:\/\/schemas\.openxmlformats\.org\/markup-compatibility\/2006"/.exec(
      xml
    )?.[1];
  if (!mcPrefix) return xml;
  const ignorable =
    new RegExp(`\\s${mcPrefix}:Ignorable="([^"]*)"`).exec(xml)?.[1]?.split(/\s+/).filter(Boolean) ??
    [];
  let out = xml.replace(
    new RegExp(
      `<${mcPrefix}:AlternateContent\\b[\\s\\S]*?<${mcPrefix}:Fallback>([\\s\\S]*?)</${mcPrefix}:Fallback>\\s*</${mcPrefix}:AlternateContent>`,
      "g"
    ),
    "$1"
  );
  for (const prefix of ignorable) {
    out = out
      .replace(new RegExp(`<${prefix}:[\\w.-]+\\b[^>]*/>`, "g"), "")
      .replace(new RegExp(`<${prefix}:([\\w.-]+)\\b[^>]*>[\\s\\S]*?</${prefix}:\\1>`, "g"), "")
      .replace(new RegExp(`\\s${prefix}:[\\w.-]+="[^"]*"`, "g"), "")
      .replace(new RegExp(`\\sxmlns:${prefix}="[^"]*"`, "g"), "");
  }
  return out
    .replace(new RegExp(`\\s${mcPrefix}:Ignorable="[^"]*"`, "g"), "")
    .replace(new RegExp(`\\sxmlns:${mcPrefix}="${MC_NS.replace(/[./]/g, "\\$&")}"`, "g"), "");
}
