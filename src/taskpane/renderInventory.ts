/**
 * The inventory block of the pane's first section: statistics, import tools (file, paste,
 * the workbook's table), the column mapping, the import review, problems on other pages and
 * the paged, editable table. Built once; `render` patches it (part of the renderer).
 */
import { INVENTORY_FIELDS, type Issue } from "../scenario";
import { MAPPABLE_FIELDS, type MappableField, type MappingUnits } from "../inventory/types";
import { asText, h, int, pct, setAttr, setDisabled, setHidden, setText } from "./dom";
import { getAt, inventoryOf, type Draft, type inventoryStats } from "./draft";
import { inventoryCellId, issueText, typedValue } from "./form";
import { PANE_MESSAGES } from "./messages";
import type { Actions } from "./render";
import { INVENTORY_PAGE_SIZE, type PaneState } from "./state";

interface InventoryRowRefs {
  readonly tr: HTMLTableRowElement;
  readonly msgTr: HTMLTableRowElement;
  readonly msgCell: HTMLTableCellElement;
  readonly inputs: ReadonlyMap<string, HTMLInputElement | HTMLSelectElement>;
  readonly remove: HTMLButtonElement;
  readonly head: HTMLTableCellElement;
  index: number;
}

// ---------------------------------------------------------------------------------------
// The inventory block: statistics, import tools, review, mapping, the paged table.

const MAPPABLE_LABELS: Readonly<Record<MappableField, string>> = {
  ...(Object.fromEntries(INVENTORY_FIELDS.map((f) => [f.key, f.label])) as Record<string, string>),
  powerState: "Power state",
} as Record<MappableField, string>;

const REQUIRED_MAPPED: readonly MappableField[] = ["name", "cores", "memoryGiB"];

/** Build the inventory block; its `render` patches it for each state. */
export function buildInventory(actions: Actions): {
  node: HTMLElement;
  render: (
    state: PaneState,
    stats: ReturnType<typeof inventoryStats>,
    byCell: ReadonlyMap<string, Issue[]>,
    byRow: ReadonlyMap<number, Issue[]>,
    replaced: boolean,
    currency: string
  ) => void;
} {
  const statsList = h("dl", { class: "stats", id: "inv-stats" });
  const fileInput = h("input", {
    type: "file",
    id: "inv-file",
    accept: ".csv,.xlsx,.txt,text/csv",
    class: "sr-only",
    tabindex: "-1",
    "aria-hidden": "true",
  });
  const importBtn = h("button", {
    type: "button",
    class: "btn",
    id: "inv-import",
    text: "Import file…",
  });
  const pasteBtn = h("button", {
    type: "button",
    class: "btn",
    id: "inv-paste-toggle",
    "aria-expanded": "false",
    "aria-controls": "inv-paste",
    text: "Paste from Excel",
  });
  const workbookBtn = h("button", {
    type: "button",
    class: "btn",
    id: "inv-workbook",
    text: "Use the TCO Inventory table",
    hidden: true,
  });
  importBtn.addEventListener("click", () => fileInput.click());
  fileInput.addEventListener("change", () => {
    const file = fileInput.files?.[0];
    if (file) actions.importFile(file);
    fileInput.value = "";
  });
  pasteBtn.addEventListener("click", () =>
    actions.togglePaste(pasteBtn.getAttribute("aria-expanded") !== "true")
  );
  workbookBtn.addEventListener("click", () => actions.useWorkbookInventory());

  const pasteText = h("textarea", {
    id: "inv-paste-text",
    rows: "5",
    spellcheck: "false",
    "aria-describedby": "inv-paste-help",
  });
  const pasteRead = h("button", {
    type: "button",
    class: "btn primary small",
    id: "inv-paste-read",
    text: "Read pasted rows",
  });
  pasteRead.addEventListener("click", () => actions.readPaste(pasteText.value));
  const paste = h(
    "div",
    { id: "inv-paste", class: "paste", hidden: true },
    h("label", { for: "inv-paste-text", text: "Rows copied from Excel" }),
    pasteText,
    h("p", { class: "help", id: "inv-paste-help", text: PANE_MESSAGES.pasteHelp }),
    h("div", { class: "actions" }, pasteRead)
  );
  const busy = h("p", { class: "note", id: "inv-busy", hidden: true });
  const error = h("p", { class: "msg block", id: "inv-error", role: "alert", hidden: true });
  const review = h("div", {
    class: "review",
    id: "inv-review",
    role: "region",
    "aria-labelledby": "inv-review-h",
    hidden: true,
  });
  const mapping = h("div", {
    class: "review",
    id: "inv-mapping",
    role: "region",
    "aria-labelledby": "inv-mapping-h",
    hidden: true,
  });
  const rowIssues = h("div", { class: "msg block", id: "inv-issues", hidden: true });

  const headRow = h("tr", {}, h("th", { scope: "col", class: "num", text: "#" }));
  for (const f of INVENTORY_FIELDS)
    headRow.append(
      h("th", {
        scope: "col",
        class: `col-${f.key}`,
        title: f.help,
        text:
          f.unit && f.unit !== "fraction" && f.unit !== "servers" && f.unit !== "cores"
            ? `${f.label} (${f.unit})`
            : f.label,
      })
    );
  headRow.append(h("th", { scope: "col" }, h("span", { class: "sr-only", text: "Remove" })));
  const tbody = h("tbody");
  const table = h(
    "table",
    { class: "inventory", id: "inv-table" },
    h("caption", { class: "sr-only", text: "Inventory rows" }),
    h("thead", {}, headRow),
    tbody
  );
  const tableWrap = h(
    "div",
    { class: "table-wrap", tabindex: "0", role: "region", "aria-label": "Inventory table" },
    table
  );
  const prev = h("button", {
    type: "button",
    class: "btn small",
    id: "inv-prev",
    text: "Previous",
  });
  const next = h("button", { type: "button", class: "btn small", id: "inv-next", text: "Next" });
  const pageText = h("span", { id: "inv-page", class: "page-text" });
  const add = h("button", {
    type: "button",
    class: "btn small",
    id: "inv-add",
    text: "Add server",
  });
  let page = 0;
  prev.addEventListener("click", () => actions.page(page - 1));
  next.addEventListener("click", () => actions.page(page + 1));
  add.addEventListener("click", () => actions.addRow());
  const pager = h("div", { class: "pager" }, prev, pageText, next, add);
  const empty = h("p", { class: "note", text: PANE_MESSAGES.inventoryEmpty, hidden: true });

  const node = h(
    "div",
    { class: "inventory-tools" },
    statsList,
    h("div", { class: "actions wrap" }, importBtn, pasteBtn, workbookBtn, fileInput),
    paste,
    busy,
    error,
    mapping,
    review,
    rowIssues,
    empty,
    tableWrap,
    pager
  );

  const rows: InventoryRowRefs[] = [];
  const makeRow = (): InventoryRowRefs => {
    const inputs = new Map<string, HTMLInputElement | HTMLSelectElement>();
    const head = h("td", { class: "num" });
    const tr = h("tr", {}, head);
    const refs: InventoryRowRefs = {
      tr,
      head,
      inputs,
      index: -1,
      msgCell: h("td", { colspan: String(INVENTORY_FIELDS.length + 2) }),
      msgTr: h("tr", { class: "row-msg", hidden: true }),
      remove: h("button", { type: "button", class: "btn icon", text: "×" }),
    };
    refs.msgTr.append(refs.msgCell);
    for (const f of INVENTORY_FIELDS) {
      let input: HTMLInputElement | HTMLSelectElement;
      if (f.kind === "enum") {
        input = h("select", {}, ...(f.values ?? []).map((v) => h("option", { value: v, text: v })));
        input.addEventListener("change", () =>
          actions.editInventory(refs.index, f.key, input.value)
        );
      } else if (f.kind === "bool") {
        const box = h("input", { type: "checkbox" });
        box.addEventListener("change", () =>
          actions.editInventory(refs.index, f.key, box.checked ? true : undefined)
        );
        input = box;
      } else {
        const box = h("input", {
          type: "text",
          autocomplete: "off",
          spellcheck: "false",
          inputmode: f.kind === "string" ? undefined : "decimal",
          size: f.kind === "string" ? "12" : "5",
        });
        box.addEventListener("input", () => {
          const text = box.value;
          actions.editInventory(
            refs.index,
            f.key,
            text.trim() === "" && !f.required ? undefined : typedValue(f, text)
          );
        });
        input = box;
      }
      inputs.set(f.key, input);
      tr.append(h("td", { class: `col-${f.key}` }, input));
    }
    refs.remove.addEventListener("click", () => actions.removeRow(refs.index));
    tr.append(h("td", {}, refs.remove));
    return refs;
  };

  let lastMapping: unknown = null;
  let lastReview: unknown = null;

  const render = (
    state: PaneState,
    stats: ReturnType<typeof inventoryStats>,
    byCell: ReadonlyMap<string, Issue[]>,
    byRow: ReadonlyMap<number, Issue[]>,
    replaced: boolean,
    currency: string
  ): void => {
    void currency;
    page = state.inventoryPage;
    // Statistics.
    const statItems: [string, string][] = [
      ["Servers", `${int(stats.servers)} in ${int(stats.rows)} rows`],
      ["Windows / Linux", `${int(stats.windows)} / ${int(stats.servers - stats.windows)}`],
      ["Cores", int(stats.cores)],
      ["RAM", `${int(stats.memoryGiB)} GiB`],
      ["Average CPU", pct(stats.averageCpuUtilization)],
      ["Peak CPU", pct(stats.peakCpuUtilization)],
    ];
    const statKey = JSON.stringify(statItems);
    if (statsList.dataset["key"] !== statKey) {
      statsList.dataset["key"] = statKey;
      statsList.replaceChildren(
        ...statItems.flatMap(([k, v]) => [
          h("div", { class: "stat" }, h("dt", { text: k }), h("dd", { text: v })),
        ])
      );
    }

    setHidden(workbookBtn, state.host.kind !== "excel");
    setAttr(pasteBtn, "aria-expanded", state.pasteOpen ? "true" : "false");
    setHidden(paste, !state.pasteOpen);
    setHidden(busy, state.importBusy === null);
    if (state.importBusy !== null) setText(busy, PANE_MESSAGES.importReading(state.importBusy));
    setHidden(error, state.importError === null);
    setText(error, state.importError ?? "");

    // Column mapping.
    if (state.mapping !== lastMapping) {
      lastMapping = state.mapping;
      mapping.replaceChildren();
      const m = state.mapping;
      if (m) {
        const headers = m.candidate.headers.filter((x) => x.trim() !== "");
        const missing = REQUIRED_MAPPED.filter((f) => !m.mapping[f]);
        const fields = MAPPABLE_FIELDS.map((field) => {
          const id = `map-${field}`;
          const select = h(
            "select",
            { id },
            h("option", { value: "", text: "(not in the file)" }),
            ...headers.map((x) => h("option", { value: x, text: x }))
          );
          select.value = m.mapping[field] ?? "";
          select.addEventListener("change", () =>
            actions.changeMapping(field, select.value === "" ? null : select.value)
          );
          const needed = REQUIRED_MAPPED.includes(field);
          return h(
            "div",
            { class: "map-row" },
            h("label", { for: id, text: `${MAPPABLE_LABELS[field]}${needed ? " (needed)" : ""}` }),
            select
          );
        });
        const unitSelect = <K extends keyof MappingUnits>(
          key: K,
          label: string,
          values: readonly MappingUnits[K][]
        ): HTMLElement => {
          const id = `map-unit-${key}`;
          const select = h(
            "select",
            { id },
            ...values.map((v) => h("option", { value: String(v), text: String(v) }))
          );
          select.value = String(m.units[key]);
          select.addEventListener("change", () =>
            actions.changeUnits({ ...m.units, [key]: select.value })
          );
          return h("div", { class: "map-row" }, h("label", { for: id, text: label }), select);
        };
        const apply = h("button", {
          type: "button",
          class: "btn primary small",
          id: "map-apply",
          text: "Import with this mapping",
        });
        setDisabled(apply, missing.length > 0);
        apply.addEventListener("click", () => actions.applyMapping());
        const cancel = h("button", { type: "button", class: "btn small", text: "Cancel" });
        cancel.addEventListener("click", () => actions.cancelImport());
        mapping.append(
          h("h3", { id: "inv-mapping-h", text: `Map the columns of ${m.fileName}` }),
          h("p", { text: PANE_MESSAGES.mappingIntro(m.fileName) }),
          h("div", { class: "map-grid" }, ...fields),
          h("h4", { text: "Units" }),
          h(
            "div",
            { class: "map-grid" },
            unitSelect("memory", "RAM in", ["GiB", "MiB", "KiB", "TiB", "bytes"]),
            unitSelect("storage", "Storage in", ["GiB", "MiB", "KiB", "TiB", "bytes"]),
            unitSelect("clock", "Core clock in", ["auto", "GHz", "MHz"]),
            unitSelect("utilization", "CPU use as", ["auto", "fraction", "percent"])
          ),
          ...(missing.length > 0
            ? [
                h("p", {
                  class: "msg block",
                  text: PANE_MESSAGES.mappingMissing(
                    missing.map((f) => MAPPABLE_LABELS[f]).join(", ")
                  ),
                }),
              ]
            : []),
          h("div", { class: "actions" }, apply, cancel)
        );
      }
      setHidden(mapping, !m);
    }

    // Import review.
    if (state.importReview !== lastReview) {
      lastReview = state.importReview;
      review.replaceChildren();
      const r = state.importReview;
      if (r) {
        const rep = r.report;
        const excluded = rep.excluded.filter((e) => e.count > 0);
        const list = (title: string, items: (string | Node)[]): Node[] =>
          items.length === 0
            ? []
            : [h("h4", { text: title }), h("ul", {}, ...items.map((i) => h("li", {}, i)))];
        const accept = h("button", {
          type: "button",
          class: "btn primary small",
          id: "inv-review-accept",
          text: `Replace the inventory with ${int(rep.totals.servers)} servers`,
        });
        const cancel = h("button", {
          type: "button",
          class: "btn small",
          id: "inv-review-cancel",
          text: "Cancel",
        });
        accept.addEventListener("click", () => actions.acceptImport());
        cancel.addEventListener("click", () => actions.cancelImport());
        review.append(
          h("h3", { id: "inv-review-h", text: `Check the import: ${r.source}` }),
          h("p", {
            text: `${rep.formatLabel}: ${int(rep.rowsRead)} rows read, ${int(rep.totals.servers)} servers in ${int(rep.rowsOut)} rows to import.`,
          }),
          h(
            "dl",
            { class: "stats" },
            h(
              "div",
              { class: "stat" },
              h("dt", { text: "Cores" }),
              h("dd", { text: int(rep.totals.cores) })
            ),
            h(
              "div",
              { class: "stat" },
              h("dt", { text: "RAM" }),
              h("dd", { text: `${int(Number(rep.totals.memoryGiB))} GiB` })
            ),
            h(
              "div",
              { class: "stat" },
              h("dt", { text: "Storage" }),
              h("dd", { text: `${int(Number(rep.totals.storageGiB))} GiB` })
            )
          ),
          ...list(
            `Left out (${int(excluded.reduce((s, e) => s + e.count, 0))})`,
            excluded.map(
              (e) =>
                `${e.label}: ${int(e.count)}${
                  e.rows.length > 0
                    ? ` — ${e.rows
                        .slice(0, 5)
                        .map((x) => x.name)
                        .join(", ")}${e.rows.length > 5 ? ", …" : ""}`
                    : ""
                }`
            )
          ),
          ...list(
            "Assumed",
            rep.assumed.map((a) => a.message)
          ),
          ...list(
            "Problems",
            rep.problems.map((p) => `${p.where}: ${p.message}`)
          ),
          ...list("Notes", [...rep.notes]),
          h("div", { class: "actions" }, accept, cancel)
        );
      }
      setHidden(review, !r);
    }

    // Issues about the inventory as a whole or rows on other pages.
    const inventory = inventoryOf(state.draft);
    const whole = byRow.get(-1) ?? [];
    const pageStart = page * INVENTORY_PAGE_SIZE;
    const pageEnd = Math.min(inventory.length, pageStart + INVENTORY_PAGE_SIZE);
    const offPage = [...byRow.keys()]
      .filter((r) => r >= 0 && (r < pageStart || r >= pageEnd))
      .sort((a, b) => a - b);
    const issueKey = JSON.stringify([whole.map((i) => i.message), offPage]);
    if (rowIssues.dataset["key"] !== issueKey) {
      rowIssues.dataset["key"] = issueKey;
      rowIssues.replaceChildren();
      for (const i of whole) rowIssues.append(h("p", { text: i.message }));
      if (offPage.length > 0) {
        const links = offPage.slice(0, 8).map((r) => {
          const b = h("button", { type: "button", class: "btn link", text: `row ${r + 1}` });
          b.addEventListener("click", () => {
            actions.page(Math.floor(r / INVENTORY_PAGE_SIZE));
            actions.focus(inventoryCellId(r, "name"));
          });
          return b;
        });
        rowIssues.append(
          h(
            "p",
            {},
            `Problems on other pages: `,
            ...links.flatMap((l, i) => (i === 0 ? [l] : [", ", l]))
          )
        );
      }
    }
    setHidden(rowIssues, whole.length === 0 && offPage.length === 0);
    setHidden(empty, inventory.length > 0);
    setHidden(tableWrap, inventory.length === 0);

    // Table rows of this page.
    const count = pageEnd - pageStart;
    while (rows.length < count) rows.push(makeRow());
    const wanted: Node[] = [];
    for (let k = 0; k < count; k++) {
      const refs = rows[k] as InventoryRowRefs;
      const index = pageStart + k;
      const changedRow = refs.index !== index;
      refs.index = index;
      const row = inventory[index] ?? {};
      const name = typeof row["name"] === "string" ? row["name"] : "";
      setText(refs.head, String(index + 1));
      setAttr(refs.remove, "aria-label", `Remove ${name || `row ${index + 1}`}`);
      const msgs: string[] = [];
      for (const f of INVENTORY_FIELDS) {
        const input = refs.inputs.get(f.key) as HTMLInputElement | HTMLSelectElement;
        const id = inventoryCellId(index, f.key);
        if (input.id !== id) input.id = id;
        setAttr(input, "aria-label", `${f.label} of ${name || `row ${index + 1}`}`);
        const value = row[f.key];
        if (input instanceof HTMLInputElement && input.type === "checkbox") {
          if (input.checked !== (value === true)) input.checked = value === true;
        } else {
          const text = asText(value);
          const typing = document.activeElement === input && !replaced && !changedRow;
          if (!typing && input.value !== text) input.value = text;
          if (input instanceof HTMLInputElement) {
            const placeholder = value === undefined ? rowDefault(state.draft, f.key) : "";
            setAttr(input, "placeholder", placeholder || null);
          }
        }
        const own = byCell.get(id) ?? [];
        setAttr(input, "aria-invalid", own.length > 0 ? "true" : null);
        setAttr(
          input,
          "aria-describedby",
          own.length > 0 || (byRow.get(index) ?? []).length > 0 ? `inv-msg-${index}` : null
        );
        for (const i of own) msgs.push(`${f.label}: ${issueText(i, f)}`);
      }
      for (const i of byRow.get(index) ?? [])
        if (!byCell.has(inventoryCellId(index, i.path.split(".").pop() ?? "")))
          msgs.push(i.message);
      refs.msgCell.id = `inv-msg-${index}`;
      setText(refs.msgCell, msgs.join(" "));
      setHidden(refs.msgTr, msgs.length === 0);
      refs.tr.classList.toggle("invalid", msgs.length > 0);
      wanted.push(refs.tr, refs.msgTr);
    }
    const current = [...tbody.children];
    if (current.length !== wanted.length || current.some((n, i) => n !== wanted[i]))
      tbody.replaceChildren(...wanted);

    const pages = Math.max(1, Math.ceil(inventory.length / INVENTORY_PAGE_SIZE));
    setText(
      pageText,
      inventory.length === 0 ? "" : `Rows ${pageStart + 1}–${pageEnd} of ${int(inventory.length)}`
    );
    setDisabled(prev, page <= 0);
    setDisabled(next, page >= pages - 1);
    setHidden(prev, pages <= 1);
    setHidden(next, pages <= 1);
  };

  return { node, render };
}

/** The placeholder of an empty optional inventory cell: the value used instead. */
function rowDefault(draft: Draft, key: string): string {
  const map: Readonly<Record<string, string>> = {
    count: "1",
    os: "windows",
    peakCpuUtilization: asText(getAt(draft, "physical.defaultPeakCpuUtilization")),
    averageCpuUtilization: asText(getAt(draft, "physical.defaultAverageCpuUtilization")),
    storageGiB: asText(getAt(draft, "physical.defaultStorageGiB")),
    powerWatts: asText(getAt(draft, "physical.defaultPowerWatts")),
    rackUnits: asText(getAt(draft, "physical.defaultRackUnits")),
  };
  return map[key] ?? "";
}
