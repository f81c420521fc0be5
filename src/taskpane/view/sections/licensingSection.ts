/**
 * Section 5, Platform and licensing: the Windows Server version (with the offer to load its
 * defaults right under it), the options compared, licence prices and terms.
 */
import { html, nothing, type TemplateResult } from "lit-html";
import { asText } from "../../format";
import { inputOf } from "../../draft";
import { platformLabel } from "../../form";
import { PANE_MESSAGES } from "../../messages";
import type { PaneView } from "../paneView";
import { sectionTemplate } from "../section";

/** "Load the 2022 defaults?" after a platform change that would change values. */
function platformOffer(v: PaneView): TemplateResult {
  const offer = v.state.platformOffer;
  return html`<div id="platform-offer" class="callout" role="region" aria-label="Platform defaults" ?hidden=${!offer || offer.changes === 0} >
    <p id="platform-offer-text">${offer ? PANE_MESSAGES.platformOffer(platformLabel(offer.platform), offer.changes) : ""}</p>
    <div class="actions">
    <button type="button" class="btn primary small" @click=${() => v.actions.acceptPlatformDefaults()} >Load defaults</button>
    <button type="button" class="btn small" @click=${() => v.actions.dismissPlatformOffer()}>Keep my values</button>
    </div>
    </div>`;
}

export function licensingSection(v: PaneView): TemplateResult {
  const d = v.state.draft;
  const options = inputOf(d, "licensing.options");
  const list = Array.isArray(options) ? options.map(String) : [];
  const baseline = asText(inputOf(d, "finance.baseline"));
  // Leaving VMware: the date everything is planned against, in the section's one line.
  const vmware = [...list, baseline].some((o) => o === "vcf" || o === "vvf");
  const renewal = vmware
    ? `, VMware renewal ${asText(inputOf(d, "licensing.vmware.renewalDate"))}`
    : "";
  return sectionTemplate(
    v,
    "licensing",
    `${platformLabel(asText(d["platform"]))}, ${list.length} options${renewal}`,
    { after: (c) => (c.path === "platform" ? platformOffer(v) : nothing) }
  );
}
