/**
 * Invariants of the importer (fast-check): exact unit conversion, unique names, grouping that
 * keeps every total, and output the scenario parser always accepts.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { importInventory, type CellValue, type WorkbookData } from "../../src/inventory";
import { Dec } from "../../src/money";
import { defaultScenarioJson, parseScenario } from "../../src/scenario";
import { expectOk, OPTIONS } from "./helpers";

const vinfo = (rows: readonly (readonly CellValue[])[]): WorkbookData => ({
  sheets: [
    {
      name: "vInfo",
      rows: [
        [
          "VM",
          "Powerstate",
          "CPUs",
          "Memory",
          "Provisioned MB",
          "OS according to the VMware Tools",
        ],
        ...rows,
      ],
    },
  ],
});

describe("importer invariants", () => {
  it("MiB → GiB is exact: memoryGiB × 1024 gives back the MiB, written without exponent or rounding", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 2 ** 40 }),
        fc.integer({ min: 0, max: 2 ** 40 }),
        (mib, disk) => {
          const { rows } = expectOk(
            importInventory(vinfo([["vm", "poweredOn", 2, mib, disk, "Windows"]]), OPTIONS)
          );
          const row = rows[0];
          expect(row?.memoryGiB).toMatch(/^\d+(\.\d+)?$/);
          expect(new Dec(row?.memoryGiB ?? "0").times(1024).toString()).toBe(String(mib));
          expect(new Dec(row?.storageGiB ?? "0").times(1024).toString()).toBe(String(disk));
        }
      )
    );
  });

  it("names come out unique (case-insensitively), every VM kept, each name starting with its original", () => {
    const name = fc.constantFrom("web", "WEB", "web (2)", "db", "app", "web (vc2)");
    fc.assert(
      fc.property(
        fc.array(fc.tuple(name, fc.constantFrom("vc1", "vc2")), { minLength: 1, maxLength: 12 }),
        (vms) => {
          const wb: WorkbookData = {
            sheets: [
              {
                name: "vInfo",
                rows: [
                  ["VM", "Powerstate", "CPUs", "Memory", "VI SDK Server"],
                  ...vms.map(([n, vc]) => [n, "poweredOn", 1, 1024, vc]),
                ],
              },
            ],
          };
          const { rows, report } = expectOk(importInventory(wb, OPTIONS));
          expect(rows).toHaveLength(vms.length);
          expect(new Set(rows.map((r) => r.name.toLowerCase())).size).toBe(vms.length);
          rows.forEach((r, i) => expect(r.name.startsWith(vms[i]?.[0] ?? "")).toBe(true));
          expect(report.renamed.length).toBe(rows.filter((r, i) => r.name !== vms[i]?.[0]).length);
        }
      )
    );
  });

  it("grouping identical rows keeps servers, cores, memory and storage totals, and leaves no two rows alike", () => {
    const shape = fc.record({
      cpus: fc.constantFrom(1, 2, 4),
      mib: fc.constantFrom(1024, 2048, 1536),
      os: fc.constantFrom("Windows Server 2019", "Ubuntu"),
    });
    fc.assert(
      fc.property(fc.array(shape, { minLength: 1, maxLength: 20 }), (shapes) => {
        const wb = vinfo(shapes.map((s, i) => [`vm${i}`, "poweredOn", s.cpus, s.mib, 10240, s.os]));
        const plain = expectOk(importInventory(wb, OPTIONS));
        const grouped = expectOk(importInventory(wb, { ...OPTIONS, groupIdentical: true }));
        expect(grouped.report.totals).toEqual(plain.report.totals);
        expect(grouped.rows.reduce((n, r) => n + r.count, 0)).toBe(shapes.length);
        const keys = grouped.rows.map((r) => JSON.stringify({ ...r, name: "", count: 0 }));
        expect(new Set(keys).size).toBe(keys.length);
        expect(grouped.report.groups.reduce((n, g) => n + g.members.length, 0)).toBe(
          grouped.report.groups.reduce((n, g) => n + g.count, 0)
        );
      })
    );
  });

  it("whatever a file of our own columns holds, the imported rows make a valid scenario", () => {
    const cell = fc.oneof(
      fc.constant<CellValue>(null),
      fc.integer({ min: -5, max: 5000 }),
      fc.double({ min: -2, max: 200, noNaN: true }),
      fc.constantFrom<CellValue>(
        "",
        "abc",
        "40%",
        "1,5",
        "windows",
        "linux",
        "FreeBSD",
        "TRUE",
        "no",
        " "
      )
    );
    const row = fc.tuple(
      fc.constantFrom("a", "A", "b", "", "c c"),
      cell,
      cell,
      cell,
      cell,
      cell,
      cell,
      cell,
      cell,
      cell
    );
    fc.assert(
      fc.property(fc.array(row, { minLength: 1, maxLength: 10 }), fc.boolean(), (rows, group) => {
        const wb: WorkbookData = {
          sheets: [
            {
              name: "TCO Inventory",
              rows: [
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
                  "Rack units",
                ],
                ...rows,
              ],
            },
          ],
        };
        const result = importInventory(wb, {
          ...OPTIONS,
          groupIdentical: group,
          includePoweredOff: true,
        });
        if (!result.ok) {
          // Only possible when every generated row is blank.
          expect(result.failure.code).toBe("no-data-rows");
          return;
        }
        const ok = result;
        if (ok.rows.length === 0) return;
        const parsed = parseScenario(defaultScenarioJson("ws2022", ok.rows));
        expect(parsed.ok ? [] : parsed.issues).toEqual([]);
      })
    );
  });
});
