// @vitest-environment happy-dom
/**
 * Candidate hosts in the pane: the section edits `hostOptions` by path (a blank cell takes the
 * host's value), inserts the 2026 catalog, shows problems with their paths; the sweep card
 * shows, per option, the host bought and every candidate, from the engine's preview.
 */
import { beforeEach, describe, expect, it } from "vitest";
import { defaultScenarioJson, hostCatalogOptions, parseScenario } from "../../src/scenario";
import { analyze } from "../../src/tco";
import { toPreview } from "../../src/taskpane/toPreview";
import { initialState, reduce, type PaneEvent, type PaneState } from "../../src/taskpane/state";
import { renderPane } from "../../src/taskpane/view/pane";
import { fakeActions } from "./paneHarness";

const base = defaultScenarioJson("ws2025");
const draft = { ...base, hostOptions: hostCatalogOptions().slice(0, 3) };

const stateOf = (d: Record<string, unknown>, withPreview: boolean): PaneState => {
  const events: PaneEvent[] = [
    { type: "hostDetected", host: { kind: "browser", reason: "outside-office" } },
    { type: "draftLoaded", draft: d, notice: null },
  ];
  let state = events.reduce(reduce, initialState(base));
  if (withPreview) {
    const parsed = parseScenario(d);
    if (!parsed.ok) throw new Error("invalid draft");
    const preview = toPreview(analyze(parsed.scenario, { sensitivity: false }));
    state = reduce(state, { type: "previewStarted", revision: state.revision });
    state = reduce(state, { type: "previewComputed", revision: state.revision, preview });
  }
  return state;
};

let root: HTMLElement;
beforeEach(() => {
  document.body.innerHTML = '<div id="app"></div>';
  root = document.getElementById("app") as HTMLElement;
});

describe("candidate hosts in the pane", () => {
  it("lists the candidates and edits a cell by its path", () => {
    const actions = fakeActions();
    renderPane(stateOf(draft, false), actions, root);
    expect(root.querySelectorAll("#host-options tbody tr")).toHaveLength(3);
    const price = root.querySelector<HTMLInputElement>("#hostopt-1-price");
    expect(price?.value).toBe("11500");
    if (!price) return;
    price.value = "10999";
    price.dispatchEvent(new Event("input"));
    const sockets = root.querySelector<HTMLInputElement>("#hostopt-0-sockets");
    if (!sockets) return;
    sockets.value = "2";
    sockets.dispatchEvent(new Event("input"));
    sockets.value = " ";
    sockets.dispatchEvent(new Event("input"));
    expect(actions.calls).toEqual([
      ["edit", ["hostOptions[1].price", "10999"]],
      ["edit", ["hostOptions[0].sockets", 2]],
      ["edit", ["hostOptions[0].sockets", undefined]],
    ]);
  });

  it("adds a copy of the host, inserts the catalog, removes a row and clears the list", () => {
    const actions = fakeActions();
    renderPane(stateOf(draft, false), actions, root);
    root.querySelector<HTMLButtonElement>("#hostopt-add")?.click();
    root.querySelector<HTMLButtonElement>("#hostopt-catalog")?.click();
    root.querySelector<HTMLButtonElement>("#hostopt-2-remove")?.click();
    root.querySelector<HTMLButtonElement>("#hostopt-clear")?.click();
    const [add, catalog, remove, clear] = actions.calls.map((c) => c[1]);
    expect(add?.[0]).toBe("hostOptions");
    expect((add?.[1] as Record<string, unknown>[])[3]).toMatchObject({
      name: "Host 4",
      price: (base["host"] as Record<string, unknown>)["price"],
    });
    expect(catalog).toEqual(["hostOptions", hostCatalogOptions()]);
    expect((remove?.[1] as unknown[]).length).toBe(2);
    expect(clear).toEqual(["hostOptions", undefined]);
  });

  it("shows a candidate's problem with its path", () => {
    const bad = { ...draft, hostOptions: [{ name: "Tiny", memoryGiB: "4" }] };
    renderPane(stateOf(bad, false), fakeActions(), root);
    expect(root.querySelector("#hostopt-issues")?.textContent).toContain(
      "hostOptions[0].memoryGiB"
    );
    expect(root.querySelector("#hostopt-0-memoryGiB")?.getAttribute("aria-invalid")).toBe("true");
  });

  it("the sweep card shows the host bought per option and every candidate", () => {
    renderPane(stateOf(draft, true), fakeActions(), root);
    const card = root.querySelector("#host-sweep");
    expect(card).not.toBeNull();
    const datacenter = card?.querySelector('[data-option="datacenter"]');
    expect(datacenter?.querySelectorAll("tbody tr")).toHaveLength(3);
    expect(datacenter?.querySelectorAll(".tag")).toHaveLength(1);
    expect(datacenter?.textContent).toContain("wins for Windows Server 2025 Datacenter");
  });

  it("no candidates: no sweep card, and the section says the host above only", () => {
    renderPane(stateOf(base, true), fakeActions(), root);
    expect(root.querySelector("#host-sweep")).toBeNull();
    expect(root.querySelector("#sec-hostOptions-summary")?.textContent).toContain(
      "the host above only"
    );
  });
});
