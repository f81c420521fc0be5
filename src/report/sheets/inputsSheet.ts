/**
 * `TCO Inputs`: every assumption in one place, one per row, each value cell a defined name
 * (`hv_DiscountRate`), with its unit, the source of its default and its JSON path (the key
 * the reader uses). Users edit column C; every money formula in the report reads from here.
 */
import { Dec } from "../../money";
import {
  DEFAULT_SOURCES,
  INPUT_FIELDS,
  SECTIONS,
  definedNameOf,
  valueAt,
  type FieldPath,
  type FieldSpec,
  type Scenario,
} from "../../scenario";
import { cellAddress, sheetRef } from "../a1";
import { COLORS, type Formats } from "../formats";
import { newGrid, putRow, sheetTitle, style, stylesOf, text, toBlocks } from "../grid";
import { INPUTS_LAYOUT, LIST_SEPARATOR, SHEETS } from "../sheetLayout";
import type { DefinedNamePlan, PlanCell, SheetPlan } from "../workbookPlan";

export interface InputsSheet {
  readonly sheet: SheetPlan;
  readonly names: readonly DefinedNamePlan[];
  /** Defined name of each input path (`housing.pue` → `hv_Pue`). */
  readonly nameOf: ReadonlyMap<FieldPath, string>;
  /**
   * The cell of each input path (`'TCO Inputs'!$C$40`): formulas that test an optional input
   * for blank read the cell itself (a name's value is 0 for a blank cell in some engines).
   */
  readonly refOf: ReadonlyMap<FieldPath, string>;
}

/** How a field's number reads in the workbook: money, a percentage (ratios), or as it is. */
export function fieldFormat(field: FieldSpec, formats: Formats): string {
  if (field.kind === "money") return formats.money;
  if (field.kind === "ratio") return "0.00%";
  return "General";
}

/** A scenario value as the cell it is written to. */
export function inputCell(field: FieldSpec, value: unknown, formats: Formats): PlanCell {
  if (value instanceof Dec) return { v: value.toNumber(), fmt: fieldFormat(field, formats) };
  if (Array.isArray(value)) return { v: value.join(LIST_SEPARATOR) };
  if (typeof value === "number" || typeof value === "boolean" || typeof value === "string")
    return { v: value };
  return { v: null };
}

export function buildInputsSheet(scenario: Scenario, formats: Formats): InputsSheet {
  const g = newGrid();
  const names: DefinedNamePlan[] = [];
  const nameOf = new Map<FieldPath, string>();
  const refOf = new Map<FieldPath, string>();
  sheetTitle(
    g,
    `Inputs — ${scenario.name}`,
    "Edit the yellow cells: every cost in the report is a formula over them. Quantities from the capacity engine (hosts, licences) need Generate again."
  );
  const header = INPUTS_LAYOUT.headerRow - 1;
  putRow(
    g,
    header,
    0,
    ["Section", "Input", "Value", "Unit", "Source of the default", "Key"].map((h) => text(h))
  );
  style(g, header, 0, header, 5, { bold: true, fill: COLORS.headerFill, borderBottom: true });

  let row = INPUTS_LAYOUT.firstRow - 1;
  const titles = new Map(SECTIONS.map((s) => [s.key, s.title]));
  for (const { path, section: sectionKey, field } of INPUT_FIELDS) {
    const sectionTitle = sectionKey === null ? "Scenario" : (titles.get(sectionKey) ?? sectionKey);
    const name = definedNameOf(sectionKey, field.key);
    const source = DEFAULT_SOURCES[path] ?? field.help;
    putRow(g, row, 0, [
      text(sectionTitle),
      text(field.label),
      inputCell(field, valueAt(scenario, path), formats),
      text(
        field.unit === "currency"
          ? scenario.currency
          : field.unit.replace("currency", scenario.currency)
      ),
      text(source),
      text(path),
    ]);
    const ref = sheetRef(SHEETS.inputs, cellAddress(row, 2));
    names.push({ name, ref, comment: field.help });
    nameOf.set(path, name);
    refOf.set(path, ref);
    row++;
  }
  const last = row - 1;
  style(g, INPUTS_LAYOUT.firstRow - 1, 2, last, 2, { fill: COLORS.inputFill });
  style(g, INPUTS_LAYOUT.firstRow - 1, 4, last, 5, { fontColor: COLORS.muted });

  return {
    sheet: {
      name: SHEETS.inputs,
      purpose: "Assumptions (edit here)",
      tabColor: "#CA5010",
      columnWidths: [22, 34, 16, 14, 70, 34],
      blocks: toBlocks(g),
      styles: stylesOf(g),
      tables: [],
      charts: [],
      freeze: { rows: INPUTS_LAYOUT.headerRow, columns: 0 },
    },
    names,
    nameOf,
    refOf,
  };
}
