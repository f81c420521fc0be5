// @vitest-environment happy-dom
/**
 * The pane's view, rendered by lit-html into happy-dom from reducer states: what the user
 * sees for a state, which action each control calls (with a typed path), and the two rules
 * the templates keep about controls the user owns — a box being typed in is not rewritten
 * (unless the draft was replaced from outside), and inventory rows are keyed, so their
 * inputs stay the same elements across renders.
 */
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { defaultScenarioJson } from "../../src/scenario";
import { controlId } from "../../src/taskpane/form";
import { reduce, type PaneEvent, type PaneState } from "../../src/taskpane/state";
import { importReview } from "../../src/taskpane/view/inventory/importReview";
import { registerImportViews } from "../../src/taskpane/view/inventory/importViews";
import { mappingStep } from "../../src/taskpane/view/inventory/mappingStep";
import { renderPane } from "../../src/taskpane/view/pane";
import { fakeActions, run } from "./paneHarness";

const defaults = defaultScenarioJson("ws2022") as Record<string, Record<string, unknown>>;
const draft = {
  ...defaults,
  inventory: [
    { name: "FILE-01", count: 1, os: "windows", cores: 4, cpuGhz: "2.4", memoryGiB: "8" },
    { name: "SQL-01", count: 2, os: "windows", cores: 8, cpuGhz: "2.4", memoryGiB: "32" },
  ],
};

const loaded = (d: Record<string, unknown> = draft): PaneState =>
  run([
    { type: "hostDetected", host: { kind: "browser", reason: "outside-office" } },
    { type: "draftLoaded", draft: d, notice: null },
  ]);

let root: HTMLElement;
const $ = <T extends Element = HTMLElement>(selector: string): T => {
  const el = root.querySelector<T>(selector);
  if (!el) throw new Error(`no ${selector}`);
  return el;
};

// The import's views, as the import controller registers them when it loads.
beforeAll(() => registerImportViews({ importReview, mappingStep }));

beforeEach(() => {
  document.body.innerHTML = '<div id="app"></div>';
  root = document.getElementById("app") as HTMLElement;
});

describe("the pane view", () => {
  it("renders the form sections (and candidate hosts), the result card and the footer from a state", () => {
    renderPane(loaded(), fakeActions(), root);
    const sections = [...root.querySelectorAll("details.section")].map((d) => d.id);
    expect(sections).toEqual([
      "sec-inventory",
      "sec-demand",
      "sec-hostCluster",
      "sec-hostOptions",
      "sec-storage",
      "sec-licensing",
      "sec-housing",
      "sec-manpower",
      "sec-finance",
    ]);
    expect($("#sec-inventory-summary").textContent).toContain("3 servers in 2 rows");
    expect($<HTMLInputElement>(`#${controlId("host.memoryGiB")}`).value).toBe(
      String(defaults["host"]?.["memoryGiB"])
    );
    expect($("#preview-note").textContent).toContain("Updating preview");
    expect($("#generate").textContent).toContain("Download");
    expect(root.dataset["phase"]).toBe("calculating");
  });

  it("calls edit with the typed path and the value typed (whole numbers become numbers)", () => {
    const actions = fakeActions();
    renderPane(loaded(), actions, root);
    const sockets = $<HTMLInputElement>(`#${controlId("host.sockets")}`);
    sockets.value = "4";
    sockets.dispatchEvent(new Event("input"));
    const price = $<HTMLInputElement>(`#${controlId("host.price")}`);
    price.value = "12000.50";
    price.dispatchEvent(new Event("input"));
    expect(actions.calls).toEqual([
      ["edit", ["host.sockets", 4]],
      ["edit", ["host.price", "12000.50"]],
    ]);
  });

  it("shows a problem at its control, in the section badge and in the fix list", () => {
    const state = reduce(loaded(), { type: "fieldEdited", path: "host.memoryGiB", value: "-4" });
    renderPane(state, fakeActions(), root);
    const box = $<HTMLInputElement>(`#${controlId("host.memoryGiB")}`);
    expect(box.getAttribute("aria-invalid")).toBe("true");
    expect($(`#${controlId("host.memoryGiB")}-msg`).hidden).toBe(false);
    expect($("#sec-hostCluster .badge").textContent).toBe("1 to fix");
    expect($("#fix-list").hidden).toBe(false);
    expect($("#fix-list a").getAttribute("href")).toBe(`#${controlId("host.memoryGiB")}`);
    expect(($("#generate") as HTMLButtonElement).disabled).toBe(true);
  });

  it("never rewrites the box being typed in, unless the draft was replaced from outside", () => {
    let state = loaded();
    renderPane(state, fakeActions(), root);
    const sockets = $<HTMLInputElement>(`#${controlId("host.sockets")}`);
    sockets.focus();
    sockets.value = "04";
    state = reduce(state, { type: "fieldEdited", path: "host.sockets", value: 4 });
    renderPane(state, fakeActions(), root);
    expect(sockets.value).toBe("04"); // the state says 4; the user's "04" stays while typing
    state = reduce(state, {
      type: "draftLoaded",
      draft: { ...draft, host: { ...defaults["host"], sockets: 1 } },
      notice: null,
    });
    renderPane(state, fakeActions(), root);
    expect($<HTMLInputElement>(`#${controlId("host.sockets")}`)).toBe(sockets);
    expect(sockets.value).toBe("1"); // a file replaced the draft: shown even in the focused box
  });

  it("keys inventory rows: a row's inputs stay the same elements across renders", () => {
    let state = loaded();
    renderPane(state, fakeActions(), root);
    const cores = $<HTMLInputElement>("#inv-1-cores");
    expect(cores.value).toBe("8");
    state = reduce(state, { type: "inventoryCellEdited", row: 1, key: "cores", value: 16 });
    renderPane(state, fakeActions(), root);
    expect($<HTMLInputElement>("#inv-1-cores")).toBe(cores);
    expect(cores.value).toBe("16");
    state = reduce(state, { type: "inventoryRowAdded" });
    renderPane(state, fakeActions(), root);
    expect(root.querySelectorAll("#inv-table tbody tr:not(.row-msg)").length).toBe(3);
    expect($<HTMLInputElement>("#inv-1-cores")).toBe(cores);
  });

  it("wires the inventory's buttons to their actions", () => {
    const actions = fakeActions();
    renderPane(loaded(), actions, root);
    $<HTMLButtonElement>("#inv-add").click();
    $<HTMLButtonElement>('button[aria-label="Remove SQL-01"]').click();
    $<HTMLButtonElement>("#inv-paste-toggle").click();
    expect(actions.calls.map(([name, args]) => [name, ...args])).toEqual([
      ["addRow"],
      ["removeRow", 1],
      ["togglePaste", true],
    ]);
  });

  it("offers the platform's defaults right under the platform control", () => {
    const state = reduce(loaded(), { type: "platformChosen", platform: "ws2008r2" });
    renderPane(state, fakeActions(), root);
    const offer = $("#platform-offer");
    expect(offer.hidden).toBe(false);
    expect(offer.previousElementSibling?.getAttribute("data-path")).toBe("platform");
    expect($("#platform-offer-text").textContent).toContain("Windows Server 2008 R2");
  });

  it("shows the import review from the state and accepts it through its action", () => {
    const actions = fakeActions();
    const review = {
      source: "rvtools.xlsx",
      rows: [{ name: "VM1", cores: 2, memoryGiB: "4" }],
      report: {
        format: "rvtools",
        formatLabel: "RVTools",
        rowsRead: 3,
        rowsOut: 1,
        totals: { servers: 1, cores: 2, memoryGiB: "4", storageGiB: "0" },
        excluded: [{ label: "Powered off", count: 2, rows: [{ name: "OLD1" }, { name: "OLD2" }] }],
        assumed: [{ message: "Clock 2.4 GHz assumed" }],
        problems: [],
        notes: [],
      },
    } as unknown as Extract<PaneEvent, { type: "importRead" }>["review"];
    renderPane(reduce(loaded(), { type: "importRead", review }), actions, root);
    expect($("#inv-review-h").textContent).toBe("Check the import: rvtools.xlsx");
    expect($("#inv-review").textContent).toContain("Powered off: 2 — OLD1, OLD2");
    expect($("#inv-review").textContent).toContain("Clock 2.4 GHz assumed");
    $<HTMLButtonElement>("#inv-review-accept").click();
    expect(actions.calls).toEqual([["acceptImport", []]]);
  });
});

describe("renders only through lit-html", () => {
  it("re-rendering the same state changes no node", () => {
    const state = loaded();
    renderPane(state, fakeActions(), root);
    const observer = new MutationObserver(() => undefined);
    observer.observe(root, {
      subtree: true,
      childList: true,
      attributes: true,
      characterData: true,
    });
    renderPane(state, fakeActions(), root);
    expect(observer.takeRecords()).toEqual([]);
    observer.disconnect();
  });
});
