/**
 * The result card's details (one option's capacity and licences; the servers' sizing and idle
 * servers) and the assumptions register: their bodies, loaded with their styles the first
 * time one of them is opened (`../lazyDetails.ts`), so the pane's start-up carries only their
 * one-line summaries.
 */
import css from "./details.css";

// In a browser the styles come with the code; under test there is no stylesheet to add.
if (typeof document !== "undefined" && typeof css === "string" && css !== "")
  document.head.append(Object.assign(document.createElement("style"), { textContent: css }));

export { assumptionsBody, registerOf } from "./assumptions";
export { optionDetailsBody } from "./optionDetails";
export { serverDetailsBody } from "./serverDetails";
