/** The command line's window on the world, injectable so commands are testable without a process. */
import { existsSync, statSync } from "node:fs";
import { readFileCapped, writeFileAtomic } from "./files";

export interface CliIo {
  out(text: string): void;
  err(text: string): void;
  /**
   * The file's bytes, at most `limitBytes` of them: throws `FileTooLargeError` (from `./files`)
   * for a longer file, and Node's error (ENOENT, EACCES, EISDIR…) when it cannot be read.
   */
  readBytes(path: string, limitBytes: number): Uint8Array;
  /**
   * Write the whole file or nothing (`writeFileAtomic`): with `replace: false` an existing file
   * is never touched (`FileExistsError`); a failure leaves any old file as it was.
   */
  writeFile(path: string, data: Uint8Array, options: { readonly replace: boolean }): void;
  exists(path: string): boolean;
  isDirectory(path: string): boolean;
  /** Today (init and import date a new scenario's start and renewal placeholder); default the clock. */
  today?(): Date;
}

/**
 * Exit codes, the same for every command (the README's table):
 * 0 success; 1 usage (unknown command or option, missing argument); 2 invalid input — every
 * problem printed (scenario fields, a file that is not JSON or not an inventory, nothing
 * imported, totals a workbook cannot hold exactly); 3 file problem (no such file, unreadable,
 * larger than its cap, output exists without --force, cannot be written); 70 internal error.
 */
export const EXIT = { ok: 0, usage: 1, invalid: 2, file: 3, internal: 70 } as const;

export const processIo: CliIo = {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
  readBytes: (path, limitBytes) => readFileCapped(path, limitBytes),
  writeFile: (path, data, options) => writeFileAtomic(path, data, options),
  exists: (path) => existsSync(path),
  today: () => new Date(),
  isDirectory: (path) => {
    try {
      return statSync(path).isDirectory();
    } catch {
      return false;
    }
  },
};

/** Split `--flag value`, `--flag=value`, `--switch` and positional arguments. */
export function parseArgs(
  args: readonly string[],
  valueFlags: readonly string[],
  switches: readonly string[]
): {
  positional: string[];
  values: Record<string, string>;
  switches: Set<string>;
  unknown: string[];
} {
  const positional: string[] = [];
  const values: Record<string, string> = {};
  const on = new Set<string>();
  const unknown: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string;
    if (!arg.startsWith("-") || arg === "-") {
      positional.push(arg);
      continue;
    }
    const [flag, inline] = arg.split("=", 2) as [string, string | undefined];
    if (valueFlags.includes(flag)) {
      const value = inline ?? args[++i];
      if (value === undefined) unknown.push(`${flag} needs a value`);
      else values[flag] = value;
    } else if (switches.includes(flag)) {
      on.add(flag);
    } else {
      unknown.push(`unknown option ${arg}`);
    }
  }
  return { positional, values, switches: on, unknown };
}
