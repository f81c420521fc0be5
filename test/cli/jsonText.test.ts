import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Dec } from "../../src/money";
import { writeJsonText } from "../../src/cli/jsonText";

function pieces(value: unknown, options: { depth?: number; pieceChars?: number } = {}): string[] {
  const out: string[] = [];
  writeJsonText(value, (t) => out.push(t), options);
  return out;
}

// JSON values, and members JSON.stringify leaves out or rewrites (undefined, functions, toJSON).
const odd = fc.constantFrom<unknown>(undefined, () => 1, new Dec("1.50"), new Date(0));
const value = fc.letrec((tie) => ({
  any: fc.oneof(
    { depthSize: "small" },
    fc.jsonValue({ maxDepth: 2 }),
    odd,
    fc.array(tie("any"), { maxLength: 4 }),
    fc.dictionary(fc.string({ maxLength: 4 }), tie("any"), { maxKeys: 4 })
  ),
})).any;

describe("writeJsonText", () => {
  it("writes exactly JSON.stringify(value, null, 2), whatever the depth and piece size", () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.array(value), fc.dictionary(fc.string(), value)),
        fc.integer({ min: 0, max: 5 }),
        fc.integer({ min: 1, max: 64 }),
        (v, depth, pieceChars) => {
          expect(pieces(v, { depth, pieceChars }).join("")).toBe(JSON.stringify(v, null, 2));
        }
      ),
      { numRuns: 300 }
    );
  });

  it("hands over the text in pieces of about the size asked, not in one", () => {
    // 1,000 rows of ~40 characters: ~40,000 characters in pieces of at least 4,096.
    const rows = Array.from({ length: 1000 }, (_, i) => ({ name: `S${i}`, cpuGhz: i / 7 }));
    const out = pieces({ rows }, { pieceChars: 4096 });
    expect(out.length).toBeGreaterThan(5);
    expect(out.slice(0, -1).every((p) => p.length >= 4096)).toBe(true);
    expect(out.join("")).toBe(JSON.stringify({ rows }, null, 2));
  });
});
