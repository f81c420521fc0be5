/** Paths the tests and benchmarks share. The team's shared data sits beside the repository. */
import { existsSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

/** The repository root. */
export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..", "..");

/** `../shared` (data, schemas, references); override with HVTCO_SHARED. */
export const SHARED_DIR = process.env["HVTCO_SHARED"] ?? resolve(REPO_ROOT, "..", "shared");

/** A path inside the shared folder. */
export function shared(...parts: string[]): string {
  return join(SHARED_DIR, ...parts);
}

/** True when the shared folder is present (it is on our machines and in CI). */
export function hasShared(...parts: string[]): boolean {
  return existsSync(shared(...parts));
}
