import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { cellAddress, parseCell, parseRange } from "../../src/report/a1";
import { buildReport } from "../../src/report/build";
import { COLORS } from "../../src/report/formats";
import { formula, headerRow, newGrid, num, put, stylesOf, text } from "../../src/report/grid";
import type { PlanCell } from "../../src/report/workbookPlan";
import { parseScenario } from "../../src/scenario";
import { analyze } from "../../src/tco";
import { REPO_ROOT } from "../support/paths";

describe("headerRow over a table", () => {
  it("right-aligns the headers of columns whose first value is a number, and only those", () => {
    const g = newGrid();
    headerRow(g, 3, 0, ["Host", "CPU used", "Cluster", "Windows VMs"]);
    // Row 4: a name, a percentage, a blank cluster (its value starts a row lower), a formula.
    put(g, 4, 0, text("Host 1"));
    put(g, 4, 1, num(0.63, "0%"));
    put(g, 5, 2, text("Cluster 1"));
    put(g, 4, 3, formula("=SUM(E5:F5)", 16));
    const right = stylesOf(g)
      .filter((s) => s.style.horizontalAlignment === "right")
      .map((s) => s.range);
    expect(right).toEqual(["B4", "D4"]);
  });

  it("leaves a header alone when the caller chose its alignment", () => {
    const g = newGrid();
    headerRow(g, 0, 0, ["Year 0"], { horizontalAlignment: "center" });
    put(g, 1, 0, num(10));
    expect(stylesOf(g).filter((s) => s.style.horizontalAlignment === "right")).toEqual([]);
  });
});

describe("every sheet of every example", () => {
  it("puts no header on the left of a column of numbers", () => {
    const misplaced: string[] = [];
    for (const name of readdirSync(join(REPO_ROOT, "assets", "examples")).filter((f) =>
      f.endsWith(".json")
    )) {
      const read = parseScenario(
        JSON.parse(readFileSync(join(REPO_ROOT, "assets", "examples", name), "utf8"))
      );
      if (!read.ok) throw new Error(JSON.stringify(read.issues));
      const plan = buildReport(read.scenario, analyze(read.scenario));
      for (const sheet of plan.sheets) {
        const at = new Map<string, PlanCell>();
        for (const block of sheet.blocks) {
          const origin = parseCell(block.topLeft);
          block.cells.forEach((cells, r) =>
            cells.forEach((c, k) => at.set(cellAddress(origin.row + r, origin.col + k), c))
          );
        }
        const aligned = new Set<string>();
        for (const s of sheet.styles)
          if (s.style.horizontalAlignment !== undefined && s.style.horizontalAlignment !== "left")
            forEachCell(s.range, (a) => aligned.add(a));
        for (const s of sheet.styles) {
          if (s.style.fill !== COLORS.headerFill) continue;
          forEachCell(s.range, (address) => {
            const { row, col } = parseCell(address);
            const header = at.get(address);
            if (typeof header?.v !== "string" || header.v === "") return;
            let below: PlanCell | undefined;
            for (let r = row + 1; r <= row + 5 && below === undefined; r++) {
              const c = at.get(cellAddress(r, col));
              if (c !== undefined && c.v !== null && c.v !== "") below = c;
            }
            if (typeof below?.v === "number" && !aligned.has(address))
              misplaced.push(`${name} ${sheet.name}!${address} "${header.v}"`);
          });
        }
      }
    }
    expect(misplaced).toEqual([]);
  });
});

function forEachCell(range: string, each: (address: string) => void): void {
  const r = parseRange(range);
  for (let row = r.top; row <= r.bottom; row++)
    for (let col = r.left; col <= r.right; col++) each(cellAddress(row, col));
}
