/**
 * `hyperv-tco init` and `hyperv-tco validate`, end to end: in memory through `main` with a fake
 * CliIo, and once as a real process through the installed bin.
 */
import { MEMORY_IO_TODAY, memoryIo, type MemoryIo } from "../support/memoryIo";
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { main } from "../../src/cli/main";
import { defaultScenarioJson, HOST_CATALOG_2026, parseScenario } from "../../src/scenario";
import { PLATFORM_IDS } from "../../src/platform";
import { REPO_ROOT } from "../support/paths";

/** An in-memory CliIo: files in a map, stdout and stderr collected. */
const fakeIo = (files: Record<string, string> = {}): MemoryIo => memoryIo(files);

describe("hyperv-tco init", () => {
  it.each(PLATFORM_IDS.map((p) => [p]))(
    "prints a complete %s scenario that validate accepts",
    async (platform) => {
      const io = fakeIo();
      expect(await main(["init", "--platform", platform], io)).toBe(0);
      expect(io.stderr()).toBe("");
      const json = JSON.parse(io.stdout()) as Record<string, unknown>;
      // Dated today (the fixed day of the in-memory io): the start and a renewal a year later.
      expect(json).toEqual(defaultScenarioJson(platform, undefined, new Date(MEMORY_IO_TODAY)));
      expect((json["finance"] as Record<string, unknown>)["startDate"]).toBe("2026-12-15");
      expect(parseScenario(json).ok).toBe(true);

      const check = fakeIo({ "scenario.json": io.stdout() });
      expect(await main(["validate", "scenario.json"], check)).toBe(0);
      expect(check.stdout()).toBe("scenario.json: valid\n");
      expect(check.stderr()).toBe("");
    }
  );

  it("defaults to ws2025 and accepts --platform=…", async () => {
    const plain = fakeIo();
    expect(await main(["init"], plain)).toBe(0);
    expect((JSON.parse(plain.stdout()) as { platform: string }).platform).toBe("ws2025");
    const inline = fakeIo();
    expect(await main(["init", "--platform=ws2008r2"], inline)).toBe(0);
    expect((JSON.parse(inline.stdout()) as { platform: string }).platform).toBe("ws2008r2");
  });

  it.each([
    [
      "an unknown platform",
      ["init", "--platform", "ws2003"],
      /--platform must be one of ws2008r2, ws2012r2, ws2016, ws2019, ws2022, ws2025 \(got "ws2003"\)/,
    ],
    ["a missing platform value", ["init", "--platform"], /--platform needs a value/],
    ["an unknown option", ["init", "--plattform", "ws2022"], /unknown option --plattform/],
    ["a stray argument", ["init", "scenario.json"], /unexpected argument scenario\.json/],
  ])("refuses %s with exit 1 and nothing on stdout", async (_name, argv, message) => {
    const io = fakeIo();
    expect(await main(argv, io)).toBe(1);
    expect(io.stdout()).toBe("");
    expect(io.stderr()).toMatch(message);
  });
});

describe("hyperv-tco validate", () => {
  const bad = (() => {
    const s = JSON.parse(JSON.stringify(defaultScenarioJson("ws2008r2"))) as Record<string, any>;
    s["currency"] = "usd";
    s["host"]["price"] = "9,000";
    s["cluster"]["maxNodes"] = 32;
    s["inventory"][0]["memoryGiB"] = -4;
    s["inventory"][2]["name"] = "file-01";
    s["inventory"][1]["ram"] = "4";
    return s;
  })();
  const badIssues = (() => {
    const r = parseScenario(bad);
    return r.ok ? [] : r.issues;
  })();

  it("exits 2 and prints every issue on stderr, one per line, each starting with its JSON path", async () => {
    expect(badIssues.length).toBe(6);
    const io = fakeIo({ "bad.json": JSON.stringify(bad, null, 2) });
    expect(await main(["validate", "bad.json"], io)).toBe(2);
    expect(io.stdout()).toBe("");
    const lines = io.stderr().trimEnd().split("\n");
    expect(lines[0]).toBe("bad.json: 6 problems");
    expect(lines.slice(1)).toEqual(badIssues.map((i) => `${i.path}: ${i.message}`));
    expect(lines.slice(1).map((l) => l.split(": ")[0])).toEqual([
      "currency",
      "host.price",
      "inventory[0].memoryGiB",
      "inventory[1].ram",
      "inventory[2].name",
      "cluster.maxNodes", // rules across fields come after the fields themselves
    ]);
    // no message spans lines, so one line is one issue
    for (const issue of badIssues) expect(issue.message).not.toContain("\n");
  });

  it('says "1 problem" for one issue', async () => {
    const s = { ...defaultScenarioJson("ws2022"), currency: "usd" };
    const io = fakeIo({ "one.json": JSON.stringify(s) });
    expect(await main(["validate", "one.json"], io)).toBe(2);
    expect(io.stderr().split("\n")[0]).toBe("one.json: 1 problem");
  });

  it("explains invalid JSON syntax and points to init", async () => {
    const io = fakeIo({ "broken.json": '{ "schemaVersion": 1, "inventory": [ }' });
    expect(await main(["validate", "broken.json"], io)).toBe(2);
    expect(io.stdout()).toBe("");
    expect(io.stderr()).toMatch(
      /^broken\.json: 1 problem\n\(file\): Not valid JSON \(.+\)\. Fix the syntax, or create a new scenario with `npx hyperv-tco init`\.\n$/
    );
  });

  it("accepts a file that starts with a UTF-8 byte-order mark (as Windows editors save it)", async () => {
    const io = fakeIo({ "bom.json": `\uFEFF${JSON.stringify(defaultScenarioJson("ws2022"))}` });
    expect(await main(["validate", "bom.json"], io)).toBe(0);
  });

  it("reports a missing file with a non-zero exit and the path", async () => {
    const io = fakeIo();
    const code = await main(["validate", "nowhere.json"], io);
    expect(code).not.toBe(0);
    expect(io.stderr()).toBe("nowhere.json: no such file. Check the path.\n");
  });

  it.each([
    ["no file", ["validate"]],
    ["two files", ["validate", "a.json", "b.json"]],
    ["an unknown option", ["validate", "--strict", "a.json"]],
  ])("prints its usage and exits 1 for %s", async (_name, argv) => {
    const io = fakeIo({ "a.json": "{}", "b.json": "{}" });
    expect(await main(argv, io)).toBe(1);
    expect(io.stderr()).toBe("Usage: hyperv-tco validate SCENARIO.json\n");
  });
});

describe("hyperv-tco usage", () => {
  it("exits 1 with the usage on stderr when no command is given", async () => {
    const io = fakeIo();
    expect(await main([], io)).toBe(1);
    expect(io.stderr()).toMatch(/^Usage: hyperv-tco <command> \[options\]/);
    expect(io.stderr()).toContain("init      print a complete default scenario");
    expect(io.stderr()).toContain("validate  check a scenario");
  });

  it("exits 0 with the usage on stdout for --help", async () => {
    const io = fakeIo();
    expect(await main(["--help"], io)).toBe(0);
    expect(io.stdout()).toMatch(/^Usage: hyperv-tco <command>/);
    expect(io.stderr()).toBe("");
  });

  it("exits 1 for an unknown command, naming it", async () => {
    const io = fakeIo();
    expect(await main(["validat", "x.json"], io)).toBe(1);
    expect(io.stderr()).toMatch(/^Unknown command "validat"\.\nUsage: hyperv-tco/);
  });
});

describe("the installed bin (a real process)", () => {
  const dir = mkdtempSync(join(tmpdir(), "hvtco-cli-"));
  const bin = join(REPO_ROOT, "src", "cli", "bin.cjs");
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("init --platform ws2008r2 | validate: exit 0 and 'valid'", () => {
    const scenario = execFileSync(process.execPath, [bin, "init", "--platform", "ws2008r2"], {
      cwd: REPO_ROOT,
      encoding: "utf8",
    });
    const file = join(dir, "scenario.json");
    writeFileSync(file, scenario);
    const run = spawnSync(process.execPath, [bin, "validate", file], {
      cwd: REPO_ROOT,
      encoding: "utf8",
    });
    expect(run.stderr).toBe("");
    expect(run.stdout).toBe(`${file}: valid\n`);
    expect(run.status).toBe(0);
  });

  it("validate of a bad file: exit status 2, every issue on stderr", () => {
    const file = join(dir, "bad.json");
    writeFileSync(file, JSON.stringify({ schemaVersion: "1", currency: "usd", inventory: [] }));
    const run = spawnSync(process.execPath, [bin, "validate", file], {
      cwd: REPO_ROOT,
      encoding: "utf8",
    });
    expect(run.status).toBe(2);
    expect(run.stdout).toBe("");
    expect(
      run.stderr
        .trimEnd()
        .split("\n")
        .slice(1)
        .map((l) => l.split(": ")[0])
    ).toEqual(["schemaVersion", "currency", "inventory"]);
  });
});

describe("hyperv-tco init --host-catalog", () => {
  it("prints a scenario with the 2026 node catalog as hostOptions, which validates", async () => {
    const io = memoryIo({});
    expect(await main(["init", "--host-catalog"], io)).toBe(0);
    const json = JSON.parse(io.stdout()) as Record<string, unknown>;
    expect((json["hostOptions"] as { name: string }[]).map((h) => h.name)).toEqual(
      HOST_CATALOG_2026.map((h) => h.option["name"])
    );
    expect(parseScenario(json).ok).toBe(true);
  });
});
