/**
 * Storage Spaces Direct (S2D) capacity rules, as data with their sources: which resiliency a
 * cluster of n servers may use, how much of the pool it stores data in (storage efficiency),
 * how many failures it survives, and the reserve Microsoft asks to keep unallocated.
 *
 * Units: drives are sold in decimal terabytes (TB = 10^12 bytes); Windows shows binary TiB
 * (2^40 bytes), about 9 % fewer. Every figure here is in TB; VM disks (GiB, 2^30 bytes) are
 * converted with {@link TB_PER_GIB}.
 *
 * Sources (read 2026-12):
 * - FT: MicrosoftDocs/windowsserverdocs WindowsServerDocs/storage/storage-spaces/
 *   Storage-Spaces-Fault-Tolerance.md ("Fault tolerance and storage efficiency in Storage
 *   Spaces Direct": resiliency types, minimum fault domains, dual parity tables per media).
 * - PV: …/storage-spaces/plan-volumes.md (2025-02-11: reserve capacity, footprint, two/three/
 *   four-server guidance, volumes a multiple of the servers, ≤ 64 per cluster, ≤ 64 TB each).
 * - NR: …/storage-spaces/nested-resiliency.md (Windows Server 2019+: exactly 2 servers; nested
 *   two-way mirror 25 %; nested mirror-accelerated parity table by drives per server).
 * - HW: …/storage-spaces/Storage-Spaces-Direct-Hardware-Requirements.md (2–16 servers, at least
 *   4 capacity drives per server, at most 1 PB raw per pool).
 */

/** S2D resiliency types, as the scenario names them. */
export const S2D_RESILIENCIES = [
  "two-way-mirror",
  "three-way-mirror",
  "dual-parity",
  "mirror-accelerated-parity",
  "nested-two-way-mirror",
  "nested-mirror-accelerated-parity",
] as const;
export type S2dResiliency = (typeof S2D_RESILIENCIES)[number];

/** Capacity media: all flash (SSD/NVMe), or hybrid (flash cache in front of HDD capacity). */
export const STORAGE_MEDIA = ["all-flash", "hybrid"] as const;
export type StorageMedia = (typeof STORAGE_MEDIA)[number];

/** TB (10^12 bytes) in one GiB (2^30 bytes). */
export const TB_PER_GIB = 1.073741824e-3;
/** TB in one TiB (2^40 bytes). */
export const TB_PER_TIB = 1.099511627776;

/** Limits of any S2D cluster (HW, PV). */
export const S2D_LIMITS = {
  minNodes: 2,
  maxNodes: 16,
  minCapacityDrivesPerNode: 4,
  /** Raw capacity of one storage pool, TB. */
  maxPoolRawTB: 1000,
  /** Reserve: one capacity drive per server, at most this many drives. */
  maxReserveDrives: 4,
  source:
    "HW: 'Minimum of 2 servers, maximum of 16 servers'; 'at least 4 capacity (non-cache) drives per server'; 'Maximum of 1 petabyte (1,000 TB) of raw capacity per storage pool'. PV: 'We recommend reserving the equivalent of one capacity drive per server, up to 4 drives.'",
} as const;

/** One resiliency type: where it may be used and what it survives. */
export interface ResiliencyRule {
  readonly id: S2dResiliency;
  readonly label: string;
  /** Servers the cluster needs at least (fault domains). */
  readonly minNodes: number;
  /** Servers the cluster may have at most. */
  readonly maxNodes: number;
  /** Simultaneous hardware failures (servers or drives) the data survives online. */
  readonly faultsTolerated: number;
  /** First Windows Server release that offers it. */
  readonly since: "ws2016" | "ws2019";
  /** How its efficiency is found (shown in the workbook and notes). */
  readonly efficiencyRule: string;
  readonly source: string;
}

/** The six resiliency types (FT, PV, NR). */
export const RESILIENCY_RULES: Readonly<Record<S2dResiliency, ResiliencyRule>> = {
  "two-way-mirror": {
    id: "two-way-mirror",
    label: "two-way mirror",
    minNodes: 2,
    maxNodes: 16,
    faultsTolerated: 1,
    since: "ws2016",
    efficiencyRule: "two copies of everything: 50 %",
    source:
      "FT: 'Its storage efficiency is 50%'; 'at least two hardware fault domains'; failure tolerance 1",
  },
  "three-way-mirror": {
    id: "three-way-mirror",
    label: "three-way mirror",
    minNodes: 3,
    maxNodes: 16,
    faultsTolerated: 2,
    since: "ws2016",
    efficiencyRule: "three copies of everything: 33.3 %",
    source:
      "FT: 'Its storage efficiency is 33.3%'; 'at least three hardware fault domains'; failure tolerance 2",
  },
  "dual-parity": {
    id: "dual-parity",
    label: "dual parity",
    minNodes: 4,
    maxNodes: 16,
    faultsTolerated: 2,
    since: "ws2016",
    efficiencyRule: "Reed-Solomon / LRC layout by servers and media (Microsoft's tables)",
    source:
      "FT: 'To use dual parity, you need at least four hardware fault domains'; 'Dual parity efficiency for hybrid / all-flash deployments' tables",
  },
  "mirror-accelerated-parity": {
    id: "mirror-accelerated-parity",
    label: "mirror-accelerated parity",
    minNodes: 4,
    maxNodes: 16,
    faultsTolerated: 2,
    since: "ws2016",
    efficiencyRule:
      "1 / (mirror share ÷ 33.3 % + parity share ÷ dual parity efficiency): three-way mirror and dual parity in one volume",
    source:
      "FT: 'To mix three-way mirror and dual parity, you need at least four fault domains'; efficiency 'in between … depends on the proportions you choose' (12-server demo: 46 %, 54 %, 65 %)",
  },
  "nested-two-way-mirror": {
    id: "nested-two-way-mirror",
    label: "nested two-way mirror",
    minNodes: 2,
    maxNodes: 2,
    faultsTolerated: 2,
    since: "ws2019",
    efficiencyRule: "four copies, two in each server: 25 %",
    source:
      "NR: 'Your cluster has exactly 2 server nodes'; 'capacity efficiency of 25%'; PV: 'can safely tolerate two hardware failures at a time (two drives, or a server and a drive on the remaining server)'",
  },
  "nested-mirror-accelerated-parity": {
    id: "nested-mirror-accelerated-parity",
    label: "nested mirror-accelerated parity",
    minNodes: 2,
    maxNodes: 2,
    faultsTolerated: 2,
    since: "ws2019",
    efficiencyRule:
      "1 / (2 × (mirror share ÷ 50 % + parity share ÷ (d − 1)/d)), d = capacity drives per server up to 7",
    source:
      "NR: exactly 2 servers; 'around 35%-40%' by drives per server and mirror share (table 4 / 5 / 6 / 7+ drives × 10 / 20 / 30 % mirror; worked example 6 drives, 10 % mirror = 39.1 %)",
  },
};

/** One row of Microsoft's dual parity tables: servers from…to, layout, efficiency as data/total symbols. */
export interface DualParityRow {
  readonly media: StorageMedia;
  readonly fromNodes: number;
  readonly toNodes: number;
  readonly layout: string;
  readonly dataSymbols: number;
  readonly totalSymbols: number;
}

/**
 * FT "Dual parity efficiency for hybrid deployments" and "… for all-flash deployments". LRC
 * (k, l, r) stores k data symbols in k + l + r: LRC (8, 2, 1) = 8/11 = 72.7 %, LRC (12, 2, 1)
 * = 12/15 = 80 %.
 */
export const DUAL_PARITY_TABLE: readonly DualParityRow[] = [
  { media: "hybrid", fromNodes: 4, toNodes: 6, layout: "RS 2+2", dataSymbols: 2, totalSymbols: 4 },
  { media: "hybrid", fromNodes: 7, toNodes: 11, layout: "RS 4+2", dataSymbols: 4, totalSymbols: 6 },
  {
    media: "hybrid",
    fromNodes: 12,
    toNodes: 16,
    layout: "LRC (8, 2, 1)",
    dataSymbols: 8,
    totalSymbols: 11,
  },
  {
    media: "all-flash",
    fromNodes: 4,
    toNodes: 6,
    layout: "RS 2+2",
    dataSymbols: 2,
    totalSymbols: 4,
  },
  {
    media: "all-flash",
    fromNodes: 7,
    toNodes: 8,
    layout: "RS 4+2",
    dataSymbols: 4,
    totalSymbols: 6,
  },
  {
    media: "all-flash",
    fromNodes: 9,
    toNodes: 15,
    layout: "RS 6+2",
    dataSymbols: 6,
    totalSymbols: 8,
  },
  {
    media: "all-flash",
    fromNodes: 16,
    toNodes: 16,
    layout: "LRC (12, 2, 1)",
    dataSymbols: 12,
    totalSymbols: 15,
  },
];

/** The S2D layout of one cluster: what decides its efficiency. */
export interface S2dLayout {
  readonly resiliency: S2dResiliency;
  readonly media: StorageMedia;
  readonly drivesPerNode: number;
  /** One capacity drive, TB. */
  readonly driveTB: number;
  /** Mirror share of (nested) mirror-accelerated parity volumes, 0–1. */
  readonly mirrorShare: number;
}

/** Efficiency of a layout at n servers, and how it was found; null where the resiliency is not possible. */
export interface S2dEfficiency {
  /** Usable share of the pool's footprint, 0–1. */
  readonly efficiency: number;
  /** "RS 4+2", "three copies", "20 % three-way mirror + 80 % RS 6+2" … */
  readonly layout: string;
}

function dualParity(media: StorageMedia, nodes: number): DualParityRow | null {
  return (
    DUAL_PARITY_TABLE.find(
      (r) => r.media === media && nodes >= r.fromNodes && nodes <= r.toNodes
    ) ?? null
  );
}

const pct = (x: number): string => `${(Math.round(x * 1000) / 10).toString()} %`;

/**
 * Storage efficiency of `layout` on a cluster of `nodes` servers (FT, NR), or null when the
 * resiliency cannot be used at that size (dual parity on 3 servers, nested on anything but 2).
 */
export function s2dEfficiency(layout: S2dLayout, nodes: number): S2dEfficiency | null {
  const rule = RESILIENCY_RULES[layout.resiliency];
  if (nodes < rule.minNodes || nodes > rule.maxNodes) return null;
  const m = layout.mirrorShare;
  switch (layout.resiliency) {
    case "two-way-mirror":
      return { efficiency: 1 / 2, layout: "2 copies" };
    case "three-way-mirror":
      return { efficiency: 1 / 3, layout: "3 copies" };
    case "nested-two-way-mirror":
      return { efficiency: 1 / 4, layout: "4 copies, 2 per server" };
    case "dual-parity": {
      const row = dualParity(layout.media, nodes);
      return row === null
        ? null
        : { efficiency: row.dataSymbols / row.totalSymbols, layout: row.layout };
    }
    case "mirror-accelerated-parity": {
      const row = dualParity(layout.media, nodes);
      if (row === null) return null;
      // Footprint per TB stored: m TB at 1/3 efficiency plus (1 − m) TB at the parity's.
      const parity = row.dataSymbols / row.totalSymbols;
      return {
        efficiency: 1 / (3 * m + (1 - m) / parity),
        layout: `${pct(m)} three-way mirror + ${pct(1 - m)} ${row.layout}`,
      };
    }
    case "nested-mirror-accelerated-parity": {
      // NR's worked example: [(mirror ÷ 50 %) + (parity ÷ server-local single parity)] × 2, the
      // local parity (d − 1)/d with d capacity drives, flat from 7 drives ("7+" row: 6/7).
      const d = Math.min(layout.drivesPerNode, 7);
      const parity = (d - 1) / d;
      return {
        efficiency: 1 / (2 * (m / 0.5 + (1 - m) / parity)),
        layout: `${pct(m)} nested mirror + ${pct(1 - m)} nested parity (${d - 1}+1 per server)`,
      };
    }
  }
}

/** The capacity of one S2D cluster, TB. */
export interface S2dCapacity {
  readonly nodes: number;
  /** nodes × drives per node × drive size. */
  readonly rawTB: number;
  /** min(nodes, 4) capacity drives left unallocated for in-place repair (PV). */
  readonly reserveTB: number;
  /** raw − reserve: the pool capacity volumes may occupy. */
  readonly availableTB: number;
  /** Null where the resiliency cannot be used at this size. */
  readonly efficiency: S2dEfficiency | null;
  /** available × efficiency (0 when not possible). */
  readonly usableTB: number;
}

/** Raw capacity of `nodes` servers, TB. */
export function s2dRawTB(layout: S2dLayout, nodes: number): number {
  return nodes * layout.drivesPerNode * layout.driveTB;
}

/** Reserve of a cluster of `nodes` servers: one capacity drive per server, at most 4 drives (PV). */
export function s2dReserveTB(layout: S2dLayout, nodes: number): number {
  return Math.min(nodes, S2D_LIMITS.maxReserveDrives) * layout.driveTB;
}

/**
 * Raw, reserve, available and usable capacity of a cluster of `nodes` servers (PV's example:
 * 4 servers × 16 × 2 TB = 128 TB raw, 4 × 2 TB = 8 TB reserve, 120 TB for volumes).
 */
export function s2dCapacity(layout: S2dLayout, nodes: number): S2dCapacity {
  const rawTB = s2dRawTB(layout, nodes);
  const reserveTB = s2dReserveTB(layout, nodes);
  const availableTB = Math.max(0, rawTB - reserveTB);
  const efficiency = s2dEfficiency(layout, nodes);
  return {
    nodes,
    rawTB,
    reserveTB,
    availableTB,
    efficiency,
    usableTB: efficiency === null ? 0 : availableTB * efficiency.efficiency,
  };
}

/**
 * What the data still fits with `down` servers of a cluster of `nodes` gone for good: the
 * volumes keep the footprint they were created with (the efficiency at `nodes`), and the
 * survivors must hold it beside their own reserve — (raw − reserve of nodes − down) ×
 * efficiency(nodes). Null "where the resiliency does not allow" a repair onto the survivors:
 * fewer survivors than its minimum servers (three-way mirror on 3, nested on 2), when the
 * data stays online degraded until the server returns and no extra capacity helps.
 */
export function s2dUsableWithDownTB(layout: S2dLayout, nodes: number, down: number): number | null {
  if (down <= 0) return s2dCapacity(layout, nodes).usableTB;
  const survivors = nodes - down;
  const rule = RESILIENCY_RULES[layout.resiliency];
  const efficiency = s2dEfficiency(layout, nodes);
  if (efficiency === null || survivors < rule.minNodes) return null;
  const available = Math.max(0, s2dRawTB(layout, survivors) - s2dReserveTB(layout, survivors));
  return available * efficiency.efficiency;
}

/** Servers per pool the 1 PB raw limit allows with this drive layout. */
export function s2dPoolNodeLimit(layout: S2dLayout): number {
  const perNode = layout.drivesPerNode * layout.driveTB;
  return perNode > 0 ? Math.floor((S2D_LIMITS.maxPoolRawTB + 1e-9) / perNode) : S2D_LIMITS.maxNodes;
}

/** How many servers a cluster needs for its storage, and whether it fits at all. */
export interface S2dSizing {
  /** Fewest servers (from the resiliency's minimum) whose usable capacity holds `neededTB`, with `down` servers gone where the resiliency allows; null when none up to `maxNodes` does. */
  readonly nodes: number | null;
  /** The smallest node count the resiliency allows. */
  readonly minNodes: number;
}

/**
 * The fewest servers, at least the resiliency's minimum and at most `maxNodes` (and the 1 PB
 * pool limit), whose usable capacity holds `neededTB` in steady state and — where the
 * resiliency allows a repair onto the survivors — with `down` servers gone.
 */
export function s2dNodesFor(
  layout: S2dLayout,
  neededTB: number,
  down: number,
  maxNodes: number
): S2dSizing {
  const rule = RESILIENCY_RULES[layout.resiliency];
  const limit = Math.min(maxNodes, rule.maxNodes, S2D_LIMITS.maxNodes, s2dPoolNodeLimit(layout));
  for (let n = rule.minNodes; n <= limit; n++) {
    if (s2dFits(layout, n, neededTB, down)) return { nodes: n, minNodes: rule.minNodes };
  }
  return { nodes: null, minNodes: rule.minNodes };
}

/** Relative tolerance of capacity comparisons (sums of GiB converted to TB). */
const TOLERANCE = 1e-9;

/** Whether `neededTB` fits a cluster of `nodes`, steady and with `down` servers gone (where the resiliency allows). */
export function s2dFits(layout: S2dLayout, nodes: number, neededTB: number, down: number): boolean {
  const steady = s2dCapacity(layout, nodes);
  if (steady.efficiency === null) return false;
  const slack = neededTB * TOLERANCE;
  if (steady.usableTB + slack < neededTB) return false;
  const degraded = s2dUsableWithDownTB(layout, nodes, down);
  return degraded === null || degraded + slack >= neededTB;
}
