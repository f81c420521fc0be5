/** Guest OS text → windows | linux, with the cases a user should hear about. */
import type { OsKind } from "../scenario";

export type OsClass =
  | { readonly os: OsKind; readonly kind: "windows-server" | "linux" }
  /** Windows client (VDI): Windows Server licensing does not cover it. */
  | { readonly os: "windows"; readonly kind: "windows-desktop" }
  /** Neither Windows nor Linux (FreeBSD, Solaris, "Other", nested ESXi): needs no Windows licence. */
  | { readonly os: "linux"; readonly kind: "other" }
  /** No OS text at all: Windows is the cost-safe assumption. */
  | { readonly os: "windows"; readonly kind: "unknown" };

const LINUX =
  /linux|ubuntu|debian|cent ?os|red ?hat|rhel|suse|sles|fedora|rocky|alma|photon|core ?os|mandr|asianux|turbolinux|gentoo|amazon|oracle (enterprise )?linux|\bol[0-9]|kylin|miracle|flatcar|talos/i;
const WINDOWS_DESKTOP = /windows\s*(xp|vista|7|8|8\.1|10|11|98|95|me|2000 professional)\b/i;

/** Classify the OS text of a server (tools-reported first, then configured; the first non-empty wins). */
export function classifyOs(...texts: readonly (string | null | undefined)[]): OsClass {
  const text = texts.map((t) => (t ?? "").trim()).find((t) => t !== "") ?? "";
  if (text === "") return { os: "windows", kind: "unknown" };
  const lower = text.toLowerCase();
  if (lower === "windows") return { os: "windows", kind: "windows-server" };
  if (lower === "linux") return { os: "linux", kind: "linux" };
  if (lower.includes("windows") || /\bwin(20\d\d|nt|dows)?\b/i.test(text)) {
    return WINDOWS_DESKTOP.test(text) && !/server/i.test(text)
      ? { os: "windows", kind: "windows-desktop" }
      : { os: "windows", kind: "windows-server" };
  }
  if (LINUX.test(text)) return { os: "linux", kind: "linux" };
  return { os: "linux", kind: "other" };
}
