/**
 * Offline manifest validation: the XSD (xmllint, against ../shared/schemas/office-addin-manifest,
 * with the <Runtimes> block removed as those 2019 schemas predate it), plus what no schema checks:
 * every `resid` resolves to a resource, the shared runtime's id is the one the task pane,
 * the function file and the custom-functions page use, and the icons exist.
 * Usage: `npx tsx test/tools/validate-manifest.ts manifest.xml` (exit 0 valid, 3 invalid).
 */
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { REPO_ROOT, shared } from "../support/paths";

export interface ManifestReport {
  readonly ok: boolean;
  readonly problems: readonly string[];
}

/** The manifest without its <Runtimes> block (lines from <Runtimes> to </Runtimes>). */
export function withoutRuntimes(xml: string): string {
  return xml.replace(/^[ \t]*<Runtimes>[\s\S]*?<\/Runtimes>[ \t]*\r?\n/m, "");
}

/** Validate manifest XML text. `assetsDir` is where icon files are looked up (by file name). */
export function validateManifestXml(
  xml: string,
  assetsDir = join(REPO_ROOT, "assets")
): ManifestReport {
  const problems: string[] = [];
  const schema = shared("schemas", "office-addin-manifest", "OfficeAppManifestV1_1.xsd");
  if (!existsSync(schema)) {
    // The team's schemas live beside the repository (../shared); without them only the
    // cross-reference checks below run. Say so loudly rather than fail a clone without them.
    process.stderr.write(`warning: ${schema} not found (set HVTCO_SHARED): XSD check skipped\n`);
  } else
    try {
      execFileSync("xmllint", ["--nonet", "--noout", "--schema", schema, "-"], {
        input: withoutRuntimes(xml),
        stdio: ["pipe", "pipe", "pipe"],
      });
    } catch (e) {
      const err = e as { stderr?: Buffer; message: string };
      problems.push(`schema: ${(err.stderr?.toString() ?? err.message).trim()}`);
    }

  const ids = new Set(
    [...xml.matchAll(/<bt:(?:Image|Url|String) id="([^"]+)"/g)].map((m) => m[1] as string)
  );
  for (const m of xml.matchAll(/resid="([^"]+)"/g)) {
    if (!ids.has(m[1] as string)) problems.push(`resid "${m[1]}" has no resource in <Resources>`);
  }

  const runtimes = [...xml.matchAll(/<Runtime resid="([^"]+)"/g)].map((m) => m[1] as string);
  if (runtimes.length !== 1)
    problems.push(`expected one shared <Runtime>, found ${runtimes.length}`);
  const runtime = runtimes[0];
  const pageResid = /<Page>\s*<SourceLocation resid="([^"]+)"/.exec(xml)?.[1];
  const functionFile = /<FunctionFile resid="([^"]+)"/.exec(xml)?.[1];
  const taskpaneResids = [
    ...xml.matchAll(/<Action xsi:type="ShowTaskpane">[\s\S]*?<SourceLocation resid="([^"]+)"/g),
  ].map((m) => m[1]);
  for (const [what, resid] of [
    ["CustomFunctions Page", pageResid],
    ["FunctionFile", functionFile],
    ...taskpaneResids.map((r) => ["ShowTaskpane", r] as const),
  ] as const) {
    if (resid !== runtime)
      problems.push(
        `${what} uses resid "${resid}" but the shared runtime is "${runtime}": the shared runtime won't load`
      );
  }
  if (!/<Set Name="SharedRuntime" MinVersion="1\.1"\s*\/>/.test(xml))
    problems.push("Requirements lack SharedRuntime 1.1");
  if (!/<Set Name="ExcelApi" MinVersion="1\.9"\s*\/>/.test(xml))
    problems.push("Requirements lack ExcelApi 1.9");

  for (const m of xml.matchAll(/DefaultValue="https?:\/\/[^"]*\/assets\/(icon-[^"/]+\.png)"/g)) {
    if (!existsSync(join(assetsDir, m[1] as string)))
      problems.push(`icon ${m[1]} not found in ${assetsDir}`);
  }
  return { ok: problems.length === 0, problems };
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename ?? "")) {
  const file = process.argv[2] ?? "manifest.xml";
  const report = validateManifestXml(readFileSync(file, "utf8"));
  if (report.ok) {
    process.stdout.write(`${file} validates (schema, resource ids, shared runtime ids, icons)\n`);
  } else {
    process.stderr.write(
      `${file} fails to validate:\n${report.problems.map((p) => `  ${p}`).join("\n")}\n`
    );
    process.exitCode = 3;
  }
}
