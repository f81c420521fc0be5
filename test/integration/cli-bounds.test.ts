/**
 * The command line as a real process against what users and machines do to it (issue 17,
 * reproductions 2 and 5): a zip bomb and `/dev/zero` are refused with the process's peak
 * memory bounded, and `report --force` killed with SIGKILL at any moment leaves either the
 * old workbook, byte for byte, or a complete new one — never a broken file.
 */
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import JSZip from "jszip";
import { describe, expect, it } from "vitest";
import { defaultScenarioJson } from "../../src/scenario";
import { REPO_ROOT } from "../support/paths";

const BIN = join(REPO_ROOT, "src", "cli", "bin.cjs");

/** Run the CLI in a child Node that prints its peak RSS (MiB) on exit, on stderr's last line. */
function runMeasured(args: readonly string[]): {
  status: number | null;
  stderr: string;
  peakMiB: number;
} {
  const script = `process.on("exit", () => process.stderr.write("\\nPEAK " + Math.round(process.resourceUsage().maxRSS / 1024) + "\\n")); require(${JSON.stringify(BIN)});`;
  // With -e, argv has no script path: "bin" stands in for it (main reads argv from index 2).
  const r = spawnSync(process.execPath, ["-e", script, "--", "bin", ...args], {
    encoding: "utf8",
    timeout: 170_000,
    cwd: REPO_ROOT,
  });
  const peak = /PEAK (\d+)\s*$/.exec(r.stderr);
  return {
    status: r.status,
    stderr: r.stderr.replace(/\nPEAK \d+\s*$/, ""),
    peakMiB: Number(peak?.[1] ?? NaN),
  };
}

describe("bounded work, as a real process", () => {
  it("refuses a zip bomb (300 MiB of blanks in a few hundred KB) before parsing it, in bounded memory", async () => {
    const dir = mkdtempSync(join(tmpdir(), "hvtco-bomb-"));
    const zip = new JSZip();
    zip.file("[Content_Types].xml", "<Types/>");
    zip.file("xl/workbook.xml", "<workbook/>");
    zip.file("xl/worksheets/sheet1.xml", `<worksheet>${" ".repeat(300 * 1024 * 1024)}</worksheet>`);
    const bomb = await zip.generateAsync({
      type: "uint8array",
      compression: "DEFLATE",
      compressionOptions: { level: 9 },
    });
    expect(bomb.length).toBeLessThan(1024 * 1024);
    const path = join(dir, "bomb.xlsx");
    writeFileSync(path, bomb);
    const r = runMeasured(["import", path]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("unpacks to more than 256 MiB");
    // Before: 945 MB for a 384 KB bomb. Now the stream stops at the cap, chunk by chunk.
    expect(r.peakMiB).toBeLessThan(400);
  });

  it.skipIf(!existsSync("/dev/zero"))(
    "validate /dev/zero: exit 3 at the 64 MiB cap, not 8 GB later",
    () => {
      const r = runMeasured(["validate", "/dev/zero"]);
      expect(r.status).toBe(3);
      expect(r.stderr).toBe(
        "/dev/zero: larger than 64 MiB, more than any scenario; check that this is the right file.\n"
      );
      expect(r.peakMiB).toBeLessThan(400);
    }
  );
});

describe("report --force killed at any moment", () => {
  it(
    "leaves the old workbook byte for byte, or a complete new one",
    { timeout: 600_000 },
    async () => {
      const dir = mkdtempSync(join(tmpdir(), "hvtco-kill-"));
      const scenario = join(dir, "s.json");
      const out = join(dir, "out.xlsx");
      const json = defaultScenarioJson(
        "ws2022",
        Array.from({ length: 300 }, (_, i) => ({
          name: `VM-${i}`,
          count: 1,
          cores: 2 + (i % 6),
          cpuGhz: "2.4",
          memoryGiB: String(4 + (i % 30)),
        }))
      );
      writeFileSync(scenario, JSON.stringify(json));
      // A good report first, and how long a run takes.
      const t0 = Date.now();
      const first = spawnSync(process.execPath, [BIN, "report", scenario, "-o", out], {
        encoding: "utf8",
        timeout: 170_000,
      });
      expect(first.status, first.stderr).toBe(0);
      const runMs = Date.now() - t0;

      let old = readFileSync(out);
      let replaced = 0;
      for (const share of [0.3, 0.6, 0.85, 0.95, 1.05]) {
        const child = spawn(process.execPath, [BIN, "report", scenario, "-o", out, "--force"], {
          stdio: "ignore",
        });
        // Listen before waiting: a run that ends before the kill must still be seen to end.
        const exited = new Promise((resolve) => child.on("exit", resolve));
        await new Promise((resolve) => setTimeout(resolve, Math.round(runMs * share)));
        child.kill("SIGKILL");
        await exited;
        const now = readFileSync(out);
        if (!now.equals(old)) {
          // Replaced: then it is a whole workbook.
          const zip = await JSZip.loadAsync(now);
          expect(zip.file("xl/workbook.xml")).not.toBeNull();
          expect(
            Object.keys(zip.files).filter((f) => f.startsWith("xl/charts/chart")).length
          ).toBeGreaterThan(0);
          old = now;
          replaced++;
        }
      }
      // Only hidden temporary files may remain beside it (a killed process cannot tidy up).
      expect(
        readdirSync(dir)
          .filter((f) => !f.startsWith("."))
          .sort()
      ).toEqual(["out.xlsx", "s.json"]);
      // The kills landed at different moments; the property holds whichever did or did not finish.
      expect(replaced).toBeGreaterThanOrEqual(0);
    }
  );
});
