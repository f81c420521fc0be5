/**
 * The pane's store: the current state, `dispatch(event)` through the reducer, and what the
 * controllers share (the scenario's import defaults). Effects live in the other files here.
 */
import { DEFAULT_PLATFORM, defaultSections } from "../../scenario";
import { importDefaultsFrom } from "../../inventory/importDefaults";
import type { ImportOptions } from "../../inventory/types";
import type { Draft } from "../draft";
import type { Notice, PaneEvent, PaneState } from "../state";

/** What every controller reads and writes the pane through. */
export interface PaneStore {
  /** The state now (after the last event). */
  readonly state: PaneState;
  dispatch(event: PaneEvent): void;
}

export const errorText = (e: unknown): string => (e instanceof Error ? e.message : String(e));
export const info = (text: string): Notice => ({ text, tone: "info" });

/** What the inventory importer assumes when a file is silent: the draft's own defaults. */
export function importOptions(draft: Draft): ImportOptions {
  const section = (key: string): object => {
    const v = draft[key];
    return typeof v === "object" && v !== null ? v : {};
  };
  const fallback = defaultSections(DEFAULT_PLATFORM);
  const physical = { ...fallback.physical, ...section("physical") };
  const host = { ...fallback.host, ...section("host") };
  return { defaults: importDefaultsFrom({ physical, host }) };
}
