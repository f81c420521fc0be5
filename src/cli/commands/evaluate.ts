/** `hyperv-tco evaluate FILE [--json]`: the business case as a readable table, or the analysis as JSON. */
import { formatWhole, type Dec } from "../../money";
import { sizingOf } from "../../capacity";
import {
  ASSUMPTION_KINDS,
  assumptionsRegister,
  type AssumptionRow,
} from "../../report/assumptions";
import { defaultSections } from "../../scenario";
import { ownedLicenceStatement } from "../../licensing";
import { analysisJson, type Analysis, type OptionAnalysis } from "../../tco";
import { hostChoiceSentence, MIXED_SHAPES_NOTE } from "../../report/hostChoice";
import { EXIT, parseArgs, type CliIo } from "../io";
import { writeJsonText } from "../jsonText";
import { analyzeChecked, loadScenario } from "../scenarioFile";

/** Whole units, half away from zero: the workbook's `#,##0` shows the same figure. */
const money = (d: Dec): string => formatWhole(d);

const BASELINE_HEADS: Readonly<Record<string, string>> = {
  physical: "Physical",
  vsphere: "vSphere now",
  vcf: "VCF now",
  vvf: "VVF now",
};

function pad(cells: readonly string[], widths: readonly number[]): string {
  return cells
    .map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0)))
    .join("  ");
}

/** A text table: header, a rule, the rows; the first column left-aligned, figures right-aligned. */
function table(head: readonly string[], rows: readonly (readonly string[])[]): string[] {
  const widths = head.map((_, i) => Math.max(...[head, ...rows].map((r) => (r[i] ?? "").length)));
  return [
    pad(head, widths),
    pad(
      widths.map((w) => "-".repeat(w)),
      widths
    ),
    ...rows.map((r) => pad(r, widths)),
  ];
}

const tb = (x: number): string => x.toFixed(2);

const BINDING: Readonly<Record<string, string>> = {
  cpuGhz: "CPU",
  memoryGiB: "memory",
  vcpus: "virtual processors",
  vms: "VMs per host",
  storage: "storage",
};

/** Storage per cluster, hosts per year, what servers were sized on and the idle ones, for the recommended option. */
function capacityLines(a: Analysis, o: OptionAnalysis): string[] {
  const s = a.scenario;
  const out: string[] = [];
  for (const c of o.capacity.clusters) {
    const st = c.storage;
    out.push(
      st.kind === "s2d"
        ? `Storage, cluster ${c.index + 1}: ${c.nodes} nodes, raw ${tb(st.rawTB ?? 0)} TB, reserve ${tb(st.reserveTB ?? 0)} TB, usable ${tb(st.usableTB ?? 0)} TB (${st.layout ?? ""}), needed ${tb(st.neededTB)} TB; node count decided by ${BINDING[c.binding]}.`
        : `Storage, cluster ${c.index + 1}: ${c.nodes} nodes on a SAN, needed ${tb(st.neededTB)} TB; node count decided by ${BINDING[c.binding]}.`
    );
  }
  if (o.hostsByYear.some((h) => h !== o.capacity.hosts))
    out.push(`Hosts by year (year 0 to ${s.finance.horizonYears}): ${o.hostsByYear.join(", ")}.`);
  const measured = s.inventory.filter((r) => sizingOf(r, s).basis === "measured");
  if (measured.length > 0) {
    const servers = measured.reduce((n, r) => n + r.count, 0);
    const all = s.inventory.reduce((n, r) => n + r.count, 0);
    const percentiles = [...new Set(measured.map((r) => r.measuredPercentile ?? "measured"))];
    out.push(
      `Sized on measured use: ${servers} of ${all} servers on ${percentiles.join("/")} × ${s.demand.comfortFactor.toString()}; the others on their peak CPU.`
    );
  }
  for (const i of o.capacity.idle)
    out.push(
      `Idle: ${i.name}${i.count > 1 ? ` (×${i.count})` : ""}: ${i.reason}${i.retired ? " — retired" : ""}.`
    );
  const retiredSaving = o.businessCase.retirementSavings.reduce((x, y) => x.plus(y));
  if (!retiredSaving.isZero())
    out.push(`Retiring idle servers saves ${money(retiredSaving)} of that over the horizon.`);
  return out;
}

/**
 * Which host to buy: per eligible option, every candidate's hosts, licensed cores and TCO
 * (the chosen one marked), then why it wins.
 */
function candidateTables(a: Analysis): string[] {
  const out: string[] = [
    "",
    `Which host to buy (${a.hostCandidates.length} candidates; * chosen):`,
  ];
  const n = a.scenario.finance.horizonYears;
  for (const o of a.options.filter((x) => x.eligible)) {
    // Demand growing: the hosts owned in the last year too (what a candidate costs later).
    const grows = o.hostSweep.some((e) => e.hostsByYear.some((h) => h !== e.hosts));
    const head = [o.id, "Hosts", ...(grows ? [`Hosts y${n}`] : []), "Licensed cores", `TCO ${n} y`];
    const rows = o.hostSweep.map((e) => [
      `${e.chosen ? "* " : "  "}${e.name}`,
      String(e.hosts),
      ...(grows ? [String(e.hostsByYear[e.hostsByYear.length - 1] ?? e.hosts)] : []),
      e.licensedCores === null ? "n/a" : String(e.licensedCores),
      e.eligible ? money(e.tco) : "not eligible",
    ]);
    out.push("", ...table(head, rows), hostChoiceSentence(o));
  }
  out.push("", MIXED_SHAPES_NOTE, "");
  return out;
}

/** The readable summary: options side by side against the baseline (staying physical or on vSphere). */
export function summaryTable(a: Analysis): string {
  const s = a.scenario;
  const eligible = a.options.filter((o) => o.eligible);
  const head = [
    "",
    BASELINE_HEADS[s.finance.baseline] ?? "Physical",
    ...eligible.map((o) => o.id + (o.id === a.recommended ? " *" : "")),
  ];
  const sweeping = s.hostOptions !== undefined;
  const rows: string[][] = [
    ...(sweeping ? [["Host bought", "", ...eligible.map((o) => o.hostName)]] : []),
    [
      "Hosts",
      a.baselineHosts !== null
        ? String(a.baselineHosts)
        : String(s.inventory.reduce((n, r) => n + r.count, 0)) + " srv",
      ...eligible.map((o) => `${o.capacity.hosts} (≥${o.capacity.lowerBoundHosts})`),
    ],
    ["Clusters", "", ...eligible.map((o) => String(o.capacity.clusters.length))],
    ...(eligible.some((o) => o.hostsByYear.some((h) => h !== o.capacity.hosts))
      ? [
          [
            `Hosts year ${s.finance.horizonYears}`,
            "",
            ...eligible.map((o) => String(o.hostsByYear[o.hostsByYear.length - 1] ?? "")),
          ],
        ]
      : []),
    ...(s.storage.kind === "s2d"
      ? [
          [
            "S2D usable TB",
            "",
            ...eligible.map((o) =>
              tb(o.capacity.clusters.reduce((a, c) => a + (c.storage.usableTB ?? 0), 0))
            ),
          ],
        ]
      : []),
    [
      "Storage needed TB",
      "",
      ...eligible.map((o) => tb(o.capacity.clusters.reduce((a, c) => a + c.storage.neededTB, 0))),
    ],
    [
      "Licensing",
      money(a.physical.byCategory.licensing),
      ...eligible.map((o) => money(o.licensing.total)),
    ],
    [
      `TCO ${s.finance.horizonYears} y`,
      money(a.physical.total),
      ...eligible.map((o) => money(o.costs.total)),
    ],
    ...(a.timeline ? [["Dual running", "", ...eligible.map((o) => money(o.transition))]] : []),
    ["Savings", "", ...eligible.map((o) => money(o.businessCase.totalSavings))],
    ["NPV", "", ...eligible.map((o) => money(o.businessCase.npv))],
    [
      "IRR",
      "",
      ...eligible.map((o) =>
        o.businessCase.irr ? `${o.businessCase.irr.times(100).toFixed(1)} %` : "none"
      ),
    ],
    [
      "Payback",
      "",
      ...eligible.map((o) =>
        o.businessCase.payback.reached
          ? `${o.businessCase.payback.months.toFixed(1)} mo`
          : "not reached"
      ),
    ],
    [
      "ROI",
      "",
      ...eligible.map((o) =>
        o.businessCase.roiPercent ? `${o.businessCase.roiPercent.toFixed(0)} %` : "n/a"
      ),
    ],
  ];
  const lines = [
    `${s.name} — ${s.platform}, ${s.finance.horizonYears} years, ${s.currency}, discount rate ${s.finance.discountRate.times(100).toString()} %`,
    "",
    ...table(head, rows),
    "",
    `* recommended. ${a.recommendation}`,
  ];
  if (s.finance.baseline !== "physical" || !ownedLicenceStatement(s).noneEntered)
    lines.push(ownedLicenceStatement(s).message);
  for (const o of a.options.filter((x) => !x.eligible))
    lines.push(`Not eligible: ${o.label}: ${o.reasons.join(" ")}`);
  if (sweeping) lines.push(...candidateTables(a));
  const rec = a.options.find((o) => o.id === a.recommended);
  if (rec) lines.push(...capacityLines(a, rec));
  for (const p of rec?.capacity.stayPhysical ?? [])
    lines.push(
      `Stays physical: ${p.name}${p.count > 1 ? ` (×${p.count})` : ""}: ${p.reasons.join(" ")}`
    );
  if (a.mixed?.beatsSingleEdition)
    lines.push(
      `A mixed estate (edition per host) would cost ${money(a.mixed.total)} in licences, less than any single edition.`
    );
  if (a.sensitivity) {
    const top = a.sensitivity.rows
      .slice(0, 3)
      .map((r) => `${r.label} (NPV ${money(r.npvLow)} to ${money(r.npvHigh)})`);
    lines.push(`Most sensitive: ${top.join("; ")}.`);
  }
  return `${lines.join("\n")}\n`;
}

/** A source on one terminal line; the workbook's TCO Assumptions sheet has it whole. */
const brief = (text: string): string => (text.length > 160 ? `${text.slice(0, 157)}…` : text);

/** The assumptions register as text: one line per row, grouped by kind. */
export function assumptionsText(rows: readonly AssumptionRow[]): string {
  if (rows.length === 0)
    return "\nAssumptions: every input is at its default and none is uncertain.\n";
  const lines = ["", `Assumptions to check (${rows.length}):`];
  for (const kind of Object.keys(ASSUMPTION_KINDS) as AssumptionRow["kind"][]) {
    const of = rows.filter((r) => r.kind === kind);
    if (of.length === 0) continue;
    lines.push(`  ${ASSUMPTION_KINDS[kind]}:`);
    for (const r of of) {
      const value = r.defaultValue !== null ? `${r.value} (default ${r.defaultValue})` : r.value;
      lines.push(
        r.kind === "changed"
          ? `  - ${r.label} [${r.path}]: ${value}`
          : `  - ${r.label} [${r.path}]: ${value} — ${brief(r.source)}`
      );
    }
  }
  return `${lines.join("\n")}\n`;
}

export async function runEvaluate(args: readonly string[], io: CliIo): Promise<number> {
  const { positional, switches, unknown } = parseArgs(args, [], ["--json", "--no-sensitivity"]);
  if (unknown.length > 0 || positional.length !== 1) {
    io.err(
      `${unknown.length ? `evaluate: ${unknown.join("; ")}\n` : ""}Usage: hyperv-tco evaluate SCENARIO.json [--json] [--no-sensitivity]\n`
    );
    return EXIT.usage;
  }
  const file = positional[0] as string;
  const read = loadScenario(io, file);
  if (!read.ok) return read.exitCode;
  const checked = analyzeChecked(io, file, read.scenario, {
    sensitivity: !switches.has("--no-sensitivity"),
  });
  if (!checked.ok) return checked.exitCode;
  const analysis = checked.analysis;
  if (switches.has("--json")) {
    // In pieces: 100,000 servers make 22 MB of text, never held whole.
    writeJsonText(analysisJson(analysis), io.out);
    io.out("\n");
    return EXIT.ok;
  }
  io.out(
    summaryTable(analysis) +
      assumptionsText(
        assumptionsRegister(
          read.scenario,
          read.scenario.imported?.assumptions ?? [],
          defaultSections(read.scenario.platform)
        )
      )
  );
  return EXIT.ok;
}
