/** Drawing parts (`xdr:wsDr`) that place charts on a sheet, and relationship parts. */
import { parseCell } from "../report/a1";
import { NS, XML_DECLARATION, el } from "./xml";

/** One chart frame on a sheet. */
export interface ChartAnchor {
  /** Top-left cell of the frame (`"B4"`). */
  readonly from: string;
  /** Bottom-right cell; the frame covers it completely, like Office.js `setPosition`. */
  readonly to: string;
  /** Relationship id of the chart in the drawing's .rels (`"rId1"`). */
  readonly relId: string;
  /** Shape name shown in Excel's selection pane (`"Chart 1"`). */
  readonly name: string;
}

/**
 * A drawing part with one `xdr:twoCellAnchor` per chart, shaped like Excel's: no `editAs`
 * (move and size with cells), zero `xdr:xfrm`, `cNvPr` ids from 2, `xdr:clientData` last.
 */
export function drawingXml(anchors: readonly ChartAnchor[]): string {
  const body = anchors
    .map((a, i) => {
      const from = parseCell(a.from);
      const to = parseCell(a.to);
      if (to.row < from.row || to.col < from.col) {
        throw new RangeError(`Chart frame ${a.from}:${a.to} ends above or left of where it starts`);
      }
      return el(
        "xdr:twoCellAnchor",
        {},
        marker("xdr:from", from.col, from.row) +
          marker("xdr:to", to.col + 1, to.row + 1) +
          el(
            "xdr:graphicFrame",
            { macro: "" },
            el(
              "xdr:nvGraphicFramePr",
              {},
              el("xdr:cNvPr", { id: i + 2, name: a.name }) + el("xdr:cNvGraphicFramePr")
            ) +
              el("xdr:xfrm", {}, el("a:off", { x: 0, y: 0 }) + el("a:ext", { cx: 0, cy: 0 })) +
              el(
                "a:graphic",
                {},
                el(
                  "a:graphicData",
                  { uri: NS.chart },
                  el("c:chart", { "xmlns:c": NS.chart, "xmlns:r": NS.rel, "r:id": a.relId })
                )
              )
          ) +
          el("xdr:clientData")
      );
    })
    .join("");
  return (
    XML_DECLARATION +
    el("xdr:wsDr", { "xmlns:xdr": NS.spreadsheetDrawing, "xmlns:a": NS.drawingMain }, body)
  );
}

function marker(name: string, col: number, row: number): string {
  return el(
    name,
    {},
    el("xdr:col", {}, String(col)) +
      el("xdr:colOff", {}, "0") +
      el("xdr:row", {}, String(row)) +
      el("xdr:rowOff", {}, "0")
  );
}

export interface Relationship {
  readonly id: string;
  readonly type: string;
  /** Relative to the source part's folder (`../charts/chart1.xml`). */
  readonly target: string;
}

/** A `.rels` part. */
export function relationshipsXml(rels: readonly Relationship[]): string {
  return (
    XML_DECLARATION +
    el(
      "Relationships",
      { xmlns: NS.pkgRel },
      rels.map((r) => el("Relationship", { Id: r.id, Type: r.type, Target: r.target })).join("")
    )
  );
}
