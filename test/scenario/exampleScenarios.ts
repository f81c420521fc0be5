/**
 * The ready-to-run scenarios in `assets/examples/`, built deterministically from the documented
 * defaults. `write-assets.ts` writes them; `examples.test.ts` checks the files equal these.
 * What each example stands for, and why, is in `assets/examples/README.md`.
 */
import { defaultSections, hostCatalogOptions, SCHEMA_VERSION } from "../../src/scenario";
import type { PlatformId } from "../../src/platform";

type Json = Record<string, unknown>;

/** Path from `assets/examples/` to the schema, so editors validate the examples as they are edited. */
const SCHEMA_REF = "../scenario.schema.json";

interface Row {
  readonly name: string;
  readonly count: number;
  readonly os: "windows" | "linux";
  readonly cores: number;
  readonly cpuGhz: string;
  readonly peakCpuUtilization: string;
  readonly averageCpuUtilization: string;
  readonly memoryGiB: string;
  readonly storageGiB: string;
  readonly powerWatts: string;
  readonly rackUnits: number;
  readonly stayPhysical?: boolean;
}

const row = (
  name: string,
  count: number,
  os: Row["os"],
  cores: number,
  cpuGhz: string,
  peak: string,
  average: string,
  memoryGiB: string,
  storageGiB: string,
  powerWatts: string,
  rackUnits: number,
  stayPhysical?: boolean
): Row => ({
  name,
  count,
  os,
  cores,
  cpuGhz,
  peakCpuUtilization: peak,
  averageCpuUtilization: average,
  memoryGiB,
  storageGiB,
  powerWatts,
  rackUnits,
  ...(stayPhysical === undefined ? {} : { stayPhysical }),
});

/**
 * The book's estate: 30 small Windows servers, sized as the book describes them (1–2 cores,
 * 2–4 GiB) and running at the book's own 25–35 % CPU.
 */
export const BOOK_INVENTORY: readonly Row[] = [
  //   name          count  os        cores  GHz     peak    avg    RAM   disk   W      U
  row("FILE-PRINT", 10, "windows", 1, "2.33", "0.35", "0.25", "2", "200", "219", 1),
  row("APP", 12, "windows", 2, "2.33", "0.35", "0.30", "4", "100", "219", 1),
  row("INFRA", 8, "windows", 1, "2.33", "0.35", "0.25", "2", "80", "219", 1),
]; // 10 + 12 + 8 = 30 servers → 30 Windows VMs

/**
 * Contoso's 2010 estate: 120 physical servers in 17 rows. Utilisation as measured in that era
 * (average 2–25 %, peak 5–60 %; DOMAIN.md). Two cannot become 2008 R2 VMs: SQL-DW-01 has 96 GiB
 * RAM (a 2008 R2 VM has at most 64 GB) and ERP-DB-01 needs 12 × 2.93 × 0.60 ≈ 21.1 GHz, more than
 * its 4 capped vCPUs deliver (4 × 2.93 ≈ 11.7 GHz). LIC-DONGLE-01 stays physical by choice.
 */
export const CONTOSO_INVENTORY: readonly Row[] = [
  //   name             count  os         cores  GHz     peak    avg     RAM    disk    W      U
  row("DC", 4, "windows", 2, "2.33", "0.15", "0.04", "4", "60", "219", 1),
  row("FILE", 8, "windows", 4, "2.4", "0.30", "0.08", "8", "1500", "350", 2),
  row("PRINT", 4, "windows", 2, "2.0", "0.20", "0.05", "4", "80", "219", 1),
  row("WEB-IIS", 16, "windows", 2, "2.66", "0.35", "0.10", "4", "80", "219", 1),
  row("WEB-LNX", 10, "linux", 2, "2.66", "0.30", "0.08", "2", "40", "200", 1),
  row("APP", 24, "windows", 4, "2.4", "0.40", "0.12", "8", "150", "300", 2),
  row("APP-LNX", 6, "linux", 4, "2.4", "0.35", "0.10", "8", "150", "280", 1),
  row("SQL", 10, "windows", 8, "2.93", "0.35", "0.15", "32", "600", "450", 2), // 8 × 2.93 × 0.35 ≈ 8.2 GHz: fits 4 vCPUs
  row("EXCH", 4, "windows", 8, "2.93", "0.30", "0.12", "32", "1200", "450", 2),
  row("SHAREPOINT", 4, "windows", 4, "2.66", "0.35", "0.10", "16", "300", "350", 2),
  row("RDS", 6, "windows", 8, "2.66", "0.35", "0.15", "16", "100", "400", 2),
  row("BACKUP", 2, "windows", 4, "2.4", "0.45", "0.20", "8", "4000", "400", 2),
  row("MGMT", 9, "windows", 2, "2.33", "0.25", "0.06", "4", "100", "219", 1),
  row("DEV-TEST", 10, "windows", 2, "2.0", "0.15", "0.03", "4", "80", "219", 1),
  row("SQL-DW-01", 1, "windows", 16, "2.93", "0.50", "0.20", "96", "2000", "750", 4), // 96 GiB > 64 GB VM limit
  row("ERP-DB-01", 1, "windows", 12, "2.93", "0.60", "0.25", "48", "1000", "650", 4), // CPU above 4 vCPUs
  row("LIC-DONGLE-01", 1, "windows", 1, "2.0", "0.05", "0.02", "2", "40", "150", 1, true), // USB licence dongle
]; // 4+8+4+16+10+24+6+10+4+4+6+2+9+10+1+1+1 = 120 servers

function scenario(
  name: string,
  platform: PlatformId,
  inventory: readonly (Row | Json)[],
  edit: (sections: Json) => void = () => {}
): Json {
  const sections = JSON.parse(JSON.stringify(defaultSections(platform))) as Json;
  edit(sections);
  return {
    $schema: SCHEMA_REF,
    schemaVersion: SCHEMA_VERSION,
    name,
    currency: "USD",
    platform,
    ...sections,
    inventory,
  };
}

/** The source book's worked example, with the book's own prices. */
export function bookExample(): Json {
  return scenario(
    "Book example: 30 Windows VMs on free Hyper-V Server at $200 each vs Datacenter at $5,000 per 2-socket host",
    "ws2008r2",
    BOOK_INVENTORY,
    (s) => {
      const licensing = s["licensing"] as Json;
      licensing["options"] = ["hyperv-server", "datacenter"];
      const prices = licensing["prices"] as Json;
      prices["guestOsPerVm"] = "200"; // "Hyper-V free plus 30 VMs at $200 is $6,000"
      prices["datacenter"] = "2500"; // per processor: 2 × $2,500 = the book's $5,000 per 2-socket host
    }
  );
}

/** A realistic 2010 estate on Windows Server 2008 R2, every assumption at its 2010 default. */
export function contoso2010(): Json {
  return scenario(
    "Contoso 2010 consolidation (Windows Server 2008 R2)",
    "ws2008r2",
    CONTOSO_INVENTORY
  );
}

/** The same estate today: Windows Server 2022, today's host and prices, core-based licensing. */
export function modern2022(): Json {
  return scenario(
    "Contoso estate on Windows Server 2022 (today's hardware)",
    "ws2022",
    CONTOSO_INVENTORY,
    (s) => {
      // No free Hyper-V Server after 2019 and no Enterprise edition after 2008 R2.
      (s["licensing"] as Json)["options"] = ["standard", "datacenter", "vsphere"];
    }
  );
}

/**
 * A VMware estate of 2026 as an RVTools export describes it (VMs: vCPUs, RAM, disk; the
 * utilisation is an estimate), to be priced against its VCF renewal: 200 VMs, 160 of them Windows.
 */
export const FABRIKAM_VMWARE: readonly Row[] = [
  row("WEB", 60, "windows", 2, "2.6", "0.30", "0.10", "8", "80", "0", 0),
  row("APP", 80, "windows", 4, "2.6", "0.35", "0.12", "16", "120", "0", 0),
  row("SQL", 12, "windows", 8, "2.6", "0.50", "0.25", "64", "500", "0", 0),
  row("FILE", 8, "windows", 4, "2.6", "0.20", "0.05", "16", "2000", "0", 0),
  row("LNX", 40, "linux", 2, "2.6", "0.30", "0.10", "4", "60", "0", 0),
]; // 60 + 80 + 12 + 8 + 40 = 200 VMs

/**
 * Leaving VMware in 2027: the VCF renewal falls due on 30 September 2027; the estate moves 25
 * VMs a month from March. The company owns Windows Server Datacenter licences for 320 cores (its 10 hosts × 32)
 * with Software Assurance (25 % a year) and elects Azure Hybrid Benefit for Azure Local.
 */
export function leavingVmware2026(): Json {
  return scenario(
    "Fabrikam leaving VMware (VCF renewal 2027-09-30)",
    "ws2025",
    FABRIKAM_VMWARE,
    (s) => {
      const finance = s["finance"] as Json;
      finance["baseline"] = "vcf";
      finance["startDate"] = "2027-01-04";
      finance["migrationVmsPerMonth"] = 25;
      finance["monthsBeforeFirstMove"] = 2;
      const licensing = s["licensing"] as Json;
      licensing["softwareAssuranceRate"] = "0.25";
      licensing["azureHybridBenefit"] = true;
      licensing["owned"] = { datacenterCores: 320, standardCores: 0, softwareAssurance: true };
      licensing["vmware"] = {
        ...(licensing["vmware"] as Json),
        renewalDate: "2027-09-30",
        vsanTiB: "40",
      };
    }
  );
}

/**
 * The Contoso estate measured: a performance export gave p95 CPU and memory in use for most
 * rows (Azure Migrate-style sizing on p95 × 1.3), disk in use, and average disk and network
 * throughput; two groups are idle ("zombies": average CPU 1–2 %, almost no I/O).
 */
const MEASURED: Readonly<Record<string, Record<string, string>>> = {
  DC: {
    measuredCpuUtilization: "0.09",
    measuredMemoryGiB: "2.5",
    storageInUseGiB: "35",
    averageDiskMBps: "0.8",
    averageNetworkMBps: "1.5",
  },
  FILE: {
    measuredCpuUtilization: "0.18",
    measuredMemoryGiB: "5",
    storageInUseGiB: "1100",
    averageDiskMBps: "6",
    averageNetworkMBps: "9",
  },
  "WEB-IIS": {
    measuredCpuUtilization: "0.22",
    measuredMemoryGiB: "2.8",
    storageInUseGiB: "45",
    averageDiskMBps: "0.6",
    averageNetworkMBps: "3",
  },
  APP: {
    measuredCpuUtilization: "0.27",
    measuredMemoryGiB: "5.5",
    storageInUseGiB: "90",
    averageDiskMBps: "2",
    averageNetworkMBps: "2.5",
  },
  SQL: {
    measuredCpuUtilization: "0.26",
    measuredMemoryGiB: "28",
    storageInUseGiB: "480",
    averageDiskMBps: "25",
    averageNetworkMBps: "6",
  },
  EXCH: {
    measuredCpuUtilization: "0.21",
    measuredMemoryGiB: "26",
    storageInUseGiB: "950",
    averageDiskMBps: "12",
    averageNetworkMBps: "4",
  },
  "DEV-TEST": {
    measuredCpuUtilization: "0.04",
    averageCpuUtilization: "0.015",
    measuredMemoryGiB: "1.2",
    storageInUseGiB: "30",
    averageDiskMBps: "0.02",
    averageNetworkMBps: "0.03",
  },
  PRINT: {
    measuredCpuUtilization: "0.03",
    averageCpuUtilization: "0.01",
    measuredMemoryGiB: "1",
    storageInUseGiB: "20",
    averageDiskMBps: "0.01",
    averageNetworkMBps: "0.05",
  },
};

/**
 * Today's decision on Windows Server 2025: Storage Spaces Direct on the nodes (three-way
 * mirror, 8 × 3.84 TB NVMe each) against Standard (which cannot run S2D), demand growing 10 %
 * a year (storage 20 %), servers sized on measured p95 × 1.3, idle servers retired.
 */
export function s2dGrowth2025(): Json {
  const inventory = CONTOSO_INVENTORY.map((r) => {
    const m = MEASURED[r.name];
    return m ? { ...r, measuredPercentile: "p95", ...m } : r;
  });
  return scenario(
    "Contoso on Windows Server 2025: Storage Spaces Direct, growth and measured demand",
    "ws2025",
    inventory,
    (s) => {
      (s["licensing"] as Json)["options"] = ["standard", "datacenter"];
      Object.assign(s["storage"] as Json, {
        kind: "s2d",
        resiliency: "three-way-mirror",
        drivesPerNode: 8,
        driveTB: "3.84",
        demandBasis: "in-use",
      });
      Object.assign(s["growth"] as Json, { ratePerYear: "0.1", storageRatePerYear: "0.2" });
      Object.assign(s["demand"] as Json, { retireIdle: true });
    }
  );
}

/**
 * Which host to buy: the Contoso estate on Windows Server 2025, every path of today priced on
 * each node of the 2026 catalog (`src/scenario/hostCatalog.ts`).
 */
export function hostSweep2025(): Json {
  const { inventory, ...rest } = scenario(
    "Contoso on Windows Server 2025: which host to buy for each path",
    "ws2025",
    CONTOSO_INVENTORY,
    (s) => {
      (s["licensing"] as Json)["options"] = [
        "standard",
        "datacenter",
        "windows-payg",
        "azure-local",
        "vvf",
      ];
    }
  );
  return { ...rest, hostOptions: hostCatalogOptions(), inventory };
}

/** File name → scenario, as written to `assets/examples/`. */
export const EXAMPLES: Readonly<Record<string, () => Json>> = {
  "book-example.json": bookExample,
  "contoso-2010.json": contoso2010,
  "modern-2022.json": modern2022,
  "leaving-vmware-2027.json": leavingVmware2026,
  "s2d-growth-2025.json": s2dGrowth2025,
  "host-sweep-2025.json": hostSweep2025,
};

/**
 * Pretty JSON with two-space indents, but one inventory row per line so an estate reads as a
 * table. Parses back to the same value.
 */
export function formatScenarioJson(value: Json): string {
  const { inventory, ...rest } = value;
  const marker = "\u0000inventory\u0000";
  const text = JSON.stringify({ ...rest, inventory: marker }, null, 2);
  const rows = Array.isArray(inventory) ? inventory : [];
  const list =
    rows.length === 0
      ? "[]"
      : `[\n${rows.map((r) => `    ${JSON.stringify(r).replace(/":/g, '": ').replace(/,"/g, ', "')}`).join(",\n")}\n  ]`;
  const at = text.indexOf(JSON.stringify(marker));
  return `${text.slice(0, at)}${list}${text.slice(at + JSON.stringify(marker).length)}\n`;
}
