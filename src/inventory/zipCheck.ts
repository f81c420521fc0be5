/**
 * `checkXlsxSize(bytes)`: before exceljs parses a workbook, unpack it once as a stream,
 * counting bytes and worksheet rows, and stop at the first cap — so a zip bomb or a
 * million-row sheet costs a few megabytes and a second, not gigabytes and minutes.
 *
 * The sizes a zip's directory declares can lie; the count here is of the bytes actually
 * inflated (jszip's `internalStream`, its documented streaming API, chunk by chunk). Rows are
 * counted as `<row` start tags (with or without a namespace prefix) in `xl/worksheets/*.xml`.
 */
import JSZip from "jszip";

export type ZipCheck =
  | { readonly ok: true; readonly unzippedBytes: number }
  | { readonly ok: false; readonly reason: "unzipped-too-large"; readonly limitBytes: number }
  | {
      readonly ok: false;
      readonly reason: "too-many-rows";
      /** The part (`xl/worksheets/sheet1.xml`) that passed the cap. */
      readonly part: string;
      readonly limitRows: number;
    }
  | { readonly ok: false; readonly reason: "damaged" };

interface StreamHelper {
  on(event: "data", cb: (chunk: Uint8Array) => void): StreamHelper;
  on(event: "end", cb: () => void): StreamHelper;
  on(event: "error", cb: (e: Error) => void): StreamHelper;
  pause(): StreamHelper;
  resume(): StreamHelper;
}

const LT = 0x3c; // <
const COLON = 0x3a; // :
const R = 0x72;
const O = 0x6f;
const W = 0x77;

/** A `<row` or `<x:row` start tag whose `r` is at `data[i]`. */
function rowTagAt(data: Uint8Array, i: number): boolean {
  if (data[i] !== R || data[i + 1] !== O || data[i + 2] !== W) return false;
  const after = data[i + 3];
  if (after !== 0x20 && after !== 0x3e && after !== 0x2f && after !== 0x09 && after !== 0x0a)
    return false;
  const before = data[i - 1];
  return before === LT || (before === COLON && precededByPrefix(data, i - 1));
}

/** How far back a row tag reaches from its `r` (`<` plus a prefix of up to 10 characters and `:`). */
const LOOK_BACK = 12;

/** Counts row start tags in a stream of chunks, including tags split across two chunks. */
class RowCounter {
  rows = 0;
  /** The last bytes of what came before (never more than LOOK_BACK + 3). */
  private tail = new Uint8Array(0);

  add(chunk: Uint8Array): void {
    const t = this.tail.length;
    // A tag whose `r` sat in the last 3 bytes before this chunk could not be decided then.
    if (t > 0) {
      const window = concat(this.tail, chunk.subarray(0, 4));
      for (let i = Math.max(0, t - 3); i < t; i++) if (rowTagAt(window, i)) this.rows++;
    }
    for (let i = chunk.indexOf(R); i >= 0 && i + 3 < chunk.length; i = chunk.indexOf(R, i + 1)) {
      if (i >= LOOK_BACK) {
        if (rowTagAt(chunk, i)) this.rows++;
      } else if (rowTagAt(concat(this.tail, chunk.subarray(0, i + 4)), t + i)) {
        this.rows++;
      }
    }
    const recent = concat(this.tail, chunk.subarray(Math.max(0, chunk.length - LOOK_BACK - 3)));
    this.tail = recent.slice(Math.max(0, recent.length - LOOK_BACK - 3));
  }
}

/** True when `data[colon]` ends a namespace prefix that starts right after a `<`. */
function precededByPrefix(data: Uint8Array, colon: number): boolean {
  for (let j = colon - 1; j >= 0 && j >= colon - 10; j--) {
    const b = data[j] as number;
    if (b === LT) return j < colon - 1;
    const isName = (b >= 0x61 && b <= 0x7a) || (b >= 0x41 && b <= 0x5a) || (b >= 0x30 && b <= 0x39);
    if (!isName) return false;
  }
  return false;
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a, 0);
  out.set(b, a.length);
  return out;
}

class Stop extends Error {
  constructor(readonly result: ZipCheck & { ok: false }) {
    super(result.reason);
  }
}

/**
 * Unpack every entry of the .xlsx `bytes` as a stream and check the caps: at most
 * `limitBytes` unpacked in all, at most `limitRows` rows in any worksheet.
 */
export async function checkXlsxSize(
  bytes: Uint8Array,
  limitBytes: number,
  limitRows: number
): Promise<ZipCheck> {
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes, { checkCRC32: false });
  } catch {
    return { ok: false, reason: "damaged" };
  }
  let total = 0;
  try {
    for (const entry of Object.values(zip.files)) {
      if (entry.dir) continue;
      const isSheet = /^xl\/worksheets\/[^/]+\.xml$/i.test(entry.name);
      const counter = isSheet ? new RowCounter() : null;
      await new Promise<void>((resolve, reject) => {
        const stream = (
          entry as unknown as { internalStream(type: "uint8array"): StreamHelper }
        ).internalStream("uint8array");
        stream
          .on("data", (chunk) => {
            total += chunk.length;
            if (total > limitBytes) {
              stream.pause();
              reject(new Stop({ ok: false, reason: "unzipped-too-large", limitBytes }));
              return;
            }
            if (counter) {
              counter.add(chunk);
              if (counter.rows > limitRows) {
                stream.pause();
                reject(
                  new Stop({ ok: false, reason: "too-many-rows", part: entry.name, limitRows })
                );
              }
            }
          })
          .on("error", reject)
          .on("end", () => resolve())
          .resume();
      });
    }
  } catch (e) {
    if (e instanceof Stop) return e.result;
    return { ok: false, reason: "damaged" };
  }
  return { ok: true, unzippedBytes: total };
}
