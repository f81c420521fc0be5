/**
 * `hostOptions` of a scenario: candidate hosts parsed with the `host` section's field specs.
 */
import type { Dec } from "../money";
import { HOST_OPTION_FIELDS } from "./fields";
import { LIMITS } from "./limits";
import { MESSAGES } from "./messages";
import type { Issue } from "./types";
import {
  checkUnknownKeys,
  describeValue,
  expectedText,
  isObject,
  parseField,
  type DecimalCache,
  type Json,
  type Obj,
} from "./parseField";

/**
 * `hostOptions`: candidate hosts, each parsed with the `host` section's field specs (and the
 * S2D drive fields of `storage`), a field left out taking the scenario's own value; names
 * unique ignoring case; at most `LIMITS.hostOptions`. Every problem is reported with its path
 * (`hostOptions[2].memoryGiB`).
 */
export function parseHostOptions(
  raw: Json,
  sections: Obj,
  issues: Issue[],
  decimals: DecimalCache
): Obj[] | undefined {
  if (raw === undefined) return undefined;
  const push = (path: string, expected: string, received: string, message: string): undefined => {
    issues.push({ path, expected, received, message });
    return undefined;
  };
  if (!Array.isArray(raw))
    return push(
      "hostOptions",
      "a list of candidate hosts",
      describeValue(raw),
      MESSAGES.hostOptionsNotArray
    );
  if (raw.length === 0)
    return push("hostOptions", "at least one candidate host", "[]", MESSAGES.hostOptionsEmpty);
  const limit = LIMITS.hostOptions.value;
  if (raw.length > limit)
    return push(
      "hostOptions",
      `at most ${limit} candidate hosts`,
      `${raw.length} candidate hosts`,
      MESSAGES.tooManyHostOptions(raw.length, limit)
    );
  const host = sections["host"] as Obj | undefined;
  const storage = sections["storage"] as Obj | undefined;
  const reserve = (sections["cluster"] as Obj | undefined)?.["hostMemoryReserveGiB"] as
    Dec | undefined;
  const defaults: Obj = {
    ...(host ?? {}),
    drivesPerNode: storage?.["drivesPerNode"],
    driveTB: storage?.["driveTB"],
  };
  const allowed = HOST_OPTION_FIELDS.map((f) => f.key);
  const firstByName = new Map<string, string>();
  const out: Obj[] = [];
  for (let i = 0; i < raw.length; i++) {
    const entry: Json = raw[i];
    const path = `hostOptions[${i}]`;
    if (!isObject(entry)) {
      push(path, "an object", describeValue(entry), MESSAGES.hostOptionNotObject);
      continue;
    }
    checkUnknownKeys(entry, allowed, path, "a candidate host", issues);
    const option: Obj = {};
    let ok = true;
    for (const f of HOST_OPTION_FIELDS) {
      const given = entry[f.key];
      // Only the name is required (the other fields take the host's values).
      if (given === undefined && f.required) {
        push(`${path}.${f.key}`, expectedText(f), "nothing", MESSAGES.hostOptionNameRequired);
        ok = false;
        continue;
      }
      // A default is the scenario's parsed value; if that section failed it was reported there.
      if (given === undefined) {
        if (defaults[f.key] === undefined) ok = false;
        else option[f.key] = defaults[f.key];
        continue;
      }
      const parsed = parseField(f, given, `${path}.${f.key}`, issues, decimals);
      if (parsed === undefined) ok = false;
      else option[f.key] = parsed;
    }
    const name = option["name"];
    if (typeof name === "string") {
      const key = name.toLowerCase();
      const first = firstByName.get(key);
      if (first !== undefined) {
        push(
          `${path}.name`,
          "a unique name",
          describeValue(name),
          MESSAGES.duplicateHostName(name, first)
        );
        ok = false;
      } else firstByName.set(key, `${path}.name`);
    }
    const memory = option["memoryGiB"] as Dec | undefined;
    if (memory && reserve && reserve.gte(memory)) {
      push(
        `${path}.memoryGiB`,
        `more than cluster.hostMemoryReserveGiB (${reserve.toString()})`,
        memory.toString(),
        MESSAGES.hostOptionReserve(reserve.toString(), memory.toString())
      );
      ok = false;
    }
    if (ok) out.push(option);
  }
  return out.length === raw.length ? out : undefined;
}
