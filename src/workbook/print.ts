/**
 * How each sheet prints, as data: the template (exceljs) and the add-in (Office.js pageLayout)
 * both apply these, so a sheet made by either prints the same way.
 *
 * - ledger sheets: from the schema (A4 portrait, or A3 landscape for the wide ones; fit to width;
 *   the header row and any title columns repeated; 「sheet name — page n of N」 in the footer);
 * - 督查报告 and the dated round copies: an A4 attachment to a 公文 (GB/T 9704-like margins,
 *   centred, fit to one page across, the title row repeated, page numbers, no gridlines, the
 *   附表 starting on a new page), print area = the report's rows;
 * - 督查看板: A4 landscape, tables and charts fit to one page across.
 */
import type { SheetSpec } from './schema';

export interface PrintSetup {
  orientation: 'portrait' | 'landscape';
  paper: 'A4' | 'A3';
  /** pages across (fit to width) */
  fitToWidth: number;
  /** pages down; 0 = as many as needed */
  fitToHeight: number;
  /** inches, as exceljs has them (Office.js wants points: × 72) */
  margins: { left: number; right: number; top: number; bottom: number; header: number; footer: number };
  centred: boolean;
  pageOrder: 'downThenOver' | 'overThenDown';
  /** rows repeated at the top of each page, e.g. '1:1' */
  titleRows?: string;
  /** columns repeated at the left of each page, e.g. 'A:A' */
  titleColumns?: string;
  /** print area, e.g. 'A1:H60'; none = the used range */
  area?: string;
  /** 1-based rows that start a new page */
  breaksBefore?: number[];
  /** footer sections in Excel's header/footer codes (&P page, &N pages) */
  footer: { left?: string; center?: string };
  /** gridlines shown on screen (never printed) */
  gridlines: boolean;
}

const PAGE_OF_PAGES = '第 &P 页，共 &N 页';

/** Ledger sheets: narrow margins, most of the paper for the table. */
const LEDGER_MARGINS = { left: 0.3, right: 0.3, top: 0.5, bottom: 0.5, header: 0.2, footer: 0.2 };

/** 公文 attachment margins (GB/T 9704: top 37 mm, bottom 35 mm, left 28 mm, right 26 mm), in inches. */
export const DOCUMENT_MARGINS = { left: 0.95, right: 0.9, top: 1.2, bottom: 1.1, header: 0.5, footer: 0.55 };

/** A sheet of the template, as the schema describes it. */
export function sheetPrintSetup(sheet: SheetSpec): PrintSetup {
  if (sheet.printAs === 'document') return documentPrintSetup();
  const headerOnFirstRow = sheet.tables.some((t) => t.headerRow === 1);
  return {
    orientation: sheet.landscape ? 'landscape' : 'portrait',
    paper: sheet.landscape ? 'A3' : 'A4',
    fitToWidth: sheet.fitToWidth ?? 1,
    fitToHeight: 0,
    margins: LEDGER_MARGINS,
    centred: true,
    // A ledger row is read across: print both halves of the same rows one after the other.
    pageOrder: 'overThenDown',
    ...(headerOnFirstRow ? { titleRows: '1:1' } : {}),
    ...(sheet.printTitleColumns ? { titleColumns: sheet.printTitleColumns } : {}),
    footer: { left: sheet.name, center: PAGE_OF_PAGES },
    gridlines: true,
  };
}

/** 督查报告 (live or a dated copy): rows 1..lastRow over columns A..lastColumn (no area: the used range). */
export function documentPrintSetup(area?: { lastRow: number; lastColumn: string }, breaksBefore: number[] = []): PrintSetup {
  return {
    orientation: 'portrait',
    paper: 'A4',
    fitToWidth: 1,
    fitToHeight: 0,
    margins: DOCUMENT_MARGINS,
    centred: true,
    pageOrder: 'downThenOver',
    titleRows: '1:1',
    ...(area ? { area: `A1:${area.lastColumn}${Math.max(1, area.lastRow)}` } : {}),
    breaksBefore,
    footer: { center: '— &P —' },
    gridlines: false,
  };
}

/** 督查看板: tables and charts side by side, on one A4 landscape page. */
export function dashboardPrintSetup(lastRow: number, lastColumn: string): PrintSetup {
  return {
    ...documentPrintSetup({ lastRow, lastColumn }),
    orientation: 'landscape',
    fitToHeight: 1,
    margins: { left: 0.5, right: 0.5, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
    titleRows: undefined,
  };
}

/** Excel's "&L…&C…" footer string. */
export function footerCode(f: PrintSetup['footer']): string {
  return `${f.left ? `&L${f.left}` : ''}${f.center ? `&C${f.center}` : ''}`;
}
