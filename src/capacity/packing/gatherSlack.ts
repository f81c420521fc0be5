/**
 * The slack-gathering move of the bin-emptying local search (`localSearch.ts`): an item moved,
 * or two swapped, between two bins so that free capacity gathers in fewer bins — the "fill"
 * potential of weight annealing (Loh, Golden & Wasil, Computers & OR 35, 2008).
 * Typed-array reads use `!`: indices are in range by construction.
 */
import { GAIN_EPSILON, moveItem, recomputeLoad, type Search } from "./searchState";

/** Bins beyond this count are sampled (two windows) when looking for bin-to-bin moves. */
const TRANSFER_BIN_WINDOW = 64;
/** Source bins scanned per bin-to-bin move search. */
const TRANSFER_SOURCE_BINS = 8;

/**
 * Applies the first move of one item between two bins, or swap of one item for one, that
 * raises Σ_bins Σ_j w_j·(load_j / capacity_j)², scanning from random bins. That sum grows
 * when free capacity gathers in fewer bins, which is what lets a pool item fit somewhere.
 * False when no such move exists in the scanned bins.
 */
export function gatherSlack(s: Search): boolean {
  const { d, demand, norm, limit, avgWeights } = s.inst;
  // Read once: an imported binding may be a getter call on every read.
  const gainEpsilon = GAIN_EPSILON;
  const inv = s.invCapacity;
  const load = s.load;
  const bins = s.members.length;
  const window = Math.min(bins, TRANSFER_BIN_WINDOW);
  const sources = Math.min(bins, TRANSFER_SOURCE_BINS);
  const startA = Math.floor(s.rng() * bins);
  const startB = Math.floor(s.rng() * bins);
  let checks = 0;
  for (let x = 0; x < sources; x++) {
    const a = (startA + x) % bins;
    const itemsA = s.members[a]!;
    const countA = itemsA.length;
    const at = a * d;
    for (let y = 0; y < window; y++) {
      const b = (startB + y) % bins;
      if (b === a) continue;
      const itemsB = s.members[b]!;
      const countB = itemsB.length;
      const bt = b * d;
      // The dimension with the least free share in either bin rejects most swaps: try it first.
      let tight = 0;
      let tightFree = Infinity;
      for (let j = 0; j < d; j++) {
        const free = (limit[j]! - Math.max(load[at + j]!, load[bt + j]!)) * inv[j]!;
        if (free < tightFree) {
          tightFree = free;
          tight = j;
        }
      }
      // b's demands in that dimension, contiguous for the scan below, and their range.
      const column = s.column;
      let leastB = Infinity;
      let mostB = -Infinity;
      for (let xk = 0; xk < countB; xk++) {
        const v = demand[itemsB[xk]! * d + tight]!;
        column[xk] = v;
        if (v < leastB) leastB = v;
        if (v > mostB) mostB = v;
      }
      const loadAT = load[at + tight]!;
      const loadBT = load[bt + tight]!;
      const limitT = limit[tight]!;
      // Gain of moving normalised vector v from a to b: 2·Σ_j w_j·v_j·(l_bj − l_aj + v_j).
      // Feasibility is checked over every dimension first, then the gain in dimension order,
      // which gives the same sums as checking and summing in one loop.
      for (let xi = 0; xi < countA; xi++) {
        const i = itemsA[xi]!;
        const it = i * d;
        const demandIT = demand[it + tight]!;
        if (countA > 1) {
          checks++;
          let fits = loadBT + demandIT <= limitT;
          for (let j = 0; j < d && fits; j++) {
            if (load[bt + j]! + demand[it + j]! > limit[j]!) {
              fits = false;
              break;
            }
          }
          if (fits) {
            let gain = 0;
            for (let j = 0; j < d; j++) {
              const v = norm[it + j]!;
              gain += avgWeights[j]! * v * ((load[bt + j]! - load[at + j]!) * inv[j]! + v);
            }
            if (gain > gainEpsilon) {
              s.effort += checks;
              moveItem(s, i, a, b);
              recomputeLoad(s, a);
              recomputeLoad(s, b);
              return true;
            }
          }
        }
        // When no item of b passes the tight test against i (float sums are monotonic, so
        // the range's ends bound every swap), its swaps are charged without the scan.
        if (loadBT + (demandIT - mostB) > limitT || loadAT - (demandIT - leastB) > limitT) {
          checks += countB;
          continue;
        }
        for (let xk = 0; xk < countB; xk++) {
          checks++;
          const dvT = demandIT - column[xk]!;
          if (loadBT + dvT > limitT || loadAT - dvT > limitT) continue;
          const k = itemsB[xk]!;
          const kt = k * d;
          let fits = true;
          for (let j = 0; j < d; j++) {
            const dv = demand[it + j]! - demand[kt + j]!;
            if (load[bt + j]! + dv > limit[j]! || load[at + j]! - dv > limit[j]!) {
              fits = false;
              break;
            }
          }
          if (!fits) continue;
          let gain = 0;
          for (let j = 0; j < d; j++) {
            const v = norm[it + j]! - norm[kt + j]!;
            gain += avgWeights[j]! * v * ((load[bt + j]! - load[at + j]!) * inv[j]! + v);
          }
          if (gain > gainEpsilon) {
            s.effort += checks;
            moveItem(s, i, a, b);
            moveItem(s, k, b, a);
            recomputeLoad(s, a);
            recomputeLoad(s, b);
            return true;
          }
        }
      }
    }
  }
  s.effort += checks;
  return false;
}
