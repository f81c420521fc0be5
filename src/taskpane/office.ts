/**
 * Is this Excel? Office.js at start-up: which host the pane runs in, and Office errors as
 * text. Outside Office — office.js missing, `onReady` resolving with host null, or never
 * resolving — the pane runs as a plain web page. What the pane does with the workbook once it
 * knows it is in Excel is in `officeWorkbook.ts` (loaded then).
 */
import type { HostMode } from "./state";

/** How long to wait for `Office.onReady` before treating the page as a plain browser. */
export const OFFICE_READY_TIMEOUT_MS = 3000;

const hasOffice = (): boolean =>
  typeof Office !== "undefined" && typeof Office.onReady === "function";
const hasExcel = (): boolean => typeof Excel !== "undefined" && typeof Excel.run === "function";

/** True when the host supports ExcelApi `version` (false outside Excel, or when the check throws). */
export function supportsExcelApi(version: string): boolean {
  try {
    return hasExcel() && Office.context.requirements.isSetSupported("ExcelApi", version);
  } catch {
    return false;
  }
}

/** Find out where the pane runs: Excel, or a plain browser (and why). */
export async function detectHost(timeoutMs = OFFICE_READY_TIMEOUT_MS): Promise<HostMode> {
  if (!hasOffice()) return { kind: "browser", reason: "office-js-missing" };
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<"timeout">((resolve) => {
    timer = setTimeout(() => resolve("timeout"), timeoutMs);
  });
  const ready = Office.onReady().then(
    (info) => info,
    () => null
  );
  const info = await Promise.race([ready, timeout]);
  clearTimeout(timer);
  if (info === "timeout") return { kind: "browser", reason: "office-js-timeout" };
  if (info && String(info.host) === "Excel" && hasExcel())
    return { kind: "excel", listens: supportsExcelApi("1.7") };
  return { kind: "browser", reason: "outside-office" };
}

/** A message a user can act on for an Office.js failure. */
export function officeErrorMessage(error: unknown): string {
  const code =
    typeof error === "object" && error !== null && "code" in error
      ? String((error as { code: unknown }).code)
      : "";
  if (code === "InvalidOperationInCellEditMode")
    return "Excel is editing a cell: press Enter or Esc in the sheet, then try again.";
  if (code === "RequestPayloadSizeLimitExceeded")
    return "The workbook update was too large for Excel on the web; try a smaller inventory or Excel desktop.";
  if (code === "AccessDenied")
    return "The workbook is read-only or protected: unprotect it or save a copy, then try again.";
  if (error instanceof Error && error.message) return error.message;
  return String(error);
}
