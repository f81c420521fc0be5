/**
 * Files in and out of the browser: save bytes as a download, read a chosen file, and the
 * report and slides downloads (plan built and .xlsx or .pptx written only now — exceljs and
 * pptxgenjs are not in the start-up bundle).
 */
import { byteSize, LIMITS, SCENARIO_MESSAGES, type Scenario } from "../scenario";
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

/** Refuse a file larger than `limitBytes` before a byte of it is read (bounded work, as in the CLI). */
function checkSize(file: Blob, limitBytes: number, what: string): void {
  if (file.size > limitBytes) {
    const name = "name" in file && typeof file.name === "string" ? file.name : "The file";
    throw new Error(SCENARIO_MESSAGES.fileTooLarge(name, byteSize(limitBytes), what));
  }
}

/** The bytes of a chosen inventory file (at most `LIMITS.importFileBytes`). */
export async function fileBytes(file: Blob): Promise<Uint8Array> {
  checkSize(file, LIMITS.importFileBytes.value, "inventory export");
  return new Uint8Array(await file.arrayBuffer());
}

/** The text of a chosen scenario file (UTF-8; at most `LIMITS.scenarioFileBytes`). */
export async function fileText(file: Blob): Promise<string> {
  checkSize(file, LIMITS.scenarioFileBytes.value, "scenario");
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
