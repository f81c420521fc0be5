/**
 * The sticky footer: report progress, the outcome of the last run (with "reload / overwrite"
 * when both the sheet and the pane were edited), a one-line summary and Generate.
 */
import { html, nothing, type TemplateResult } from "lit-html";
import { PANE_MESSAGES } from "../messages";
import { formatMoney, shortLabel } from "../preview";
import { canGenerate } from "../state";
import type { PaneView } from "./paneView";

function progress(v: PaneView): TemplateResult {
  const s = v.state;
  const p = s.phase === "writing" ? s.progress : null;
  const text =
    s.phase !== "writing"
      ? ""
      : p
        ? PANE_MESSAGES.writingSheet(p.sheet, p.index, p.total)
        : s.target === "workbook"
          ? PANE_MESSAGES.writingStart
          : s.target === "slides"
            ? PANE_MESSAGES.buildingSlides
            : PANE_MESSAGES.buildingFile;
  return html`<div id="progress" class="progress" ?hidden=${s.phase !== "writing"}>
    <progress id="progress-bar" aria-label="Report progress" max=${p ? String(p.total) : "1"} value=${p ? String(p.index) : nothing} >
    </progress><span id="progress-text">${text}</span>
    </div>`;
}

function outcome(v: PaneView): TemplateResult {
  const s = v.state;
  const a = v.actions;
  const shown = s.phase === "done" || s.phase === "error";
  const sheet = s.phase === "done" ? s.result.openSheet : null;
  const inputsEdited = s.phase === "error" && s.error.code === "inputsEdited";
  return html`<div id="result" class=${`result ${s.phase === "error" ? "tone-error" : "tone-success"}`} role=${s.phase === "error" ? "alert" : nothing} ?hidden=${!shown} >
    <p id="result-text">${s.phase === "done" ? s.result.message : s.phase === "error" ? s.error.message : ""}</p>
    <div class="actions wrap">
    <button type="button" class="btn small" id="result-open" ?hidden=${sheet === null} @click=${() => sheet && a.openSheet(sheet)} >${sheet ? PANE_MESSAGES.openSheet(sheet) : ""}</button>
    <button type="button" class="btn small" id="result-reload" ?hidden=${!inputsEdited} @click=${() => a.reloadWorkbook()} >${PANE_MESSAGES.reloadFromSheet}</button>
    <button type="button" class="btn small" id="result-overwrite" ?hidden=${!inputsEdited} @click=${() => a.generate(true)} >${PANE_MESSAGES.overwriteSheet}</button>
    <button type="button" class="btn small subtle" @click=${() => a.dismissResult()}>Dismiss</button>
    </div>
    </div>`;
}

/** "Staying on VCF" inside a sentence: "staying on VCF" (product names keep their capitals). */
const inSentence = (label: string): string => label.charAt(0).toLowerCase() + label.slice(1);

function summary(v: PaneView): string {
  const issues = v.issues.all.length;
  const p = v.state.preview;
  const best = p?.options.find((o) => o.recommended);
  if (issues > 0) return PANE_MESSAGES.fixSummary(issues).replace(/:$/, ".");
  if (best && p)
    return `Best: ${shortLabel(best.label)}, ${best.hosts} hosts — TCO ${formatMoney(best.tco, p.currency)} vs ${formatMoney(p.physicalTco, p.currency)} ${inSentence(shortLabel(p.baselineLabel))}`;
  return p ? `No option beats ${inSentence(p.baselineLabel)}.` : "";
}

export function footer(v: PaneView): TemplateResult {
  const issues = v.issues.all.length;
  const inExcel = v.state.host.kind === "excel";
  return html`<footer class="footer">${progress(v)} ${outcome(v)}<div class="footer-row">
    <p id="footer-summary" class=${`footer-summary${issues > 0 ? " tone-error" : ""}`}><span id="footer-text">${summary(v)}</span>
    <button type="button" class="btn link" id="footer-fix" ?hidden=${issues === 0} @click=${() => v.actions.focus("fix-list")} >Show</button>
    </p>
    <button type="button" id="generate" class="btn primary" ?disabled=${!canGenerate(v.state)} aria-describedby=${issues > 0 ? "footer-text fix-title" : "footer-text"} @click=${() => v.actions.generate(false)} >${inExcel ? PANE_MESSAGES.generateExcel : PANE_MESSAGES.generateBrowser}</button>
    </div>
    </footer>`;
}
