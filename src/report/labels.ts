/**
 * Short option labels for charts and slides, where a category label must fit under a bar:
 * the platform's name is in the title, so "Windows Server 2008 R2 Enterprise" reads
 * "Enterprise" and "Hyper-V Server 2008 R2 + per-VM licences" "Hyper-V Server + per-VM".
 */

/**
 * `label` without the Windows Server version and the vendor prefix; today's subscriptions by
 * the names their quotes use (VCF, VVF, pay-as-you-go), so chart categories fit a narrow pane.
 */
export function shortOptionLabel(label: string): string {
  return label
    .replace(/^Windows Server \d{4}( R2)?( SP1)? /, "")
    .replace(/ \d{4}( R2)?( SP1)?/g, "")
    .replace(/ \+ (Windows )?guest licences$/, " + guests")
    .replace(/ \+ per-VM licences$/, " + per-VM")
    .replace(/VMware Cloud Foundation/, "VCF")
    .replace(/VMware vSphere Foundation/, "VVF")
    .replace(/^Hyper-V on Windows Server pay-as-you-go \(Azure Arc\)$/, "Pay-as-you-go (Arc)")
    .replace(/^VMware /, "");
}

/**
 * The mark of the recommended option in chart categories and legends (short enough not to
 * break a label under a narrow bar; the charts' titles say what it means).
 */
export const RECOMMENDED_SUFFIX = " ★";

/** What the mark means, for chart titles. */
export const RECOMMENDED_NOTE = "★ recommended";
