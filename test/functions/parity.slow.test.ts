/**
 * BREAKEVEN = breakEvenVms over every pair of options on every platform, two hosts each: the
 * exhaustive sweep of test/functions/parity.test.ts, split out because each pair walks the VM
 * count up to the platform's limit (seconds in all). Listed in test/slow-unit-files.json, so
 * it runs with `npm run test:integration`.
 */
import { describe, expect, it } from "vitest";
import { breakEvenImpl } from "../../src/functions/logic";
import { breakEvenVms, defaultTerms, eligibility } from "../../src/licensing";
import { PLATFORM_IDS } from "../../src/platform";
import { OPTION_IDS } from "../../src/scenario";
import { thrownBy } from "./support";

describe("BREAKEVEN", () => {
  it("equals breakEvenVms for every pair of options on every platform (#N/A where it is null)", () => {
    for (const platform of PLATFORM_IDS) {
      for (const host of [
        { sockets: 2, coresPerSocket: 6 },
        { sockets: 2, coresPerSocket: 24 },
      ]) {
        for (const a of OPTION_IDS) {
          for (const b of OPTION_IDS) {
            if (a === b) continue;
            const expected = breakEvenVms(a, b, host, defaultTerms(platform), platform);
            if (expected !== null) {
              expect(breakEvenImpl(a, b, host.sockets, host.coresPerSocket, platform)).toBe(
                expected
              );
              continue;
            }
            const e = thrownBy(() =>
              breakEvenImpl(a, b, host.sockets, host.coresPerSocket, platform)
            );
            expect(e.code).toBe("#N/A");
            const bothExist = [a, b].every(
              (o) => eligibility(o, platform, { clustered: false, sockets: host.sockets }).eligible
            );
            expect(e.message).toContain(bothExist ? "never becomes cheaper" : "cannot be used");
          }
        }
      }
    }
  });
});
