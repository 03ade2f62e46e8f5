/**
 * Page layout and sheet view state of a double sheet (`sheet.pageLayout`): what
 * `worksheet.pageLayout` (ExcelApi 1.9) and `worksheet.showGridlines` (ExcelApi 1.8) set.
 * api/pageLayout.ts exposes it through proxies; test/support/xlsx prints it.
 */
import type { DoubleSheet } from './sheet';

export interface HeaderFooterModel {
  leftHeader: string;
  centerHeader: string;
  rightHeader: string;
  leftFooter: string;
  centerFooter: string;
  rightFooter: string;
}

export interface PageLayoutModel {
  /** Excel.PageOrientation */
  orientation: 'Portrait' | 'Landscape';
  /** Excel.PaperType, e.g. 'A4', 'A3', 'Letter' */
  paperSize: string;
  /** margins in points, as Office.js has them */
  leftMargin: number;
  rightMargin: number;
  topMargin: number;
  bottomMargin: number;
  headerMargin: number;
  footerMargin: number;
  centerHorizontally: boolean;
  centerVertically: boolean;
  printGridlines: boolean;
  /** Excel.PageLayoutZoomOptions: a scale in percent, or pages to fit to (0 = automatic) */
  zoom: { scale?: number; horizontalFitToPages?: number; verticalFitToPages?: number };
  /** Excel.PrintOrder */
  printOrder: 'DownThenOver' | 'OverThenDown';
  /** sheet-local A1 address of the print area, null when none */
  printArea: string | null;
  /** rows repeated at the top of each page, e.g. '$1:$1', null when none */
  printTitleRows: string | null;
  /** columns repeated at the left of each page, e.g. '$A:$A', null when none */
  printTitleColumns: string | null;
  /** `headersFooters.defaultForAllPages` */
  headersFooters: HeaderFooterModel;
  /** manual page breaks: 0-based rows a new page starts at (horizontalPageBreaks) */
  rowBreaks: number[];
  /** worksheet.showGridlines */
  showGridlines: boolean;
}

/** Excel's defaults for a new sheet (margins in points: 0.7" left/right, 0.75" top/bottom, 0.3" header/footer). */
export function defaultPageLayout(): PageLayoutModel {
  return {
    orientation: 'Portrait',
    paperSize: 'Letter',
    leftMargin: 50.4,
    rightMargin: 50.4,
    topMargin: 54,
    bottomMargin: 54,
    headerMargin: 21.6,
    footerMargin: 21.6,
    centerHorizontally: false,
    centerVertically: false,
    printGridlines: false,
    zoom: { scale: 100 },
    printOrder: 'DownThenOver',
    printArea: null,
    printTitleRows: null,
    printTitleColumns: null,
    headersFooters: { leftHeader: '', centerHeader: '', rightHeader: '', leftFooter: '', centerFooter: '', rightFooter: '' },
    rowBreaks: [],
    showGridlines: true,
  };
}

/** The sheet's live page layout (Excel's defaults for a new sheet); mutate to change it. */
export function pageLayoutState(s: DoubleSheet): PageLayoutModel {
  return s.pageLayout;
}

/** A copy of the sheet's page layout (direct access for tests and the exporter). */
export function pageLayoutOf(s: DoubleSheet): PageLayoutModel {
  return JSON.parse(JSON.stringify(pageLayoutState(s))) as PageLayoutModel;
}
