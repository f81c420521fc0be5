/**
 * Loaders for the vector packing benchmark instances with known optima
 * (Caprara–Toth 2-D set and the Mommessin et al. 3/5-D sets; see the data README).
 * The data lives outside the repository; set VECTOR_PACKING_DATA to its folder to move it.
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parseVbp, type PackingProblem } from "../../../src/capacity/packing";
import { shared } from "../../support/paths";

/** Folder holding `ct2dvpp/`, `multidim/` and the optima CSV files. */
export const VECTOR_PACKING_DATA =
  process.env["VECTOR_PACKING_DATA"] ?? shared("data", "vector-packing");

/** True when the benchmark data folder is present. */
export function hasPackingData(): boolean {
  return existsSync(join(VECTOR_PACKING_DATA, "ct2dvpp_optima.csv"));
}

/** One benchmark instance with its known optimum. */
export interface BenchmarkInstance {
  readonly file: string;
  readonly group: string;
  readonly optimum: number;
  readonly problem: PackingProblem;
  /**
   * Negative sizes replaced by 0 (5 triplet files carry one size of -1 or -2, a generator
   * artefact; the packing core accepts demands ≥ 0 only). Raising a size can only make the
   * instance harder, so the stated optimum may then be unreachable by one bin.
   */
  readonly clampedNegatives: number;
  /** Other columns of the optima row, by header name. */
  readonly row: Readonly<Record<string, string>>;
}

function readCsv(path: string): Record<string, string>[] {
  const [header, ...lines] = readFileSync(path, "utf8").trim().split(/\r?\n/);
  const names = (header ?? "").split(",");
  return lines.map((line) => {
    const cells = line.split(",");
    return Object.fromEntries(names.map((name, k) => [name, cells[k] ?? ""]));
  });
}

function load(folder: string, file: string): { problem: PackingProblem; clampedNegatives: number } {
  let clampedNegatives = 0;
  const text = readFileSync(join(VECTOR_PACKING_DATA, folder, file), "utf8").replace(
    /(^|\s)-\d+(?=\s|$)/g,
    (_, space: string) => {
      clampedNegatives++;
      return `${space}0`;
    }
  );
  const parsed = parseVbp(text);
  if ("error" in parsed) throw new Error(`${file}: ${parsed.error}`);
  return { problem: parsed, clampedNegatives };
}

/** The 400 Caprara–Toth instances; group = class "1".."10". */
export function capraraTothInstances(): BenchmarkInstance[] {
  return readCsv(join(VECTOR_PACKING_DATA, "ct2dvpp_optima.csv")).map((row) => ({
    file: row["file"]!,
    group: row["class"]!,
    optimum: Number(row["opt"]),
    ...load("ct2dvpp", row["file"]!),
    row,
  }));
}

/** The multidim instances of one set (`panigrahy-classes` or `triplets`); group = `class d=D`. */
export function multidimInstances(set: "panigrahy-classes" | "triplets"): BenchmarkInstance[] {
  return readCsv(join(VECTOR_PACKING_DATA, "multidim_optima.csv"))
    .filter((row) => row["set"] === set)
    .map((row) => ({
      file: row["file"]!,
      group: `${row["class"]!} d=${row["d"]!}`,
      optimum: Number(row["opt"]),
      ...load("multidim", row["file"]!),
      row,
    }));
}
