/** Every text the command line itself shows a user (the modules' own messages live with them). */
import { byteSize, SCENARIO_MESSAGES } from "../scenario";

export const CLI_MESSAGES = {
  noSuchFile: (file: string) => `${file}: no such file. Check the path.`,
  notAFile: (file: string) => `${file}: is a folder, not a file. Give the file's path.`,
  cannotRead: (file: string, reason: string) => `${file}: cannot be read (${reason}).`,
  tooLarge: (file: string, limitBytes: number, what: string) =>
    SCENARIO_MESSAGES.fileTooLarge(file, byteSize(limitBytes), what),
  outputExists: (command: string, file: string) =>
    `${command}: ${file} exists; choose another name or add --force to replace it.`,
  cannotWrite: (command: string, file: string, reason: string) =>
    `${command}: cannot write ${file} (${reason}). Nothing was written; any file of that name is unchanged.`,
  notJson: (reason: string) =>
    `Not valid JSON (${reason}). Fix the syntax, or create a new scenario with \`npx hyperv-tco init\`.`,
  problems: (file: string, count: number) => `${file}: ${count} problem${count === 1 ? "" : "s"}`,
} as const;

/** A system error's reason in words a user can act on ("permission denied"), never a stack. */
export function systemReason(e: unknown): string {
  const code =
    typeof e === "object" && e !== null && "code" in e ? String((e as { code: unknown }).code) : "";
  const words: Record<string, string> = {
    EACCES: "permission denied",
    EPERM: "operation not permitted",
    ENOSPC: "the disk is full",
    EDQUOT: "the disk quota is used up",
    EROFS: "the file system is read-only",
    EISDIR: "it is a folder",
    ENOTDIR: "a part of the path is not a folder",
    ENOENT: "the folder does not exist",
    EMFILE: "too many open files",
    EIO: "an input/output error",
    ENAMETOOLONG: "the name is too long",
    EBUSY: "the file is in use",
  };
  return words[code] ?? (e instanceof Error ? e.message : String(e));
}
