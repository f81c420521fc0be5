import boundaries from "eslint-plugin-boundaries";
import officeAddins from "eslint-plugin-office-addins";
import tseslint from "typescript-eslint";

/**
 * The map of the code (DESIGN.md "Shape"), enforced: one element per folder of src/, and the
 * folders each may import. The engine's parts form a chain inward; `report` builds on the
 * engine; the writers (Office.js, .xlsx, slides) on the report; the edges (task pane, CLI,
 * custom functions, ribbon commands) on whatever they drive. `inventory` is an input edge:
 * it turns export files into scenario rows, for the task pane and the CLI.
 * Anything not listed here is refused (default: disallow).
 */
const ENGINE = ["money", "platform", "scenario", "capacity", "licensing", "finance", "tco"];
const WRITERS = ["excel", "xlsx", "slides"];
const MAY_IMPORT = {
  money: [],
  platform: ["money"],
  scenario: ["money", "platform"],
  capacity: ["money", "platform", "scenario"],
  licensing: ["money", "platform", "scenario", "capacity"],
  finance: ["money"],
  tco: ["money", "platform", "scenario", "capacity", "licensing", "finance"],
  report: ENGINE,
  inventory: ["money", "platform", "scenario"],
  // Each writer interprets the WorkbookPlan; no writer imports another.
  excel: [...ENGINE, "report"],
  xlsx: [...ENGINE, "report"],
  slides: [...ENGINE, "report"],
  taskpane: [...ENGINE, "report", "inventory", ...WRITERS],
  cli: [...ENGINE, "report", "inventory", ...WRITERS],
  functions: ENGINE,
  commands: ENGINE,
};

/** Folders of src/ as boundary elements; `slides` also covers a writer named pptx or deck. */
const ELEMENTS = Object.keys(MAY_IMPORT).map((type) => ({
  type,
  pattern: type === "slides" ? "src/{slides,pptx,deck}" : `src/${type}`,
}));

/** Pure folders: no Office, DOM, Node or chart.js (the engine and the report builder). */
const PURE = [...ENGINE, "report"];
const BROWSER_AND_NODE_GLOBALS = ["Office", "Excel", "document", "window", "process", "navigator"];

export default [
  { ignores: ["dist/", "node_modules/", "coverage/", "test-artifacts/", "**/*.js", "**/*.cjs"] },
  ...officeAddins.configs.recommended,
  {
    files: ["**/*.ts", "**/*.mts"],
    languageOptions: { parser: tseslint.parser, ecmaVersion: "latest", sourceType: "module" },
    rules: { "no-undef": "off", "no-redeclare": "off" },
  },
  {
    // lit-html templates: text nodes are content (tests and screen readers read them), so
    // Prettier must not re-flow the HTML inside html`…` and add whitespace around text.
    files: ["src/taskpane/**/*.ts"],
    rules: {
      "prettier/prettier": ["error", { endOfLine: "auto", embeddedLanguageFormatting: "off" }],
      // The pane's functions stay small (issue 15): a template or a handler, not a page of both.
      "max-lines-per-function": ["error", { max: 120 }],
    },
  },
  {
    files: ["src/**/*.ts"],
    plugins: { boundaries },
    settings: {
      "import/resolver": { node: { extensions: [".ts", ".js", ".mjs", ".cjs"] } },
      "boundaries/elements": ELEMENTS,
      // `export … from` and `import()` count too: a lazy import is still an arrow on the map.
      "boundaries/dependency-nodes": ["import", "export", "dynamic-import"],
    },
    rules: {
      "boundaries/dependencies": [
        "error",
        {
          default: "disallow",
          policies: Object.entries(MAY_IMPORT).map(([from, to]) => ({
            from: { element: { type: from } },
            allow: { to: { element: [from, ...to].map((type) => ({ type })) } },
          })),
        },
      ],
      "boundaries/no-unknown-files": "error",
      // Files a reader can hold in mind (issue 15): split by concern past 600 lines.
      "max-lines": ["error", { max: 600 }],
      // hyperformula is a test-only oracle (GPLv3): never in a shipped bundle.
      "no-restricted-imports": ["error", { paths: ["hyperformula"] }],
    },
  },
  {
    files: [`src/{${PURE.join(",")}}/**/*.ts`],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          paths: ["hyperformula", "fs", "chart.js", "exceljs", "jszip"],
          patterns: ["node:*", "fs/*", "chart.js/*", "hyperformula/*"],
        },
      ],
      "no-restricted-globals": ["error", ...BROWSER_AND_NODE_GLOBALS],
      "no-restricted-properties": [
        "error",
        ...BROWSER_AND_NODE_GLOBALS.map((property) => ({ object: "globalThis", property })),
      ],
    },
  },
];
