/**
 * RVTools import on hand-made exports: every exclusion rule, the host join (exact and short
 * name), the vHost snapshot estimate, MiB and MB labels, internal header names, custom
 * attributes in the middle, duplicates, blank rows, the vCPU/vMemory/vDisk fallbacks and the
 * "Export all to csv" layout. Expected values are worked out by hand in the comments.
 */
import { describe, expect, it } from "vitest";
import {
  importInventory,
  readInventoryFile,
  readInventoryFiles,
  type CellValue,
  type ImportOptions,
} from "../../src/inventory";
import { defaultScenarioJson, parseScenario } from "../../src/scenario";
import { byName, expectOk, fixture, OPTIONS, xlsx } from "./helpers";

const VINFO_HEADER = [
  "VM",
  "Powerstate",
  "Template",
  "SRM Placeholder",
  "Connection state",
  "CPUs",
  "Memory",
  "owner",
  "cost-center", // custom attributes in the middle
  "Total disk capacity MiB",
  "Provisioned MiB",
  "In Use MiB",
  "Datacenter",
  "Cluster",
  "Host",
  "OS according to the configuration file",
  "OS according to the VMware Tools",
  "min Required EVC Mode Key ", // trailing space, as in 4.0.7
  "VM ID",
  "VM UUID",
  "VI SDK Server",
];

type VmRow = {
  vm: string;
  power?: string;
  template?: string;
  srm?: string;
  conn?: string;
  cpus?: number | null;
  memory?: number | null;
  disk?: number | null;
  prov?: number | null;
  inUse?: number | null;
  cluster?: string;
  host?: string;
  osConfig?: string | null;
  osTools?: string | null;
  id?: string;
  server?: string;
};

const vinfoRow = (v: VmRow): CellValue[] => [
  v.vm,
  v.power ?? "poweredOn",
  v.template ?? "False",
  v.srm ?? "False",
  v.conn ?? "connected",
  v.cpus ?? null,
  v.memory ?? null,
  "alice",
  "CC-42",
  v.disk ?? null,
  v.prov ?? null,
  v.inUse ?? null,
  "DC",
  v.cluster ?? "CL-A",
  v.host ?? "esx-a1.corp.local",
  v.osConfig ?? null,
  v.osTools ?? null,
  "intel-skylake",
  v.id ?? null,
  v.id ? `uuid-${v.id}` : null,
  v.server ?? "vc1",
];

const VHOST = [
  [
    "Host",
    "Datacenter",
    "Cluster",
    "Speed",
    "# CPU",
    "Cores per CPU",
    "# Cores",
    "CPU usage %",
    "# Memory",
    "Memory usage % ",
    "rack (custom)",
  ],
  ["esx-a1.corp.local", "DC", "CL-A", 2600, 2, 8, 16, 10, 524150, 50, "R1"],
  ["esx-a2.corp.local", "DC", "CL-A", 2400, 2, 8, 16, 5, 524150, 40, "R1"],
  ["esx-b1.corp.local", "DC", "CL-B", 3000, 1, 8, 8, 30, 262075, 60, "R2"],
  ["esx-b2.corp.local", "DC", "CL-B", 3000, 1, 8, 8, 15, 262075, 60, "R2"],
  ["esx-c1.corp.local", "DC", "CL-C", 2000, 2, 8, 16, 90, 262075, 60, "R3"],
];

/** The hand-made export (MiB labels). Row numbers as Excel shows them. */
async function handMadeExport(): Promise<Uint8Array> {
  return xlsx([
    {
      name: "vInfo",
      rows: [
        VINFO_HEADER,
        /* 2 */ vinfoRow({
          vm: "app01",
          cpus: 4,
          memory: 8192,
          disk: 102400,
          prov: 110000,
          inUse: 51200,
          osConfig: "Microsoft Windows Server 2016 or later (64-bit)",
          osTools: "Microsoft Windows Server 2019 Datacenter",
          id: "vm-1",
        }),
        /* 3 */ vinfoRow({
          vm: "db01",
          cpus: 8,
          memory: 32768,
          disk: 524288,
          inUse: 262144,
          host: "esx-a2.corp.local",
          osTools: "Microsoft Windows Server 2022 Standard",
          id: "vm-2",
        }),
        /* 4 */ vinfoRow({
          vm: "web01",
          cpus: 2,
          memory: 1536,
          disk: 20480,
          inUse: 10240,
          cluster: "CL-B",
          host: "esx-b1",
          osTools: "Ubuntu Linux (64-bit)",
          id: "vm-3",
        }),
        /* 5 */ [],
        /* 6 */ vinfoRow({
          vm: "tmpl-w2019",
          power: "poweredOff",
          template: "True",
          cpus: 2,
          memory: 4096,
          disk: 40960,
          id: "vm-4",
        }),
        /* 7 */ vinfoRow({
          vm: "srm-app02",
          power: "poweredOff",
          srm: "True",
          cpus: 4,
          memory: 8192,
          id: "vm-5",
        }),
        /* 8 */ vinfoRow({ vm: "vCLS-1a2b3c", cpus: 1, memory: 128, id: "vm-6" }),
        /* 9 */ vinfoRow({
          vm: "orphan01",
          conn: "orphaned",
          cpus: 2,
          memory: 2048,
          cluster: "CL-C",
          host: "esx-c1.corp.local",
          id: "vm-7",
        }),
        /* 10 */ vinfoRow({
          vm: "old01",
          power: "poweredOff",
          cpus: 2,
          memory: 4096,
          disk: 51200,
          id: "vm-8",
        }),
        /* 11 */ vinfoRow({
          vm: "susp01",
          power: "suspended",
          cpus: 2,
          memory: 4096,
          disk: 51200,
          id: "vm-9",
        }),
        /* 12 */ vinfoRow({
          vm: "web01",
          cpus: 2,
          memory: 2048,
          disk: 30720,
          inUse: 15360,
          cluster: "CL-B",
          host: "esx-b2.corp.local",
          osConfig: "FreeBSD 12 (64-bit)",
          id: "vm-3",
          server: "vc2",
        }),
        /* 13 */ vinfoRow({ vm: "bad01", cpus: null, memory: 4096, id: "vm-10" }),
        /* 14 */ vinfoRow({
          vm: "nos01",
          cpus: 1,
          memory: 1024,
          prov: 12288,
          host: "esx-gone.corp.local",
          id: "vm-11",
        }),
        /* 15 */ vinfoRow({
          vm: "tiny01",
          cpus: 1,
          memory: 512,
          disk: 10240,
          cluster: "CL-C",
          host: "esx-c1.corp.local",
          osTools: "Red Hat Enterprise Linux 8 (64-bit)",
          id: "vm-12",
        }),
      ],
    },
    { name: "vHost", rows: VHOST },
    {
      name: "vMetaData",
      rows: [
        ["RVTools major version", "RVTools version", "xlsx creation datetime", "Server"],
        [4, "4.6.1.0", 45000, "vc1"],
      ],
    },
  ]);
}

async function importBytes(bytes: Uint8Array, name: string, options: ImportOptions = OPTIONS) {
  const read = await readInventoryFile(bytes, name);
  if (!read.ok) throw new Error(read.failure.message);
  return importInventory(read.workbook, options);
}

describe("RVTools vInfo + vHost (hand-made, MiB labels)", () => {
  it("imports powered-on VMs and lists every exclusion by reason, with names", async () => {
    const { rows, report } = expectOk(
      await importBytes(await handMadeExport(), "RVTools_export_all.xlsx")
    );
    expect(report.format).toBe("rvtools");
    expect(report.formatLabel).toBe(
      "RVTools vInfo (MiB labels, RVTools 4.1.2 or later), RVTools 4.6.1.0"
    );
    // Rows 2–4 and 6–15: 13 non-blank rows (row 5 is blank).
    expect(report.rowsRead).toBe(13);
    expect(report.excluded.map((e) => [e.reason, e.rows.map((r) => `${r.name}@${r.row}`)])).toEqual(
      [
        ["template", ["tmpl-w2019@6"]],
        ["srm-placeholder", ["srm-app02@7"]],
        ["vcls", ["vCLS-1a2b3c@8"]],
        ["disconnected", ["orphan01@9"]],
        ["powered-off", ["old01@10"]],
        ["suspended", ["susp01@11"]],
        ["incomplete", ["bad01@13"]],
      ]
    );
    expect(rows.map((r) => r.name)).toEqual([
      "app01",
      "db01",
      "web01",
      "web01 (vc2)",
      "nos01",
      "tiny01",
    ]);
    // cores 4+8+2+2+1+1 = 18; memory (8192+32768+1536+2048+1024+512) MiB / 1024 = 45 GiB;
    // storage 100 + 512 + 20 + 30 + 12 (provisioned) + 10 = 684 GiB; in use 50+256+10+15 = 331 GiB.
    expect(report.totals).toEqual({
      servers: 6,
      cores: 18,
      memoryGiB: "45",
      storageGiB: "684",
      configuredStorageGiB: "684",
      inUseStorageGiB: "331",
    });
  });

  it("converts sizes exactly (MiB / 1024) and takes the clock from the VM's host", async () => {
    const { rows } = expectOk(await importBytes(await handMadeExport(), "x.xlsx"));
    const r = byName(rows);
    expect(r.get("app01")).toMatchObject({
      os: "windows",
      cores: 4,
      cpuGhz: "2.6",
      memoryGiB: "8",
      storageGiB: "100",
    });
    expect(r.get("db01")).toMatchObject({ cpuGhz: "2.4", memoryGiB: "32", storageGiB: "512" });
    // 1536 MiB / 1024 = 1.5 GiB exactly; host "esx-b1" joins vHost "esx-b1.corp.local" by short name (3000 MHz).
    expect(r.get("web01")).toMatchObject({
      os: "linux",
      cpuGhz: "3",
      memoryGiB: "1.5",
      storageGiB: "20",
    });
    // nos01: host not in vHost → mean Speed of CL-A = (2600 + 2400) / 2 = 2500 MHz; storage from Provisioned 12288 MiB = 12 GiB.
    expect(r.get("nos01")).toMatchObject({ os: "windows", cpuGhz: "2.5", storageGiB: "12" });
    expect(r.get("tiny01")).toMatchObject({ cpuGhz: "2", memoryGiB: "0.5" });
  });

  it("estimates average CPU from the vHost snapshot per cluster, and says so", async () => {
    const { rows, report } = expectOk(await importBytes(await handMadeExport(), "x.xlsx"));
    const r = byName(rows);
    // CL-A: used = 10 % × 16 × 2600 + 5 % × 16 × 2400 = 4160 + 1920 = 6080 MHz;
    //       VM capacity = app01 4 × 2600 + db01 8 × 2400 + nos01 1 × 2500 = 32100 MHz → 0.18940… → 0.1894.
    for (const n of ["app01", "db01", "nos01"])
      expect(r.get(n)).toMatchObject({
        averageCpuUtilization: "0.1894",
        peakCpuUtilization: "0.3",
      });
    // CL-B: used = 30 % × 8 × 3000 + 15 % × 8 × 3000 = 10800; capacity = 2 × 3000 + 2 × 3000 = 12000 → 0.9,
    //       above the default peak 0.3, so the peak is raised to it.
    expect(r.get("web01")).toMatchObject({
      averageCpuUtilization: "0.9",
      peakCpuUtilization: "0.9",
    });
    // CL-C: used = 90 % × 16 × 2000 = 28800 against tiny01's 1 × 2000 → 14.4: impossible → defaults.
    expect(r.get("tiny01")).toMatchObject({
      averageCpuUtilization: "0.12",
      peakCpuUtilization: "0.3",
    });
    expect(
      report.problems.some(
        (p) => p.where === "vHost" && p.message.includes("'CL-C'") && p.message.includes("1440 %")
      )
    ).toBe(true);

    const assumed = new Map(report.assumed.map((a) => [`${a.field}/${a.basis}`, a]));
    expect(assumed.get("averageCpuUtilization/cluster-snapshot")?.count).toBe(5);
    expect(assumed.get("averageCpuUtilization/default")).toMatchObject({ count: 1, value: "0.12" });
    expect(assumed.get("peakCpuUtilization/default")).toMatchObject({ count: 4, value: "0.3" });
    expect(assumed.get("peakCpuUtilization/raised-to-average")?.count).toBe(2);
    expect(assumed.get("cpuGhz/cluster-clock")).toMatchObject({ count: 1, value: "2.5" });
    expect(assumed.get("storageGiB/provisioned")?.count).toBe(1);
    expect(assumed.get("os/os-unknown")?.count).toBe(1);
    expect(report.notes[0]).toContain("RVTools records configuration, not performance");
  });

  it("reports problems with sheet, row and column letter + header", async () => {
    const { report } = expectOk(await importBytes(await handMadeExport(), "x.xlsx"));
    const where = report.problems.map((p) => `${p.severity} ${p.where}`);
    // bad01 (row 13) has no CPUs (column F).
    expect(where).toContain("error vInfo!F13 (CPUs)");
    expect(report.problems.find((p) => p.where === "vInfo!F13 (CPUs)")).toMatchObject({
      sheet: "vInfo",
      row: 13,
      column: { letter: "F", header: "CPUs" },
    });
    // FreeBSD (configured OS, column P of row 12) → linux with a warning.
    expect(
      report.problems.find((p) => p.where === "vInfo!P12 (OS according to the configuration file)")
        ?.message
    ).toContain("neither Windows nor Linux");
    // The duplicate is kept, suffixed with its vCenter, and reported.
    expect(report.renamed).toEqual([{ from: "web01", to: "web01 (vc2)", sheet: "vInfo", row: 12 }]);
  });

  it("columns used are logged by header, custom attributes ignored", async () => {
    const { report } = expectOk(await importBytes(await handMadeExport(), "x.xlsx"));
    const log = report.columns.map((c) => `${c.field}←${c.sheet}!${c.letter}:${c.header}`);
    expect(log).toContain("cores←vInfo!F:CPUs");
    expect(log).toContain("memoryGiB←vInfo!G:Memory");
    expect(log).toContain("storageGiB←vInfo!J:Total disk capacity MiB");
    expect(log.some((l) => l.includes("owner") || l.includes("cost-center"))).toBe(false);
  });

  it("--include-powered-off brings powered-off and suspended VMs in; --group merges identical rows", async () => {
    const bytes = await handMadeExport();
    const all = expectOk(
      await importBytes(bytes, "x.xlsx", { ...OPTIONS, includePoweredOff: true })
    );
    expect(all.rows.map((r) => r.name)).toEqual([
      "app01",
      "db01",
      "web01",
      "old01",
      "susp01",
      "web01 (vc2)",
      "nos01",
      "tiny01",
    ]);
    expect(all.report.excluded.map((e) => e.reason)).toEqual([
      "template",
      "srm-placeholder",
      "vcls",
      "disconnected",
      "incomplete",
    ]);

    // old01 and susp01 are identical (windows, 2 vCPU, 2.6 GHz, 4 GiB, 50 GiB, CL-A snapshot) → one row, count 2.
    const grouped = expectOk(
      await importBytes(bytes, "x.xlsx", {
        ...OPTIONS,
        includePoweredOff: true,
        groupIdentical: true,
      })
    );
    expect(grouped.rows).toHaveLength(7);
    expect(byName(grouped.rows).get("old01 (+1 identical)")).toMatchObject({
      count: 2,
      cores: 2,
      memoryGiB: "4",
      storageGiB: "50",
    });
    expect(grouped.report.groups).toEqual([
      { name: "old01 (+1 identical)", count: 2, members: ["old01", "susp01"] },
    ]);
    expect(grouped.report.totals.servers).toBe(all.report.totals.servers);
    expect(grouped.report.totals.memoryGiB).toBe(all.report.totals.memoryGiB);
  });

  it("storage basis 'in-use' takes In Use MiB, else the configured size", async () => {
    const { rows, report } = expectOk(
      await importBytes(await handMadeExport(), "x.xlsx", { ...OPTIONS, storageBasis: "in-use" })
    );
    const r = byName(rows);
    expect(r.get("app01")?.storageGiB).toBe("50");
    expect(r.get("tiny01")?.storageGiB).toBe("10"); // no In Use figure → configured
    // 50 + 256 + 10 + 15 + 12 + 10 = 353
    expect(report.totals.storageGiB).toBe("353");
  });

  it("the rows make a valid scenario", async () => {
    const { rows } = expectOk(await importBytes(await handMadeExport(), "x.xlsx"));
    const parsed = parseScenario(defaultScenarioJson("ws2022", rows));
    expect(parsed.ok ? [] : parsed.issues).toEqual([]);
  });
});

describe("RVTools label generations and header variants", () => {
  it("reads 'MB' labels (before 4.1.2) as binary MiB, never × 1.048576", async () => {
    const bytes = await xlsx([
      {
        name: "vInfo",
        rows: [
          [
            "VM",
            "Powerstate",
            "Template",
            "CPUs",
            "Memory",
            "NICs",
            "Disks",
            "Provisioned MB",
            "In use MB",
            "Cluster",
            "Host",
            "OS according to the configuration file",
            "OS according to the VMware Tools",
          ],
          [
            "a",
            "poweredOn",
            "False",
            2,
            3072,
            1,
            1,
            1536,
            1024,
            "C",
            "h",
            "Microsoft Windows Server 2012 (64-bit)",
            "",
          ],
        ],
      },
    ]);
    const { rows, report } = expectOk(await importBytes(bytes, "old.xlsx"));
    // 3072 MiB = 3 GiB; 1536 MB(=MiB) = 1.5 GiB; In use 1024 → 1 GiB.
    expect(rows[0]).toMatchObject({ memoryGiB: "3", storageGiB: "1.5" });
    expect(report.totals.inUseStorageGiB).toBe("1");
    expect(report.formatLabel).toBe("RVTools vInfo (MB labels, before RVTools 4.1.2)");
    expect(report.notes.join(" ")).toContain("binary mebibytes");
  });

  it("reads the internal vInfo… header names", async () => {
    const bytes = await xlsx([
      {
        name: "vInfo",
        rows: [
          [
            "vInfoVMName",
            "vInfoPowerstate",
            "vInfoTemplate",
            "vInfoCPUs",
            "vInfoMemory",
            "vInfoTotalDiskCapacityMiB",
            "vInfoInUse",
            "vInfoOS",
            "vInfoOSTools",
          ],
          ["b", "poweredOn", "False", 4, 6144, 2048, 512, "", "SUSE Linux Enterprise 15 (64-bit)"],
        ],
      },
    ]);
    const { rows } = expectOk(await importBytes(bytes, "internal.xlsx"));
    // 6144 / 1024 = 6; 2048 / 1024 = 2.
    expect(rows[0]).toMatchObject({
      name: "b",
      cores: 4,
      memoryGiB: "6",
      storageGiB: "2",
      os: "linux",
    });
  });

  it("fills empty CPUs / Memory / disk total from vCPU, vMemory and vDisk, and reports each", async () => {
    const bytes = await xlsx([
      {
        name: "vInfo",
        rows: [
          [
            "VM",
            "Powerstate",
            "Template",
            "CPUs",
            "Memory",
            "Provisioned MiB",
            "Cluster",
            "Host",
            "VM ID",
          ],
          ["c", "poweredOn", "False", null, null, 999999, "K", "nohost", "vm-7"],
        ],
      },
      {
        name: "vCPU",
        rows: [
          ["VM", "Powerstate", "CPUs", "Sockets", "Cores p/s", "Max", "Overall", "VM ID"],
          ["c", "poweredOn", 4, 2, 2, 10400, 100, "vm-7"],
        ],
      },
      {
        name: "vMemory",
        rows: [
          ["VM", "Powerstate", "Size MiB", "Active", "VM ID"],
          ["c", "poweredOn", 12288, 100, "vm-7"],
        ],
      },
      {
        name: "vDisk",
        rows: [
          ["VM", "Disk", "Capacity MiB", "Disk Mode", "Thin", "VM ID"],
          ["c", "Hard disk 1", 40960, "persistent", "True", "vm-7"],
          ["c", "Hard disk 2", 61440, "persistent", "True", "vm-7"],
        ],
      },
    ]);
    const { rows, report } = expectOk(await importBytes(bytes, "fallbacks.xlsx"));
    // cores 4 (vCPU CPUs); memory 12288 / 1024 = 12; storage (40960 + 61440) / 1024 = 100 (not Provisioned);
    // clock = Max 10400 / CPUs 4 / 1000 = 2.6 GHz (the host is not in the export).
    expect(rows[0]).toMatchObject({ cores: 4, memoryGiB: "12", storageGiB: "100", cpuGhz: "2.6" });
    expect(report.problems.map((p) => p.where)).toEqual(["vInfo!D2 (CPUs)", "vInfo!E2 (Memory)"]);
    expect(report.assumed.map((a) => `${a.field}/${a.basis}`)).toEqual(
      expect.arrayContaining([
        "cores/other-sheet",
        "memoryGiB/other-sheet",
        "storageGiB/vdisk",
        "cpuGhz/vcpu-max",
      ])
    );
  });

  it("accepts RVTools 'Export all to csv' files, alone or together", async () => {
    const alone = expectOk(
      await importBytes(fixture("RVTools_tabvInfo.csv"), "RVTools_tabvInfo.csv")
    );
    expect(alone.report.format).toBe("rvtools");
    expect(alone.report.sheets).toEqual(["vInfo"]);
    // web01: 2 vCPU, 4096 MiB = 4 GiB, 40960 MiB = 40 GiB; db01: 8 vCPU, 16 GiB, 300 GiB; the template "tmpl, w2019" is left out.
    expect(
      alone.rows.map((r) => [r.name, r.cores, r.memoryGiB, r.storageGiB, r.os, r.cpuGhz])
    ).toEqual([
      ["web01", 2, "4", "40", "windows", "2.9"],
      ["db01", 8, "16", "300", "linux", "2.9"],
    ]);
    expect(alone.report.excluded[0]?.rows[0]?.name).toBe("tmpl, w2019");

    const read = await readInventoryFiles([
      { bytes: fixture("RVTools_tabvInfo.csv"), name: "RVTools_tabvInfo.csv" },
      { bytes: fixture("RVTools_tabvHost.csv"), name: "RVTools_tabvHost.csv" },
    ]);
    if (!read.ok) throw new Error(read.failure.message);
    const both = expectOk(importInventory(read.workbook, OPTIONS));
    // With vHost: clock 2095 MHz → 2.095 GHz; CL1 snapshot: used = 2 % × 32 × 2095 + 1 % × 32 × 2095 = 2011.2 MHz
    // over (2 + 8) × 2095 = 20950 MHz → 0.096.
    expect(both.rows.map((r) => [r.name, r.cpuGhz, r.averageCpuUtilization])).toEqual([
      ["web01", "2.095", "0.096"],
      ["db01", "2.095", "0.096"],
    ]);
  });
});
