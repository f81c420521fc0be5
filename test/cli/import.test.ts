/** `hyperv-tco import` with an in-memory CliIo: scenario on stdout, report on stderr, exit codes. */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runImport } from "../../src/cli/commands/import";
import { runValidate } from "../../src/cli/commands/validate";
import { FileTooLargeError } from "../../src/cli/files";
import type { CliIo } from "../../src/cli/io";
import { hostCatalogOptions, parseScenario } from "../../src/scenario";
import { hasShared, REPO_ROOT, shared } from "../support/paths";

/** An in-memory CliIo over a map of files; collects stdout and stderr. */
function memoryIo(
  files: Record<string, Uint8Array | string>
): CliIo & { stdout: string; stderr: string } {
  const io = {
    stdout: "",
    stderr: "",
    out(text: string) {
      io.stdout += text;
    },
    err(text: string) {
      io.stderr += text;
    },
    readBytes(path: string, limitBytes: number) {
      const f = files[path];
      if (f === undefined) throw new Error(`ENOENT: ${path}`);
      const bytes = typeof f === "string" ? new TextEncoder().encode(f) : f;
      if (bytes.length > limitBytes) throw new FileTooLargeError(path, limitBytes);
      return bytes;
    },
    writeFile(path: string, data: Uint8Array) {
      files[path] = data;
    },
    exists: (path: string) => files[path] !== undefined,
    isDirectory: () => false,
  };
  return io;
}

const MB_SAMPLE = "rvtools-mb-labels_rvtools-to-ibm-cloud_SizingWorkshop-RVTools.xlsx";
const fixture = (name: string): Uint8Array =>
  new Uint8Array(readFileSync(join(REPO_ROOT, "test", "fixtures", "inventory", name)));

describe.skipIf(!hasShared("data", "inventory-samples", MB_SAMPLE))(
  "import of a real RVTools sample",
  () => {
    const bytes = (): Uint8Array =>
      new Uint8Array(readFileSync(shared("data", "inventory-samples", MB_SAMPLE)));

    it("prints a complete scenario that parses, and the report on stderr", async () => {
      const io = memoryIo({ "in/sample.xlsx": bytes() });
      expect(await runImport(["in/sample.xlsx"], io)).toBe(0);
      const json = JSON.parse(io.stdout) as Record<string, unknown>;
      const parsed = parseScenario(json);
      expect(parsed.ok).toBe(true);
      if (parsed.ok) {
        expect(parsed.scenario.inventory).toHaveLength(763);
        expect(parsed.scenario.platform).toBe("ws2025");
        expect(parsed.scenario.name).toBe("Imported from sample.xlsx");
        // VMs exported from vCenter on a ws2025 scenario: the business case starts from renewing
        // VMware Cloud Foundation, the product Broadcom sells today (issue 12).
        expect(parsed.scenario.finance.baseline).toBe("vcf");
      }
      expect(io.stderr).toContain(
        "Import of sample.xlsx: RVTools vInfo (MB labels, before RVTools 4.1.2)"
      );
      expect(io.stderr).toContain("Read 805 rows of vInfo");
      expect(io.stderr).toContain("Left out 42 rows:");
      expect(io.stderr).toContain("10 VM templates");
      expect(io.stderr).toContain("RVTools records configuration, not performance");
    });

    it("honours --include-powered-off, --group and --platform, and validate accepts the output", async () => {
      const io = memoryIo({ "s.xlsx": bytes() });
      expect(
        await runImport(
          ["s.xlsx", "--include-powered-off", "--group", "--platform", "ws2008r2"],
          io
        )
      ).toBe(0);
      const json = JSON.parse(io.stdout) as { platform: string; inventory: { count: number }[] };
      expect(json.platform).toBe("ws2008r2");
      expect(json.inventory.reduce((n, r) => n + r.count, 0)).toBe(795);
      expect(json.inventory.length).toBeLessThan(795);
      expect(io.stderr).toContain("Grouped (identical servers):");

      const check = memoryIo({ "scenario.json": io.stdout });
      expect(await runValidate(["scenario.json"], check)).toBe(0);
      expect(check.stdout).toBe("scenario.json: valid\n");
    });
  }
);

const SAMPLES = ["rvtools-4x-mib_kubev2v-migration-planner_example1.xlsx", MB_SAMPLE];

describe.each(SAMPLES.filter((f) => hasShared("data", "inventory-samples", f)))(
  "import of the shared sample %s",
  (name) => {
    // The MiB sample's powered-on VMs are all Linux: the owned-licence notice then counts 0
    // Windows VMs, and the scenario must still parse (it once failed: "count must be at least 1").
    it("writes a scenario that validates, exit 0", async () => {
      const io = memoryIo({
        "in/s.xlsx": new Uint8Array(readFileSync(shared("data", "inventory-samples", name))),
      });
      expect(await runImport(["in/s.xlsx"], io)).toBe(0);
      const parsed = parseScenario(JSON.parse(io.stdout) as Record<string, unknown>);
      expect(parsed.ok ? [] : parsed.issues.map((i) => i.message)).toEqual([]);
    });
  }
);

describe("import command", () => {
  it("imports several CSV files of one RVTools export", async () => {
    const io = memoryIo({
      "RVTools_tabvInfo.csv": fixture("RVTools_tabvInfo.csv"),
      "RVTools_tabvHost.csv": fixture("RVTools_tabvHost.csv"),
    });
    expect(await runImport(["RVTools_tabvInfo.csv", "RVTools_tabvHost.csv"], io)).toBe(0);
    const json = JSON.parse(io.stdout) as { inventory: { name: string; cpuGhz: string }[] };
    expect(json.inventory.map((r) => [r.name, r.cpuGhz])).toEqual([
      ["web01", "2.095"],
      ["db01", "2.095"],
    ]);
  });

  it("--host-catalog adds the 2026 node catalog as hostOptions", async () => {
    const io = memoryIo({
      "RVTools_tabvInfo.csv": fixture("RVTools_tabvInfo.csv"),
      "RVTools_tabvHost.csv": fixture("RVTools_tabvHost.csv"),
    });
    expect(
      await runImport(["RVTools_tabvInfo.csv", "RVTools_tabvHost.csv", "--host-catalog"], io)
    ).toBe(0);
    const json = JSON.parse(io.stdout) as { hostOptions: { name: string }[] };
    expect(json.hostOptions.map((h) => h.name)).toEqual(hostCatalogOptions().map((h) => h["name"]));
  });

  it("a bad file: exit 2, one message on stderr, nothing on stdout", async () => {
    const cfb = new Uint8Array([
      0xd0,
      0xcf,
      0x11,
      0xe0,
      0xa1,
      0xb1,
      0x1a,
      0xe1,
      ...new Array(504).fill(0),
    ]);
    const io = memoryIo({ "locked.xlsx": cfb });
    expect(await runImport(["locked.xlsx"], io)).toBe(2);
    expect(io.stdout).toBe("");
    expect(io.stderr).toBe(
      "locked.xlsx: This workbook is password-protected (encrypted). Open it in Excel, remove the password (File › Info › Protect Workbook), save, and import again.\n"
    );
  });

  it("an unknown export: exit 2 with the expected headers named", async () => {
    const io = memoryIo({ "x.csv": fixture("unknown-export.csv") });
    expect(await runImport(["x.csv"], io)).toBe(2);
    expect(io.stdout).toBe("");
    expect(io.stderr).toMatch(
      /^x\.csv: No sheet has the columns of RVTools vInfo, Azure Migrate, Live Optics or MAP; expected e\.g\. 'VM', 'CPUs', 'Memory'/
    );
  });

  it("nothing left to import: exit 2 and the hint to include powered-off VMs", async () => {
    const io = memoryIo({ "off.csv": "VM,Powerstate,CPUs,Memory\nold,poweredOff,2,2048\n" });
    expect(await runImport(["off.csv"], io)).toBe(2);
    expect(io.stdout).toBe("");
    expect(io.stderr).toContain(
      "No server was imported. 1 VM was left out as powered off or suspended: add --include-powered-off to import them."
    );
    const again = memoryIo({ "off.csv": "VM,Powerstate,CPUs,Memory\nold,poweredOff,2,2048\n" });
    expect(await runImport(["off.csv", "--include-powered-off"], again)).toBe(0);
  });

  it("missing file (exit 3, like every command) and usage errors", async () => {
    const io = memoryIo({});
    expect(await runImport(["nope.xlsx"], io)).toBe(3);
    expect(io.stderr).toBe("nope.xlsx: no such file. Check the path.\n");
    expect(await runImport([], memoryIo({}))).toBe(1);
    expect(await runImport(["a.csv", "--platform", "ws2030"], memoryIo({ "a.csv": "x" }))).toBe(1);
    expect(await runImport(["a.csv", "--bogus"], memoryIo({ "a.csv": "x" }))).toBe(1);
  });
});
