/**
 * What the pane's view tests share: actions that record their calls instead of acting, and the
 * reducer run over events from the default ws2022 draft.
 */
import { defaultScenarioJson } from "../../src/scenario";
import { initialState, reduce, type PaneEvent, type PaneState } from "../../src/taskpane/state";
import type { Actions } from "../../src/taskpane/view/actions";

/** Actions that record each call (name and arguments) in `calls`. */
export function fakeActions(): Actions & { calls: [string, unknown[]][] } {
  const calls: [string, unknown[]][] = [];
  return new Proxy({ calls } as Actions & { calls: [string, unknown[]][] }, {
    get: (target, key: string) =>
      key === "calls" ? target.calls : (...args: unknown[]) => calls.push([key, args]),
  });
}

/** The pane's state after `events`, from the default ws2022 draft. */
export const run = (events: PaneEvent[]): PaneState =>
  events.reduce(reduce, initialState(defaultScenarioJson("ws2022")));
