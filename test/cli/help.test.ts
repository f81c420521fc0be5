/**
 * The command line's help and version: every command described in the top-level help,
 * `COMMAND --help` for each, `--version` equal to package.json's — all without loading any
 * command module (what keeps `npx hyperv-tco --help` instant).
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { COMMANDS, main } from "../../src/cli/main";
import { VERSION } from "../../src/cli/version";
import { memoryIo } from "../support/memoryIo";
import { REPO_ROOT } from "../support/paths";

describe("hyperv-tco help and version", () => {
  it("describes every command in the top-level help", async () => {
    const io = memoryIo({});
    expect(await main(["--help"], io)).toBe(0);
    for (const [name, c] of Object.entries(COMMANDS)) {
      expect(io.stdout()).toContain(`  ${name}`);
      expect(io.stdout()).toContain(c.summary);
    }
    expect(io.stdout()).toContain("--version");
  });

  it.each(Object.keys(COMMANDS))(
    "%s --help prints its synopsis and options, exit 0",
    async (name) => {
      const io = memoryIo({});
      expect(await main([name, "--help"], io)).toBe(0);
      expect(io.stdout()).toMatch(new RegExp(`^Usage: hyperv-tco ${name}`));
      expect(io.stderr()).toBe("");
      const viaHelp = memoryIo({});
      expect(await main(["help", name], viaHelp)).toBe(0);
      expect(viaHelp.stdout()).toBe(io.stdout());
    }
  );

  it("prints the version of package.json", async () => {
    const pkg = JSON.parse(readFileSync(join(REPO_ROOT, "package.json"), "utf8")) as {
      version: string;
    };
    expect(VERSION).toBe(pkg.version);
    const io = memoryIo({});
    expect(await main(["--version"], io)).toBe(0);
    expect(io.stdout()).toBe(`hyperv-tco ${pkg.version}\n`);
  });

  it("documents --pptx in report --help", async () => {
    const io = memoryIo({});
    await main(["report", "--help"], io);
    expect(io.stdout()).toContain("--pptx OUT.pptx");
  });
});
