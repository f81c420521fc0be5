import { describe, expect, it } from "vitest";
import { fitHeapToEstate, HEAP_GROWING_FLAG, THRIFTY_HEAP_SERVERS } from "../../src/cli/heap";

describe("fitHeapToEstate", () => {
  const calls = (servers: number): string[] => {
    const flags: string[] = [];
    fitHeapToEstate(servers, (f) => flags.push(f));
    return flags;
  };

  it("leaves V8's heap growth as it is for an estate below the threshold (speed first)", () => {
    expect(calls(10_000)).toEqual([]);
    expect(calls(THRIFTY_HEAP_SERVERS - 1)).toEqual([]);
  });

  it("limits heap growth to 50 % from the threshold on (issue 16: 100,000 servers ≤ 300 MB)", () => {
    expect(THRIFTY_HEAP_SERVERS).toBeLessThanOrEqual(100_000);
    expect(calls(THRIFTY_HEAP_SERVERS)).toEqual(["--heap-growing-percent=50"]);
    expect(calls(1_000_000)).toEqual([HEAP_GROWING_FLAG]);
  });
});
