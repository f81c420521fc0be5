/**
 * `hyperv-tco evaluate`, end to end: every example in assets/examples through `main` with a
 * fake CliIo, once as a real process through the installed bin, checked against the `--json`
 * contract of DESIGN.md ("Command line contract (v1)"): money as strings with two decimals,
 * ratios as numbers, null where undefined.
 */
import { memoryIo, type MemoryIo } from "../support/memoryIo";
import { spawnSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { main } from "../../src/cli/main";
import { Dec } from "../../src/money";
import { defaultScenarioJson, parseScenario } from "../../src/scenario";
import { COST_CATEGORIES, analyze } from "../../src/tco";
import { REPO_ROOT } from "../support/paths";

/** A CliIo over the real files plus in-memory ones; stdout and stderr collected. */
const fakeIo = (files: Record<string, string> = {}): MemoryIo => memoryIo(files, { disk: true });

const EXAMPLES_DIR = join(REPO_ROOT, "assets", "examples");
const EXAMPLES = readdirSync(EXAMPLES_DIR)
  .filter((f) => f.endsWith(".json"))
  .sort();
const examplePath = (f: string): string => join(EXAMPLES_DIR, f);

const MONEY = /^-?\d+\.\d{2}$/;
type J = Record<string, any>;

const isMoney = (v: unknown): boolean => typeof v === "string" && MONEY.test(v);
const isRatio = (v: unknown): boolean =>
  v === null || (typeof v === "number" && Number.isFinite(v));
/** Whole cents of a money string (0 for anything else: the type check reports it). */
const cents = (v: unknown): bigint => (isMoney(v) ? BigInt((v as string).replace(".", "")) : 0n);

/** Every key of the DESIGN contract, with its type; returns the problems found (empty = conforms). */
function contractProblems(json: J): string[] {
  const problems: string[] = [];
  const want = (ok: boolean, what: string) => {
    if (!ok) problems.push(what);
  };
  const tco = (t: J, at: string, eligible: boolean) => {
    want(Array.isArray(t["years"]), `${at}.years is an array`);
    if (!eligible) {
      want(t["total"] === null, `${at}.total is null for an option that cannot be used`);
      return;
    }
    want(isMoney(t["total"]), `${at}.total is money`);
    (t["years"] as J[]).forEach((y, i) => {
      want(y["year"] === i, `${at}.years[${i}].year is ${i}`);
      want(isMoney(y["total"]), `${at}.years[${i}].total is money`);
      for (const c of COST_CATEGORIES) want(isMoney(y[c]), `${at}.years[${i}].${c} is money`);
      // each year's total is the sum of its categories, to the cent
      want(
        cents(y["total"]) === COST_CATEGORIES.reduce((sum, c) => sum + cents(y[c]), 0n),
        `${at}.years[${i}] adds up`
      );
    });
    want(
      cents(t["total"]) === (t["years"] as J[]).reduce((sum, y) => sum + cents(y["total"]), 0n),
      `${at}.total is the sum of the years`
    );
  };

  want(json["schemaVersion"] === 1, "schemaVersion is 1");
  want(
    json["recommended"] === null || typeof json["recommended"] === "string",
    "recommended is an id or null"
  );
  want(Array.isArray(json["workloads"]?.["stayPhysical"]), "workloads.stayPhysical is an array");
  for (const [i, w] of (json["workloads"]?.["stayPhysical"] ?? []).entries()) {
    want(
      typeof w["name"] === "string" &&
        Array.isArray(w["reasons"]) &&
        w["reasons"].every((r: unknown) => typeof r === "string"),
      `workloads.stayPhysical[${i}] has name and reasons[]`
    );
  }
  tco(json["physical"]?.["tco"] ?? {}, "physical.tco", true);
  want(
    Array.isArray(json["options"]) && json["options"].length > 0,
    "options is a non-empty array"
  );
  for (const o of (json["options"] ?? []) as J[]) {
    const at = `options[${o["id"]}]`;
    want(
      typeof o["id"] === "string" &&
        typeof o["label"] === "string" &&
        typeof o["eligible"] === "boolean",
      `${at} has id, label, eligible`
    );
    want(Array.isArray(o["reasons"]), `${at}.reasons is an array`);
    const c = o["capacity"] ?? {};
    for (const k of ["hosts", "lowerBoundHosts", "maxVmsPerHostAfterFailover"])
      want(Number.isInteger(c[k]), `${at}.capacity.${k} is an integer`);
    want(c["lowerBoundHosts"] <= c["hosts"], `${at}.capacity.lowerBoundHosts ≤ hosts`);
    want(
      Array.isArray(c["clusters"]) &&
        c["clusters"].every((cl: J) =>
          ["nodes", "vms", "failoverReserve"].every((k) => Number.isInteger(cl[k]))
        ),
      `${at}.capacity.clusters[] {nodes, vms, failoverReserve}`
    );
    want(
      Array.isArray(c["vmsPerHost"]) &&
        c["vmsPerHost"].length === c["hosts"] &&
        c["vmsPerHost"].every(Number.isInteger),
      `${at}.capacity.vmsPerHost[] has one count per host`
    );
    // Contract v2: storage per cluster (decimal TB; null where a SAN has no such figure) and
    // hosts owned per year 0…horizon, never falling.
    const tb = (v: unknown) =>
      v === null || (typeof v === "number" && Number.isFinite(v) && v >= 0);
    want(
      Array.isArray(c["storage"]) &&
        c["storage"].length === (c["clusters"] ?? []).length &&
        c["storage"].every(
          (st: J) =>
            Number.isInteger(st["nodes"]) &&
            ["rawTB", "reserveTB", "usableTB"].every((k) => tb(st[k])) &&
            typeof st["neededTB"] === "number" &&
            st["neededTB"] >= 0
        ),
      `${at}.capacity.storage[] {nodes, rawTB, reserveTB, usableTB, neededTB}`
    );
    const byYear = c["hostsByYear"];
    want(
      Array.isArray(byYear) &&
        byYear.length === (o["tco"]?.["years"]?.length || byYear.length) &&
        byYear.every(Number.isInteger) &&
        byYear[0] === c["hosts"] &&
        byYear.every((h: number, t: number) => t === 0 || h >= byYear[t - 1]),
      `${at}.capacity.hostsByYear[] from year 0, never falling`
    );
    const l = o["licensing"] ?? {};
    const money = (v: unknown) => (o["eligible"] ? isMoney(v) : v === null);
    want(
      money(l["total"]) && money(l["totalIfNotClusterAware"]),
      `${at}.licensing.total and totalIfNotClusterAware`
    );
    want(
      Array.isArray(l["lines"]) &&
        l["lines"].every(
          (x: J) =>
            typeof x["sku"] === "string" &&
            Number.isInteger(x["quantity"]) &&
            isMoney(x["unitPrice"]) &&
            isMoney(x["cost"]) &&
            (x["recurrence"] === "once" || x["recurrence"] === "yearly")
        ),
      `${at}.licensing.lines[] {sku, quantity, unitPrice, cost, recurrence}`
    );
    tco(o["tco"] ?? {}, `${at}.tco`, o["eligible"]);
    const r = o["roi"] ?? {};
    want(
      o["eligible"] ? isMoney(r["npv"]) : r["npv"] === null,
      `${at}.roi.npv is money (null when not eligible)`
    );
    for (const k of ["irr", "paybackMonths", "discountedPaybackMonths", "roiPercent"])
      want(isRatio(r[k]), `${at}.roi.${k} is a number or null`);
    want(
      r["costPerVmPerYear"] === null || isMoney(r["costPerVmPerYear"]),
      `${at}.roi.costPerVmPerYear is money or null`
    );
  }
  const rec = (json["options"] as J[]).find((o) => o["id"] === json["recommended"]);
  if (json["recommended"] !== null)
    want(rec?.["eligible"] === true, "the recommended option is listed and eligible");
  return problems;
}

async function evaluate(argv: string[], files: Record<string, string> = {}) {
  const io = fakeIo(files);
  const code = await main(["evaluate", ...argv], io);
  return { code, stdout: io.stdout(), stderr: io.stderr() };
}

describe("evaluate --json on every example", () => {
  it("finds the six examples", () => {
    expect(EXAMPLES).toEqual([
      "book-example.json",
      "contoso-2010.json",
      "host-sweep-2025.json",
      "leaving-vmware-2027.json",
      "modern-2022.json",
      "s2d-growth-2025.json",
    ]);
  });

  it("leaving VMware: every path under options[], the timeline and the owned licences as entered", async () => {
    const json = JSON.parse(
      (await evaluate([examplePath("leaving-vmware-2027.json"), "--json", "--no-sensitivity"]))
        .stdout
    ) as J;
    expect(json["baseline"]).toBe("vcf");
    expect((json["options"] as J[]).map((o) => [o["id"], o["eligible"]])).toEqual([
      ["standard", true],
      ["datacenter", true],
      ["windows-payg", true],
      ["azure-local", true],
      ["vcf", false], // the baseline
      ["vvf", true],
    ]);
    const byId = (id: string) => (json["options"] as J[]).find((o) => o["id"] === id)!;
    // 10 hosts × 2 CPUs × max(16, 16) = 320 cores: VVF $135 a year each (the licensing total is a
    // year's subscription × 5; the cash flows start it at the renewal date).
    expect(byId("vvf")["licensing"]["lines"][0]).toMatchObject({
      sku: "vvf-core-subscription",
      quantity: 320,
      unitPrice: "135.00",
      cost: "43200.00",
      recurrence: "yearly",
    });
    // Pay-as-you-go: 320 host cores and the Windows VMs' 568 vCPUs, $33.58 × 12 each a year.
    expect(
      (byId("windows-payg")["licensing"]["lines"] as J[]).map((l) => [l["sku"], l["quantity"]])
    ).toEqual([
      ["windows-payg-host", 320],
      ["windows-payg-guest", 568],
    ]);
    // Azure Local: 320 owned Datacenter cores with SA cover the one 320-core system: no fees.
    expect(byId("azure-local")["licensing"]["total"]).toBe("0.00");
    // The move (25 VMs a month from month 2) ends in month 10, after the renewal (month 8):
    // the Hyper-V options buy a 1-year VCF term, 320 × $350 = $112,000.
    expect(json["timeline"]).toMatchObject({
      monthsToRenewal: 8,
      moveEndMonth: 10,
      renewalNeeded: true,
      renewalTerms: 1,
    });
    expect(byId("datacenter")["transition"]["total"]).toBe("112000.00");
    expect(json["ownedLicences"]).toMatchObject({
      datacenterCores: 320,
      softwareAssurance: true,
      noneEntered: false,
    });
  });

  it.each(EXAMPLES)(
    "%s: exit 0, nothing on stderr, stdout only JSON carrying the contract",
    async (file) => {
      const r = await evaluate([examplePath(file), "--json"]);
      expect(r.code).toBe(0);
      expect(r.stderr).toBe("");
      expect(r.stdout.endsWith("}\n") && r.stdout.startsWith("{")).toBe(true);
      const json = JSON.parse(r.stdout) as J; // throws if anything but JSON were printed
      expect(contractProblems(json)).toEqual([]);
      expect(json["sensitivity"]?.["rows"]?.length).toBe(9);
    }
  );

  it("the v2 contract check has teeth: a storage figure as text or hosts that fall are caught", async () => {
    const json = JSON.parse(
      (await evaluate([examplePath("s2d-growth-2025.json"), "--json", "--no-sensitivity"])).stdout
    ) as J;
    expect(contractProblems(json)).toEqual([]);
    const dc = (json["options"] as J[]).find((o) => o["id"] === "datacenter")!;
    expect(dc["capacity"]["storage"][0]["rawTB"]).toBeGreaterThan(0);
    const broken = structuredClone(json);
    const bdc = (broken["options"] as J[]).find((o) => o["id"] === "datacenter")!;
    bdc["capacity"]["storage"][0]["usableTB"] = "66.56";
    bdc["capacity"]["hostsByYear"][2] = 1;
    expect(contractProblems(broken)).toEqual([
      "options[datacenter].capacity.storage[] {nodes, rawTB, reserveTB, usableTB, neededTB}",
      "options[datacenter].capacity.hostsByYear[] from year 0, never falling",
    ]);
  });

  it("the contract check has teeth: a number for money, a missing key or a bad year total is caught", async () => {
    const json = JSON.parse(
      (await evaluate([examplePath("book-example.json"), "--json", "--no-sensitivity"])).stdout
    ) as J;
    const broken = structuredClone(json);
    broken["physical"]["tco"]["total"] = 785226.65;
    delete broken["options"][0]["capacity"]["lowerBoundHosts"];
    broken["options"][1]["tco"]["years"][1]["power"] = "1.00";
    expect(contractProblems(broken)).toEqual([
      "physical.tco.total is money",
      "physical.tco.total is the sum of the years",
      "options[hyperv-server].capacity.lowerBoundHosts is an integer",
      "options[hyperv-server].capacity.lowerBoundHosts ≤ hosts",
      "options[datacenter].tco.years[1] adds up",
    ]);
  });

  it("the book example carries the figures worked by hand in test/tco/analyze.test.ts", async () => {
    const json = JSON.parse(
      (await evaluate([examplePath("book-example.json"), "--json", "--no-sensitivity"])).stdout
    ) as J;
    expect(json["recommended"]).toBe("hyperv-server");
    expect(json["physical"]["tco"]["total"]).toBe("785226.65");
    const hv = (json["options"] as J[]).find((o) => o["id"] === "hyperv-server")!;
    expect(hv["tco"]["total"]).toBe("339147.45");
    expect(hv["tco"]["years"][0]).toMatchObject({
      year: 0,
      total: "93923.00",
      licensing: "9000.00",
      migration: "12000.00",
    });
    expect(hv["licensing"]).toMatchObject({ total: "9000.00", totalIfNotClusterAware: "6000.00" });
    expect(hv["licensing"]["lines"][0]).toMatchObject({
      sku: "ws2008r2-guest-os",
      quantity: 45,
      unitPrice: "200.00",
      cost: "9000.00",
    });
    expect(hv["roi"]).toMatchObject({ npv: "348900.13", paybackMonths: 10.44 });
    expect(typeof hv["roi"]["irr"]).toBe("number");
    expect(json["sensitivity"]).toBeNull();
  });

  it("lists the servers that stay physical with their reasons (Contoso)", async () => {
    const json = JSON.parse(
      (await evaluate([examplePath("contoso-2010.json"), "--json", "--no-sensitivity"])).stdout
    ) as J;
    const names = (json["workloads"]["stayPhysical"] as J[]).map((w) => w["name"]);
    expect(names).toEqual(["SQL-DW-01", "ERP-DB-01", "LIC-DONGLE-01"]);
    expect(json["workloads"]["stayPhysical"][2]["reasons"]).toEqual([
      "LIC-DONGLE-01 is kept physical by the user.",
    ]);
  });

  it("gives null money and ROI for options that cannot be used (init's ws2022 scenario compares Hyper-V Server and Enterprise too)", async () => {
    const r = await evaluate(["s.json", "--json", "--no-sensitivity"], {
      "s.json": JSON.stringify(defaultScenarioJson("ws2022")),
    });
    const json = JSON.parse(r.stdout) as J;
    expect(contractProblems(json)).toEqual([]);
    const ineligible = (json["options"] as J[])
      .filter((o) => !o["eligible"])
      .map((o) => [o["id"], o["roi"]["npv"], o["tco"]["total"]]);
    expect(ineligible).toEqual([
      ["hyperv-server", null, null],
      ["enterprise", null, null],
    ]);
  });
});

describe("evaluate as a readable table", () => {
  it("leaving VMware: staying on VCF beside every path, the dual running and the owned licences", async () => {
    const r = await evaluate([examplePath("leaving-vmware-2027.json"), "--no-sensitivity"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(
      /^ +VCF now +standard +datacenter +windows-payg +azure-local +vvf \*$/m
    );
    expect(r.stdout).toMatch(/^Dual running +112,000 +112,000 +112,000 +154,624 +0$/m);
    expect(r.stdout).toContain(
      "Renewing VMware vSphere Foundation instead (the same 10 hosts, no move)"
    );
    expect(r.stdout).toContain("Owned, as entered (licensing.owned): 320 Datacenter cores");
  });

  const CONSOLIDATIONS = EXAMPLES.filter((f) => f !== "leaving-vmware-2027.json");
  it.each(CONSOLIDATIONS)(
    "%s: marks the recommended option and shows its payback",
    async (file) => {
      const r = await evaluate([examplePath(file), "--no-sensitivity"]);
      expect(r.code).toBe(0);
      expect(r.stderr).toBe("");
      const parsed = parseScenario(JSON.parse(readFileSync(examplePath(file), "utf8")));
      if (!parsed.ok) throw new Error("example does not parse");
      const a = analyze(parsed.scenario, { sensitivity: false });
      const rec = a.options.find((o) => o.id === a.recommended)!;
      expect(r.stdout).toContain(`${rec.id} *`);
      expect(r.stdout).toMatch(/^Payback +/m);
      const payback = rec.businessCase.payback;
      expect(payback.reached).toBe(true);
      if (payback.reached) {
        expect(r.stdout).toContain(`${payback.months.toFixed(1)} mo`);
        expect(r.stdout).toContain(
          `pays back in ${payback.months.toDecimalPlaces(0).toString()} months`
        );
      }
      expect(r.stdout).toContain(`* recommended. Consolidating`);
      expect(r.stdout).toContain(rec.label);
    }
  );

  it("the book example: Hyper-V Server recommended, paying back in 10.4 months", async () => {
    const r = await evaluate([examplePath("book-example.json"), "--no-sensitivity"]);
    expect(r.stdout).toMatch(/^ +Physical +hyperv-server \* +datacenter$/m);
    expect(r.stdout).toMatch(/^Payback +10\.4 mo +11\.1 mo$/m);
    expect(r.stdout).toContain("pays back in 10 months");
  });

  it("names the most sensitive inputs unless --no-sensitivity", async () => {
    const withSens = await evaluate([examplePath("book-example.json")]);
    expect(withSens.stdout).toMatch(/^Most sensitive: Admin hours per physical server \(NPV /m);
    const without = await evaluate([examplePath("book-example.json"), "--no-sensitivity"]);
    expect(without.stdout).not.toContain("Most sensitive");
  });
});

describe("evaluate refuses bad input", () => {
  const bad = (() => {
    const s = JSON.parse(readFileSync(examplePath("book-example.json"), "utf8")) as J;
    s["host"]["price"] = "9,000";
    s["housing"]["pue"] = "0.9";
    s["manpower"]["adminRate"] = "50";
    s["inventory"][0]["memoryGiB"] = -4;
    s["inventory"][2]["os"] = "solaris";
    return s;
  })();
  const issues = (() => {
    const r = parseScenario(bad);
    return r.ok ? [] : r.issues;
  })();

  it("exits 2 with every issue on stderr, one per line with its JSON path, and nothing on stdout", async () => {
    expect(issues.length).toBe(5);
    for (const json of [false, true]) {
      const r = await evaluate(["bad.json", ...(json ? ["--json"] : [])], {
        "bad.json": JSON.stringify(bad),
      });
      expect(r.code).toBe(2);
      expect(r.stdout).toBe("");
      const lines = r.stderr.trimEnd().split("\n");
      expect(lines[0]).toBe("bad.json: 5 problems");
      expect(lines.slice(1)).toEqual(issues.map((i) => `${i.path}: ${i.message}`));
      expect(
        lines
          .slice(1)
          .map((l) => l.split(": ")[0])
          .sort()
      ).toEqual([
        "host.price",
        "housing.pue",
        "inventory[0].memoryGiB",
        "inventory[2].os",
        "manpower.adminRate",
      ]);
    }
  });

  it("exits 2 for text that is not JSON, with nothing on stdout", async () => {
    const r = await evaluate(["broken.json", "--json"], {
      "broken.json": '{ "schemaVersion": 1, ',
    });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toMatch(/^broken\.json: 1 problem\n/);
  });

  it.each([
    ["no file", []],
    ["two files", ["a.json", "b.json"]],
    ["an unknown option", ["a.json", "--csv"]],
  ])("prints its usage and exits 1 for %s", async (_name, argv) => {
    const r = await evaluate(argv, { "a.json": "{}", "b.json": "{}" });
    expect(r.code).toBe(1);
    expect(r.stdout).toBe("");
    expect(r.stderr).toMatch(
      /Usage: hyperv-tco evaluate SCENARIO\.json \[--json\] \[--no-sensitivity\]\n$/
    );
  });
});

describe("the installed bin (a real process)", () => {
  it("node src/cli/bin.cjs evaluate contoso-2010.json --json: exit 0, stdout only JSON, the same as in-process", async () => {
    const file = examplePath("contoso-2010.json");
    const run = spawnSync(
      process.execPath,
      [join(REPO_ROOT, "src", "cli", "bin.cjs"), "evaluate", file, "--json"],
      { cwd: REPO_ROOT, encoding: "utf8" }
    );
    expect(run.status).toBe(0);
    expect(run.stderr).toBe("");
    const json = JSON.parse(run.stdout) as J;
    expect(contractProblems(json)).toEqual([]);
    expect(run.stdout).toBe((await evaluate([file, "--json"])).stdout);
    // money strings survive as exact decimals
    expect(new Dec(json["physical"]["tco"]["total"]).gt(0)).toBe(true);
  });
});

describe("evaluate: which host to buy (hostOptions)", () => {
  const file = examplePath("host-sweep-2025.json");

  it("--json: capacity.hostName is the chosen candidate and hostSweep has {name, hosts, tco} per candidate", async () => {
    const r = await evaluate([file, "--json", "--no-sensitivity"]);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout) as J;
    const names = (JSON.parse(readFileSync(file, "utf8"))["hostOptions"] as { name: string }[]).map(
      (h) => h.name
    );
    for (const o of json["options"] as J[]) {
      const sweep = o["hostSweep"] as J[];
      expect(sweep.map((e) => e["name"])).toEqual(names);
      for (const e of sweep) {
        expect(Number.isInteger(e["hosts"])).toBe(true);
        expect(isMoney(e["tco"])).toBe(true);
      }
      const chosen = sweep.filter((e) => e["chosen"]);
      expect(chosen).toHaveLength(1);
      expect(o["capacity"]["hostName"]).toBe(chosen[0]?.["name"]);
      // the chosen entry is the option's own figures, and no other candidate is cheaper
      expect(chosen[0]?.["hosts"]).toBe(o["capacity"]["hosts"]);
      if (o["eligible"]) {
        expect(chosen[0]?.["tco"]).toBe(o["tco"]["total"]);
        for (const e of sweep) expect(cents(e["tco"]) >= cents(o["tco"]["total"])).toBe(true);
      }
    }
  });

  it("the table names the host bought per option and lists the candidates, the chosen one marked", async () => {
    const r = await evaluate([file, "--no-sensitivity"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Host bought {2,}/m);
    expect(r.stdout).toContain("Which host to buy (6 candidates; * chosen):");
    expect(r.stdout).toMatch(/^datacenter +Hosts +Licensed cores +TCO 5 y$/m);
    expect(r.stdout).toMatch(/^\* 2 × 24c \/ 768 GiB +6 +288 +1,641,790$/m);
    expect(r.stdout).toContain("mixed node shapes inside one cluster are out of scope");
  });

  it("without hostOptions: one candidate named Scenario host, and the table as before", async () => {
    const r = await evaluate([examplePath("modern-2022.json"), "--json", "--no-sensitivity"]);
    const json = JSON.parse(r.stdout) as J;
    for (const o of json["options"] as J[]) {
      expect(o["capacity"]["hostName"]).toBe("Scenario host");
      expect((o["hostSweep"] as J[]).map((e) => e["name"])).toEqual(["Scenario host"]);
    }
    const table = await evaluate([examplePath("modern-2022.json"), "--no-sensitivity"]);
    expect(table.stdout).not.toContain("Host bought");
    expect(table.stdout).not.toContain("Which host to buy");
  });
});
