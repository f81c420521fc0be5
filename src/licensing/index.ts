/**
 * Licensing: every Windows Server edition on every platform, vSphere, cluster-aware licence
 * counts, eligibility with reasons, recommendation and break-even. Rules live in `catalogs/`.
 *
 * The TCO engine, per option in `scenario.licensing.options`:
 *   const plan = planCapacity(scenario, hostConstraintsFor(option, scenario));
 *   const lic = licenseOption(option, scenario, plan);   // lic.oneTime in year 0, lic.annual every year
 * then `licenseMixed(scenario, planOf("datacenter"))` and `recommend(results, mixed)`, or
 * `cheapestOption(tcoTotals)` to recommend by TCO.
 */
export * from "./types";
export { MESSAGES as LICENSING_MESSAGES } from "./messages";
export {
  CATALOGS,
  optionRow,
  windowsRule,
  windowsRules,
  VSPHERE_RULES,
  CAL_RULE,
  SYSTEM_CENTER_RULE,
  SOFTWARE_ASSURANCE_RULE,
  SUBSCRIPTION_RULES,
  VSAN_TIB_PER_CORE,
} from "./catalogs";
export type {
  CountRule,
  OptionRow,
  PlatformCatalog,
  WindowsRule,
  WindowsWay,
  VsphereRule,
  SubscriptionKind,
  SubscriptionRule,
} from "./catalogs";
export {
  ownedLicenceStatement,
  ownedUnits,
  preferOwnedDatacenter,
  type OwnedLicenceStatement,
} from "./ownedLicences";
export {
  estateSubscription,
  type EstateSubscription,
  type HybridBenefitUse,
} from "./subscriptions";
export { countWindows, licensedCores, unitPriceOf, overHorizon, windowsLinePrice } from "./count";
export { eligibility, hostConstraintsFor, wantsClustering } from "./eligibility";
export { cheapestGuestCoverage, hostLicences, licensesForHost } from "./host";
export {
  aggregateLines,
  licenseOption,
  licenseOptions,
  windowsVmsToLicense,
} from "./licenseOption";
export { licenseMixed, optionOfWay, type MixedEstate, type MixedHostChoice } from "./mixed";
export {
  cheapestOption,
  rankOptions,
  recommend,
  type OptionTotal,
  type Recommendation,
} from "./recommend";
export { breakEven, breakEvenVms, defaultTerms, hostCost } from "./breakEven";
export type { BreakEvenChange, BreakEvenHost, BreakEvenSeries, BreakEvenTable } from "./breakEven";
export { licensingJson, lineJson, type LicenceLineJson, type OptionLicensingJson } from "./json";
