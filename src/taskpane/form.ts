/**
 * The form, generated from the scenario's field tables (`TOP_FIELDS`, `SECTIONS`,
 * `INVENTORY_FIELDS`): which controls exist, in which pane section and group, with which
 * label, unit and help — and the map from a validation issue's JSON path to the control it
 * concerns. Pure data; the templates in `view/` turn it into DOM.
 */
import { CATALOGS } from "../licensing/catalogs";
import { PLATFORM_LIMITS, type PlatformId } from "../platform";
import { expectedText } from "../scenario/parse";
import {
  INPUT_FIELDS,
  INVENTORY_FIELDS,
  SECTIONS,
  type FieldPath,
  type FieldSpec,
  type Issue,
  type OptionId,
  type SectionKey,
} from "../scenario";
import { inputOf, type Draft } from "./draft";
import { asText } from "./format";
import { PANE_MESSAGES } from "./messages";
import { fractionOf, isPercent, percentIssueText, percentText } from "./percent";

/** The pane's sections, in the order a user fills them. */
export const PANE_SECTION_KEYS = [
  "inventory",
  "demand",
  "hostCluster",
  "storage",
  "licensing",
  "housing",
  "manpower",
  "finance",
] as const;
export type PaneSectionKey = (typeof PANE_SECTION_KEYS)[number];

/** When a control or group applies (shown); absent: always. One with a problem shows anyway. */
export type Applies = (draft: Draft) => boolean;

/** One control of the form: the field it edits and where its value lives in the scenario JSON. */
export interface ControlSpec {
  /** DOM id of the control. */
  readonly id: string;
  /** JSON path of the value (`host.memoryGiB`, `licensing.prices.standard`). */
  readonly path: FieldPath;
  readonly field: FieldSpec;
  readonly when?: Applies;
}

/** Controls shown together under one sub-heading (or a disclosure). */
export interface GroupSpec {
  readonly key: string;
  /** Shown as a sub-heading; null for the section's first, untitled group. */
  readonly title: string | null;
  readonly help: string | null;
  /** Collapsed behind a disclosure until opened (opened by itself when it holds a problem). */
  readonly collapsed: boolean;
  readonly controls: readonly ControlSpec[];
  readonly when?: Applies;
}

/** One numbered section of the pane. */
export interface PaneSectionSpec {
  readonly key: PaneSectionKey;
  readonly title: string;
  readonly help: string;
  readonly groups: readonly GroupSpec[];
}

/** DOM id of the control for a JSON path. */
export function controlId(path: string): string {
  return `f-${path.replace(/[^A-Za-z0-9]+/g, "-")}`;
}

/** DOM id of an inventory cell. */
export function inventoryCellId(row: number, key: string): string {
  return `inv-${row}-${key}`;
}

/** DOM id of a control's message element. */
export function messageId(controlIdValue: string): string {
  return `${controlIdValue}-msg`;
}

const sectionSpec = (key: SectionKey) => SECTIONS.find((s) => s.key === key);

/** The controls of a section's fields (top-level fields for null), in the field table's order. */
const controls = (section: SectionKey | null, keep: (key: string) => boolean = () => true) =>
  INPUT_FIELDS.filter((f) => f.section === section && keep(f.field.key)).map((f): ControlSpec => ({
    id: controlId(f.path),
    path: f.path,
    field: f.field,
  }));

/** The controls of the listed keys of a section, or (`exclude`) of every other key. */
const pick = (section: SectionKey, keys: readonly string[], exclude = false): ControlSpec[] =>
  controls(section, (key) => keys.includes(key) !== exclude);

const group = (
  key: string,
  title: string | null,
  help: string | null,
  list: ControlSpec[],
  collapsed = false,
  when?: Applies
): GroupSpec => ({
  key,
  title,
  help,
  collapsed,
  controls: list,
  ...(when ? { when } : {}),
});

/** The controls, `key`'s shown only when `when` holds. */
const onlyWhen = (list: ControlSpec[], key: string, when: Applies): ControlSpec[] =>
  list.map((c) => (c.field.key === key ? { ...c, when } : c));

const isS2d: Applies = (d) => inputOf(d, "storage.kind") === "s2d";
const isSan: Applies = (d) => !isS2d(d);
const hasParityMix: Applies = (d) =>
  /mirror-accelerated-parity$/.test(String(inputOf(d, "storage.resiliency")));
const isMeasured: Applies = (d) => inputOf(d, "demand.basis") !== "peak";

const top = (key: string): ControlSpec[] => controls(null, (k) => k === key);

/** The options compared, and the baseline when it is a platform staying on (vcf, vvf, vsphere). */
const compared = (d: Draft): readonly unknown[] => {
  const options = inputOf(d, "licensing.options");
  return [...(Array.isArray(options) ? options : []), inputOf(d, "finance.baseline")];
};
/** Applies when one of `ids` is compared (as an option or as the baseline). */
const comparing =
  (...ids: readonly string[]): Applies =>
  (d) =>
    compared(d).some((o) => ids.includes(String(o)));
const isVmware = comparing("vcf", "vvf");

/** The controls, each key of `rules` shown only when its rule holds (a price of an option not compared stays out of the way). */
const onlyWhenAll = (
  list: ControlSpec[],
  rules: Readonly<Record<string, Applies>>
): ControlSpec[] =>
  list.map((c) => {
    const when = rules[c.field.key];
    return when ? { ...c, when } : c;
  });

/** When each licensing price or VMware term applies. */
const LICENSING_RULES: Readonly<Record<string, Applies>> = {
  "prices.enterprise": (d) => d["platform"] === "ws2008r2" || comparing("enterprise")(d),
  "prices.vsphere": comparing("vsphere"),
  "prices.vcf": comparing("vcf"),
  "prices.vvf": comparing("vvf"),
  "vmware.renewalDate": isVmware,
  "vmware.termYears": isVmware,
  "vmware.minimumCoresPerCpu": isVmware,
  "vmware.minimumCoresPerOrder": isVmware,
  "vmware.lateRenewalPenalty": isVmware,
  "vmware.renewLate": isVmware,
  "vmware.vsanTiB": isVmware,
  "prices.vsanPerTiB": isVmware,
  "prices.windowsPayg": comparing("windows-payg"),
  "prices.azureLocalHost": comparing("azure-local"),
  "prices.azureLocalWindows": comparing("azure-local"),
  azureHybridBenefit: comparing("azure-local"),
};

const LICENSING_MORE = [
  "prices.cal",
  "prices.systemCenter",
  "vsphereModel",
  "vsphereCoresPerCpuLicence",
  "vsphereSupportRate",
  "calUsers",
  "systemCenter",
  "softwareAssuranceRate",
];
const CLUSTER_MORE = [
  "targetMemoryUtilization",
  "hostMemoryReserveGiB",
  "vmMemoryOverheadGiB",
  "vcpuPerLogicalProcessor",
];

/** SAN costs: the array per cluster, its GiB, witness, power and rack space. */
const SAN_FIELDS = [
  "sharedStoragePerCluster",
  "storageCostPerGiB",
  "witnessDiskGiB",
  "sharedStoragePowerWatts",
  "sharedStorageRackUnits",
];

/** The pane's form, section by section (every field of the scenario appears exactly once). */
export const PANE_SECTIONS: readonly PaneSectionSpec[] = [
  {
    key: "inventory",
    title: "Inventory",
    help: "The physical servers to consolidate: import an export, paste rows from Excel, or edit them here.",
    groups: [
      group(
        "physical",
        "What staying physical costs",
        "Refresh, maintenance and OS licences of the servers if nothing changes.",
        pick("physical", [
          "serverPrice",
          "osLicencePerWindowsServer",
          "refreshCycleYears",
          "maintenanceRate",
        ])
      ),
      group(
        "rowDefaults",
        "Defaults for rows without a value",
        "Used for servers whose row leaves the value out.",
        pick(
          "physical",
          ["serverPrice", "osLicencePerWindowsServer", "refreshCycleYears", "maintenanceRate"],
          true
        ),
        true
      ),
    ],
  },
  {
    key: "demand",
    title: "Demand and growth",
    help: "What each server is sized on — measured use where an import carries it, else its peak — which idle servers to retire, and how demand grows over the horizon.",
    groups: [
      group(
        "sizing",
        "Sizing",
        null,
        onlyWhen(pick("demand", ["basis", "comfortFactor"]), "comfortFactor", isMeasured)
      ),
      group(
        "idle",
        "Idle servers",
        "A measured server below every threshold is idle: retire it rather than migrate it.",
        pick("demand", ["basis", "comfortFactor"], true)
      ),
      group("growth", "Growth", null, pick("growth", ["ratePerYear"])),
      group(
        "growthMore",
        "Growth per resource",
        "CPU, memory and storage each at its own rate; blank follows the growth above.",
        pick("growth", ["ratePerYear"], true),
        true
      ),
    ],
  },
  {
    key: "hostCluster",
    title: "Host and cluster",
    help: "The host every cluster node is bought as, and how full the failover clusters may run.",
    groups: [
      // Host configurations to compare (issue 18's hostOptions) belong here, after "host".
      group("host", "Host", null, controls("host")),
      group(
        "cluster",
        sectionSpec("cluster")?.title ?? "Cluster",
        sectionSpec("cluster")?.help ?? null,
        pick("cluster", CLUSTER_MORE, true)
      ),
      group(
        "clusterMore",
        "More cluster settings",
        "Memory reserve, overheads and overcommit.",
        pick("cluster", CLUSTER_MORE),
        true
      ),
      group(
        "virtual",
        sectionSpec("virtual")?.title ?? "Cluster infrastructure",
        "Host refresh and upkeep, and the network every cluster needs.",
        pick("virtual", [...SAN_FIELDS, "storageMaintenanceRate"], true),
        true
      ),
    ],
  },
  {
    key: "storage",
    title: "Storage",
    help: sectionSpec("storage")?.help ?? "",
    groups: [
      group("storage", null, null, [
        ...pick("storage", ["kind", "demandBasis"]),
        ...pick("virtual", ["storageMaintenanceRate"]),
      ]),
      group(
        "s2d",
        "Storage Spaces Direct",
        "Per node: capacity drives (cache drives not counted). Each cluster gets the nodes its data needs, with one drive per node (up to 4) kept free for repairs.",
        onlyWhen(
          pick("storage", ["kind", "demandBasis"], true),
          "mirrorShare",
          (d) => isS2d(d) && hasParityMix(d)
        ),
        false,
        isS2d
      ),
      group(
        "san",
        "SAN",
        "A shared array per cluster, priced per cluster and per GiB of VM storage.",
        pick("virtual", SAN_FIELDS),
        false,
        isSan
      ),
    ],
  },
  {
    key: "licensing",
    title: "Platform and licensing",
    help: "The Windows Server version, which licensing options to compare and what licences cost.",
    groups: [
      group("platform", null, null, [
        ...top("platform"),
        ...pick("licensing", ["options", "clusterAware"]),
      ]),
      group(
        "prices",
        "Licence prices",
        "In the unit the vendor quotes; see each price's note.",
        onlyWhenAll(
          pick("licensing", [
            "prices.guestOsPerVm",
            "prices.standard",
            "prices.enterprise",
            "prices.datacenter",
            "prices.vsphere",
          ]),
          LICENSING_RULES
        )
      ),
      group(
        "vmwareRenewal",
        "Leaving VMware: the renewal quote and today's paths",
        "VCF/VVF per core per year from the renewal date; pay-as-you-go and Azure Local per core per month. Each shows when its option (or the baseline) is compared.",
        onlyWhenAll(
          pick("licensing", [
            "vmware.renewalDate",
            "vmware.termYears",
            "prices.vcf",
            "prices.vvf",
            "vmware.minimumCoresPerCpu",
            "vmware.minimumCoresPerOrder",
            "vmware.lateRenewalPenalty",
            "vmware.renewLate",
            "vmware.vsanTiB",
            "prices.vsanPerTiB",
            "prices.windowsPayg",
            "prices.azureLocalHost",
            "prices.azureLocalWindows",
          ]),
          LICENSING_RULES
        ),
        false,
        comparing("vcf", "vvf", "windows-payg", "azure-local")
      ),
      group(
        "owned",
        "Windows Server licences you own",
        "Never assumed: 0 unless you enter them. Every path reuses them and buys only what is missing.",
        onlyWhenAll(
          pick("licensing", [
            "owned.datacenterCores",
            "owned.standardCores",
            "owned.softwareAssurance",
            "azureHybridBenefit",
          ]),
          LICENSING_RULES
        )
      ),
      group(
        "licensingMore",
        "More licensing settings",
        "vSphere terms, CALs, System Center and Software Assurance.",
        pick("licensing", LICENSING_MORE),
        true
      ),
    ],
  },
  {
    key: "housing",
    title: "Housing",
    help: sectionSpec("housing")?.help ?? "",
    groups: [group("housing", null, null, controls("housing"))],
  },
  {
    key: "manpower",
    title: "Manpower",
    help: sectionSpec("manpower")?.help ?? "",
    groups: [group("manpower", null, null, controls("manpower"))],
  },
  {
    key: "finance",
    title: "Finance",
    help: "The business case's horizon, discount rate and depreciation, and the report's title and currency.",
    groups: [
      group("finance", null, null, [...controls("finance"), ...top("name"), ...top("currency")]),
    ],
  },
];

/** True when a control (or group) applies to the draft, or holds a problem the user must see. */
export function shown(item: { readonly when?: Applies }, draft: Draft, hasIssue: boolean): boolean {
  return item.when === undefined || hasIssue || item.when(draft);
}

/** Every control of the form by id and by path. */
export const CONTROLS_BY_PATH: ReadonlyMap<
  string,
  { readonly control: ControlSpec; readonly section: PaneSectionKey; readonly group: GroupSpec }
> = new Map(
  PANE_SECTIONS.flatMap((s) =>
    s.groups.flatMap((g) =>
      g.controls.map((c) => [c.path, { control: c, section: s.key, group: g }] as const)
    )
  )
);

/** Inventory columns, in the `TCO Inventory` table's order. */
export const INVENTORY_COLUMNS = INVENTORY_FIELDS;

/** Where an issue belongs in the pane. */
export type IssuePlace =
  | {
      readonly kind: "control";
      readonly path: string;
      readonly id: string;
      readonly section: PaneSectionKey;
      readonly group: string;
    }
  | {
      readonly kind: "inventoryCell";
      readonly row: number;
      readonly key: string;
      readonly id: string;
    }
  | { readonly kind: "inventoryRow"; readonly row: number }
  | { readonly kind: "inventory" }
  | { readonly kind: "general" };

/** Map a validation issue's JSON path to the control (or inventory cell) it concerns. */
export function placeOfIssue(path: string): IssuePlace {
  const inv = /^inventory\[(\d+)\](?:\.([A-Za-z]+))?/.exec(path);
  if (inv) {
    const row = Number(inv[1]);
    const key = inv[2];
    if (key !== undefined && INVENTORY_FIELDS.some((f) => f.key === key))
      return { kind: "inventoryCell", row, key, id: inventoryCellId(row, key) };
    return { kind: "inventoryRow", row };
  }
  if (path === "inventory") return { kind: "inventory" };
  // `licensing.options[2]` belongs to the options control.
  const base = path.replace(/\[\d+\]$/, "");
  const hit = CONTROLS_BY_PATH.get(base);
  if (hit)
    return {
      kind: "control",
      path: base,
      id: hit.control.id,
      section: hit.section,
      group: hit.group.key,
    };
  return { kind: "general" };
}

/** Sections of the pane that hold at least one issue, with counts. */
export function issueCountsBySection(
  issues: readonly Issue[]
): Readonly<Record<PaneSectionKey, number>> {
  const counts = Object.fromEntries(PANE_SECTION_KEYS.map((k) => [k, 0])) as Record<
    PaneSectionKey,
    number
  >;
  for (const issue of issues) {
    const place = placeOfIssue(issue.path);
    if (place.kind === "control") counts[place.section]++;
    else if (place.kind !== "general") counts.inventory++;
  }
  return counts;
}

/** The message to show for an issue: an empty entry gets "Enter … (…)" instead of `not ""`; a percent field's in percent. */
export function issueText(issue: Issue, field: FieldSpec | undefined): string {
  if (field && isPercent(field)) return percentIssueText(issue, field);
  if (field && issue.received === '""')
    return PANE_MESSAGES.emptyField(field.prompt ?? field.label, expectedText(field));
  return issue.message;
}

/** Display label of a platform ("Windows Server 2022"). */
export function platformLabel(platform: string): string {
  return (
    (PLATFORM_LIMITS as Readonly<Record<string, { label: string }>>)[platform]?.label ?? platform
  );
}

/** Label of a licensing option on a platform, and why it is not available there (if it is not). */
export function optionChoice(
  platform: string,
  option: OptionId
): { readonly label: string; readonly unavailable: string | null } {
  const catalog = (CATALOGS as Readonly<Record<string, (typeof CATALOGS)[PlatformId]>>)[platform];
  const row = catalog?.options.find((r) => r.option === option);
  return row
    ? { label: row.label, unavailable: row.unavailable }
    : { label: option, unavailable: null };
}

/** Text shown for an enum value in a select (platforms get their names, other values their words). */
export function enumValueLabel(field: FieldSpec, value: string): string {
  if (field.key === "platform") return platformLabel(value);
  return (PANE_MESSAGES.enumLabels as Readonly<Record<string, string>>)[value] ?? value;
}

/** The text a field's box shows for a draft value (a fraction as its percentage). */
export function shownText(field: FieldSpec, value: unknown): string {
  return isPercent(field) ? percentText(value) : asText(value);
}

/**
 * The JSON value of what was typed: whole numbers in count fields become numbers, a
 * percentage its fraction; the rest stays text (the parser reads numeric text exactly).
 */
export function typedValue(field: FieldSpec, text: string): unknown {
  if (isPercent(field)) return fractionOf(text);
  const trimmed = text.trim();
  if (field.kind === "int" && /^[+-]?\d{1,15}$/.test(trimmed)) return Number(trimmed);
  return text;
}
