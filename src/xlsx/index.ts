/** .xlsx writer for the report: `writeXlsx(plan)` and the chart-part builders it uses. */
export { writeXlsx } from "./writeXlsx";
export { chartXml, axisIdsFor, type AxisIds } from "./chartXml";
export { resolveChartData, type ChartData } from "../report/chartData";
export { drawingXml, relationshipsXml } from "./drawingXml";
export { injectParts } from "./inject";
