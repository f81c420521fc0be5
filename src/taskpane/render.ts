/**
 * The only code that writes the task pane's DOM (with its helpers `dom.ts` and
 * `renderInventory.ts`). `createRenderer(root, actions)` builds the pane once from the form
 * model and returns `render(state)`, which patches it: values, messages, disabled states,
 * lists. A control the user is typing in is never overwritten unless the draft was replaced
 * from outside (a file, the workbook, defaults).
 */
import { INVENTORY_FIELDS, type Issue, type OptionId } from "../scenario";
import type { MappableField, MappingUnits } from "../inventory/types";
import { PLATFORM_IDS, type PlatformId } from "../platform";
import { drawCharts } from "./chartsLoader";
import { asText, h, setAttr, setDisabled, setHidden, setText, unitText } from "./dom";
import { getAt, inventoryOf, inventoryStats, type Draft } from "./draft";
import {
  CONTROLS_BY_PATH,
  PANE_SECTIONS,
  enumValueLabel,
  inventoryCellId,
  issueCountsBySection,
  issueText,
  messageId,
  optionChoice,
  placeOfIssue,
  platformLabel,
  typedValue,
  type ControlSpec,
  type PaneSectionKey,
} from "./form";
import { PANE_MESSAGES } from "./messages";
import { chartSeries, formatMoney, formatPayback, shortLabel, type Preview } from "./preview";
import {
  INVENTORY_PAGE_SIZE,
  canGenerate,
  issuesOf,
  previewIsStale,
  type PaneState,
} from "./state";
import { buildInventory } from "./renderInventory";
import css from "./taskpane.css";

/** What the pane's controls ask for; `taskpane.ts` turns each into events and effects. */
export interface Actions {
  edit(path: string, value: unknown): void;
  choosePlatform(platform: PlatformId): void;
  acceptPlatformDefaults(): void;
  dismissPlatformOffer(): void;
  editInventory(row: number, key: string, value: unknown): void;
  addRow(): void;
  removeRow(row: number): void;
  page(page: number): void;
  importFile(file: File): void;
  togglePaste(open: boolean): void;
  readPaste(text: string): void;
  useWorkbookInventory(): void;
  acceptImport(): void;
  cancelImport(): void;
  changeMapping(field: MappableField, header: string | null): void;
  changeUnits(units: MappingUnits): void;
  applyMapping(): void;
  /** Generate the report; `discardSheetEdits` overwrites edits made in TCO Inputs since the pane loaded them. */
  generate(discardSheetEdits?: boolean): void;
  reloadWorkbook(): void;
  openSheet(sheet: string): void;
  dismissResult(): void;
  exportScenario(): void;
  importScenario(file: File): void;
  loadStart(choice: string): void;
  focus(id: string): void;
  removeUnknown(path: string): void;
}

/** Built-in starting points offered in "Start from". */
export const START_CHOICES: readonly { readonly value: string; readonly label: string }[] = [
  ...PLATFORM_IDS.map((p) => ({ value: `defaults:${p}`, label: `Defaults — ${platformLabel(p)}` })),
  { value: "example:contoso-2010", label: "Example — Contoso 2010 (120 servers, 2008 R2)" },
  { value: "example:modern-2022", label: "Example — the same estate on Windows Server 2022" },
  { value: "example:book-example", label: "Example — the book's 30 VMs" },
];

interface ControlRefs {
  readonly spec: ControlSpec;
  readonly input: HTMLInputElement | HTMLSelectElement | null;
  /** enumList checkboxes by option id. */
  readonly checks: ReadonlyMap<string, HTMLInputElement>;
  readonly notes: ReadonlyMap<string, HTMLElement>;
  readonly msg: HTMLElement;
  readonly unit: HTMLElement | null;
  readonly wrap: HTMLElement;
}

/** Build the pane under `root` and return its render function. */
export function createRenderer(root: HTMLElement, actions: Actions): (state: PaneState) => void {
  document.head.append(h("style", { text: css }));

  // Header, status and platform offer.
  const hostBadge = h("p", { class: "host-badge", id: "host-badge" });
  const status = h("div", {
    id: "status",
    class: "status",
    role: "status",
    "aria-live": "polite",
    "aria-atomic": "true",
  });
  const offerText = h("p", { id: "platform-offer-text" });
  const offerAccept = h("button", {
    type: "button",
    class: "btn primary small",
    text: "Load defaults",
  });
  const offerKeep = h("button", { type: "button", class: "btn small", text: "Keep my values" });
  const offer = h(
    "div",
    { id: "platform-offer", class: "callout", role: "region", "aria-label": "Platform defaults" },
    offerText,
    h("div", { class: "actions" }, offerAccept, offerKeep)
  );
  offerAccept.addEventListener("click", () => actions.acceptPlatformDefaults());
  offerKeep.addEventListener("click", () => actions.dismissPlatformOffer());

  // Preview.
  const recommendation = h("p", { id: "recommendation", class: "recommendation" });
  const previewNote = h("p", { id: "preview-note", class: "note" });
  const figuresBody = h("tbody");
  const figures = h(
    "table",
    { id: "figures", class: "figures" },
    h("caption", { class: "sr-only", text: "Key figures per option" }),
    h(
      "thead",
      {},
      h(
        "tr",
        {},
        h("th", { scope: "col", text: "Option" }),
        h("th", { scope: "col", text: "Hosts" }),
        h("th", { scope: "col", text: "TCO" }),
        h("th", { scope: "col", text: "Payback" })
      )
    ),
    figuresBody
  );
  const canvas = (id: string, label: string): HTMLCanvasElement =>
    h("canvas", { id, role: "img", "aria-label": label });
  const hostsCanvas = canvas("chart-hosts", "Hosts per option");
  const tcoCanvas = canvas("chart-tco", "TCO per option compared with staying physical");
  const paybackCanvas = canvas("chart-payback", "Cumulative savings per year");
  const tcoCaption = h("figcaption", { text: "TCO vs staying physical" });
  const impossibleNote = h("p", { class: "note", id: "impossible-note", hidden: true });
  const figure = (caption: HTMLElement, c: HTMLCanvasElement, cls: string): HTMLElement =>
    h("figure", { class: "chart-figure" }, caption, h("div", { class: `chart ${cls}` }, c));
  const chartsBox = h(
    "div",
    { class: "charts", id: "charts" },
    figure(h("figcaption", { text: "Hosts per option" }), hostsCanvas, "short"),
    figure(tcoCaption, tcoCanvas, ""),
    figure(
      h("figcaption", { text: "Cumulative savings — payback where a line crosses 0" }),
      paybackCanvas,
      ""
    )
  );
  const preview = h(
    "section",
    { id: "preview", class: "card preview", "aria-labelledby": "preview-h" },
    h("h2", { id: "preview-h", text: "Result" }),
    recommendation,
    previewNote,
    figures,
    impossibleNote,
    chartsBox
  );

  // Form sections.
  const form = h("form", { id: "form", class: "form", novalidate: true });
  form.addEventListener("submit", (e) => e.preventDefault());
  const controls = new Map<string, ControlRefs>();
  const sections = new Map<
    PaneSectionKey,
    { details: HTMLDetailsElement; badge: HTMLElement; summary: HTMLElement }
  >();
  const groupDetails = new Map<string, HTMLDetailsElement>();

  const buildControl = (spec: ControlSpec): ControlRefs => {
    const f = spec.field;
    const msg = h("p", { class: "msg", id: messageId(spec.id), hidden: true });
    const help = h("p", { class: "help", id: `${spec.id}-help`, text: f.help });
    const described = `${spec.id}-help ${messageId(spec.id)}`;
    const wrap = h("div", { class: `field kind-${f.kind}`, "data-path": spec.path });
    const checks = new Map<string, HTMLInputElement>();
    const notes = new Map<string, HTMLElement>();
    if (f.kind === "bool") {
      const input = h("input", { type: "checkbox", id: spec.id, "aria-describedby": described });
      input.addEventListener("change", () => actions.edit(spec.path, input.checked));
      wrap.append(
        h("div", { class: "check" }, input, h("label", { for: spec.id, text: f.label })),
        help,
        msg
      );
      return { spec, input, checks, notes, msg, unit: null, wrap };
    }
    if (f.kind === "enumList") {
      const legend = h("legend", { text: f.label });
      const fs = h(
        "fieldset",
        { class: "checks", id: spec.id, "aria-describedby": described },
        legend
      );
      for (const value of f.values ?? []) {
        const id = `${spec.id}-${value}`;
        const box = h("input", { type: "checkbox", id, value });
        const note = h("span", { class: "option-note", id: `${id}-note` });
        box.setAttribute("aria-describedby", note.id);
        box.addEventListener("change", () => {
          const chosen = [...checks.entries()].filter(([, c]) => c.checked).map(([v]) => v);
          actions.edit(spec.path, chosen);
        });
        checks.set(value, box);
        notes.set(value, note);
        fs.append(
          h(
            "div",
            { class: "check" },
            box,
            h("label", { for: id }, h("span", { class: "option-label", id: `${id}-label` }), note)
          )
        );
      }
      wrap.append(fs, help, msg);
      return { spec, input: null, checks, notes, msg, unit: null, wrap };
    }
    const label = h("label", { for: spec.id, text: f.label });
    let input: HTMLInputElement | HTMLSelectElement;
    if (f.kind === "enum") {
      const select = h("select", { id: spec.id, "aria-describedby": described });
      for (const value of f.values ?? [])
        select.append(h("option", { value, text: enumValueLabel(f, value) }));
      select.addEventListener("change", () => {
        if (spec.path === "platform") actions.choosePlatform(select.value as PlatformId);
        else actions.edit(spec.path, select.value);
      });
      input = select;
    } else {
      const numeric = f.kind !== "string";
      const box = h("input", {
        type: "text",
        id: spec.id,
        autocomplete: "off",
        spellcheck: "false",
        inputmode: numeric ? (f.kind === "int" ? "numeric" : "decimal") : undefined,
        "aria-describedby": described,
      });
      box.addEventListener("input", () => actions.edit(spec.path, typedValue(f, box.value)));
      input = box;
    }
    const unit = h("span", { class: "unit", id: `${spec.id}-unit` });
    if (f.kind !== "enum" && f.kind !== "string")
      input.setAttribute("aria-describedby", `${spec.id}-unit ${described}`);
    wrap.append(label, h("div", { class: "input-wrap" }, input, unit), help, msg);
    return { spec, input, checks, notes, msg, unit, wrap };
  };

  // Inventory tools (inside the first section).
  const inv = buildInventory(actions);

  PANE_SECTIONS.forEach((section, i) => {
    const badge = h("span", { class: "badge", hidden: true });
    const sum = h("span", { class: "section-sum" });
    const summary = h(
      "summary",
      { id: `sec-${section.key}-summary` },
      h("span", { class: "step", "aria-hidden": "true", text: String(i + 1) }),
      h("span", { class: "section-title" }, h("h2", { text: section.title }), sum),
      badge
    );
    const details = h(
      "details",
      { class: "section", id: `sec-${section.key}` },
      summary,
      h("p", { class: "section-help", text: section.help })
    );
    if (i === 0) details.open = true;
    if (section.key === "inventory") details.append(inv.node);
    for (const g of section.groups) {
      const body = h("div", { class: "group-body" });
      for (const c of g.controls) {
        const refs = buildControl(c);
        controls.set(c.path, refs);
        body.append(refs.wrap);
      }
      if (g.collapsed) {
        const more = h(
          "details",
          { class: "group more", id: `grp-${g.key}` },
          h("summary", { text: g.title ?? "More" })
        );
        if (g.help) more.append(h("p", { class: "help", text: g.help }));
        more.append(body);
        groupDetails.set(g.key, more);
        details.append(more);
      } else {
        const box = h("div", { class: "group", id: `grp-${g.key}` });
        if (g.title) box.append(h("h3", { text: g.title }));
        if (g.help) box.append(h("p", { class: "help", text: g.help }));
        box.append(body);
        details.append(box);
      }
    }
    sections.set(section.key, { details, badge, summary: sum });
    form.append(details);
  });

  // Report and scenario card.
  const fixList = h("div", {
    tabindex: "-1",
    id: "fix-list",
    class: "fix-list",
    role: "region",
    "aria-label": "What to fix",
    hidden: true,
  });
  const progressBar = h("progress", {
    id: "progress-bar",
    max: "1",
    value: "0",
    "aria-label": "Report progress",
  });
  const progressText = h("span", { id: "progress-text" });
  const progress = h(
    "div",
    { id: "progress", class: "progress", hidden: true },
    progressBar,
    progressText
  );
  const resultText = h("p", { id: "result-text" });
  const resultOpen = h("button", { type: "button", class: "btn small", id: "result-open" });
  const resultClose = h("button", { type: "button", class: "btn small subtle", text: "Dismiss" });
  const resultReload = h("button", {
    type: "button",
    class: "btn small",
    id: "result-reload",
    text: PANE_MESSAGES.reloadFromSheet,
  });
  const resultOverwrite = h("button", {
    type: "button",
    class: "btn small",
    id: "result-overwrite",
    text: PANE_MESSAGES.overwriteSheet,
  });
  resultReload.addEventListener("click", () => actions.reloadWorkbook());
  resultOverwrite.addEventListener("click", () => actions.generate(true));
  const result = h(
    "div",
    { id: "result", class: "result", hidden: true },
    resultText,
    h("div", { class: "actions wrap" }, resultOpen, resultReload, resultOverwrite, resultClose)
  );
  resultOpen.addEventListener("click", () => {
    const sheet = resultOpen.dataset["sheet"];
    if (sheet) actions.openSheet(sheet);
  });
  resultClose.addEventListener("click", () => actions.dismissResult());

  const exportBtn = h("button", {
    type: "button",
    class: "btn",
    id: "export-json",
    text: "Export scenario JSON",
  });
  const importBtn = h("button", {
    type: "button",
    class: "btn",
    id: "import-json",
    text: "Import scenario JSON…",
  });
  const importInput = h("input", {
    type: "file",
    id: "import-json-file",
    accept: ".json,application/json",
    class: "sr-only",
    tabindex: "-1",
    "aria-hidden": "true",
  });
  exportBtn.addEventListener("click", () => actions.exportScenario());
  importBtn.addEventListener("click", () => importInput.click());
  importInput.addEventListener("change", () => {
    const file = importInput.files?.[0];
    if (file) actions.importScenario(file);
    importInput.value = "";
  });
  const startSelect = h(
    "select",
    { id: "start-choice" },
    h("option", { value: "", text: "Choose a starting point…" }),
    ...START_CHOICES.map((c) => h("option", { value: c.value, text: c.label }))
  );
  const startBtn = h("button", { type: "button", class: "btn", id: "start-load", text: "Load" });
  startBtn.addEventListener("click", () => {
    if (startSelect.value) actions.loadStart(startSelect.value);
  });
  const reportCard = h(
    "section",
    { id: "report", class: "card", "aria-labelledby": "report-h" },
    h("h2", { id: "report-h", text: "Report and scenario" }),
    fixList,
    h(
      "div",
      { class: "field" },
      h("label", { for: "start-choice", text: "Start from" }),
      h("div", { class: "row" }, startSelect, startBtn),
      h("p", { class: "help", text: "Replaces every input, the inventory included." })
    ),
    h("div", { class: "actions wrap" }, exportBtn, importBtn, importInput)
  );

  // Sticky footer: live one-line summary and the primary action.
  const footerText = h("span", { id: "footer-text" });
  const showFix = h("button", {
    type: "button",
    class: "btn link",
    id: "footer-fix",
    text: "Show",
    hidden: true,
  });
  showFix.addEventListener("click", () => actions.focus("fix-list"));
  const footerSummary = h(
    "p",
    { id: "footer-summary", class: "footer-summary" },
    footerText,
    " ",
    showFix
  );
  const generate = h("button", {
    type: "button",
    id: "generate",
    class: "btn primary",
    "aria-describedby": "footer-text",
  });
  generate.addEventListener("click", () => actions.generate(false));
  const footer = h(
    "footer",
    { class: "footer" },
    progress,
    result,
    h("div", { class: "footer-row" }, footerSummary, generate)
  );

  const header = h(
    "header",
    { class: "header" },
    h("h1", { text: PANE_MESSAGES.title }),
    hostBadge
  );
  // The platform offer sits right under the platform control it follows from.
  controls.get("platform")?.wrap.after(offer);
  const main = h("main", { class: "main", id: "main" }, status, preview, form, reportCard);
  root.replaceChildren(header, main, footer);
  root.removeAttribute("aria-live");

  // -------------------------------------------------------------------------------------

  let lastPreview: Preview | null = null;
  let lastPreviewIssues: readonly Issue[] | null = null;
  let lastGeneration = -1;
  let lastFocus: PaneState["focus"] = null;
  let lastNotice: PaneState["notice"] | undefined;
  let lastCurrency = "";

  const focusControl = (id: string): void => {
    const target = document.getElementById(id);
    if (!target) return;
    for (let p: HTMLElement | null = target; p; p = p.parentElement)
      if (p instanceof HTMLDetailsElement && !p.open) p.open = true;
    const focusable =
      target instanceof HTMLFieldSetElement
        ? target.querySelector<HTMLInputElement>("input")
        : target;
    focusable?.focus();
    focusable?.scrollIntoView({ block: "center" });
  };

  return function render(state: PaneState): void {
    const issues = issuesOf(state);
    const draft = state.draft;
    const generation = state.loadGeneration;
    const replaced = generation !== lastGeneration;
    const currency =
      typeof draft["currency"] === "string" && /^[A-Z]{3}$/.test(draft["currency"])
        ? draft["currency"]
        : "USD";

    // Header and host.
    const host = state.host;
    setText(
      hostBadge,
      host.kind === "excel"
        ? PANE_MESSAGES.hostExcel
        : host.kind === "browser"
          ? host.reason === "office-js-missing"
            ? PANE_MESSAGES.hostBrowserOfficeMissing
            : host.reason === "office-js-timeout"
              ? PANE_MESSAGES.hostBrowserTimeout
              : PANE_MESSAGES.hostBrowser
          : PANE_MESSAGES.loading
    );
    setAttr(hostBadge, "data-host", host.kind);
    root.dataset["phase"] = state.phase;
    root.dataset["revision"] = String(state.revision);
    root.dataset["previewRevision"] = String(state.previewRevision);
    root.dataset["host"] = host.kind;
    setAttr(main, "aria-busy", state.phase === "idle" ? "true" : null);

    // Status (aria-live): only rewrite when the notice changes.
    if (state.notice !== lastNotice) {
      lastNotice = state.notice;
      setText(status, state.notice?.text ?? "");
      status.className = `status tone-${state.notice?.tone ?? "info"}`;
      setHidden(status, state.notice === null);
    }

    // Platform offer.
    const offerOpen = state.platformOffer !== null && state.platformOffer.changes > 0;
    setHidden(offer, !offerOpen);
    if (state.platformOffer)
      setText(
        offerText,
        PANE_MESSAGES.platformOffer(
          platformLabel(state.platformOffer.platform),
          state.platformOffer.changes
        )
      );

    // Issues by place.
    const byControl = new Map<string, Issue[]>();
    const byCell = new Map<string, Issue[]>();
    const byRow = new Map<number, Issue[]>();
    for (const issue of issues) {
      const place = placeOfIssue(issue.path);
      if (place.kind === "control")
        byControl.set(place.path, [...(byControl.get(place.path) ?? []), issue]);
      else if (place.kind === "inventoryCell") {
        byCell.set(place.id, [...(byCell.get(place.id) ?? []), issue]);
        byRow.set(place.row, [...(byRow.get(place.row) ?? []), issue]);
      } else if (place.kind === "inventoryRow")
        byRow.set(place.row, [...(byRow.get(place.row) ?? []), issue]);
      else if (place.kind === "inventory") byRow.set(-1, [...(byRow.get(-1) ?? []), issue]);
    }

    // Controls.
    const platform = asText(draft["platform"]);
    for (const refs of controls.values()) {
      const f = refs.spec.field;
      const value = getAt(draft, refs.spec.path);
      const own = byControl.get(refs.spec.path) ?? [];
      const invalid = own.length > 0;
      if (refs.input instanceof HTMLInputElement && refs.input.type === "checkbox") {
        const checked = value === true;
        if (refs.input.checked !== checked) refs.input.checked = checked;
      } else if (refs.input) {
        const text = asText(value);
        const typing = document.activeElement === refs.input && !replaced;
        if (!typing && refs.input.value !== text) {
          if (
            refs.input instanceof HTMLSelectElement &&
            ![...refs.input.options].some((o) => o.value === text)
          ) {
            refs.input.append(h("option", { value: text, text }));
          }
          refs.input.value = text;
        }
      } else {
        const chosen = Array.isArray(value) ? value.map(String) : [];
        for (const [option, box] of refs.checks) {
          if (box.checked !== chosen.includes(option)) box.checked = chosen.includes(option);
          const choice = optionChoice(platform, option as OptionId);
          const label = document.getElementById(`${box.id}-label`);
          if (label) setText(label, choice.label);
          const note = refs.notes.get(option);
          if (note) setText(note, choice.unavailable ? ` — ${choice.unavailable}` : "");
        }
      }
      const target = refs.input ?? document.getElementById(refs.spec.id);
      if (target) setAttr(target, "aria-invalid", invalid ? "true" : null);
      refs.wrap.classList.toggle("invalid", invalid);
      setText(refs.msg, own.map((i) => issueText(i, f)).join(" "));
      setHidden(refs.msg, !invalid);
      if (refs.unit) setText(refs.unit, unitText(f.unit, currency));
    }

    // Section badges and summaries.
    const counts = issueCountsBySection(issues);
    const stats = inventoryStats(draft);
    const sectionSummary: Record<PaneSectionKey, string> = {
      inventory: PANE_MESSAGES.inventorySummary(stats.servers, stats.rows),
      hostCluster: `${asText(getAt(draft, "host.sockets"))} × ${asText(getAt(draft, "host.coresPerSocket"))} cores, ${asText(getAt(draft, "host.memoryGiB"))} GiB, N+${asText(getAt(draft, "cluster.failuresToTolerate"))}`,
      licensing: `${platformLabel(platform)}, ${(() => {
        const o = getAt(draft, "licensing.options");
        return Array.isArray(o) ? o.length : 0;
      })()} options`,
      housing: `${currency} ${asText(getAt(draft, "housing.electricityPerKWh"))} per kWh, PUE ${asText(getAt(draft, "housing.pue"))}`,
      manpower: `${currency} ${asText(getAt(draft, "manpower.adminHourlyRate"))} per admin hour`,
      finance: `${asText(getAt(draft, "finance.horizonYears"))} years at ${asText(getAt(draft, "finance.discountRate"))}`,
    };
    for (const [key, s] of sections) {
      const n = counts[key];
      setText(s.badge, PANE_MESSAGES.sectionIssues(n));
      setHidden(s.badge, n === 0);
      setText(s.summary, sectionSummary[key]);
      s.details.classList.toggle("has-issues", n > 0);
    }
    // A collapsed group holding a problem opens by itself, once, when the problem appears.
    for (const [path] of byControl) {
      const hit = CONTROLS_BY_PATH.get(path);
      const more = hit ? groupDetails.get(hit.group.key) : undefined;
      if (more && !more.open && !more.dataset["autoOpened"]) {
        more.open = true;
        more.dataset["autoOpened"] = "1";
      }
    }
    for (const more of groupDetails.values()) {
      const hasIssue = [...byControl.keys()].some(
        (p) => CONTROLS_BY_PATH.get(p)?.group.key === more.id.slice(4)
      );
      if (!hasIssue) delete more.dataset["autoOpened"];
    }

    // Inventory.
    inv.render(state, stats, byCell, byRow, replaced, currency);

    // Preview.
    const stale = previewIsStale(state) || !state.validation.ok;
    preview.classList.toggle("stale", stale && state.preview !== null);
    setAttr(preview, "aria-busy", state.phase === "calculating" ? "true" : null);
    if (state.preview !== lastPreview || currency !== lastCurrency) {
      lastPreview = state.preview;
      lastCurrency = currency;
      if (state.preview) {
        const p = state.preview;
        setText(recommendation, p.recommendation);
        const eligible = p.options.filter((o) => o.eligible);
        const impossible = p.options.filter((o) => !o.eligible);
        figuresBody.replaceChildren(
          h(
            "tr",
            { class: "physical" },
            h("th", { scope: "row", text: "Stay physical" }),
            h("td", { text: "–" }),
            h("td", { text: formatMoney(p.physicalTco, p.currency) }),
            h("td", { text: "–" })
          ),
          ...eligible.map((o) =>
            h(
              "tr",
              { class: o.recommended ? "recommended" : "", "data-option": o.id },
              h(
                "th",
                { scope: "row", title: o.label },
                shortLabel(o.label),
                o.recommended ? h("span", { class: "tag", text: "Best" }) : null
              ),
              h("td", { text: String(o.hosts) }),
              h("td", { text: formatMoney(o.tco, p.currency) }),
              h("td", {
                text:
                  o.paybackMonths === null
                    ? `> ${p.horizonYears} yrs`
                    : formatPayback(o.paybackMonths),
              })
            )
          )
        );
        setText(
          impossibleNote,
          impossible.length === 0
            ? ""
            : `Not possible here: ${impossible.map((o) => `${shortLabel(o.label)} — ${o.reasons[0] ?? PANE_MESSAGES.notEligible}`).join(" ")}`
        );
        setHidden(impossibleNote, impossible.length === 0);
        setText(tcoCaption, `TCO over ${p.horizonYears} years vs staying physical`);
        const series = chartSeries(p);
        drawCharts({ hosts: hostsCanvas, tco: tcoCanvas, payback: paybackCanvas }, series);
        setAttr(
          hostsCanvas,
          "aria-label",
          `Hosts per option: ${series.hosts.labels.map((l, i) => `${l} ${series.hosts.values[i]}`).join(", ")}`
        );
        setAttr(
          tcoCanvas,
          "aria-label",
          `TCO over ${p.horizonYears} years: ${series.tco.labels.map((l, i) => `${l} ${formatMoney(series.tco.values[i] ?? 0, p.currency)}`).join(", ")}`
        );
        setAttr(
          paybackCanvas,
          "aria-label",
          `Cumulative savings by year: ${series.payback.lines.map((l) => `${l.label} ${formatMoney(l.values[l.values.length - 1] ?? 0, p.currency)} by year ${p.horizonYears}`).join(", ")}`
        );
      }
    }
    setHidden(figures, state.preview === null);
    if (state.preview === null) setHidden(impossibleNote, true);
    setHidden(chartsBox, state.preview === null);
    const note =
      state.previewError !== null
        ? PANE_MESSAGES.previewFailed(state.previewError)
        : !state.validation.ok
          ? state.preview
            ? PANE_MESSAGES.previewStale
            : PANE_MESSAGES.previewWaiting
          : state.phase === "calculating" || state.phase === "idle"
            ? PANE_MESSAGES.previewCalculating
            : "";
    setText(previewNote, note);
    setHidden(previewNote, note === "");
    if (!state.preview) setText(recommendation, "");

    // What to fix.
    if (issues !== lastPreviewIssues) {
      lastPreviewIssues = issues;
      fixList.replaceChildren();
      if (issues.length > 0) {
        const shown = issues.slice(0, 12);
        const items = shown.map((issue) => {
          const place = placeOfIssue(issue.path);
          const label = labelOfPlace(place, draft);
          const text = issueText(
            issue,
            place.kind === "control"
              ? CONTROLS_BY_PATH.get(place.path)?.control.field
              : INVENTORY_FIELDS.find((f) => place.kind === "inventoryCell" && f.key === place.key)
          );
          const targetId =
            place.kind === "control"
              ? place.id
              : place.kind === "inventoryCell"
                ? place.id
                : place.kind === "inventoryRow"
                  ? inventoryCellId(place.row, "name")
                  : place.kind === "inventory"
                    ? "sec-inventory-summary"
                    : null;
          if (targetId === null) {
            const remove = h("button", {
              type: "button",
              class: "btn small subtle",
              text: PANE_MESSAGES.unknownFieldRemove,
            });
            remove.addEventListener("click", () => actions.removeUnknown(issue.path));
            return h(
              "li",
              {},
              h("code", { text: issue.path }),
              `: ${text} `,
              /^one of /.test(issue.expected) && issue.received.startsWith('"') ? remove : null
            );
          }
          const link = h("a", { href: `#${targetId}`, text: label });
          link.addEventListener("click", (e) => {
            e.preventDefault();
            if (place.kind === "inventoryCell" || place.kind === "inventoryRow")
              actions.page(Math.floor(place.row / INVENTORY_PAGE_SIZE));
            actions.focus(targetId);
          });
          return h("li", {}, link, `: ${text}`);
        });
        fixList.append(
          h("p", {
            class: "fix-title",
            id: "fix-title",
            text: PANE_MESSAGES.fixSummary(issues.length),
          }),
          h("ul", { "aria-labelledby": "fix-title" }, ...items)
        );
        if (issues.length > shown.length)
          fixList.append(h("p", { text: PANE_MESSAGES.fixMore(issues.length - shown.length) }));
      }
      setHidden(fixList, issues.length === 0);
    }

    // Progress and result.
    const writing = state.phase === "writing";
    setHidden(progress, !writing);
    if (state.phase === "writing") {
      const p = state.progress;
      setText(
        progressText,
        p
          ? PANE_MESSAGES.writingSheet(p.sheet, p.index, p.total)
          : state.target === "workbook"
            ? PANE_MESSAGES.writingStart
            : PANE_MESSAGES.buildingFile
      );
      if (p) {
        setAttr(progressBar, "max", String(p.total));
        setAttr(progressBar, "value", String(p.index));
      } else {
        progressBar.removeAttribute("value");
      }
    }
    const showResult = state.phase === "done" || state.phase === "error";
    setHidden(result, !showResult);
    result.className = `result ${state.phase === "error" ? "tone-error" : "tone-success"}`;
    setAttr(result, "role", state.phase === "error" ? "alert" : null);
    if (state.phase === "done") {
      setText(resultText, state.result.message);
      setHidden(resultOpen, state.result.openSheet === null);
      if (state.result.openSheet) {
        resultOpen.dataset["sheet"] = state.result.openSheet;
        setText(resultOpen, PANE_MESSAGES.openSheet(state.result.openSheet));
      }
    } else if (state.phase === "error") {
      setText(resultText, state.error.message);
      setHidden(resultOpen, true);
    }
    const inputsEdited = state.phase === "error" && state.error.code === "inputsEdited";
    setHidden(resultReload, !inputsEdited);
    setHidden(resultOverwrite, !inputsEdited);

    // Footer.
    const inExcel = host.kind === "excel";
    setText(generate, inExcel ? PANE_MESSAGES.generateExcel : PANE_MESSAGES.generateBrowser);
    setDisabled(generate, !canGenerate(state));
    setAttr(
      generate,
      "aria-describedby",
      issues.length > 0 ? "footer-text fix-title" : "footer-text"
    );
    const best = state.preview?.options.find((o) => o.recommended);
    const summaryText =
      issues.length > 0
        ? PANE_MESSAGES.fixSummary(issues.length).replace(/:$/, ".")
        : best && state.preview
          ? `Best: ${shortLabel(best.label)}, ${best.hosts} hosts — TCO ${formatMoney(best.tco, state.preview.currency)} vs ${formatMoney(state.preview.physicalTco, state.preview.currency)} physical`
          : state.preview && !best
            ? "No option beats staying physical."
            : "";
    setText(footerText, summaryText);
    setHidden(showFix, issues.length === 0);
    footerSummary.classList.toggle("tone-error", issues.length > 0);

    // Focus requests.
    if (state.focus !== lastFocus) {
      lastFocus = state.focus;
      if (state.focus) {
        const id = state.focus.id;
        requestAnimationFrame(() => focusControl(id));
      }
    }
    lastGeneration = generation;
  };
}

/** A short name for where an issue is: the control's label, or "Row 7 (SQL-01)". */
function labelOfPlace(place: ReturnType<typeof placeOfIssue>, draft: Draft): string {
  switch (place.kind) {
    case "control":
      return CONTROLS_BY_PATH.get(place.path)?.control.field.label ?? place.path;
    case "inventoryCell":
    case "inventoryRow": {
      const row = inventoryOf(draft)[place.row];
      const name = row && typeof row["name"] === "string" ? row["name"] : "";
      const field =
        place.kind === "inventoryCell"
          ? INVENTORY_FIELDS.find((f) => f.key === place.key)?.label
          : undefined;
      return `${PANE_MESSAGES.inventoryRowLabel(place.row, name)}${field ? `, ${field}` : ""}`;
    }
    case "inventory":
      return "Inventory";
    case "general":
      return "Scenario";
  }
}
