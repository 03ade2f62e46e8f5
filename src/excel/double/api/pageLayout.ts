/**
 * Page layout and print settings (ExcelApi 1.9). State lives on the sheet (`sheet.pageLayout`,
 * ../model/pageLayout.ts; direct access `pageLayoutOf(sheet)`); `worksheet.pageLayout`,
 * `worksheet.horizontalPageBreaks` and `worksheet.showGridlines` (ExcelApi 1.8) are declared in
 * worksheet.ts, the page breaks in pageBreaks.ts.
 *
 * - `worksheet.pageLayout` (PageLayout): `orientation`, `paperSize`, the six margins (points),
 *   `centerHorizontally`, `centerVertically`, `printGridlines`, `printOrder`, `zoom` (set as a whole
 *   object, as the docs require: `x.zoom = {...}`), `setPrintMargins(unit, options)`,
 *   `setPrintArea(range | rangeAreas | string)` / `getPrintArea()` / `getPrintAreaOrNullObject()`
 *   (RangeAreas with `address`, `areaCount`, `cellCount`), `setPrintTitleRows` /
 *   `setPrintTitleColumns` and their `getPrintTitle*` / `*OrNullObject` getters (Range),
 *   `headersFooters.defaultForAllPages.{left,center,right}{Header,Footer}`.
 * - `worksheet.horizontalPageBreaks` (PageBreakCollection): `add(range | string)` (a break above the
 *   range's top row; adding one that exists is a no-op), `getCount()`, `getItem(index)`, `items`,
 *   `removePageBreaks()`; PageBreak `rowIndex`, `columnIndex`, `getCellAfterBreak()`, `delete()`.
 * - `worksheet.showGridlines` read/write.
 *
 * Stored forms (what the exporter reads): print area as sheet-local A1 without `$` ('A1:H40',
 * areas joined with ','); title rows as '$1:$3', title columns as '$A:$B'; page breaks as the
 * 0-based row the new page starts at, ascending, no duplicates.
 *
 * Enum values are checked (Excel.PageOrientation, Excel.PaperType, Excel.PrintOrder,
 * Excel.PrintMarginUnit); anything else, a negative margin, a non-boolean flag or a zoom outside
 * scale 10–400 / fit-to 0–32767 fails with InvalidArgument.
 *
 * Uncertain choices (strict where unsure):
 * - Protection: Excel's sheet protection has no "page setup" option and the Page Setup dialog stays
 *   usable on a protected sheet (not verified for the API), so every write here is allowed on a
 *   protected sheet.
 * - `setPrintTitleRows/Columns`: the docs say "The range must span the entire row [column] to be
 *   valid"; VBA's PageSetup.PrintTitleRows expands a partial range instead. The double refuses a
 *   partial range (InvalidArgument). An empty string (VBA's way to clear) is refused too, and so is
 *   `setPrintArea('')`; clearing print settings is not modelled.
 * - `zoom`: null members are dropped; a scale together with fit-to pages is refused; an empty object
 *   is refused. Reading returns the object as written (Excel may fill in the other members).
 * - Header/footer sections longer than 255 characters are refused (Excel's header limit).
 * - PageBreak `rowIndex`/`columnIndex` are 0-based like Range.rowIndex (the docs do not say);
 *   `columnIndex` is always 0 and `getCellAfterBreak()` is column A of the break row. A break above
 *   row 1 is refused.
 * - Inserting/deleting rows does not move the print area, print titles or page breaks (Excel would).
 *
 * Not modelled: `blackAndWhite`, `draftMode`, `firstPageNumber`, `printComments`, `printErrors`,
 * `printHeadings`, `printQuality`, `alignMarginsHeaderFooter`, the first/odd/even page headers,
 * header pictures, `verticalPageBreaks` (the model has row breaks only).
 */
import { Rect, formatRect, isEntireColumns, isEntireRows, parseRect, splitSheetAddress } from '../address';
import { err } from '../errors';
import type { DoubleSheet, HeaderFooterModel, PageLayoutModel } from '../model';
import { Exec, ProxyBase, ScalarDecl, declareNavs, declareScalars } from '../proxy';
import { RangeProxy } from './range';
import { AreasHandle, RangeAreasProxy } from './rangeAreas';
import { rangeOf, sheetOf, trackIn } from './resolve';

// ---------------------------------------------------------------- enums

/** Excel.PaperType */
export const PAPER_TYPES = [
  'Letter',
  'LetterSmall',
  'Tabloid',
  'Ledger',
  'Legal',
  'Statement',
  'Executive',
  'A3',
  'A4',
  'A4Small',
  'A5',
  'B4',
  'B5',
  'Folio',
  'Quatro',
  'Paper10x14',
  'Paper11x17',
  'Note',
  'Envelope9',
  'Envelope10',
  'Envelope11',
  'Envelope12',
  'Envelope14',
  'Csheet',
  'Dsheet',
  'Esheet',
  'EnvelopeDL',
  'EnvelopeC5',
  'EnvelopeC3',
  'EnvelopeC4',
  'EnvelopeC6',
  'EnvelopeC65',
  'EnvelopeB4',
  'EnvelopeB5',
  'EnvelopeB6',
  'EnvelopeItaly',
  'EnvelopeMonarch',
  'EnvelopePersonal',
  'FanfoldUS',
  'FanfoldStdGerman',
  'FanfoldLegalGerman',
];
const ORIENTATIONS = ['Portrait', 'Landscape'];
const PRINT_ORDERS = ['DownThenOver', 'OverThenDown'];
/** Excel.PrintMarginUnit → points per unit. */
const MARGIN_UNITS: Record<string, number> = { Points: 1, Inches: 72, Centimeters: 72 / 2.54 };
const HEADER_FOOTER_PARTS = ['leftHeader', 'centerHeader', 'rightHeader', 'leftFooter', 'centerFooter', 'rightFooter'] as const;
const MAX_HEADER_LENGTH = 255;

// ---------------------------------------------------------------- helpers

function layoutOf(p: ProxyBase, x: Exec): PageLayoutModel {
  return sheetOf(p, x).pageLayout;
}

/** Rectangles from a Range, a RangeAreas (same context, same sheet) or an address list such as "A1:H40" or "A1:B2,D1:E2". */
export function areasArg(arg: unknown, sheet: DoubleSheet, x: Exec, location: string): Rect[] {
  if (arg instanceof RangeProxy) {
    const tr = rangeOf(arg, x);
    if (tr.sheet !== sheet) throw err.invalidArgument(location);
    return [tr.rect];
  }
  if (arg instanceof RangeAreasProxy) {
    const h = arg._resolve(x) as { sheet: DoubleSheet; rects: Rect[] } | null;
    if (h === null) throw err.itemNotFound(location);
    if (h.sheet !== sheet) throw err.invalidArgument(location);
    return h.rects.map((r) => ({ ...r }));
  }
  if (typeof arg !== 'string' || arg.trim() === '') throw err.invalidArgument(location);
  return arg.split(',').map((part) => {
    const { sheet: name, local } = splitSheetAddress(part);
    if (name !== undefined && name.toLowerCase() !== sheet.name.toLowerCase()) throw err.invalidArgument(location);
    return parseRect(local, location);
  });
}

export function oneRectArg(arg: unknown, sheet: DoubleSheet, x: Exec, location: string): Rect {
  if (arg instanceof RangeAreasProxy) throw err.invalidArgument(location);
  const rects = areasArg(arg, sheet, x, location);
  if (rects.length !== 1) throw err.invalidArgument(location);
  return rects[0];
}

export function checkSameContext(owner: ProxyBase, arg: unknown): void {
  if (arg instanceof ProxyBase) owner._sameContext(arg);
}

function enumScalar<K extends keyof PageLayoutModel>(key: K, values: readonly string[]): ScalarDecl<ProxyBase> {
  return {
    read: (p, x) => layoutOf(p, x)[key],
    write: (p, x, v) => {
      const l = layoutOf(p, x);
      if (typeof v !== 'string' || !values.includes(v)) throw err.invalidArgument(`PageLayout.${key}`);
      (l as unknown as Record<string, unknown>)[key] = v;
    },
  };
}

type MarginKey = 'leftMargin' | 'rightMargin' | 'topMargin' | 'bottomMargin' | 'headerMargin' | 'footerMargin';

function marginScalar(key: MarginKey): ScalarDecl<ProxyBase> {
  return {
    read: (p, x) => layoutOf(p, x)[key],
    write: (p, x, v) => {
      const l = layoutOf(p, x);
      if (typeof v !== 'number' || !Number.isFinite(v) || v < 0) throw err.invalidArgument(`PageLayout.${key}`);
      l[key] = v;
    },
  };
}

type FlagKey = 'centerHorizontally' | 'centerVertically' | 'printGridlines';

function flagScalar(key: FlagKey): ScalarDecl<ProxyBase> {
  return {
    read: (p, x) => layoutOf(p, x)[key],
    write: (p, x, v) => {
      const l = layoutOf(p, x);
      if (typeof v !== 'boolean') throw err.invalidArgument(`PageLayout.${key}`);
      l[key] = v;
    },
  };
}

function checkZoom(v: unknown): PageLayoutModel['zoom'] {
  const loc = 'PageLayout.zoom';
  if (!v || typeof v !== 'object' || Array.isArray(v)) throw err.invalidArgument(loc);
  const out: PageLayoutModel['zoom'] = {};
  for (const [k, val] of Object.entries(v as Record<string, unknown>)) {
    if (val === null || val === undefined) continue;
    if (typeof val !== 'number' || !Number.isInteger(val)) throw err.invalidArgument(loc);
    if (k === 'scale') {
      if (val < 10 || val > 400) throw err.invalidArgument(loc);
      out.scale = val;
    } else if (k === 'horizontalFitToPages' || k === 'verticalFitToPages') {
      if (val < 0 || val > 32767) throw err.invalidArgument(loc);
      out[k] = val;
    } else {
      throw err.invalidArgument(loc);
    }
  }
  if (Object.keys(out).length === 0) throw err.invalidArgument(loc);
  if (out.scale !== undefined && (out.horizontalFitToPages !== undefined || out.verticalFitToPages !== undefined)) throw err.invalidArgument(loc);
  return out;
}

// ---------------------------------------------------------------- PageLayout

function printAreaOf(s: DoubleSheet): AreasHandle | null {
  const a = s.pageLayout.printArea;
  if (a === null || a === '') return null;
  return { sheet: s, rects: a.split(',').map((part) => parseRect(part, 'PageLayout.getPrintArea')) };
}

export class PageLayoutProxy extends ProxyBase {
  readonly _typeName = 'PageLayout';

  /** "Sets the worksheet's print area." Stored as sheet-local A1 without `$` ('A1:H40'; areas joined with ','). */
  setPrintArea(printArea: RangeProxy | RangeAreasProxy | string): void {
    checkSameContext(this, printArea);
    this._queue('setPrintArea', (x) => {
      const s = sheetOf(this, x);
      const rects = areasArg(printArea, s, x, 'PageLayout.setPrintArea');
      s.pageLayout.printArea = rects.map(formatRect).join(',');
    });
  }

  /** "If there is no print area, an ItemNotFound error will be thrown." */
  getPrintArea(): RangeAreasProxy {
    return new RangeAreasProxy(this._ctx, `${this._path}.getPrintArea()`, (x) => {
      const h = printAreaOf(sheetOf(this, x));
      if (!h) throw err.itemNotFound('PageLayout.getPrintArea');
      return h;
    });
  }

  getPrintAreaOrNullObject(): RangeAreasProxy {
    const p = new RangeAreasProxy(this._ctx, `${this._path}.getPrintAreaOrNullObject()`, (x) => printAreaOf(sheetOf(this, x)));
    this._queue('getPrintAreaOrNullObject', (x) => void p._resolve(x));
    return p;
  }

  /** "The range must span the entire row to be valid." Stored as '$1:$3'. */
  setPrintTitleRows(printTitleRows: RangeProxy | string): void {
    checkSameContext(this, printTitleRows);
    this._queue('setPrintTitleRows', (x) => {
      const loc = 'PageLayout.setPrintTitleRows';
      const s = sheetOf(this, x);
      const r = oneRectArg(printTitleRows, s, x, loc);
      if (!isEntireRows(r) || isEntireColumns(r)) throw err.invalidArgument(loc);
      s.pageLayout.printTitleRows = `$${r.r0 + 1}:$${r.r1 + 1}`;
    });
  }

  /** "The range must span the entire column to be valid." Stored as '$A:$B'. */
  setPrintTitleColumns(printTitleColumns: RangeProxy | string): void {
    checkSameContext(this, printTitleColumns);
    this._queue('setPrintTitleColumns', (x) => {
      const loc = 'PageLayout.setPrintTitleColumns';
      const s = sheetOf(this, x);
      const r = oneRectArg(printTitleColumns, s, x, loc);
      if (!isEntireColumns(r) || isEntireRows(r)) throw err.invalidArgument(loc);
      s.pageLayout.printTitleColumns = formatRect(r).replace(/([A-Z]+)/g, '$$$1');
    });
  }

  private titleRange(label: string, which: 'printTitleRows' | 'printTitleColumns', orNull: boolean): RangeProxy {
    const p = new RangeProxy(this._ctx, `${this._path}.${label}()`, (x) => {
      const s = sheetOf(this, x);
      const a = s.pageLayout[which];
      if (a === null || a === '') {
        if (orNull) return null;
        throw err.itemNotFound(`PageLayout.${label}`);
      }
      return trackIn(x, s, parseRect(a, `PageLayout.${label}`));
    });
    if (orNull) p._queue(label, (x) => void p._resolve(x));
    return p;
  }

  getPrintTitleRows(): RangeProxy {
    return this.titleRange('getPrintTitleRows', 'printTitleRows', false);
  }

  getPrintTitleRowsOrNullObject(): RangeProxy {
    return this.titleRange('getPrintTitleRowsOrNullObject', 'printTitleRows', true);
  }

  getPrintTitleColumns(): RangeProxy {
    return this.titleRange('getPrintTitleColumns', 'printTitleColumns', false);
  }

  getPrintTitleColumnsOrNullObject(): RangeProxy {
    return this.titleRange('getPrintTitleColumnsOrNullObject', 'printTitleColumns', true);
  }

  /** "Margins not provided remain unchanged." Stored in points. */
  setPrintMargins(unit: string, marginOptions: Record<string, number | undefined>): void {
    this._queue('setPrintMargins', (x) => {
      const loc = 'PageLayout.setPrintMargins';
      const l = layoutOf(this, x);
      const factor = MARGIN_UNITS[unit];
      if (factor === undefined || !marginOptions || typeof marginOptions !== 'object') throw err.invalidArgument(loc);
      const keys: Record<string, MarginKey> = {
        left: 'leftMargin',
        right: 'rightMargin',
        top: 'topMargin',
        bottom: 'bottomMargin',
        header: 'headerMargin',
        footer: 'footerMargin',
      };
      const next: Partial<Record<MarginKey, number>> = {};
      for (const [k, v] of Object.entries(marginOptions)) {
        if (v === undefined || v === null) continue;
        const key = keys[k];
        if (!key || typeof v !== 'number' || !Number.isFinite(v) || v < 0) throw err.invalidArgument(loc);
        next[key] = v * factor;
      }
      Object.assign(l, next);
    });
  }
}
declareScalars(PageLayoutProxy, {
  orientation: enumScalar('orientation', ORIENTATIONS),
  paperSize: enumScalar('paperSize', PAPER_TYPES),
  printOrder: enumScalar('printOrder', PRINT_ORDERS),
  leftMargin: marginScalar('leftMargin'),
  rightMargin: marginScalar('rightMargin'),
  topMargin: marginScalar('topMargin'),
  bottomMargin: marginScalar('bottomMargin'),
  headerMargin: marginScalar('headerMargin'),
  footerMargin: marginScalar('footerMargin'),
  centerHorizontally: flagScalar('centerHorizontally'),
  centerVertically: flagScalar('centerVertically'),
  printGridlines: flagScalar('printGridlines'),
  /** "must be set as a JSON object (use x.zoom = {...} instead of x.zoom.scale = ...)"; writing replaces it. */
  zoom: {
    read: (p, x) => ({ ...layoutOf(p, x).zoom }),
    write: (p, x, v) => {
      const l = layoutOf(p, x);
      l.zoom = checkZoom(v);
    },
  },
});

// ---------------------------------------------------------------- headers and footers

export class HeaderFooterGroupProxy extends ProxyBase {
  readonly _typeName = 'HeaderFooterGroup';
}

export class HeaderFooterProxy extends ProxyBase {
  readonly _typeName = 'HeaderFooter';
}

function headerFooterPart(key: keyof HeaderFooterModel): ScalarDecl<ProxyBase> {
  return {
    read: (p, x) => layoutOf(p, x).headersFooters[key],
    write: (p, x, v) => {
      const l = layoutOf(p, x);
      if (typeof v !== 'string' || v.length > MAX_HEADER_LENGTH) throw err.invalidArgument(`HeaderFooter.${key}`);
      l.headersFooters[key] = v;
    },
  };
}

declareScalars(HeaderFooterProxy, Object.fromEntries(HEADER_FOOTER_PARTS.map((k) => [k, headerFooterPart(k)])));
declareNavs(HeaderFooterGroupProxy, {
  defaultForAllPages: (p) => new HeaderFooterProxy(p._ctx, `${p._path}.defaultForAllPages`, (x) => sheetOf(p, x)),
});
declareNavs(PageLayoutProxy, {
  headersFooters: (p) => new HeaderFooterGroupProxy(p._ctx, `${p._path}.headersFooters`, (x) => sheetOf(p, x)),
});
