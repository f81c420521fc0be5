/**
 * Median selection for the bin-centric k-d tree (`binCentric.ts`).
 * Typed-array reads use `!`: indices are in range by construction.
 */

/**
 * Puts the item of rank `k` by its normalised demand in dimension `j` (of `d`) at `items[k]`,
 * smaller ones before it (Hoare's select).
 */
export function select(
  items: Int32Array,
  norm: Float64Array,
  d: number,
  j: number,
  lo: number,
  hi: number,
  k: number
): void {
  let a = lo;
  let b = hi - 1;
  while (a < b) {
    const pivot = norm[items[(a + b) >> 1]! * d + j]!;
    let i = a;
    let m = b;
    while (i <= m) {
      while (norm[items[i]! * d + j]! < pivot) i++;
      while (norm[items[m]! * d + j]! > pivot) m--;
      if (i <= m) {
        const t = items[i]!;
        items[i++] = items[m]!;
        items[m--] = t;
      }
    }
    if (k <= m) b = m;
    else if (k >= i) a = i;
    else return;
  }
}
