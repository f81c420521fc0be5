import { describe, expect, it } from "vitest";
import { hostCapacity } from "../../src/capacity";
import { scenarioOf, server } from "./scenarios";

const inventory = [server("A")];

describe("hostCapacity", () => {
  it("derives the Windows Server 2008 R2 default host (2 × 6 cores, 2.93 GHz, 96 GiB) by hand", () => {
    const cap = hostCapacity(scenarioOf("ws2008r2", inventory));
    // CPU: 2 sockets × 6 cores × 2.93 GHz × 0.75 target = 26.37 GHz
    expect(cap.cpuGhz).toBe(26.37);
    // Memory: (96 GiB − 2 GiB reserve) × 1 = 94 GiB
    expect(cap.memoryGiB).toBe(94);
    // LPs: 2 × 6 × 2 threads = 24; vCPUs: min(24 × 8 = 192, 512) = 192
    expect(cap.logicalProcessors).toBe(24);
    expect(cap.vcpus).toBe(192);
    // Running VMs: the platform's 384
    expect(cap.vms).toBe(384);
    expect(cap.notes).toEqual([
      "Logical processors: 2 × 6 cores × 2 threads = 24.",
      "CPU: 2 sockets × 6 cores × 2.93 GHz × 75 % target = 26.37 GHz.",
      "Memory: (96 GiB − 2 GiB host reserve) × 100 % target = 94 GiB.",
      "Virtual processors: min(24 logical processors × 8 per LP = 192, platform limit 512) = 192.",
      "Running VMs per host: 384 (Windows Server 2008 R2 SP1 limit).",
    ]);
  });

  it("derives the Windows Server 2022 default host (2 × 16 cores, 2.9 GHz, 768 GiB)", () => {
    const cap = hostCapacity(scenarioOf("ws2022", inventory));
    // 2 × 16 × 2.9 × 0.75 = 69.6 GHz; (768 − 8) × 1 = 760 GiB; min(64 × 8, 2048) = 512; 1,024 VMs
    expect(cap).toMatchObject({
      cpuGhz: 69.6,
      memoryGiB: 760,
      vcpus: 512,
      vms: 1024,
      logicalProcessors: 64,
    });
  });

  it("applies Windows Server 2008 R2 Standard's 32 GiB and 192 VMs", () => {
    const cap = hostCapacity(scenarioOf("ws2008r2", inventory), {
      maxHostMemoryGiB: 32,
      maxRunningVmsPerHost: 192,
      clusteringAllowed: false,
      reason: "Windows Server 2008 R2 Standard supports 32 GB of RAM and 192 running VMs",
    });
    // (min(96, 1024, 32) − 2) × 1 = 30 GiB; VMs min(384, 192) = 192
    expect(cap.memoryGiB).toBe(30);
    expect(cap.vms).toBe(192);
    expect(cap.cpuGhz).toBe(26.37);
    expect(cap.notes).toContain(
      "Host RAM cut from 96 GiB to 32 GiB: Windows Server 2008 R2 Standard supports 32 GB of RAM and 192 running VMs."
    );
    expect(cap.notes).toContain(
      "Running VMs per host: 192 (cut from the platform's 384: Windows Server 2008 R2 Standard supports 32 GB of RAM and 192 running VMs)."
    );
  });

  it("caps logical processors at the platform limit and counts only the cores Hyper-V can use", () => {
    // 4 × 16 cores × 2 threads = 128 LPs; 2008 R2 uses 64 → 32 cores: 32 × 2.93 × 0.75 = 70.32 GHz;
    // vCPUs min(64 × 8, 512) = 512
    const cap = hostCapacity(
      scenarioOf("ws2008r2", inventory, { host: { sockets: 4, coresPerSocket: 16 } })
    );
    expect(cap.logicalProcessors).toBe(64);
    expect(cap.cpuGhz).toBeCloseTo(70.32, 10);
    expect(cap.vcpus).toBe(512);
    expect(cap.notes).toContain(
      "Logical processors cut from 128 to 64: the most Windows Server 2008 R2 SP1 Hyper-V supports per host."
    );
    expect(cap.notes).toContain(
      "CPU: 32 usable cores × 2.93 GHz × 75 % target = 70.32 GHz (Hyper-V uses only the cores of the logical processors it supports, 32 of the 64 installed)."
    );
  });

  it("cuts host RAM to the platform maximum", () => {
    // 2008 R2 supports 1 TB = 1,024 GiB: (1024 − 2) × 1 = 1,022 GiB
    const cap = hostCapacity(scenarioOf("ws2008r2", inventory, { host: { memoryGiB: "2048" } }));
    expect(cap.memoryGiB).toBe(1022);
    expect(cap.notes).toContain(
      "Host RAM cut from 2,048 GiB to 1,024 GiB: the most Windows Server 2008 R2 SP1 Hyper-V supports."
    );
  });

  it("holds the 2008 R2 8:1 virtual-to-logical processor ratio against a higher input", () => {
    // 24 LPs × min(12, 8) = 192
    const cap = hostCapacity(
      scenarioOf("ws2008r2", inventory, { cluster: { vcpuPerLogicalProcessor: "12" } })
    );
    expect(cap.vcpus).toBe(192);
    expect(cap.notes).toContain(
      "12 vCPUs per logical processor is above what Windows Server 2008 R2 SP1 supports: 8 per LP is used."
    );
  });

  it("has no ratio on newer platforms but the 2,048 virtual processors per host", () => {
    // 64 LPs × 40 = 2,560 → 2,048
    const cap = hostCapacity(
      scenarioOf("ws2022", inventory, { cluster: { vcpuPerLogicalProcessor: "40" } })
    );
    expect(cap.vcpus).toBe(2048);
  });

  it("rounds fractional virtual processors down and applies memory and CPU targets", () => {
    // 24 LPs × 1.5 = 36; (96 − 6) × 0.8 = 72 GiB; 2 × 6 × 2.93 × 0.5 = 17.58 GHz
    const cap = hostCapacity(
      scenarioOf("ws2008r2", inventory, {
        cluster: {
          vcpuPerLogicalProcessor: "1.5",
          targetMemoryUtilization: "0.8",
          hostMemoryReserveGiB: "6",
          targetCpuUtilization: "0.5",
        },
      })
    );
    expect(cap).toMatchObject({ vcpus: 36, memoryGiB: 72, cpuGhz: 17.58 });
  });

  it("never offers negative memory when an edition's RAM cap is below the reserve", () => {
    // (min(96, 1024, 1) − 2) × 1 = −1 → 0
    const cap = hostCapacity(scenarioOf("ws2008r2", inventory), { maxHostMemoryGiB: 1 });
    expect(cap.memoryGiB).toBe(0);
    expect(cap.notes).toContain(
      "The 2 GiB host reserve leaves no memory for VMs: raise the host RAM or lower the reserve."
    );
  });
});
