/**
 * `buildReport(scenario, analysis)`: the whole report as a `WorkbookPlan` — pure data that
 * the Office.js writer and the .xlsx writer render without deciding anything, each sheet
 * tagged as the planner's (`ownershipTags.ts`).
 */
import { defaultSections, type Scenario } from "../scenario";
import type { Analysis } from "../tco/types";
import { formatsFor } from "./formats";
import { assumptionsRegister } from "./assumptions";
import { finishSheet } from "./print";
import { buildAssumptionsSheet } from "./sheets/assumptionsSheet";
import { withOwnershipTags } from "./ownershipTags";
import type { WorkbookPlan } from "./workbookPlan";
import { buildCapacitySheet } from "./sheets/capacitySheet";
import { buildCashflowSheet } from "./sheets/cashflowSheet";
import { buildHostsSheet } from "./sheets/hostsSheet";
import { buildInputsSheet } from "./sheets/inputsSheet";
import { buildInventorySheet } from "./sheets/inventorySheet";
import { buildLicensingSheet } from "./sheets/licensingSheet";
import { buildSensitivitySheet } from "./sheets/sensitivitySheet";
import { buildSummarySheet } from "./sheets/summarySheet";

export const GENERATOR = "Hyper-V TCO Planner 0.1.0";

export function buildReport(scenario: Scenario, analysis: Analysis): WorkbookPlan {
  const formats = formatsFor(scenario.currency);
  const inputs = buildInputsSheet(scenario, formats);
  const inventory = buildInventorySheet(scenario, analysis, formats, inputs.nameOf);
  const hosts = buildHostsSheet(analysis, formats);
  const capacity = buildCapacitySheet(
    analysis,
    formats,
    inputs.nameOf,
    inputs.refOf,
    hosts?.hostRefs
  );
  const licensing = buildLicensingSheet(analysis, formats, inputs.nameOf);
  const cashflow = buildCashflowSheet(
    analysis,
    formats,
    inputs.nameOf,
    capacity.seriesCells,
    hosts?.hostRefs
  );
  const sensitivity = buildSensitivitySheet(analysis, formats);
  const summary = buildSummarySheet(analysis, formats, cashflow, capacity, licensing, sensitivity);
  const assumptions = buildAssumptionsSheet(
    assumptionsRegister(
      scenario,
      scenario.imported?.assumptions ?? [],
      defaultSections(scenario.platform)
    )
  );
  return withOwnershipTags({
    generator: GENERATOR,
    scenarioName: scenario.name,
    sheets: [
      summary,
      assumptions,
      inputs.sheet,
      inventory,
      capacity.sheet,
      licensing.sheet,
      cashflow.sheet,
      ...(hosts ? [hosts.sheet] : []),
      sensitivity.sheet,
    ].map((sheet) => finishSheet(sheet, scenario.name, GENERATOR)),
    definedNames: inputs.names,
  });
}
