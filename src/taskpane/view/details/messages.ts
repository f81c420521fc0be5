/**
 * The texts of the result card's details and the assumptions register (loaded with them, on
 * first open; the rest of the pane's texts are in `../../messages.ts`).
 */

const plural = (n: number, one: string, many = `${one}s`): string =>
  `${n.toLocaleString("en-US")} ${n === 1 ? one : many}`;

export const DETAIL_MESSAGES = {
  moreClusters: (n: number) => `…and ${plural(n, "more cluster")} (all in TCO Capacity).`,
  moreServers: (n: number) => `…and ${plural(n, "more row")} (all in TCO Inventory).`,
  hostsByYear: (years: readonly number[]) => {
    const steps = years.flatMap((h, t) =>
      t === 0
        ? [`${plural(h, "host")} in year 0`]
        : h !== years[t - 1]
          ? [`${h} from year ${t}`]
          : []
    );
    return steps.length === 1 ? `${plural(years[0] ?? 0, "host")} every year` : steps.join(", ");
  },
  noLicences: "No licence to buy for this option.",
  licenceTotals: (oneTime: string, annual: string, total: string, years: number) =>
    `One-time ${oneTime}, yearly ${annual}: ${total} over ${years} years.`,
  sizedMeasured: (percentile: string | null, comfort: number) =>
    `measured ${percentile ?? "use"} × ${comfort.toLocaleString("en-US")}`,
  sizedPeak: "peak CPU and configured RAM",
  retireIdle: (n: number) =>
    `Retire ${n === 1 ? "this idle server" : `these ${n} idle servers`} instead of migrating`,

  /** Assumptions register. */
  assumptionsHelp:
    "What a finance reviewer checks before signing: the inputs you changed, what an import assumed, and default prices without a firm source. The workbook's TCO Assumptions sheet lists the same.",
  assumptionsWaiting: "The register appears when every input is valid.",
  assumptionsNone:
    "Nothing to check: every input is at its default and every default price has a firm source.",
  assumptionDefault: (value: string) => `Default: ${value}`,
} as const;
