/**
 * The report's colours, one module for every chart: the workbook's native charts, the slides
 * and the task pane's chart.js preview all import from here, so an option has one colour
 * everywhere.
 *
 * Options: Paul Tol's "muted" qualitative scheme (9 colours designed to stay distinct for
 * colour-blind readers; P. Tol, "Colour Schemes", SRON/EPS/TN/09-002, issue 3.2, 2021,
 * https://personal.sron.nl/~pault/data/colourschemes.pdf, fig. 4), one colour per option id —
 * Microsoft options in blues and greens, VMware in reds and purples, Azure in sand and olive —
 * and a light neutral grey for the baseline (staying physical or on vSphere), the status quo every
 * chart compares against. Cost categories and other non-option series use Tol's "light"
 * scheme (made for areas with text on them), so a category never looks like an option.
 */

/** The baseline's key in the palette (not an option id). */
export const BASELINE_KEY = "baseline";

/** `#RRGGBB` per option id (every id the licensing catalogues know, present and planned). */
export const OPTION_COLORS: Readonly<Record<string, string>> = {
  [BASELINE_KEY]: "#BBBBBB",
  "hyperv-server": "#88CCEE", // cyan
  standard: "#44AA99", // teal
  enterprise: "#117733", // green
  datacenter: "#332288", // indigo
  vsphere: "#CC6677", // rose
  vcf: "#882255", // wine
  vvf: "#AA4499", // purple
  "windows-payg": "#DDCC77", // sand
  "azure-local": "#999933", // olive
};

/** Tol's "light" scheme, in order, for series that are not options (cost categories). */
export const CATEGORY_COLORS: readonly string[] = [
  "#77AADD", // light blue
  "#EE8866", // orange
  "#EEDD88", // light yellow
  "#FFAABB", // pink
  "#99DDFF", // light cyan
  "#44BB99", // mint
  "#BBCC33", // pear
  "#AAAA00", // olive
  "#DDDDDD", // pale grey
];

/** Tol's "light" colours for the two ends of a sensitivity bar: the input 20 % lower / higher. */
export const SENSITIVITY_COLORS = { low: "#EE8866", high: "#77AADD" } as const;

/** Host utilisation: CPU, memory and the target line. */
export const UTILISATION_COLORS = { cpu: "#77AADD", memory: "#44BB99", target: "#BB5566" } as const;

/** The outline that marks the recommended option (near-black, visible on every fill). */
export const RECOMMENDED_OUTLINE = "#222222";

/**
 * The colour of an option id (or `BASELINE_KEY`); an id the palette does not know yet gets a
 * colour of the category scheme by its position, so a new option never breaks a chart.
 */
export function optionColor(id: string, fallbackIndex = 0): string {
  return OPTION_COLORS[id] ?? (CATEGORY_COLORS[fallbackIndex % CATEGORY_COLORS.length] as string);
}
