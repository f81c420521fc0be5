/** Office errors → codes and messages a user can act on; the bounded "cell edit mode" retry. */
import { EXCEL_MESSAGES } from "./messages";

export const CELL_EDIT_MODE = "InvalidOperationInCellEditMode";

/** The Office error code of a thrown value (`OfficeExtension.Error.code`), if it has one. */
export function officeErrorCode(err: unknown): string | undefined {
  if (typeof err !== "object" || err === null) return undefined;
  const e = err as { code?: unknown; debugInfo?: { code?: unknown } };
  if (typeof e.code === "string" && e.code !== "") return e.code;
  if (typeof e.debugInfo?.code === "string") return e.debugInfo.code;
  return undefined;
}

/** A short technical detail for the message (Office's own text and where it failed). */
export function officeErrorDetail(err: unknown): string {
  if (typeof err !== "object" || err === null) return String(err);
  const e = err as { message?: unknown; debugInfo?: { errorLocation?: unknown } };
  const message = typeof e.message === "string" ? e.message : "";
  const where = typeof e.debugInfo?.errorLocation === "string" ? e.debugInfo.errorLocation : "";
  return [message, where].filter((s) => s !== "").join(" at ");
}

export const isCellEditMode = (err: unknown): boolean => officeErrorCode(err) === CELL_EDIT_MODE;

/** The user's message for an Office error raised while writing. */
export function writeErrorMessage(err: unknown): string {
  const code = officeErrorCode(err) ?? "Error";
  switch (code) {
    case CELL_EDIT_MODE:
      return EXCEL_MESSAGES.cellEditMode;
    case "AccessDenied":
      return EXCEL_MESSAGES.accessDenied;
    case "RequestPayloadSizeLimitExceeded":
    case "ResponsePayloadSizeLimitExceeded":
      return EXCEL_MESSAGES.payloadTooLarge;
    case "Conflict":
      return EXCEL_MESSAGES.conflict;
    case "ItemAlreadyExists":
      return EXCEL_MESSAGES.itemAlreadyExists;
    case "ApiNotFound":
    case "NotImplemented":
      return EXCEL_MESSAGES.apiNotFound;
    default:
      return EXCEL_MESSAGES.generic(code, officeErrorDetail(err));
  }
}

export interface RetryPolicy {
  /** Further attempts after the first (default 3). */
  readonly retries?: number;
  /** Wait between attempts in ms (default 2000). */
  readonly delayMs?: number;
  /** Injectable wait (tests pass a fake). */
  readonly delay?: (ms: number) => Promise<void>;
}

export const defaultDelay = (ms: number): Promise<void> =>
  new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Runs `attempt` again, after a pause, while it reports "cell edit mode" (`retryable` says so),
 * at most `retries` more times; returns the last result.
 */
export async function retryWhileEditing<T>(
  attempt: () => Promise<T>,
  retryable: (result: T) => boolean,
  policy: RetryPolicy = {}
): Promise<T> {
  const retries = policy.retries ?? 3;
  const delay = policy.delay ?? defaultDelay;
  let result = await attempt();
  for (let i = 0; i < retries && retryable(result); i++) {
    await delay(policy.delayMs ?? 2000);
    result = await attempt();
  }
  return result;
}
