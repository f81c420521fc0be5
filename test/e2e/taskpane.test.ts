/**
 * The built task pane in headless Chromium: in a plain browser (office.js from the npm copy,
 * `Office.onReady` → host null), with office.js failing to load, and in a fake Excel host
 * (a recording workbook served in place of office.js). Screenshots of each state go to
 * `test-artifacts/`. No assertion depends on wall-clock time.
 */
import { mkdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import type { Download, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { roundWhole, type Dec } from "../../src/money";
import { SHEET_ORDER, SHEETS } from "../../src/report/sheetLayout";
import { parseScenario } from "../../src/scenario";
import { formatMoney } from "../../src/taskpane/preview";
import { analyze } from "../../src/tco";
import { REPO_ROOT } from "../support/paths";
import { axePath, openPane, waitForPreview, type Pane } from "./browser";
import { ensurePaneBuild } from "./build";
import { s2dEstate } from "./estates";
import { serveStatic, type StaticServer } from "./server";

const ARTIFACTS = join(REPO_ROOT, "test-artifacts");
const EXAMPLE = join(REPO_ROOT, "assets", "examples", "contoso-2010.json");

let server: StaticServer;

beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  server = await serveStatic(await ensurePaneBuild());
});

afterAll(async () => {
  await server?.close();
});

async function shot(page: Page, name: string, fullPage = false): Promise<void> {
  await page.screenshot({ path: join(ARTIFACTS, `taskpane-${name}.png`), fullPage });
}

/** axe-core's serious and critical violations on the page as it is now. */
async function seriousViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ path: axePath() });
  const result = await page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: {
          run(
            ctx: Document,
            opts: object
          ): Promise<{
            violations: { id: string; impact: string | null; nodes: { target: unknown }[] }[];
          }>;
        };
      }
    ).axe;
    const r = await axe.run(document, { resultTypes: ["violations"] });
    return r.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      targets: v.nodes.slice(0, 3).map((n) => JSON.stringify(n.target)),
    }));
  });
  return result
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id} (${v.impact}): ${v.targets.join(", ")}`);
}

/** The TCO cell of an option's row in the key-figures table. */
const tcoOf = (page: Page, option: string) =>
  page.locator(`#figures tr[data-option="${option}"] td:nth-child(3)`);

/**
 * One pane per describe block, opened (preview drawn) before its tests and closed after.
 * The returned object is filled in by beforeAll, so tests read `pane.page` as usual.
 */
function sharedPane(mode: Parameters<typeof openPane>[1]): Pane {
  const pane = {} as { -readonly [K in keyof Pane]: Pane[K] };
  beforeAll(async () => {
    Object.assign(pane, await openPane(server.url, mode));
    await waitForPreview(pane.page);
  });
  afterAll(async () => {
    await pane.close?.();
  });
  return pane;
}

describe("task pane in a plain browser (office.js loads, Office.onReady gives host null)", () => {
  const pane = sharedPane("npm");

  it("starts in browser mode with the defaults, a preview and only the start-up scripts loaded", async () => {
    const { page } = pane;
    expect(await page.locator("#app").getAttribute("data-host")).toBe("browser");
    await expect.poll(() => page.locator("#generate").textContent()).toBe("Download .xlsx");
    expect(await page.locator("#recommendation").textContent()).toMatch(
      /Consolidating \d+ of \d+ servers onto \d+ Hyper-V host/
    );
    // One runtime and one engine chunk for the pane, the commands and the custom functions
    // (shared runtime); the preview's analysis and chart.js follow the first render in their own
    // chunks. Lazy chunks (report builder, .xlsx writer, exceljs, inventory reader) are not
    // loaded yet.
    const scripts = server.requests.filter((r) => r.endsWith(".js") && !r.includes("office"));
    const html = await (await fetch(server.url)).text();
    expect([...html.matchAll(/<script[^>]* src="?([\w.]+\.js)/g)].map((m) => m[1])).toEqual([
      "runtime.js",
      "engine.js",
      "taskpane.js",
      "commands.js",
      "functions.js",
    ]);
    await expect
      .poll(() => server.requests.filter((r) => /^\/charts\.[0-9a-f]{8}\.js$/.test(r)).length)
      .toBe(1);
    expect(scripts.filter((r) => /^\/analysis\.[0-9a-f]{8}\.js$/.test(r))).toHaveLength(1);
    expect(
      new Set(scripts.filter((r) => !r.startsWith("/charts.") && !r.startsWith("/analysis.")))
    ).toEqual(
      new Set(["/runtime.js", "/engine.js", "/taskpane.js", "/commands.js", "/functions.js"])
    );
    await shot(page, "browser-default");
    expect(await seriousViolations(page)).toEqual([]);
    // Browser mode loads cleanly: no page error (the custom functions register nothing outside
    // Office instead of throwing), no console error, no request of ours answered 404.
    expect(pane.errors).toEqual([]);
    expect(pane.httpErrors).toEqual([]);
    expect(server.notFound).toEqual([]);
  });

  it("imports an example scenario, previews a price change live and downloads a 7-sheet .xlsx", async () => {
    const { page } = pane;
    await page.setInputFiles("#import-json-file", EXAMPLE);
    await expect
      .poll(() => page.locator("#status").textContent())
      .toContain("Loaded contoso-2010.json");
    await waitForPreview(page);
    expect(await page.inputValue("#f-name")).toBe(JSON.parse(readFileSync(EXAMPLE, "utf8")).name);
    expect(await page.locator("#sec-inventory-summary").textContent()).toContain("120 servers");

    const before = await tcoOf(page, "datacenter").textContent();
    const chartBefore = await page.locator("#chart-tco").getAttribute("aria-label");
    await page.locator("#sec-licensing-summary").click();
    await page.fill("#f-licensing-prices-datacenter", "9999");
    await waitForPreview(page);
    const after = await tcoOf(page, "datacenter").textContent();
    expect(after).not.toBe(before);
    const money = (t: string | null) => Number((t ?? "").replace(/[^0-9.-]/g, ""));
    // 2,405 → 9,999 per processor: Datacenter's TCO rises.
    expect(money(after)).toBeGreaterThan(money(before));
    expect(await page.locator("#chart-tco").getAttribute("aria-label")).not.toBe(chartBefore);
    await shot(page, "browser-example", true);

    const [download] = await Promise.all([page.waitForEvent("download"), page.click("#generate")]);
    const file = join(ARTIFACTS, "taskpane-download.xlsx");
    await download.saveAs(file);
    expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
    await expect
      .poll(() => page.locator("#result-text").textContent())
      .toMatch(/Downloaded .*\.xlsx \(8 sheets\)/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    expect(wb.worksheets.map((w) => w.name)).toEqual([...SHEET_ORDER]);
    // The report carries the edited price.
    const inputs = wb.getWorksheet(SHEETS.inputs);
    const prices: unknown[] = [];
    inputs?.eachRow((row) => {
      if (row.getCell(6).value === "licensing.prices.datacenter") prices.push(row.getCell(3).value);
    });
    expect(prices.map(Number)).toEqual([9999]);
    // The heavy writer was loaded only now.
    expect(server.requests.some((r) => /xlsx-writer\.[0-9a-f]+\.js$/.test(r))).toBe(true);
    await shot(page, "browser-downloaded");
  });

  it("exports the scenario as JSON that round-trips", async () => {
    const { page } = pane;
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.click("#export-json"),
    ]);
    const path = join(ARTIFACTS, "taskpane-scenario.json");
    await download.saveAs(path);
    const json = JSON.parse(readFileSync(path, "utf8"));
    expect(json.schemaVersion).toBe(1);
    expect(json.licensing.prices.datacenter).toBe("9999");
    expect(pane.errors).toEqual([]);
    expect(pane.httpErrors).toEqual([]);
  });
});

/** Load a scenario into the pane as if imported from a file. */
/** Open a form section (a click on an open one would close it). */
async function openSection(page: Page, key: string): Promise<void> {
  const open = await page.locator(`#sec-${key}`).evaluate((d) => (d as HTMLDetailsElement).open);
  if (!open) await page.locator(`#sec-${key}-summary`).click();
}

async function loadScenario(page: Page, name: string, json: unknown): Promise<void> {
  await page.setInputFiles("#import-json-file", {
    name,
    mimeType: "application/json",
    buffer: Buffer.from(JSON.stringify(json)),
  });
  await expect.poll(() => page.locator("#status").textContent()).toContain(`Loaded ${name}`);
  await waitForPreview(page);
}

/** A downloaded .pptx: a zip whose parts are a presentation with native chart parts. */
async function pptxParts(download: Download, name: string): Promise<string[]> {
  const file = join(ARTIFACTS, name);
  await download.saveAs(file);
  const zip = await JSZip.loadAsync(readFileSync(file));
  return Object.keys(zip.files);
}

describe("percentages, storage, demand and the result's details", () => {
  const pane = sharedPane("npm");

  it("types percentages in % and keeps fractions in the scenario", async () => {
    const { page } = pane;
    await openSection(page, "hostCluster");
    const target = page.locator("#f-cluster-targetCpuUtilization");
    expect(await target.inputValue()).toBe("75");
    expect(await page.locator("#f-cluster-targetCpuUtilization-unit").textContent()).toBe("%");
    await target.fill("150");
    const msg = page.locator("#f-cluster-targetCpuUtilization-msg");
    await expect.poll(() => msg.textContent()).toMatch(/in %, above 0 and at most 100, not 150 %/);
    await target.fill("80");
    await waitForPreview(page);
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.click("#export-json"),
    ]);
    const path = join(ARTIFACTS, "taskpane-percent.json");
    await download.saveAs(path);
    expect(JSON.parse(readFileSync(path, "utf8")).cluster.targetCpuUtilization).toBe("0.8");
  });

  it("sizes Storage Spaces Direct, with the engine's message at the field for a resiliency the clusters cannot use", async () => {
    const { page } = pane;
    await loadScenario(page, "s2d-estate.json", s2dEstate());
    await openSection(page, "storage");
    expect(await page.locator("#sec-storage-summary").textContent()).toContain(
      "S2D three-way mirror, 6 × 3.84 TB per node"
    );
    expect(await page.locator("#grp-san").count()).toBe(0);
    // 6 × 3.84 TB = 23.04 TB raw per node = 20.95 TiB.
    expect(await page.locator("#storage-raw-note").textContent()).toContain(
      "23.04 TB raw (20.95 TiB"
    );
    await page.selectOption("#f-storage-resiliency", "dual-parity");
    await openSection(page, "hostCluster");
    await page.fill("#f-cluster-maxNodes", "3");
    const msg = page.locator("#f-storage-resiliency-msg");
    await expect.poll(() => msg.isVisible()).toBe(true);
    expect(await msg.textContent()).toMatch(
      /dual parity needs at least 4 servers per cluster, but cluster\.maxNodes is 3/
    );
    expect(await page.locator("#sec-storage .badge").textContent()).toBe("1 to fix");
    await msg.scrollIntoViewIfNeeded();
    await shot(page, "storage-invalid");
    await page.fill("#f-cluster-maxNodes", "16");
    await page.selectOption("#f-storage-resiliency", "three-way-mirror");
    await waitForPreview(page);
    await page.locator("#sec-storage").scrollIntoViewIfNeeded();
    await shot(page, "storage-s2d");

    // The result's details: storage decides the node count, per cluster in decimal TB.
    await page.locator("#option-details > summary").click();
    await expect.poll(() => page.locator("#detail-storage tbody tr").count()).toBeGreaterThan(0);
    expect(await page.locator("#detail-clusters td.binding-storage").count()).toBeGreaterThan(0);
    const first = await page
      .locator("#detail-storage tbody tr")
      .first()
      .locator("td")
      .allTextContents();
    const [raw, reserve, usable, needed] = first.map(Number);
    expect(raw).toBeGreaterThan(usable ?? Infinity);
    expect(reserve).toBeGreaterThan(0);
    expect(usable).toBeGreaterThanOrEqual(needed ?? Infinity);
    // Growth of 12 % a year: hosts are bought in later years.
    expect(await page.locator("#detail-hosts-trend figcaption").textContent()).toMatch(
      /hosts in year 0, \d+ from year \d/
    );
    await page.locator("#option-details").scrollIntoViewIfNeeded();
    await shot(page, "result-details");
  });

  it("retires idle servers from the result card and shows what that saves", async () => {
    const { page } = pane;
    await page.locator("#server-details > summary").click();
    const saving = page.locator("#idle-saving");
    await expect
      .poll(() => saving.textContent())
      .toMatch(/^3 servers look idle; retiring them would save \$[\d,]+ over 5 years\.$/);
    const offered = (await saving.textContent())?.match(/\$[\d,]+/)?.[0];
    expect(await page.locator("#sizing-summary").textContent()).toContain(
      "43 servers: measured p95 × 1.3"
    );
    await page.click("#idle-retire");
    await waitForPreview(page);
    await expect
      .poll(() => saving.textContent())
      .toBe(
        `3 idle servers retired — saving ${offered} over 5 years, its own line in the cash flow.`
      );
    expect(await page.locator("#recommendation").textContent()).toContain("retiring 3 idle");
    await page.locator("#server-details").scrollIntoViewIfNeeded();
    await shot(page, "idle-retired");
  });

  it("lists the assumptions to check, changed inputs first", async () => {
    const { page } = pane;
    await page.locator("#assumptions > summary").click();
    const changed = page.locator('#assumptions li[data-path="finance.discountRate"]');
    await expect.poll(() => changed.count()).toBe(1);
    expect(await changed.textContent()).toContain("8 %");
    expect(await changed.textContent()).toContain("Default: 7 %");
    expect(Number(await page.locator("#assumptions-count").textContent())).toBe(
      await page.locator("#assumptions li").count()
    );
    await page.locator("#assumptions").scrollIntoViewIfNeeded();
    await shot(page, "assumptions");
    expect(await seriousViolations(page)).toEqual([]);
    expect(pane.errors).toEqual([]);
    expect(pane.httpErrors).toEqual([]);
  });

  it("downloads the slides, loading the slides writer only when asked", async () => {
    const { page } = pane;
    const slidesChunk = (r: string) => /\/slides\.[0-9a-f]+\.js$/.test(r);
    expect(server.requests.some(slidesChunk)).toBe(false);
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.click("#download-slides"),
    ]);
    expect(download.suggestedFilename()).toBe("fabrikam-file-estate-onto-s2d.pptx");
    const parts = await pptxParts(download, "taskpane-slides.pptx");
    expect(parts).toContain("ppt/presentation.xml");
    expect(
      parts.filter((p) => /^ppt\/charts\/chart\d+\.xml$/.test(p)).length
    ).toBeGreaterThanOrEqual(5);
    expect(server.requests.some(slidesChunk)).toBe(true);
    await expect
      .poll(() => page.locator("#result-text").textContent())
      .toMatch(/^Downloaded fabrikam-file-estate-onto-s2d\.pptx \(\d+ slides\)\.$/);
  });
});

describe("leaving VMware: every path priced against the renewal", () => {
  const pane = sharedPane("npm");
  const LEAVING = join(REPO_ROOT, "assets", "examples", "leaving-vmware-2027.json");
  const json = () => JSON.parse(readFileSync(LEAVING, "utf8")) as Record<string, unknown>;
  /** The engine's analysis of the example with `edit` applied: what the pane must show. */
  const engine = (edit: (j: Record<string, Record<string, unknown>>) => void = () => {}) => {
    const j = json() as Record<string, Record<string, unknown>>;
    edit(j);
    const parsed = parseScenario(j);
    if (!parsed.ok) throw new Error(parsed.issues.map((i) => i.message).join("; "));
    return analyze(parsed.scenario, { sensitivity: false });
  };
  const usd = (d: Dec) => formatMoney(roundWhole(d).toNumber(), "USD");
  const baselineTco = (page: Page) => page.locator("#figures tr.physical td:nth-child(3)");

  it("shows each path's TCO beside the renewal's, the renewal date and the licences owned", async () => {
    const { page } = pane;
    await page.setInputFiles("#import-json-file", LEAVING);
    await expect
      .poll(() => page.locator("#status").textContent())
      .toContain("Loaded leaving-vmware-2027.json");
    await waitForPreview(page);
    const a = engine();
    expect(await page.locator("#figures tr.physical th").textContent()).toBe(a.baselineLabel);
    expect(await baselineTco(page).textContent()).toBe(usd(a.physical.total));
    for (const o of a.options.filter((x) => x.eligible))
      expect(await tcoOf(page, o.id).textContent()).toBe(usd(o.costs.total));
    // Not a hidden $0: the owned licences, as entered, under the figures.
    expect(await page.locator("#owned-note").textContent()).toContain(
      "320 Datacenter cores and 0 Standard cores with Software Assurance"
    );
    expect(await page.locator("#renewal-date").textContent()).toBe(
      "VMware renewal 2027-09-30: month 8 from the start (2027-01-04)."
    );
    expect(await page.locator("#renewal-move").textContent()).toContain(
      "25 VMs a month from month 2"
    );
    // Licences and dual running per path, the figures evaluate prints.
    for (const o of a.options.filter((x) => x.eligible)) {
      const cells = await page
        .locator(`#renewal-figures tr[data-option="${o.id}"] td`)
        .allTextContents();
      expect(cells).toEqual([usd(o.licensing.total), usd(o.transition)]);
    }
    // The savings chart marks the renewal date (drawn between the year-end points: month 8 of year 1).
    expect(await page.locator("#chart-payback").getAttribute("aria-label")).toContain(
      "; VMware renewal 2027-09-30 marked in year 1"
    );
    await page.locator("#chart-payback").screenshot({
      path: join(ARTIFACTS, "taskpane-leaving-vmware-savings-chart.png"),
    });
    await page.locator("#preview").scrollIntoViewIfNeeded();
    await shot(page, "leaving-vmware-result", true);
    // The details: a $0 Datacenter line names the owned cores; Azure Local says why it bills nothing.
    await page.locator("#option-details > summary").click();
    await page.selectOption("#detail-option", "datacenter");
    await expect
      .poll(() =>
        page.locator('#detail-licences tr[data-sku="ws2025-datacenter-2core"] .basis').textContent()
      )
      .toContain("already owned (licensing.owned)");
    await page.selectOption("#detail-option", "azure-local");
    await expect.poll(() => page.locator("#detail-no-licences").isVisible()).toBe(true);
    expect(await page.locator("#option-details").textContent()).toContain(
      "Azure Hybrid Benefit: 320 owned Datacenter cores with Software Assurance"
    );
    await page.locator("#option-details").scrollIntoViewIfNeeded();
    await shot(page, "leaving-vmware-details");
  });

  it("edits every path's price and the renewal terms in the Platform and licensing section", async () => {
    const { page } = pane;
    await openSection(page, "licensing");
    for (const option of ["vcf", "vvf", "windows-payg", "azure-local", "datacenter", "standard"])
      expect(await page.isChecked(`#f-licensing-options-${option}`)).toBe(true);
    const values: [string, string][] = [
      ["#f-licensing-prices-vcf", "350"],
      ["#f-licensing-prices-vvf", "135"],
      ["#f-licensing-prices-windowsPayg", "33.58"],
      ["#f-licensing-prices-azureLocalHost", "10"],
      ["#f-licensing-prices-azureLocalWindows", "23.30"],
      ["#f-licensing-vmware-minimumCoresPerCpu", "16"],
      ["#f-licensing-vmware-minimumCoresPerOrder", "0"],
      ["#f-licensing-vmware-termYears", "1"],
      ["#f-licensing-vmware-lateRenewalPenalty", "20"],
      ["#f-licensing-vmware-renewalDate", "2027-09-30"],
      ["#f-licensing-vmware-vsanTiB", "40"],
      ["#f-licensing-owned-datacenterCores", "320"],
      ["#f-licensing-owned-standardCores", "0"],
    ];
    for (const [id, value] of values) expect(await page.inputValue(id)).toBe(value);
    expect(await page.isChecked("#f-licensing-owned-softwareAssurance")).toBe(true);
    expect(await page.isChecked("#f-licensing-azureHybridBenefit")).toBe(true);
    expect(await page.isChecked("#f-licensing-vmware-renewLate")).toBe(false);
    await page.locator("#grp-vmwareRenewal").scrollIntoViewIfNeeded();
    await shot(page, "leaving-vmware-licensing");
    await openSection(page, "finance");
    expect(await page.inputValue("#f-finance-startDate")).toBe("2027-01-04");
    expect(await page.inputValue("#f-finance-migrationVmsPerMonth")).toBe("25");
    expect(await page.inputValue("#f-finance-monthsBeforeFirstMove")).toBe("2");
    expect(await page.inputValue("#f-finance-baseline")).toBe("vcf");
  });

  it("moves the renewal's TCO by what the engine computes when the VCF price changes", async () => {
    const { page } = pane;
    const before = engine();
    await page.fill("#f-licensing-prices-vcf", "420");
    await waitForPreview(page);
    const after = engine((j) => {
      (j["licensing"]!["prices"] as Record<string, unknown>)["vcf"] = "420";
    });
    await expect.poll(() => baselineTco(page).textContent()).toBe(usd(after.physical.total));
    // 350 → 420 per core per year: staying costs more, and so does every path's renewal term.
    expect(after.physical.total.gt(before.physical.total)).toBe(true);
    for (const o of after.options.filter((x) => x.eligible))
      expect(await tcoOf(page, o.id).textContent()).toBe(usd(o.costs.total));
    // A renewal date in the past is refused at its field, with the engine's message.
    await page.fill("#f-licensing-vmware-renewalDate", "2026-12-01");
    const msg = page.locator("#f-licensing-vmware-renewalDate-msg");
    await expect.poll(() => msg.textContent()).toContain("before the start date 2027-01-04");
    await msg.scrollIntoViewIfNeeded();
    await shot(page, "leaving-vmware-invalid-date");
    await page.fill("#f-licensing-vmware-renewalDate", "2027-09-30");
    await waitForPreview(page);
    expect(await seriousViolations(page)).toEqual([]);
    expect(pane.errors).toEqual([]);
    expect(pane.httpErrors).toEqual([]);
  });

  it("fits Excel's 350 px pane: nothing wider than the pane but the inventory's own scroller", async () => {
    const { page } = pane;
    await page.setViewportSize({ width: 350, height: 900 });
    await waitForPreview(page);
    await openSection(page, "finance");
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      350
    );
    await page.locator("#preview").screenshot({ path: join(ARTIFACTS, "taskpane-350-result.png") });
    await page.locator("#grp-vmwareRenewal").screenshot({
      path: join(ARTIFACTS, "taskpane-350-vmware-renewal.png"),
    });
    await page
      .locator("#grp-owned")
      .screenshot({ path: join(ARTIFACTS, "taskpane-350-owned.png") });
    await page
      .locator("#sec-finance")
      .screenshot({ path: join(ARTIFACTS, "taskpane-350-finance.png") });
  });
});

describe("inline validation", () => {
  const pane = sharedPane("npm");

  it("shows a field's message next to it, lists what to fix and disables Generate", async () => {
    const { page } = pane;
    await page.locator("#sec-hostCluster-summary").click();
    await page.fill("#f-host-memoryGiB", "-4");
    const msg = page.locator("#f-host-memoryGiB-msg");
    await expect.poll(() => msg.isVisible()).toBe(true);
    expect(await msg.textContent()).toMatch(
      /Enter the host's RAM in GiB as a number above 0, not "-4"/
    );
    expect(await page.locator("#f-host-memoryGiB").getAttribute("aria-invalid")).toBe("true");
    expect(await page.locator("#generate").isDisabled()).toBe(true);
    expect(await page.locator("#fix-list").textContent()).toContain("Host RAM");
    expect(await page.locator("#sec-hostCluster .badge").textContent()).toBe("1 to fix");

    // An inventory cell: the message sits in the row beneath it.
    await page.fill("#inv-0-cores", "0");
    const rowMsg = page.locator("#inv-msg-0");
    await expect.poll(() => rowMsg.isVisible()).toBe(true);
    expect(await rowMsg.textContent()).toMatch(/Cores: Enter the server's physical cores/);
    expect(await page.locator("#fix-list li").count()).toBe(2);
    await page.locator("#fix-list").scrollIntoViewIfNeeded();
    await shot(page, "invalid", false);
    await page.locator("#f-host-memoryGiB").scrollIntoViewIfNeeded();
    await shot(page, "invalid-field", false);
    expect(await seriousViolations(page)).toEqual([]);

    // Keyboard: the fix list's link moves focus to the control.
    await page.locator("#fix-list a", { hasText: "Host RAM" }).focus();
    await page.keyboard.press("Enter");
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.id))
      .toBe("f-host-memoryGiB");

    await page.fill("#f-host-memoryGiB", "768");
    await page.fill("#inv-0-cores", "4");
    await expect.poll(() => page.locator("#generate").isDisabled()).toBe(false);
    expect(await page.locator("#fix-list").isHidden()).toBe(true);
  });

  it("shows every problem of an imported scenario at its control, and removes unknown fields", async () => {
    const { page } = pane;
    const bad = {
      schemaVersion: 1,
      platform: "ws2022",
      finance: { discountRate: "7%" },
      housing: { pue: "1.5", colour: "blue" },
      inventory: [{ name: "A", cores: 4, cpuGhz: "2.4", memoryGiB: "-8" }],
    };
    await page.setInputFiles("#import-json-file", {
      name: "bad.json",
      mimeType: "application/json",
      buffer: Buffer.from(JSON.stringify(bad)),
    });
    await expect
      .poll(() => page.locator("#status").textContent())
      .toMatch(/Loaded bad\.json; 3 inputs need fixing/);
    expect(await page.locator("#f-finance-discountRate-msg").textContent()).toContain(
      'the scenario holds "7%", where it needs a fraction; type 7 in this box'
    );
    expect(await page.locator("#inv-msg-0").textContent()).toContain("RAM");
    const fix = page.locator("#fix-list");
    expect(await fix.textContent()).toContain("housing.colour");
    await fix.getByRole("button", { name: "Remove it" }).click();
    await expect.poll(() => page.locator("#fix-list li").count()).toBe(2);
  });
});

describe("task pane when office.js cannot load", () => {
  it("falls back to the browser mode at once and still previews", async () => {
    const pane = await openPane(server.url, "blocked");
    try {
      await waitForPreview(pane.page);
      expect(await pane.page.locator("#app").getAttribute("data-host")).toBe("browser");
      expect(await pane.page.locator("#host-badge").textContent()).toMatch(
        /office\.js did not load/
      );
      expect(await pane.page.locator("#generate").textContent()).toBe("Download .xlsx");
      // office.js fails to load (a console error of its own); our scripts throw nothing.
      expect(pane.errors.filter((e) => e.startsWith("pageerror:"))).toEqual([]);
    } finally {
      await pane.close();
    }
  });
});

describe("task pane when Office.onReady never answers", () => {
  it("gives up waiting after a few seconds and works as a web page", async () => {
    const pane = await openPane(server.url, "hang");
    try {
      await waitForPreview(pane.page);
      expect(await pane.page.locator("#host-badge").textContent()).toMatch(
        /did not answer in time/
      );
      expect(await pane.page.locator("#generate").isEnabled()).toBe(true);
      // The stub office.js has no CustomFunctions: the functions script must not throw.
      expect(pane.errors).toEqual([]);
    } finally {
      await pane.close();
    }
  });
});

describe("platform change and keyboard use", () => {
  const pane = sharedPane("npm");

  it("offers the new platform's default prices and hardware, and loads them only when asked", async () => {
    const { page } = pane;
    await page.locator("#sec-licensing-summary").click();
    await page.selectOption("#f-platform", "ws2008r2");
    const offer = page.locator("#platform-offer");
    await expect.poll(() => offer.isVisible()).toBe(true);
    expect(await offer.textContent()).toMatch(
      /Load the Windows Server 2008 R2 SP1 defaults .* values would change/
    );
    expect(await page.inputValue("#f-licensing-prices-datacenter")).toBe("6771"); // ws2025, the default platform: $6,771 per 16 cores
    await offer.scrollIntoViewIfNeeded();
    await shot(page, "platform-offer");
    await offer.getByRole("button", { name: "Load defaults" }).click();
    await expect.poll(() => page.inputValue("#f-licensing-prices-datacenter")).toBe("2405");
    expect(await page.inputValue("#f-host-memoryGiB")).toBe("96");
    expect(await offer.isHidden()).toBe(true);
    await waitForPreview(page);
  });

  it("is usable with the keyboard alone, with a visible focus", async () => {
    const { page } = pane;
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await page.evaluate(() => window.scrollTo(0, 0));
    // Tab to the Housing section's heading, open it with Enter, type a value.
    let found = false;
    for (let i = 0; i < 400 && !found; i++) {
      await page.keyboard.press("Tab");
      found = (await page.evaluate(() => document.activeElement?.id)) === "sec-housing-summary";
    }
    expect(found).toBe(true);
    const outline = await page.evaluate(
      () => getComputedStyle(document.activeElement as Element).outlineStyle
    );
    expect(outline).not.toBe("none");
    await page.keyboard.press("Enter");
    expect(await page.locator("#sec-housing").getAttribute("open")).not.toBeNull();
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => document.activeElement?.id)).toBe(
      "f-housing-electricityPerKWh"
    );
    await page.keyboard.press("Control+A");
    await page.keyboard.type("0.2");
    await waitForPreview(page);
    expect(await page.locator("#sec-housing-summary").textContent()).toContain("0.2 per kWh");
    // The focused field is on screen, not under the sticky footer.
    const clear = await page.evaluate(() => {
      const field = (document.activeElement as HTMLElement).getBoundingClientRect();
      const footer = (document.querySelector(".footer") as HTMLElement).getBoundingClientRect();
      return field.top >= 0 && field.bottom <= footer.top;
    });
    expect(clear).toBe(true);
    await shot(page, "keyboard-focus");
  });
});

describe("inventory import from pasted Excel rows", () => {
  const pane = sharedPane("npm");

  it("shows what the import excluded and assumed before it replaces the inventory", async () => {
    const { page } = pane;
    const rows = [
      ["Name", "Count", "OS", "Cores", "Core clock (GHz)", "Peak CPU", "RAM (GiB)"],
      ["APP-01", "2", "windows", "4", "2.6", "0.5", "16"],
      ["APP-02", "1", "linux", "8", "", "", "32"],
      ["DB-01", "1", "windows", "16", "3.0", "0.6", "128"],
    ];
    await page.click("#inv-paste-toggle");
    await page.fill("#inv-paste-text", rows.map((r) => r.join("\t")).join("\n"));
    await page.click("#inv-paste-read");
    const review = page.locator("#inv-review");
    await expect.poll(() => review.isVisible()).toBe(true);
    expect(await review.textContent()).toMatch(/4 servers in 3 rows/);
    expect(await review.textContent()).toMatch(/Assumed/);
    // Nothing replaced yet.
    expect(await page.locator("#sec-inventory-summary").textContent()).toContain(
      "8 servers in 3 rows"
    );
    await review.scrollIntoViewIfNeeded();
    await shot(page, "import-review");
    expect(await seriousViolations(page)).toEqual([]);
    await page.click("#inv-review-accept");
    await expect
      .poll(() => page.locator("#sec-inventory-summary").textContent())
      .toContain("4 servers in 3 rows");
    await waitForPreview(page);
    expect(await page.inputValue("#inv-2-name")).toBe("DB-01");
  });

  it("asks for a column mapping when it does not recognise the columns", async () => {
    const { page } = pane;
    const rows = [
      ["Hostname", "Procs", "Mem MB", "Zone"],
      ["H1", "4", "8192", "a"],
      ["H2", "2", "4096", "b"],
    ];
    await page.click("#inv-paste-toggle");
    if (!(await page.locator("#inv-paste").isVisible())) await page.click("#inv-paste-toggle");
    await page.fill("#inv-paste-text", rows.map((r) => r.join("\t")).join("\n"));
    await page.click("#inv-paste-read");
    const mapping = page.locator("#inv-mapping");
    await expect.poll(() => mapping.isVisible()).toBe(true);
    await page.selectOption("#map-name", "Hostname");
    await page.selectOption("#map-cores", "Procs");
    await page.selectOption("#map-memoryGiB", "Mem MB");
    await page.selectOption("#map-unit-memory", "MiB");
    await mapping.scrollIntoViewIfNeeded();
    await shot(page, "column-mapping");
    await page.click("#map-apply");
    const review = page.locator("#inv-review");
    await expect.poll(() => review.isVisible()).toBe(true);
    expect(await review.textContent()).toMatch(/2 servers/);
    await page.click("#inv-review-accept");
    await expect.poll(() => page.inputValue("#inv-0-memoryGiB")).toBe("8");
  });
});

describe("task pane in Excel (a fake host served in place of office.js)", () => {
  const pane = sharedPane("fake-excel");

  it("generates the report through the Office.js writer, with progress and a clear result", async () => {
    const { page } = pane;
    expect(await page.locator("#app").getAttribute("data-host")).toBe("excel");
    expect(await page.locator("#generate").textContent()).toBe("Generate report");
    expect(await page.locator("#inv-workbook").isVisible()).toBe(true);
    await shot(page, "excel-ready");
    await page.evaluate(() => {
      const seen: string[] = ((window as unknown as { __progress: string[] }).__progress = []);
      const target = document.getElementById("progress-text") as HTMLElement;
      // Every text the progress line showed: a text node added or removed, or the text a rewrite
      // replaced (records arrive after the fact, when a rewritten node holds the latest text).
      new MutationObserver((records) => {
        for (const r of records)
          if (r.type === "characterData") seen.push(r.oldValue ?? "");
          else for (const n of [...r.addedNodes, ...r.removedNodes]) seen.push(n.textContent ?? "");
      }).observe(target, {
        childList: true,
        characterData: true,
        characterDataOldValue: true,
        subtree: true,
      });
    });
    // Slow syncs down so the writing state can be seen.
    await page.evaluate(
      () =>
        ((
          window as unknown as { __fakeExcel: { state: { syncDelayMs: number } } }
        ).__fakeExcel.state.syncDelayMs = 400)
    );
    await page.click("#generate");
    await expect.poll(() => page.locator("#progress").isVisible()).toBe(true);
    expect(await page.locator("#app").getAttribute("data-phase")).toBe("writing");
    expect(await page.locator("#generate").isDisabled()).toBe(true);
    await page.waitForFunction(() =>
      /Writing TCO/.test(document.getElementById("progress-text")?.textContent ?? "")
    );
    await shot(page, "excel-writing");
    const result = page.locator("#result-text");
    await expect
      .poll(() => result.textContent(), { timeout: 60_000 })
      .toMatch(/^Report written to 8 sheets — open TCO Summary/);
    const fake = await page.evaluate(() => {
      const f = (
        window as unknown as {
          __fakeExcel: {
            sheetNames(): string[];
            state: { syncs: number; active: string };
            charts: unknown[];
          };
        }
      ).__fakeExcel;
      return {
        sheets: f.sheetNames(),
        syncs: f.state.syncs,
        active: f.state.active,
        charts: f.charts.length,
      };
    });
    for (const s of SHEET_ORDER) expect(fake.sheets).toContain(s);
    expect(fake.active).toBe(SHEETS.summary);
    expect(fake.charts).toBeGreaterThan(0);
    const progress = await page.evaluate(
      () => (window as unknown as { __progress: string[] }).__progress
    );
    expect(progress).toContain(`Writing ${SHEETS.summary} (1 of 8)…`);
    expect(progress.some((t) => /\(8 of 8\)/.test(t))).toBe(true);
    expect(await page.locator("#result-open").textContent()).toBe("Open TCO Summary");
    await shot(page, "excel-done");
    expect(await seriousViolations(page)).toEqual([]);
    expect(pane.errors).toEqual([]);
  });

  it("imports the workbook's TCO Inventory table, after showing what it read", async () => {
    const { page } = pane;
    await page.click("#inv-workbook");
    const review = page.locator("#inv-review");
    await expect.poll(() => review.isVisible()).toBe(true);
    expect(await review.textContent()).toMatch(/Check the import: TCO Inventory/);
    expect(await review.textContent()).toMatch(/8 servers in 3 rows/);
    await page.click("#inv-review-accept");
    await expect
      .poll(() => page.locator("#status").textContent())
      .toBe("Inventory replaced: 8 servers.");
    await waitForPreview(page);
  });

  it("reloads the inputs when TCO Inputs is edited in the sheet", async () => {
    const { page } = pane;
    const cell = await page.evaluate(() =>
      (
        window as unknown as { __fakeExcel: { inputCell(k: string): string | null } }
      ).__fakeExcel.inputCell("finance.discountRate")
    );
    expect(cell).toMatch(/^C\d+$/);
    await page.evaluate(
      (address) =>
        (
          window as unknown as { __fakeExcel: { edit(s: string, a: string, v: unknown): void } }
        ).__fakeExcel.edit("TCO Inputs", address as string, 0.09),
      cell
    );
    await expect
      .poll(() => page.inputValue("#f-finance-discountRate"), { timeout: 10_000 })
      .toBe("9");
    expect(await page.locator("#status").textContent()).toMatch(/inputs reloaded/);
  });

  it("asks which inputs to keep when both the sheet and the pane changed", async () => {
    const { page } = pane;
    await page.locator("#sec-housing-summary").click();
    await page.fill("#f-housing-pue", "1.4");
    await waitForPreview(page);
    const cell = await page.evaluate(() =>
      (
        window as unknown as { __fakeExcel: { inputCell(k: string): string | null } }
      ).__fakeExcel.inputCell("manpower.adminHourlyRate")
    );
    await page.evaluate(
      (address) =>
        (
          window as unknown as { __fakeExcel: { edit(s: string, a: string, v: unknown): void } }
        ).__fakeExcel.edit("TCO Inputs", address as string, 99),
      cell
    );
    await expect
      .poll(() => page.locator("#status").textContent(), { timeout: 10_000 })
      .toMatch(/TCO Inputs changed in the sheet/);
    expect(await page.inputValue("#f-housing-pue")).toBe("1.4");
    await page.click("#generate");
    await expect
      .poll(() => page.locator("#result-text").textContent())
      .toMatch(/Both the TCO Inputs sheet and this pane have changes/);
    await shot(page, "excel-conflict");
    await page.click("#result-overwrite");
    await expect
      .poll(() => page.locator("#result-text").textContent(), { timeout: 60_000 })
      .toMatch(/^Report written to 8 sheets/);
    const rate = await page.evaluate(() => {
      const f = (
        window as unknown as {
          __fakeExcel: { inputCell(k: string): string | null; cell(s: string, a: string): unknown };
        }
      ).__fakeExcel;
      return f.cell("TCO Inputs", f.inputCell("housing.pue") as string);
    });
    expect(Number(rate)).toBe(1.4);
  });

  it("downloads the slides in Excel too", async () => {
    const { page } = pane;
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.click("#download-slides"),
    ]);
    const parts = await pptxParts(download, "taskpane-excel-slides.pptx");
    expect(
      parts.filter((p) => /^ppt\/charts\/chart\d+\.xml$/.test(p)).length
    ).toBeGreaterThanOrEqual(5);
    expect(pane.errors).toEqual([]);
  });
});

describe("which host to buy in the pane", () => {
  const pane = sharedPane("npm");
  const SWEEP = join(REPO_ROOT, "assets", "examples", "host-sweep-2025.json");

  it("shows the host bought per option, follows a candidate's price edit, and writes TCO Hosts", async () => {
    const { page } = pane;
    await page.setInputFiles("#import-json-file", SWEEP);
    await expect
      .poll(() => page.locator("#status").textContent())
      .toContain("Loaded host-sweep-2025.json");
    await waitForPreview(page);
    const datacenter = page.locator('#host-sweep [data-option="datacenter"] summary');
    expect(await datacenter.textContent()).toContain("2 × 24c / 768 GiB");
    await page.locator("#sec-hostOptions-summary").click();
    expect(await page.locator("#host-options tbody tr").count()).toBe(6);
    expect(await seriousViolations(page)).toEqual([]);
    // 2 × 16c / 512 GiB at $10,000 instead of $20,000: 8 hosts × $10,000 × (1 + 5 × 10 %)
    // = $120,000 less, so Datacenter's 1,644,246 becomes 1,524,246 < 1,641,790: it is bought.
    await page.fill("#hostopt-2-price", "10000");
    await waitForPreview(page);
    await expect.poll(() => datacenter.textContent()).toContain("2 × 16c / 512 GiB");
    await shot(page, "browser-host-sweep", true);
    const [download] = await Promise.all([page.waitForEvent("download"), page.click("#generate")]);
    const file = join(ARTIFACTS, "taskpane-host-sweep.xlsx");
    await download.saveAs(file);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    expect(wb.worksheets.map((w) => w.name)).toContain(SHEETS.hosts);
  });
});
