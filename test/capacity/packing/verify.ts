/**
 * Independent checker of a packing result (test oracle): recomputes every bin's load from the
 * assignment and lists each broken rule. Shared by the property and benchmark tests.
 */
import type { PackingProblem, PackingResult } from "../../../src/capacity/packing";

/** Relative slack allowed on non-integer data (the packing core's documented tolerance). */
const FLOAT_SLACK = 1e-9;

/** Every rule the result breaks, as readable strings; empty when the packing is valid. */
export function packingViolations(problem: PackingProblem, result: PackingResult): string[] {
  const problems: string[] = [];
  const d = problem.capacity.length;
  const fitsEmpty = (item: readonly number[]): boolean =>
    item.every((v, j) => v <= problem.capacity[j]! * (1 + FLOAT_SLACK));
  if (result.assignment.length !== problem.items.length) {
    return [`assignment has ${result.assignment.length} entries for ${problem.items.length} items`];
  }
  const load = Array.from({ length: result.bins }, () => new Array<number>(d).fill(0));
  const used = new Set<number>();
  problem.items.forEach((item, i) => {
    const b = result.assignment[i]!;
    if (b === -1) {
      if (fitsEmpty(item)) problems.push(`item ${i} fits an empty bin but is unassigned`);
      return;
    }
    if (!fitsEmpty(item)) problems.push(`item ${i} exceeds an empty bin but is assigned`);
    if (!Number.isInteger(b) || b < 0 || b >= result.bins) {
      problems.push(`item ${i} has bin ${b}, outside 0..${result.bins - 1}`);
      return;
    }
    used.add(b);
    item.forEach((v, j) => (load[b]![j]! += v));
  });
  if (used.size !== result.bins)
    problems.push(`bins = ${result.bins} but ${used.size} distinct bins are used`);
  load.forEach((vector, b) =>
    vector.forEach((v, j) => {
      const cap = problem.capacity[j]!;
      const integral =
        Number.isInteger(cap) && problem.items.every((item) => Number.isInteger(item[j]));
      const allowed = integral ? cap : cap * (1 + FLOAT_SLACK);
      if (v > allowed) problems.push(`bin ${b} holds ${v} > ${cap} in dimension ${j}`);
    })
  );
  if (result.bins < result.lowerBound)
    problems.push(`bins ${result.bins} below lower bound ${result.lowerBound}`);
  return problems;
}

/** Fewest bins for a tiny problem, by exhaustive search (items that fit no empty bin are skipped). */
export function exactBins(problem: PackingProblem): number {
  const d = problem.capacity.length;
  const items = problem.items.filter((item) => item.every((v, j) => v <= problem.capacity[j]!));
  const bins: number[][] = [];
  let best = items.length;
  const place = (k: number): void => {
    if (bins.length >= best) return;
    if (k === items.length) {
      best = bins.length;
      return;
    }
    const item = items[k]!;
    for (const bin of bins) {
      if (item.every((v, j) => bin[j]! + v <= problem.capacity[j]!)) {
        item.forEach((v, j) => (bin[j]! += v));
        place(k + 1);
        item.forEach((v, j) => (bin[j]! -= v));
      }
    }
    bins.push(item.slice(0, d));
    place(k + 1);
    bins.pop();
  };
  place(0);
  return best;
}
