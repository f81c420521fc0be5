import { describe, expect, it } from "vitest";
import { vmDemands } from "../../src/capacity";
import { scenarioOf, server } from "./scenarios";

describe("vmDemands", () => {
  it("turns each row × count into VMs named name, name#2, name#3… with the v1 demand", () => {
    const scenario = scenarioOf(
      "ws2008r2",
      [
        server("FILE-01", {
          cores: 4,
          cpuGhz: "2.4",
          peakCpuUtilization: "0.40",
          memoryGiB: "8",
          storageGiB: "500",
        }),
        server("WEB", {
          count: 3,
          os: "linux",
          cores: 2,
          cpuGhz: "2.66",
          peakCpuUtilization: "0.30",
          memoryGiB: "4",
          storageGiB: "80",
        }),
      ],
      { cluster: { vmMemoryOverheadGiB: "0.5" } }
    );
    const { vms, stayPhysical } = vmDemands(scenario);
    expect(stayPhysical).toEqual([]);
    expect(vms.map((vm) => vm.id)).toEqual(["FILE-01", "WEB", "WEB#2", "WEB#3"]);
    // FILE-01: 4 vCPUs; 4 cores × 2.4 GHz × 0.40 = 3.84 GHz; 8 + 0.5 overhead = 8.5 GiB; 500 GiB
    expect(vms[0]).toEqual({
      id: "FILE-01",
      row: 0,
      os: "windows",
      vcpus: 4,
      cpuGhz: 3.84,
      memoryGiB: 8.5,
      storageGiB: 500,
      sizing: { basis: "peak", percentile: null, comfortFactor: 1, memoryMeasured: false },
    });
    // WEB: 2 cores × 2.66 × 0.30 = 1.596 GHz; 4 + 0.5 = 4.5 GiB
    expect(vms[3]).toEqual({
      id: "WEB#3",
      row: 1,
      os: "linux",
      vcpus: 2,
      cpuGhz: 1.596,
      memoryGiB: 4.5,
      storageGiB: 80,
      sizing: { basis: "peak", percentile: null, comfortFactor: 1, memoryMeasured: false },
    });
  });

  it("caps vCPUs at the platform's per-VM maximum but sizes CPU on the server's own cores", () => {
    // 2008 R2: at most 4 vCPUs per VM. 6 cores × 2.0 GHz × 0.25 = 3 GHz ≤ 4 × 2.93 = 11.72 GHz
    const { vms } = vmDemands(
      scenarioOf("ws2008r2", [
        server("APP", { cores: 6, cpuGhz: "2.0", peakCpuUtilization: "0.25" }),
      ])
    );
    expect(vms[0]).toMatchObject({ vcpus: 4, cpuGhz: 3 });
  });

  it("keeps a server physical with the 2008 R2 per-VM memory limit in plain words", () => {
    const { vms, stayPhysical } = vmDemands(
      scenarioOf("ws2008r2", [server("SQL-07", { memoryGiB: "96" })])
    );
    expect(vms).toEqual([]);
    // 96 GiB also exceeds the 94 GiB a default 2008 R2 host offers: both reasons are listed.
    expect(stayPhysical).toEqual([
      {
        name: "SQL-07",
        row: 0,
        count: 1,
        reasons: [
          "SQL-07 needs 96 GiB of RAM; a Windows Server 2008 R2 SP1 VM can have at most 64 GiB.",
          "SQL-07 needs 96 GiB of RAM as a VM, more than a whole host offers to VMs (94 GiB).",
        ],
      },
    ]);
  });

  it("keeps a server physical when its capped vCPUs cannot deliver its peak CPU", () => {
    // 8 cores × 3.0 GHz × 0.9 = 21.6 GHz; 4 vCPUs × 2.93 GHz = 11.72 GHz < 21.6
    const { stayPhysical } = vmDemands(
      scenarioOf("ws2008r2", [
        server("DB", { cores: 8, cpuGhz: "3.0", peakCpuUtilization: "0.9", count: 2 }),
      ])
    );
    expect(stayPhysical).toEqual([
      {
        name: "DB",
        row: 0,
        count: 2,
        reasons: [
          "DB needs 21.6 GHz of CPU at peak; its 4 virtual processors (cut from 8 cores: a Windows Server 2008 R2 SP1 VM can have at most 4) can use at most 4 × 2.93 GHz = 11.72 GHz of a host's cores.",
        ],
      },
    ]);
  });

  it("keeps a server with faster cores than the host's physical even without a vCPU cap", () => {
    // 2 cores × 3.8 GHz × 1.0 = 7.6 GHz > 2 vCPUs × 2.93 GHz = 5.86 GHz
    const { stayPhysical } = vmDemands(
      scenarioOf("ws2008r2", [server("FAST", { cores: 2, cpuGhz: "3.8", peakCpuUtilization: "1" })])
    );
    expect(stayPhysical[0]!.reasons).toEqual([
      "FAST needs 7.6 GHz of CPU at peak; its 2 virtual processors can use at most 2 × 2.93 GHz = 5.86 GHz of a host's cores.",
    ]);
  });

  it("lists every reason a server cannot become a VM, the user's choice included", () => {
    // ws2022 host: 69.6 GHz, 760 GiB, 512 vCPUs, 64 LPs.
    // 100 cores × 3 GHz × 0.5 = 150 GHz > 69.6 GHz; 1,000 GiB > 760 GiB; 100 vCPUs > 64 LPs.
    const { stayPhysical } = vmDemands(
      scenarioOf("ws2022", [
        server("HUGE", {
          cores: 100,
          cpuGhz: "3",
          peakCpuUtilization: "0.5",
          memoryGiB: "1000",
          stayPhysical: true,
        }),
      ])
    );
    expect(stayPhysical[0]!.reasons).toEqual([
      "HUGE is kept physical by the user.",
      "HUGE needs 150 GHz of CPU at peak, more than a whole host offers (69.6 GHz at the 75 % CPU target).",
      "HUGE needs 1,000 GiB of RAM as a VM, more than a whole host offers to VMs (760 GiB).",
      "HUGE needs 100 virtual processors; a VM cannot have more than the host's 64 logical processors.",
    ]);
  });

  it("keeps a server physical when it needs more virtual processors than a host offers", () => {
    // 1 socket × 4 cores × 1 thread = 4 LPs × 1 vCPU per LP = 4 vCPUs; the VM has 8 (2022 allows 240).
    const { stayPhysical } = vmDemands(
      scenarioOf("ws2022", [server("WIDE", { cores: 8, peakCpuUtilization: "0.1" })], {
        host: { sockets: 1, coresPerSocket: 4, threadsPerCore: 1 },
        cluster: { vcpuPerLogicalProcessor: "1" },
      })
    );
    expect(stayPhysical[0]!.reasons).toEqual([
      "WIDE needs 8 virtual processors, more than a host offers (4).",
    ]);
  });

  it("keeps only the user's choice as reason for a small server marked stay physical", () => {
    const { vms, stayPhysical } = vmDemands(
      scenarioOf("ws2022", [server("DONGLE", { stayPhysical: true }), server("OK")])
    );
    expect(vms.map((v) => v.id)).toEqual(["OK"]);
    expect(stayPhysical).toEqual([
      { name: "DONGLE", row: 0, count: 1, reasons: ["DONGLE is kept physical by the user."] },
    ]);
  });

  it("checks fitting against the edition-limited host", () => {
    // 2008 R2 Standard: (32 − 2) × 1 = 30 GiB per host; a 40 GiB server no longer fits.
    const { stayPhysical } = vmDemands(
      scenarioOf("ws2008r2", [server("MID", { memoryGiB: "40" })]),
      { maxHostMemoryGiB: 32 }
    );
    expect(stayPhysical[0]!.reasons).toEqual([
      "MID needs 40 GiB of RAM as a VM, more than a whole host offers to VMs (30 GiB).",
    ]);
  });
});
