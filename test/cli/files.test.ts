/**
 * The CLI's file access under failure: `writeFileAtomic` with a failure injected at every
 * system call it makes (a full disk, a permission error, a lost rename), and `readFileCapped`
 * against files that never end. The invariant: the target holds the old bytes or the complete
 * new ones — never a part — and a failed write leaves no temporary file behind.
 */
import * as nodeFs from "node:fs";
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import {
  FileExistsError,
  FileTooLargeError,
  readFileCapped,
  writeFileAtomic,
  type FileSystem,
} from "../../src/cli/files";
import { main } from "../../src/cli/main";
import { processIo } from "../../src/cli/io";

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});
function tempDir(): string {
  const d = mkdtempSync(join(tmpdir(), "hvtco-files-"));
  dirs.push(d);
  return d;
}

type Call = keyof FileSystem;

/** The real file system, failing (ENOSPC, as a full disk does) at the `failAt`-th call; records every call. */
function faultyFs(failAt: number | null): { fs: FileSystem; calls: Call[] } {
  const calls: Call[] = [];
  const wrap =
    <K extends Call>(name: K) =>
    (...args: Parameters<FileSystem[K]>): ReturnType<FileSystem[K]> => {
      calls.push(name);
      if (calls.length === failAt)
        throw Object.assign(new Error(`ENOSPC: no space left on device (${name})`), {
          code: "ENOSPC",
        });
      if (name === "writeSync" && failAt !== null && calls.length === failAt - 1) {
        // The write before a failure lands only half its bytes, as a filling disk does.
        const [fd, buffer, offset, length] = args as Parameters<FileSystem["writeSync"]>;
        return nodeFs.writeSync(fd, buffer, offset, Math.ceil(length / 2)) as ReturnType<
          FileSystem[K]
        >;
      }
      return (nodeFs[name] as (...a: unknown[]) => ReturnType<FileSystem[K]>)(...args);
    };
  const fs: FileSystem = {
    openSync: wrap("openSync"),
    writeSync: wrap("writeSync"),
    readSync: wrap("readSync"),
    fsyncSync: wrap("fsyncSync"),
    closeSync: wrap("closeSync"),
    renameSync: wrap("renameSync"),
    linkSync: wrap("linkSync"),
    unlinkSync: wrap("unlinkSync"),
  };
  return { fs, calls };
}

const OLD = new TextEncoder().encode("the good report of yesterday");
const NEW = new Uint8Array(3 * 1024 * 1024).map((_, i) => i % 251);

describe("writeFileAtomic", () => {
  it("writes the whole file and leaves nothing else in the folder", () => {
    const dir = tempDir();
    const target = join(dir, "out.xlsx");
    writeFileAtomic(target, NEW, { replace: false });
    expect(readFileSync(target).equals(Buffer.from(NEW))).toBe(true);
    expect(readdirSync(dir)).toEqual(["out.xlsx"]);
  });

  it("never replaces an existing file without replace, even when asked twice at once", () => {
    const dir = tempDir();
    const target = join(dir, "out.xlsx");
    writeFileSync(target, OLD);
    expect(() => writeFileAtomic(target, NEW, { replace: false })).toThrow(FileExistsError);
    expect(readFileSync(target).equals(Buffer.from(OLD))).toBe(true);
    expect(readdirSync(dir)).toEqual(["out.xlsx"]);
  });

  for (const replace of [true, false]) {
    it(`keeps the old file or writes the new one whole, failing at every system call (replace: ${replace})`, () => {
      const probe = faultyFs(null);
      const dir0 = tempDir();
      writeFileAtomic(join(dir0, "out.xlsx"), NEW, { replace }, probe.fs);
      const steps = probe.calls.length;
      expect(steps).toBeGreaterThanOrEqual(6); // open, write…, fsync, close, rename/link(+unlink), dir fsync

      for (let failAt = 1; failAt <= steps; failAt++) {
        const dir = tempDir();
        const target = join(dir, "out.xlsx");
        // With replace, a good old file exists; without, the target is new.
        if (replace) writeFileSync(target, OLD);
        const { fs, calls } = faultyFs(failAt);
        let threw = false;
        try {
          writeFileAtomic(target, NEW, { replace }, fs);
        } catch (e) {
          threw = true;
          expect((e as { code?: string }).code).toBe("ENOSPC");
        }
        const failed = calls[failAt - 1];
        const now = nodeFs.existsSync(target) ? readFileSync(target) : null;
        if (threw) {
          // The target is exactly as before: the old file, or none.
          if (replace) expect(now?.equals(Buffer.from(OLD)), `failing at ${failed}`).toBe(true);
          else expect(now, `failing at ${failed}`).toBeNull();
        } else {
          expect(now?.equals(Buffer.from(NEW)), `failing at ${failed}`).toBe(true);
        }
        // No half-written temporary file is left behind (a failed unlink of an already
        // linked temp leaves a complete copy, which is harmless but still tidied when possible).
        const others = readdirSync(dir).filter((f) => f !== "out.xlsx");
        if (failed !== "unlinkSync") expect(others, `failing at ${failed}`).toEqual([]);
      }
    });
  }
});

describe("readFileCapped", () => {
  it("reads a file up to the cap exactly, and refuses one byte more", () => {
    const dir = tempDir();
    const file = join(dir, "s.json");
    writeFileSync(file, "x".repeat(1000));
    expect(readFileCapped(file, 1000)).toHaveLength(1000);
    expect(() => readFileCapped(file, 999)).toThrow(FileTooLargeError);
  });

  it.skipIf(!nodeFs.existsSync("/dev/zero"))(
    "stops reading /dev/zero at the cap instead of growing without end",
    () => {
      expect(() => readFileCapped("/dev/zero", 4 * 1024 * 1024)).toThrow(FileTooLargeError);
    }
  );

  it.skipIf(!nodeFs.existsSync("/dev/zero"))(
    "validate /dev/zero: exit 3 and one line naming the cap (reproduction 5 of issue 17)",
    async () => {
      let err = "";
      const io = { ...processIo, out: () => undefined, err: (t: string) => void (err += t) };
      const before = process.memoryUsage().rss;
      expect(await main(["validate", "/dev/zero"], io)).toBe(3);
      expect(err).toBe(
        "/dev/zero: larger than 64 MiB, more than any scenario; check that this is the right file.\n"
      );
      // Bounded: at most the cap (64 MiB) and its copy were held, not gigabytes.
      expect(process.memoryUsage().rss - before).toBeLessThan(400 * 1024 * 1024);
    }
  );
});
