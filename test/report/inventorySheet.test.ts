import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { cellAddress, parseRange } from "../../src/report/a1";
import { buildReport } from "../../src/report/build";
import { hostRuns } from "../../src/report/sheets/inventorySheet";
import type { SheetPlan } from "../../src/report/workbookPlan";
import { parseScenario } from "../../src/scenario";
import { analyze } from "../../src/tco";
import { REPO_ROOT } from "../support/paths";

describe("hostRuns", () => {
  it("writes runs of three or more hosts as ranges", () => {
    expect(hostRuns([3])).toBe("3");
    expect(hostRuns([1, 2])).toBe("1, 2");
    expect(hostRuns([1, 2, 3, 4, 7, 9, 10, 11, 12])).toBe("1–4, 7, 9–12");
  });
});

/** An example's scenario file, as JSON. */
const example = (name: string): { inventory: Record<string, unknown>[] } =>
  JSON.parse(readFileSync(join(REPO_ROOT, "assets", "examples", `${name}.json`), "utf8"));

/** The scenario read from `json`, its analysis, and the report's inventory sheet. */
function inventorySheetOf(json: unknown) {
  const read = parseScenario(json);
  if (!read.ok) throw new Error(JSON.stringify(read.issues));
  const analysis = analyze(read.scenario, { sensitivity: false });
  const sheet = buildReport(read.scenario, analysis).sheets.find(
    (s) => s.name === "TCO Inventory"
  )!;
  return { scenario: read.scenario, analysis, sheet, rows: sheet.blocks[0]!.cells };
}

/** Every cell a right-aligned style of `sheet` covers (one row per range here). */
function rightAlignedCells(sheet: SheetPlan): Set<string> {
  const right = new Set<string>();
  for (const s of sheet.styles)
    if (s.style.horizontalAlignment === "right") {
      const r = parseRange(s.range);
      for (let c = r.left; c <= r.right; c++) right.add(cellAddress(r.top, c));
    }
  return right;
}

describe("the inventory sheet's placement column", () => {
  const { scenario, analysis, sheet, rows } = inventorySheetOf(example("leaving-vmware-2027"));
  const column = rows[0]!.findIndex((c) => c.v === "Placement (recommended option)");

  it("says how many VMs of each row go to which hosts, each host once", () => {
    const rec = analysis.options.find((o) => o.id === analysis.recommended)!;
    scenario.inventory.forEach((row, i) => {
      const vms = rec.capacity.vms.filter((v) => v.row === i).map((v) => v.id);
      const hosts = rec.capacity.hostPlans
        .filter((h) => h.vmIds.some((id) => vms.includes(id)))
        .map((h) => h.index + 1);
      const placement = String(rows[1 + i]![column]!.v);
      expect(placement).toBe(
        `${row.count} VMs on host${hosts.length === 1 ? "" : "s"} ${hostRuns(hosts)}`
      );
      expect(placement.length).toBeLessThan(40);
    });
  });

  it("right-aligns the headers of its number columns, not those of its text columns", () => {
    const right = rightAlignedCells(sheet);
    const header = rows[0]!.map((c) => String(c.v));
    const at = (label: string): string => {
      const column = header.indexOf(label);
      expect(column, label).toBeGreaterThanOrEqual(0);
      return cellAddress(0, column);
    };
    expect(right.has(at("Count"))).toBe(true);
    expect(right.has(at("CPU demand at peak (GHz)"))).toBe(true);
    expect(right.has(at("Name"))).toBe(false);
    expect(right.has(at("Placement (recommended option)"))).toBe(false);
  });
});

describe("the inventory sheet of a small estate", () => {
  // One server, two, six more, and a column measured only on the last row (below the first 5).
  const base = example("book-example");
  const row = base.inventory[0]!;
  const json = {
    ...base,
    inventory: [
      { ...row, name: "ONE", count: 1 },
      { ...row, name: "TWO", count: 2 },
      ...[3, 4, 5, 6, 7, 8].map((i) => ({ ...row, name: `PLAIN${i}`, count: 1 })),
      { ...row, name: "MEASURED", count: 1, measuredCpuUtilization: "0.2" },
    ],
  };
  const { sheet, rows } = inventorySheetOf(json);
  const header = rows[0]!.map((c) => String(c.v));

  it("says 'VM on host N' for one VM and 'on host N' for VMs on one host", () => {
    const placement = header.indexOf("Placement (recommended option)");
    const texts = rows.slice(1).map((r) => String(r[placement]!.v));
    expect(texts[0]).toMatch(/^VM on host \d+$/);
    expect(texts[1]).toMatch(/^2 VMs on hosts? \d+(, \d+)?$/);
  });

  it("right-aligns the header of a number column blank in its first rows", () => {
    const column = header.findIndex((h) => /measured cpu/i.test(h));
    expect(column).toBeGreaterThanOrEqual(0);
    expect(rows[1]![column]!.v).toBeNull();
    expect(rightAlignedCells(sheet).has(cellAddress(0, column))).toBe(true);
  });
});
