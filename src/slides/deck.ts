/**
 * The management slides as plain data (`Deck`), from the same WorkbookPlan the workbook
 * writers read — its chart specs and cells, so every number and colour on a slide is the
 * workbook's — plus the analysis for the title slide's key figures. Pure: `writePptx` turns it
 * into a file; the task pane can lazy-load both (`import("../slides")`).
 */
import { formatWhole, type Dec } from "../money";
import { platformLimits } from "../platform";
import { CATEGORY_LABELS, COST_CATEGORIES } from "../tco/costLines";
import { paybackClause, paybackFigure } from "../tco/messages";
import { shortOptionLabel } from "../report/labels";
import type { ChartSpec, WorkbookPlan } from "../report/workbookPlan";
import { SENSITIVITY_PARAMS } from "../tco/sensitivity";
import type { Analysis, SensitivityRow } from "../tco/types";
import { resolveChartData } from "../report/chartData";
import { SheetCells } from "../report/planCells";

/** One chart on a slide: categories (or X values), series with their values and colours. */
export interface DeckChart {
  readonly kind: ChartSpec["kind"];
  readonly categories: readonly (string | number)[];
  readonly series: readonly {
    readonly name: string;
    readonly values: readonly number[];
    readonly color?: string;
  }[];
  /** Per-category colours (one-series charts: one colour per option). */
  readonly pointColors?: readonly string[];
  /** A series drawn as a line over columns (host utilisation's target). */
  readonly lineSeries?: number;
  readonly valueFormat: string;
  readonly valueMinimum?: number;
  readonly categoryTitle?: string;
  readonly dataLabels: boolean;
  readonly reverseCategories: boolean;
  readonly legend: boolean;
  /** Highlighted series (thicker line). */
  readonly emphasis?: number;
}

export interface Slide {
  readonly title: string;
  /** One line under the title: what to read from the slide. */
  readonly takeaway: string;
  readonly chart?: DeckChart;
  /** Figures shown as large numbers (title slide). */
  readonly figures?: readonly { readonly label: string; readonly value: string }[];
  /** Short bullet lines. */
  readonly bullets?: readonly string[];
}

export interface Deck {
  readonly title: string;
  readonly subtitle: string;
  readonly slides: readonly Slide[];
}

/** The charts the deck shows, by the report's chart ids, in order. */
const CHART_ORDER = [
  "tcoByOption",
  "costBreakdown",
  "cumulativeSavings",
  "licenceBreakEven",
  "sensitivityTornado",
  "hostUtilisation",
] as const;

function chartOf(plan: WorkbookPlan, spec: ChartSpec): DeckChart {
  const sheet = plan.sheets.find((s) => s.name === spec.dataSheet);
  if (!sheet) throw new RangeError(`Chart ${spec.id}: no sheet ${spec.dataSheet} in the plan`);
  const data = resolveChartData(spec, new SheetCells(sheet));
  const categories = data.categories.points.map((p) => p ?? "");
  return {
    kind: spec.kind,
    categories,
    series: data.series.map((s) => ({
      name: s.name.points[0] ?? "",
      values: s.values.points.map((v) => v ?? 0),
      ...(spec.seriesColors?.[s.index] ? { color: spec.seriesColors[s.index] as string } : {}),
    })),
    ...(spec.pointColors ? { pointColors: spec.pointColors } : {}),
    ...(spec.seriesOverrides?.[0] ? { lineSeries: spec.seriesOverrides[0].index } : {}),
    valueFormat: spec.valueAxisFormat ?? "#,##0",
    ...(spec.valueAxisMinimum !== undefined ? { valueMinimum: spec.valueAxisMinimum } : {}),
    ...(spec.categoryAxisTitle ? { categoryTitle: spec.categoryAxisTitle } : {}),
    dataLabels: spec.dataLabels === true,
    reverseCategories: spec.reverseCategories === true,
    legend: spec.legend !== "none",
    ...(spec.highlight && "series" in spec.highlight ? { emphasis: spec.highlight.series } : {}),
  };
}

/** "4", "4 and 5", "4, 5, 7 and 9". */
function listed(items: readonly string[]): string {
  return items.length <= 1
    ? (items[0] ?? "")
    : `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]!}`;
}

/** "no server stays physical", "1 server stays physical", "3 servers stay physical". */
function staying(servers: number): string {
  if (servers === 0) return "no server stays physical";
  return servers === 1 ? "1 server stays physical" : `${servers} servers stay physical`;
}

/** A sensitivity row's input inside a sentence ("the discount rate"). */
function phraseOf(row: SensitivityRow): string {
  return SENSITIVITY_PARAMS.find((p) => p.input === row.input)?.phrase ?? row.label;
}

/** "Staying physical spends most on administration (USD 1,800,000); Enterprise: USD 783,125." */
function costTakeaway(analysis: Analysis, money: (d: Dec) => string): string {
  const base = analysis.physical.byCategory;
  const top = COST_CATEGORIES.reduce((a, c) => (base[c].greaterThan(base[a]) ? c : a));
  const rec = analysis.options.find((o) => o.id === analysis.recommended);
  const label = CATEGORY_LABELS[top].toLowerCase();
  return `${analysis.baselineLabel} spends most on ${label}: ${money(base[top])} of ${money(analysis.physical.total)}${rec ? `; with ${shortOptionLabel(rec.label)}, ${money(rec.costs.byCategory[top])}` : ""}.`;
}

/** The deck for a report: title with the recommendation, then one chart a slide. */
export function buildDeck(plan: WorkbookPlan, analysis: Analysis): Deck {
  const s = analysis.scenario;
  const n = s.finance.horizonYears;
  const money = (d: Dec): string => `${s.currency} ${formatWhole(d)}`;
  const specs = new Map(plan.sheets.flatMap((sh) => sh.charts).map((c) => [c.id, c]));
  const rec = analysis.options.find((o) => o.id === analysis.recommended);
  // "staying on VMware Cloud Foundation": the label's first letter only, not its names.
  const baseline = analysis.baselinePhrase;

  const figures = rec
    ? [
        {
          label: `${s.currency} saved over ${n} years`,
          value: formatWhole(analysis.physical.total.minus(rec.costs.total)),
        },
        { label: `${s.currency}, NPV of the saving`, value: formatWhole(rec.businessCase.npv) },
        {
          label: "Payback",
          value: paybackFigure(rec.businessCase.payback, n),
        },
        {
          label: "Hosts",
          value: `${rec.capacity.hosts} (${rec.capacity.clusters.length} cluster${rec.capacity.clusters.length === 1 ? "" : "s"})`,
        },
      ]
    : [];

  const takeaways: Record<(typeof CHART_ORDER)[number], string> = {
    tcoByOption: rec
      ? `${shortOptionLabel(rec.label)} (★) costs ${money(rec.costs.total)} over ${n} years against ${money(analysis.physical.total)} for ${baseline}.`
      : `No option can be used on these inputs.`,
    costBreakdown: costTakeaway(analysis, money),
    cumulativeSavings: rec
      ? `${shortOptionLabel(rec.label)} ${paybackClause(rec.businessCase.payback, n, 1)}.`
      : "Cumulative savings against the baseline, year by year.",
    licenceBreakEven:
      analysis.breakEven.switchPoints.length > 0
        ? `The cheapest edition changes at ${listed(analysis.breakEven.switchPoints.map((p) => String(p.vms)))} VMs per host.`
        : "Licence cost of one host by the Windows VMs it runs, per edition.",
    sensitivityTornado: analysis.sensitivity?.rows[0]
      ? `The NPV moves most with ${phraseOf(analysis.sensitivity.rows[0])}: ${money(analysis.sensitivity.rows[0].npvLow)} to ${money(analysis.sensitivity.rows[0].npvHigh)}.`
      : "How the NPV moves when one input changes by 20 %.",
    hostUtilisation: rec
      ? `${rec.capacity.hosts} hosts (at least ${rec.capacity.lowerBoundHosts} needed), every failure of ${s.cluster.failuresToTolerate} host${s.cluster.failuresToTolerate === 1 ? "" : "s"} simulated; ${staying(rec.capacity.stayPhysical.reduce((a, p) => a + p.count, 0))}.`
      : "Host utilisation at peak.",
  };
  const titles: Record<(typeof CHART_ORDER)[number], string> = {
    tcoByOption: `Total cost of ownership per option, ${n} years`,
    costBreakdown: "Cost by category",
    cumulativeSavings: "Cumulative savings and payback",
    licenceBreakEven: "Licence cost by edition",
    sensitivityTornado: "What moves the NPV (±20 %)",
    hostUtilisation: "Capacity: hosts at peak",
  };

  const slides: Slide[] = [
    {
      title: "Recommendation",
      takeaway: analysis.recommendation,
      figures,
      bullets: [
        `Compared with ${baseline}: ${analysis.options
          .filter((o) => o.eligible)
          .map((o) => shortOptionLabel(o.label))
          .join(", ")}.`,
        `${platformLimits(s.platform).label}, ${n}-year horizon, discount rate ${s.finance.discountRate.times(100).toString()} %, prices in ${s.currency}.`,
        "Every figure comes from the workbook's live formulas (TCO Summary); assumptions to check are on TCO Assumptions.",
      ],
    },
  ];
  for (const id of CHART_ORDER) {
    const spec = specs.get(id);
    if (!spec) continue;
    slides.push({ title: titles[id], takeaway: takeaways[id], chart: chartOf(plan, spec) });
  }
  return {
    title: `Business case — ${s.name}`,
    subtitle: rec ? `Recommended: ${rec.label}` : "No option can be used on these inputs",
    slides,
  };
}
