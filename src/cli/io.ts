/** The command line's window on the world, injectable so commands are testable without a process. */
import { existsSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";

export interface CliIo {
  out(text: string): void;
  err(text: string): void;
  readText(path: string): string;
  readBytes(path: string): Uint8Array;
  writeBytes(path: string, data: Uint8Array): void;
  exists(path: string): boolean;
  /** Rename a file (atomic on one file system); absent in in-memory test I/O. */
  rename?(from: string, to: string): void;
  remove?(path: string): void;
}

/** Exit codes: 0 success, 1 usage error, 2 invalid input (every problem printed), 3 file problem. */
export const EXIT = { ok: 0, usage: 1, invalid: 2, file: 3 } as const;

export const processIo: CliIo = {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
  readText: (path) => readFileSync(path, "utf8"),
  readBytes: (path) => new Uint8Array(readFileSync(path)),
  writeBytes: (path, data) => writeFileSync(path, data),
  exists: (path) => existsSync(path),
  rename: (from, to) => renameSync(from, to),
  remove: (path) => rmSync(path, { force: true }),
};

/**
 * Writes `data` to `path` whole or not at all: into a temporary file beside it, then renamed
 * over it, so an interrupted write never leaves half a file under the user's name.
 * (A small helper until the CLI's shared atomic writer lands; same contract.)
 */
export function writeFileAtomic(io: CliIo, path: string, data: Uint8Array): void {
  if (!io.rename) {
    io.writeBytes(path, data);
    return;
  }
  const temp = `${path}.${process.pid}.partial`;
  io.writeBytes(temp, data);
  try {
    io.rename(temp, path);
  } catch (e) {
    io.remove?.(temp);
    throw e;
  }
}

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
