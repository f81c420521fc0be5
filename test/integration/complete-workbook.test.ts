/**
 * Every scenario that validates produces a complete workbook (issue 17, reproduction 1), with
 * more random scenarios than `npm test` runs and the real oracles: each package's parts
 * validate against the OOXML schemas (xmllint), and LibreOffice opens a sample of them with
 * every chart the plan asks for as a native chart. The same plans go through the Office.js
 * writer (the recording fake) in test/report/completeWorkbook.properties.test.ts.
 */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import JSZip from "jszip";
import { describe, expect, it } from "vitest";
import { withOwnershipTags } from "../../src/report/ownershipTags";
import { buildReport } from "../../src/report/build";
import { analyze, moneyLimitIssues } from "../../src/tco";
import { writeXlsx } from "../../src/xlsx";
import { convertTo, hasLibreOffice } from "../support/libreoffice";
import { hasShared } from "../support/paths";
import { odsCharts } from "../support/ods";
import { validScenario } from "../support/scenarioArbitrary";
import { hasXmllint, schemaFor, validateParts, type OoxmlSchema } from "../support/xmllint";
import { crossPartProblems, unzipParts } from "../xlsx/packageChecks";

describe.runIf((hasXmllint() && hasShared("schemas", "ooxml")) || process.env["CI"])(
  "complete workbooks for random valid scenarios",
  () => {
    it("24 scenarios: schema-valid, consistent packages; LibreOffice finds every chart in 4 of them", async () => {
      const scenarios = fc.sample(validScenario, { seed: 2017, numRuns: 24 });
      const dir = mkdtempSync(join(tmpdir(), "hvtco-complete-"));
      const failures: string[] = [];
      for (const [i, scenario] of scenarios.entries()) {
        const analysis = analyze(scenario);
        if (moneyLimitIssues(analysis).length > 0) continue;
        const plan = buildReport(scenario, analysis);
        const xlsx = await writeXlsx(withOwnershipTags(plan));
        const parts = await unzipParts(xlsx);
        failures.push(...crossPartProblems(parts).map((p) => `#${i}: ${p}`));
        const bySchema = new Map<OoxmlSchema, { name: string; xml: string }[]>();
        for (const [name, xml] of parts) {
          const schema = schemaFor(name);
          if (schema) bySchema.set(schema, [...(bySchema.get(schema) ?? []), { name, xml }]);
        }
        for (const [schema, list] of bySchema)
          for (const r of validateParts(list, schema))
            if (!r.ok) failures.push(`#${i} ${r.name}: ${r.errors.slice(0, 2).join(" | ")}`);

        if (i < 4 && hasLibreOffice()) {
          const path = join(dir, `s${i}.xlsx`);
          writeFileSync(path, xlsx);
          const ods = await JSZip.loadAsync(readFileSync(await convertTo(path, "ods", dir)));
          const charts = await odsCharts(ods);
          const expected = plan.sheets.reduce((n, s) => n + s.charts.length, 0);
          if (charts.length !== expected)
            failures.push(
              `#${i}: LibreOffice found ${charts.length} charts, the plan has ${expected}`
            );
        }
      }
      expect(failures).toEqual([]);
    });
  }
);
