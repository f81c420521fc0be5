/**
 * The leaving-VMware report as a file: the "Cost over time" chart — a line per path and one
 * column marking the renewal date — is schema-valid (xmllint against the OOXML schemas), passes
 * the golden README's cross-part checks, and draws from the summary's live data range.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { buildReport } from "../../src/report/build";
import { parseScenario } from "../../src/scenario";
import { analyze } from "../../src/tco";
import { writeXlsx } from "../../src/xlsx";
import { REPO_ROOT, hasShared } from "../support/paths";
import { hasXmllint, schemaFor, validateParts } from "../support/xmllint";
import { crossPartProblems, unzipParts } from "./packageChecks";

let parts: Map<string, string>;
let chartXml: string;
let chartCount: number;

beforeAll(async () => {
  const file = join(REPO_ROOT, "assets", "examples", "leaving-vmware-2027.json");
  const parsed = parseScenario(JSON.parse(readFileSync(file, "utf8")));
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
  const plan = buildReport(parsed.scenario, analyze(parsed.scenario, { sensitivity: false }));
  chartCount = plan.sheets.flatMap((x) => x.charts).length;
  parts = await unzipParts(await writeXlsx(plan));
  chartXml =
    [...parts].find(
      ([name, xml]) => /xl\/charts\/chart\d+\.xml$/.test(name) && xml.includes("Cost over time")
    )?.[1] ?? "";
});

describe("the cost-over-time chart of a VMware renewal", () => {
  it("is a line per path with the renewal date as one column, on shared axes", () => {
    expect(chartXml).toContain("Cost over time: staying vs each path (renewal 2027-09-30)");
    expect(chartXml.match(/<c:lineChart>/g)).toHaveLength(1);
    expect(chartXml.match(/<c:barChart>/g)).toHaveLength(1);
    // 6 paths (staying and five options) as lines, then the marker series in the bar group.
    expect(chartXml.match(/<c:ser>/g)).toHaveLength(7);
    expect(chartXml).toContain("Renewal date 2027-09-30");
  });

  it("passes the cross-part checks", () => {
    expect(crossPartProblems(parts)).toEqual([]);
  });

  it.skipIf(!hasShared("schemas", "ooxml") || !hasXmllint())(
    "validates against the DrawingML chart schema, as every chart part does",
    () => {
      const charts = [...parts]
        .filter(([name]) => schemaFor(name) === "dml-chart.xsd")
        .map(([name, xml]) => ({ name, xml }));
      expect(charts).toHaveLength(chartCount);
      const failures = validateParts(charts, "dml-chart.xsd").filter((r) => !r.ok);
      expect(failures.map((r) => `${r.name}: ${r.errors.join(" | ")}`)).toEqual([]);
    }
  );
});
