/**
 * Files in and out of the browser: save bytes as a download, read a chosen file, and the
 * report and slides downloads (plan built and .xlsx or .pptx written only now — exceljs and
 * pptxgenjs are not in the start-up bundle).
 */
import type { Scenario } from "../scenario";
import { buildWorkbookPlan, slidesBytes, xlsxBytes } from "./engine";

export const XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
export const PPTX_MIME =
  "application/vnd.openxmlformats-officedocument.presentationml.presentation";

/** Offer `data` as a file download named `fileName`. */
export function saveFile(data: Uint8Array | string, fileName: string, mime: string): void {
  const part: BlobPart = typeof data === "string" ? data : (data as Uint8Array<ArrayBuffer>);
  const url = URL.createObjectURL(new Blob([part], { type: mime }));
  const link = document.createElement("a");
  link.href = url;
  link.download = fileName;
  link.rel = "noopener";
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** The bytes of a chosen file. */
export async function fileBytes(file: Blob): Promise<Uint8Array> {
  return new Uint8Array(await file.arrayBuffer());
}

/** The text of a chosen file (UTF-8). */
export async function fileText(file: Blob): Promise<string> {
  return file.text();
}

/** Build the report for `scenario` and download it as `fileName`; returns its sheet names. */
export async function downloadReport(
  scenario: Scenario,
  fileName: string
): Promise<readonly string[]> {
  const plan = await buildWorkbookPlan(scenario);
  const bytes = await xlsxBytes(plan);
  saveFile(bytes, fileName, XLSX_MIME);
  return plan.sheets.map((s) => s.name);
}

/** Build the management slides for `scenario` and download them as `fileName`; returns the slide count. */
export async function downloadSlides(scenario: Scenario, fileName: string): Promise<number> {
  const { bytes, slides } = await slidesBytes(scenario);
  saveFile(bytes, fileName, PPTX_MIME);
  return slides;
}
