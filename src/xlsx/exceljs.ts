/**
 * The single place the .xlsx writer imports exceljs, so a bundler can alias it.
 *
 * In Node this resolves to exceljs' `main` (`excel.js`). For the browser bundle, exceljs'
 * package.json has `"browser": "./dist/exceljs.min.js"`, which webpack 5 picks up by itself
 * for `target: "web"` (its `resolve.mainFields` puts `browser` first). If a config changes
 * that, alias this module's target explicitly:
 * `resolve: { alias: { exceljs$: "exceljs/dist/exceljs.min.js" } }`.
 */
import ExcelJS from "exceljs";

export default ExcelJS;
export type { Workbook, Worksheet, Cell, Style, Fill, Font, Borders, Alignment } from "exceljs";
