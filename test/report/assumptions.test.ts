/**
 * The assumptions register: changed inputs against the platform's defaults, what an import
 * assumed, and default prices whose source says they are assumptions or unverified.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { assumptionsRegister } from "../../src/report/assumptions";
import { buildReport } from "../../src/report/build";
import { defaultSections, parseScenario, type Scenario } from "../../src/scenario";
import { analyze } from "../../src/tco";
import { REPO_ROOT } from "../support/paths";

function scenario(
  patch: (json: Record<string, unknown>) => void = () => {},
  file = "contoso-2010.json"
): Scenario {
  const json = JSON.parse(
    readFileSync(join(REPO_ROOT, "assets", "examples", file), "utf8")
  ) as Record<string, unknown>;
  patch(json);
  const r = parseScenario(json);
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return r.scenario;
}

describe("assumptions register", () => {
  it("lists an input changed from its default with the default beside it", () => {
    const s = scenario((j) => {
      (j["housing"] as Record<string, unknown>)["pue"] = "1.5"; // ws2008r2 default 1.8
    });
    const rows = assumptionsRegister(s, [], defaultSections(s.platform));
    expect(rows.filter((r) => r.kind === "changed")).toEqual([
      expect.objectContaining({ path: "housing.pue", value: "1.5", defaultValue: "1.8" }),
    ]);
  });

  it("lists uncertain default prices with their source, and no price set to zero", () => {
    const s = scenario();
    const rows = assumptionsRegister(s, [], defaultSections(s.platform));
    const host = rows.find((r) => r.path === "host.price");
    // DEFAULT_SOURCES["host.price"]: "... today: $25,000 (assumption)"
    expect(host).toMatchObject({ kind: "uncertain", value: "9,000 USD" });
    expect(host?.source).toMatch(/assumption/);
    // The Windows Server CAL default is a secondary source (microsoftnegotiations.com).
    expect(rows.some((r) => r.path === "licensing.prices.cal")).toBe(true);
    // Software Assurance is off (0): nothing to check.
    expect(rows.some((r) => r.path === "licensing.softwareAssuranceRate")).toBe(false);
    // Electricity has a published tariff for 2010 but an unverified one today: still listed.
    expect(rows.some((r) => r.path === "housing.electricityPerKWh")).toBe(true);
  });

  it("leaves out uncertain prices of paths nobody compares, and lists them once compared", () => {
    // Contoso 2010 compares hyperv-server, standard, enterprise, datacenter and vsphere against
    // staying physical: today's VCF, pay-as-you-go and Azure Local prices are not its question.
    const s = scenario();
    const paths = (sc: Scenario): string[] =>
      assumptionsRegister(sc, [], defaultSections(sc.platform)).map((r) => r.path);
    const none = paths(s);
    for (const p of [
      "licensing.prices.vcf",
      "licensing.prices.windowsPayg",
      "licensing.prices.azureLocalWindows",
      "licensing.vmware.lateRenewalPenalty",
    ])
      expect(none).not.toContain(p);
    expect(none).toContain("licensing.prices.vsphere"); // vsphere is one of its options
    // Leaving VMware compares staying on VCF with pay-as-you-go and Azure Local among others.
    const leaving = scenario(() => {}, "leaving-vmware-2027.json");
    expect(leaving.finance.baseline).toBe("vcf");
    const today = paths(leaving);
    expect(today).toContain("licensing.prices.vcf");
    expect(today).toContain("licensing.prices.windowsPayg");
    expect(today).toContain("licensing.prices.azureLocalWindows");
    // Without pay-as-you-go among its options, its price leaves the register.
    const noPayg = paths(
      scenario((j) => {
        const lic = j["licensing"] as Record<string, unknown>;
        lic["options"] = (lic["options"] as string[]).filter((o) => o !== "windows-payg");
      }, "leaving-vmware-2027.json")
    );
    expect(noPayg).not.toContain("licensing.prices.windowsPayg");
    expect(noPayg).toContain("licensing.prices.vcf");
  });

  it("lists every value the importer assumed, rounded to read", () => {
    const s = scenario();
    const rows = assumptionsRegister(
      s,
      [
        {
          field: "cpuGhz",
          basis: "cluster-clock",
          count: 12,
          value: "2.5333333333",
          message:
            "12 servers: the VM's host is not in vHost; core clock = mean 'Speed' of its cluster's hosts.",
        },
      ],
      defaultSections(s.platform)
    );
    expect(rows.filter((r) => r.kind === "imported")).toEqual([
      {
        kind: "imported",
        path: "inventory[*].cpuGhz",
        label: "cpuGhz, 12 servers",
        value: "2.53",
        defaultValue: null,
        source: expect.stringMatching(/mean 'Speed'/),
      },
    ]);
  });

  it("is the TCO Assumptions sheet of the report, and an imported scenario carries its record there", () => {
    const s = scenario((j) => {
      j["imported"] = {
        file: "RVTools_export_all.xlsx",
        format: "RVTools",
        assumptions: [
          {
            field: "peakCpuUtilization",
            basis: "default",
            count: 3,
            value: "0.3",
            message: "3 servers: no peak CPU in the file; used 0.3 (scenario default).",
          },
        ],
      };
    });
    const plan = buildReport(s, analyze(s, { sensitivity: false }));
    const sheet = plan.sheets.find((x) => x.name === "TCO Assumptions");
    const texts = sheet?.blocks.flatMap((b) => b.cells.flat().map((c) => c.v)) ?? [];
    expect(texts).toContain("Assumed by the import");
    expect(texts).toContain("3 servers: no peak CPU in the file; used 0.3 (scenario default).");
    expect(texts).toContain("host.price");
  });

  it("rejects an import record of the wrong shape, naming the path", () => {
    const r = parseScenario({
      ...JSON.parse(
        readFileSync(join(REPO_ROOT, "assets", "examples", "contoso-2010.json"), "utf8")
      ),
      imported: {
        assumptions: [{ field: "cpuGhz", basis: "default", count: -1, value: null, message: "" }],
      },
    });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues.map((i) => i.path)).toEqual(["imported.assumptions[0].count"]);
  });
});
