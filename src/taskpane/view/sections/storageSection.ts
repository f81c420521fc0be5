/**
 * Section 4, Storage: a SAN per cluster (its prices) or Storage Spaces Direct on the nodes'
 * own drives (resiliency, media, drives, headroom) — each shows only its own inputs — with
 * what the chosen resiliency keeps of the raw capacity and the raw TB per node in TB and TiB.
 */
import { html, nothing, type TemplateResult } from "lit-html";
import {
  RESILIENCY_RULES,
  S2D_LIMITS,
  S2D_RESILIENCIES,
  TB_PER_TIB,
  s2dEfficiency,
  type S2dResiliency,
  type StorageMedia,
} from "../../../platform";
import { formatDecimal } from "../../../money";
import { inputOf, type Draft } from "../../draft";
import { asText } from "../../format";
import type { ControlSpec } from "../../form";
import { PANE_MESSAGES } from "../../messages";
import { percentLabel } from "../../percent";
import type { PaneView } from "../paneView";
import { sectionTemplate } from "../section";

const number = (v: unknown): number | null => {
  const x = typeof v === "number" ? v : typeof v === "string" && v.trim() !== "" ? Number(v) : NaN;
  return Number.isFinite(x) ? x : null;
};

function resiliencyOf(d: Draft): S2dResiliency | null {
  const r = inputOf(d, "storage.resiliency");
  return (S2D_RESILIENCIES as readonly unknown[]).includes(r) ? (r as S2dResiliency) : null;
}

/** Under the resiliency: its efficiency at the largest cluster allowed, failures survived, node range. */
function resiliencyNote(d: Draft): TemplateResult | typeof nothing {
  const resiliency = resiliencyOf(d);
  const maxNodes = number(inputOf(d, "cluster.maxNodes"));
  const drives = number(inputOf(d, "storage.drivesPerNode"));
  const mirrorShare = number(inputOf(d, "storage.mirrorShare"));
  if (resiliency === null || maxNodes === null) return nothing;
  const rule = RESILIENCY_RULES[resiliency];
  const nodes = Math.min(maxNodes, rule.maxNodes, S2D_LIMITS.maxNodes);
  const eff = s2dEfficiency(
    {
      resiliency,
      media: inputOf(d, "storage.media") as StorageMedia,
      drivesPerNode: drives ?? S2D_LIMITS.minCapacityDrivesPerNode,
      driveTB: number(inputOf(d, "storage.driveTB")) ?? 1,
      mirrorShare: mirrorShare ?? 0,
    },
    nodes
  );
  // Not possible at this size: the parser's own message stands at the field instead.
  if (eff === null) return nothing;
  const range =
    rule.minNodes === rule.maxNodes
      ? `exactly ${rule.minNodes}`
      : `${rule.minNodes}–${rule.maxNodes}`;
  return html`<p class="note field-note" id="storage-resiliency-note">${PANE_MESSAGES.s2dResiliency(
    `${formatDecimal(eff.efficiency * 100, 1)} %`,
    eff.layout,
    nodes,
    rule.faultsTolerated,
    range
  )}</p>`;
}

/** Under the drive size: raw TB per node, in TB and TiB. */
function rawNote(d: Draft): TemplateResult | typeof nothing {
  const drives = number(inputOf(d, "storage.drivesPerNode"));
  const driveTB = number(inputOf(d, "storage.driveTB"));
  if (drives === null || driveTB === null || drives <= 0 || driveTB <= 0) return nothing;
  const raw = drives * driveTB;
  return html`<p class="note field-note" id="storage-raw-note">${PANE_MESSAGES.s2dRaw(
    drives,
    formatDecimal(driveTB, 3),
    formatDecimal(raw, 2),
    formatDecimal(raw / TB_PER_TIB, 2)
  )}</p>`;
}

function summary(v: PaneView): string {
  const d = v.state.draft;
  if (inputOf(d, "storage.kind") !== "s2d")
    return `SAN, ${v.currency} ${asText(inputOf(d, "virtual.sharedStoragePerCluster"))} per cluster`;
  const resiliency = resiliencyOf(d);
  const label = resiliency ? RESILIENCY_RULES[resiliency].label : "S2D";
  const headroom = inputOf(d, "storage.headroom");
  return `S2D ${label}, ${asText(inputOf(d, "storage.drivesPerNode"))} × ${asText(inputOf(d, "storage.driveTB"))} TB per node, ${percentLabel(headroom)} headroom`;
}

export function storageSection(v: PaneView): TemplateResult {
  const d = v.state.draft;
  const after = (c: ControlSpec): TemplateResult | typeof nothing =>
    c.path === "storage.resiliency"
      ? resiliencyNote(d)
      : c.path === "storage.driveTB"
        ? rawNote(d)
        : nothing;
  return sectionTemplate(v, "storage", summary(v), { after });
}
