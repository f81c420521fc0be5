/**
 * Regenerate the committed scenario assets from the code:
 * `assets/scenario.schema.json` and `assets/examples/*.json`.
 *
 *   npx tsx test/scenario/write-assets.ts
 *
 * Tests (`jsonSchema.test.ts`, `examples.test.ts`) fail when a file is out of step.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { scenarioJsonSchema } from "../../src/scenario";
import { REPO_ROOT } from "../support/paths";
import { EXAMPLES, formatScenarioJson } from "./exampleScenarios";

/** The schema file's exact text. */
export function schemaFileText(): string {
  return `${JSON.stringify(scenarioJsonSchema(), null, 2)}\n`;
}

export const SCHEMA_FILE = join(REPO_ROOT, "assets", "scenario.schema.json");
export const EXAMPLES_DIR = join(REPO_ROOT, "assets", "examples");

function writeAll(): void {
  writeFileSync(SCHEMA_FILE, schemaFileText());
  console.log(`wrote ${SCHEMA_FILE}`);
  mkdirSync(EXAMPLES_DIR, { recursive: true });
  for (const [file, build] of Object.entries(EXAMPLES)) {
    writeFileSync(join(EXAMPLES_DIR, file), formatScenarioJson(build()));
    console.log(`wrote ${join(EXAMPLES_DIR, file)}`);
  }
}

// Run only as a script, not when a test imports the helpers above.
if (process.argv[1] !== undefined && /write-assets\.ts$/.test(process.argv[1])) writeAll();
