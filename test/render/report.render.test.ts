/**
 * The 督查报告 as printed: a 200-item sample (seed 13710, 今天 2026-11-25, period 2026-11) laid out by
 * the add-in's own `reportGrid` (src/excel/rounds.ts) and 督查看板 tables (`dashboardGrid`,
 * src/excel/dashboard.ts), written with exceljs as an A4-portrait 公文 attachment (centred title,
 * bordered tables, 宋体/黑体, fit to width, print titles, page numbers), printed to PDF by LibreOffice
 * headless and to PNG by pdftoppm: build/screenshots/督查报告-<page>.png.
 *
 * exceljs cannot write charts, so the 看板 page carries the three chart source tables only (the
 * add-in draws the charts in Excel through Office.js).
 */
import ExcelJS from 'exceljs';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import '../../src/workbook/exceljsPatch';
import { createCalendar } from '../../src/domain/calendar';
import { buildReport } from '../../src/domain/report';
import { defaultSettings } from '../../src/domain/settings';
import type { CellValue } from '../../src/excel/cells';
import { DASHBOARD_SHEET, dashboardData, dashboardGrid, type DashboardGrid } from '../../src/excel/dashboard';
import { LAYOUT, REPORT_SHEET, monthPeriod, reportGrid, type ReportGrid } from '../../src/excel/rounds';
import { rounds as t } from '../../src/i18n/rounds';
import { generateSample } from '../../src/workbook/sample';
import { DEFAULT_DIRECTOR, DEFAULT_SECTIONS } from '../../src/workbook/sections';
import { BUILD_DIR, convert, makeProfile, pdfToPng } from '../recalc/libreoffice';

const DIR = join(BUILD_DIR, 'screenshots');
const TODAY = '2026-11-25';
const MONTHS = 6;
const BODY_FONT = '宋体';
const TITLE_FONT = '黑体';
const THIN = { style: 'thin', color: { argb: 'FF000000' } } as const;
const BORDER = { top: THIN, left: THIN, bottom: THIN, right: THIN };
const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFEDEDED' } };
/** A4 portrait with 公文-like margins (GB/T 9704: top 37 mm, bottom 35 mm, left 28 mm, right 26 mm), in inches. */
const MARGINS = { top: 1.2, bottom: 1.1, left: 0.95, right: 0.9, header: 0.5, footer: 0.55 };
/** Column widths (characters): A holds section and source names (up to 17 CJK), B:H numbers. */
const WIDTHS = [34, 8.5, 8.5, 8.5, 8.5, 8.5, 10.5, 10.5];
/** Full-width characters per line of a sentence merged over A:H (measured on the LibreOffice print: ≈ 1.65 width units per CJK glyph at 10.5 pt). */
const CHARS_PER_LINE = WIDTHS.reduce((a, b) => a + b, 0) / 1.65;

/** Printed width of a text in full-width characters (Latin letters and digits count half). */
function textWidth(s: string): number {
  let w = 0;
  for (const ch of s) w += ch.codePointAt(0)! >= 0x2e80 ? 1 : 0.55;
  return w;
}

/** Excel's text prefix ("'=…") is not part of the value exceljs should write. */
function plain(v: CellValue): CellValue {
  return typeof v === 'string' && v.startsWith("'") ? v.slice(1) : v;
}

function pageSetup(ws: ExcelJS.Worksheet, titles: string): void {
  ws.pageSetup = {
    ...ws.pageSetup,
    paperSize: 9, // A4
    orientation: 'portrait',
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    horizontalCentered: true,
    margins: MARGINS,
    printTitlesRow: titles,
  };
  ws.headerFooter = { oddFooter: t.printFooter };
  ws.views = [{ showGridLines: false }];
}

function font(size: number, bold = false, name = BODY_FONT): Partial<ExcelJS.Font> {
  return { name, size, bold, charset: 134 };
}

/** 督查报告: the live report's rows (without the clerk's editing hint, which is not printed). */
function writeReport(wb: ExcelJS.Workbook, grid: ReportGrid): void {
  const ws = wb.addWorksheet(REPORT_SHEET);
  ws.columns = WIDTHS.map((width) => ({ width }));
  const merged = new Set(grid.mergedRows);
  const bold = new Set(grid.boldRows);
  const headings = new Set<number>(LAYOUT.headingRows);
  // table header rows: 总体情况's two, and each 附表's column headers
  const headerRows = new Set<number>([LAYOUT.totals1, LAYOUT.totals2]);
  grid.rows.forEach((cells, i) => {
    if (cells[0] === t.sectionHeader || cells[0] === t.sourceHeader) headerRows.add(i + 1);
  });
  const totalsRows = new Set<number>();
  grid.rows.forEach((cells, i) => {
    if (cells[0] === t.total) totalsRows.add(i + 1);
  });
  grid.rows.forEach((cells, i) => {
    const r = i + 1;
    const row = ws.getRow(r);
    if (r === LAYOUT.hint) {
      row.height = 6;
      return;
    }
    cells.forEach((v, c) => {
      row.getCell(c + 1).value = plain(v);
    });
    const filled = cells.filter((v) => v !== '').length;
    row.font = font(10.5, bold.has(r));
    if (r === 1) {
      ws.mergeCells(1, 1, 1, LAYOUT.width);
      row.height = 40;
      row.getCell(1).font = font(20, true, TITLE_FONT);
      row.getCell(1).alignment = { horizontal: 'center', vertical: 'middle' };
    } else if (r === 2 || r === 3) {
      // 督查日期 / 统计区间: the dates need two number columns each
      row.height = 18;
      ws.mergeCells(r, 2, r, 3);
      if (r === 3) {
        row.getCell(4).value = plain(cells[2]);
        row.getCell(5).value = plain(cells[3]);
        row.getCell(5).numFmt = 'yyyy-mm-dd';
        ws.mergeCells(r, 5, r, 6);
      }
      for (let c = 1; c <= 5; c++) row.getCell(c).alignment = { horizontal: c === 1 || c === 4 ? 'right' : 'left', vertical: 'middle' };
    } else if (headings.has(r) || (bold.has(r) && filled === 1)) {
      // 一、总体情况 … / 附表一 …: 黑体 headings
      row.height = 24;
      row.getCell(1).font = font(headings.has(r) ? 14 : 12, false, TITLE_FONT);
      row.getCell(1).alignment = { vertical: 'bottom' };
    } else if (merged.has(r)) {
      ws.mergeCells(r, 1, r, LAYOUT.width);
      const text = String(cells[0] ?? '');
      row.height = Math.max(1, Math.ceil(textWidth(text) / CHARS_PER_LINE)) * 15.5 + 4;
      row.getCell(1).alignment = { wrapText: true, vertical: 'top', indent: 0 };
    } else if (filled >= 2) {
      // a table row: borders over its width, header rows shaded, numbers centred
      const header = headerRows.has(r);
      const inAppendix = r > LAYOUT.appendixFirst;
      row.height = header ? 21 : 17;
      for (let c = 1; c <= cells.length; c++) {
        const cell = row.getCell(c);
        cell.border = BORDER;
        const left = c === 1 && inAppendix && !header && !totalsRows.has(r);
        cell.alignment = { horizontal: left ? 'left' : 'center', vertical: 'middle', indent: left ? 1 : 0 };
        if (header) cell.fill = HEADER_FILL;
      }
    } else if (filled === 0) {
      row.height = 6; // unused slots of the fixed layout
    }
  });
  for (const f of grid.formats) {
    const [a, b] = f.address.split(':');
    const from = ws.getCell(a);
    const to = ws.getCell(b ?? a);
    for (let r = Number(from.row); r <= Number(to.row); r++) for (let c = Number(from.col); c <= Number(to.col); c++) ws.getRow(r).getCell(c).numFmt = f.numberFormat;
  }
  // the appendices start on a page of their own
  ws.getRow(LAYOUT.appendixFirst - 1).addPageBreak();
  pageSetup(ws, '1:1');
}

/** 督查看板: the three chart source tables (no charts: exceljs cannot write them). */
function writeDashboard(wb: ExcelJS.Workbook, grid: DashboardGrid): void {
  const ws = wb.addWorksheet(DASHBOARD_SHEET);
  ws.columns = [{ width: 34 }, ...Array.from({ length: grid.width - 1 }, () => ({ width: 9.5 }))];
  const blocks = [grid.status, grid.trend, grid.source];
  grid.rows.forEach((cells, i) => {
    const r = i + 1;
    const row = ws.getRow(r);
    cells.forEach((v, c) => (row.getCell(c + 1).value = plain(v)));
    row.font = font(10.5);
    if (r === 1) {
      ws.mergeCells(1, 1, 1, grid.width);
      row.height = 36;
      row.getCell(1).font = font(18, true, TITLE_FONT);
      row.getCell(1).alignment = { horizontal: 'center', vertical: 'middle' };
    } else if (r === 2) {
      ws.mergeCells(2, 1, 2, grid.width);
      row.height = 34;
      row.getCell(1).alignment = { wrapText: true, vertical: 'top' };
      row.getCell(1).font = font(9.5);
    }
    const b = blocks.find((x) => r >= x.heading && r <= x.last);
    if (!b) return;
    if (r === b.heading) {
      row.height = 24;
      row.getCell(1).font = font(12, false, TITLE_FONT);
      row.getCell(1).alignment = { vertical: 'bottom' };
      return;
    }
    row.height = r === b.header ? 20 : 17;
    for (let c = 1; c <= b.width; c++) {
      const cell = row.getCell(c);
      cell.border = BORDER;
      const left = c === 1 && r !== b.header;
      cell.alignment = { horizontal: left ? 'left' : 'center', vertical: 'middle', indent: left ? 1 : 0 };
      if (r === b.header) {
        cell.fill = HEADER_FILL;
        cell.font = font(10.5, true);
      }
    }
  });
  for (const f of grid.formats) {
    const [a, z] = f.address.split(':');
    const from = ws.getCell(a);
    const to = ws.getCell(z ?? a);
    for (let r = Number(from.row); r <= Number(to.row); r++) ws.getRow(r).getCell(Number(from.col)).numFmt = f.numberFormat;
  }
  const note = ws.getRow(grid.rows.length + 2);
  note.getCell(1).value = t.dashboardPrintNote;
  note.font = font(9.5);
  pageSetup(ws, '1:1');
}

function pdfPages(pdf: string): number {
  const info = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' });
  return Number(/Pages:\s+(\d+)/.exec(info)![1]);
}

test('the 督查报告 of a 200-item sample prints as an A4 attachment (PDF → build/screenshots/督查报告-*.png)', async () => {
  mkdirSync(DIR, { recursive: true });
  for (const f of readdirSync(DIR)) if (/^督查报告-.*\.(png|pdf|xlsx)$/.test(f)) rmSync(join(DIR, f));

  const sample = generateSample({ count: 200, seed: 13710, today: TODAY });
  const settings = defaultSettings();
  settings.director = DEFAULT_DIRECTOR;
  const cal = createCalendar();
  const sections = DEFAULT_SECTIONS.map((s) => s.section);
  const people = DEFAULT_SECTIONS.map((s) => ({ section: s.section, chief: s.chief, deputy: s.deputy }));
  const report = buildReport({ items: sample.items, records: sample.records, period: monthPeriod('2026-11'), asOf: TODAY, settings, cal, sections, people });
  const grid = reportGrid(report, { title: t.title, roundDate: TODAY, suggestions: report.suggestions });
  const dash = dashboardGrid(dashboardData({ items: sample.items, sections, settings, cal }, TODAY, MONTHS), MONTHS);

  const wb = new ExcelJS.Workbook();
  wb.creator = '13710 督办台账';
  writeReport(wb, grid);
  writeDashboard(wb, dash);
  const xlsx = join(DIR, '督查报告-示例.xlsx');
  await wb.xlsx.writeFile(xlsx);

  const profile = makeProfile();
  try {
    await convert([xlsx], DIR, 'pdf', profile);
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
  const pdf = join(DIR, '督查报告-示例.pdf');
  expect(existsSync(pdf)).toBe(true);
  const pages = pdfPages(pdf);
  expect(pages).toBeGreaterThanOrEqual(1);
  await pdfToPng(pdf, join(DIR, '督查报告'), 1, pages, 100);

  const pngs = readdirSync(DIR).filter((f) => /^督查报告-\d+\.png$/.test(f));
  expect(pngs.length).toBe(pages);
  for (const f of pngs) expect(statSync(join(DIR, f)).size).toBeGreaterThan(20_000);
  // the text is there (fonts embedded, nothing lost): title, a section, the 看板 tables
  const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
  for (const s of [t.title, t.appendixSection, t.appendixSource, sections[0], t.statusTableTitle, t.trendTableTitle, t.sourceTableTitle]) {
    expect(text).toContain(s);
  }
  expect(text).not.toContain(t.suggestionsHint);
});
