/**
 * A structural diff of two OOXML parts, for comparing our chart and drawing parts with the
 * closest Excel-saved part in ../shared/data/excel-golden: per element (addressed by its path
 * with sibling occurrence numbers, e.g. `c:plotArea/c:valAx#2`), the order of child elements
 * and the `val` attributes of settings. Text content and cache points are ignored.
 */

/** Path → that element's child names in order (consecutive repeats collapsed) and its `val`. */
export type Skeleton = Map<
  string,
  { readonly children: readonly string[]; readonly val: string | undefined }
>;

/** Builds the skeleton of a part. Elements under `c:numCache`/`c:strCache` are skipped (data, not structure). */
export function skeleton(xml: string): Skeleton {
  const out: Skeleton = new Map();
  const stack: { path: string; children: string[]; counts: Map<string, number> }[] = [];
  const root = { path: "", children: [] as string[], counts: new Map<string, number>() };
  stack.push(root);
  let skipDepth = 0;
  for (const m of xml.matchAll(/<(\/?)([A-Za-z_][\w:.-]*)([^>]*?)(\/?)>/g)) {
    const [, close, name, rest, selfClose] = m as unknown as [
      string,
      string,
      string,
      string,
      string,
    ];
    if (close) {
      if (skipDepth > 0) {
        skipDepth--;
        continue;
      }
      stack.pop();
      continue;
    }
    if (skipDepth > 0) {
      if (!selfClose) skipDepth++;
      continue;
    }
    const parent = stack[stack.length - 1] as (typeof stack)[number];
    if (parent.children[parent.children.length - 1] !== name) parent.children.push(name);
    const n = (parent.counts.get(name) ?? 0) + 1;
    parent.counts.set(name, n);
    const path = `${parent.path}/${name}${n > 1 ? `#${n}` : ""}`;
    const val = /\sval="([^"]*)"/.exec(rest)?.[1];
    const node = { path, children: [] as string[], counts: new Map<string, number>() };
    out.set(path, { children: node.children, val });
    if (name === "c:numCache" || name === "c:strCache") {
      if (!selfClose) skipDepth = 1;
      continue;
    }
    if (!selfClose) stack.push(node);
  }
  return out;
}

export interface DiffRules {
  /** Child elements we write that the golden part does not have (documented defaults). */
  readonly allowedExtra: ReadonlySet<string>;
  /** Child elements the golden part has that we leave out. */
  readonly allowedMissing: ReadonlySet<string>;
  /** Paths whose `val` may differ (a deliberate choice, explained where the rule is made). */
  readonly allowedValueDifferences?: ReadonlySet<string>;
}

/** Differences between `ours` and `golden` that the rules do not allow (empty = same shape). */
export function diffSkeletons(ours: Skeleton, golden: Skeleton, rules: DiffRules): string[] {
  const problems: string[] = [];
  for (const [path, g] of golden) {
    const o = ours.get(path);
    if (!o) continue; // reported at the parent as a missing child, unless allowed
    const missing = g.children.filter(
      (c) => !o.children.includes(c) && !rules.allowedMissing.has(c)
    );
    const extra = o.children.filter((c) => !g.children.includes(c) && !rules.allowedExtra.has(c));
    if (missing.length > 0) problems.push(`${path}: missing ${missing.join(", ")}`);
    if (extra.length > 0) problems.push(`${path}: extra ${extra.join(", ")}`);
    const common = o.children.filter((c) => g.children.includes(c));
    const commonGolden = g.children.filter((c) => o.children.includes(c));
    if (common.join(" ") !== commonGolden.join(" ")) {
      problems.push(`${path}: order ${common.join(" ")} vs Excel's ${commonGolden.join(" ")}`);
    }
    if (
      g.val !== undefined &&
      o.val !== undefined &&
      g.val !== o.val &&
      !rules.allowedValueDifferences?.has(path)
    ) {
      if (!/\/c:(axId|crossAx|idx|order|ptCount|size)(#\d+)?$/.test(path)) {
        problems.push(`${path}: val ${o.val} vs Excel's ${g.val}`);
      }
    }
  }
  return problems;
}
