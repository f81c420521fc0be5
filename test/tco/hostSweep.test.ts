/**
 * Which host to buy (issue 18): for each option every candidate of `hostOptions` is planned,
 * licensed and costed, and the lowest TCO over the horizon wins (ties: fewer hosts, then input
 * order). Expected values are worked by hand in the comments from the ws2025 defaults
 * (src/scenario/defaults.ts: host reserve 8 GiB, memory target 1, CPU target 0.75, N+1,
 * Datacenter $6,771 per 16 cores in 2-core packs, host maintenance 10 % a year, refresh 5 y).
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { defaultScenarioJson, parseScenario, type Scenario } from "../../src/scenario";
import { analysisJson, analyze, type Analysis } from "../../src/tco";
import { hostChoiceSentence } from "../../src/report/hostChoice";
import { sweepOption, type CandidateAnalysis } from "../../src/tco/hostSweep";
import { REPO_ROOT } from "../support/paths";

type Json = Record<string, unknown>;

/** A copy of `obj` without `keys`. */
const without = (obj: Json, ...keys: string[]): Json =>
  Object.fromEntries(Object.entries(obj).filter(([k]) => !keys.includes(k)));

function parsed(json: Json): Scenario {
  const r = parseScenario(json);
  if (!r.ok) throw new Error(r.issues.map((i) => `${i.path}: ${i.message}`).join("\n"));
  return r.scenario;
}

/** A ws2025 scenario comparing Datacenter only, on a SAN, with these servers and candidates. */
function scenarioWith(inventory: Json[], hostOptions: Json[] | undefined): Scenario {
  const base = defaultScenarioJson("ws2025", inventory);
  const licensing = { ...(base["licensing"] as Json), options: ["datacenter"] };
  return parsed({ ...base, licensing, ...(hostOptions ? { hostOptions } : {}) });
}

const node = (name: string, extra: Json): Json => ({
  name,
  sockets: 2,
  coresPerSocket: 16,
  threadsPerCore: 2,
  cpuGhz: "2.9",
  memoryGiB: "512",
  price: "30000",
  powerWatts: "600",
  rackUnits: 2,
  ...extra,
});

const only = (a: Analysis) => {
  const o = a.options[0];
  if (!o) throw new Error("no option");
  return o;
};

describe("host sweep: the lowest TCO host per option", () => {
  it("a memory-bound estate picks the memory-rich host", () => {
    // 20 Linux servers of 100 GiB each, tiny CPU (2 cores × 2.0 GHz × 0.1 = 0.4 GHz).
    // CPU-rich 2 × 32c, 512 GiB: (512 − 8) × 1 = 504 GiB → 5 VMs per host → 4 hosts + 1 (N+1) = 5;
    //   Datacenter 64 cores per host = 4 × $6,771 = $27,084 per host.
    // Memory-rich 2 × 16c, 1 TiB: (1024 − 8) = 1016 GiB → 10 VMs per host → 2 hosts + 1 = 3;
    //   Datacenter 32 cores per host = 2 × $6,771 = $13,542 per host.
    // Same price, power and rack space: 3 cheaper hosts with fewer cores win; memory binds.
    const servers = [
      {
        name: "BIG",
        count: 20,
        os: "linux",
        cores: 2,
        cpuGhz: "2.0",
        peakCpuUtilization: "0.1",
        averageCpuUtilization: "0.05",
        memoryGiB: "100",
      },
    ];
    const a = analyze(
      scenarioWith(servers, [
        node("CPU-rich", { coresPerSocket: 32, cpuGhz: "2.5" }),
        node("Memory-rich", { memoryGiB: "1024" }),
      ]),
      { sensitivity: false }
    );
    const o = only(a);
    expect(o.hostSweep.map((e) => [e.name, e.hosts, e.licensedCores])).toEqual([
      ["CPU-rich", 5, 5 * 64],
      ["Memory-rich", 3, 3 * 32],
    ]);
    expect(o.hostName).toBe("Memory-rich");
    expect(o.capacity.hosts).toBe(3);
    expect(o.hostChoice.binding).toBe("memoryGiB");
    expect(o.hostChoice.runnerUp).toBe("CPU-rich");
    expect(o.hostSweep[1]?.chosen).toBe(true);
    expect(hostChoiceSentence(o)).toContain("Node count decided by memory");
  });

  it("a tiny estate on per-core licensing picks the smaller CPU (16-core floor)", () => {
    // Two small Windows servers: 1 host + 1 for N+1 = 2 hosts on either candidate.
    // 1 × 8c is licensed for 16 cores (floor: 16 per server) = 8 packs × $846.375 = $6,771.00;
    // 1 × 24c is licensed for 24 cores = 12 packs × $846.375 = $10,156.50 per host.
    // Same price, memory, power: TCO differs by 2 hosts × ($10,156.50 − $6,771.00) = $6,771.00.
    const servers = [
      {
        name: "APP",
        count: 2,
        os: "windows",
        cores: 2,
        cpuGhz: "2.4",
        peakCpuUtilization: "0.4",
        memoryGiB: "8",
      },
    ];
    const a = analyze(
      scenarioWith(servers, [
        node("1 × 24c", { sockets: 1, coresPerSocket: 24 }),
        node("1 × 8c", { sockets: 1, coresPerSocket: 8 }),
      ]),
      { sensitivity: false }
    );
    const o = only(a);
    const [big, small] = o.hostSweep;
    expect([big?.hosts, small?.hosts]).toEqual([2, 2]);
    expect(big?.tco.minus(small?.tco ?? 0).toFixed(2)).toBe("6771.00");
    expect(o.hostName).toBe("1 × 8c");
    expect(o.hostChoice.licence).toEqual({
      physicalCoresPerHost: 8,
      licensedCoresPerHost: 16,
      floor: "16 per server, 8 per processor",
    });
    expect(o.hostChoice.saving?.toFixed(2)).toBe("6771.00");
  });

  it("equal hosts at different prices pick the cheaper, and a full tie keeps input order", () => {
    // Same shape; the second costs $2,000 less. Same hosts n; the difference is the purchase
    // and 10 % maintenance a year for 5 years (no refresh inside a 5-year horizon at 5 years):
    // n × $2,000 × (1 + 5 × 0.1) = n × $3,000.
    const servers = [
      {
        name: "WEB",
        count: 30,
        os: "windows",
        cores: 4,
        cpuGhz: "2.4",
        peakCpuUtilization: "0.5",
        memoryGiB: "16",
      },
    ];
    const a = analyze(
      scenarioWith(servers, [
        node("Dear", { price: "20000" }),
        node("Cheap", { price: "18000" }),
        node("Cheap twin", { price: "18000" }),
      ]),
      { sensitivity: false }
    );
    const o = only(a);
    const [dear, cheap, twin] = o.hostSweep;
    const n = cheap?.hosts ?? 0;
    expect(n).toBeGreaterThan(0);
    expect(dear?.hosts).toBe(n);
    expect(dear?.tco.minus(cheap?.tco ?? 0).toFixed(2)).toBe((n * 3000).toFixed(2));
    expect(twin?.tco.eq(cheap?.tco ?? 0)).toBe(true);
    expect(o.hostName).toBe("Cheap");
    expect(o.hostChoice.tieBreak).toBe("input-order");
    expect(o.hostChoice.runnerUp).toBe("Cheap twin");
  });

  it("a tie on TCO goes to fewer hosts, before input order", () => {
    // Two runs with the same TCO, the second needing 5 hosts against 7: fewer hosts wins,
    // whatever the order (sweepOption's rule, on the engine's own analysis with hosts changed).
    const servers = [
      { name: "APP", count: 4, os: "windows", cores: 2, cpuGhz: "2.4", memoryGiB: "8" },
    ];
    const s = scenarioWith(servers, undefined);
    const real = only(analyze(s, { sensitivity: false }));
    const run = (name: string, hosts: number): CandidateAnalysis => ({
      candidate: { ...s.host, name, drivesPerNode: 4, driveTB: s.storage.driveTB },
      scenario: s,
      analysis: { ...real, capacity: { ...real.capacity, hosts } },
    });
    const sweep = sweepOption("datacenter", [run("Seven", 7), run("Five", 5)]);
    expect(sweep.chosen).toBe(1);
    expect(sweep.reason.tieBreak).toBe("fewer-hosts");
    expect(sweep.reason.saving?.toFixed(2)).toBe("0.00");
  });

  it("without hostOptions the scenario's host is the single candidate and the analysis is unchanged", () => {
    const servers = [
      { name: "APP", count: 4, os: "windows", cores: 2, cpuGhz: "2.4", memoryGiB: "8" },
    ];
    const s = scenarioWith(servers, undefined);
    const o = only(analyze(s, { sensitivity: false }));
    expect(o.hostName).toBe("Scenario host");
    expect(o.hostSweep).toHaveLength(1);
    expect(o.hostSweep[0]?.tco.eq(o.costs.total)).toBe(true);
    expect(o.hostSweep[0]?.hosts).toBe(o.capacity.hosts);
  });
});

describe("host sweep entries equal separate evaluations with that host alone", () => {
  const example = JSON.parse(
    readFileSync(join(REPO_ROOT, "assets", "examples", "host-sweep-2025.json"), "utf8")
  ) as Json;
  const swept = analyze(parsed(example), { sensitivity: false });
  const sweptJson = analysisJson(swept) as { options: Json[] };
  const candidates = example["hostOptions"] as Json[];

  it.each(candidates.map((c, i) => [c["name"] as string, i] as const))(
    "%s: every option's hosts and TCO as when it is the scenario's host",
    (_name, i) => {
      const host = without(candidates[i] as Json, "name");
      const alone = analyze(parsed({ ...without(example, "hostOptions"), host }), {
        sensitivity: false,
      });
      const aloneJson = analysisJson(alone) as { options: Json[] };
      swept.options.forEach((o, k) => {
        const entry = o.hostSweep[i];
        const single = alone.options[k];
        expect(entry?.hosts).toBe(single?.capacity.hosts);
        expect(entry?.tco.toFixed(2)).toBe(single?.costs.total.toFixed(2));
        if (entry?.chosen) {
          // The chosen candidate's whole option analysis is the separate evaluation's.
          const strip = (j: Json): Json => ({
            ...without(j, "hostSweep", "hostChoice"),
            capacity: without(j["capacity"] as Json, "hostName"),
          });
          expect(strip(sweptJson.options[k] as Json)).toEqual(strip(aloneJson.options[k] as Json));
        }
      });
    }
  );
});

describe("host sweep with Storage Spaces Direct and growth", () => {
  // The s2d-growth example (storage +20 % a year, three-way mirror) on the same node with
  // its default 8 drives and with 12: more drives per node hold the growing data on fewer
  // nodes, so the 12-drive candidate owns fewer hosts by the last year.
  const example = JSON.parse(
    readFileSync(join(REPO_ROOT, "assets", "examples", "s2d-growth-2025.json"), "utf8")
  ) as Json;
  const node = { sockets: 2, coresPerSocket: 24, cpuGhz: "2.6", memoryGiB: "768", price: "30000" };
  const candidates: Json[] = [
    { name: "8 drives", ...node },
    { name: "12 drives", ...node, drivesPerNode: 12 },
  ];
  const swept = analyze(parsed({ ...example, hostOptions: candidates }), { sensitivity: false });
  const datacenter = swept.options.find((o) => o.id === "datacenter");

  it("each candidate's drives are its own: hosts by year and TCO equal that host alone", () => {
    candidates.forEach((c, i) => {
      const storage = { ...(example["storage"] as Json), drivesPerNode: c["drivesPerNode"] ?? 8 };
      const alone = analyze(
        parsed({
          ...without(example, "hostOptions"),
          host: without(c, "name", "drivesPerNode"),
          storage,
        }),
        { sensitivity: false }
      ).options.find((o) => o.id === "datacenter");
      const entry = datacenter?.hostSweep[i];
      expect(entry?.hostsByYear).toEqual(alone?.hostsByYear);
      expect(entry?.tco.toFixed(2)).toBe(alone?.costs.total.toFixed(2));
    });
    const [eight, twelve] = datacenter?.hostSweep ?? [];
    const last = (h: readonly number[] | undefined): number => h?.[h.length - 1] ?? 0;
    expect(last(twelve?.hostsByYear)).toBeLessThan(last(eight?.hostsByYear));
  });
});
