/**
 * What the HVTCO custom functions compute, as plain functions of their Excel arguments
 * (`unknown`: Excel may pass null, "", text or error objects whatever the metadata says).
 * Each calls the same engine as the report and returns a number, or throws a
 * {@link FunctionError} (`#VALUE!` for a bad argument, `#N/A` for "no answer") whose message
 * names the argument and says what to enter. `functions.ts` wraps these for Excel; tests call
 * them (or the wrappers) directly.
 */
import { hostsNeeded } from "../capacity/sizing";
import { paybackMonths } from "../finance/payback";
import { defaultTerms, breakEvenVms } from "../licensing/breakEven";
import { eligibility } from "../licensing/eligibility";
import { licensesForHost } from "../licensing/host";
import type { HostLicensing, LicenceLine, LicenceTerms } from "../licensing/types";
import { dec, sum, type Dec } from "../money/money";
import { platformLimits, type PlatformId } from "../platform/limits";
import { DEFAULT_PLATFORM, defaultSections } from "../scenario/defaults";
import type { Issue } from "../scenario/types";
import {
  coresPerSocketArg,
  editionArg,
  hostField,
  isOmitted,
  nonNegativeArg,
  optionArg,
  platformArg,
  positiveArg,
  shown,
  socketsArg,
  wholeArg,
  type Edition,
} from "./args";
import { invalidValue, notAvailable, type FunctionError } from "./errors";
import { inventoryIssueText, readInventoryRange, type RangeInventory } from "./inventoryRange";
import { FUNCTION_MESSAGES as M } from "./messages";

// ── HOSTS ─────────────────────────────────────────────────────────────────────────────────

/** The scenario path of a host or cluster input → the HOSTS argument that sets it. */
const ARGUMENT_OF_PATH: Readonly<Record<string, string>> = {
  "host.sockets": "hostCores",
  "host.coresPerSocket": "hostCores",
  "host.memoryGiB": "hostMemoryGiB",
  "cluster.failuresToTolerate": "failuresToTolerate",
  "cluster.hostMemoryReserveGiB": "hostMemoryGiB",
};

/** One parser issue as the user reads it: at its range cell, or after the argument it concerns. */
function issueText(issue: Issue, inv: RangeInventory): string {
  if (issue.path === "inventory" || issue.path.startsWith("inventory["))
    return inventoryIssueText(issue, inv);
  return `${ARGUMENT_OF_PATH[issue.path] ?? issue.path}: ${issue.message}`;
}

/** `#VALUE!` with the first issue and how many more there are. */
function issuesError(issues: readonly Issue[], inv: RangeInventory): FunctionError {
  const [first] = issues;
  const text = first === undefined ? M.inventoryEmpty : issueText(first, inv);
  return invalidValue(issues.length > 1 ? `${text}${M.moreProblems(issues.length - 1)}` : text);
}

/** What HOSTS sizes with, once its arguments are read (exported for tests). */
export interface HostsArguments {
  readonly inventory: RangeInventory;
  readonly platform: PlatformId;
  /** Total cores per host, as given; the engine splits them over the platform's default sockets. */
  readonly hostCores: number;
  readonly hostMemoryGiB: number;
  readonly failuresToTolerate: number;
}

/** Reads and checks the HOSTS arguments (platform first: the defaults depend on it). */
export function hostsArguments(
  inventoryRange: unknown,
  hostCores: unknown,
  hostMemoryGiB: unknown,
  failuresToTolerate?: unknown,
  platform?: unknown
): HostsArguments {
  const p = platformArg(platform, DEFAULT_PLATFORM);
  const defaults = defaultSections(p);
  const sockets = Number(defaults.host["sockets"]);
  const perSocketMax = hostField("coresPerSocket").max ?? 512;
  const cores = wholeArg(
    "hostCores",
    hostCores,
    1,
    sockets * perSocketMax,
    " (all cores of one host)"
  );
  if (cores % sockets !== 0 && cores > perSocketMax) {
    // The engine splits the cores over the sockets when they divide evenly, else takes one socket.
    const expected = `a multiple of ${sockets} above ${perSocketMax} (a host is ${sockets} sockets of at most ${perSocketMax} cores)`;
    throw invalidValue(M.invalidArgument("hostCores", expected, shown(hostCores)));
  }
  const memory = positiveArg("hostMemoryGiB", hostMemoryGiB, " (GiB of RAM per host)");
  const reserve = Number(defaults.cluster["hostMemoryReserveGiB"]);
  if (memory <= reserve)
    throw invalidValue(M.memoryBelowReserve(shown(hostMemoryGiB), String(reserve), p));
  const maxNodes = Number(defaults.cluster["maxNodes"]);
  const failures = isOmitted(failuresToTolerate)
    ? Number(defaults.cluster["failuresToTolerate"])
    : wholeArg(
        "failuresToTolerate",
        failuresToTolerate,
        0,
        maxNodes - 1,
        ` (a cluster has at most ${maxNodes} nodes)`
      );
  const inventory = readInventoryRange(inventoryRange);
  return {
    inventory,
    platform: p,
    hostCores: cores,
    hostMemoryGiB: memory,
    failuresToTolerate: failures,
  };
}

/**
 * HOSTS: hosts needed for the servers of `inventoryRange` on hosts of `hostCores` cores and
 * `hostMemoryGiB` GiB, in failover clusters surviving `failuresToTolerate` host failures
 * (default 1), on `platform` (default ws2025) — `hostsNeeded` of the capacity engine, i.e.
 * `planCapacity(scenario).hosts` for the platform's default scenario with these inputs and
 * no edition limits. Every other host and cluster input is the platform default.
 */
export function hostsImpl(
  inventoryRange: unknown,
  hostCores: unknown,
  hostMemoryGiB: unknown,
  failuresToTolerate?: unknown,
  platform?: unknown
): number {
  const a = hostsArguments(inventoryRange, hostCores, hostMemoryGiB, failuresToTolerate, platform);
  const result = hostsNeeded(a.inventory.rows, {
    platform: a.platform,
    host: { cores: a.hostCores, memoryGiB: a.hostMemoryGiB },
    cluster: { failuresToTolerate: a.failuresToTolerate },
  });
  if (!result.ok) throw issuesError(result.issues, a.inventory);
  return result.hosts;
}

// ── LICENSES, LICENSECOST ─────────────────────────────────────────────────────────────────

/** The Windows Server licences of one standalone host (exported for tests). */
export function hostLicensing(
  edition: unknown,
  sockets: unknown,
  coresPerSocket: unknown,
  windowsVms: unknown,
  platform?: unknown,
  price?: unknown
): HostLicensing {
  const e: Edition = editionArg("edition", edition);
  const p = platformArg(platform, DEFAULT_PLATFORM);
  const host = { sockets: socketsArg(sockets), coresPerSocket: coresPerSocketArg(coresPerSocket) };
  const limit = platformLimits(p).maxRunningVmsPerHost;
  const vms = wholeArg("windowsVms", windowsVms, 0, limit, ` (the ${p} limit per host)`);
  const defaults = defaultTerms(p);
  const terms: LicenceTerms = isOmitted(price)
    ? defaults
    : { ...defaults, prices: { ...defaults.prices, [e]: dec(nonNegativeArg("price", price)) } };
  const lic = licensesForHost(e, p, host, vms, terms, { clustered: false });
  if (!lic.eligible) throw notAvailable(M.notEligible(e, p, lic.reasons));
  return lic;
}

/** The Windows Server licence lines of a host's licensing (the edition's own licences). */
export function windowsLines(lic: HostLicensing): readonly LicenceLine[] {
  return lic.lines.filter((l) => l.category === "windows");
}

/**
 * LICENSES: how many licences of the edition one host needs — the quantity of its licence
 * line in `licensesForHost`, in the unit the catalog counts on that platform (2008 R2:
 * Standard and Enterprise server licences, Datacenter processor licences; 2012 R2: licences
 * per 2 processors; 2016 on: 2-core packs).
 */
export function licensesImpl(
  edition: unknown,
  sockets: unknown,
  coresPerSocket: unknown,
  windowsVms: unknown,
  platform?: unknown
): number {
  return windowsLines(hostLicensing(edition, sockets, coresPerSocket, windowsVms, platform)).reduce(
    (n, l) => n + l.quantity,
    0
  );
}

/**
 * LICENSECOST: what those licences cost — the cost of the same line(s), at the platform's
 * list price or at `price`, given in the unit the vendor quotes (as the scenario's licence
 * prices: per server, per processor, per 2 processors or per 16 cores).
 */
export function licenseCostImpl(
  edition: unknown,
  sockets: unknown,
  coresPerSocket: unknown,
  windowsVms: unknown,
  platform?: unknown,
  price?: unknown
): number {
  const lines = windowsLines(
    hostLicensing(edition, sockets, coresPerSocket, windowsVms, platform, price)
  );
  return sum(lines.map((l) => l.cost)).toNumber();
}

// ── BREAKEVEN ─────────────────────────────────────────────────────────────────────────────

/**
 * BREAKEVEN: the fewest Windows VMs per host at which `editionB` costs strictly less than
 * `editionA` on a standalone host with the platform's list prices (`breakEvenVms`; costs over
 * the default 5-year horizon, which only matters for vSphere's yearly costs). Either may also
 * be `hyperv-server` or `vsphere`. `#N/A` when B never gets cheaper up to the platform's VM
 * limit per host, or when an edition does not exist on the platform.
 */
export function breakEvenImpl(
  editionA: unknown,
  editionB: unknown,
  sockets: unknown,
  coresPerSocket: unknown,
  platform?: unknown
): number {
  const a = optionArg("editionA", editionA);
  const b = optionArg("editionB", editionB);
  if (a === b) throw invalidValue(M.sameEdition(a));
  const host = { sockets: socketsArg(sockets), coresPerSocket: coresPerSocketArg(coresPerSocket) };
  const p = platformArg(platform, DEFAULT_PLATFORM);
  for (const option of [a, b]) {
    const el = eligibility(option, p, { clustered: false, sockets: host.sockets });
    if (!el.eligible) throw notAvailable(M.notEligible(option, p, el.reasons));
  }
  const vms = breakEvenVms(a, b, host, defaultTerms(p), p);
  if (vms === null)
    throw notAvailable(M.neverCheaper(b, a, platformLimits(p).maxRunningVmsPerHost, p));
  return vms;
}

// ── PAYBACK ───────────────────────────────────────────────────────────────────────────────

/** The yearly flows of a one-row or one-column range, year 0 first; trailing blanks dropped. */
export function cashflows(cashflowRange: unknown): Dec[] {
  const matrix: unknown[][] = Array.isArray(cashflowRange)
    ? cashflowRange.map((row: unknown) => (Array.isArray(row) ? (row as unknown[]) : [row]))
    : [[cashflowRange]];
  const columns = Math.max(0, ...matrix.map((r) => r.length));
  if (matrix.length > 1 && columns > 1) throw invalidValue(M.cashflowShape(matrix.length, columns));
  const cells = matrix.length === 1 ? [...(matrix[0] ?? [])] : matrix.map((r) => r[0]);
  while (cells.length > 0 && isOmitted(cells[cells.length - 1])) cells.pop();
  if (cells.length === 0) throw invalidValue(M.cashflowEmpty);
  return cells.map((cell, i) => {
    if (typeof cell !== "number" || !Number.isFinite(cell) || Math.abs(cell) >= 1e15) {
      throw invalidValue(M.cashflowCell(i + 1, i, isOmitted(cell) ? "a blank cell" : shown(cell)));
    }
    return dec(cell);
  });
}

/**
 * PAYBACK: months until the cumulative cash flow stops being negative — `paybackMonths` of
 * the finance module (year 0 first, each later year's flow spread evenly over the year).
 * `#N/A` when it is still negative in the last year.
 */
export function paybackImpl(cashflowRange: unknown): number {
  const flows = cashflows(cashflowRange);
  const result = paybackMonths(flows);
  if (!result.reached) throw notAvailable(M.paybackNotReached(flows.length - 1));
  return result.months.toNumber();
}
