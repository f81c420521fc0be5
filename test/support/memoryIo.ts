/** An in-memory `CliIo` for command tests: files in a map (optionally falling back to disk), output captured. */
import { existsSync, readFileSync, statSync } from "node:fs";
import { FileExistsError, FileTooLargeError } from "../../src/cli/files";
import type { CliIo } from "../../src/cli/io";

export type MemoryIo = CliIo & {
  readonly stdout: () => string;
  readonly stderr: () => string;
  /** Files written by the command (text-decoded) and the ones given. */
  readonly files: Map<string, string>;
};

/** The day a `memoryIo` reports as today. */
export const MEMORY_IO_TODAY = "2026-12-15T12:00:00Z";

export function memoryIo(
  files: Record<string, string> = {},
  options: { readonly disk?: boolean } = {}
): MemoryIo {
  const store = new Map(Object.entries(files));
  const disk = options.disk === true;
  let out = "";
  let err = "";
  return {
    // A fixed day, so scenarios dated by init and import are reproducible.
    today: () => new Date(MEMORY_IO_TODAY),
    files: store,
    stdout: () => out,
    stderr: () => err,
    out: (text) => {
      out += text;
    },
    err: (text) => {
      err += text;
    },
    readBytes: (path, limitBytes) => {
      const text = store.get(path);
      const bytes =
        text !== undefined
          ? new TextEncoder().encode(text)
          : disk
            ? new Uint8Array(readFileSync(path))
            : undefined;
      if (bytes === undefined)
        throw Object.assign(new Error(`ENOENT: ${path}`), { code: "ENOENT" });
      if (bytes.length > limitBytes) throw new FileTooLargeError(path, limitBytes);
      return bytes;
    },
    writeFile: (path, data, { replace }) => {
      if (!replace && store.has(path)) throw new FileExistsError(path);
      store.set(path, new TextDecoder().decode(data));
    },
    exists: (path) => store.has(path) || (disk && existsSync(path)),
    isDirectory: (path) =>
      !store.has(path) && disk && existsSync(path) && statSync(path).isDirectory(),
  };
}
