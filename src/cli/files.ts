/**
 * The command line's file access, made safe against what users and machines do:
 *
 * - `writeFileAtomic`: a file the CLI writes appears whole or not at all. The bytes go to a
 *   temporary file beside the target, are flushed to disk (`fsync`), and only then take the
 *   target's name — `rename` to replace (`--force`), `link` to create without ever replacing
 *   (so two runs cannot both "win"). A kill -9, a full disk or a failed write leaves the old
 *   file exactly as it was; `--force` never removes a good file before the new one exists.
 *   (The pattern of npm's `write-file-atomic`; written here because we need the no-replace
 *   variant too, and it is a dozen system calls.)
 * - `readFileCapped`: reads at most a given number of bytes, whatever the file claims to be —
 *   `/dev/zero`, a FIFO or a 10 GB file are refused after the cap, not read into memory.
 */
import * as nodeFs from "node:fs";
import { basename, dirname, join } from "node:path";

/** The system calls the two functions use; injectable so tests can fail any one of them. */
export interface FileSystem {
  openSync(path: string, flags: string | number, mode?: number): number;
  writeSync(fd: number, buffer: Uint8Array, offset: number, length: number): number;
  readSync(fd: number, buffer: Uint8Array, offset: number, length: number, position: null): number;
  fsyncSync(fd: number): void;
  closeSync(fd: number): void;
  renameSync(from: string, to: string): void;
  linkSync(existing: string, newPath: string): void;
  unlinkSync(path: string): void;
}

const NODE_FS: FileSystem = nodeFs;

/** The target exists and `replace` was not asked for. */
export class FileExistsError extends Error {
  constructor(readonly path: string) {
    super(`${path} exists`);
    this.name = "FileExistsError";
  }
}

/** The file holds more than the cap. */
export class FileTooLargeError extends Error {
  constructor(
    readonly path: string,
    readonly limitBytes: number
  ) {
    super(`${path} is larger than ${limitBytes} bytes`);
    this.name = "FileTooLargeError";
  }
}

const errorCode = (e: unknown): string | undefined =>
  typeof e === "object" && e !== null && "code" in e
    ? String((e as { code: unknown }).code)
    : undefined;

/** A temporary name beside `path`, unique to this process and call, hidden on Unix. */
function temporaryName(path: string): string {
  const random = Math.random().toString(36).slice(2, 10);
  return join(dirname(path), `.${basename(path)}.${process.pid}-${random}.tmp`);
}

/**
 * Write `data` to `path` atomically (see the module comment). With `replace: false` an
 * existing `path` is never touched and `FileExistsError` is thrown. Any other failure
 * (full disk, no permission, a killed process) leaves `path` as it was and removes the
 * temporary file where it still can; the error is re-thrown for the caller to report.
 */
export function writeFileAtomic(
  path: string,
  data: Uint8Array,
  options: { readonly replace: boolean },
  fs: FileSystem = NODE_FS
): void {
  const temp = temporaryName(path);
  let fd: number | null = fs.openSync(temp, "wx", 0o666);
  try {
    for (let offset = 0; offset < data.length;)
      offset += fs.writeSync(fd, data, offset, data.length - offset);
    fs.fsyncSync(fd);
    const open = fd;
    fd = null;
    fs.closeSync(open);
    if (options.replace) {
      fs.renameSync(temp, path);
    } else {
      try {
        fs.linkSync(temp, path);
      } catch (e) {
        if (errorCode(e) === "EEXIST") throw new FileExistsError(path);
        // A file system without hard links (FAT, some network shares): rename, after a last look.
        if (nodeFs.existsSync(path)) throw new FileExistsError(path);
        fs.renameSync(temp, path);
        return;
      }
      removeQuietly(temp, fs);
    }
  } catch (e) {
    if (fd !== null) {
      try {
        fs.closeSync(fd);
      } catch {
        // Already failing; the original error is the one to report.
      }
    }
    removeQuietly(temp, fs);
    throw e;
  }
  syncDirectory(dirname(path), fs);
}

/** Remove the temporary file if it is still there; the target is already in place (or untouched). */
function removeQuietly(temp: string, fs: FileSystem): void {
  try {
    fs.unlinkSync(temp);
  } catch {
    // Gone already (renamed), never created, or not removable: nothing more to do.
  }
}

/** Flush the directory entry too (POSIX); Windows cannot open a directory, and needs no such step. */
function syncDirectory(dir: string, fs: FileSystem): void {
  let fd: number | null = null;
  try {
    fd = fs.openSync(dir, "r");
    fs.fsyncSync(fd);
  } catch {
    // Not supported here: the rename itself is still atomic.
  } finally {
    try {
      if (fd !== null) fs.closeSync(fd);
    } catch {
      // The file is in place; a directory handle that will not close changes nothing for it.
    }
  }
}

/**
 * The bytes of `path`, at most `limitBytes` of them; throws `FileTooLargeError` as soon as the
 * file turns out longer (it is read in chunks, never whole first). Other errors (ENOENT,
 * EACCES, EISDIR) are thrown as Node gives them.
 */
export function readFileCapped(
  path: string,
  limitBytes: number,
  fs: FileSystem = NODE_FS
): Uint8Array {
  const fd = fs.openSync(path, "r");
  try {
    const chunks: Uint8Array[] = [];
    let total = 0;
    for (;;) {
      const chunk = new Uint8Array(Math.min(1 << 20, limitBytes + 1 - total));
      const n = fs.readSync(fd, chunk, 0, chunk.length, null);
      if (n === 0) break;
      total += n;
      if (total > limitBytes) throw new FileTooLargeError(path, limitBytes);
      chunks.push(chunk.subarray(0, n));
    }
    const out = new Uint8Array(total);
    let at = 0;
    for (const c of chunks) {
      out.set(c, at);
      at += c.length;
    }
    return out;
  } finally {
    fs.closeSync(fd);
  }
}
