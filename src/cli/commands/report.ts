/**
 * `hyperv-tco report SCENARIO.json -o OUT.xlsx [--pptx OUT.pptx] [--force]`: the workbook the
 * add-in writes, and/or the management slides from the same plan. Nothing is written unless
 * every output can be: names are checked first, files exist only when complete (written
 * beside the target, then renamed).
 */
import { buildReport } from "../../report/build";
import { analyze } from "../../tco";
import { EXIT, parseArgs, writeFileAtomic, type CliIo } from "../io";
import { loadScenario } from "../scenarioFile";

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
  for (const target of [out, pptx]) {
    if (target && io.exists(target) && !switches.has("--force")) {
      io.err(`report: ${target} exists; choose another name or add --force to replace it.\n`);
      return EXIT.file;
    }
  }
  const file = positional[0] as string;
  const read = loadScenario(io, file);
  if (!read.ok) return read.exitCode;
  const analysis = analyze(read.scenario);
  const plan = buildReport(read.scenario, analysis);
  const written: string[] = [];
  const charts = plan.sheets.reduce((n, s) => n + s.charts.length, 0);
  try {
    if (out) {
      const { writeXlsx } = await import("../../xlsx");
      writeFileAtomic(io, out, await writeXlsx(plan));
      written.push(`${out}: ${plan.sheets.length} sheets, ${charts} charts`);
    }
    if (pptx) {
      const { buildDeck, writePptx } = await import("../../slides");
      const deck = buildDeck(plan, analysis);
      writeFileAtomic(io, pptx, await writePptx(deck));
      written.push(`${pptx}: ${deck.slides.length} slides`);
    }
  } catch (e) {
    io.err(`report: cannot write (${(e as Error).message}).\n`);
    return EXIT.file;
  }
  io.out(`Wrote ${written.join("; ")}. ${analysis.recommendation}\n`);
  return EXIT.ok;
}
