/**
 * Scenarios the end-to-end tests load into the pane: a file estate on Storage Spaces Direct
 * whose node count storage decides, with measured (p95) servers, growth and three idle boxes.
 */
import { defaultScenarioJson } from "../../src/scenario";

type Json = Record<string, unknown>;

/** A server measured idle (p95 CPU 2 %, disk and network 0.01 MB/s): the importer flags it. */
export const idleServer = (name: string, count: number, os: string) => ({
  name,
  count,
  os,
  cores: 4,
  cpuGhz: "2.4",
  peakCpuUtilization: "0.05",
  averageCpuUtilization: "0.01",
  memoryGiB: "8",
  storageGiB: "100",
  measuredPercentile: "p95",
  measuredCpuUtilization: "0.02",
  averageDiskMBps: "0.01",
  averageNetworkMBps: "0.01",
});

/** 40 measured file servers (1.5–3.9 TB each), 24 application servers on peak, 3 idle servers. */
export function s2dEstate(): Json {
  const d = defaultScenarioJson("ws2022") as Record<string, Json>;
  const fileServers = Array.from({ length: 40 }, (_, i) => ({
    name: `FS-${String(i + 1).padStart(2, "0")}`,
    count: 1,
    os: i % 5 === 0 ? "linux" : "windows",
    cores: 8,
    cpuGhz: "2.4",
    peakCpuUtilization: "0.5",
    averageCpuUtilization: "0.2",
    memoryGiB: "64",
    storageGiB: String(1500 + (i % 7) * 400),
    measuredPercentile: "p95",
    measuredCpuUtilization: "0.3",
    measuredMemoryGiB: "40",
    averageDiskMBps: "5",
    averageNetworkMBps: "5",
  }));
  const appServers = Array.from({ length: 12 }, (_, i) => ({
    name: `APP-${String(i + 1).padStart(2, "0")}`,
    count: 2,
    os: "windows",
    cores: 4,
    cpuGhz: "2.6",
    peakCpuUtilization: "0.4",
    averageCpuUtilization: "0.15",
    memoryGiB: "16",
    storageGiB: "200",
  }));
  return {
    ...d,
    name: "Fabrikam file estate onto S2D",
    inventory: [
      ...fileServers,
      ...appServers,
      idleServer("OLD-APP", 1, "windows"),
      idleServer("LEGACY-FTP", 2, "linux"),
    ],
    storage: { ...d["storage"], kind: "s2d", drivesPerNode: 6, driveTB: "3.84" },
    growth: { ratePerYear: "0.12" },
    finance: { ...d["finance"], discountRate: "0.08" },
  };
}
