/** Section 3, Host and cluster: the host every node is bought as, and how full clusters run. */
import type { TemplateResult } from "lit-html";
import type { FieldPath } from "../../../scenario";
import { asText } from "../../format";
import { inputOf } from "../../draft";
import type { PaneView } from "../paneView";
import { sectionTemplate } from "../section";

export function hostClusterSection(v: PaneView): TemplateResult {
  const d = v.state.draft;
  const at = (path: FieldPath): string => asText(inputOf(d, path));
  return sectionTemplate(
    v,
    "hostCluster",
    `${at("host.sockets")} × ${at("host.coresPerSocket")} cores, ${at("host.memoryGiB")} GiB, N+${at("cluster.failuresToTolerate")}`
  );
}
