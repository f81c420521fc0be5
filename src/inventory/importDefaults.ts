/** The import defaults taken from a scenario (JSON form or parsed): what the importer assumes when a file is silent. */
import type { ImportDefaults } from "./types";

/**
 * Defaults for `importInventory` from a parsed `Scenario`, a scenario's JSON or
 * `defaultSections(platform)`: the physical estate's default peak and average CPU, and — as
 * the core clock of a server whose file gives none — the host's clock (an assumption the
 * report states). Storage is left out on purpose: a row without storage keeps none, so the
 * scenario's `physical.defaultStorageGiB` applies and stays editable in `TCO Inputs`.
 */
export function importDefaultsFrom(scenario: {
  readonly physical: object;
  readonly host: object;
}): ImportDefaults {
  const physical = scenario.physical as Readonly<Record<string, unknown>>;
  const host = scenario.host as Readonly<Record<string, unknown>>;
  return {
    peakCpuUtilization: String(physical["defaultPeakCpuUtilization"]),
    averageCpuUtilization: String(physical["defaultAverageCpuUtilization"]),
    cpuGhz: String(host["cpuGhz"]),
  };
}
