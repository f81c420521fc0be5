/**
 * `hyperv-tco init [--platform ws2022] [--host-catalog]`: print a complete default scenario;
 * with `--host-catalog`, the 2026 node catalog as `hostOptions` to choose the host from.
 */
import { isPlatformId, PLATFORM_IDS } from "../../platform";
import { DEFAULT_PLATFORM, defaultScenarioJson, hostCatalogOptions } from "../../scenario";
import { EXIT, parseArgs, type CliIo } from "../io";

export async function runInit(args: readonly string[], io: CliIo): Promise<number> {
  const { values, switches, unknown, positional } = parseArgs(
    args,
    ["--platform"],
    ["--host-catalog"]
  );
  if (unknown.length > 0 || positional.length > 0) {
    io.err(
      `init: ${[...unknown, ...positional.map((p) => `unexpected argument ${p}`)].join("; ")}\nUsage: hyperv-tco init [--platform ${PLATFORM_IDS.join("|")}] [--host-catalog]\n`
    );
    return EXIT.usage;
  }
  const platform = values["--platform"] ?? DEFAULT_PLATFORM;
  if (!isPlatformId(platform)) {
    io.err(`init: --platform must be one of ${PLATFORM_IDS.join(", ")} (got "${platform}").\n`);
    return EXIT.usage;
  }
  const today = io.today?.() ?? new Date();
  const json = defaultScenarioJson(platform, undefined, today);
  const { inventory, ...rest } = json;
  const out = switches.has("--host-catalog")
    ? { ...rest, hostOptions: hostCatalogOptions(), inventory }
    : json;
  io.out(`${JSON.stringify(out, null, 2)}\n`);
  return EXIT.ok;
}
