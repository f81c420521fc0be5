/**
 * Excel errors with a message, in Office and in Node.
 *
 * Implementations throw {@link FunctionError} for bad arguments and for "no answer"; the
 * wrappers in `functions.ts` run them through {@link run}, which turns that into the error
 * Excel shows: `new CustomFunctions.Error(code, message)` when the `CustomFunctions` global
 * exists (inside Office), else the `FunctionError` itself (Node tests). Only `#VALUE!` and
 * `#N/A` carry a custom message in Excel, so only those two are used. Anything else thrown
 * (a bug) becomes `#VALUE!` with a message too: a function never fails with an unhandled
 * exception.
 */
import { FUNCTION_MESSAGES } from "./messages";

/** The two Excel errors that can carry a message: `#VALUE!` (bad argument) and `#N/A` (no answer). */
export type ExcelErrorKind = "invalidValue" | "notAvailable";

/** The cell text of each kind, as `CustomFunctions.ErrorCode` spells it. */
export const ERROR_CELL_TEXT: Readonly<Record<ExcelErrorKind, string>> = {
  invalidValue: "#VALUE!",
  notAvailable: "#N/A",
};

/**
 * Longest message passed to Excel. Excel documents no limit; long messages are cut so the
 * error flag's menu stays readable (every message puts the argument and the fix first).
 */
export const MAX_MESSAGE_LENGTH = 255;

/** What an implementation throws: an Excel error kind and the message the user sees. */
export class FunctionError extends Error {
  readonly kind: ExcelErrorKind;
  /** The error shown in the cell: "#VALUE!" or "#N/A". */
  readonly code: string;

  constructor(kind: ExcelErrorKind, message: string) {
    super(message);
    this.name = "FunctionError";
    this.kind = kind;
    this.code = ERROR_CELL_TEXT[kind];
  }
}

/** `#VALUE!` with a message: an argument is wrong. */
export const invalidValue = (message: string): FunctionError =>
  new FunctionError("invalidValue", message);
/** `#N/A` with a message: the arguments are fine but there is no answer. */
export const notAvailable = (message: string): FunctionError =>
  new FunctionError("notAvailable", message);

/** The message cut to {@link MAX_MESSAGE_LENGTH} characters, ending in "…" when cut. */
export function clipMessage(message: string): string {
  return message.length <= MAX_MESSAGE_LENGTH
    ? message
    : `${message.slice(0, MAX_MESSAGE_LENGTH - 1)}…`;
}

type CustomFunctionsGlobal = Pick<typeof CustomFunctions, "Error" | "ErrorCode">;

/** The `CustomFunctions` global of the Office runtime, or undefined outside Office. */
function customFunctionsGlobal(): CustomFunctionsGlobal | undefined {
  const g = (globalThis as unknown as { CustomFunctions?: Partial<CustomFunctionsGlobal> })
    .CustomFunctions;
  return g !== undefined && typeof g.Error === "function" && g.ErrorCode !== undefined
    ? (g as CustomFunctionsGlobal)
    : undefined;
}

/**
 * The error to throw back to Excel: `CustomFunctions.Error(ErrorCode[kind], message)` inside
 * Office, a {@link FunctionError} elsewhere. The message is clipped.
 */
export function excelError(
  kind: ExcelErrorKind,
  message: string
): CustomFunctions.Error | FunctionError {
  const text = clipMessage(message);
  const cf = customFunctionsGlobal();
  return cf ? new cf.Error(cf.ErrorCode[kind], text) : new FunctionError(kind, text);
}

function describeThrown(thrown: unknown): string {
  if (thrown instanceof Error) return `${thrown.name}: ${thrown.message}`;
  try {
    return String(thrown);
  } catch {
    return "an unknown error";
  }
}

/**
 * Runs one implementation for Excel: its value, or an Excel error thrown with its message.
 * `name` is the function's Excel name (HOSTS), used only in the message of an unexpected error.
 */
export function run<T>(name: string, body: () => T): T {
  try {
    return body();
  } catch (thrown) {
    if (thrown instanceof FunctionError) throw excelError(thrown.kind, thrown.message);
    throw excelError("invalidValue", FUNCTION_MESSAGES.unexpected(name, describeThrown(thrown)));
  }
}
