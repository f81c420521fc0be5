import { describe, expect, it } from "vitest";
import { formula, headerRow, newGrid, num, put, text, toBlocks } from "../../src/report/grid";

describe("headerRow over a table", () => {
  it("right-aligns the headers of columns whose first value is a number, and only those", () => {
    const g = newGrid();
    headerRow(g, 3, 0, ["Host", "CPU used", "Cluster", "Windows VMs"]);
    // Row 4: a name, a percentage, a blank cluster (its value starts a row lower), a formula.
    put(g, 4, 0, text("Host 1"));
    put(g, 4, 1, num(0.63, "0%"));
    put(g, 5, 2, text("Cluster 1"));
    put(g, 4, 3, formula("=SUM(E5:F5)", 16));
    toBlocks(g);
    const right = g.styles
      .filter((s) => s.style.horizontalAlignment === "right")
      .map((s) => s.range);
    expect(right).toEqual(["B4", "D4"]);
  });

  it("leaves a header alone when the caller chose its alignment", () => {
    const g = newGrid();
    headerRow(g, 0, 0, ["Year 0"], { horizontalAlignment: "center" });
    put(g, 1, 0, num(10));
    toBlocks(g);
    expect(g.styles.filter((s) => s.style.horizontalAlignment === "right")).toEqual([]);
  });
});
