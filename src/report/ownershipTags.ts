/**
 * Ownership tags: the report marks every sheet it writes as the planner's with one hidden
 * workbook-scoped defined name, `hvtco_own_<role>` → `='TCO Summary'!$1:$1048576` (the whole
 * sheet), where the role is the plan's own name for the sheet. `buildReport` adds them to
 * every plan, so all three consumers carry them: the .xlsx writer (CLI and the pane's
 * download) writes them as names, the Office.js writer writes them through its swap (under a
 * temporary tag until every sheet is in place), and a workbook written by either is
 * recognised as the planner's when the add-in opens it later. Why a defined name, and how the
 * Office.js writer uses the tags: `src/excel/ownership.ts`.
 */
import { quoteSheet } from "./a1";
import type { WorkbookPlan } from "./workbookPlan";

export const OWN_TAG_PREFIX = "hvtco_own_";

/** A role (sheet name) as the tail of a defined name: letters and digits kept, others `_hex_`. */
export function encodeRole(role: string): string {
  let out = "";
  for (const ch of role) {
    out += /^[A-Za-z0-9]$/.test(ch) ? ch : `_${(ch.codePointAt(0) as number).toString(16)}_`;
  }
  return out;
}

/** The role back from the tail of a tag's name. */
export function decodeRole(encoded: string): string {
  return encoded.replace(/_([0-9a-f]+)_/g, (_, hex: string) =>
    String.fromCodePoint(parseInt(hex, 16))
  );
}

/** The ownership tag's name for a sheet role (`TCO Summary` → `hvtco_own_TCO_20_Summary`). */
export const ownTagName = (role: string): string => `${OWN_TAG_PREFIX}${encodeRole(role)}`;

/** The tag's reference: the whole sheet, so row and column deletions never break it. */
export const sheetTagFormula = (sheet: string): string => `=${quoteSheet(sheet)}!$1:$1048576`;

/** True for a defined name that is one of the planner's ownership tags. */
export const isOwnershipTag = (name: string): boolean =>
  name.toLowerCase().startsWith(OWN_TAG_PREFIX);

/** The comment each tag carries in the workbook. */
export const OWNERSHIP_TAG_COMMENT = "Hyper-V TCO Planner: this sheet was written by the add-in.";

/** The plan with an ownership tag per sheet among its defined names (hidden). */
export function withOwnershipTags(plan: WorkbookPlan): WorkbookPlan {
  return {
    ...plan,
    definedNames: [
      ...plan.definedNames.filter((d) => !isOwnershipTag(d.name)),
      ...plan.sheets.map((s) => ({
        name: ownTagName(s.name),
        ref: sheetTagFormula(s.name).slice(1),
        hidden: true,
        comment: OWNERSHIP_TAG_COMMENT,
      })),
    ],
  };
}

/** The plan without its ownership tags (the Office.js writer writes them itself, in its swap). */
export function withoutOwnershipTags(plan: WorkbookPlan): WorkbookPlan {
  return { ...plan, definedNames: plan.definedNames.filter((d) => !isOwnershipTag(d.name)) };
}
