/**
 * The palette: one colour per option id, distinct for every pair of options even for readers
 * with red–green colour blindness (simulated), and the baseline grey apart from all of them.
 */
import { describe, expect, it } from "vitest";
import {
  BASELINE_KEY,
  CATEGORY_COLORS,
  OPTION_COLORS,
  optionColor,
} from "../../src/report/palette";

/** Every option id the licensing catalogues know today or per DESIGN.md "Contract additions (v2)". */
const OPTION_IDS = [
  "hyperv-server",
  "standard",
  "enterprise",
  "datacenter",
  "vsphere",
  "vcf",
  "vvf",
  "windows-payg",
  "azure-local",
];

type Rgb = [number, number, number];
const rgb = (hex: string): Rgb =>
  [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255) as Rgb;
const linear = (c: number): number => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
const mul = (m: readonly number[][], v: Rgb): Rgb =>
  m.map((row) => row.reduce((s, x, i) => s + x * (v[i] as number), 0)) as Rgb;

/** CIE L*a*b* of linear RGB (sRGB primaries, D65). */
function lab(lin: Rgb): Rgb {
  const [x, y, z] = mul(
    [
      [0.4124, 0.3576, 0.1805],
      [0.2126, 0.7152, 0.0722],
      [0.0193, 0.1192, 0.9505],
    ],
    lin
  );
  const f = (t: number): number => (t > 0.008856 ? Math.cbrt(t) : 7.787 * t + 16 / 116);
  const [fx, fy, fz] = [f(x / 0.9505), f(y), f(z / 1.089)];
  return [116 * fy - 16, 500 * (fx - fy), 200 * (fy - fz)];
}

/** Machado, Oliveira & Fernandes 2009, severity 1.0 matrices (linear RGB). */
const CVD: Record<string, number[][]> = {
  normal: [
    [1, 0, 0],
    [0, 1, 0],
    [0, 0, 1],
  ],
  protanopia: [
    [0.152286, 1.052583, -0.204868],
    [0.114503, 0.786281, 0.099216],
    [-0.003882, -0.048116, 1.051998],
  ],
  deuteranopia: [
    [0.367322, 0.860646, -0.227968],
    [0.280085, 0.672501, 0.047413],
    [-0.01182, 0.04294, 0.968881],
  ],
};

const deltaE = (a: Rgb, b: Rgb): number => Math.hypot(a[0] - b[0], a[1] - b[1], a[2] - b[2]);
const seen = (hex: string, vision: string): Rgb =>
  lab(mul(CVD[vision] as number[][], rgb(hex).map(linear) as Rgb));

describe("option palette", () => {
  it("has a colour for every option id and the baseline, all different", () => {
    for (const id of [...OPTION_IDS, BASELINE_KEY])
      expect(OPTION_COLORS[id], id).toMatch(/^#[0-9A-F]{6}$/);
    const all = [...OPTION_IDS, BASELINE_KEY].map((id) => OPTION_COLORS[id]);
    expect(new Set(all).size).toBe(all.length);
  });

  it.each(["normal", "protanopia", "deuteranopia"])(
    "keeps every two options apart for %s vision (ΔE*76 ≥ 10)",
    (vision) => {
      const ids = [...OPTION_IDS, BASELINE_KEY];
      const close: string[] = [];
      for (let i = 0; i < ids.length; i++)
        for (let j = i + 1; j < ids.length; j++) {
          const a = ids[i] as string;
          const b = ids[j] as string;
          const d = deltaE(seen(OPTION_COLORS[a]!, vision), seen(OPTION_COLORS[b]!, vision));
          if (d < 10) close.push(`${a}/${b} ${d.toFixed(1)}`);
        }
      expect(close).toEqual([]);
    }
  );

  it("gives an unknown option a category colour instead of failing", () => {
    expect(optionColor("future-option", 2)).toBe(CATEGORY_COLORS[2]);
    expect(optionColor("enterprise")).toBe(OPTION_COLORS["enterprise"]);
  });
});
