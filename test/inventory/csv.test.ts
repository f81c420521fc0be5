/** The CSV reader, number parsing, header matching and OS classification. */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  classifyOs,
  columnLetter,
  compactHeader,
  detectSeparator,
  parseCsv,
  parseNumberText,
} from "../../src/inventory";
import { Dec } from "../../src/money";

const rowsOf = (text: string) => {
  const r = parseCsv(text);
  if (!r.ok) throw new Error(`unterminated quote on line ${r.unterminatedQuoteLine}`);
  return r;
};

describe("parseCsv", () => {
  it("handles quotes, doubled quotes, separators and line breaks inside quotes", () => {
    const r = rowsOf('name,note\r\n"a, b","say ""hi""\r\nnext line"\r\nc,\r\n');
    expect(r.rows).toEqual([
      ["name", "note"],
      ["a, b", 'say "hi"\r\nnext line'],
      ["c", null],
    ]);
  });

  it("keeps blank lines as empty rows so row numbers match a spreadsheet", () => {
    expect(rowsOf("h1,h2\n1,2\n\n3,4").rows).toEqual([["h1", "h2"], ["1", "2"], [], ["3", "4"]]);
  });

  it("strips a BOM and honours Excel's sep= line", () => {
    const r = rowsOf("\uFEFFsep=;\nVM;CPUs\nx;2\n");
    expect(r.separator).toBe(";");
    expect(r.rows).toEqual([
      ["VM", "CPUs"],
      ["x", "2"],
    ]);
  });

  it("detects the separator from the header line and the decimal comma from the data", () => {
    expect(detectSeparator("a;b;c\n1,5;2;3")).toBe(";");
    expect(detectSeparator("a\tb\n1\t2")).toBe("\t");
    expect(detectSeparator('"x,y";z\n')).toBe(";");
    expect(rowsOf("a;b\n1,5;2\n").decimalSeparator).toBe(",");
    expect(rowsOf("a;b\n1.5;2\n").decimalSeparator).toBe(".");
    expect(rowsOf('a,b\n"1,5",2\n').decimalSeparator).toBe(".");
  });

  it("reports an unterminated quote with its line", () => {
    expect(parseCsv('a,b\n1,2\n"open,3\n4,5\n')).toEqual({ ok: false, unterminatedQuoteLine: 3 });
  });

  it("round-trips any table written with RFC 4180 quoting, for each separator (property)", () => {
    const chars = fc.constantFrom(
      "a",
      "Z",
      "1",
      " ",
      ",",
      ";",
      "\t",
      '"',
      "\n",
      "\r",
      "é",
      ".",
      "-"
    );
    const cell = fc.string({ unit: chars, maxLength: 8 });
    const table = fc.integer({ min: 2, max: 5 }).chain((cols) =>
      fc
        .array(fc.array(cell, { minLength: cols, maxLength: cols }), {
          minLength: 1,
          maxLength: 6,
        })
        .map((rows) => [Array.from({ length: cols }, (_, i) => `h${i}`), ...rows])
    );
    fc.assert(
      fc.property(
        table,
        fc.constantFrom(",", ";", "\t"),
        fc.constantFrom("\n", "\r\n"),
        (rows, sep, eol) => {
          const quote = (c: string): string =>
            /[,;\t"\r\n]/.test(c) || c.trim() !== c ? `"${c.replace(/"/g, '""')}"` : c;
          const text = rows.map((r) => r.map(quote).join(sep)).join(eol) + eol;
          const parsed = rowsOf(text);
          expect(parsed.separator).toBe(sep);
          expect(parsed.rows).toEqual(rows.map((r) => r.map((c) => (c === "" ? null : c))));
        }
      )
    );
  });
});

describe("parseNumberText", () => {
  it.each([
    ["1536", ".", "1536"],
    ["1,5", ",", "1.5"],
    ["1.024,5", ",", "1024.5"],
    ["1 024,5", ",", "1024.5"],
    ["1,234.5", ".", "1234.5"],
    ["1,5", ".", "1.5"], // cannot be a thousands group
    ["12'345", ".", "12345"],
    ["-0.25", ".", "-0.25"],
    ["2.5e3", ".", "2500"],
  ])("%s with decimal %s → %s", (text, decimal, expected) => {
    expect(parseNumberText(text, decimal as "." | ",")?.toString()).toBe(expected);
  });

  it.each(["", "abc", "1.2.3", "10.0.0.1", "12 GB", "--1"])("%s is not a number", (text) => {
    expect(parseNumberText(text, ".")).toBeNull();
  });

  it("reads any decimal written the German way back exactly (property)", () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: 0n, max: 10n ** 12n }),
        fc.integer({ min: 0, max: 6 }),
        (units, scale) => {
          const value = new Dec(units.toString()).div(new Dec(10).pow(scale));
          const [int, frac] = value.toFixed(scale).split(".") as [string, string | undefined];
          const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, ".");
          const text = frac === undefined ? grouped : `${grouped},${frac}`;
          expect(parseNumberText(text, ",")?.eq(value)).toBe(true);
        }
      )
    );
  });
});

describe("headers", () => {
  it("are compared trimmed, case-insensitive, without a leading * or punctuation", () => {
    expect(compactHeader("*Server Name")).toBe(compactHeader("server name "));
    expect(compactHeader("Free % ")).toBe("free%");
    expect(compactHeader("Number of Cores")).toBe(compactHeader("# Cores"));
    expect(compactHeader("In Use MiB")).not.toBe(compactHeader("In Use MB")); // units stay explicit
  });

  it("column letters", () => {
    expect([0, 25, 26, 51, 52, 701, 702].map(columnLetter)).toEqual([
      "A",
      "Z",
      "AA",
      "AZ",
      "BA",
      "ZZ",
      "AAA",
    ]);
  });
});

describe("classifyOs", () => {
  it.each([
    ["Microsoft Windows Server 2019 (64-bit)", "windows", "windows-server"],
    ["Windows Server 2008 R2 Enterprise", "windows", "windows-server"],
    ["Microsoft Windows 10 (64-bit)", "windows", "windows-desktop"],
    ["Red Hat Enterprise Linux 8 (64-bit)", "linux", "linux"],
    ["Ubuntu Linux (64-bit)", "linux", "linux"],
    ["SUSE Linux Enterprise 15 (64-bit)", "linux", "linux"],
    ["CentOS 7 (64-bit)", "linux", "linux"],
    ["FreeBSD 12 (64-bit)", "linux", "other"],
    ["Oracle Solaris 11 (64-bit)", "linux", "other"],
    ["Other (32-bit)", "linux", "other"],
    ["VMware ESXi 7.0 or later", "linux", "other"],
    ["", "windows", "unknown"],
  ])("%s → %s (%s)", (text, os, kind) => {
    expect(classifyOs(text)).toEqual({ os, kind });
  });

  it("prefers the first non-empty text (tools-reported before configured)", () => {
    expect(classifyOs("", "Microsoft Windows Server 2012 (64-bit)").os).toBe("windows");
    expect(classifyOs("Debian GNU/Linux 12", "Microsoft Windows Server 2012 (64-bit)").os).toBe(
      "linux"
    );
  });
});
