/**
 * The one text sanitiser against the XML 1.0 character rules (the Char production, XML 1.0
 * Fifth Edition §2.2), and where it guards: the scenario parser refuses such characters with
 * the place and the character named; both workbook writers replace any that reach them — so
 * U+FFFE in a name can no longer make `xl/sharedStrings.xml` not well-formed (reproduction 3).
 */
import { spawnSync } from "node:child_process";
import fc from "fast-check";
import { afterEach, describe, expect, it, vi } from "vitest";
import { writePlan } from "../../src/excel";
import { buildReport } from "../../src/report/build";
import type { WorkbookPlan } from "../../src/report/workbookPlan";
import {
  REPLACEMENT_CHAR,
  defaultScenarioJson,
  firstNonXmlChar,
  isXmlSafe,
  parseScenario,
  xmlSafeText,
} from "../../src/scenario";
import { analyze } from "../../src/tco";
import { buildDeck, writePptx } from "../../src/slides";
import { writeXlsx } from "../../src/xlsx";
import { escapeXml } from "../../src/xlsx/xml";
import { FakeExcel } from "../excel/fakeExcel";
import { hasXmllint } from "../support/xmllint";
import { unzipParts } from "../xlsx/packageChecks";

/** The Char production, written out code point by code point (independent of the regex under test). */
function isXmlChar(cp: number): boolean {
  return (
    cp === 0x9 ||
    cp === 0xa ||
    cp === 0xd ||
    (cp >= 0x20 && cp <= 0xd7ff) ||
    (cp >= 0xe000 && cp <= 0xfffd) ||
    (cp >= 0x10000 && cp <= 0x10ffff)
  );
}

/** Code points of a JS string, a lone surrogate counting as itself. */
const codePoints = (s: string): number[] => [...s].map((ch) => ch.codePointAt(0) as number);

/** Any UTF-16 string: lone surrogates, controls, U+FFFE/U+FFFF, astral characters. */
const anyText = fc.string({ unit: "binary", maxLength: 40 });

describe("xmlSafeText", () => {
  it("leaves only characters of the Char production, replacing each other one by U+FFFD", () => {
    fc.assert(
      fc.property(anyText, (s) => {
        const out = xmlSafeText(s);
        expect(codePoints(out).every(isXmlChar)).toBe(true);
        // One for one: as many code points as before, the good ones unchanged.
        const before = codePoints(s);
        const after = codePoints(out);
        expect(after).toHaveLength(before.length);
        before.forEach((cp, i) =>
          expect(after[i]).toBe(isXmlChar(cp) ? cp : REPLACEMENT_CHAR.codePointAt(0))
        );
        expect(isXmlSafe(out)).toBe(true);
        expect(isXmlSafe(s)).toBe(before.every(isXmlChar));
        expect(xmlSafeText(out)).toBe(out);
      }),
      { numRuns: 500 }
    );
  });

  it.each([
    ["U+FFFE", "a\uFFFEb", "U+FFFE", 2],
    ["U+FFFF", "\uFFFF", "U+FFFF", 1],
    ["a NUL", "x\u0000", "U+0000", 2],
    ["a lone high surrogate", "ab\uD800", "U+D800", 3],
    ["a lone low surrogate", "\uDC00z", "U+DC00", 1],
    ["a control after an astral character", "😀\u0007", "U+0007", 2],
  ])("names %s and where it is", (_what, text, codePoint, position) => {
    expect(firstNonXmlChar(text)).toEqual({ codePoint, position });
  });

  it("keeps tab, LF, CR, U+FFFD and astral characters as they are", () => {
    const text = "a\tb\nc\rd\uFFFD😀\uD7FF\uE000";
    expect(xmlSafeText(text)).toBe(text);
    expect(firstNonXmlChar(text)).toBeNull();
  });

  it("is what escapeXml uses: no forbidden character survives escaping", () => {
    expect(escapeXml('<a&"\uFFFE\u0001\uD800>')).toBe("&lt;a&amp;&quot;\uFFFD\uFFFD\uFFFD&gt;");
  });
});

describe("the scenario parser refuses what a workbook cannot store", () => {
  it.each([
    ["name", (j: Record<string, any>) => (j["name"] = "Plan\uFFFE 2026"), "name", 5],
    [
      "an inventory row's name",
      (j: Record<string, any>) => (j["inventory"][0].name = "FILE\u000701"),
      "inventory[0].name",
      5,
    ],
  ])("%s: the path, the character and its position", (_what, edit, path, position) => {
    const json = JSON.parse(JSON.stringify(defaultScenarioJson("ws2022"))) as Record<string, any>;
    edit(json);
    const result = parseScenario(json);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues).toHaveLength(1);
    expect(result.issues[0]?.path).toBe(path);
    expect(result.issues[0]?.message).toMatch(
      new RegExp(
        `^Remove the invisible character U\\+(FFFE|0007) \\(character ${position}\\) from .+: a workbook cannot store it\\.$`
      )
    );
  });
});

/** A real report plan with forbidden characters planted in cells, a sheet name, a chart title and a comment. */
function poisonedPlan(): WorkbookPlan {
  const parsed = parseScenario(defaultScenarioJson("ws2022"));
  if (!parsed.ok) throw new Error("default scenario invalid");
  const plan = buildReport(parsed.scenario, analyze(parsed.scenario, { sensitivity: false }));
  const bad = "x\uFFFE\uFFFF\u0001\uD800y";
  return {
    ...plan,
    scenarioName: `Plan ${bad}`,
    sheets: plan.sheets.map((s, i) => ({
      ...s,
      blocks: s.blocks.map((b, k) =>
        k === 0
          ? {
              ...b,
              cells: [[{ v: `cell ${bad}` }, ...(b.cells[0]?.slice(1) ?? [])], ...b.cells.slice(1)],
            }
          : b
      ),
      charts: s.charts.map((c) => ({ ...c, title: `${c.title} ${bad}` })),
      ...(i === 0 ? { purpose: `purpose ${bad}` } : {}),
    })),
    definedNames: plan.definedNames.map((d, i) => (i === 0 ? { ...d, comment: `note ${bad}` } : d)),
  };
}

describe("both writers make any text XML-safe", () => {
  afterEach(() => vi.unstubAllGlobals());

  it.skipIf(!hasXmllint())(
    ".xlsx: every part of the package is well-formed XML (xmllint), the text kept with U+FFFD",
    async () => {
      const parts = await unzipParts(await writeXlsx(poisonedPlan()));
      for (const [name, xml] of parts) {
        if (!name.endsWith(".xml") && !name.endsWith(".rels")) continue;
        const r = spawnSync("xmllint", ["--noout", "-"], { input: xml, encoding: "utf8" });
        expect(r.status, `${name}: ${r.stderr}`).toBe(0);
        expect(isXmlSafe(xml), name).toBe(true);
      }
      const strings = parts.get("xl/sharedStrings.xml") ?? "";
      expect(strings).toContain("cell x\uFFFD\uFFFD\uFFFD\uFFFDy");
    }
  );

  it.skipIf(!hasXmllint())(
    ".pptx: the slides writer's parts are well-formed whatever text the deck carries",
    async () => {
      const parsed = parseScenario(defaultScenarioJson("ws2022"));
      if (!parsed.ok) throw new Error("default scenario invalid");
      const analysis = analyze(parsed.scenario, { sensitivity: false });
      const deck = buildDeck(buildReport(parsed.scenario, analysis), analysis);
      const bad = "x\uFFFE\u0001\uD800y";
      const poisoned = {
        ...deck,
        title: `${deck.title} ${bad}`,
        slides: deck.slides.map((sl) => ({
          ...sl,
          title: `${sl.title} ${bad}`,
          takeaway: `${sl.takeaway} ${bad}`,
        })),
      };
      const parts = await unzipParts(await writePptx(poisoned));
      let checked = 0;
      for (const [name, xml] of parts) {
        if (!name.endsWith(".xml") && !name.endsWith(".rels")) continue;
        const r = spawnSync("xmllint", ["--noout", "-"], { input: xml, encoding: "utf8" });
        expect(r.status, `${name}: ${r.stderr}`).toBe(0);
        checked++;
      }
      expect(checked).toBeGreaterThan(10);
      expect([...parts.values()].some((x) => x.includes("x\uFFFD\uFFFD\uFFFDy"))).toBe(true);
    }
  );

  it("Office.js: no request carries a character Excel would refuse to store", async () => {
    const strings: string[] = [];
    const collect = (v: unknown): void => {
      if (typeof v === "string") strings.push(v);
      else if (Array.isArray(v)) v.forEach(collect);
      else if (typeof v === "object" && v !== null) Object.values(v).forEach(collect);
    };
    // failOn sees every command with its arguments: a spy that fails nothing.
    const fx = new FakeExcel({ failOn: (op) => (collect(op.args), false) });
    vi.stubGlobal("Excel", { run: fx.run });
    fx.addUserSheet("Sheet1");
    const result = await writePlan(poisonedPlan());
    expect(result.ok).toBe(true);
    expect(strings.length).toBeGreaterThan(100);
    expect(strings.filter((t) => !isXmlSafe(t))).toEqual([]);
    expect(strings).toContain("cell x\uFFFD\uFFFD\uFFFD\uFFFDy");
  });
});
