/**
 * LibreOffice headless as the integration oracle: recalculate a workbook, export it to
 * .ods/.pdf, read the recalculated values back.
 *
 * Every call runs with a FRESH user profile (parallel runs on one profile exit 0 and write
 * nothing) whose registrymodifications.xcu sets OOXMLRecalcMode = 0, "always recalculate":
 * the default (1, never) would trust the cached values the file carries — exactly what the
 * tests must not do. Every call asserts the output file exists.
 */
import { execFile, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, extname, join } from "node:path";
import { pathToFileURL } from "node:url";
import ExcelJS from "exceljs";
import type { RecalcValue, RecalcValues } from "./hyperformula";

const SOFFICE = process.env["HVTCO_SOFFICE"] ?? "soffice";

/** True when `soffice` can be run. */
export function hasLibreOffice(): boolean {
  const r = spawnSync(SOFFICE, ["--version"], { encoding: "utf8", timeout: 60_000 });
  return r.status === 0 && /LibreOffice/.test(r.stdout);
}

/** Export filters by target format. */
const FILTERS = {
  xlsx: "xlsx:Calc MS Excel 2007 XML",
  ods: "ods",
  pdf: "pdf:calc_pdf_Export",
} as const;

export type TargetFormat = keyof typeof FILTERS;

/** The profile settings: recalculate OOXML and ODF files on load, always. */
const REGISTRY = `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`;

/** Creates a fresh profile folder with the recalc settings; returns its path. */
export function freshProfile(): string {
  const dir = mkdtempSync(join(tmpdir(), "hvtco-lo-profile-"));
  mkdirSync(join(dir, "user"), { recursive: true });
  writeFileSync(join(dir, "user", "registrymodifications.xcu"), REGISTRY);
  return dir;
}

/**
 * Converts `inPath` with LibreOffice into `format` inside `outDir` (a new temp folder by
 * default, so an .xlsx round trip never overwrites its input). Returns the output path;
 * throws when LibreOffice wrote nothing.
 */
export async function convertTo(
  inPath: string,
  format: TargetFormat,
  outDir?: string
): Promise<string> {
  const dir = outDir ?? mkdtempSync(join(tmpdir(), "hvtco-lo-out-"));
  mkdirSync(dir, { recursive: true });
  const outPath = join(dir, `${basename(inPath, extname(inPath))}.${format}`);
  if (outDir !== undefined && existsSync(outPath)) rmSync(outPath);
  const profile = freshProfile();
  try {
    const { stdout, stderr } = await run(SOFFICE, [
      "--headless",
      "--norestore",
      "--nolockcheck",
      "--nodefault",
      `-env:UserInstallation=${pathToFileURL(profile).href}`,
      "--convert-to",
      FILTERS[format],
      "--outdir",
      dir,
      inPath,
    ]);
    if (!existsSync(outPath)) {
      throw new Error(`LibreOffice wrote no ${outPath}\nstdout: ${stdout}\nstderr: ${stderr}`);
    }
    return outPath;
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
}

/** Recalculates an .xlsx with LibreOffice and saves it as .xlsx; returns the new file's path. */
export function recalcXlsx(inPath: string, outDir?: string): Promise<string> {
  return convertTo(inPath, "xlsx", outDir);
}

/**
 * The cached value of every formula cell in an .xlsx (e.g. one LibreOffice recalculated),
 * keyed `Sheet!A1`. LibreOffice writes 15 significant digits.
 */
export async function readFormulaResults(xlsxPath: string): Promise<RecalcValues> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(xlsxPath);
  const out: RecalcValues = new Map();
  wb.eachSheet((ws) => {
    ws.eachRow({ includeEmpty: false }, (row) => {
      row.eachCell({ includeEmpty: false }, (cell) => {
        // cell.value drops falsy results (0, false) — exceljs' _copyModel — so read cell.result.
        if (cell.type !== ExcelJS.ValueType.Formula) return;
        out.set(`${ws.name}!${cell.address}`, resultOf(cell.result));
      });
    });
  });
  return out;
}

function resultOf(result: unknown): RecalcValue {
  if (result === undefined || result === null) return null;
  if (typeof result === "number" || typeof result === "string" || typeof result === "boolean")
    return result;
  if (typeof result === "object" && "error" in result)
    return { error: String((result as { error: unknown }).error) };
  return String(result);
}

function run(cmd: string, args: readonly string[]): Promise<{ stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    execFile(
      cmd,
      args,
      { timeout: 170_000, maxBuffer: 16 * 1024 * 1024 },
      (error, stdout, stderr) => {
        if (error)
          reject(
            new Error(`${cmd} failed: ${error.message}\nstdout: ${stdout}\nstderr: ${stderr}`)
          );
        else resolve({ stdout, stderr });
      }
    );
  });
}
