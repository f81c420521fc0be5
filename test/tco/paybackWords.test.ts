import { describe, expect, it } from "vitest";
import type { PaybackResult } from "../../src/finance";
import { Dec } from "../../src/money";
import { paybackClause, paybackFigure } from "../../src/tco";

const after = (months: string): PaybackResult => ({
  reached: true,
  months: new Dec(months),
  year: new Dec(months).isZero() ? 0 : 1,
});
const never: PaybackResult = { reached: false, reason: "notWithinHorizon" };

describe("payback in words", () => {
  it.each([
    ["0", 0, "immediately", "saves from the start"],
    ["0.04", 1, "under a month", "pays back within a month"],
    ["0.3", 0, "under a month", "pays back within a month"],
    ["0.6", 0, "1 month", "pays back in 1 month"],
    ["0.6", 1, "0.6 months", "pays back in 0.6 months"],
    ["12.44", 0, "12 months", "pays back in 12 months"],
    ["12.44", 1, "12.4 months", "pays back in 12.4 months"],
  ])("%s months at %i places: %s / %s", (months, places, figure, clause) => {
    expect(paybackFigure(after(months), 5, places)).toBe(figure);
    expect(paybackClause(after(months), 5, places)).toBe(clause);
  });

  it("names the horizon when the path does not pay back", () => {
    expect(paybackFigure(never, 5)).toBe("not within 5 years");
    expect(paybackClause(never, 7)).toBe("does not pay back within 7 years");
  });
});
