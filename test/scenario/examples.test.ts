/**
 * The shipped examples (`assets/examples/`) parse with no issues, are what the generator
 * makes, and say what their README says they say.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { defaultSections, parseScenario, type Scenario } from "../../src/scenario";
import { platformLimits } from "../../src/platform";
import { EXAMPLES, formatScenarioJson } from "./exampleScenarios";
import { EXAMPLES_DIR } from "./write-assets";

function load(file: string): unknown {
  return JSON.parse(readFileSync(join(EXAMPLES_DIR, file), "utf8")) as unknown;
}

function parsed(file: string): Scenario {
  const result = parseScenario(load(file));
  if (!result.ok)
    throw new Error(`${file}: ${result.issues.map((i) => `${i.path}: ${i.message}`).join("\n")}`);
  return result.scenario;
}

const servers = (s: Scenario): number => s.inventory.reduce((n, r) => n + r.count, 0);

describe("assets/examples", () => {
  it("holds exactly the generated examples and a README", () => {
    const files = readdirSync(EXAMPLES_DIR).sort();
    expect(files).toEqual([...Object.keys(EXAMPLES), "README.md"].sort());
    const readme = readFileSync(join(EXAMPLES_DIR, "README.md"), "utf8");
    for (const file of Object.keys(EXAMPLES)) expect(readme).toContain(`\`${file}\``);
  });

  it.each(Object.keys(EXAMPLES).map((f) => [f]))("%s parses with zero issues", (file) => {
    const result = parseScenario(load(file));
    expect(result.ok ? [] : result.issues).toEqual([]);
  });

  it.each(Object.entries(EXAMPLES))(
    "%s is what the generator writes (regenerate: npx tsx test/scenario/write-assets.ts)",
    (file, build) => {
      expect(existsSync(join(EXAMPLES_DIR, file))).toBe(true);
      const text = readFileSync(join(EXAMPLES_DIR, file), "utf8");
      expect(text).toBe(formatScenarioJson(build()));
      expect(JSON.parse(text)).toEqual(build()); // the one-row-per-line layout loses nothing
    }
  );

  it("keeps money and ratios as strings in every example", () => {
    for (const file of Object.keys(EXAMPLES)) {
      const json = load(file) as Record<string, any>;
      expect(typeof json["host"]["price"], file).toBe("string");
      expect(typeof json["finance"]["discountRate"], file).toBe("string");
      for (const row of json["inventory"] as Record<string, unknown>[]) {
        for (const key of [
          "cpuGhz",
          "peakCpuUtilization",
          "averageCpuUtilization",
          "memoryGiB",
          "storageGiB",
          "powerWatts",
        ]) {
          expect(typeof row[key], `${file} ${String(row["name"])}.${key}`).toBe("string");
        }
      }
    }
  });
});

describe("book-example.json: the book's own figures", () => {
  const s = parsed("book-example.json");

  it("is 30 small Windows servers on Windows Server 2008 R2", () => {
    expect(s.platform).toBe("ws2008r2");
    expect(servers(s)).toBe(30);
    for (const row of s.inventory) {
      expect(row.os).toBe("windows");
      expect(row.cores).toBeGreaterThanOrEqual(1);
      expect(row.cores).toBeLessThanOrEqual(2);
      expect(row.memoryGiB.gte(2) && row.memoryGiB.lte(4)).toBe(true);
    }
  });

  it("prices a Windows VM at the book's $200 (30 × $200 = $6,000)", () => {
    expect(s.licensing.prices.guestOsPerVm.toString()).toBe("200");
    expect(s.licensing.prices.guestOsPerVm.times(servers(s)).toString()).toBe("6000");
  });

  it("prices Datacenter at the book's $5,000 for a 2-socket host ($2,500 per processor)", () => {
    expect(s.host.sockets).toBe(2);
    expect(s.licensing.prices.datacenter.times(s.host.sockets).toString()).toBe("5000");
    expect(s.licensing.options).toEqual(["hyperv-server", "datacenter"]);
  });
});

describe("contoso-2010.json: a realistic 2010 estate", () => {
  const s = parsed("contoso-2010.json");
  const limits = platformLimits("ws2008r2");

  it("has about 120 servers of mixed sizes, a few of them Linux, grouped with count", () => {
    expect(servers(s)).toBe(120);
    expect(s.inventory.some((r) => r.count > 1)).toBe(true);
    expect(s.inventory.filter((r) => r.os === "linux").length).toBeGreaterThanOrEqual(2);
    const cores = s.inventory.map((r) => r.cores);
    expect(Math.min(...cores)).toBe(1);
    expect(Math.max(...cores)).toBe(16);
  });

  it("runs at low utilisation (average 0.02–0.25, peak up to 0.6)", () => {
    for (const r of s.inventory) {
      expect(r.averageCpuUtilization.lte("0.25"), r.name).toBe(true);
      expect(r.peakCpuUtilization.lte("0.6"), r.name).toBe(true);
      expect(r.averageCpuUtilization.lte(r.peakCpuUtilization), r.name).toBe(true);
    }
  });

  it("has servers that cannot become 2008 R2 VMs", () => {
    // SQL-DW-01: 96 GiB > 64 GB per VM (TechNet ee405267)
    const bigMemory = s.inventory
      .filter((r) => r.memoryGiB.gt(limits.maxVmMemoryGiB))
      .map((r) => r.name);
    expect(bigMemory).toEqual(["SQL-DW-01"]);
    // ERP-DB-01: 12 × 2.93 × 0.60 ≈ 21.1 GHz > 4 capped vCPUs × 2.93 GHz ≈ 11.7 GHz
    const erp = s.inventory.find((r) => r.name === "ERP-DB-01");
    expect(erp).toBeDefined();
    if (!erp) return;
    const demand = erp.cpuGhz.times(erp.cores).times(erp.peakCpuUtilization);
    expect(demand.gt(s.host.cpuGhz.times(limits.maxVcpusPerVm))).toBe(true);
    expect(s.inventory.filter((r) => r.stayPhysical).map((r) => r.name)).toEqual(["LIC-DONGLE-01"]);
  });

  it("uses the ws2008r2 defaults for every assumption (2008 R2 Open NL prices, a 2010 host)", () => {
    const json = load("contoso-2010.json") as Record<string, unknown>;
    const defaults = defaultSections("ws2008r2");
    for (const key of Object.keys(defaults) as (keyof typeof defaults)[])
      expect(json[key], key).toEqual(defaults[key]);
    expect(s.licensing.prices.standard.toString()).toBe("726");
    expect(s.licensing.prices.datacenter.toString()).toBe("2405");
  });
});

describe("modern-2022.json: the same estate today", () => {
  const s = parsed("modern-2022.json");
  const contoso = parsed("contoso-2010.json");

  it("has the same inventory as contoso-2010.json", () => {
    expect(JSON.stringify(s.inventory)).toBe(JSON.stringify(contoso.inventory));
  });

  it("uses ws2022, today's hardware and core-based licensing options that exist in 2022", () => {
    expect(s.platform).toBe("ws2022");
    const json = load("modern-2022.json") as Record<string, any>;
    const defaults = defaultSections("ws2022");
    expect(json["host"]).toEqual(defaults.host);
    expect(json["housing"]).toEqual(defaults.housing);
    expect(s.licensing.options).toEqual(["standard", "datacenter", "vsphere"]);
  });

  it("lets every server become a VM on 2022 (none above the per-VM limits)", () => {
    const limits = platformLimits("ws2022");
    for (const r of s.inventory) {
      expect(r.memoryGiB.lte(limits.maxVmMemoryGiB), r.name).toBe(true);
      expect(r.cores).toBeLessThanOrEqual(limits.maxVcpusPerVm);
    }
  });
});
