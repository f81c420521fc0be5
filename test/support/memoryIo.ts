/** An in-memory `CliIo` for command tests: files in a map (optionally falling back to disk), output captured. */
import { existsSync, readFileSync } from "node:fs";
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
    readText: (path) => {
      const text = store.get(path) ?? (disk ? readFileSync(path, "utf8") : undefined);
      if (text === undefined) throw new Error(`ENOENT: ${path}`);
      return text;
    },
    readBytes: (path) =>
      store.has(path)
        ? new TextEncoder().encode(store.get(path))
        : disk
          ? new Uint8Array(readFileSync(path))
          : new Uint8Array(),
    writeBytes: (path, data) => {
      store.set(path, new TextDecoder().decode(data));
    },
    exists: (path) => store.has(path) || (disk && existsSync(path)),
  };
}
