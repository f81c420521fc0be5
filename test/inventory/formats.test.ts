/**
 * Azure Migrate CSV, Live Optics, MAP and our own columns, on small hand-made files, and the
 * column-mapping API for exports the importer does not know. Totals worked out in comments.
 */
import { describe, expect, it } from "vitest";
import {
  importInventory,
  importWithMapping,
  readInventoryFile,
  suggestMapping,
  unitsFromMapping,
  type ImportOptions,
  type SheetData,
} from "../../src/inventory";
import { defaultScenarioJson, parseScenario } from "../../src/scenario";
import { byName, expectFailure, expectOk, fixture, OPTIONS, xlsx } from "./helpers";

async function importBytes(bytes: Uint8Array, name: string, options: ImportOptions = OPTIONS) {
  const read = await readInventoryFile(bytes, name);
  if (!read.ok) throw new Error(read.failure.message);
  return importInventory(read.workbook, options);
}

const validScenario = (rows: readonly unknown[]): unknown[] => {
  const parsed = parseScenario(defaultScenarioJson("ws2022", rows));
  return parsed.ok ? [] : parsed.issues.slice(0, 3);
};

describe("Azure Migrate import CSV (German Excel: BOM, CRLF, ';', decimal commas)", () => {
  it("reads every server with exact conversions", async () => {
    const { rows, report } = expectOk(
      await importBytes(fixture("azure-migrate-de.csv"), "azure-migrate-de.csv")
    );
    expect(report.format).toBe("azure-migrate");
    expect(report.rowsRead).toBe(4); // row 4 is blank
    expect(rows).toEqual([
      // 8192 MB / 1024 = 8 GiB; CPU "12,5" % → 0.125 (peak); disks 100 + "50,5" = 150.5 GiB.
      {
        name: "APP-01",
        count: 1,
        os: "windows",
        cores: 4,
        cpuGhz: "2.9",
        peakCpuUtilization: "0.125",
        averageCpuUtilization: "0.12",
        memoryGiB: "8",
        storageGiB: "150.5",
        // Measured use (the template does not say which statistic): CPU 12.5 %, memory 40 % of
        // 8 GiB = 3.2 GiB; disk 1 read 0.5 MB/s; 80.25 GiB in use.
        storageInUseGiB: "80.25",
        measuredCpuUtilization: "0.125",
        measuredMemoryGiB: "3.2",
        averageDiskMBps: "0.5",
      },
      // 1536 MB = 1.5 GiB; the IP field "10.0.0.2;10.0.0.3" is quoted and does not shift the columns.
      {
        name: "DB-01",
        count: 1,
        os: "windows",
        cores: 8,
        cpuGhz: "2.9",
        peakCpuUtilization: "0.55",
        averageCpuUtilization: "0.12",
        memoryGiB: "1.5",
        storageGiB: "250",
        measuredCpuUtilization: "0.55", // memory 70 % of 1.5 GiB = 1.05 GiB
        measuredMemoryGiB: "1.05",
      },
      {
        name: "WEB-01",
        count: 1,
        os: "linux",
        cores: 2,
        cpuGhz: "2.9",
        peakCpuUtilization: "0.3",
        averageCpuUtilization: "0.12",
        memoryGiB: "2",
        storageGiB: "40",
      },
      // Duplicate name kept and suffixed; peak 7 % is below the default average 0.12, so the average is lowered to 0.07.
      {
        name: "APP-01 (2)",
        count: 1,
        os: "linux",
        cores: 4,
        cpuGhz: "2.9",
        peakCpuUtilization: "0.07",
        averageCpuUtilization: "0.07",
        memoryGiB: "8",
        storageGiB: "60",
        measuredCpuUtilization: "0.07",
      },
    ]);
    // 4 + 8 + 2 + 4 = 18 cores; 8 + 1.5 + 2 + 8 = 19.5 GiB; 150.5 + 250 + 40 + 60 = 500.5 GiB; in use "80,25" only.
    expect(report.totals).toMatchObject({
      servers: 4,
      cores: 18,
      memoryGiB: "19.5",
      storageGiB: "500.5",
      inUseStorageGiB: "80.25",
    });
    expect(report.renamed).toEqual([
      { from: "APP-01", to: "APP-01 (2)", sheet: "azure-migrate-de", row: 6 },
    ]);
    const assumed = new Map(report.assumed.map((a) => [`${a.field}/${a.basis}`, a.count]));
    expect(assumed.get("cpuGhz/default")).toBe(4);
    expect(assumed.get("storageGiB/gb-as-gib")).toBe(4);
    expect(assumed.get("averageCpuUtilization/capped-at-peak")).toBe(1);
    // The trailing-space header "CPU utilization percentage " was matched by name.
    expect(report.columns.find((c) => c.field === "peakCpuUtilization")).toMatchObject({
      letter: "J",
      header: "CPU utilization percentage",
    });
    expect(validScenario(rows)).toEqual([]);
  });
});

describe("Live Optics (VMs + VM Performance + ESX Hosts)", () => {
  const workbook = () =>
    xlsx([
      {
        name: "Details",
        rows: [
          ["Project Name", "Example"],
          ["Owner", "Jane Doe <jane@example.com>"],
        ],
      },
      {
        name: "VMs",
        rows: [
          [
            "MOB ID",
            "VM Name",
            "Guest Hostname",
            "IsRunning",
            "Power State",
            "VM OS",
            "Disks",
            "NICs",
            "Virtual CPU",
            "Provisioned Memory (MiB)",
            "Used Memory (active) (MiB)",
            "Virtual Disk Size (MiB)",
            "Virtual Disk Used (MiB)",
            "Template",
            "Connection State",
            "Datacenter",
            "vCenter",
            "Cluster",
            "Host",
          ],
          [
            "vm-101",
            "sql01",
            "sql01.corp",
            "TRUE",
            "poweredOn",
            "Microsoft Windows Server 2019 (64-bit)",
            2,
            1,
            16,
            65536,
            20000,
            1048576,
            524288,
            "FALSE",
            "connected",
            "DC",
            "vc1",
            "CL1",
            "esx1",
          ],
          [
            "vm-102",
            "web01",
            "web01.corp",
            "TRUE",
            "poweredOn",
            "CentOS 7 (64-bit)",
            1,
            1,
            4,
            8192,
            1000,
            102400,
            51200,
            "FALSE",
            "connected",
            "DC",
            "vc1",
            "CL1",
            "esx-missing",
          ],
          [
            "vm-103",
            "tmpl",
            "",
            "FALSE",
            "poweredOff",
            "Microsoft Windows Server 2019 (64-bit)",
            1,
            1,
            2,
            4096,
            0,
            40960,
            0,
            "TRUE",
            "connected",
            "DC",
            "vc1",
            "CL1",
            "esx1",
          ],
          [
            "vm-104",
            "off01",
            "",
            "FALSE",
            "poweredOff",
            "Microsoft Windows Server 2016 (64-bit)",
            1,
            1,
            2,
            4096,
            0,
            40960,
            0,
            "FALSE",
            "connected",
            "DC",
            "vc1",
            "CL1",
            "esx1",
          ],
          [
            "vm-105",
            "idle01",
            "idle01.corp",
            "TRUE",
            "poweredOn",
            "Microsoft Windows Server 2016 (64-bit)",
            1,
            1,
            2,
            4096,
            100,
            40960,
            1024,
            "FALSE",
            "connected",
            "DC",
            "vc1",
            "CL1",
            "esx1",
          ],
        ],
      },
      {
        name: "VM Performance",
        rows: [
          [
            "VM Name",
            "MOB ID",
            "Host",
            "Datacenter",
            "Cluster",
            "Peak vCPU %",
            "Peak vCPU (GHz)",
            "Average vCPU %",
            "Average vCPU (GHz)",
          ],
          ["sql01", "vm-101", "esx1", "DC", "CL1", 38, 15.808, 12, 4.992],
          ["web01", "vm-102", "esx-missing", "DC", "CL1", 30, 3.9, 10, 1.3],
          ["idle01", "vm-105", "esx1", "DC", "CL1", 0, 0, 0, 0],
        ],
      },
      {
        name: "ESX Hosts",
        rows: [
          [
            "Host Name",
            "Datacenter",
            "vCenter",
            "Cluster",
            "CPU Sockets",
            "CPU Cores",
            "CPU Clock Speed (GHz)",
            "Memory (KiB)",
          ],
          ["esx1", "DC", "vc1", "CL1", 2, 32, 2.6, 536476224],
        ],
      },
    ]);

  it("uses measured peaks and averages, host clocks, and MiB / 1024", async () => {
    const { rows, report } = expectOk(await importBytes(await workbook(), "LiveOptics.xlsx"));
    expect(report.format).toBe("live-optics");
    expect(report.sheets).toEqual(["VMs", "VM Performance", "ESX Hosts"]);
    const r = byName(rows);
    // sql01: Peak 38 % → 0.38, average 12 % → 0.12; esx1 clock 2.6; 65536 MiB = 64 GiB; 1048576 MiB = 1024 GiB.
    expect(r.get("sql01")).toMatchObject({
      os: "windows",
      cores: 16,
      cpuGhz: "2.6",
      peakCpuUtilization: "0.38",
      averageCpuUtilization: "0.12",
      memoryGiB: "64",
      storageGiB: "1024",
    });
    // web01: host not in ESX Hosts → 3.9 GHz / (30 / 100) / 4 vCPU = 3.25 GHz.
    expect(r.get("web01")).toMatchObject({
      os: "linux",
      cores: 4,
      cpuGhz: "3.25",
      peakCpuUtilization: "0.3",
      averageCpuUtilization: "0.1",
      memoryGiB: "8",
      storageGiB: "100",
    });
    // idle01: zero peak = no archive → defaults.
    expect(r.get("idle01")).toMatchObject({
      peakCpuUtilization: "0.3",
      averageCpuUtilization: "0.12",
      memoryGiB: "4",
      storageGiB: "40",
    });
    expect(report.excluded.map((e) => [e.reason, e.rows.map((x) => x.name)])).toEqual([
      ["template", ["tmpl"]],
      ["powered-off", ["off01"]],
    ]);
    // 16 + 4 + 2 = 22 cores; 64 + 8 + 4 = 76 GiB; 1024 + 100 + 40 = 1164 GiB; in use 512 + 50 + 1 = 563 GiB.
    expect(report.totals).toMatchObject({
      servers: 3,
      cores: 22,
      memoryGiB: "76",
      storageGiB: "1164",
      inUseStorageGiB: "563",
    });
    expect(report.assumed.find((a) => a.field === "cpuGhz")).toMatchObject({
      basis: "perf-ghz",
      count: 1,
    });
    expect(validScenario(rows)).toEqual([]);
  });
});

describe("MAP Toolkit (performance metrics + server inventory)", () => {
  const INV_HEADER = [
    "Computer Name",
    "Machine Type",
    "Current Operating System",
    "Number of Processors",
    "Number of Total Cores",
    "Number of Logical Processors",
    "CPU",
    "System Memory (MB)",
    "Logical Disk Drive Name",
    "Logical Disk Size (GB)",
    "Logical Disk Free Space (GB)",
  ];
  const INV_ROWS = [
    [
      "FS01",
      "Physical",
      "Windows Server 2008 R2 Enterprise",
      2,
      8,
      16,
      "Intel(R) Xeon(R) CPU E5540 @ 2.53GHz",
      16384,
      "C:\nD:",
      "68.3\n931.5",
      "30\n500",
    ],
    [
      "WEB01",
      "Physical",
      "Windows Server 2003",
      1,
      2,
      2,
      "Intel(R) Xeon(R) CPU 5160 @ 3.00GHz",
      4096,
      "C:",
      40,
      20,
    ],
    [
      "LNX01",
      "Physical",
      "Red Hat Enterprise Linux 6",
      1,
      4,
      8,
      "Quad-Core AMD Opteron(tm) Processor 2356",
      8192,
      "/\n/var",
      "50\n150",
      "30\n100",
    ],
  ];
  const PERF = [
    ["Performance Metrics Results"], // a title above the table: the header row is found by name
    [],
    [
      "Machine Name",
      "Operating System",
      "CPU",
      "CPU Speed (GHz)",
      "Cores",
      "Average CPU Utilization (%)",
      "Maximum CPU Utilization (%)",
      "95th Percentile CPU Utilization (%)",
      "Memory (MB)",
      "Disk Drive",
      "Disk Drive Size (GB)",
      "95th Percentile Disk Space Utilization (GB)",
    ],
    [
      "FS01",
      "Windows Server 2008 R2 Enterprise",
      "Intel Xeon E5540",
      2.53,
      8,
      6.5,
      71,
      35.25,
      16384,
      "C:\nD:",
      "68.3\n931.5",
      "40.1\n600",
    ],
    ["WEB01.contoso.local", "Windows Server 2003", "", null, 2, 3, 40, null, 4096, "C:", 40, 20],
  ];

  it("joins performance and inventory by machine name and uses the 95th percentile as the peak", async () => {
    const bytes = await xlsx([
      { name: "Performance Metrics", rows: PERF },
      { name: "Server Inventory", rows: [INV_HEADER, ...INV_ROWS] },
    ]);
    const { rows, report } = expectOk(
      await importBytes(bytes, "PerfMetricResults-08-16-2015-15h08m29s.xlsx")
    );
    expect(report.format).toBe("map-performance");
    const r = byName(rows);
    // FS01: 95th percentile 35.25 % → 0.3525, average 6.5 % → 0.065; 16384 MB = 16 GiB; disks 68.3 + 931.5 = 999.8 GiB.
    expect(r.get("FS01")).toMatchObject({
      os: "windows",
      cores: 8,
      cpuGhz: "2.53",
      peakCpuUtilization: "0.3525",
      averageCpuUtilization: "0.065",
      memoryGiB: "16",
      storageGiB: "999.8",
    });
    // WEB01.contoso.local ↔ inventory WEB01 (short name): no 95th → Maximum 40 % → 0.4; clock from "@ 3.00GHz".
    expect(r.get("WEB01.contoso.local")).toMatchObject({
      cores: 2,
      cpuGhz: "3",
      peakCpuUtilization: "0.4",
      averageCpuUtilization: "0.03",
      memoryGiB: "4",
      storageGiB: "40",
    });
    // LNX01: inventory only → default utilisation and clock; disks 50 + 150 = 200 GiB.
    expect(r.get("LNX01")).toMatchObject({
      os: "linux",
      cores: 4,
      cpuGhz: "2.9",
      peakCpuUtilization: "0.3",
      averageCpuUtilization: "0.12",
      memoryGiB: "8",
      storageGiB: "200",
    });
    // 8 + 2 + 4 = 14 cores; 16 + 4 + 8 = 28 GiB; 999.8 + 40 + 200 = 1239.8 GiB.
    expect(report.totals).toMatchObject({
      servers: 3,
      cores: 14,
      memoryGiB: "28",
      storageGiB: "1239.8",
    });
    expect(report.notes.join(" ")).toContain(
      "1 machine of the MAP inventory has no performance data"
    );
    expect(validScenario(rows)).toEqual([]);
  });

  it("reads an inventory report alone", async () => {
    const bytes = await xlsx([{ name: "ServerInventory", rows: [INV_HEADER, ...INV_ROWS] }]);
    const { rows, report } = expectOk(await importBytes(bytes, "ServerInventory.xlsx"));
    expect(report.format).toBe("map-inventory");
    expect(rows.map((x) => [x.name, x.cores, x.cpuGhz, x.memoryGiB, x.storageGiB])).toEqual([
      ["FS01", 8, "2.53", "16", "999.8"],
      ["WEB01", 2, "3", "4", "40"],
      ["LNX01", 4, "2.9", "8", "200"],
    ]);
    // In use = size − free: (68.3 − 30) + (931.5 − 500) + (40 − 20) + (200 − 130) = 38.3 + 431.5 + 20 + 70 = 559.8.
    expect(report.totals.inUseStorageGiB).toBe("559.8");
  });
});

describe("our own columns (the TCO Inventory table)", () => {
  it("reads labels with units, percentages and counts", async () => {
    const { rows, report } = expectOk(
      await importBytes(fixture("own-columns.csv"), "own-columns.csv")
    );
    expect(report.format).toBe("generic-csv");
    expect(rows).toEqual([
      {
        name: "FILE-01",
        count: 1,
        os: "windows",
        cores: 4,
        cpuGhz: "2.4",
        peakCpuUtilization: "0.4",
        averageCpuUtilization: "0.12",
        memoryGiB: "8",
        storageGiB: "500",
        powerWatts: "350",
        rackUnits: 2,
        stayPhysical: false,
      },
      // "30%" → 0.3, "8%" → 0.08.
      {
        name: "WEB",
        count: 6,
        os: "linux",
        cores: 2,
        cpuGhz: "2.66",
        peakCpuUtilization: "0.3",
        averageCpuUtilization: "0.08",
        memoryGiB: "4",
        storageGiB: "80",
        powerWatts: "219",
        rackUnits: 1,
      },
      {
        name: "SQL-01",
        count: 1,
        os: "windows",
        cores: 8,
        cpuGhz: "2.93",
        peakCpuUtilization: "0.55",
        averageCpuUtilization: "0.2",
        memoryGiB: "32",
        storageGiB: "800",
        powerWatts: "450",
        rackUnits: 2,
        stayPhysical: true,
      },
    ]);
    // Servers 1 + 6 + 1 = 8; cores 4 + 6 × 2 + 8 = 24; memory 8 + 6 × 4 + 32 = 64; storage 500 + 6 × 80 + 800 = 1780.
    expect(report.totals).toMatchObject({
      servers: 8,
      cores: 24,
      memoryGiB: "64",
      storageGiB: "1780",
    });
    expect(validScenario(rows)).toEqual([]);
  });

  it('reads keys with \';\' and decimal commas ("1,5" → 1.5, "1.024,5" → 1024.5)', async () => {
    const { rows } = expectOk(
      await importBytes(fixture("own-keys-semicolon.csv"), "own-keys-semicolon.csv")
    );
    expect(
      rows.map((r) => [r.name, r.cores, r.cpuGhz, r.memoryGiB, r.storageGiB, r.peakCpuUtilization])
    ).toEqual([
      ["SRV;A", 2, "2.4", "1.5", "10.25", "0.35"],
      ["SRV-B", 4, "3", "16", "1024.5", "0.5"],
    ]);
  });

  it("reads the sheet of a workbook the add-in wrote, wherever the table starts", async () => {
    const bytes = await xlsx([
      { name: "TCO Summary", rows: [["Hyper-V TCO"]] },
      {
        name: "TCO Inventory",
        rows: [
          ["Server inventory"],
          [],
          [
            "Name",
            "Count",
            "OS",
            "Cores",
            "Core clock",
            "Peak CPU",
            "Average CPU",
            "RAM",
            "Storage",
          ],
          ["X", 2, "linux", 2, 2.5, 0.25, 0.1, 3, 50],
        ],
      },
    ]);
    const { rows } = expectOk(await importBytes(bytes, "Business case.xlsx"));
    expect(rows).toEqual([
      {
        name: "X",
        count: 2,
        os: "linux",
        cores: 2,
        cpuGhz: "2.5",
        peakCpuUtilization: "0.25",
        averageCpuUtilization: "0.1",
        memoryGiB: "3",
        storageGiB: "50",
      },
    ]);
  });
});

describe("column mapping for unknown exports", () => {
  const sheet = async (): Promise<SheetData> => {
    const read = await readInventoryFile(fixture("unknown-export.csv"), "unknown-export.csv");
    if (!read.ok) throw new Error(read.failure.message);
    return read.workbook.sheets[0] as SheetData;
  };

  it("importInventory says it does not know the file and hands over the header row", async () => {
    const read = await readInventoryFile(fixture("unknown-export.csv"), "unknown-export.csv");
    if (!read.ok) throw new Error(read.failure.message);
    const result = importInventory(read.workbook, OPTIONS);
    expect(expectFailure(result).code).toBe("no-known-header");
    expect(result.ok ? null : result.failure.candidates).toEqual([
      {
        sheet: "unknown-export",
        headerRow: 1,
        headers: [
          "Hostname",
          "vCPU count",
          "RAM (MB)",
          "Disk (GB)",
          "CPU MHz",
          "Peak CPU %",
          "State",
        ],
      },
    ]);
  });

  it("suggestMapping pre-fills fields by header name, and units follow the headers", async () => {
    const mapping = suggestMapping([
      "Hostname",
      "vCPU count",
      "RAM (MB)",
      "Disk (GB)",
      "CPU MHz",
      "Peak CPU %",
      "State",
      "Notes",
    ]);
    expect(mapping).toEqual({
      name: "Hostname",
      count: null,
      os: null,
      cores: "vCPU count",
      cpuGhz: "CPU MHz",
      peakCpuUtilization: "Peak CPU %",
      averageCpuUtilization: null,
      memoryGiB: "RAM (MB)",
      storageGiB: "Disk (GB)",
      powerWatts: null,
      rackUnits: null,
      stayPhysical: null,
      storageInUseGiB: null,
      measuredPercentile: null,
      measuredCpuUtilization: null,
      measuredMemoryGiB: null,
      averageDiskMBps: null,
      averageNetworkMBps: null,
      powerState: "State",
    });
    expect(unitsFromMapping(mapping)).toEqual({
      memory: "MiB",
      storage: "GiB",
      clock: "MHz",
      utilization: "percent",
    });
  });

  it("suggests the vendor columns too", () => {
    const m = suggestMapping([
      "VM",
      "Powerstate",
      "CPUs",
      "Memory",
      "Provisioned MiB",
      "OS according to the VMware Tools",
    ]);
    expect(m).toMatchObject({
      name: "VM",
      cores: "CPUs",
      memoryGiB: "Memory",
      storageGiB: "Provisioned MiB",
      os: "OS according to the VMware Tools",
      powerState: "Powerstate",
    });
  });

  it("importWithMapping converts units and filters powered-off rows", async () => {
    const s = await sheet();
    const mapping = suggestMapping(s.rows[0] ?? []);
    const result = expectOk(importWithMapping(s, mapping, OPTIONS));
    // alpha: 8192 MB = 8 GiB, 2400 MHz = 2.4 GHz, 35 % → 0.35; beta is "stopped" → left out.
    expect(result.rows).toEqual([
      {
        name: "alpha",
        count: 1,
        os: "windows",
        cores: 4,
        cpuGhz: "2.4",
        peakCpuUtilization: "0.35",
        averageCpuUtilization: "0.12",
        memoryGiB: "8",
        storageGiB: "120",
      },
    ]);
    expect(result.report.format).toBe("mapped");
    expect(result.report.excluded.map((e) => [e.reason, e.count])).toEqual([["powered-off", 1]]);
    const all = expectOk(importWithMapping(s, mapping, { ...OPTIONS, includePoweredOff: true }));
    // beta: 3072 MB = 3 GiB, 2.6 GHz, 12.5 % → 0.125 (the default average 0.12 stays below it).
    expect(all.rows[1]).toMatchObject({
      name: "beta",
      cores: 2,
      cpuGhz: "2.6",
      memoryGiB: "3",
      storageGiB: "60",
      peakCpuUtilization: "0.125",
      averageCpuUtilization: "0.12",
    });
    // Units can be overridden by the user.
    const gib = expectOk(importWithMapping(s, mapping, { ...OPTIONS, units: { memory: "GiB" } }));
    expect(gib.rows[0]?.memoryGiB).toBe("8192");
  });

  it("importWithMapping refuses a mapping without name, cores or memory", async () => {
    const s = await sheet();
    const failure = expectFailure(
      importWithMapping(s, { ...suggestMapping(s.rows[0] ?? []), cores: null }, OPTIONS)
    );
    expect(failure).toEqual({
      code: "missing-columns",
      message: "Choose a column for Cores: every server needs a name, its cores and its memory.",
    });
  });
});
