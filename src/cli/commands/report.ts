/**
 * `hyperv-tco report SCENARIO.json -o OUT.xlsx [--pptx OUT.pptx] [--force]`: the workbook the
 * add-in writes, and/or the management slides from the same plan. Every output is built
 * before any is written, and each file appears whole or not at all (`writeFileAtomic`): an
 * existing file is refused without `--force`, and with it is replaced only once the new one
 * is on disk.
 */
import { buildReport } from "../../report/build";
import { FileExistsError } from "../files";
import { EXIT, parseArgs, type CliIo } from "../io";
import { CLI_MESSAGES, systemReason } from "../messages";
import { analyzeChecked, loadScenario } from "../scenarioFile";

const USAGE = "Usage: hyperv-tco report SCENARIO.json -o OUT.xlsx [--pptx OUT.pptx] [--force]\n";

export async function runReport(args: readonly string[], io: CliIo): Promise<number> {
  const { positional, values, switches, unknown } = parseArgs(
    args,
    ["-o", "--output", "--pptx"],
    ["--force"]
  );
  const out = values["-o"] ?? values["--output"];
  const pptx = values["--pptx"];
  if (unknown.length > 0 || positional.length !== 1 || (!out && !pptx)) {
    io.err(
      `${unknown.length ? `report: ${unknown.join("; ")}\n` : ""}${out || pptx ? "" : "report: give the output file with -o OUT.xlsx (and/or --pptx OUT.pptx)\n"}${USAGE}`
    );
    return EXIT.usage;
  }
  if (out && !out.toLowerCase().endsWith(".xlsx")) {
    io.err(`report: the output file must end in .xlsx (got ${out}).\n`);
    return EXIT.usage;
  }
  if (pptx && !pptx.toLowerCase().endsWith(".pptx")) {
    io.err(`report: the slides file must end in .pptx (got ${pptx}).\n`);
    return EXIT.usage;
  }
  const replace = switches.has("--force");
  // Checked first so a long run does not end in "exists"; each write checks again, atomically.
  for (const target of [out, pptx]) {
    if (target && io.exists(target) && !replace) {
      io.err(`${CLI_MESSAGES.outputExists("report", target)}\n`);
      return EXIT.file;
    }
  }
  const file = positional[0] as string;
  const read = loadScenario(io, file);
  if (!read.ok) return read.exitCode;
  const checked = analyzeChecked(io, file, read.scenario);
  if (!checked.ok) return checked.exitCode;
  const analysis = checked.analysis;
  const plan = buildReport(read.scenario, analysis);
  const charts = plan.sheets.reduce((n, s) => n + s.charts.length, 0);

  // Build every output first: a failure here writes nothing.
  const outputs: { path: string; bytes: Uint8Array; what: string }[] = [];
  if (out) {
    const { writeXlsx } = await import("../../xlsx");
    const what = `${plan.sheets.length} sheets, ${charts} charts`;
    outputs.push({ path: out, bytes: await writeXlsx(plan), what });
  }
  if (pptx) {
    const { buildDeck, writePptx } = await import("../../slides");
    const deck = buildDeck(plan, analysis);
    outputs.push({
      path: pptx,
      bytes: await writePptx(deck),
      what: `${deck.slides.length} slides`,
    });
  }
  const written: string[] = [];
  for (const o of outputs) {
    try {
      io.writeFile(o.path, o.bytes, { replace });
    } catch (e) {
      const problem =
        e instanceof FileExistsError
          ? CLI_MESSAGES.outputExists("report", o.path)
          : CLI_MESSAGES.cannotWrite("report", o.path, systemReason(e));
      io.err(
        `${problem}\n${written.length > 0 ? `Written before it: ${written.join("; ")}.\n` : ""}`
      );
      return EXIT.file;
    }
    written.push(`${o.path}: ${o.what}`);
  }
  io.out(`Wrote ${written.join("; ")}. ${analysis.recommendation}\n`);
  return EXIT.ok;
}
