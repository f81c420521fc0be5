/**
 * A small catalog of typical virtualization nodes of 2026, as `hostOptions` entries: what
 * `init --host-catalog` inserts and `assets/examples/host-sweep-2025.json` compares. Every
 * figure is an editable input. Prices and powers are indicative (configured street prices of
 * mainstream 1U/2U rack servers, December 2026), not a vendor's quote: replace them with yours.
 */

/** One catalog node: the `hostOptions` entry (JSON form) and where its figures come from. */
export interface CatalogHost {
  readonly option: Readonly<Record<string, string | number>>;
  readonly source: string;
}

const INDICATIVE =
  "indicative configured price and typical draw under load, 2026-12 (assumption; replace with your vendor's quote)";

/** Nodes from a 1-socket 12-core box (below the per-core licence floor) to a 2 × 32-core 1 TiB node. */
export const HOST_CATALOG_2026: readonly CatalogHost[] = [
  {
    option: {
      name: "1 × 12c / 192 GiB",
      sockets: 1,
      coresPerSocket: 12,
      threadsPerCore: 2,
      cpuGhz: "3.0",
      memoryGiB: "192",
      price: "9000",
      powerWatts: "300",
      rackUnits: 1,
    },
    source: `1-socket 12-core node; ${INDICATIVE}`,
  },
  {
    option: {
      name: "1 × 16c / 256 GiB",
      sockets: 1,
      coresPerSocket: 16,
      threadsPerCore: 2,
      cpuGhz: "2.9",
      memoryGiB: "256",
      price: "11500",
      powerWatts: "350",
      rackUnits: 1,
    },
    source: `1-socket 16-core node; ${INDICATIVE}`,
  },
  {
    option: {
      name: "2 × 16c / 512 GiB",
      sockets: 2,
      coresPerSocket: 16,
      threadsPerCore: 2,
      cpuGhz: "2.9",
      memoryGiB: "512",
      price: "20000",
      powerWatts: "550",
      rackUnits: 2,
    },
    source: `2-socket 16-core node (the ws2025 default shape with less RAM); ${INDICATIVE}`,
  },
  {
    option: {
      name: "2 × 16c / 1 TiB",
      sockets: 2,
      coresPerSocket: 16,
      threadsPerCore: 2,
      cpuGhz: "2.9",
      memoryGiB: "1024",
      price: "28000",
      powerWatts: "620",
      rackUnits: 2,
    },
    source: `2-socket 16-core node, memory-rich (16 × 64 GiB DIMMs); ${INDICATIVE}`,
  },
  {
    option: {
      name: "2 × 24c / 768 GiB",
      sockets: 2,
      coresPerSocket: 24,
      threadsPerCore: 2,
      cpuGhz: "2.6",
      memoryGiB: "768",
      price: "28000",
      powerWatts: "650",
      rackUnits: 2,
    },
    source: `2-socket 24-core node; ${INDICATIVE}`,
  },
  {
    option: {
      name: "2 × 32c / 1 TiB",
      sockets: 2,
      coresPerSocket: 32,
      threadsPerCore: 2,
      cpuGhz: "2.5",
      memoryGiB: "1024",
      price: "38000",
      powerWatts: "750",
      rackUnits: 2,
    },
    source: `2-socket 32-core node; ${INDICATIVE}`,
  },
];

/** The catalog as a scenario's `hostOptions` (JSON form, fresh objects). */
export function hostCatalogOptions(): Record<string, string | number>[] {
  return HOST_CATALOG_2026.map((h) => ({ ...h.option }));
}
