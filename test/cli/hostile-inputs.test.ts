/**
 * The nine reproductions of issue 17 ("Nothing a user types, imports or interrupts breaks a
 * workbook"), through the command line as a user meets them. Deeper tests per item:
 * 1 test/report/completeWorkbook.properties.test.ts · 2 test/cli/files.test.ts and
 * test/integration/cli-bounds.test.ts · 3 test/scenario/text.test.ts · 4
 * test/integration/irr-libreoffice.test.ts · 5 test/inventory/limits.test.ts and
 * test/integration/cli-bounds.test.ts · 6 test/inventory/limits.test.ts ·
 * 7 test/excel/failureInjection.test.ts · 8 test/tco/limits.test.ts.
 */
import { describe, expect, it } from "vitest";
import { main } from "../../src/cli/main";
import { FileTooLargeError } from "../../src/cli/files";
import { defaultScenarioJson } from "../../src/scenario";
import { memoryIo } from "../support/memoryIo";

type Json = Record<string, any>;

function scenario(edit: (j: Json) => void = () => undefined): string {
  const j = JSON.parse(JSON.stringify(defaultScenarioJson("ws2022"))) as Json;
  edit(j);
  return JSON.stringify(j);
}

describe("issue 17, reproduced through the CLI", () => {
  it("1. a scenario that validates writes its workbook: the only option ineligible, or every cost 0", async () => {
    for (const edit of [
      (j: Json) => (j["licensing"].options = ["hyperv-server"]),
      (j: Json) => {
        for (const s of ["host", "physical", "virtual", "housing", "manpower"])
          for (const k of Object.keys(j[s] as object))
            if (/price|Price|PerKWh|CostPer|PerCluster|PerHost|PerWindowsServer|HourlyRate/.test(k))
              j[s][k] = "0";
        for (const k of Object.keys(j["licensing"].prices as object))
          j["licensing"].prices[k] = "0";
      },
    ]) {
      const io = memoryIo({ "s.json": scenario(edit) });
      expect(await main(["validate", "s.json"], io)).toBe(0);
      expect(await main(["report", "s.json", "-o", "out.xlsx"], io)).toBe(0);
      expect(io.stderr()).toBe("");
      expect(io.files.has("out.xlsx")).toBe(true);
      // evaluate never points at a sheet: the CLI has none.
      const ev = memoryIo({ "s.json": scenario(edit) });
      expect(await main(["evaluate", "s.json"], ev)).toBe(0);
      expect(ev.stdout()).not.toMatch(/Licensing sheet/);
    }
  });

  it("2. --force never destroys a good report: a failed write leaves it as it was", async () => {
    const io = memoryIo({ "s.json": scenario(), "out.xlsx": "the good report" });
    const failing = {
      ...io,
      writeFile: () => {
        throw Object.assign(new Error("ENOSPC: no space left on device"), { code: "ENOSPC" });
      },
    };
    expect(await main(["report", "s.json", "-o", "out.xlsx", "--force"], failing)).toBe(3);
    expect(io.stderr()).toBe(
      "report: cannot write out.xlsx (the disk is full). Nothing was written; any file of that name is unchanged.\n"
    );
    expect(io.files.get("out.xlsx")).toBe("the good report");
  });

  it("3. a name with U+FFFE is refused with its place, not written into sharedStrings.xml", async () => {
    const io = memoryIo({ "s.json": scenario((j) => (j["inventory"][0].name = "FILE\uFFFE01")) });
    expect(await main(["report", "s.json", "-o", "out.xlsx"], io)).toBe(2);
    expect(io.stderr()).toBe(
      "s.json: 1 problem\ninventory[0].name: Remove the invisible character U+FFFE (character 5) from a unique name for the server or group: a workbook cannot store it.\n"
    );
    expect(io.files.has("out.xlsx")).toBe(false);
  });

  it("5. unbounded work is refused early: a scenario file past its cap, too many servers", async () => {
    const big = memoryIo({ "s.json": "x" });
    const capped = {
      ...big,
      readBytes: (path: string, limit: number) => {
        throw new FileTooLargeError(path, limit);
      },
    };
    expect(await main(["validate", "s.json"], capped)).toBe(3);
    expect(big.stderr()).toBe(
      "s.json: larger than 64 MiB, more than any scenario; check that this is the right file.\n"
    );

    // The zip bomb at the real cap, with the process's peak memory: test/integration/cli-bounds.test.ts.
    const many = memoryIo({
      "s.json": scenario((j) => {
        j["inventory"] = Array.from({ length: 3 }, (_, i) => ({
          name: `web-${i}`,
          count: 400_000,
          cores: 2,
          cpuGhz: "2.4",
          memoryGiB: "4",
        }));
      }),
    });
    expect(await main(["validate", "s.json"], many)).toBe(2);
    expect(many.stderr()).toContain(
      "inventory: The inventory stands for 1,200,000 servers (the sum of every row's count); a scenario plans at most 1,000,000. Split the estate into several scenarios."
    );
  }, 60_000);

  it("6. an import whose RAM is 2e15 GiB names the cell; the scenario it prints is valid", async () => {
    const io = memoryIo({ "x.csv": "Name,Cores,RAM (GiB)\nBIG,4,2e15\nok,2,8\n" });
    expect(await main(["import", "x.csv"], io)).toBe(0);
    expect(io.stderr()).toContain("x!C2 (RAM (GiB))");
    expect(io.stderr()).not.toMatch(/please report this/);
    const check = memoryIo({ "s.json": io.stdout() });
    expect(await main(["validate", "s.json"], check)).toBe(0);
  });

  it("8. totals past what a workbook holds to the cent are refused, naming the input", async () => {
    const io = memoryIo({ "s.json": scenario((j) => (j["host"].price = "999000000000000")) });
    expect(await main(["evaluate", "s.json"], io)).toBe(2);
    expect(io.stderr()).toMatch(
      /^s\.json: \d problems?\nhost\.price: .+ adds up to USD .+ × 10\^1\d; a workbook keeps money exact to the cent only up to USD 1,000,000,000,000 per option over the horizon\. Check host\.price/
    );
    expect(io.stdout()).toBe("");
  });

  it("9. messages: no '−USD 0 more' when nothing is consolidated; import exits 3 for a missing file", async () => {
    const io = memoryIo({
      "s.json": scenario((j) => {
        for (const r of j["inventory"] as Json[]) r["stayPhysical"] = true;
      }),
    });
    expect(await main(["evaluate", "s.json"], io)).toBe(0);
    expect(io.stdout()).not.toMatch(/−USD 0|USD 0 more/);
    expect(io.stdout()).toContain("None of the 8 servers can move to");
    const missing = memoryIo();
    expect(await main(["import", "nope.csv"], missing)).toBe(3);
    expect(await main(["validate", "nope.json"], missing)).toBe(3);
    expect(await main(["pack", "nope.vbp"], missing)).toBe(3);
  });
});
