/**
 * What every template of the pane reads: the reducer's state, the actions its controls call,
 * and the figures derived once per render (issues by place, the currency, inventory totals).
 */
import type { Issue } from "../../scenario";
import { asText } from "../format";
import { inventoryStats, type InventoryStats } from "../draft";
import { placeOfIssue } from "../form";
import { draftReplaced, issuesOf, type PaneState } from "../state";
import type { Actions } from "./actions";

/** Validation issues sorted to where the pane shows them. */
export interface IssuesByPlace {
  readonly all: readonly Issue[];
  /** By control path (`host.memoryGiB`). */
  readonly byControl: ReadonlyMap<string, readonly Issue[]>;
  /** By inventory cell id (`inv-3-cores`). */
  readonly byCell: ReadonlyMap<string, readonly Issue[]>;
  /** By inventory row; -1 for the inventory as a whole. */
  readonly byRow: ReadonlyMap<number, readonly Issue[]>;
}

export interface PaneView {
  readonly state: PaneState;
  readonly actions: Actions;
  readonly issues: IssuesByPlace;
  readonly currency: string;
  readonly stats: InventoryStats;
  /** The draft was just replaced from outside: controls show it even where the user is typing. */
  readonly replaced: boolean;
}

function add<K>(map: Map<K, Issue[]>, key: K, issue: Issue): void {
  map.set(key, [...(map.get(key) ?? []), issue]);
}

/** Sort issues by the place that shows them. */
export function issuesByPlace(all: readonly Issue[]): IssuesByPlace {
  const byControl = new Map<string, Issue[]>();
  const byCell = new Map<string, Issue[]>();
  const byRow = new Map<number, Issue[]>();
  for (const issue of all) {
    const place = placeOfIssue(issue.path);
    if (place.kind === "control") add(byControl, place.path, issue);
    else if (place.kind === "inventoryCell") {
      add(byCell, place.id, issue);
      add(byRow, place.row, issue);
    } else if (place.kind === "inventoryRow") add(byRow, place.row, issue);
    else if (place.kind === "inventory") add(byRow, -1, issue);
  }
  return { all, byControl, byCell, byRow };
}

/** The view of a state: everything the templates need, computed once. */
export function paneView(state: PaneState, actions: Actions): PaneView {
  const currency = asText(state.draft["currency"]);
  return {
    state,
    actions,
    issues: issuesByPlace(issuesOf(state)),
    currency: /^[A-Z]{3}$/.test(currency) ? currency : "USD",
    stats: inventoryStats(state.draft),
    replaced: draftReplaced(state),
  };
}
