/**
 * The README's table of defaults, generated from the one place defaults live
 * (src/scenario/defaults.ts), so the two cannot drift: test/readme.test.ts checks the README
 * holds exactly this table. Print it: `npx tsx test/tools/readme-defaults.ts`.
 */
import { resolve } from "node:path";
import {
  DEFAULT_PLATFORM,
  DEFAULT_SOURCES,
  SECTIONS,
  TOP_FIELDS,
  defaultSections,
} from "../../src/scenario";

function show(v: unknown): string {
  if (v === undefined) return "(blank)"; // an optional input: a rule stands in for it
  if (Array.isArray(v)) return v.join(", ");
  return String(v);
}

function at(obj: unknown, key: string): unknown {
  return key
    .split(".")
    .reduce<unknown>((o, k) => (o as Record<string, unknown> | undefined)?.[k], obj);
}

/** Markdown: one row per input with its ws2008r2 and ws2025 (the default platform) defaults and the source. */
export function defaultsTable(): string {
  const old = defaultSections("ws2008r2");
  const now = defaultSections(DEFAULT_PLATFORM);
  const rows = [
    `| Input | ws2008r2 (2010) | ${DEFAULT_PLATFORM} (today, the default) | Source |`,
    "|---|---|---|---|",
  ];
  for (const f of TOP_FIELDS) {
    if (f.key === "name") continue;
    const v =
      f.key === "currency"
        ? "USD"
        : f.key === "platform"
          ? `${DEFAULT_PLATFORM} (when absent)`
          : "";
    rows.push(
      `| \`${f.key}\` | ${v} | ${v} | ${(DEFAULT_SOURCES[f.key] ?? "").replace(/\|/g, "/")} |`
    );
  }
  for (const s of SECTIONS) {
    for (const f of s.fields) {
      const path = `${s.key}.${f.key}`;
      const a = show(at(old[s.key], f.key));
      const b = show(at(now[s.key], f.key));
      rows.push(
        `| \`${path}\` | ${a} | ${b} | ${(DEFAULT_SOURCES[path] ?? "").replace(/\|/g, "/")} |`
      );
    }
  }
  return rows.join("\n");
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename ?? "")) {
  console.log(defaultsTable());
}
