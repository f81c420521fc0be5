import { describe, expect, it } from "vitest";
import { packingMessages, parseVbp } from "../../../src/capacity/packing";

describe("parseVbp", () => {
  it("reads dimensions, capacities and items, expanding each demand into copies in file order", () => {
    // d = 2; capacities 10 × 20; 3 item types: [3,4] ×2, [5,5] ×1, [1,2] ×0 (no copies)
    const text = "2\n10 20\n3\n3 4 2\n5 5 1\n1 2 0\n";
    expect(parseVbp(text)).toEqual({
      capacity: [10, 20],
      items: [
        [3, 4],
        [3, 4],
        [5, 5],
      ],
    });
  });

  it("accepts any whitespace layout, including CRLF and tabs", () => {
    expect(parseVbp("1\r\n100\t2  30 1\r\n70 1")).toEqual({ capacity: [100], items: [[30], [70]] });
  });

  it("reads an instance without items", () => {
    expect(parseVbp("3 5 5 5 0")).toEqual({ capacity: [5, 5, 5], items: [] });
  });

  it.each([
    ["empty text", "  \n", packingMessages.vbpEmpty],
    ["a word", "2 10 abc", packingMessages.vbpNotNumber("abc", 3)],
    ["zero dimensions", "0 1", packingMessages.vbpDimensions("0")],
    ["fractional dimensions", "1.5 1", packingMessages.vbpDimensions("1.5")],
    ["a negative capacity", "1 -4 0", packingMessages.vbpCapacity(0, "-4")],
    ["a negative item-type count", "1 4 -1", packingMessages.vbpItemTypes("-1")],
    // header (1 + 2 + 1 = 4) + 2 types × 3 = 10 numbers expected, 7 given
    ["a truncated item list", "2 10 10 2 1 1 1", packingMessages.vbpTruncated(10, 7)],
    ["extra numbers", "1 10 1 5 1 7", packingMessages.vbpTrailing(1)],
    ["a negative size", "2 10 10 1 3 -2 1", packingMessages.vbpSize(0, 1, "-2")],
    ["a fractional demand", "1 10 1 3 1.5", packingMessages.vbpDemand(0, "1.5")],
  ])("returns an error naming the problem for %s", (_case, text, error) => {
    expect(parseVbp(text)).toEqual({ error });
  });

  it("refuses demands that expand beyond the item limit", () => {
    expect(parseVbp("1 10 1 3 20000000")).toEqual({
      error: packingMessages.vbpTooManyItems(10_000_000),
    });
  });

  it("pins the wording users see", () => {
    expect(packingMessages.vbpTruncated(10, 7)).toBe(
      "The VBP text ends early: expected 10 numbers, found 7."
    );
    expect(packingMessages.vbpSize(0, 1, "-2")).toBe(
      'Item type 1, size 2 must be a number ≥ 0 (received "-2").'
    );
  });
});
