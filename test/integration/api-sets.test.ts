/**
 * API-set conformance: every Office.js member the add-in touches is in a requirement set the
 * manifest declares (`<Sets>`: ExcelApi 1.9, SharedRuntime 1.1; CustomFunctionsRuntime 1.2,
 * which every host of those sets has), or sits behind an
 * `isSetSupported` check for the set it needs. No real Excel runs here, and a member from a
 * later set type-checks fine but throws in Excel 2021 (ExcelApi 1.9's Excel) — so this reads
 * each member's `[Api set: …]` tag from @types/office-js through the TypeScript compiler's own
 * symbol resolution, for every property access and call in `src/`. (In the integration
 * suite for its half-minute of type checking; it needs nothing external.)
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { REPO_ROOT } from "../support/paths";

/** The manifest's requirement sets: name → minimum version. */
function manifestSets(): Map<string, string> {
  const xml = readFileSync(join(REPO_ROOT, "manifest.xml"), "utf8");
  const block = /<Requirements>[\s\S]*?<\/Requirements>/.exec(xml)?.[0] ?? "";
  const out = new Map<string, string>();
  for (const m of block.matchAll(/<Set Name="([^"]+)" MinVersion="([^"]+)"\s*\/>/g))
    out.set(m[1] as string, m[2] as string);
  return out;
}

const versionAtMost = (v: string, max: string): boolean => {
  const a = v.split(".").map(Number);
  const b = max.split(".").map(Number);
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const x = a[i] ?? 0;
    const y = b[i] ?? 0;
    if (x !== y) return x < y;
  }
  return true;
};

interface Use {
  readonly where: string;
  readonly member: string;
  readonly set: string;
  readonly version: string;
}

/** `[Api set: ExcelApi 1.9]` from a declaration's doc comment; null when it has none. */
function apiSetOf(declaration: ts.Declaration): { set: string; version: string } | null {
  const text = declaration.getSourceFile().text;
  const ranges = ts.getLeadingCommentRanges(text, declaration.getFullStart()) ?? [];
  for (const r of ranges) {
    const m = /\[Api set: ([A-Za-z]+) ([\d.]+)\]/.exec(text.slice(r.pos, r.end));
    if (m) return { set: m[1] as string, version: m[2] as string };
  }
  return null;
}

/** The `isSetSupported("Set", "x.y")` / `supportsExcelApi("x.y")` checks guarding `node`. */
function guards(node: ts.Node): { set: string; version: string }[] {
  const out: { set: string; version: string }[] = [];
  for (let n: ts.Node | undefined = node; n; n = n.parent) {
    const p: ts.Node | undefined = n.parent;
    let condition: ts.Expression | undefined;
    if (p && ts.isIfStatement(p) && p.thenStatement === n) condition = p.expression;
    if (p && ts.isConditionalExpression(p) && p.whenTrue === n) condition = p.condition;
    if (
      p &&
      ts.isBinaryExpression(p) &&
      p.operatorToken.kind === ts.SyntaxKind.AmpersandAmpersandToken &&
      p.right === n
    )
      condition = p.left;
    if (!condition) continue;
    const text = condition.getText();
    for (const m of text.matchAll(/isSetSupported\(\s*"([A-Za-z]+)"\s*,\s*"([\d.]+)"\s*\)/g))
      out.push({ set: m[1] as string, version: m[2] as string });
    for (const m of text.matchAll(/supportsExcelApi\(\s*"([\d.]+)"\s*\)/g))
      out.push({ set: "ExcelApi", version: m[1] as string });
  }
  return out;
}

const FIXTURE = join(REPO_ROOT, "test", "fixtures", "api-sets", "violations.ts");

/** Every unguarded Office.js member `src/` (and the fixture) touches, with the set its declaration names. */
function officeUses(): Use[] {
  const configPath = join(REPO_ROOT, "tsconfig.json");
  const config = ts.readConfigFile(configPath, (p) => ts.sys.readFile(p));
  const parsed = ts.parseJsonConfigFileContent(config.config, ts.sys, REPO_ROOT);
  const roots = [
    ...parsed.fileNames.filter((f) => f.startsWith(join(REPO_ROOT, "src"))),
    FIXTURE.replace(/\\/g, "/"),
  ];
  const program = ts.createProgram(roots, { ...parsed.options, noEmit: true });
  const checker = program.getTypeChecker();
  const isOfficeTypes = (d: ts.Declaration): boolean =>
    /@types[\\/](office-js|office-runtime|custom-functions-runtime)[\\/]/.test(
      d.getSourceFile().fileName
    );
  const uses: Use[] = [];
  for (const sf of program.getSourceFiles()) {
    if (!roots.includes(sf.fileName)) continue;
    const visit = (node: ts.Node): void => {
      if (ts.isPropertyAccessExpression(node)) {
        let declarations: readonly ts.Declaration[] = [];
        const call = node.parent;
        if (call && ts.isCallExpression(call) && call.expression === node) {
          const d = checker.getResolvedSignature(call)?.declaration;
          if (d && !ts.isJSDocSignature(d)) declarations = [d];
        }
        if (declarations.length === 0)
          declarations = checker.getSymbolAtLocation(node.name)?.declarations ?? [];
        const d = declarations.find(isOfficeTypes);
        const tag = d ? apiSetOf(d) : null;
        if (tag) {
          const { line } = sf.getLineAndCharacterOfPosition(node.getStart());
          const where = `${sf.fileName.slice(REPO_ROOT.length + 1)}:${line + 1}`;
          const guarded = guards(node).some(
            (g) => g.set === tag.set && versionAtMost(tag.version, g.version)
          );
          if (!guarded) uses.push({ where, member: node.getText(), ...tag });
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(sf);
  }
  return uses;
}

/**
 * Sets every client of the manifest's sets has too. SharedRuntime 1.1 needs Microsoft 365
 * Version 2002, Office 2021 Version 2108, Mac 16.35 or the web; CustomFunctionsRuntime 1.2
 * (`CustomFunctions.Error` with a message) is in Version 1909, Office 2021 Version 2108 and
 * Mac 16.34 — so every host that loads the add-in has it (Microsoft Learn, "Custom Functions
 * requirement sets" and "Shared runtime requirement sets"). 1.3 needs Version 2008: not implied.
 */
const IMPLIED: ReadonlyMap<string, string> = new Map([["CustomFunctionsRuntime", "1.2"]]);

describe("Office.js API sets", () => {
  const sets = manifestSets();
  let all: Use[] = [];
  const beyondSets = (uses: readonly Use[]): Use[] =>
    uses.filter((u) => {
      const max = sets.get(u.set) ?? IMPLIED.get(u.set);
      return max === undefined || !versionAtMost(u.version, max);
    });

  it("reads the manifest's sets: ExcelApi 1.9 and SharedRuntime 1.1", () => {
    expect(Object.fromEntries(sets)).toEqual({ ExcelApi: "1.9", SharedRuntime: "1.1" });
  });

  it("finds a later-set member used bare, and only that, in a fixture", () => {
    all = officeUses();
    const fixture = all.filter((u) => u.where.startsWith("test/fixtures/api-sets/"));
    expect(
      beyondSets(fixture).map((u) => `${u.member.split(".").pop()} ${u.set} ${u.version}`)
    ).toEqual(["onSingleClicked ExcelApi 1.10"]);
    // The 1.9 member used bare is seen, and allowed.
    expect(
      fixture.some((u) => u.version === "1.9" && u.member.endsWith("getSpecialCellsOrNullObject"))
    ).toBe(true);
  });

  it("calls nothing beyond them in src/ unless an isSetSupported check guards it", () => {
    const uses = all.filter((u) => u.where.startsWith("src/"));
    // The check sees the writer and the pane's Excel calls (a sanity floor, not a count to keep).
    expect(uses.filter((u) => u.set === "ExcelApi").length).toBeGreaterThan(50);
    const beyond = beyondSets(uses);
    expect(
      beyond.map((u) => `${u.where} ${u.member}: ${u.set} ${u.version}`),
      "members from sets the manifest does not declare"
    ).toEqual([]);
  });
});
