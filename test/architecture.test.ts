/**
 * The house rules of DESIGN.md, enforced: the engine (`money`, `scenario`, `platform`,
 * `capacity`, `licensing`, `tco`, `finance`) and the report builder are pure TypeScript — no
 * Office, Excel, DOM, file system or process — and no source file imports hyperformula
 * (a test-only oracle) or, in the pure folders, chart.js.
 *
 * The check reads tokens, not text: comments, string literals and regular expressions are
 * stripped first, so a doc comment that mentions `document` or an error message that says
 * "Excel" is fine, while `${window.x}` inside a template literal is still caught.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { REPO_ROOT } from "./support/paths";

const PURE_FOLDERS = [
  "money",
  "scenario",
  "platform",
  "capacity",
  "licensing",
  "tco",
  "finance",
  "report",
] as const;

/** Source text with comments, strings and regexes blanked out, and the string literals it held. */
export interface StrippedSource {
  /** Code only; each string literal is replaced by `__STR<n>__`, comments and regexes by a space. */
  readonly code: string;
  readonly strings: readonly string[];
}

const REGEX_CAN_FOLLOW = new Set([
  "",
  "(",
  ",",
  "=",
  ":",
  "[",
  "!",
  "&",
  "|",
  "?",
  "{",
  "}",
  ";",
  "+",
  "-",
  "*",
  "%",
  "<",
  ">",
  "~",
  "^",
]);
const REGEX_AFTER_WORDS = new Set([
  "return",
  "typeof",
  "case",
  "do",
  "else",
  "in",
  "of",
  "delete",
  "void",
  "throw",
  "new",
  "yield",
  "await",
]);

/**
 * Strip a TypeScript/JavaScript source: a small scanner that knows line and block comments,
 * '…' and "…" strings, template literals (whose `${…}` expressions stay code) and regex literals.
 */
export function stripSource(source: string): StrippedSource {
  const strings: string[] = [];
  let code = "";
  let i = 0;
  // Template literals nest: each open `${` remembers the brace depth it closes at.
  const templateStack: number[] = [];
  let braceDepth = 0;

  const lastSignificant = (): string => {
    const trimmed = code.trimEnd();
    const word = /([A-Za-z_$][\w$]*)$/.exec(trimmed);
    if (word) return REGEX_AFTER_WORDS.has(word[1] as string) ? "" : "word";
    return trimmed.slice(-1);
  };

  /** Read a template literal body from i (just after ` or }), up to its end or the next `${`. */
  const readTemplate = (): void => {
    let text = "";
    while (i < source.length) {
      const ch = source[i] as string;
      if (ch === "\\") {
        text += source.slice(i, i + 2);
        i += 2;
      } else if (ch === "`") {
        i++;
        break;
      } else if (ch === "$" && source[i + 1] === "{") {
        i += 2;
        templateStack.push(braceDepth);
        braceDepth++;
        code += `__STR${strings.length}__\${`;
        strings.push(text);
        return;
      } else {
        text += ch;
        i++;
      }
    }
    code += `__STR${strings.length}__`;
    strings.push(text);
  };

  while (i < source.length) {
    const ch = source[i] as string;
    const next = source[i + 1];
    if (ch === "/" && next === "/") {
      while (i < source.length && source[i] !== "\n") i++;
      code += " ";
    } else if (ch === "/" && next === "*") {
      const end = source.indexOf("*/", i + 2);
      i = end === -1 ? source.length : end + 2;
      code += " ";
    } else if (ch === "'" || ch === '"') {
      let text = "";
      i++;
      while (i < source.length && source[i] !== ch && source[i] !== "\n") {
        if (source[i] === "\\") {
          text += source.slice(i, i + 2);
          i += 2;
        } else {
          text += source[i];
          i++;
        }
      }
      i++;
      code += `__STR${strings.length}__`;
      strings.push(text);
    } else if (ch === "`") {
      i++;
      readTemplate();
    } else if (
      ch === "}" &&
      templateStack.length > 0 &&
      templateStack[templateStack.length - 1] === braceDepth - 1
    ) {
      templateStack.pop();
      braceDepth--;
      code += "}";
      i++;
      readTemplate();
    } else if (ch === "/" && REGEX_CAN_FOLLOW.has(lastSignificant())) {
      // a regular expression literal: skip to its closing slash (outside a character class)
      let inClass = false;
      i++;
      while (i < source.length && source[i] !== "\n") {
        const c = source[i];
        if (c === "\\") i += 2;
        else {
          if (c === "[") inClass = true;
          else if (c === "]") inClass = false;
          else if (c === "/" && !inClass) break;
          i++;
        }
      }
      i++;
      while (i < source.length && /[a-z]/i.test(source[i] as string)) i++; // flags
      code += " ";
    } else {
      if (ch === "{") braceDepth++;
      else if (ch === "}") braceDepth--;
      code += ch;
      i++;
    }
  }
  return { code, strings };
}

/** Module specifiers a stripped source imports: import/export … from, import(), import "x", require(). */
export function importSpecifiers(stripped: StrippedSource): string[] {
  const out: string[] = [];
  const patterns = [
    /\b(?:import|export)\b[^;]*?\bfrom\s*__STR(\d+)__/g,
    /\bimport\s*__STR(\d+)__/g,
    /\bimport\s*\(\s*__STR(\d+)__/g,
    /\brequire\s*\(\s*__STR(\d+)__/g,
  ];
  for (const pattern of patterns) {
    for (const m of stripped.code.matchAll(pattern))
      out.push(stripped.strings[Number(m[1])] as string);
  }
  return out;
}

interface Rule {
  readonly name: string;
  readonly pattern: RegExp;
}

/** Identifiers the pure engine must not touch (a property `.document` of something else is fine). */
const FORBIDDEN_CODE: readonly Rule[] = [
  { name: "Office", pattern: /(?<![.\w$])Office\s*\.|\btypeof\s+Office\b/ },
  { name: "Excel", pattern: /(?<![.\w$])Excel\s*\.|\btypeof\s+Excel\b/ },
  { name: "document", pattern: /(?<![.\w$])document\b/ },
  { name: "window", pattern: /(?<![.\w$])window\b/ },
  { name: "process", pattern: /(?<![.\w$])process\b/ },
  {
    name: "globalThis access",
    pattern: /\bglobalThis\s*\.\s*(?:document|window|process|Office|Excel)\b/,
  },
];

const FORBIDDEN_IN_PURE: readonly Rule[] = [
  { name: "fs", pattern: /^(?:node:)?fs(?:\/|$)/ },
  { name: "process", pattern: /^(?:node:)?process$/ },
  { name: "chart.js", pattern: /^chart\.js(?:\/|$)/ },
  { name: "hyperformula", pattern: /^hyperformula(?:\/|$)/ },
];
const FORBIDDEN_EVERYWHERE: readonly Rule[] = [
  { name: "hyperformula", pattern: /^hyperformula(?:\/|$)/ },
];

const GLOBAL_NAMES = "document|window|process|Office|Excel";

/**
 * Code with the names that are not the globals taken out: object keys and interface members
 * (`{ window: 3 }`, `readonly document?: X`), and names the file declares itself
 * (`const window = …`, a parameter `(window: number)`), which shadow the global.
 */
function withoutLocalNames(code: string): string {
  const declared = new Set<string>();
  const declarations = [
    new RegExp(`\\b(?:const|let|var|function|class)\\s+(${GLOBAL_NAMES})\\b`, "g"),
    // a parameter; an object key after a comma looks the same and is let through too
    new RegExp(`[(,]\\s*(${GLOBAL_NAMES})\\s*\\??\\s*[:,)=]`, "g"),
  ];
  for (const pattern of declarations)
    for (const m of code.matchAll(pattern)) declared.add(m[1] as string);
  let out = code.replace(
    new RegExp(`([{,;]\\s*(?:readonly\\s+)?)(${GLOBAL_NAMES})(\\??\\s*:)`, "g"),
    "$1__key__$3"
  );
  for (const name of declared)
    out = out.replace(new RegExp(`(?<![.\\w$])${name}\\b`, "g"), "__local__");
  return out;
}

/** Every rule a source breaks, as "name: excerpt" lines (empty when clean). */
export function violations(source: string, pure: boolean): string[] {
  const stripped = stripSource(source);
  const found: string[] = [];
  if (pure) {
    const code = withoutLocalNames(stripped.code);
    for (const rule of FORBIDDEN_CODE) {
      const m = rule.pattern.exec(code);
      if (m)
        found.push(
          `uses ${rule.name}: …${code.slice(Math.max(0, m.index - 20), m.index + 30).replace(/\s+/g, " ")}…`
        );
    }
  }
  for (const spec of importSpecifiers(stripped)) {
    for (const rule of pure ? FORBIDDEN_IN_PURE : FORBIDDEN_EVERYWHERE) {
      if (rule.pattern.test(spec)) found.push(`imports ${spec} (${rule.name})`);
    }
  }
  return found;
}

function sourceFiles(dir: string): string[] {
  let entries: string[];
  try {
    entries = readdirSync(dir);
  } catch {
    return [];
  }
  return entries.flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.(?:[cm]?[jt]sx?)$/.test(name) && !name.endsWith(".d.ts") ? [path] : [];
  });
}

const SRC = join(REPO_ROOT, "src");

describe("architecture: the engine is pure", () => {
  const pureFiles = PURE_FOLDERS.flatMap((folder) => sourceFiles(join(SRC, folder)));

  it("finds the engine's source files", () => {
    expect(pureFiles.length).toBeGreaterThan(5);
    expect(pureFiles.some((f) => f.includes(`${join("src", "scenario")}`))).toBe(true);
  });

  it("never references Office, Excel, document, window, process, fs or chart.js in money, scenario, platform, capacity, licensing, tco, finance, report", () => {
    const problems = pureFiles.flatMap((file) =>
      violations(readFileSync(file, "utf8"), true).map((v) => `${relative(REPO_ROOT, file)}: ${v}`)
    );
    expect(problems).toEqual([]);
  });

  it("never imports hyperformula anywhere under src/ (a test-only oracle)", () => {
    const problems = sourceFiles(SRC).flatMap((file) =>
      violations(readFileSync(file, "utf8"), false).map((v) => `${relative(REPO_ROOT, file)}: ${v}`)
    );
    expect(problems).toEqual([]);
  });
});

describe("architecture checker (self-test on planted code)", () => {
  const CLEAN = [
    "/** Writes to the document via Office.js — but not here. */",
    "// window, process.env and Excel.run are mentioned in this comment only",
    "const label = 'document.title and window.open';",
    'const hint = "Excel.run is the writer\'s job";',
    "const re = /document|window|process\\.env/g;",
    "const ratio = total / count / 2; // a division, not a regex",
    "const t = `template text mentioning window and Office.context`;",
    "const node = { document: 1 }.document; // a property named document",
    "export const MESSAGES = { excel: 'Excel' };",
    "interface Pane { readonly window?: number; document: string }",
    "const window2 = 1; const processed = window2; // names that merely contain a global's name",
  ].join("\n");

  it("treats a local variable named like a global as the local it is", () => {
    // src/capacity/packing/localSearch.ts has `const window = Math.min(…)`: a sliding window, not the DOM
    // (file-wide, not per scope: a file that declares its own `window` may use that name anywhere)
    expect(
      violations("const window = Math.min(3, 4); for (let i = 0; i < window; i++) {}", true)
    ).toEqual([]);
    expect(
      violations(
        "function slide(items: number[], window: number): number { return window * items.length; }",
        true
      )
    ).toEqual([]);
    expect(violations("const w = window.innerWidth;", true)).not.toEqual([]);
  });

  it("lets comments, strings, regexes and property names through", () => {
    expect(violations(CLEAN, true)).toEqual([]);
  });

  it.each([
    ["a DOM global", "document.title = 'x';", /uses document/],
    ["window", "const w = window;", /uses window/],
    ["process", "const home = process.env.HOME;", /uses process/],
    ["Office", "await Office.onReady();", /uses Office/],
    ["Excel", "await Excel.run(async (ctx) => ctx.sync());", /uses Excel/],
    ["typeof Office", "if (typeof Office !== 'undefined') {}", /uses Office/],
    ["globalThis.window", "const w = globalThis.window;", /uses globalThis access|uses window/],
    ["code inside a template expression", "const t = `a ${window.innerWidth} b`;", /uses window/],
    [
      "code after a nested template",
      "const t = `a ${`b ${1}`} c`; process.exit(1);",
      /uses process/,
    ],
    ["import of fs", 'import { readFileSync } from "fs";', /imports fs/],
    ["import of node:fs", 'import * as fs from "node:fs";', /imports node:fs/],
    [
      "import of fs/promises",
      "import { readFile } from 'node:fs/promises';",
      /imports node:fs\/promises/,
    ],
    ["require of fs", 'const fs = require("fs");', /imports fs/],
    [
      "dynamic import of chart.js",
      'const chart = await import("chart.js/auto");',
      /imports chart\.js\/auto/,
    ],
    ["side-effect import of chart.js", 'import "chart.js";', /imports chart\.js/],
    [
      "re-export of hyperformula",
      'export { HyperFormula } from "hyperformula";',
      /imports hyperformula/,
    ],
    ["a multi-line import", 'import {\n  a,\n  b,\n} from "node:fs";', /imports node:fs/],
  ])("catches %s", (_name, code, expected) => {
    const found = violations(`${CLEAN}\n${code}\n`, true);
    expect(found.length).toBeGreaterThan(0);
    expect(found.join("\n")).toMatch(expected);
  });

  it("catches hyperformula outside the engine too, but allows fs and process there", () => {
    expect(violations('import { HyperFormula } from "hyperformula";', false)).toEqual([
      "imports hyperformula (hyperformula)",
    ]);
    expect(
      violations('import { readFileSync } from "node:fs"; process.exitCode = 1;', false)
    ).toEqual([]);
  });

  it("strips strings but keeps them for import checks", () => {
    const s = stripSource("import x from \"a\"; const y = 'b'; const z = `c${d}e`;");
    expect(s.strings).toEqual(["a", "b", "c", "e"]);
    expect(s.code).not.toMatch(/["'`]/);
    expect(importSpecifiers(s)).toEqual(["a"]);
  });
});
