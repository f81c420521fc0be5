/**
 * `buildReport(scenario, analysis)`: the whole report as a `WorkbookPlan` — pure data that
 * the Office.js writer and the .xlsx writer render without deciding anything.
 */
import type { Scenario } from "../scenario";
import type { Analysis } from "../tco/types";
import { formatsFor } from "./formats";
import type { WorkbookPlan } from "./plan";
import { buildCapacitySheet } from "./sheets/capacity";
import { buildCashflowSheet } from "./sheets/cashflow";
import { buildInputsSheet } from "./sheets/inputs";
import { buildInventorySheet } from "./sheets/inventory";
import { buildLicensingSheet } from "./sheets/licensing";
import { buildSensitivitySheet } from "./sheets/sensitivity";
import { buildSummarySheet } from "./sheets/summary";

export const GENERATOR = "Hyper-V TCO Planner 0.1.0";

export function buildReport(scenario: Scenario, analysis: Analysis): WorkbookPlan {
  const formats = formatsFor(scenario.currency);
  const inputs = buildInputsSheet(scenario, formats);
  const inventory = buildInventorySheet(scenario, analysis, formats, inputs.nameOf);
  const capacity = buildCapacitySheet(analysis, formats, inputs.nameOf, inputs.refOf);
  const licensing = buildLicensingSheet(analysis, formats, inputs.nameOf);
  const cashflow = buildCashflowSheet(analysis, formats, inputs.nameOf, capacity.seriesCells);
  const sensitivity = buildSensitivitySheet(analysis, formats);
  const summary = buildSummarySheet(analysis, formats, cashflow, capacity, licensing, sensitivity);
  return {
    generator: GENERATOR,
    scenarioName: scenario.name,
    sheets: [
      summary,
      inputs.sheet,
      inventory,
      capacity.sheet,
      licensing.sheet,
      cashflow.sheet,
      sensitivity.sheet,
    ],
    definedNames: inputs.names,
  };
}
