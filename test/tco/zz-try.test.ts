import { it } from "vitest";
import { analyze } from "../../src/tco";
import { buildReport } from "../../src/report/build";
import { compareWithPlan, recalcPlanWithHyperFormula } from "../support/hyperformula";
import { scenarioWith, server } from "./fixtures";
it("try", () => {
  const s = scenarioWith("ws2025", [server("APP", { count: 40 }), server("DB", { count: 6, os: "linux" })], {
    finance: { baseline: "vcf", startDate: "2027-01-01", migrationVmsPerMonth: 4, monthsBeforeFirstMove: 2 },
    licensing: { vmware: { renewalDate: "2027-07-01", vsanTiB: "50", minimumCoresPerOrder: 72 }, owned: { datacenterCores: 96, standardCores: 0, softwareAssurance: true }, softwareAssuranceRate: "0.25", azureHybridBenefit: true },
  });
  const a = analyze(s);
  console.log(a.recommendation);
  console.log(JSON.stringify({ ...a.timeline, months: undefined }));
  for (const o of a.options) {
    console.log("FLOWS", o.id, o.businessCase.netFlows.map(x=>x.toFixed(2)).join(" "), o.businessCase.irr?.toString(), o.businessCase.irrFailure);
    console.log(o.id, o.eligible, o.capacity.hosts, o.licensing.total.toFixed(2), o.costs.total.toFixed(2), o.reasons.join(" "));
    for (const l of o.licensing.lines) console.log("   ", l.sku, l.quantity, l.unitPrice.toFixed(2), l.cost.toFixed(2), l.recurrence, l.basis);
    for (const l of o.costs.lines.filter(l => l.months)) console.log("   T", l.id, l.amounts.map(x => x.toFixed(0)).join(" "));
    for (const n of o.licensing.notes) console.log("    note:", n);
  }
  console.log("baseline", a.physical.years.map((y) => y.total.toFixed(0)).join(" "));
  for (const l of a.physical.lines) console.log("   B", l.id, l.label, l.amounts.map(x => x.toFixed(0)).join(" "));
  const plan = buildReport(s, a);
  const cf = plan.sheets.find((x) => x.name === "TCO Cashflow")!;
  for (const b of cf.blocks) { const top = Number(/\d+/.exec(b.topLeft)![0]); b.cells.forEach((r, i) => { const rr = top + i; if ((rr >= 100 && rr <= 160) && (r[0]?.v || r[1]?.v)) console.log("ROW", rr, r[0]?.v, "|", r[1]?.v, "|", r[2]?.v, r[2]?.f ?? ""); }); }
  console.log(JSON.stringify(compareWithPlan(plan, recalcPlanWithHyperFormula(plan)).slice(0, 5)));
});
