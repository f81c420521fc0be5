import { describe, expect, it } from "vitest";
import { filterHost, hostLoad, type HostCapacity, type VmDemand } from "../../src/capacity";
import { leastLoaded, mostAllocated, placeVms } from "../support/placeVms";

const capacity: HostCapacity = {
  cpuGhz: 20,
  memoryGiB: 64,
  vcpus: 16,
  vms: 4,
  logicalProcessors: 8,
  notes: [],
};
const vm = (id: string, cpuGhz: number, memoryGiB: number, vcpus = 2): VmDemand => ({
  id,
  row: 0,
  os: "windows",
  vcpus,
  cpuGhz,
  memoryGiB,
  storageGiB: 0,
});

describe("filterHost", () => {
  it("fits when every resource has room", () => {
    expect(filterHost(vm("A", 5, 16), [10, 40, 8, 2], capacity)).toEqual([]);
  });

  it("keeps every reason a host refuses a VM, with requested and free", () => {
    // memory: 64 − 40 = 24 free < 32; VMs: 4 − 4 = 0 free < 1; CPU 20 − 10 = 10 ≥ 5 fits
    expect(filterHost(vm("A", 5, 32), [10, 40, 8, 4], capacity)).toEqual([
      { resource: "memoryGiB", requested: 32, free: 24 },
      { resource: "vms", requested: 1, free: 0 },
    ]);
  });

  it("absorbs floating-point rounding of sums (0.1 + 0.2 GHz on a 0.3 GHz host)", () => {
    const tiny: HostCapacity = { ...capacity, cpuGhz: 0.3 };
    expect(filterHost(vm("A", 0.2, 1), [0.1, 0, 0, 0], tiny)).toEqual([]);
    expect(filterHost(vm("A", 0.2001, 1), [0.1, 0, 0, 0], tiny)).toHaveLength(1);
  });
});

describe("scorers", () => {
  it("measures load as the highest share of any resource", () => {
    // CPU 10/20 = 0.5, memory 16/64 = 0.25, vCPUs 12/16 = 0.75, VMs 1/4 = 0.25 → 0.75
    expect(hostLoad([10, 16, 12, 1], [20, 64, 16, 4])).toBe(0.75);
  });

  it("spread prefers the emptier host, pack the fuller one", () => {
    const full = [15, 40, 8, 2];
    const empty = [0, 0, 0, 0];
    const cap = [20, 64, 16, 4];
    const req = [1, 1, 1, 1];
    expect(leastLoaded(req, empty, cap)).toBeGreaterThan(leastLoaded(req, full, cap));
    expect(mostAllocated(req, full, cap)).toBeGreaterThan(mostAllocated(req, empty, cap));
  });
});

describe("placeVms", () => {
  it("places each VM on the best-scoring host that fits, ties to the lower host", () => {
    const placement = placeVms(
      [vm("A", 5, 8), vm("B", 5, 8), vm("C", 5, 8)],
      [
        [0, 0, 0, 0],
        [0, 0, 0, 0],
      ],
      capacity,
      { scorer: leastLoaded }
    );
    // A → host 0 (tie), B → host 1 (emptier), C → host 0 (tie again)
    expect(placement.hostOf).toEqual([0, 1, 0]);
    expect(placement.used[0]).toEqual([10, 16, 4, 2]);
    expect(placement.unplaced).toEqual([]);
  });

  it("returns a VM that fits nowhere with every host's reasons instead of throwing", () => {
    const placement = placeVms(
      [vm("BIG", 5, 60)],
      [
        [0, 10, 0, 0],
        [0, 0, 0, 4],
      ],
      capacity,
      {
        scorer: leastLoaded,
        unavailable: new Set([2]),
      }
    );
    expect(placement.hostOf).toEqual([-1]);
    expect(placement.unplaced).toEqual([
      {
        vmId: "BIG",
        reasons: [
          { host: 0, reasons: [{ resource: "memoryGiB", requested: 60, free: 54 }] },
          { host: 1, reasons: [{ resource: "vms", requested: 1, free: 0 }] },
        ],
      },
    ]);
  });

  it("skips unavailable hosts and does not change its arguments", () => {
    const used = [
      [0, 0, 0, 0],
      [0, 0, 0, 0],
    ];
    const placement = placeVms([vm("A", 1, 1)], used, capacity, {
      scorer: leastLoaded,
      unavailable: new Set([0]),
    });
    expect(placement.hostOf).toEqual([1]);
    expect(used).toEqual([
      [0, 0, 0, 0],
      [0, 0, 0, 0],
    ]);
  });
});
