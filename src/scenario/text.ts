/**
 * The one text sanitiser: every string that reaches XML (the .xlsx writer's parts, exceljs's
 * shared strings, the slides) or Office.js (which stores the workbook as XML too) passes
 * through `xmlSafeText`, and the scenario parser and the importers use `firstNonXmlChar` to
 * say which character was refused or replaced.
 *
 * XML 1.0 (Fifth Edition) §2.2, the Char production
 * (https://www.w3.org/TR/xml/#charsets):
 *   Char ::= #x9 | #xA | #xD | [#x20-#xD7FF] | [#xE000-#xFFFD] | [#x10000-#x10FFFF]
 * So C0 controls other than tab, LF and CR, the non-characters U+FFFE and U+FFFF, and lone
 * surrogate halves (a JavaScript string may hold one; UTF-8 cannot encode it) make a part
 * not well-formed, and Excel refuses or "repairs" the whole file.
 */

/** One code point outside the Char production. With `u`, a lone surrogate is one code point. */
const NOT_XML_CHAR = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u;
const NOT_XML_CHARS = new RegExp(NOT_XML_CHAR.source, "gu");

/** What stands in for a refused character: U+FFFD REPLACEMENT CHARACTER, visible and valid. */
export const REPLACEMENT_CHAR = "\uFFFD";

/** `text` with every character XML 1.0 cannot hold replaced by U+FFFD (unchanged, same string, when clean). */
export function xmlSafeText(text: string): string {
  return NOT_XML_CHAR.test(text) ? text.replace(NOT_XML_CHARS, REPLACEMENT_CHAR) : text;
}

/** True when `text` can go into XML as it is. */
export function isXmlSafe(text: string): boolean {
  return !NOT_XML_CHAR.test(text);
}

/** The first character XML 1.0 cannot hold: its 1-based position (in characters) and `U+XXXX` name; null when none. */
export function firstNonXmlChar(text: string): { position: number; codePoint: string } | null {
  const m = NOT_XML_CHAR.exec(text);
  if (m === null) return null;
  const cp = m[0].codePointAt(0) as number;
  return {
    position: [...text.slice(0, m.index)].length + 1,
    codePoint: `U+${cp.toString(16).toUpperCase().padStart(4, "0")}`,
  };
}
