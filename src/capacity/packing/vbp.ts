/**
 * Parser of the VBP text format (VPSolver, Brandão & Pedroso): whitespace-separated numbers
 * `d`, then `d` capacities, then `m` item types, then per type `d` sizes and a demand
 * (number of copies).
 */
import { packingMessages } from "./messages";
import type { PackingProblem } from "./types";

/** Expansion guard: a VBP whose demands add up to more items than this is rejected. */
export const VBP_MAX_ITEMS = 10_000_000;

/**
 * Parses VBP text into a problem, expanding each item type into `demand` copies in file order.
 * Returns `{ error }` with a message naming the offending number for malformed text.
 */
export function parseVbp(text: string): PackingProblem | { error: string } {
  const tokens = text.split(/\s+/).filter((t) => t.length > 0);
  if (tokens.length === 0) return { error: packingMessages.vbpEmpty };
  const values: number[] = [];
  for (let k = 0; k < tokens.length; k++) {
    const v = Number(tokens[k]);
    if (!Number.isFinite(v)) return { error: packingMessages.vbpNotNumber(tokens[k]!, k + 1) };
    values.push(v);
  }
  const d = values[0]!;
  if (!Number.isInteger(d) || d < 1) return { error: packingMessages.vbpDimensions(tokens[0]!) };
  const headerTokens = 1 + d + 1;
  if (values.length < headerTokens)
    return { error: packingMessages.vbpTruncated(headerTokens, values.length) };
  const capacity: number[] = [];
  for (let j = 0; j < d; j++) {
    const c = values[1 + j]!;
    if (c < 0) return { error: packingMessages.vbpCapacity(j, tokens[1 + j]!) };
    capacity.push(c);
  }
  const m = values[1 + d]!;
  if (!Number.isInteger(m) || m < 0) return { error: packingMessages.vbpItemTypes(tokens[1 + d]!) };
  const expected = headerTokens + m * (d + 1);
  if (values.length < expected)
    return { error: packingMessages.vbpTruncated(expected, values.length) };
  if (values.length > expected)
    return { error: packingMessages.vbpTrailing(values.length - expected) };
  const items: number[][] = [];
  for (let t = 0; t < m; t++) {
    const at = headerTokens + t * (d + 1);
    const sizes = values.slice(at, at + d);
    const bad = sizes.findIndex((v) => v < 0);
    if (bad >= 0) return { error: packingMessages.vbpSize(t, bad, tokens[at + bad]!) };
    const copies = values[at + d]!;
    if (!Number.isInteger(copies) || copies < 0)
      return { error: packingMessages.vbpDemand(t, tokens[at + d]!) };
    if (items.length + copies > VBP_MAX_ITEMS)
      return { error: packingMessages.vbpTooManyItems(VBP_MAX_ITEMS) };
    for (let c = 0; c < copies; c++) items.push(sizes.slice());
  }
  return { capacity, items };
}
