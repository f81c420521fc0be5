/**
 * Small DOM helpers for the pane's renderer: create an element, and patch text, attributes
 * and visibility only when they change (so a render that changes nothing writes nothing).
 */
export type Attrs = Readonly<Record<string, string | boolean | undefined>>;

/** A new element with attributes (`class`, `text`, booleans as present/absent) and children. */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Attrs = {},
  ...children: (Node | string | null)[]
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === false) continue;
    if (k === "class") node.className = String(v);
    else if (k === "text") node.textContent = String(v);
    else node.setAttribute(k, v === true ? "" : v);
  }
  for (const c of children) if (c !== null) node.append(c);
  return node;
}

/** Set an element's text if it differs. */
export function setText(node: Element, text: string): void {
  if (node.textContent !== text) node.textContent = text;
}

/** Show or hide an element if that changes anything. */
export function setHidden(node: HTMLElement, hidden: boolean): void {
  if (node.hidden !== hidden) node.hidden = hidden;
}

/** Set an attribute (null removes it) if it differs. */
export function setAttr(node: Element, name: string, value: string | null): void {
  if (value === null) {
    if (node.hasAttribute(name)) node.removeAttribute(name);
  } else if (node.getAttribute(name) !== value) node.setAttribute(name, value);
}

/** Enable or disable a control if that changes anything. */
export function setDisabled(
  node: HTMLButtonElement | HTMLInputElement | HTMLSelectElement,
  disabled: boolean
): void {
  if (node.disabled !== disabled) node.disabled = disabled;
}

/** The text a draft value shows in a text box. */
export function asText(value: unknown): string {
  if (value === undefined || value === null) return "";
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  return JSON.stringify(value);
}

/** A fraction as a percentage for people ("12 %", "4.5 %"); "–" for none. */
export const pct = (v: number | null): string =>
  v === null ? "–" : `${(v * 100).toFixed(v < 0.1 ? 1 : 0)} %`;
/** A count rounded, with thousands separators. */
export const int = (v: number): string => Math.round(v).toLocaleString("en-US");

/** A field's unit as shown beside its box ("USD per kWh", "0–1"); "" for none. */
export function unitText(unit: string, currency: string): string {
  if (unit === "fraction") return "0–1";
  if (unit === "count" || unit === "ratio") return "";
  return unit.replace(/^currency/, currency);
}
