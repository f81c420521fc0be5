/** What LibreOffice made of our charts: read the chart objects of an .ods export. */
import type JSZip from "jszip";
import type { ChartSpec } from "../../src/report/workbookPlan";

export interface OdsSeries {
  readonly chartClass: string;
  readonly values: string;
  readonly label: string;
  readonly axis: string;
  /** Scatter X values, or undefined. */
  readonly domain: string | undefined;
}

export interface OdsChart {
  readonly title: string;
  readonly chartClass: string;
  readonly series: OdsSeries[];
  readonly categories: string | undefined;
  readonly stacked: boolean;
  readonly reversedAxes: number;
}

/** The charts LibreOffice embedded in an .ods, as class, title and bound ranges. */
export async function odsCharts(ods: JSZip): Promise<OdsChart[]> {
  const content = (await ods.file("content.xml")?.async("string")) ?? "";
  const objects = [...content.matchAll(/<draw:object [^>]*xlink:href="\.\/([^"]+)"/g)].map(
    (m) => m[1] as string
  );
  const out: OdsChart[] = [];
  for (const object of objects) {
    const xml = (await ods.file(`${object}/content.xml`)?.async("string")) ?? "";
    const attr = (tag: string, name: string): string | undefined =>
      unescape(new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1]);
    const chartTag = /<chart:chart [^>]*>/.exec(xml)?.[0] ?? "";
    const series = [...xml.matchAll(/<chart:series [^>]*>([\s\S]*?)<\/chart:series>/g)].map((m) => {
      const tag = /<chart:series [^>]*>/.exec(m[0])?.[0] ?? "";
      const domain = /<chart:domain [^>]*table:cell-range-address="([^"]*)"/.exec(m[1] ?? "")?.[1];
      return {
        chartClass: attr(tag, "chart:class") ?? "",
        values: attr(tag, "chart:values-cell-range-address") ?? "",
        label: attr(tag, "chart:label-cell-address") ?? "",
        // LibreOffice names the axis only in charts that have a secondary one.
        axis: attr(tag, "chart:attached-axis") ?? "primary-y",
        domain: domain === undefined ? undefined : unescape(domain),
      };
    });
    out.push({
      title: /<chart:title[^>]*><text:p>([^<]*)<\/text:p>/.exec(xml)?.[1] ?? "",
      chartClass: attr(chartTag, "chart:class") ?? "",
      series,
      categories: unescape(/<chart:categories table:cell-range-address="([^"]*)"/.exec(xml)?.[1]),
      stacked: /chart:stacked="true"/.test(xml),
      reversedAxes: (xml.match(/chart:reverse-direction="true"/g) ?? []).length,
    });
  }
  return out;
}

function unescape(s: string | undefined): string | undefined {
  return s
    ?.replace(/&apos;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");
}

export function expectedClass(kind: ChartSpec["kind"]): string {
  if (kind === "line" || kind === "lineMarkers") return "chart:line";
  if (kind === "xyScatterLines" || kind === "xyScatterLinesNoMarkers") return "chart:scatter";
  return "chart:bar";
}
