import { describe, expect, it } from "vitest";
import {
  INVENTORY_FIELDS,
  SECTIONS,
  TOP_FIELDS,
  parseScenario,
  defaultScenarioJson,
} from "../../src/scenario";
import {
  CONTROLS_BY_PATH,
  PANE_SECTIONS,
  issueCountsBySection,
  issueText,
  placeOfIssue,
  shown,
  typedValue,
} from "../../src/taskpane/form";
import { setAt } from "../../src/taskpane/draft";

describe("the form generated from the field tables", () => {
  it("has one control for every scenario field, and no other", () => {
    const expected = [
      ...TOP_FIELDS.map((f) => f.key),
      ...SECTIONS.flatMap((s) => s.fields.map((f) => `${s.key}.${f.key}`)),
    ].sort();
    const controls = PANE_SECTIONS.flatMap((s) =>
      s.groups.flatMap((g) => g.controls.map((c) => c.path))
    ).sort();
    expect(controls).toEqual(expected);
    expect(
      new Set(PANE_SECTIONS.flatMap((s) => s.groups.flatMap((g) => g.controls.map((c) => c.id))))
        .size
    ).toBe(controls.length);
  });

  it("shows a path's prices and the VMware terms only while that path is compared", () => {
    const visible = (draft: Record<string, unknown>, path: string): boolean => {
      const hit = CONTROLS_BY_PATH.get(path);
      if (!hit) throw new Error(`no control ${path}`);
      return shown(hit.group, draft, false) && shown(hit.control, draft, false);
    };
    const base = defaultScenarioJson("ws2025");
    const only = setAt(
      setAt(base, "licensing.options", ["standard", "datacenter"]),
      "finance.baseline",
      "physical"
    );
    for (const path of [
      "licensing.prices.vcf",
      "licensing.prices.windowsPayg",
      "licensing.prices.azureLocalHost",
      "licensing.vmware.renewalDate",
      "licensing.azureHybridBenefit",
      "licensing.prices.vsphere",
    ])
      expect(visible(only, path), path).toBe(false);
    for (const path of [
      "licensing.prices.standard",
      "licensing.prices.datacenter",
      "licensing.owned.datacenterCores",
    ])
      expect(visible(only, path), path).toBe(true);
    // Staying on VCF is the baseline: its price and the renewal terms are needed, VVF's is not.
    const staying = setAt(only, "finance.baseline", "vcf");
    expect(visible(staying, "licensing.prices.vcf")).toBe(true);
    expect(visible(staying, "licensing.vmware.renewalDate")).toBe(true);
    expect(visible(staying, "licensing.prices.vvf")).toBe(false);
    const azure = setAt(only, "licensing.options", ["azure-local"]);
    expect(visible(azure, "licensing.prices.azureLocalWindows")).toBe(true);
    expect(visible(azure, "licensing.azureHybridBenefit")).toBe(true);
    // A hidden field with a problem shows anyway.
    const hit = CONTROLS_BY_PATH.get("licensing.prices.vcf");
    expect(hit && shown(hit.control, only, true)).toBe(true);
  });

  it("orders the sections as a user fills them", () => {
    expect(PANE_SECTIONS.map((s) => s.title)).toEqual([
      "Inventory",
      "Demand and growth",
      "Host and cluster",
      "Storage",
      "Platform and licensing",
      "Housing",
      "Manpower",
      "Finance",
    ]);
  });
});

describe("issue paths → controls", () => {
  it.each([
    ["host.memoryGiB", { kind: "control", id: "f-host-memoryGiB", section: "hostCluster" }],
    [
      "licensing.prices.standard",
      { kind: "control", id: "f-licensing-prices-standard", section: "licensing" },
    ],
    ["licensing.options[2]", { kind: "control", path: "licensing.options", section: "licensing" }],
    ["platform", { kind: "control", section: "licensing" }],
    [
      "inventory[6].memoryGiB",
      { kind: "inventoryCell", row: 6, key: "memoryGiB", id: "inv-6-memoryGiB" },
    ],
    ["inventory[6]", { kind: "inventoryRow", row: 6 }],
    ["storage.resiliency", { kind: "control", id: "f-storage-resiliency", section: "storage" }],
    ["virtual.sharedStoragePerCluster", { kind: "control", section: "storage", group: "san" }],
    ["growth.cpuRatePerYear", { kind: "control", section: "demand", group: "growthMore" }],
    ["demand.retireIdle", { kind: "control", section: "demand", group: "idle" }],
    ["inventory[6].colour", { kind: "inventoryRow", row: 6 }],
    ["inventory", { kind: "inventory" }],
    ["housing.colour", { kind: "general" }],
    ["schemaVersion", { kind: "general" }],
  ])("%s", (path, place) => {
    expect(placeOfIssue(path)).toMatchObject(place);
  });

  it("maps every issue of a broken scenario to a place, counted per section", () => {
    let draft = defaultScenarioJson("ws2022");
    draft = setAt(draft, "host.memoryGiB", "-4");
    draft = setAt(draft, "finance.discountRate", "7%");
    draft = setAt(draft, "inventory[0].cores", 0);
    const result = parseScenario(draft);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(issueCountsBySection(result.issues)).toEqual({
      inventory: 1,
      demand: 0,
      hostCluster: 1,
      storage: 0,
      licensing: 0,
      housing: 0,
      manpower: 0,
      finance: 1,
    });
  });

  it("says what to enter when a field is left empty", () => {
    const field = CONTROLS_BY_PATH.get("host.memoryGiB")?.control.field;
    const result = parseScenario(setAt(defaultScenarioJson("ws2022"), "host.memoryGiB", ""));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const issue = result.issues.find((i) => i.path === "host.memoryGiB");
    expect(issue && issueText(issue, field)).toBe(
      "Enter the host's RAM in GiB (a number above 0)."
    );
  });
});

describe("typedValue", () => {
  const int = INVENTORY_FIELDS.find((f) => f.key === "cores");
  const dec = INVENTORY_FIELDS.find((f) => f.key === "memoryGiB");
  it("keeps decimals as exact text and turns whole counts into numbers", () => {
    expect(int && typedValue(int, " 8 ")).toBe(8);
    expect(int && typedValue(int, "8.5")).toBe("8.5");
    expect(dec && typedValue(dec, "0.1")).toBe("0.1");
  });
});
