/**
 * Which host to buy, as the pane shows it: per option the host bought, every candidate's
 * hosts and TCO (whole currency units, a preview) and the sentence saying why it wins.
 */
import { hostChoiceSentence } from "../report/hostChoice";
import type { OptionAnalysis } from "../tco/types";

/** One candidate of one option. */
export interface HostPreviewEntry {
  readonly name: string;
  readonly hosts: number;
  /** TCO over the horizon; null where the option is not possible on this host. */
  readonly tco: number | null;
  readonly licensedCores: number | null;
  readonly chosen: boolean;
}

/** The host sweep of one option. */
export interface HostPreview {
  readonly chosen: string;
  readonly candidates: readonly HostPreviewEntry[];
  readonly reason: string;
}

/** The preview of an option's host sweep. */
export function hostPreviewOf(o: OptionAnalysis): HostPreview {
  return {
    chosen: o.hostName,
    candidates: o.hostSweep.map((e) => ({
      name: e.name,
      hosts: e.hosts,
      tco: e.eligible ? Math.round(e.tco.toNumber()) : null,
      licensedCores: e.licensedCores,
      chosen: e.chosen,
    })),
    reason: hostChoiceSentence(o),
  };
}
