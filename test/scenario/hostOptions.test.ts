/**
 * `hostOptions`: candidate hosts parsed with the `host` section's field specs (and the S2D
 * drive fields of `storage`), each problem reported with its path, names unique, at most 20.
 */
import { describe, expect, it } from "vitest";
import {
  defaultScenarioJson,
  hostCatalogOptions,
  LIMITS,
  parseScenario,
  scenarioToJson,
  SCENARIO_MESSAGES,
} from "../../src/scenario";

const base = defaultScenarioJson("ws2025");
const withOptions = (hostOptions: unknown): unknown => ({ ...base, hostOptions });
const issuesOf = (json: unknown) => {
  const r = parseScenario(json);
  return r.ok ? [] : r.issues;
};

describe("hostOptions", () => {
  it("fills a field left out from the scenario's host and storage", () => {
    const r = parseScenario(withOptions([{ name: "Big RAM", memoryGiB: "1024" }]));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const [c] = r.scenario.hostOptions ?? [];
    expect(c?.name).toBe("Big RAM");
    expect(c?.memoryGiB.toString()).toBe("1024");
    // Everything else from host (ws2025: 2 × 16 cores, $25,000) and the S2D drives from storage.
    expect(c?.sockets).toBe(r.scenario.host.sockets);
    expect(c?.price.toString()).toBe(r.scenario.host.price.toString());
    expect(c?.drivesPerNode).toBe(r.scenario.storage.drivesPerNode);
    expect(c?.driveTB.toString()).toBe(r.scenario.storage.driveTB.toString());
  });

  it("reports every problem at once, each with its path", () => {
    const issues = issuesOf(
      withOptions([
        { name: "A", sockets: 0 },
        { sockets: 2 },
        { name: "a", memoryGiB: "-4", prise: "1" },
        "not a host",
        { name: "S2D", drivesPerNode: 2 },
      ])
    );
    expect(issues.map((i) => i.path)).toEqual([
      "hostOptions[0].sockets",
      "hostOptions[1].name",
      "hostOptions[2].prise",
      "hostOptions[2].memoryGiB",
      "hostOptions[2].name",
      "hostOptions[3]",
      "hostOptions[4].drivesPerNode",
    ]);
    // The host section's own wording: the same spec, the same message.
    expect(issues[0]?.message).toBe(
      "Enter the host's processor sockets as a whole number from 1 to 64, not 0."
    );
    expect(issues[1]?.message).toBe(SCENARIO_MESSAGES.hostOptionNameRequired);
    expect(issues[2]?.message).toContain('did you mean "price"');
    expect(issues[4]?.message).toBe(
      SCENARIO_MESSAGES.duplicateHostName("a", "hostOptions[0].name")
    );
  });

  it("refuses more than the limit, saying the limit", () => {
    const many = Array.from({ length: LIMITS.hostOptions.value + 1 }, (_, i) => ({
      name: `H${i}`,
    }));
    const issues = issuesOf(withOptions(many));
    expect(issues).toHaveLength(1);
    expect(issues[0]?.path).toBe("hostOptions");
    expect(issues[0]?.message).toContain("at most 20");
  });

  it("refuses a non-list, an empty list, and RAM at or below the host reserve", () => {
    expect(issuesOf(withOptions({})).map((i) => i.message)).toEqual([
      SCENARIO_MESSAGES.hostOptionsNotArray,
    ]);
    expect(issuesOf(withOptions([])).map((i) => i.message)).toEqual([
      SCENARIO_MESSAGES.hostOptionsEmpty,
    ]);
    // ws2025 reserve is 8 GiB: a 8 GiB candidate has nothing left for VMs.
    expect(issuesOf(withOptions([{ name: "Tiny", memoryGiB: "8" }])).map((i) => i.path)).toEqual([
      "hostOptions[0].memoryGiB",
    ]);
  });

  it("the catalog parses, and a scenario with it round-trips through JSON", () => {
    const r = parseScenario(withOptions(hostCatalogOptions()));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.scenario.hostOptions).toHaveLength(6);
    const again = parseScenario(scenarioToJson(r.scenario));
    expect(again.ok && scenarioToJson(again.scenario)).toEqual(scenarioToJson(r.scenario));
  });
});
