/**
 * Random VALID scenarios for the "every scenario that validates produces a complete workbook"
 * properties: any platform and subset of options (ineligible ones included: Hyper-V Server
 * after 2019, Enterprise after 2008 R2), horizons of 1–30 years, zero and odd prices, every
 * cost zero, estates where every server stays physical, servers too big for a host, N+0 to
 * N+2, vSphere as the baseline. Built as JSON and kept only if `parseScenario` accepts it.
 */
import fc from "fast-check";
import { PLATFORM_IDS, platformLimits } from "../../src/platform";
import {
  OPTION_IDS,
  SECTIONS,
  defaultScenarioJson,
  parseScenario,
  type Scenario,
} from "../../src/scenario";

type Json = Record<string, any>;

const row = fc.record({
  count: fc.integer({ min: 1, max: 12 }),
  os: fc.constantFrom("windows", "linux"),
  cores: fc.constantFrom(1, 2, 4, 8, 16, 64),
  cpuGhz: fc.constantFrom("2.4", "3.1", "1.8"),
  peak: fc.constantFrom("0", "0.05", "0.4", "1"),
  memoryGiB: fc.constantFrom("2", "8", "64", "300", "5000"),
  storageGiB: fc.constantFrom("0", "100", "2000"),
  stayPhysical: fc.boolean(),
});

/** A random valid scenario (JSON, as a user would write it) and its parse. */
export const validScenarioJson: fc.Arbitrary<Json> = fc
  .record({
    platform: fc.constantFrom(...PLATFORM_IDS),
    options: fc.subarray([...OPTION_IDS], { minLength: 1 }),
    horizonYears: fc.integer({ min: 1, max: 30 }),
    discountRate: fc.constantFrom("0", "0.07", "0.3", "1"),
    baseline: fc.constantFrom("physical", "physical", "vsphere"),
    sockets: fc.integer({ min: 1, max: 4 }),
    coresPerSocket: fc.constantFrom(4, 6, 16, 32),
    hostMemoryGiB: fc.constantFrom("32", "96", "768"),
    hostPrice: fc.constantFrom("0", "1234.5678", "9000", "25000"),
    failuresToTolerate: fc.integer({ min: 0, max: 2 }),
    maxNodes: fc.integer({ min: 3, max: 16 }),
    everyCostZero: fc.boolean(),
    allPhysical: fc.boolean(),
    clusterAware: fc.boolean(),
    rows: fc.array(row, { minLength: 1, maxLength: 5 }),
  })
  .map((r) => {
    const json = JSON.parse(
      JSON.stringify(
        defaultScenarioJson(
          r.platform,
          r.rows.map((x, i) => ({
            name: `SRV-${i + 1}`,
            count: x.count,
            os: x.os,
            cores: x.cores,
            cpuGhz: x.cpuGhz,
            peakCpuUtilization: x.peak,
            averageCpuUtilization: "0",
            memoryGiB: x.memoryGiB,
            storageGiB: x.storageGiB,
            stayPhysical: r.allPhysical || x.stayPhysical,
          }))
        )
      )
    ) as Json;
    json["finance"] = {
      ...json["finance"],
      horizonYears: r.horizonYears,
      discountRate: r.discountRate,
      baseline: r.baseline,
    };
    json["host"] = {
      ...json["host"],
      sockets: r.sockets,
      coresPerSocket: r.coresPerSocket,
      memoryGiB: r.hostMemoryGiB,
      price: r.hostPrice,
    };
    json["cluster"] = {
      ...json["cluster"],
      failuresToTolerate: r.failuresToTolerate,
      maxNodes: Math.min(r.maxNodes, platformLimits(r.platform).maxClusterNodes),
    };
    json["licensing"] = { ...json["licensing"], options: r.options, clusterAware: r.clusterAware };
    if (r.everyCostZero) {
      // Every price, rate and tariff at 0: every cost line is 0, so no chart has money to show.
      for (const section of SECTIONS) {
        for (const f of section.fields) {
          if (f.kind !== "money") continue;
          const [group, key] = f.key.split(".") as [string, string | undefined];
          if (key === undefined) json[section.key][group] = "0";
          else json[section.key][group] = { ...json[section.key][group], [key]: "0" };
        }
      }
    }
    return json;
  });

/** `validScenarioJson`, parsed (the arbitrary only yields scenarios the parser accepts). */
export const validScenario: fc.Arbitrary<Scenario> = validScenarioJson
  .map((json) => parseScenario(json))
  .filter((r): r is Extract<ReturnType<typeof parseScenario>, { ok: true }> => r.ok)
  .map((r) => r.scenario);
