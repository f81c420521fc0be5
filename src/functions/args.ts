/**
 * Reading one Excel argument: omitted optionals, whole numbers in bounds, editions and
 * platforms. Every reader takes `unknown` (Excel may pass null, "", text or an error object
 * whatever the metadata says) and throws a `#VALUE!` {@link FunctionError} naming the argument.
 */
import { PLATFORM_IDS, type PlatformId } from "../platform/limits";
import { SECTIONS, type FieldSpec } from "../scenario/fields";
import { closestMatch, describeValue } from "../scenario/parse";
import { OPTION_IDS, type OptionId } from "../scenario/types";
import { invalidValue } from "./errors";
import { FUNCTION_MESSAGES as M, grouped } from "./messages";

/** Windows Server editions LICENSES and LICENSECOST count (one licence unit each). */
export const EDITIONS = ["standard", "enterprise", "datacenter"] as const;
export type Edition = (typeof EDITIONS)[number];

/** True for an optional argument left out: Excel passes null (or undefined); a blank cell gives "". */
export function isOmitted(value: unknown): boolean {
  return (
    value === undefined || value === null || (typeof value === "string" && value.trim() === "")
  );
}

/** A value as shown in a message: numbers plain, text quoted, an empty argument as "blank". */
export function shown(value: unknown): string {
  if (value === null || value === undefined) return "blank";
  return describeValue(value);
}

/** A finite number argument, or `#VALUE!`. Text is not converted: Excel already converted what it could. */
export function numberArg(name: string, value: unknown, expected: string): number {
  if (typeof value !== "number" || !Number.isFinite(value))
    throw invalidValue(M.invalidArgument(name, expected, shown(value)));
  return value;
}

/** A whole number from `min` to `max`, or `#VALUE!` ("sockets must be a whole number from 1 to 64, not -2."). */
export function wholeArg(name: string, value: unknown, min: number, max: number, why = ""): number {
  const expected = `a whole number from ${grouped(min)} to ${grouped(max)}${why}`;
  const n = numberArg(name, value, expected);
  if (!Number.isInteger(n) || n < min || n > max)
    throw invalidValue(M.invalidArgument(name, expected, shown(value)));
  return n;
}

/** A number above 0 (and below `max` when given), or `#VALUE!`. */
export function positiveArg(name: string, value: unknown, unit = "", max = 1e15): number {
  const expected = `a number above 0${unit}`;
  const n = numberArg(name, value, expected);
  if (n <= 0 || n >= max) throw invalidValue(M.invalidArgument(name, expected, shown(value)));
  return n;
}

/** A number of 0 or more, or `#VALUE!`. */
export function nonNegativeArg(name: string, value: unknown, max = 1e15): number {
  const expected = "a number of 0 or more";
  const n = numberArg(name, value, expected);
  if (n < 0 || n >= max) throw invalidValue(M.invalidArgument(name, expected, shown(value)));
  return n;
}

/** Lower-case text with spaces squeezed, or null when the value is not text. */
function text(value: unknown): string | null {
  return typeof value === "string" ? value.trim().toLowerCase().replace(/\s+/g, " ") : null;
}

/** One of `allowed` (case and surrounding spaces ignored), or `#VALUE!` with a "did you mean". */
function choiceArg<T extends string>(name: string, value: unknown, allowed: readonly T[]): T {
  const t = text(value);
  const found = allowed.find((a) => a === t);
  if (found !== undefined) return found;
  const suggestion = t === null ? undefined : closestMatch(t, allowed);
  throw invalidValue(
    M.invalidArgument(name, `one of ${allowed.join(", ")}`, shown(value), suggestion)
  );
}

/** A Windows Server edition: standard, enterprise or datacenter (any case). */
export function editionArg(name: string, value: unknown): Edition {
  return choiceArg(name, value, EDITIONS);
}

/** An edition or licensing option: standard, enterprise, datacenter, hyperv-server or vsphere (any case). */
export function optionArg(name: string, value: unknown): OptionId {
  const t = text(value);
  // "Hyper-V Server" and "hyperv server" mean the option hyperv-server.
  const normal = t === null ? value : t.replace(/^hyper-?v[ -]?server$/, "hyperv-server");
  return choiceArg(name, normal, OPTION_IDS);
}

/**
 * The platform: a PLATFORM_IDS id in any case ("ws2022", "WS2008R2"), or the release written
 * as people do ("2022", "2008 R2", "Windows Server 2012 R2", the number 2019). Omitted → `fallback`.
 */
export function platformArg(value: unknown, fallback: PlatformId): PlatformId {
  if (isOmitted(value)) return fallback;
  const raw = typeof value === "number" && Number.isInteger(value) ? String(value) : text(value);
  if (raw !== null) {
    const squeezed = raw
      .replace(/^windows ?server ?/, "")
      .replace(/[\s_-]+/g, "")
      .replace(/sp1$/, "");
    const id = squeezed.startsWith("ws") ? squeezed : `ws${squeezed}`;
    const found = PLATFORM_IDS.find((p) => p === id);
    if (found !== undefined) return found;
  }
  const suggestion = raw === null ? undefined : closestMatch(raw, PLATFORM_IDS);
  throw invalidValue(
    M.invalidArgument("platform", `one of ${PLATFORM_IDS.join(", ")}`, shown(value), suggestion)
  );
}

/** The field spec of a host input (bounds for sockets and cores per socket). */
export function hostField(key: "sockets" | "coresPerSocket"): FieldSpec {
  const field = SECTIONS.find((s) => s.key === "host")?.fields.find((f) => f.key === key);
  if (field === undefined) throw new Error(`host.${key} is not a scenario field`);
  return field;
}

/** Sockets per host: a whole number within the scenario's host.sockets bounds (1–64). */
export function socketsArg(value: unknown): number {
  const f = hostField("sockets");
  return wholeArg("sockets", value, f.min ?? 1, f.max ?? 64);
}

/** Cores per socket: a whole number within the scenario's host.coresPerSocket bounds (1–512). */
export function coresPerSocketArg(value: unknown): number {
  const f = hostField("coresPerSocket");
  return wholeArg("coresPerSocket", value, f.min ?? 1, f.max ?? 512);
}
