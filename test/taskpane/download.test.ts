// @vitest-environment happy-dom
/**
 * The pane's .xlsx download carries the ownership tags `buildReport` puts into every plan:
 * one hidden `hvtco_own_<sheet>` name per sheet, pointing at the whole sheet — so a workbook
 * downloaded from the pane is recognised as the planner's when the add-in opens it later.
 * The file is caught where the pane hands it to the browser (`URL.createObjectURL`).
 */
import JSZip from "jszip";
import { afterEach, describe, expect, it, vi } from "vitest";
import { ownTagName, sheetTagFormula } from "../../src/report/ownershipTags";
import { parseScenario, defaultScenarioJson } from "../../src/scenario";
import { downloadReport } from "../../src/taskpane/download";

afterEach(() => vi.restoreAllMocks());

describe("the pane's report download", () => {
  it("tags every sheet as the planner's, as hidden defined names over the whole sheet", async () => {
    const parsed = parseScenario({
      ...defaultScenarioJson("ws2022"),
      inventory: [{ name: "FILE-01", cores: 4, cpuGhz: "2.4", memoryGiB: "8" }],
    });
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
    const blobs: Blob[] = [];
    vi.spyOn(URL, "createObjectURL").mockImplementation((blob) => {
      blobs.push(blob as Blob);
      return "blob:report";
    });
    vi.spyOn(URL, "revokeObjectURL").mockImplementation(() => undefined);

    const sheets = await downloadReport(parsed.scenario, "report.xlsx");

    expect(blobs).toHaveLength(1);
    const zip = await JSZip.loadAsync(new Uint8Array(await (blobs[0] as Blob).arrayBuffer()));
    const workbook = await zip.file("xl/workbook.xml")?.async("string");
    const names = [
      ...(workbook ?? "").matchAll(/<definedName ([^>]*)>([^<]*)<\/definedName>/g),
    ].map((m) => ({ attrs: m[1] ?? "", ref: (m[2] ?? "").replace(/&apos;/g, "'") }));
    expect(sheets.length).toBeGreaterThanOrEqual(7);
    for (const sheet of sheets) {
      const tag = names.find((n) => n.attrs.includes(`name="${ownTagName(sheet)}"`));
      expect(tag, `tag of ${sheet}`).toBeDefined();
      expect(tag?.attrs).toContain('hidden="1"');
      expect(tag?.ref).toBe(sheetTagFormula(sheet).slice(1));
    }
  }, 120_000);
});
