/**
 * The two real RVTools workbooks in `shared/data/inventory-samples/`. Expected totals are
 * worked out here independently: the sheet is read with exceljs directly, columns are found
 * with a plain header lookup, and the raw columns are summed with plain arithmetic (MiB
 * integers sum exactly in doubles; ÷ 1024 is exact in binary). The README's counts are a
 * second oracle.
 */
import ExcelJS from "exceljs";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { importInventory, readInventoryFile, type ImportOptions } from "../../src/inventory";
import { defaultScenarioJson, parseScenario } from "../../src/scenario";
import { hasShared, shared } from "../support/paths";
import { expectOk, OPTIONS } from "./helpers";

const MIB = "rvtools-4x-mib_kubev2v-migration-planner_example1.xlsx";
const MB = "rvtools-mb-labels_rvtools-to-ibm-cloud_SizingWorkshop-RVTools.xlsx";
const sample = (name: string): string => shared("data", "inventory-samples", name);

const loaded = new Map<string, Promise<ExcelJS.Workbook>>();

/** A sheet as plain records keyed by the exact (trimmed) header text (each workbook loaded once). */
async function records(file: string, sheetName: string): Promise<Record<string, unknown>[]> {
  if (!loaded.has(file))
    loaded.set(
      file,
      new ExcelJS.Workbook().xlsx.load(readFileSync(file) as unknown as ArrayBuffer)
    );
  const wb = await (loaded.get(file) as Promise<ExcelJS.Workbook>);
  const ws = wb.getWorksheet(sheetName);
  if (!ws) throw new Error(`no sheet ${sheetName}`);
  const header = (ws.getRow(1).values as unknown[]).map((h) =>
    typeof h === "string" ? h.trim() : ""
  );
  const out: Record<string, unknown>[] = [];
  ws.eachRow((row, n) => {
    if (n === 1) return;
    const values = row.values as unknown[];
    const rec: Record<string, unknown> = {};
    header.forEach((h, i) => {
      if (h !== "") rec[h] = values[i] ?? null;
    });
    if (typeof rec["VM"] === "string" && rec["VM"] !== "") out.push(rec);
  });
  return out;
}

async function run(name: string, options: ImportOptions = OPTIONS) {
  const read = await readInventoryFile(new Uint8Array(readFileSync(sample(name))), name);
  if (!read.ok) throw new Error(read.failure.message);
  return expectOk(importInventory(read.workbook, options));
}

describe.skipIf(!hasShared("data", "inventory-samples", MB))(
  "RVTools sample with MB labels (SizingWorkshop, 805 VMs)",
  () => {
    it("imports the powered-on non-template VMs with exactly the raw totals", async () => {
      const vms = await records(sample(MB), "vInfo");
      // README: 805 VMs, 763 poweredOn, 42 poweredOff, 10 templates.
      expect(vms).toHaveLength(805);
      expect(vms.filter((v) => v["Powerstate"] === "poweredOn")).toHaveLength(763);
      const templates = vms.filter((v) => v["Template"] === "True");
      expect(templates).toHaveLength(10);
      const expected = vms.filter(
        (v) => v["Template"] !== "True" && v["Powerstate"] === "poweredOn"
      );
      const poweredOff = vms.filter(
        (v) => v["Template"] !== "True" && v["Powerstate"] !== "poweredOn"
      );

      const { rows, report } = await run(MB);
      expect(report.rowsRead).toBe(805);
      expect(rows).toHaveLength(expected.length);
      expect(Object.fromEntries(report.excluded.map((e) => [e.reason, e.count]))).toEqual({
        template: 10,
        "powered-off": poweredOff.length,
      });
      expect(
        report.excluded
          .find((e) => e.reason === "template")
          ?.rows.map((r) => r.name)
          .sort()
      ).toEqual(templates.map((t) => t["VM"]).sort());

      const sum = (list: Record<string, unknown>[], col: string): number =>
        list.reduce((s, v) => s + (v[col] as number), 0);
      expect(report.totals.cores).toBe(sum(expected, "CPUs"));
      expect(Number(report.totals.memoryGiB)).toBe(sum(expected, "Memory") / 1024);
      // No disk total and no vDisk in this trimmed file: storage falls back to Provisioned MB.
      expect(Number(report.totals.storageGiB)).toBe(sum(expected, "Provisioned MB") / 1024);
      expect(Number(report.totals.inUseStorageGiB)).toBe(sum(expected, "In Use MB") / 1024);
      // Every row's memory is its own MiB / 1024, as an exact decimal string.
      const memByName = new Map(expected.map((v) => [v["VM"], v["Memory"] as number]));
      for (const r of rows)
        if (memByName.has(r.name)) expect(Number(r.memoryGiB) * 1024).toBe(memByName.get(r.name));
    });

    it("classifies the OS from the tools-reported, then the configured OS", async () => {
      const vms = (await records(sample(MB), "vInfo")).filter(
        (v) => v["Template"] !== "True" && v["Powerstate"] === "poweredOn"
      );
      const osText = (v: Record<string, unknown>): string =>
        String(
          v["OS according to the VMware Tools"] || v["OS according to the configuration file"] || ""
        );
      const windows = vms.filter((v) => /windows/i.test(osText(v))).length;
      const { rows } = await run(MB);
      expect(rows.filter((r) => r.os === "windows")).toHaveLength(windows);
      expect(rows.filter((r) => r.os === "linux")).toHaveLength(vms.length - windows);
    });

    it("with powered-off VMs included, only templates are left out", async () => {
      const { rows, report } = await run(MB, { ...OPTIONS, includePoweredOff: true });
      expect(rows).toHaveLength(795);
      expect(report.excluded.map((e) => [e.reason, e.count])).toEqual([["template", 10]]);
    });

    it("makes a valid scenario", async () => {
      const { rows } = await run(MB);
      const parsed = parseScenario(defaultScenarioJson("ws2022", rows));
      expect(parsed.ok ? [] : parsed.issues.slice(0, 3)).toEqual([]);
    });
  }
);

describe.skipIf(!hasShared("data", "inventory-samples", MIB))(
  "RVTools sample with MiB labels (kubev2v example1, 9 VMs)",
  () => {
    it("imports vm-3, vm-8 and vm-9 (vm-9's CPUs and memory from vCPU / vMemory) and leaves out 6 powered-off VMs", async () => {
      const vms = await records(sample(MIB), "vInfo");
      expect(vms).toHaveLength(9);
      const off = vms.filter((v) => v["Powerstate"] === "poweredOff").map((v) => v["VM"]);
      const on = vms.filter((v) => v["Powerstate"] === "poweredOn");
      // vm-9 has only 10 filled cells in vInfo; its CPUs and Size MiB are on vCPU and vMemory (joined by name).
      const vcpu = new Map(
        (await records(sample(MIB), "vCPU")).map((v) => [v["VM"], v["CPUs"] as number])
      );
      const vmem = new Map(
        (await records(sample(MIB), "vMemory")).map((v) => [v["VM"], v["Size MiB"] as number])
      );
      const cpus = on.reduce(
        (s, v) => s + ((v["CPUs"] as number | null) ?? (vcpu.get(v["VM"]) as number)),
        0
      );
      const mib = on.reduce(
        (s, v) => s + ((v["Memory"] as number | null) ?? (vmem.get(v["VM"]) as number)),
        0
      );

      const { rows, report } = await run(MIB);
      expect(report.format).toBe("rvtools");
      expect(report.formatLabel).toContain("MiB labels");
      expect(report.rowsRead).toBe(9);
      expect(rows.map((r) => r.name)).toEqual(on.map((v) => v["VM"]));
      expect(report.excluded).toHaveLength(1);
      expect(report.excluded[0]).toMatchObject({ reason: "powered-off", count: 6 });
      expect(report.excluded[0]?.rows.map((r) => r.name)).toEqual(off);
      expect(report.totals.cores).toBe(cpus); // 3 + 13 + 18 = 34
      expect(Number(report.totals.memoryGiB)).toBe(mib / 1024); // (3526 + 34321 + 40960) / 1024
      // The fallbacks for vm-9 are reported at its vInfo cells.
      expect(report.problems.filter((p) => p.row === 10).map((p) => p.where)).toEqual([
        "vInfo!P10 (CPUs)",
        "vInfo!R10 (Memory)",
      ]);
    });

    it("does not trust a vHost snapshot that cannot match the VMs (the values were scrambled)", async () => {
      const { rows, report } = await run(MIB);
      expect(
        report.problems.some((p) => p.sheet === "vHost" && p.message.includes("impossible"))
      ).toBe(true);
      for (const r of rows)
        expect(r).toMatchObject({ peakCpuUtilization: "0.3", averageCpuUtilization: "0.12" });
    });

    it("with powered-off VMs included imports all 9, and the scenario is valid", async () => {
      const vms = await records(sample(MIB), "vInfo");
      const { rows, report } = await run(MIB, { ...OPTIONS, includePoweredOff: true });
      expect(rows).toHaveLength(9);
      expect(report.excluded).toEqual([]);
      // vm-1 … vm-8 have Total disk capacity MiB; vm-9 takes Σ vDisk (102400 MiB = 100 GiB).
      const disk = vms.reduce(
        (s, v) => s + ((v["Total disk capacity MiB"] as number | null) ?? 102400),
        0
      );
      expect(Number(report.totals.storageGiB)).toBe(disk / 1024);
      const parsed = parseScenario(defaultScenarioJson("ws2025", rows));
      expect(parsed.ok ? [] : parsed.issues.slice(0, 3)).toEqual([]);
    });
  }
);
