/**
 * Properties of the host sweep on random small scenarios with 2–3 random candidates: the host
 * bought for an option has the lowest TCO among the candidates it is possible on (ties: fewer
 * hosts), and every candidate's hosts and TCO are those of the scenario with that host alone.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseScenario, scenarioToJson, type Scenario } from "../../src/scenario";
import { analyze } from "../../src/tco";
import { withHost } from "../../src/tco/hostSweep";
import { smallScenario } from "./fixtures";

const candidate = fc.record({
  sockets: fc.integer({ min: 1, max: 2 }),
  coresPerSocket: fc.constantFrom(6, 8, 12, 16, 24, 32),
  memoryGiB: fc.constantFrom("128", "256", "512", "1024"),
  price: fc.integer({ min: 5, max: 40 }).map((k) => String(k * 1000)),
});

const withCandidates = fc
  .tuple(smallScenario, fc.array(candidate, { minLength: 2, maxLength: 3 }))
  .map(([s, cs]): Scenario | null => {
    const json = scenarioToJson(s);
    const r = parseScenario({ ...json, hostOptions: cs.map((c, i) => ({ ...c, name: `C${i}` })) });
    return r.ok ? r.scenario : null;
  });

describe("host sweep properties", () => {
  it("buys the cheapest possible candidate, and each entry equals that host alone", () => {
    fc.assert(
      fc.property(withCandidates, (s) => {
        if (s === null) return; // a candidate below the host reserve: refused by the parser
        const a = analyze(s, { sensitivity: false });
        const alone = (s.hostOptions ?? []).map((h) =>
          analyze(withHost(s, h), { sensitivity: false })
        );
        for (const [k, o] of a.options.entries()) {
          const chosen = o.hostSweep.find((e) => e.chosen);
          expect(chosen?.name).toBe(o.hostName);
          for (const e of o.hostSweep) {
            const single = alone[e.index]?.options[k];
            expect(e.hosts).toBe(single?.capacity.hosts);
            expect(e.tco.eq(single?.costs.total ?? -1)).toBe(true);
            if (o.eligible && e.eligible) {
              expect(chosen?.tco.lte(e.tco)).toBe(true);
              if (chosen?.tco.eq(e.tco)) expect(chosen.hosts).toBeLessThanOrEqual(e.hosts);
            }
          }
        }
      }),
      { numRuns: 10 }
    );
  });
});
