/**
 * `hyperv-tco pack INSTANCE.vbp [--json]`: the packing core on a standard vector-packing
 * instance, through `runPack` with an in-memory CliIo, and on a real file of the
 * Caprara–Toth set when the shared data is present.
 */
import { memoryIo, type MemoryIo } from "../support/memoryIo";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { runPack } from "../../src/cli/commands/pack";
import { processIo, type CliIo } from "../../src/cli/io";
import { hasShared, shared } from "../support/paths";

const fakeIo = (files: Record<string, string> = {}): MemoryIo => memoryIo(files);

// 2 dimensions, capacity 10 × 10, 3 item types: (6,2)×2, (4,8)×2, (11,1)×1 (too big).
// Pairs (6,2)+(4,8) = (10,10) fill a bin exactly → 2 bins; lower bound ⌈20/10⌉ = 2.
const INSTANCE = "2\n10 10\n3\n6 2 2\n4 8 2\n11 1 1\n";

describe("pack", () => {
  it("prints exactly {bins, lowerBound, assignment} with --json, items expanded in file order", async () => {
    const io = fakeIo({ "i.vbp": INSTANCE });
    expect(await runPack(["i.vbp", "--json"], io)).toBe(0);
    const json = JSON.parse(io.stdout()) as {
      bins: number;
      lowerBound: number;
      assignment: number[];
    };
    expect(Object.keys(json)).toEqual(["bins", "lowerBound", "assignment"]);
    expect(json.bins).toBe(2);
    expect(json.lowerBound).toBe(2);
    expect(json.assignment).toHaveLength(5);
    expect(json.assignment[4]).toBe(-1);
    // Each bin holds one (6,2) and one (4,8).
    const [a, b, c, d] = json.assignment as [number, number, number, number];
    expect(new Set([a, b])).toEqual(new Set([0, 1]));
    expect(new Set([c, d])).toEqual(new Set([0, 1]));
    expect(io.stderr()).toBe("");
  });

  it("prints bins and the lower bound for people", async () => {
    const io = fakeIo({ "i.vbp": INSTANCE });
    expect(await runPack(["i.vbp"], io)).toBe(0);
    expect(io.stdout()).toContain(
      "i.vbp: 5 items in 2 dimensions, bin capacity 10 × 10\nbins: 2\nlower bound: 2 (optimal)\n"
    );
    expect(io.stdout()).toContain(
      "1 item(s) exceed an empty bin and were not packed (assignment -1)."
    );
  });

  it("rejects a malformed file with a clear message and exit 2", async () => {
    const io = fakeIo({ "bad.vbp": "2\n10 10\n3\n6 2 2\n" });
    expect(await runPack(["bad.vbp"], io)).toBe(2);
    expect(io.stderr()).toBe(
      "bad.vbp: not a valid VBP instance: The VBP text ends early: expected 13 numbers, found 7.\n"
    );
    expect(io.stdout()).toBe("");
  });

  it("rejects a missing file with exit 3 and text that is not numbers with exit 2", async () => {
    const missing = fakeIo();
    expect(await runPack(["nope.vbp", "--json"], missing)).toBe(3);
    expect(missing.stderr()).toBe("nope.vbp: no such file. Check the path.\n");
    const words = fakeIo({ "w.vbp": "two dimensions" });
    expect(await runPack(["w.vbp"], words)).toBe(2);
    expect(words.stderr()).toContain(
      'not a valid VBP instance: VBP token 1 ("two") is not a number.'
    );
  });

  it("prints usage for a missing file argument or an unknown option (exit 1)", async () => {
    const none = fakeIo();
    expect(await runPack([], none)).toBe(1);
    expect(none.stderr()).toContain("Usage: hyperv-tco pack INSTANCE.vbp [--json]");
    const unknown = fakeIo({ "i.vbp": INSTANCE });
    expect(await runPack(["i.vbp", "--fast"], unknown)).toBe(1);
    expect(unknown.stderr()).toContain("unknown option --fast");
  });

  describe("on real files", () => {
    const dir = mkdtempSync(join(tmpdir(), "hvtco-pack-"));
    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    it("reads a file from disk through the process io", async () => {
      const file = join(dir, "tiny.vbp");
      writeFileSync(file, INSTANCE);
      let out = "";
      const io: CliIo = { ...processIo, out: (t) => void (out += t), err: () => undefined };
      expect(await runPack([file, "--json"], io)).toBe(0);
      expect(JSON.parse(out)).toMatchObject({ bins: 2, lowerBound: 2 });
    });

    it.skipIf(!hasShared("data", "vector-packing", "ct2dvpp", "CL_1_25_1.vbp"))(
      "packs Caprara–Toth CL_1_25_1 into its known optimum of 6 bins",
      async () => {
        let out = "";
        const io: CliIo = { ...processIo, out: (t) => void (out += t), err: () => undefined };
        expect(
          await runPack(
            [shared("data", "vector-packing", "ct2dvpp", "CL_1_25_1.vbp"), "--json"],
            io
          )
        ).toBe(0);
        const json = JSON.parse(out) as { bins: number; lowerBound: number; assignment: number[] };
        expect(json.bins).toBe(6); // ct2dvpp_optima.csv: opt 6
        expect(json.lowerBound).toBeLessThanOrEqual(6);
        expect(json.assignment).toHaveLength(25);
      }
    );
  });
});
