import officeAddins from "eslint-plugin-office-addins";
import tseslint from "typescript-eslint";

export default [
  { ignores: ["dist/", "node_modules/", "coverage/", "test-artifacts/", "**/*.js", "**/*.cjs"] },
  ...officeAddins.configs.recommended,
  {
    files: ["**/*.ts", "**/*.mts"],
    languageOptions: { parser: tseslint.parser, ecmaVersion: "latest", sourceType: "module" },
    rules: { "no-undef": "off", "no-redeclare": "off" },
  },
  {
    // The engine stays pure: no Office, DOM, Node or chart.js (test/architecture.test.ts enforces it too).
    files: ["src/{money,scenario,platform,capacity,licensing,tco,finance,report}/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        { patterns: ["node:*", "fs", "chart.js", "chart.js/*", "hyperformula"] },
      ],
    },
  },
  {
    files: ["src/**/*.ts"],
    rules: { "no-restricted-imports": ["error", { paths: ["hyperformula"] }] },
  },
];
