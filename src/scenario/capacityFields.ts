/**
 * The capacity inputs of contract v2 as field-table rows: storage (a SAN, or Storage Spaces
 * Direct sized per cluster), yearly growth of demand, and measured demand (sizing basis,
 * comfort factor, idle thresholds). Rules and sources: `platform/s2d.ts`, `capacity/`.
 */
import {
  bool,
  int,
  money,
  nonNegative,
  positive,
  ratio,
  section,
  type FieldSpec,
} from "./fieldSpec";
import type { SectionSpec } from "./fieldSpec";
import {
  DEMAND_BASES,
  S2D_RESILIENCIES,
  STORAGE_BASES,
  STORAGE_KINDS,
  STORAGE_MEDIA,
} from "./types";

/** A yearly growth rate: a fraction from −1 (demand gone) to 1 (doubling each year). */
const growthRate = <K extends string>(
  key: K,
  label: string,
  help: string,
  prompt: string,
  optional = false
): FieldSpec<K> => ({
  key,
  kind: "ratio",
  label,
  unit: "fraction per year",
  help,
  prompt,
  min: -1,
  max: 1,
  ...(optional ? { optional } : {}),
});

/** Storage, growth and measured demand, in the order of the `TCO Inputs` sheet. */
export const CAPACITY_SECTIONS: readonly SectionSpec[] = [
  section({
    key: "storage",
    title: "Storage",
    help: "Where the VMs' disks live: a SAN per cluster (priced in Cluster infrastructure) or Storage Spaces Direct on the nodes' own drives.",
    fields: [
      {
        key: "kind",
        kind: "enum",
        label: "Storage",
        unit: "",
        values: STORAGE_KINDS,
        help: "san: a shared array per cluster, priced per cluster and per GiB; s2d: Storage Spaces Direct on each node's drives (Windows Server 2016+ Datacenter), sized per cluster.",
        prompt: "the kind of storage: san or s2d",
      },
      {
        key: "resiliency",
        kind: "enum",
        label: "S2D resiliency",
        unit: "",
        values: S2D_RESILIENCIES,
        help: "How S2D protects the data; sets the storage efficiency and the servers a cluster needs (two-way mirror ≥ 2, three-way ≥ 3, parity ≥ 4, nested exactly 2).",
        prompt: "the Storage Spaces Direct resiliency",
      },
      {
        key: "media",
        kind: "enum",
        label: "S2D capacity media",
        unit: "",
        values: STORAGE_MEDIA,
        help: "all-flash (SSD/NVMe capacity) or hybrid (flash cache, HDD capacity): dual parity packs more data per drive on flash.",
        prompt: "the capacity media: all-flash or hybrid",
      },
      int(
        "drivesPerNode",
        "Capacity drives per node",
        "drives",
        "Capacity drives in each node, cache drives not counted (S2D needs at least 4).",
        "the capacity drives per node",
        4,
        64
      ),
      positive(
        "driveTB",
        "Capacity drive size",
        "TB",
        "Size of one capacity drive in decimal TB (10^12 bytes, as drives are sold; Windows shows about 9 % fewer TiB).",
        "the capacity drive size in TB"
      ),
      ratio(
        "mirrorShare",
        "Mirror share (mirror-accelerated parity)",
        "Share of a mirror-accelerated parity volume kept as mirror (0.2 = 20 %).",
        "the mirror share of a mirror-accelerated parity volume (0.2 for 20 %)"
      ),
      {
        key: "demandBasis",
        kind: "enum",
        label: "VM storage sized on",
        unit: "",
        values: STORAGE_BASES,
        help: "provisioned: each server's disk size (storageGiB); in-use: the space its disks really use (storageInUseGiB where given).",
        prompt: "what VM storage is sized on: provisioned or in-use",
      },
      {
        key: "headroom",
        kind: "decimal",
        label: "S2D free-space headroom",
        unit: "fraction",
        help: "Free space S2D volumes keep on top of the VMs' storage, as a share of it (0.2 = 20 % more).",
        prompt: "the free-space headroom (0.2 for 20 % more)",
        min: 0,
        max: 10,
      },
      money(
        "drivePrice",
        "Capacity drive price",
        "currency",
        "Price of one S2D capacity drive (bought with each node, refreshed with it).",
        "the price of one capacity drive"
      ),
    ],
  }),
  section({
    key: "growth",
    title: "Growth",
    help: "Yearly compound growth of demand over the horizon: hosts are bought in the year they are first needed and never removed.",
    fields: [
      growthRate(
        "ratePerYear",
        "Demand growth per year",
        "Compound growth of CPU, memory and storage demand a year (0.1 = 10 %; −1 to 1).",
        "the yearly demand growth (0.1 for 10 %; from -1 to 1)"
      ),
      growthRate(
        "cpuRatePerYear",
        "CPU growth per year",
        "CPU demand's own yearly growth; blank uses the growth above.",
        "the yearly CPU demand growth (from -1 to 1), or leave it blank",
        true
      ),
      growthRate(
        "memoryRatePerYear",
        "Memory growth per year",
        "Memory demand's own yearly growth; blank uses the growth above.",
        "the yearly memory demand growth (from -1 to 1), or leave it blank",
        true
      ),
      growthRate(
        "storageRatePerYear",
        "Storage growth per year",
        "Storage demand's own yearly growth; blank uses the growth above.",
        "the yearly storage demand growth (from -1 to 1), or leave it blank",
        true
      ),
    ],
  }),
  section({
    key: "demand",
    title: "Measured demand",
    help: "Sizing on performance history where an import carries it, and idle servers to retire.",
    fields: [
      {
        key: "basis",
        kind: "enum",
        label: "Size servers on",
        unit: "",
        values: DEMAND_BASES,
        help: "measured: servers with a measured percentile are sized on it × the comfort factor, the others on their peak; peak: every server on its peak CPU and configured RAM.",
        prompt: "what servers are sized on: measured or peak",
      },
      {
        key: "comfortFactor",
        kind: "decimal",
        label: "Comfort factor",
        unit: "ratio",
        help: "Buffer on measured utilisation for seasonal peaks and growth (Azure Migrate: 1.3 = 30 % more).",
        prompt: "the comfort factor (1.3 for 30 % more)",
        min: 1,
        max: 5,
      },
      ratio(
        "idleCpuUtilization",
        "Idle below average CPU",
        "A server whose average CPU is below this (and disk and network below theirs, where measured) is flagged idle.",
        "the idle CPU threshold (0.05 for 5 %)"
      ),
      nonNegative(
        "idleDiskMBps",
        "Idle below disk throughput",
        "MB/s",
        "Average disk throughput below which a measured server counts as idle.",
        "the idle disk throughput in MB/s"
      ),
      nonNegative(
        "idleNetworkMBps",
        "Idle below network throughput",
        "MB/s",
        "Average network throughput below which a measured server counts as idle.",
        "the idle network throughput in MB/s"
      ),
      bool(
        "retireIdle",
        "Retire idle servers",
        "Switch idle servers off instead of migrating them; what they cost to run shows as its own saving line.",
        "whether to retire idle servers"
      ),
    ],
  }),
];
