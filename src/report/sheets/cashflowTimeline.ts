/**
 * `TCO Cashflow`, leaving VMware: the migration timeline's months per year, live over the
 * engine's month-by-month table (see {@link writeTimelineRows}).
 */
import type { Analysis } from "../../tco/types";
import { columnLetters } from "../a1";
import { COLORS } from "../formats";
import { alignOverNumbers, formula, num, put, putRow, style, text, type Grid } from "../grid";
import {
  PROFILE_LABELS,
  TIMELINE_PROFILES,
  type MigrationTimeline,
  type TimelineProfile,
} from "../../tco/migrationTimeline";
import { FIRST_YEAR_COL, HEADER_ROW } from "./cashflowLayout";

/**
 * Leaving VMware: one row per timeline profile with its months in each year — a SUMIF over
 * the month-by-month table written below the option blocks (`fill`, once its place is known).
 * The table holds the engine's months (grey: regenerate to update); the yearly months are live.
 */
export function writeTimelineRows(
  g: Grid,
  startRow: number,
  analysis: Analysis,
  timeline: MigrationTimeline
): {
  readonly profileRows: ReadonlyMap<TimelineProfile, number>;
  readonly nextRow: number;
  readonly fill: (tableRow: number, timeline: MigrationTimeline) => void;
} {
  const n = analysis.scenario.finance.horizonYears;
  const lastYearCol = FIRST_YEAR_COL + n;
  let row = startRow;
  put(
    g,
    row,
    0,
    text(
      `Migration timeline: start ${timeline.startDate}, renewal ${timeline.renewalDate} (month ${timeline.monthsToRenewal}), first move in month ${timeline.firstMoveMonth}, last VM moved by month ${timeline.moveEndMonth}${timeline.renewalNeeded ? `: ${timeline.renewalTerms} VMware renewal term${timeline.renewalTerms === 1 ? "" : "s"} needed` : ": out before the renewal date"}`
    )
  );
  style(g, row, 0, row, lastYearCol + 1, { bold: true, fill: COLORS.sectionFill, fontSize: 12 });
  row++;
  const profileRows = new Map<TimelineProfile, number>();
  for (const p of TIMELINE_PROFILES) {
    putRow(g, row, 0, [text("Months in the year"), text(PROFILE_LABELS[p])]);
    profileRows.set(p, row);
    row++;
  }
  const first = startRow + 1;
  const last = row - 1;
  style(g, first, 0, last, 1, { fontColor: COLORS.muted });
  const fill = (tableRow: number, t: MigrationTimeline): void => {
    let r = tableRow;
    put(g, r, 0, text("Migration timeline, month by month (engine values: regenerate to update)"));
    style(g, r, 0, r, 0, { bold: true });
    r++;
    const head = [
      "Month",
      "Starts",
      "Year",
      "VMs moved",
      "VMs on the new platform",
      ...TIMELINE_PROFILES.map((p) => PROFILE_LABELS[p]),
    ];
    putRow(
      g,
      r,
      0,
      head.map((h) => text(h))
    );
    style(g, r, 0, r, head.length - 1, {
      bold: true,
      fill: COLORS.headerFill,
      borderBottom: true,
      wrapText: true,
    });
    alignOverNumbers(g, r, 0, head.length);
    r++;
    const top = r;
    for (const m of t.months) {
      putRow(g, r, 0, [
        num(m.month),
        text(m.starts),
        num(m.year),
        num(m.moved),
        num(m.onNewPlatform),
        ...TIMELINE_PROFILES.map((p) => num(m.flags[p])),
      ]);
      r++;
    }
    const bottom = r - 1;
    style(g, top, 0, bottom, head.length - 1, { fill: COLORS.engineFill });
    // The yearly months: live sums over the table (year 0 is the purchase instant: 0 months).
    TIMELINE_PROFILES.forEach((p, i) => {
      const profileRow = profileRows.get(p) as number;
      const flagCol = columnLetters(5 + i);
      for (let y = 0; y <= n; y++) {
        const col = FIRST_YEAR_COL + y;
        const yearCell = `${columnLetters(col)}$${HEADER_ROW + 1}`;
        const months = t.monthsPerYear[p][y] ?? 0;
        put(
          g,
          profileRow,
          col,
          formula(
            bottom >= top
              ? `=SUMIF($C$${top + 1}:$C$${bottom + 1},${yearCell},$${flagCol}$${top + 1}:$${flagCol}$${bottom + 1})`
              : "=0",
            months,
            "0"
          )
        );
      }
    });
  };
  return { profileRows, nextRow: row + 1, fill };
}
