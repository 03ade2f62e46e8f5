/**
 * The Excel double's workbook (src/excel/double) as an .xlsx file, so that a LibreOffice print (PDF/PNG) shows what the
 * add-in wrote through Office.js: values (formulas with their cached results), formats, column
 * widths/row heights, merges, hidden columns, frozen panes, visibility, tab colours, page setup and
 * charts.
 *
 * A test tool, Node only (exceljs, jszip, Buffer), so it lives in test/support, outside the add-in
 * and the browser-safe double; import it from this file. Charts: charts.ts.
 *
 *   const buf = await exportXlsx(xl.workbook, { sheets: ['督查看板'] });
 *
 * exceljs writes cells, styles and page setup; it cannot write charts, so the zip is post-processed
 * with jszip: one `xl/drawings/drawingN.xml` per sheet with charts (a `xdr:twoCellAnchor` per chart)
 * and one `xl/charts/chartM.xml` (DrawingML) per chart, with their relationships, the worksheet's
 * `<drawing r:id>` and the content-type overrides.
 *
 * Not exported: tables (ListObjects; their cells and formats are), conditional formats, data
 * validation, defined names, sheet protection (the cells' `locked` flag is), quote prefixes,
 * comments. Chart details beyond the model (src/excel/double/api/charts.ts: type, series-by, source, title,
 * position) take Excel's defaults (legend at the bottom, automatic colours).
 */
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import '../../../src/workbook/exceljsPatch';
import { columnLetters, parseRect, splitSheetAddress, type Rect } from '../../../src/excel/double/address';
import {
  FMT_DEFAULTS,
  FMT_KEYS,
  chartsOf,
  hiddenColumns,
  mergedAreas,
  pageLayoutOf,
  type DoubleSheet,
  type DoubleWorkbook,
  type Fmt,
  type FmtKey,
  type PageLayoutModel,
} from '../../../src/excel/double/model';
import type { CellValue } from '../../../src/excel/double/values';
import { addCharts } from './charts';

export interface ExportOptions {
  /** Sheets to export (written in workbook order); default all. */
  sheets?: string[];
}

// ---------------------------------------------------------------- units

/**
 * Column width: the model holds points (Office.js `format.columnWidth`), the file holds characters
 * of the default font's maximum digit width. For Calibri 11 (max digit width 7 px, 5 px of cell
 * padding, 96 dpi: 1 px = 0.75 pt): chars = (points / 0.75 − 5) / 7, rounded to 1/100 as Excel
 * stores it. 48 pt (64 px) → 8.43, Excel's default width.
 */
export function pointsToCharWidth(points: number): number {
  return Math.max(0, Math.round(((points / 0.75 - 5) / 7) * 100) / 100);
}

/** Excel.PaperType → the OOXML `pageSetup@paperSize` code (ECMA-376 Part 1, pageSetup). */
const PAPER_SIZES: Record<string, number> = {
  Letter: 1,
  LetterSmall: 2,
  Tabloid: 3,
  Ledger: 4,
  Legal: 5,
  Statement: 6,
  Executive: 7,
  A3: 8,
  A4: 9,
  A4Small: 10,
  A5: 11,
  B4: 12,
  B5: 13,
  Folio: 14,
  Quatro: 15,
  Paper10x14: 16,
  Paper11x17: 17,
  Note: 18,
  Envelope9: 19,
  Envelope10: 20,
  Envelope11: 21,
  Envelope12: 22,
  Envelope14: 23,
  Csheet: 24,
  Dsheet: 25,
  Esheet: 26,
  EnvelopeDL: 27,
  EnvelopeC5: 28,
  EnvelopeC3: 29,
  EnvelopeC4: 30,
  EnvelopeC6: 31,
  EnvelopeC65: 32,
  EnvelopeB4: 33,
  EnvelopeB5: 34,
  EnvelopeB6: 35,
  EnvelopeItaly: 36,
  EnvelopeMonarch: 37,
  EnvelopePersonal: 38,
  FanfoldUS: 39,
  FanfoldStdGerman: 40,
  FanfoldLegalGerman: 41,
};

/** Excel.BorderLineStyle → OOXML border style (always the thin weight: the model has no weight). */
const BORDER_STYLES: Record<string, ExcelJS.BorderStyle | undefined> = {
  None: undefined,
  Continuous: 'thin',
  Dash: 'dashed',
  DashDot: 'dashDot',
  DashDotDot: 'dashDotDot',
  Dot: 'dotted',
  Double: 'double',
  SlantDashDot: 'slantDashDot',
};

const H_ALIGN: Record<string, ExcelJS.Alignment['horizontal'] | undefined> = {
  General: undefined,
  Left: 'left',
  Center: 'center',
  Right: 'right',
  Fill: 'fill',
  Justify: 'justify',
  CenterAcrossSelection: 'centerContinuous',
  Distributed: 'distributed',
};

const V_ALIGN: Record<string, ExcelJS.Alignment['vertical'] | undefined> = {
  Top: 'top',
  Center: 'middle',
  Bottom: undefined,
  Justify: 'justify',
  Distributed: 'distributed',
};

const ERROR_VALUES = /^#(NULL!|DIV\/0!|VALUE!|REF!|NAME\?|NUM!|N\/A|SPILL!|CALC!|GETTING_DATA)$/;

// ---------------------------------------------------------------- formats → exceljs styles

type Resolved = { [K in keyof Fmt]-?: Exclude<Fmt[K], undefined> | null };

/** The effective format through the given layers (first defined wins), then Excel's defaults. */
function resolve(layers: (Fmt | undefined)[]): Resolved {
  const out = {} as Record<string, unknown>;
  for (const k of FMT_KEYS) {
    let v: unknown;
    for (const l of layers) {
      if (l && l[k] !== undefined) {
        v = l[k];
        break;
      }
    }
    out[k] = v === undefined ? FMT_DEFAULTS[k] : v;
  }
  return out as Resolved;
}

function argb(hex: string): string {
  return `FF${hex.replace(/^#/, '').toUpperCase()}`;
}

function border(style: string | null): Partial<ExcelJS.Border> | undefined {
  const s = style ? BORDER_STYLES[style] : undefined;
  return s ? { style: s, color: { argb: 'FF000000' } } : undefined;
}

/**
 * exceljs styles, one object per distinct effective format (exceljs then finds the style id by
 * object identity). Looked up by the format layers' own keys, so most cells skip `resolve`.
 */
class StyleCache {
  private readonly byLayers = new Map<string, Partial<ExcelJS.Style>>();
  private readonly byFormat = new Map<string, Partial<ExcelJS.Style>>();
  private readonly layerIds = new WeakMap<Fmt, number>();
  private nextLayerId = 1;

  private layerId(f: Fmt | undefined): number {
    if (!f) return 0;
    let id = this.layerIds.get(f);
    if (id === undefined) {
      id = this.nextLayerId++;
      this.layerIds.set(f, id);
    }
    return id;
  }

  /** Style of the layers (first defined wins per key): `own` is keyed by content, the others by identity. */
  get(own: Fmt | undefined, ...shared: (Fmt | undefined)[]): Partial<ExcelJS.Style> {
    let key = shared.map((f) => this.layerId(f)).join(',');
    if (own) {
      for (const k of FMT_KEYS) {
        const v = own[k];
        if (v !== undefined && k !== 'validation') key += `\u0001${k}\u0002${String(v)}`;
      }
    }
    let s = this.byLayers.get(key);
    if (!s) {
      const f = resolve([own, ...shared]);
      const fullKey = JSON.stringify(FMT_KEYS.map((k) => (k === 'validation' ? null : f[k])));
      s = this.byFormat.get(fullKey);
      if (!s) {
        s = toStyle(f);
        this.byFormat.set(fullKey, s);
      }
      this.byLayers.set(key, s);
    }
    return s;
  }
}

function toStyle(f: Resolved): Partial<ExcelJS.Style> {
  const style: Partial<ExcelJS.Style> = {};
  if (f.numberFormat && f.numberFormat !== 'General') style.numFmt = f.numberFormat;
  const name = f.fontName ?? 'Calibri';
  const font: Partial<ExcelJS.Font> = { name, size: f.fontSize ?? 11, color: { argb: argb(f.fontColor ?? '#000000') } };
  if (f.bold) font.bold = true;
  if (f.italic) font.italic = true;
  // GB2312 charset for CJK faces (宋体, 黑体…), as Excel writes them.
  if (/[\u2e80-\u9fff]/.test(name)) font.charset = 134;
  style.font = font;
  if (f.fill) style.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: argb(f.fill) } };
  const alignment: Partial<ExcelJS.Alignment> = {};
  const h = f.horizontalAlignment ? H_ALIGN[f.horizontalAlignment] : undefined;
  const v = f.verticalAlignment ? V_ALIGN[f.verticalAlignment] : undefined;
  if (h) alignment.horizontal = h;
  if (v) alignment.vertical = v;
  if (f.wrapText) alignment.wrapText = true;
  if (Object.keys(alignment).length > 0) style.alignment = alignment;
  const borders: Partial<ExcelJS.Borders> = {};
  const top = border(f.borderTop);
  const bottom = border(f.borderBottom);
  const left = border(f.borderLeft);
  const right = border(f.borderRight);
  if (top) borders.top = top;
  if (bottom) borders.bottom = bottom;
  if (left) borders.left = left;
  if (right) borders.right = right;
  if (Object.keys(borders).length > 0) style.border = borders;
  if (f.locked === false) style.protection = { locked: false };
  return style;
}

function isEmptyFmt(f: Fmt | undefined): boolean {
  return !f || FMT_KEYS.every((k) => k === 'validation' || f[k] === undefined);
}

// ---------------------------------------------------------------- cells

function cellValue(v: CellValue, f: string | undefined): ExcelJS.CellValue {
  if (f !== undefined) {
    const formula = f.startsWith('=') ? f.slice(1) : f;
    if (v === '') return { formula } as ExcelJS.CellFormulaValue;
    const result = typeof v === 'string' && ERROR_VALUES.test(v) ? ({ error: v } as ExcelJS.CellErrorValue) : v;
    return { formula, result } as ExcelJS.CellFormulaValue;
  }
  return v === '' ? null : v;
}

/** Rows and columns spanned by the sheet's cells and merges (undefined when empty). */
function usedExtent(s: DoubleSheet, merges: Rect[]): { maxRow: number; maxCol: number } | undefined {
  let maxRow = -1;
  let maxCol = -1;
  for (const [r, row] of s.cells) {
    if (row.size === 0) continue;
    if (r > maxRow) maxRow = r;
    for (const c of row.keys()) if (c > maxCol) maxCol = c;
  }
  for (const m of merges) {
    maxRow = Math.max(maxRow, m.r1);
    maxCol = Math.max(maxCol, m.c1);
  }
  return maxRow < 0 ? undefined : { maxRow, maxCol };
}

function writeSheet(wb: ExcelJS.Workbook, s: DoubleSheet, styles: StyleCache): void {
  const layout = pageLayoutOf(s);
  const ws = wb.addWorksheet(s.name, {
    state: s.visibility === 'Hidden' ? 'hidden' : s.visibility === 'VeryHidden' ? 'veryHidden' : 'visible',
    properties: s.tabColor ? { tabColor: { argb: argb(s.tabColor) } } : {},
  });
  const merges = mergedAreas(s).map((a) => parseRect(a));
  const extent = usedExtent(s, merges);

  // Columns: width, hidden, style (column format over the sheet format).
  const sheetFmtEmpty = isEmptyFmt(s.sheetFmt);
  const styledCols = new Set<number>(s.colFmt.keys());
  if (!sheetFmtEmpty && extent) for (let c = 0; c <= extent.maxCol; c += 1) styledCols.add(c);
  for (const c of styledCols) {
    const f = s.colFmt.get(c);
    if (isEmptyFmt(f) && sheetFmtEmpty) continue;
    ws.getColumn(c + 1).style = styles.get(undefined, f, s.sheetFmt);
  }
  for (const [c, pts] of s.colWidth) ws.getColumn(c + 1).width = pointsToCharWidth(pts);
  for (const c of hiddenColumns(s)) ws.getColumn(c + 1).hidden = true;

  // Rows: height, style (row format over the sheet format).
  for (const [r, pts] of s.rowHeight) ws.getRow(r + 1).height = pts;
  for (const [r, f] of s.rowFmt) {
    if (isEmptyFmt(f)) continue;
    // exceljs keeps a row's style in `row.style` (untyped); cells created later start from it.
    (ws.getRow(r + 1) as unknown as { style: Partial<ExcelJS.Style> }).style = styles.get(undefined, f, s.sheetFmt);
  }

  // Cells: every existing cell, plus the crossings of formatted rows with formatted columns where the
  // column format sets something the row format does not (in the file a row style replaces the
  // column style; the double layers them key by key — Excel writes such crossing cells too). Other
  // cells take their row's or column's style from the file, as in Excel.
  const write = (r: number, c: number): void => {
    const cell = s.cell(r, c);
    const xc = ws.getCell(r + 1, c + 1);
    if (cell) xc.value = cellValue(cell.v, cell.f);
    xc.style = styles.get(cell, s.rowFmt.get(r), s.colFmt.get(c), s.sheetFmt);
  };
  for (const r of [...s.cells.keys()].sort((a, b) => a - b)) {
    const row = s.cells.get(r)!;
    for (const c of [...row.keys()].sort((a, b) => a - b)) write(r, c);
  }
  const setKeys = (f: Fmt | undefined): FmtKey[] => (f ? FMT_KEYS.filter((k) => k !== 'validation' && f[k] !== undefined) : []);
  const colKeys = [...s.colFmt].map(([c, f]) => ({ c, keys: setKeys(f) })).filter((x) => x.keys.length > 0);
  for (const [r, f] of s.rowFmt) {
    if (isEmptyFmt(f)) continue;
    for (const { c, keys } of colKeys) if (!s.cell(r, c) && keys.some((k) => f[k] === undefined)) write(r, c);
  }
  for (const m of merges) ws.mergeCellsWithoutStyle(m.r0 + 1, m.c0 + 1, m.r1 + 1, m.c1 + 1);

  // View: frozen panes, gridlines.
  const view: Partial<ExcelJS.WorksheetView> =
    s.freezeRows > 0 || s.freezeColumns > 0
      ? {
          state: 'frozen',
          xSplit: s.freezeColumns,
          ySplit: s.freezeRows,
          topLeftCell: `${columnLetters(s.freezeColumns)}${s.freezeRows + 1}`,
          showGridLines: layout.showGridlines,
        }
      : { state: 'normal', showGridLines: layout.showGridlines };
  ws.views = [view];

  writePageSetup(ws, layout);
}

// ---------------------------------------------------------------- page setup

/**
 * A print-area part for exceljs, which writes `'Sheet'!$<first>:$<second>`: `'$A$1:$H$30'` →
 * `'A$1:H$30'` (so the name reads `$A$1:$H$30`); a single cell becomes a 1×1 range.
 */
function printAreaPart(address: string): string {
  const local = splitSheetAddress(address).local.replace(/\$/g, '');
  const [a, b] = local.includes(':') ? local.split(':') : [local, local];
  const abs = (p: string): string => p.replace(/^([A-Za-z]+)(\d+)$/, '$1$$$2');
  return `${abs(a)}:${abs(b)}`;
}

function headerFooterText(left: string, center: string, right: string): string | undefined {
  const parts = [left ? `&L${left}` : '', center ? `&C${center}` : '', right ? `&R${right}` : ''].join('');
  return parts === '' ? undefined : parts;
}

function writePageSetup(ws: ExcelJS.Worksheet, l: PageLayoutModel): void {
  const inches = (pt: number): number => Math.round((pt / 72) * 10000) / 10000;
  const setup: Partial<ExcelJS.PageSetup> = {
    paperSize: (PAPER_SIZES[l.paperSize] ?? 1) as ExcelJS.PaperSize,
    orientation: l.orientation === 'Landscape' ? 'landscape' : 'portrait',
    margins: {
      left: inches(l.leftMargin),
      right: inches(l.rightMargin),
      top: inches(l.topMargin),
      bottom: inches(l.bottomMargin),
      header: inches(l.headerMargin),
      footer: inches(l.footerMargin),
    },
    horizontalCentered: l.centerHorizontally,
    verticalCentered: l.centerVertically,
    showGridLines: l.printGridlines,
    pageOrder: l.printOrder === 'OverThenDown' ? 'overThenDown' : 'downThenOver',
  };
  const { scale, horizontalFitToPages: h, verticalFitToPages: v } = l.zoom;
  const fit = (h !== undefined && h !== null) || (v !== undefined && v !== null);
  if (fit) {
    // Office.js: 0 = automatic (as many pages as needed). A missing direction takes OOXML's
    // default of 1 (uncertain: what Excel keeps when only one direction is set).
    setup.fitToPage = true;
    setup.fitToWidth = h ?? 1;
    setup.fitToHeight = v ?? 1;
  } else {
    setup.fitToPage = false;
    setup.scale = scale ?? 100;
  }
  if (l.printArea) setup.printArea = l.printArea.split(',').map(printAreaPart).join('&&');
  if (l.printTitleRows) setup.printTitlesRow = splitSheetAddress(l.printTitleRows).local.replace(/\$/g, '');
  if (l.printTitleColumns) setup.printTitlesColumn = splitSheetAddress(l.printTitleColumns).local.replace(/\$/g, '');
  ws.pageSetup = { ...ws.pageSetup, ...setup };

  const hf = l.headersFooters;
  const header = headerFooterText(hf.leftHeader, hf.centerHeader, hf.rightHeader);
  const footer = headerFooterText(hf.leftFooter, hf.centerFooter, hf.rightFooter);
  const headerFooter: Partial<ExcelJS.HeaderFooter> = {};
  if (header) headerFooter.oddHeader = header;
  if (footer) headerFooter.oddFooter = footer;
  if (header || footer) ws.headerFooter = headerFooter;

  // `rowBreaks` holds the 0-based rows a new page starts at; exceljs puts a break *below* the
  // (1-based) row it is called on, and 1-based row k is 0-based row k − 1, so getRow(k) works.
  for (const k of [...new Set(l.rowBreaks)].sort((a, b) => a - b)) if (k > 0) ws.getRow(k).addPageBreak();
}

// ---------------------------------------------------------------- entry point

/** The double's workbook (or the named sheets, in workbook order) as an .xlsx file. */
export async function exportXlsx(wb: DoubleWorkbook, opts: ExportOptions = {}): Promise<Buffer> {
  let sheets = wb.sheets;
  if (opts.sheets) {
    const wanted = opts.sheets.map((n) => wb.sheet(n)); // throws ItemNotFound for an unknown name
    sheets = wb.sheets.filter((s) => wanted.includes(s));
  }
  if (sheets.length === 0) throw new Error('exportXlsx: no sheets to export');

  const book = new ExcelJS.Workbook();
  const styles = new StyleCache();
  for (const s of sheets) writeSheet(book, s, styles);

  // A workbook needs a visible, active sheet.
  let active = sheets.indexOf(wb.activeSheet());
  if (active < 0 || sheets[active].visibility !== 'Visible') active = sheets.findIndex((s) => s.visibility === 'Visible');
  if (active < 0) {
    active = 0;
    book.worksheets[0].state = 'visible';
  }
  book.views = [{ x: 0, y: 0, width: 20000, height: 12000, firstSheet: 0, activeTab: active, visibility: 'visible' }];

  const raw = (await book.xlsx.writeBuffer()) as unknown as Buffer;
  if (!sheets.some((s) => chartsOf(s).length > 0)) return Buffer.isBuffer(raw) ? raw : Buffer.from(raw as ArrayBuffer);
  const zip = await JSZip.loadAsync(raw);
  await addCharts(zip, wb, sheets);
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}
