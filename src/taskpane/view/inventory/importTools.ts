/** The inventory's import tools: a file, rows pasted from Excel, the workbook's own table. */
import { html, type TemplateResult } from "lit-html";
import { PANE_MESSAGES } from "../../messages";
import type { PaneView } from "../paneView";

export function importTools(v: PaneView): TemplateResult {
  const s = v.state;
  const a = v.actions;
  const chooseFile = (e: Event): void => {
    const input = e.target as HTMLInputElement;
    const file = input.files?.[0];
    if (file) a.importFile(file);
    input.value = "";
  };
  const readPaste = (e: Event): void => {
    const area = (e.target as HTMLElement)
      .closest(".paste")
      ?.querySelector<HTMLTextAreaElement>("#inv-paste-text");
    a.readPaste(area?.value ?? "");
  };
  return html`<div class="actions wrap">
    <button type="button" class="btn" id="inv-import" @click=${() => document.getElementById("inv-file")?.click()} >Import file…</button>
    <button type="button" class="btn" id="inv-paste-toggle" aria-controls="inv-paste" aria-expanded=${s.pasteOpen ? "true" : "false"} @click=${() => a.togglePaste(!s.pasteOpen)} >Paste from Excel</button>
    <button type="button" class="btn" id="inv-workbook" ?hidden=${s.host.kind !== "excel"} @click=${() => a.useWorkbookInventory()} >Use the TCO Inventory table</button>
    <input type="file" id="inv-file" accept=".csv,.xlsx,.txt,text/csv" class="sr-only" tabindex="-1" aria-hidden="true" @change=${chooseFile} />
    </div>
    <div id="inv-paste" class="paste" ?hidden=${!s.pasteOpen}>
    <label for="inv-paste-text">Rows copied from Excel</label>
    <textarea id="inv-paste-text" rows="5" spellcheck="false" aria-describedby="inv-paste-help" >
    </textarea>
    <p class="help" id="inv-paste-help">${PANE_MESSAGES.pasteHelp}</p>
    <div class="actions">
    <button type="button" class="btn primary small" id="inv-paste-read" @click=${readPaste}>Read pasted rows</button>
    </div>
    </div>
    <p class="note" id="inv-busy" ?hidden=${s.importBusy === null}>${s.importBusy === null ? "" : PANE_MESSAGES.importReading(s.importBusy)}</p>
    <p class="msg block" id="inv-error" role="alert" ?hidden=${s.importError === null}>${s.importError ?? ""}</p>`;
}
