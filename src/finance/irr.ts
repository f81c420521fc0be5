/** Internal rate of return: Excel's Newton iteration, with a bracketing fallback. */
import { Dec, ONE, ZERO } from "../money";

export type IrrFailureReason = "noSignChange" | "didNotConverge";

export type IrrResult =
  | {
      readonly ok: true;
      /** The rate per period as a ratio (0.087 = 8.7 %), to about 1e-24 (less at a repeated root). */
      readonly rate: Dec;
      /** Steps taken by the method that found the rate. */
      readonly iterations: number;
      /**
       * `newton`: found by Newton's method from the guess, as Excel's `IRR` does, so Excel
       * converges to the same rate — if it gets there in its 20 tries (our count runs a few
       * steps longer, to more digits; far above 20, Excel may show #NUM!). `bisection`:
       * Newton failed and the rate was bracketed instead — Excel may show #NUM!.
       */
      readonly method: "newton" | "bisection";
    }
  | { readonly ok: false; readonly reason: IrrFailureReason };

export interface IrrOptions {
  /** Newton steps before falling back to bisection (default 100; Excel stops at 20). */
  readonly maxIterations?: number;
  /** Stop when a step changes the rate by less than this × max(1, |rate|) (default 1e-24). */
  readonly tolerance?: Dec;
}

const DEFAULT_GUESS = new Dec("0.1");
const DEFAULT_MAX_ITERATIONS = 100;
const DEFAULT_TOLERANCE = new Dec("1e-24");
/** A Newton result must leave |NPV| below this share of Σ|discounted flows|. */
const RESIDUAL_SHARE = new Dec("1e-15");
const MAX_BISECTIONS = 400;
/** Newton gives up beyond this rate (1e9 = 100,000,000,000 %). */
const NEWTON_CEILING = new Dec("1e9");
const MINUS_ONE = new Dec(-1);

/**
 * Rates where the fallback looks for a sign change of the NPV, ascending, all above -1:
 * close to -100 % by decades (-1 + 1e-15 … -0.9), every 5 % from -85 % to 100 %, then
 * wider steps up to 1e6 (100,000,000 %).
 */
const BRACKET_GRID: readonly Dec[] = (() => {
  const grid: Dec[] = [];
  for (let k = 15; k >= 2; k--) grid.push(new Dec(-1).plus(new Dec(10).pow(-k)));
  for (let p = -90; p <= 100; p += 5) grid.push(new Dec(p).div(100));
  for (const r of ["1.5", "2", "3", "5", "10", "20", "50", "100", "1000", "10000", "1e6"])
    grid.push(new Dec(r));
  return grid;
})();

interface Valuation {
  /** g(x) = Σ vₜ xᵗ = NPV at the rate, with x = 1/(1+rate) and v₀ undiscounted. */
  readonly value: Dec;
  /** g′(x) = Σ t vₜ xᵗ⁻¹. */
  readonly slope: Dec;
  /** Σ |vₜ| xᵗ: the size the NPV is measured against. */
  readonly scale: Dec;
}

/**
 * NPV of `values` (first at t = 0) and the size it is measured against, by Horner's scheme:
 * what judges a rate (Newton's last, the fallback's brackets), which need no slope.
 */
function valueAt(values: readonly Dec[], x: Dec): Omit<Valuation, "slope"> {
  let value = ZERO;
  let scale = ZERO;
  for (let t = values.length - 1; t >= 0; t--) {
    const v = values[t] as Dec;
    value = value.times(x).plus(v);
    scale = scale.times(x).plus(v.abs());
  }
  return { value, scale };
}

/**
 * NPV and its derivative in x without the scale: what each Newton step needs (the scale
 * only judges the final residual, so computing it every step is a third more work).
 */
function valueAndSlopeAt(values: readonly Dec[], x: Dec): Omit<Valuation, "scale"> {
  // Horner's first step from zero gives value = 0 + vₙ and slope = 0 (x > 0, so 0 · x is
  // +0), and the second step's slope 0 · x + value is that value: started there, every
  // Newton step does four fewer operations and gets the same numbers.
  const last = values.length - 1;
  if (last < 0) return { value: ZERO, slope: ZERO };
  let value = ZERO.plus(values[last] as Dec);
  let slope = ZERO;
  for (let t = last - 1; t >= 0; t--) {
    slope = t === last - 1 ? value : slope.times(x).plus(value);
    value = value.times(x).plus(values[t] as Dec);
  }
  return { value, slope };
}

const discount = (rate: Dec): Dec => ONE.div(ONE.plus(rate));

/**
 * Excel's `IRR`: the rate per period at which the NPV of the flows is zero.
 *
 * @param values - signed money per period, money out negative; `values[0]` is time 0
 *   (Excel's convention: NPV(IRR, values) = 0 with values equally spaced)
 * @param guess - where Newton's method starts, a ratio (default 0.1 = 10 %, as Excel); > -1
 * @param options - iteration limit and tolerance
 * @returns `{ok: true, rate, iterations, method}`, or `{ok: false, reason}`:
 *   `noSignChange` when there is not at least one positive and one negative value (so also
 *   for `[]` and all zeros — Excel's #NUM!), `didNotConverge` when no rate was found.
 *   Never NaN, never throws for any flows.
 * @throws RangeError when `guess` ≤ -1 (a programmer error; Excel returns an error value)
 *
 * ## Notes
 * Solves Σₜ₌₀ⁿ vₜ/(1+r)ᵗ = 0 for r > -1 in exact decimals.
 * 1. Newton's method from `guess`, as Excel does (Excel iterates to 0.00001 % and gives up
 *    after 20 tries; we keep going to `tolerance`, so the rate is the root Excel converges
 *    to, but more digits of it). A step that would land at or below -100 % goes half way
 *    to -100 % instead. A Newton result is accepted only if |NPV| ≤ 1e-15 × Σ|discounted
 *    flows|.
 * 2. If Newton fails, the NPV is evaluated on a fixed grid of rates from -1 + 1e-15 to
 *    1e6, and the bracket (adjacent grid rates with opposite NPV signs) nearest the guess
 *    is bisected to `tolerance`.
 * Conventional investment flows (one sign change: outlays, then savings) have exactly one
 * IRR above -100 % (Descartes' rule of signs), so both steps find the rate Excel shows.
 * Flows with several sign changes may have several IRRs: Newton from the guess picks the
 * one Excel picks; the fallback picks the root nearest the guess. A double root where the
 * NPV touches zero without crossing can only be found by Newton.
 * Trailing zeros and zero-rate roots need no special case: r = 0 is a root exactly when
 * the values sum to 0.
 *
 * ## Excel equivalent
 * `=IRR(C4:C9)` or `=IRR(C4:C9, guess)`; the report writes `irrFormula`, which starts Excel's
 * Newton iteration at this function's rate, so the sheet lands on the same root (or says
 * "no IRR" where this function finds none) for every sign pattern.
 *
 * ## References
 * Microsoft "IRR function" and `Excel.WorksheetFunction.Irr` (MicrosoftDocs/VBA-Docs):
 * 20 tries, 0.00001 %, at least one positive and one negative value; numpy-financial
 * `irr` and its tests (numpy/numpy-financial, test_financial.py, `TestIrr`).
 */
export function irr(
  values: readonly Dec[],
  guess: Dec = DEFAULT_GUESS,
  options: IrrOptions = {}
): IrrResult {
  if (!guess.isFinite() || guess.lessThanOrEqualTo(-1)) {
    throw new RangeError(`IRR guess must be a rate above -100 %, got ${guess.toString()}`);
  }
  if (
    !values.some((v) => v.isPositive() && !v.isZero()) ||
    !values.some((v) => v.isNegative() && !v.isZero())
  ) {
    return { ok: false, reason: "noSignChange" };
  }
  const maxIterations = options.maxIterations ?? DEFAULT_MAX_ITERATIONS;
  const tolerance = options.tolerance ?? DEFAULT_TOLERANCE;
  return newton(values, guess, maxIterations, tolerance) ?? bisection(values, guess, tolerance);
}

function newton(
  values: readonly Dec[],
  guess: Dec,
  maxIterations: number,
  tolerance: Dec
): IrrResult | null {
  let rate = guess;
  const toleranceAtOne = tolerance.times(ONE);
  for (let i = 1; i <= maxIterations; i++) {
    const x = discount(rate);
    const { value, slope } = valueAndSlopeAt(values, x);
    if (value.isZero()) return { ok: true, rate, iterations: i - 1, method: "newton" };
    // d NPV / d rate = g′(x) · dx/drate = -x² g′(x), so the step is value / (x² g′(x)).
    const denominator = x.times(x).times(slope);
    if (denominator.isZero()) return null;
    let next = rate.plus(value.div(denominator));
    if (next.lessThanOrEqualTo(MINUS_ONE)) next = rate.minus(1).div(2);
    if (!next.isFinite() || next.abs().greaterThan(NEWTON_CEILING)) return null;
    const step = next.minus(rate).abs();
    rate = next;
    // tolerance × max(1, |rate|), without building the max's operands every step.
    const size = rate.abs();
    if (step.lessThanOrEqualTo(size.greaterThan(ONE) ? tolerance.times(size) : toleranceAtOne)) {
      const check = valueAt(values, discount(rate));
      if (check.value.abs().lessThanOrEqualTo(check.scale.times(RESIDUAL_SHARE))) {
        return { ok: true, rate, iterations: i, method: "newton" };
      }
      return null;
    }
  }
  return null;
}

function bisection(values: readonly Dec[], guess: Dec, tolerance: Dec): IrrResult {
  const signs = BRACKET_GRID.map((rate) => valueAt(values, discount(rate)).value);
  let best: { low: Dec; high: Dec; lowValue: Dec; distance: Dec } | null = null;
  for (let i = 0; i < BRACKET_GRID.length; i++) {
    const rate = BRACKET_GRID[i] as Dec;
    const value = signs[i] as Dec;
    if (value.isZero()) {
      const distance = rate.minus(guess).abs();
      if (best === null || distance.lessThan(best.distance))
        best = { low: rate, high: rate, lowValue: value, distance };
      continue;
    }
    const nextRate = BRACKET_GRID[i + 1];
    const nextValue = signs[i + 1];
    if (nextRate === undefined || nextValue === undefined || nextValue.isZero()) continue;
    if (value.isNegative() === nextValue.isNegative()) continue;
    const distance = guess.lessThan(rate)
      ? rate.minus(guess)
      : guess.greaterThan(nextRate)
        ? guess.minus(nextRate)
        : ZERO;
    if (best === null || distance.lessThan(best.distance))
      best = { low: rate, high: nextRate, lowValue: value, distance };
  }
  if (best === null) return { ok: false, reason: "didNotConverge" };

  let { low, high } = best;
  const lowNegative = best.lowValue.isNegative();
  let iterations = 0;
  while (high.minus(low).greaterThan(tolerance.times(Dec.max(ONE, low.abs(), high.abs())))) {
    if (iterations >= MAX_BISECTIONS) return { ok: false, reason: "didNotConverge" };
    iterations++;
    const mid = low.plus(high).div(2);
    const value = valueAt(values, discount(mid)).value;
    if (value.isZero()) return { ok: true, rate: mid, iterations, method: "bisection" };
    if (value.isNegative() === lowNegative) low = mid;
    else high = mid;
  }
  return { ok: true, rate: low.plus(high).div(2), iterations, method: "bisection" };
}
