/**
 * `JSON.stringify(value, null, 2)` written in pieces: the same bytes, without the whole text
 * (22 MB for 100,000 servers) ever in memory at once. Objects and arrays are opened level by
 * level down to `depth`; below it each element is stringified on its own and indented to its
 * place (JSON text never holds a raw line break, so indenting every line break is exact).
 */

/** What JSON.stringify writes for a member: `toJSON` first; undefined, functions and symbols are skipped. */
function prepared(value: unknown, key: string): unknown {
  if (
    value !== null &&
    typeof value === "object" &&
    typeof (value as { toJSON?: unknown }).toJSON === "function"
  )
    return (value as { toJSON: (key: string) => unknown }).toJSON(key);
  return value;
}

const skipped = (value: unknown): boolean =>
  value === undefined || typeof value === "function" || typeof value === "symbol";

/**
 * Passes the text of `JSON.stringify(value, null, 2)` to `write` in pieces of about
 * `pieceChars` characters (the last may be shorter). `value` must be JSON-serialisable
 * without cycles, and have a JSON text (not undefined or a function) — as `JSON.stringify`
 * requires.
 */
export function writeJsonText(
  value: unknown,
  write: (text: string) => void,
  options: { readonly depth?: number; readonly pieceChars?: number } = {}
): void {
  const depth = options.depth ?? 3;
  const pieceChars = options.pieceChars ?? 1 << 20;
  let pending: string[] = [];
  let pendingChars = 0;
  const emit = (text: string): void => {
    pending.push(text);
    pendingChars += text.length;
    if (pendingChars >= pieceChars) {
      write(pending.join(""));
      pending = [];
      pendingChars = 0;
    }
  };
  const put = (v: unknown, indent: string, level: number): void => {
    const opened = level < depth && v !== null && typeof v === "object";
    if (!opened) {
      const text = JSON.stringify(v, null, 2) as string;
      emit(indent === "" ? text : text.replace(/\n/g, `\n${indent}`));
      return;
    }
    const inner = `${indent}  `;
    if (Array.isArray(v)) {
      if (v.length === 0) return emit("[]");
      emit("[");
      v.forEach((item, i) => {
        const x = prepared(item, String(i));
        emit(`${i === 0 ? "" : ","}\n${inner}`);
        put(skipped(x) ? null : x, inner, level + 1);
      });
      return emit(`\n${indent}]`);
    }
    let first = true;
    for (const key of Object.keys(v)) {
      const x = prepared((v as Record<string, unknown>)[key], key);
      if (skipped(x)) continue;
      emit(`${first ? "{" : ","}\n${inner}${JSON.stringify(key)}: `);
      first = false;
      put(x, inner, level + 1);
    }
    emit(first ? "{}" : `\n${indent}}`);
  };
  put(prepared(value, ""), "", 0);
  if (pending.length > 0) write(pending.join(""));
}
