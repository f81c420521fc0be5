/**
 * Instances shared by the packing property tests: built from plain vectors, or shaped like the
 * capacity engine's VMs.
 */
import { prepareFlat, type Instance } from "../../../src/capacity/packing/instance";
import { seeded } from "../../tco/fixtures";

/** An instance from capacities and item vectors. */
export function instanceOf(
  capacity: readonly number[],
  items: readonly (readonly number[])[]
): Instance {
  const d = capacity.length;
  const flat = new Float64Array(items.length * d);
  items.forEach((item, i) => flat.set(item, i * d));
  return prepareFlat(capacity, flat, items.length);
}

/** An instance shaped like the capacity engine's: GHz, GiB, vCPUs and one VM slot per VM. */
export function hostLikeInstance(seed: number, vms: number): Instance {
  const rnd = seeded(seed);
  const pick = <T>(values: readonly T[]): T => values[Math.floor(rnd() * values.length)]!;
  const items: number[][] = [];
  for (let i = 0; i < vms; i++) {
    const cores = pick([1, 2, 2, 4, 4, 8, 12]);
    const ghz = pick([2.0, 2.33, 2.66, 2.93, 3.0]);
    const peak = 0.05 + Math.floor(rnd() * 61) / 100;
    items.push([cores * ghz * peak, pick([2, 4, 4, 8, 16, 24, 48]), cores, 1]);
  }
  // A 2010 two-socket host: 12 cores × 2.93 GHz at 80 %, 96 GiB, 4 vCPUs per core, 384 VMs.
  return instanceOf([12 * 2.93 * 0.8, 96, 48, 384], items);
}
