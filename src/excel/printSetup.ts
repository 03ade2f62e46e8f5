/**
 * Applies a sheet's print setup (src/workbook/print.ts, the same data the template is built from)
 * through Office.js `worksheet.pageLayout` (ExcelApi 1.9): queued only, no sync.
 *
 * Known Excel behaviour (OfficeDev/office-js#1860): on some Windows builds `zoom` fit-to-pages is
 * not applied unless the Page Layout tab has been shown once; the print area, titles, paper and
 * orientation are. `verticalFitToPages: 0` is OOXML's fitToHeight="0": as many pages down as needed.
 */
import type { PrintSetup } from '../workbook/print';

const POINTS_PER_INCH = 72;

export function queuePrintSetup(ws: Excel.Worksheet, p: PrintSetup): void {
  const layout = ws.pageLayout;
  layout.orientation = (p.orientation === 'landscape' ? 'Landscape' : 'Portrait') as Excel.PageOrientation;
  layout.paperSize = p.paper as Excel.PaperType;
  layout.zoom = { horizontalFitToPages: p.fitToWidth, verticalFitToPages: p.fitToHeight };
  layout.leftMargin = p.margins.left * POINTS_PER_INCH;
  layout.rightMargin = p.margins.right * POINTS_PER_INCH;
  layout.topMargin = p.margins.top * POINTS_PER_INCH;
  layout.bottomMargin = p.margins.bottom * POINTS_PER_INCH;
  layout.headerMargin = p.margins.header * POINTS_PER_INCH;
  layout.footerMargin = p.margins.footer * POINTS_PER_INCH;
  layout.centerHorizontally = p.centred;
  layout.printOrder = (p.pageOrder === 'overThenDown' ? 'OverThenDown' : 'DownThenOver') as Excel.PrintOrder;
  if (p.titleRows) layout.setPrintTitleRows(absoluteRows(p.titleRows));
  if (p.titleColumns) layout.setPrintTitleColumns(absoluteColumns(p.titleColumns));
  if (p.area) layout.setPrintArea(p.area);
  const footer = layout.headersFooters.defaultForAllPages;
  footer.leftFooter = p.footer.left ?? '';
  footer.centerFooter = p.footer.center ?? '';
  ws.horizontalPageBreaks.removePageBreaks();
  for (const row of p.breaksBefore ?? []) ws.horizontalPageBreaks.add(`A${row}`);
  ws.showGridlines = p.gridlines;
}

/** '1:2' → '$1:$2' */
function absoluteRows(rows: string): string {
  return rows.replace(/(\d+)/g, '$$$1');
}

/** 'A:B' → '$A:$B' */
function absoluteColumns(cols: string): string {
  return cols.replace(/([A-Z]+)/g, '$$$1');
}
