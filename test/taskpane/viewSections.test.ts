// @vitest-environment happy-dom
/**
 * The pane's capacity-v2 sections (storage, demand and growth), percent controls, the result
 * card's details, the assumptions register and the slides button — rendered by lit-html into
 * happy-dom from reducer states with a real preview of the engine.
 */
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { defaultScenarioJson, parseScenario } from "../../src/scenario";
import { controlId } from "../../src/taskpane/form";
import { analyzeForPreview, toPreview } from "../../src/taskpane/toPreview";
import { reduce, type PaneEvent, type PaneState } from "../../src/taskpane/state";
import { detailsModule, loadDetails } from "../../src/taskpane/view/lazyDetails";
import { renderPane } from "../../src/taskpane/view/pane";
import { idleServer } from "../e2e/estates";
import { fakeActions, run } from "./paneHarness";

type Json = Record<string, unknown>;
const defaults = defaultScenarioJson("ws2022") as Record<string, Json>;

/** Ten file servers measured at p95, one idle box, with enough disk that storage decides on S2D. */
const inventory = [
  ...Array.from({ length: 10 }, (_, i) => ({
    name: `FS-${String(i + 1).padStart(2, "0")}`,
    count: 1,
    os: "windows",
    cores: 8,
    cpuGhz: "2.4",
    peakCpuUtilization: "0.5",
    averageCpuUtilization: "0.2",
    memoryGiB: "32",
    storageGiB: "4000",
    measuredPercentile: "p95",
    measuredCpuUtilization: "0.3",
    averageDiskMBps: "5",
    averageNetworkMBps: "5",
  })),
  idleServer("OLD-APP", 1, "windows"),
];

const s2dDraft: Json = {
  ...defaults,
  inventory,
  storage: { ...defaults["storage"], kind: "s2d", drivesPerNode: 4, driveTB: "1.92" },
};

/** A loaded draft with the engine's preview of it on screen. */
function previewed(draft: Json): PaneState {
  const s = run([
    { type: "hostDetected", host: { kind: "browser", reason: "outside-office" } },
    { type: "draftLoaded", draft, notice: null },
  ]);
  if (!s.validation.ok) throw new Error(s.validation.issues.map((i) => i.message).join(" "));
  const preview = toPreview(analyzeForPreview(s.validation.scenario));
  const events: PaneEvent[] = [
    { type: "previewComputed", revision: s.revision, preview },
    { type: "detailsLoaded" },
  ];
  return events.reduce(reduce, s);
}

let root: HTMLElement;
const $ = <T extends Element = HTMLElement>(selector: string): T => {
  const el = root.querySelector<T>(selector);
  if (!el) throw new Error(`no ${selector}`);
  return el;
};
const has = (selector: string): boolean => root.querySelector(selector) !== null;

// The details' chunk, as the pane loads it on their first open.
beforeAll(async () => {
  await loadDetails();
});

beforeEach(() => {
  document.body.innerHTML = '<div id="app"></div>';
  root = document.getElementById("app") as HTMLElement;
});

describe("percent controls", () => {
  it("show fractions as % and send what is typed back as the exact fraction", () => {
    const actions = fakeActions();
    renderPane(previewed({ ...defaults, inventory }), actions, root);
    const target = $<HTMLInputElement>(`#${controlId("cluster.targetCpuUtilization")}`);
    expect(target.value).toBe("75");
    expect($(`#${controlId("cluster.targetCpuUtilization")}-unit`).textContent).toBe("%");
    expect($(`#${controlId("finance.discountRate")}-help`).textContent).not.toMatch(/0\.07/);
    target.value = "80";
    target.dispatchEvent(new Event("input"));
    expect(actions.calls).toEqual([["edit", ["cluster.targetCpuUtilization", "0.8"]]]);
    // The inventory's CPU columns too.
    expect($<HTMLInputElement>("#inv-0-peakCpuUtilization").value).toBe("50");
    expect($("#inv-table thead").textContent).toContain("Peak CPU (%)");
  });

  it("say a value out of the field's limits in %", () => {
    const state = reduce(previewed({ ...defaults, inventory }), {
      type: "fieldEdited",
      path: "finance.discountRate",
      value: "1.5",
    });
    renderPane(state, fakeActions(), root);
    expect($(`#${controlId("finance.discountRate")}-msg`).textContent).toBe(
      "Enter the discount rate per year in %, from 0 to 100, not 150 %."
    );
    expect($("#sec-finance-summary").textContent).toContain("150 %");
  });
});

describe("storage section", () => {
  it("shows the SAN's prices with a SAN, and Storage Spaces Direct's inputs only with S2D", () => {
    renderPane(previewed({ ...defaults, inventory }), fakeActions(), root);
    expect(has("#grp-san")).toBe(true);
    expect(has("#grp-s2d")).toBe(false);
    expect($("#sec-storage-summary").textContent).toContain("SAN");

    renderPane(previewed(s2dDraft), fakeActions(), root);
    expect(has("#grp-san")).toBe(false);
    expect(has(`#${controlId("storage.resiliency")}`)).toBe(true);
    // Mirror share belongs to mirror-accelerated parity only.
    expect(has(`#${controlId("storage.mirrorShare")}`)).toBe(false);
    expect($("#sec-storage-summary").textContent).toContain("S2D three-way mirror");
    // Three-way mirror at the 16-node cluster limit: a third of the capacity, 2 failures.
    expect($("#storage-resiliency-note").textContent).toContain(
      "At 16 nodes, 33.3 % of the capacity holds data (3 copies); survives 2 failures"
    );
    // 4 × 1.92 TB = 7.68 TB = 6.98 TiB (÷ 1.099511627776).
    expect($("#storage-raw-note").textContent).toContain("7.68 TB raw (6.98 TiB");
    const options = [...root.querySelectorAll(`#${controlId("storage.resiliency")} option`)];
    expect(options.map((o) => o.textContent)).toContain("Dual parity");
  });

  it("shows the engine's own message at the resiliency when it cannot be used (dual parity on 3 nodes)", () => {
    const draft = {
      ...s2dDraft,
      cluster: { ...defaults["cluster"], maxNodes: 3 },
      storage: { ...(s2dDraft["storage"] as Json), resiliency: "dual-parity" },
    };
    const parsed = parseScenario(draft);
    expect(parsed.ok).toBe(false);
    const engine = parsed.ok ? "" : parsed.issues.find((i) => i.path === "storage.resiliency");
    const state = reduce(previewed(s2dDraft), { type: "draftLoaded", draft, notice: null });
    renderPane(state, fakeActions(), root);
    const msg = $(`#${controlId("storage.resiliency")}-msg`);
    expect(msg.hidden).toBe(false);
    expect(msg.textContent).toBe(engine && engine.message);
    expect(msg.textContent).toMatch(/dual parity needs at least 4 servers/);
    expect($("#sec-storage .badge").textContent).toBe("1 to fix");
  });
});

describe("demand and growth section", () => {
  it("says how many servers carry measured use and what retiring the idle ones saves", () => {
    renderPane(previewed(s2dDraft), fakeActions(), root);
    expect($("#demand-measured-note").textContent).toBe(
      "11 servers of 11 carry measured use (p95); the others are sized on their peak."
    );
    expect($("#demand-idle-note").textContent).toMatch(
      /^1 server looks idle; retiring it would save \$[\d,]+ over 5 years\.$/
    );
    expect($("#sec-demand-summary .section-sum").textContent).toBe(
      "Measured × 1.3 (11 servers), no growth"
    );
    // Growth per resource is collapsed until opened; the common rate is a percent box.
    expect($(`#${controlId("growth.ratePerYear")}-unit`).textContent).toBe("% a year");
  });

  it("hides the comfort factor when servers are sized on their peak", () => {
    const draft = { ...s2dDraft, demand: { ...defaults["demand"], basis: "peak" } };
    renderPane(previewed(draft), fakeActions(), root);
    expect(has(`#${controlId("demand.comfortFactor")}`)).toBe(false);
    expect(has(`#${controlId("demand.basis")}`)).toBe(true);
  });
});

describe("the result card's details", () => {
  it("lists each cluster's nodes, what set them, and its S2D storage in decimal TB", () => {
    const state = previewed(s2dDraft);
    renderPane(state, fakeActions(), root);
    const p = state.preview;
    const rec = p?.options.find((o) => o.recommended);
    expect(rec).toBeDefined();
    if (!rec || !p) return;
    const rows = [...root.querySelectorAll("#detail-clusters tbody tr")];
    expect(rows).toHaveLength(rec.clusterPlans.length);
    // 40 TB of VM disk + 20 % headroom on 7.68 TB-per-node nodes at a third: storage decides.
    expect(rec.clusterPlans[0]?.binding).toBe("storage");
    expect(rows[0]?.textContent).toContain("storage");
    const storage = [...root.querySelectorAll("#detail-storage tbody tr")].map((r) =>
      [...r.querySelectorAll("td")].map((c) => c.textContent)
    );
    const c0 = rec.clusterPlans[0]?.storage;
    expect(storage[0]).toEqual(
      [c0?.rawTB, c0?.reserveTB, c0?.usableTB, c0?.neededTB].map((x) =>
        (Math.round((x ?? 0) * 10) / 10).toLocaleString("en-US", { minimumFractionDigits: 1 })
      )
    );
    expect($("#option-details .details-sum").textContent).toContain("set by storage");
    expect($("#detail-hosts-trend figcaption").textContent).toBe(`${rec.hosts} hosts every year`);
    // Licence lines of the option.
    expect(root.querySelectorAll("#detail-licences tbody tr")).toHaveLength(
      rec.licensing.lines.length
    );
    // Each line says how it was counted, in view (a $0 line names the owned licences covering it).
    expect(
      [...root.querySelectorAll("#detail-licences tbody .basis")].map((b) => b.textContent)
    ).toEqual(rec.licensing.lines.map((l) => l.basis));
  });

  it("switches the details to the option the user picks", () => {
    const state = previewed({ ...defaults, inventory });
    const other = state.preview?.options.find((o) => o.eligible && !o.recommended);
    expect(other).toBeDefined();
    const actions = fakeActions();
    renderPane(state, actions, root);
    const select = $<HTMLSelectElement>("#detail-option");
    select.value = other?.id ?? "";
    select.dispatchEvent(new Event("change"));
    expect(actions.calls).toEqual([["send", [{ type: "detailOptionChosen", option: other?.id }]]]);
    renderPane(reduce(state, actions.calls[0]?.[1][0] as PaneEvent), actions, root);
    expect($<HTMLSelectElement>("#detail-option").value).toBe(other?.id);
  });

  it("shows hosts bought in later years as a trend when demand grows", () => {
    const draft = { ...s2dDraft, growth: { ratePerYear: "0.3" } };
    const state = previewed(draft);
    renderPane(state, fakeActions(), root);
    const rec = state.preview?.options.find((o) => o.recommended);
    const years = rec?.hostsByYear ?? [];
    expect(years[years.length - 1]).toBeGreaterThan(years[0] ?? 0);
    expect($("#detail-hosts-trend figcaption").textContent).toMatch(
      new RegExp(`^${years[0]} hosts in year 0, \\d+ from year \\d`)
    );
    expect(root.querySelectorAll("#detail-hosts-trend rect")).toHaveLength(years.length);
  });

  it("says what each server was sized on, lists idle servers and toggles their retirement", () => {
    const actions = fakeActions();
    renderPane(previewed(s2dDraft), actions, root);
    expect($("#sizing-summary").textContent).toContain("11 servers: measured p95 × 1.3");
    expect($("#idle-list").textContent).toContain("OLD-APP");
    $<HTMLInputElement>("#idle-retire").click();
    expect(actions.calls).toEqual([["edit", ["demand.retireIdle", true]]]);
  });

  it("shows the retirement saving as it is in the cash flow once idle servers are retired", () => {
    const off = previewed(s2dDraft);
    const on = previewed({ ...s2dDraft, demand: { ...defaults["demand"], retireIdle: true } });
    expect(on.preview?.idleSaving).toBeGreaterThan(0);
    // What the pane offers before the tick is what the business case then shows.
    expect(off.preview?.idleSaving).toBe(on.preview?.idleSaving);
    renderPane(on, fakeActions(), root);
    expect($("#idle-saving").textContent).toMatch(
      /^1 idle server retired — saving \$[\d,]+ over 5 years/
    );
  });
});

describe("assumptions register", () => {
  it("lists changed inputs (linked to their control), imported assumptions and uncertain prices", () => {
    const draft = {
      ...s2dDraft,
      finance: { ...defaults["finance"], discountRate: "0.09" },
      imported: {
        file: "rvtools.xlsx",
        format: "RVTools",
        assumptions: [
          {
            field: "cpuGhz",
            basis: "host-clock",
            count: 11,
            value: "2.4",
            message: "Core clock of 11 VMs taken from their hosts (2.4 GHz).",
          },
        ],
      },
    };
    const actions = fakeActions();
    renderPane(previewed(draft), actions, root);
    const changed = $('#assumptions li[data-path="finance.discountRate"]');
    expect(changed.textContent).toContain("9 %");
    expect(changed.textContent).toContain("Default: 7 %");
    expect($('#assumptions li[data-kind="imported"]').textContent).toContain(
      "taken from their hosts"
    );
    expect(Number($("#assumptions-count").textContent)).toBe(
      root.querySelectorAll("#assumptions li").length
    );
    changed.querySelector("a")?.click();
    expect(actions.calls).toContainEqual(["focus", [controlId("finance.discountRate")]]);
  });
});

describe("lazy details", () => {
  it("draw their summaries at once and ask for their bodies on first open", () => {
    const actions = fakeActions();
    const s = previewed(s2dDraft);
    renderPane({ ...s, detailsLoaded: false }, actions, root);
    expect(detailsModule()).not.toBeNull();
    expect($("#option-details .details-sum").textContent).toMatch(
      /^Datacenter: \d+ hosts in \d+ clusters?, set by storage$/
    );
    expect($("#option-details .details-body").textContent).toBe("Loading…");
    expect(has("#detail-clusters")).toBe(false);
    const details = $<HTMLDetailsElement>("#option-details");
    details.open = true;
    details.dispatchEvent(new Event("toggle"));
    expect(actions.calls.every(([name]) => name === "loadDetails")).toBe(true);
    expect(actions.calls.length).toBeGreaterThan(0);
    renderPane(s, actions, root);
    expect(has("#detail-clusters")).toBe(true);
  });
});

describe("slides", () => {
  it("downloads the slides through their action, only when the inputs are valid", () => {
    const actions = fakeActions();
    renderPane(previewed(s2dDraft), actions, root);
    $<HTMLButtonElement>("#download-slides").click();
    expect(actions.calls).toEqual([["downloadSlides", []]]);
    const bad = reduce(previewed(s2dDraft), {
      type: "fieldEdited",
      path: "host.memoryGiB",
      value: "-1",
    });
    renderPane(bad, actions, root);
    expect($<HTMLButtonElement>("#download-slides").disabled).toBe(true);
  });
});
