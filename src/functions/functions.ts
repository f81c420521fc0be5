// Custom functions on the shared runtime (namespace HVTCO). Metadata (functions.json) is generated
// from the JSDoc below by custom-functions-metadata-plugin, whose loader also appends the
// CustomFunctions.associate(...) calls: do not write them here. Keep this header a line comment: the
// generator takes a function's description from the first JSDoc block before it.
//
// Each function reads its arguments and calls the same engine as the report (logic.ts); a bad
// argument gives #VALUE! and "no answer" gives #N/A, both with a message naming the argument
// (errors.ts). Parameter types: any[][] for ranges, number, string; optional parameters are
// marked with ? (Excel passes null for an omitted one).
import { run } from "./errors";
import { breakEvenImpl, hostsImpl, licenseCostImpl, licensesImpl, paybackImpl } from "./logic";

// The registry that the appended CustomFunctions.associate(...) calls reach. This module-level
// name shadows the global, so in a plain browser (office.js blocked, stubbed or without the
// custom functions runtime) they register nothing instead of throwing "CustomFunctions is not
// defined" on every load of the task pane page, which runs this script too (shared runtime).
type Registry = { associate(id: string, implementation: (...args: never[]) => unknown): void };
const officeRegistry = (globalThis as { CustomFunctions?: Partial<Registry> }).CustomFunctions;
const CustomFunctions: Registry =
  typeof officeRegistry?.associate === "function"
    ? (officeRegistry as Registry)
    : { associate: () => undefined };
void CustomFunctions; // read by the calls the build appends below this file's end

/**
 * The version of Hyper-V TCO Planner that computes these functions.
 * @customfunction VERSION
 * @returns The add-in version.
 */
export function version(): string {
  return "0.1.0";
}

/**
 * Hosts needed to virtualize an inventory: failover clusters sized by the same engine as the report.
 * @customfunction HOSTS
 * @param inventoryRange Servers: a header row of inventory fields (name, cores, cpuGhz, memoryGiB, ...; e.g. hvInventory[#All]) and one row per server, or rows with the columns in inventory order.
 * @param hostCores Cores per host, all sockets together (split over the platform's 2 sockets).
 * @param hostMemoryGiB RAM per host in GiB.
 * @param [failuresToTolerate] Host failures each cluster survives; default 1 (N+1).
 * @param [platform] Windows Server version: ws2008r2, ws2012r2, ws2016, ws2019, ws2022 or ws2025; default ws2025.
 * @returns The number of hosts, failover hosts included.
 */
export function hosts(
  inventoryRange: any[][],
  hostCores: number,
  hostMemoryGiB: number,
  failuresToTolerate?: number,
  platform?: string
): number {
  return run("HOSTS", () =>
    hostsImpl(inventoryRange, hostCores, hostMemoryGiB, failuresToTolerate, platform)
  );
}

/**
 * Windows Server licences one host needs: Standard and Enterprise server licences, Datacenter processor licences (2008 R2), licences per 2 processors (2012 R2) or 2-core packs (2016 on).
 * @customfunction LICENSES
 * @param edition standard, enterprise or datacenter.
 * @param sockets Processor sockets of the host.
 * @param coresPerSocket Physical cores per socket.
 * @param windowsVms Windows VMs the host runs.
 * @param [platform] Windows Server version: ws2008r2 ... ws2025; default ws2025.
 * @returns The number of licences, in the platform's licence unit.
 */
export function licenses(
  edition: string,
  sockets: number,
  coresPerSocket: number,
  windowsVms: number,
  platform?: string
): number {
  return run("LICENSES", () =>
    licensesImpl(edition, sockets, coresPerSocket, windowsVms, platform)
  );
}

/**
 * Cost of the Windows Server licences one host needs (the licences HVTCO.LICENSES counts).
 * @customfunction LICENSECOST
 * @param edition standard, enterprise or datacenter.
 * @param sockets Processor sockets of the host.
 * @param coresPerSocket Physical cores per socket.
 * @param windowsVms Windows VMs the host runs.
 * @param [platform] Windows Server version: ws2008r2 ... ws2025; default ws2025.
 * @param [price] Licence price in the unit the vendor quotes (per server, per processor, per 2 processors or per 16 cores); default the platform's list price.
 * @returns The licence cost, one-time.
 */
export function licenseCost(
  edition: string,
  sockets: number,
  coresPerSocket: number,
  windowsVms: number,
  platform?: string,
  price?: number
): number {
  return run("LICENSECOST", () =>
    licenseCostImpl(edition, sockets, coresPerSocket, windowsVms, platform, price)
  );
}

/**
 * Windows VMs per host from which editionB costs less than editionA, at list prices; #N/A if never within the platform's VM limit.
 * @customfunction BREAKEVEN
 * @param editionA The edition to compare against: standard, enterprise, datacenter, hyperv-server or vsphere.
 * @param editionB The edition that may become cheaper: standard, enterprise, datacenter, hyperv-server or vsphere.
 * @param sockets Processor sockets of the host.
 * @param coresPerSocket Physical cores per socket.
 * @param [platform] Windows Server version: ws2008r2 ... ws2025; default ws2025.
 * @returns The smallest number of Windows VMs per host at which editionB is cheaper.
 */
export function breakEven(
  editionA: string,
  editionB: string,
  sockets: number,
  coresPerSocket: number,
  platform?: string
): number {
  return run("BREAKEVEN", () =>
    breakEvenImpl(editionA, editionB, sockets, coresPerSocket, platform)
  );
}

/**
 * Payback in months of yearly cash flows (year 0, the investment, first), as the report computes it; #N/A if not reached.
 * @customfunction PAYBACK
 * @param cashflowRange One row or one column of net cash flows per year, year 0 first (money out negative).
 * @returns Months until the cumulative cash flow stops being negative.
 */
export function payback(cashflowRange: any[][]): number {
  return run("PAYBACK", () => paybackImpl(cashflowRange));
}
