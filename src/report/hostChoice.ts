/**
 * Which host to buy, in words: the engine's host sweep (`tco/hostSweep.ts`) gives the chosen
 * candidate, the runner-up, the binding resource and the licence effect as data; the command
 * line, the `TCO Hosts` sheet and the task pane word them here, the same way.
 */
import { formatWhole } from "../money";
import type { BindingResource } from "../capacity";
import type { OptionAnalysis } from "../tco";

/** The binding resource as a reader says it. */
export const BINDING_WORDS: Readonly<Record<BindingResource, string>> = {
  cpuGhz: "CPU",
  memoryGiB: "memory",
  vcpus: "virtual processors",
  vms: "VMs per host",
  storage: "storage",
};

/** Mixed node shapes are not modelled; said wherever the candidates are listed. */
export const MIXED_SHAPES_NOTE =
  "Each cluster is built of one candidate host; mixed node shapes inside one cluster are out of scope.";

/** "licensed per core: 16 cores per host for 12 physical (16 per server, 8 per processor)". */
export function licenceEffectText(o: OptionAnalysis): string {
  const l = o.hostChoice.licence;
  if (l.licensedCoresPerHost === null) return "not licensed per core";
  if (l.licensedCoresPerHost > l.physicalCoresPerHost)
    return `licensed for ${l.licensedCoresPerHost} cores per host though it has ${l.physicalCoresPerHost} (floor: ${l.floor ?? "none"})`;
  return `licensed per core: ${l.licensedCoresPerHost} cores per host, no floor paid${l.floor ? ` (floor: ${l.floor})` : ""}`;
}

/**
 * Why an option's chosen host wins, in one or two sentences: its hosts and saving against the
 * runner-up (or the tie-break), the resource that decides its node count, the licence effect.
 */
export function hostChoiceSentence(o: OptionAnalysis): string {
  const c = o.hostChoice;
  if (o.hostSweep.length <= 1)
    return `${c.chosen}: the only candidate (add hostOptions to compare hosts).`;
  if (!o.eligible) return `${c.chosen}: no candidate makes ${o.label} eligible.`;
  const against =
    c.runnerUp === null
      ? "the only eligible candidate"
      : c.tieBreak === "fewer-hosts"
        ? `the same TCO as ${c.runnerUp} with fewer hosts (${c.hosts} against ${c.runnerUpHosts ?? 0})`
        : c.tieBreak === "input-order"
          ? `the same TCO and hosts as ${c.runnerUp}, listed first`
          : `${c.saving === null ? "" : formatWhole(c.saving)} less over the horizon than ${c.runnerUp} (${c.runnerUpHosts ?? 0} hosts)`;
  const licence = licenceEffectText(o);
  const why =
    c.binding === null
      ? licence.charAt(0).toUpperCase() + licence.slice(1)
      : `Node count decided by ${BINDING_WORDS[c.binding]}; ${licence}`;
  const last = o.hostsByYear[o.hostsByYear.length - 1] ?? c.hosts;
  const grows = last !== c.hosts ? ` (${last} by the last year as demand grows)` : "";
  return `${c.chosen} wins for ${o.label}: ${c.hosts} hosts${grows}, ${against}. ${why}.`;
}
