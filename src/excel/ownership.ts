/**
 * Which sheets are the planner's, and where each sheet of a plan goes (pure: no Office).
 *
 * Ownership tag (named in `report/ownershipTags.ts`, which puts them into every plan): one
 * hidden workbook-scoped defined name per sheet the planner created,
 * `hvtco_own_<role>` → `='TCO Summary'!$1:$1048576` (the whole sheet), where the role is the
 * plan's own name for the sheet. Why a workbook name (ExcelApi 1.1; `formula` 1.7):
 * - it is stored in the file, so it survives save/reopen on every platform, and the .xlsx
 *   writer can emit the same tag;
 * - Excel keeps it pointing at the sheet when the sheet is renamed or moved, and turns it into
 *   `#REF!` when the sheet is deleted — a user's new sheet of the same name is never "ours";
 * - copying the sheet does not copy it (workbook names stay with the original);
 * - all tags load with one `workbook.names.load(...)` in the first sync.
 * (Worksheet ids in workbook settings were the alternative: settings are per add-in id, and
 * ids are not documented to be stable across sessions or unique over time.)
 *
 * A run writes every new sheet under a temporary `~` name and renames it in only after every
 * write succeeded; where it replaces an existing sheet, the new one is tagged
 * `hvtco_new<run>_<role>` meanwhile. A sheet still carrying a `hvtco_new…` tag at the next run
 * is a leftover of a failed run and is removed.
 */
import {
  OWN_TAG_PREFIX,
  decodeRole,
  encodeRole,
  isOwnershipTag,
  ownTagName,
} from "../report/ownershipTags";
import type { WorkbookPlan } from "../report/workbookPlan";
import { referencedSheets } from "./planRefs";

export {
  OWN_TAG_PREFIX,
  decodeRole,
  encodeRole,
  isOwnershipTag,
  ownTagName,
  sheetTagFormula,
} from "../report/ownershipTags";
export const NEW_TAG_PREFIX = "hvtco_new";
/** Excel's limit on sheet-name length. */
export const MAX_SHEET_NAME = 31;

export const newTagName = (run: string, role: string): string =>
  `${NEW_TAG_PREFIX}${run}_${encodeRole(role)}`;

export interface TagInfo {
  /** The defined name. */
  readonly name: string;
  readonly kind: "own" | "new";
  readonly role: string;
  /** The sheet it points at now, or null when the sheet is gone (`#REF!`). */
  readonly sheet: string | null;
}

/** The planner's tags among a workbook's names. */
export function readTags(names: readonly { name: string; formula: string }[]): TagInfo[] {
  const tags: TagInfo[] = [];
  for (const n of names) {
    const lower = n.name.toLowerCase();
    let kind: "own" | "new";
    let encoded: string;
    if (lower.startsWith(OWN_TAG_PREFIX)) {
      kind = "own";
      encoded = n.name.slice(OWN_TAG_PREFIX.length);
    } else if (/^hvtco_new\d+_/i.test(n.name)) {
      kind = "new";
      encoded = n.name.replace(/^hvtco_new\d+_/i, "");
    } else continue;
    const formula = String(n.formula ?? "");
    const sheets = formula.includes("#REF!") ? [] : referencedSheets(formula);
    tags.push({ name: n.name, kind, role: decodeRole(encoded), sheet: sheets[0] ?? null });
  }
  return tags;
}

/** What the first sync learns about the workbook. */
export interface WorkbookSnapshot {
  readonly sheets: readonly { readonly name: string; readonly position: number }[];
  readonly names: readonly { readonly name: string; readonly formula: string }[];
  readonly tables: readonly { readonly name: string; readonly sheet: string }[];
}

/** A plan sheet that cannot take its own name because a sheet the planner does not own has it. */
export interface RenameConflict {
  /** The plan's name for the sheet (`TCO Summary`). */
  readonly sheet: string;
  /** The name it will be written under (`TCO Summary (2)`). */
  readonly proposed: string;
}

/** Where everything goes, decided before anything is written. Keys of maps are plan sheet names (roles). */
export interface WriteLayout {
  /** The name each plan sheet has when the run is done. */
  readonly final: ReadonlyMap<string, string>;
  /** The name each plan sheet is written under (a temporary name while the old sheet exists). */
  readonly inWrite: ReadonlyMap<string, string>;
  readonly conflicts: readonly RenameConflict[];
  /** The planner's existing sheet for each role (plan roles and others). */
  readonly owned: ReadonlyMap<string, string>;
  /** Sheets to delete when the new ones are in: every old planner sheet and leftover. */
  readonly deleteSheets: readonly string[];
  /** Tag name each new sheet gets during the write (`hvtco_new<run>_<role>`; deleted in the swap). */
  readonly writeTag: ReadonlyMap<string, string>;
  /** Roles whose `hvtco_own_` tag exists already: re-pointed in the swap (the others get one added). */
  readonly retag: ReadonlySet<string>;
  /** Plan defined names to add during the write, and existing ones to re-point in the swap. */
  readonly namesToAdd: readonly string[];
  readonly namesToUpdate: readonly string[];
  /** Existing names to delete in the swap: stale tags, leftovers' tags, names into deleted sheets. */
  readonly namesToDelete: readonly string[];
  /** Plan table name → final name and name during the write. */
  readonly tableFinal: ReadonlyMap<string, string>;
  readonly tableInWrite: ReadonlyMap<string, string>;
  /** Sheet position of the first new sheet (where the old report was), or null to append. */
  readonly positionBase: number | null;
}

const lower = (s: string): string => s.toLowerCase();

function withSuffix(base: string, suffix: string): string {
  return `${base.slice(0, MAX_SHEET_NAME - suffix.length)}${suffix}`;
}

/** Decide names, temporaries, deletions and tags for writing `plan` into the workbook `wb`. */
export function planLayout(plan: WorkbookPlan, wb: WorkbookSnapshot): WriteLayout {
  const roles = plan.sheets.map((s) => s.name);
  const roleSet = new Set(roles.map(lower));
  const existing = new Map(wb.sheets.map((s) => [lower(s.name), s.name]));
  const tags = readTags(wb.names).filter((t) => t.sheet === null || existing.has(lower(t.sheet)));

  // Owned sheets by role, and leftovers of failed runs.
  const owned = new Map<string, string>();
  const leftovers = new Set<string>();
  for (const t of tags) {
    if (t.sheet === null) continue;
    if (t.kind === "new") leftovers.add(lower(t.sheet));
    else if (!owned.has(t.role)) owned.set(t.role, existing.get(lower(t.sheet)) ?? t.sheet);
  }
  for (const [role, sheet] of owned) if (leftovers.has(lower(sheet))) owned.delete(role);
  const ownedLower = new Set([...owned.values()].map(lower));
  const deleting = new Set([...ownedLower, ...leftovers]);
  const deleteSheets = wb.sheets.filter((s) => deleting.has(lower(s.name))).map((s) => s.name);

  // Final names: an owned sheet keeps its (possibly user-given) name; otherwise the plan's
  // name when free or ours, else "Name (2)", "Name (3)", …
  const claimed = new Set<string>();
  const final = new Map<string, string>();
  const available = (name: string): boolean =>
    !claimed.has(lower(name)) && (!existing.has(lower(name)) || deleting.has(lower(name)));
  for (const role of roles) {
    const mine = owned.get(role);
    if (mine !== undefined && !claimed.has(lower(mine))) {
      final.set(role, mine);
      claimed.add(lower(mine));
    }
  }
  const conflicts: RenameConflict[] = [];
  for (const role of roles) {
    if (final.has(role)) continue;
    let name = role;
    for (let k = 2; !available(name); k++) name = withSuffix(role, ` (${k})`);
    final.set(role, name);
    claimed.add(lower(name));
    if (name !== role) conflicts.push({ sheet: role, proposed: name });
  }

  // Names during the write: always a temporary `~` name, renamed in the swap. Adding a sheet and
  // tagging it are two commands; if the tag's command fails, and the cleanup fails too, the
  // untagged sheet holds a name no report uses — never `TCO Summary`, which the next run would
  // then have to leave to the "user" and write `TCO Summary (2)` beside it.
  const inWrite = new Map<string, string>();
  const taken = new Set([...existing.keys(), ...claimed]);
  for (const role of roles) {
    const name = final.get(role) as string;
    let temp = `~${name}`.slice(0, MAX_SHEET_NAME);
    for (let k = 2; taken.has(lower(temp)); k++) temp = `~${k} ${name}`.slice(0, MAX_SHEET_NAME);
    taken.add(lower(temp));
    inWrite.set(role, temp);
  }

  // Tags.
  const nameSet = new Set(wb.names.map((n) => lower(n.name)));
  let run = 1;
  while (wb.names.some((n) => lower(n.name).startsWith(`${NEW_TAG_PREFIX}${run}_`))) run++;
  // Every new sheet carries a `hvtco_new<run>_` tag while it is written: a run that fails and
  // cannot clean up leaves sheets the next run recognises as leftovers (and removes), never as
  // the report's own sheets. The swap gives each its `hvtco_own_` tag.
  const writeTag = new Map<string, string>();
  const retag = new Set<string>();
  for (const role of roles) {
    if (nameSet.has(lower(ownTagName(role)))) retag.add(role);
    writeTag.set(role, newTagName(String(run), role));
  }

  // Defined names (the plan's ownership tags are written by the swap above, not as names).
  const definedNames = plan.definedNames.filter((d) => !isOwnershipTag(d.name));
  const planNames = new Set(definedNames.map((d) => lower(d.name)));
  const namesToAdd = definedNames.filter((d) => !nameSet.has(lower(d.name))).map((d) => d.name);
  const namesToUpdate = definedNames.filter((d) => nameSet.has(lower(d.name))).map((d) => d.name);
  const tagByName = new Map(readTags(wb.names).map((t) => [lower(t.name), t]));
  const namesToDelete = wb.names
    .filter((n) => {
      if (planNames.has(lower(n.name))) return false;
      const tag = tagByName.get(lower(n.name));
      if (tag) return tag.kind === "new" || !roleSet.has(lower(tag.role));
      return referencedSheets(String(n.formula ?? "")).some((s) => deleting.has(lower(s)));
    })
    .map((n) => n.name);

  // Tables: names are unique in the workbook (and shared with defined names).
  const tableSheet = new Map(wb.tables.map((t) => [lower(t.name), lower(t.sheet)]));
  const usedNames = new Set([...tableSheet.keys(), ...nameSet]);
  const tableFinal = new Map<string, string>();
  const tableInWrite = new Map<string, string>();
  const tableClaimed = new Set<string>();
  for (const s of plan.sheets) {
    for (const t of s.tables) {
      const freeOrOurs = (n: string): boolean => {
        if (tableClaimed.has(lower(n))) return false;
        const on = tableSheet.get(lower(n));
        if (on !== undefined) return deleting.has(on);
        return !nameSet.has(lower(n));
      };
      let name = t.name;
      for (let k = 2; !freeOrOurs(name); k++) name = `${t.name}${k}`;
      tableClaimed.add(lower(name));
      tableFinal.set(t.name, name);
      let temp = name;
      if (tableSheet.has(lower(name))) {
        temp = `${name}_new`;
        for (let k = 2; usedNames.has(lower(temp)) || tableClaimed.has(lower(temp)); k++)
          temp = `${name}_new${k}`;
        tableClaimed.add(lower(temp));
      }
      tableInWrite.set(t.name, temp);
    }
  }

  // Position: where the first old planner sheet stood, counting the sheets that stay.
  const ordered = [...wb.sheets].sort((a, b) => a.position - b.position);
  const firstOwned = ordered.findIndex((s) => ownedLower.has(lower(s.name)));
  const positionBase =
    firstOwned < 0
      ? null
      : ordered.slice(0, firstOwned).filter((s) => !deleting.has(lower(s.name))).length;

  return {
    final,
    inWrite,
    conflicts,
    owned,
    deleteSheets,
    writeTag,
    retag,
    namesToAdd,
    namesToUpdate,
    namesToDelete,
    tableFinal,
    tableInWrite,
    positionBase,
  };
}
