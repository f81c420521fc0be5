/** The licensing catalogs, one per platform, plus vSphere and the optional lines. */
import type { PlatformId } from "../../platform";
import type { OptionId } from "../../scenario/types";
import type { OptionRow, PlatformCatalog, WindowsRule, WindowsWay } from "./types";
import { WS2008R2 } from "./ws2008r2";
import { WS2012R2 } from "./ws2012r2";
import { WS2016, WS2019, WS2022, WS2025 } from "./ws2016plus";

export * from "./types";
export * from "./vsphere";
export * from "./extras";
export * from "./today";

export const CATALOGS: Readonly<Record<PlatformId, PlatformCatalog>> = {
  ws2008r2: WS2008R2,
  ws2012r2: WS2012R2,
  ws2016: WS2016,
  ws2019: WS2019,
  ws2022: WS2022,
  ws2025: WS2025,
};

/** What an option means on a platform. */
export function optionRow(platform: PlatformId, option: OptionId): OptionRow {
  const row = CATALOGS[platform].options.find((r) => r.option === option);
  if (!row) throw new Error(`No catalog row for ${option} on ${platform}`);
  return row;
}

/** The Windows licence rule of a way on a platform, or undefined when the platform has none (Enterprise after 2008 R2). */
export function windowsRule(platform: PlatformId, way: WindowsWay): WindowsRule | undefined {
  return CATALOGS[platform].windows.find((r) => r.way === way);
}

/** Every Windows way of covering guests on a platform, in catalog order. */
export function windowsRules(platform: PlatformId): readonly WindowsRule[] {
  return CATALOGS[platform].windows;
}
