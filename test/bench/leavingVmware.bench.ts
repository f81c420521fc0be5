/**
 * Leaving VMware at scale: a 2,000-VM RVTools-style export (vInfo and vHost sheets, seeded:
 * 72 % Windows, 1–16 vCPUs, 2–128 GiB, six clusters of hosts) through the real importer, then
 * the whole business case — staying on VCF against renewing VVF, Hyper-V Standard and
 * Datacenter, Windows Server pay-as-you-go and Azure Local, each with its capacity plan,
 * licences, month-by-month migration timeline and dual running — in one `analyze` run.
 *
 * Target: every path in one run, < 2 s without sensitivity (the pane's recompute) on this
 * 2-core machine; sensitivity (±20 % on nine inputs, with break-evens) is reported beside it.
 * Run with `npx tsx test/bench/leavingVmware.bench.ts` or `npm run bench -- vmware`.
 */
import { cpus, loadavg } from "node:os";
import { pathToFileURL } from "node:url";
import { importDefaultsFrom, importInventory, type WorkbookData } from "../../src/inventory";
import type { CellValue } from "../../src/inventory/types";
import { defaultScenarioJson, defaultSections, parseScenario } from "../../src/scenario";
import { analyze, type Analysis } from "../../src/tco";
import { timed } from "./support/timing";

const VMS = 2000;

/** A deterministic pseudo-random source (mulberry32). */
function seeded(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The export, as the importer reads a workbook: vInfo (one row per VM) and vHost. */
export function rvtoolsEstate(vms: number, seed = 2026): WorkbookData {
  const rnd = seeded(seed);
  const pick = <T>(values: readonly T[]): T => values[Math.floor(rnd() * values.length)] as T;
  const clusters = ["Prod-A", "Prod-B", "Prod-C", "Dev", "DMZ", "Mgmt"];
  const vHost: CellValue[][] = [
    ["Host", "Datacenter", "Cluster", "Speed", "# CPU", "Cores per CPU", "# Cores", "CPU usage %"],
  ];
  clusters.forEach((cluster, c) => {
    for (let h = 1; h <= 8; h++)
      vHost.push([`esx-${c}-${h}.corp`, "DC1", cluster, 2900, 2, 16, 32, 18 + c * 3]);
  });
  const vInfo: CellValue[][] = [
    [
      "VM",
      "Powerstate",
      "Template",
      "CPUs",
      "Memory",
      "Provisioned MiB",
      "In Use MiB",
      "Cluster",
      "Host",
      "OS according to the configuration file",
    ],
  ];
  for (let i = 0; i < vms; i++) {
    const cluster = Math.floor(rnd() * clusters.length);
    const windows = rnd() < 0.72;
    const cpusOf = pick([1, 2, 2, 2, 4, 4, 4, 8, 8, 16]);
    const memoryGiB = pick([2, 4, 8, 8, 16, 16, 32, 64, 128]);
    const diskGiB = pick([40, 60, 80, 100, 200, 500, 1000]);
    vInfo.push([
      `vm-${String(i + 1).padStart(5, "0")}`,
      rnd() < 0.04 ? "poweredOff" : "poweredOn",
      "False",
      cpusOf,
      memoryGiB * 1024,
      diskGiB * 1024,
      Math.round(diskGiB * 1024 * 0.6),
      clusters[cluster] as string,
      `esx-${cluster}-${1 + Math.floor(rnd() * 8)}.corp`,
      windows
        ? pick([
            "Microsoft Windows Server 2019 (64-bit)",
            "Microsoft Windows Server 2022 (64-bit)",
            "Microsoft Windows Server 2016 or later (64-bit)",
          ])
        : pick(["Red Hat Enterprise Linux 9 (64-bit)", "Ubuntu Linux (64-bit)"]),
    ]);
  }
  return {
    fileName: "RVTools_export_all.xlsx",
    sheets: [
      { name: "vInfo", rows: vInfo },
      { name: "vHost", rows: vHost },
    ],
  };
}

const ms = (x: number): string => (x >= 100 ? x.toFixed(0) : x.toFixed(1));
const money = (a: Analysis, id: string): string => {
  const o = a.options.find((x) => x.id === id);
  if (!o?.eligible) return "baseline";
  return o.costs.total.toFixed(0).replace(/\B(?=(\d{3})+(?!\d))/g, ",");
};

/** Imports the export and evaluates every path; returns a markdown table. */
export async function runLeavingVmwareBench(): Promise<string> {
  const loadBefore = loadavg()[0]!;
  const workbook = rvtoolsEstate(VMS);
  const defaults = importDefaultsFrom(defaultSections("ws2025"));
  const imported = timed(3, () => importInventory(workbook, { defaults }));
  const result = imported.last;
  if (!result.ok) throw new Error(result.failure.message);
  const json = defaultScenarioJson("ws2025", result.rows, new Date("2027-01-04T00:00:00Z"));
  const scenario = parseScenario({
    ...json,
    finance: { ...(json["finance"] as object), baseline: "vcf", migrationVmsPerMonth: 150 },
    licensing: {
      ...(json["licensing"] as object),
      vmware: {
        ...((json["licensing"] as Record<string, unknown>)["vmware"] as object),
        renewalDate: "2027-10-31",
      },
    },
  });
  if (!scenario.ok) throw new Error(JSON.stringify(scenario.issues.slice(0, 3)));
  const fast = timed(3, () => analyze(scenario.scenario, { sensitivity: false }));
  const full = timed(1, () => analyze(scenario.scenario));
  const a = fast.last;
  const t = a.timeline;
  const paths = a.options.map((o) => o.id);
  const cpu = cpus();
  const target = 2000;
  return [
    "## Leaving VMware: a 2,000-VM RVTools-style estate, every path in one run",
    "",
    `${VMS} VMs in vInfo (${result.report.totals.servers} powered on imported) on ${workbook.sheets[1]!.rows.length - 1} vSphere hosts in 6 clusters; ws2025,`,
    `staying on VCF against ${paths.filter((p) => p !== "vcf").join(", ")}; renewal ${t?.renewalDate}, 150 VMs a month: the last VM moves in month ${t?.moveEndMonth}.`,
    `Medians after one warm-up (wall clock and CPU of this process). Node ${process.version}, ${cpu.length} × ${cpu[0]?.model.trim() ?? "CPU"}; load average ${loadBefore.toFixed(1)} before, ${loadavg()[0]!.toFixed(1)} after.`,
    "",
    "| step | median ms | CPU ms | target ms | |",
    "|---|---:|---:|---:|---|",
    `| import (vInfo + vHost → inventory rows) | ${ms(imported.wall)} | ${ms(imported.cpu)} | – | |`,
    `| analyze, every path, no sensitivity | ${ms(fast.wall)} | ${ms(fast.cpu)} | < ${target} | ${fast.wall < target ? "met" : "NOT met"} |`,
    `| analyze, every path, with sensitivity | ${ms(full.wall)} | ${ms(full.cpu)} | – | |`,
    "",
    `5-year TCO: ${["vcf", "vvf", "standard", "datacenter", "windows-payg", "azure-local"].map((id) => `${id} ${money(a, id)}`).join("; ")} (USD; hosts ${a.baselineHosts}).`,
    "",
  ].join("\n");
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  void runLeavingVmwareBench().then((table) => console.log(table));
}
