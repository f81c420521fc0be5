import { describe, expect, it } from "vitest";
import { onDemand } from "../../src/taskpane/onDemand";

describe("onDemand: a lazy chunk loaded once", () => {
  it("starts the load on the first call only and shares its result", async () => {
    let loads = 0;
    const get = onDemand(async () => ++loads);
    expect(loads).toBe(0);
    const [a, b] = await Promise.all([get(), get()]);
    expect([a, b, await get()]).toEqual([1, 1, 1]);
    expect(loads).toBe(1);
  });

  it("tries again after a load that failed, instead of failing for good", async () => {
    let loads = 0;
    const get = onDemand(async () => {
      loads++;
      if (loads === 1) throw new Error("chunk fetch failed");
      return "module";
    });
    await expect(get()).rejects.toThrow("chunk fetch failed");
    expect(await get()).toBe("module");
    expect(await get()).toBe("module");
    expect(loads).toBe(2);
  });
});
