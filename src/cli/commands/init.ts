/** `hyperv-tco init [--platform ws2022]`: print a complete default scenario. */
import { isPlatformId, PLATFORM_IDS } from "../../platform";
import { DEFAULT_PLATFORM, defaultScenarioJson } from "../../scenario";
import { EXIT, parseArgs, type CliIo } from "../io";

export async function runInit(args: readonly string[], io: CliIo): Promise<number> {
  const { values, unknown, positional } = parseArgs(args, ["--platform"], []);
  if (unknown.length > 0 || positional.length > 0) {
    io.err(
      `init: ${[...unknown, ...positional.map((p) => `unexpected argument ${p}`)].join("; ")}\nUsage: hyperv-tco init [--platform ${PLATFORM_IDS.join("|")}]\n`
    );
    return EXIT.usage;
  }
  const platform = values["--platform"] ?? DEFAULT_PLATFORM;
  if (!isPlatformId(platform)) {
    io.err(`init: --platform must be one of ${PLATFORM_IDS.join(", ")} (got "${platform}").\n`);
    return EXIT.usage;
  }
  const today = io.today?.() ?? new Date();
  io.out(`${JSON.stringify(defaultScenarioJson(platform, undefined, today), null, 2)}\n`);
  return EXIT.ok;
}
