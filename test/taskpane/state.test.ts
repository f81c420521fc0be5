import { describe, expect, it } from "vitest";
import { defaultScenarioJson, type ParseResult } from "../../src/scenario";
import type { ImportReport, InventoryRowJson } from "../../src/inventory/types";
import { getAt } from "../../src/taskpane/draft";
import type { Preview } from "../../src/taskpane/preview";
import {
  canGenerate,
  initialState,
  issuesOf,
  previewIsStale,
  reduce,
  type PaneEvent,
  type PaneState,
} from "../../src/taskpane/state";

const run = (state: PaneState, ...events: PaneEvent[]): PaneState => events.reduce(reduce, state);

const preview: Preview = {
  currency: "USD",
  horizonYears: 5,
  physicalTco: 100,
  options: [],
  recommended: null,
  recommendation: "Stay.",
  stayPhysical: 0,
  baselineLabel: "Staying physical",
  baselineHosts: null,
  baselineLicensing: 0,
  timeline: null,
  owned: null,
  storageKind: "san",
  sizing: { basis: "measured", comfortFactor: 1.3, rows: [] },
  idle: [],
  retireIdle: false,
  idleSaving: null,
};

function ready(): PaneState {
  const s = run(
    initialState(defaultScenarioJson("ws2022")),
    { type: "hostDetected", host: { kind: "browser", reason: "outside-office" } },
    { type: "draftLoaded", draft: defaultScenarioJson("ws2022"), notice: null }
  );
  return run(s, { type: "previewComputed", revision: s.revision, preview });
}

describe("task pane state", () => {
  it("starts idle, then calculates once the host is known and the draft loaded", () => {
    const s0 = initialState(defaultScenarioJson("ws2022"));
    expect(s0.phase).toBe("idle");
    expect(canGenerate(s0)).toBe(false);
    const s1 = run(
      s0,
      { type: "hostDetected", host: { kind: "browser", reason: "outside-office" } },
      { type: "draftLoaded", draft: defaultScenarioJson("ws2022"), notice: null }
    );
    expect(s1.phase).toBe("calculating");
    const s2 = run(s1, { type: "previewComputed", revision: s1.revision, preview });
    expect(s2.phase).toBe("editing");
    expect(s2.preview).toBe(preview);
    expect(canGenerate(s2)).toBe(true);
  });

  it("validates every edit; an invalid input blocks Generate and keeps the last preview, marked stale", () => {
    const s = run(ready(), { type: "fieldEdited", path: "host.memoryGiB", value: "-4" });
    expect(s.phase).toBe("editing");
    expect(issuesOf(s).map((i) => i.path)).toEqual(["host.memoryGiB"]);
    expect(canGenerate(s)).toBe(false);
    expect(s.preview).toBe(preview);
    expect(previewIsStale(s)).toBe(true);
    const fixed = run(s, { type: "fieldEdited", path: "host.memoryGiB", value: "512" });
    expect(fixed.phase).toBe("calculating");
    expect(canGenerate(fixed)).toBe(true);
  });

  it("ignores a preview computed for an older draft", () => {
    const s = ready();
    const edited = run(s, { type: "fieldEdited", path: "housing.pue", value: "1.4" });
    const late = run(edited, {
      type: "previewComputed",
      revision: s.revision,
      preview: { ...preview, physicalTco: 1 },
    });
    expect(late).toBe(edited);
  });

  it("writes: progress per sheet, then a result; edits meanwhile do not end the write", () => {
    const w = run(ready(), { type: "generateStarted", target: "workbook" });
    expect(w.phase).toBe("writing");
    expect(canGenerate(w)).toBe(false);
    const p = run(w, { type: "writeProgress", sheet: "TCO Capacity", index: 4, total: 7 });
    expect(p.phase === "writing" && p.progress).toEqual({
      sheet: "TCO Capacity",
      index: 4,
      total: 7,
    });
    expect(p.notice?.text).toBe("Writing TCO Capacity (4 of 7)…");
    const e = run(p, { type: "fieldEdited", path: "housing.pue", value: "1.4" });
    expect(e.phase).toBe("writing");
    const done = run(e, {
      type: "generateFinished",
      message: "Report written to 7 sheets — open TCO Summary",
      openSheet: "TCO Summary",
    });
    expect(done.phase === "done" && done.result).toEqual({
      message: "Report written to 7 sheets — open TCO Summary",
      openSheet: "TCO Summary",
    });
    const failed = run(e, { type: "generateFailed", message: "No.", code: "excel" });
    expect(failed.phase === "error" && failed.error).toEqual({ message: "No.", code: "excel" });
  });

  it("does not start writing while the inputs are invalid", () => {
    const s = run(ready(), { type: "fieldEdited", path: "finance.horizonYears", value: "0" });
    expect(run(s, { type: "generateStarted", target: "download" })).toBe(s);
  });

  it("offers a platform's defaults when the platform changes and applies them only when accepted", () => {
    const s = run(ready(), { type: "platformChosen", platform: "ws2008r2" });
    expect(s.draft["platform"]).toBe("ws2008r2");
    expect(getAt(s.draft, "host.memoryGiB")).toBe("768");
    expect(s.platformOffer?.platform).toBe("ws2008r2");
    expect(s.platformOffer?.changes).toBeGreaterThan(0);
    const accepted = run(s, { type: "platformDefaultsAccepted" });
    expect(getAt(accepted.draft, "host.memoryGiB")).toBe("96");
    expect(accepted.platformOffer).toBeNull();
    expect(accepted.loadGeneration).toBe(s.loadGeneration + 1);
    const kept = run(s, { type: "platformOfferDismissed" });
    expect(getAt(kept.draft, "host.memoryGiB")).toBe("768");
  });

  it("keeps an import for review and replaces the inventory only when accepted", () => {
    const rows: InventoryRowJson[] = [
      {
        name: "X",
        count: 3,
        os: "windows",
        cores: 4,
        cpuGhz: "2.4",
        peakCpuUtilization: "0.3",
        averageCpuUtilization: "0.1",
        memoryGiB: "8",
      },
    ];
    const report = {
      totals: { servers: 3 },
      fileName: "x.csv",
      formatLabel: "Generic CSV",
      assumed: [
        {
          field: "cpuGhz",
          basis: "default",
          count: 2,
          value: "2.4",
          message: "Core clock of 2 servers assumed 2.4 GHz.",
        },
      ],
    } as unknown as ImportReport;
    const s = run(
      ready(),
      { type: "importStarted", what: "x.csv" },
      { type: "importRead", review: { source: "x.csv", rows, report } }
    );
    expect(s.importReview?.rows).toBe(rows);
    expect((s.draft["inventory"] as unknown[]).length).toBe(3);
    const accepted = run(s, { type: "importAccepted" });
    expect(accepted.draft["inventory"]).toEqual(rows);
    // What the importer assumed travels with the scenario into the assumptions register.
    expect(accepted.draft["imported"]).toEqual({
      file: "x.csv",
      format: "Generic CSV",
      assumptions: [
        {
          field: "cpuGhz",
          basis: "default",
          count: 2,
          value: "2.4",
          message: "Core clock of 2 servers assumed 2.4 GHz.",
        },
      ],
    });
    expect(
      accepted.validation.ok && accepted.validation.scenario.imported?.assumptions
    ).toHaveLength(1);
    expect(accepted.importReview).toBeNull();
    expect(accepted.notice?.text).toBe("Inventory replaced: 3 servers.");
    const cancelled = run(s, { type: "importCancelled" });
    expect(cancelled.draft).toBe(s.draft);
  });

  it("compares with staying on VMware (VCF on today's platforms) after accepting an RVTools import", () => {
    const rows = [
      {
        name: "VM1",
        count: 1,
        os: "windows",
        cores: 2,
        cpuGhz: "2.4",
        peakCpuUtilization: "0.3",
        averageCpuUtilization: "0.1",
        memoryGiB: "4",
      },
    ] as InventoryRowJson[];
    const review = (format: string) => ({
      source: "x.xlsx",
      rows,
      report: {
        format,
        formatLabel: format,
        fileName: null,
        assumed: [],
        totals: { servers: 1 },
      } as unknown as ImportReport,
    });
    const base = (format: string) =>
      run(
        ready(),
        { type: "importStarted", what: "x.xlsx" },
        { type: "importRead", review: review(format) },
        { type: "importAccepted" }
      );
    expect((base("rvtools").draft["finance"] as Record<string, unknown>)["baseline"]).toBe("vcf");
    expect((base("azure-migrate").draft["finance"] as Record<string, unknown>)["baseline"]).toBe(
      "physical"
    );
  });

  it("keeps the inventory page in range when rows go away", () => {
    let s = ready();
    for (let i = 0; i < 40; i++) s = run(s, { type: "inventoryRowAdded" });
    expect(s.inventoryPage).toBe(2);
    s = run(s, { type: "inventoryPageChosen", page: 99 });
    expect(s.inventoryPage).toBe(2);
    s = run(s, { type: "draftLoaded", draft: defaultScenarioJson("ws2022"), notice: null });
    expect(s.inventoryPage).toBe(0);
    const v: ParseResult = s.validation;
    expect(v.ok).toBe(true);
  });
});
