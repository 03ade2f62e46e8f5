/**
 * The 督查报告 and the 督查看板 as printed, from what the add-in itself writes: a 200-item sample
 * ledger (seed 13710, 今天 2026-11-25) in the in-memory Excel, a 督查轮次 for 2026-11
 * (generateRound) and 刷新看板 (refreshDashboard) through the same Office.js calls as in Excel —
 * values, fonts, borders, merges, row heights, page layout (A4, print area, title rows, page
 * breaks, footer) and the three charts — exported to .xlsx (test/support/xlsx/exportXlsx.ts),
 * printed to PDF by LibreOffice headless and to PNG by pdftoppm:
 *   build/screenshots/督查报告-<page>.png, build/screenshots/督查看板-<page>.png
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import JSZip from 'jszip';
import { DASHBOARD_SHEET, refreshDashboard } from '../../src/excel/dashboard';
import { exportXlsx } from '../support/xlsx/exportXlsx';
import { pageLayoutOf } from '../../src/excel/double';
import { REPORT_SHEET, archiveSheetName, generateRound, monthPeriod } from '../../src/excel/rounds';
import { rounds as t } from '../../src/i18n/rounds';
import { createPreviewLedger } from '../../src/preview/previewLedger';
import { DEFAULT_SECTIONS } from '../../src/workbook/sections';
import { BUILD_DIR, convert, makeProfile, pdfToPng } from '../recalc/libreoffice';

const DIR = join(BUILD_DIR, 'screenshots');
const TODAY = '2026-11-25';
const PERIOD = monthPeriod('2026-11');

function pdfPages(pdf: string): number {
  const info = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' });
  return Number(/Pages:\s+(\d+)/.exec(info)![1]);
}

/** Page size in points of every page: [width, height]. */
function pageSizes(pdf: string, pages: number): [number, number][] {
  const info = execFileSync('pdfinfo', ['-f', '1', '-l', String(pages), pdf], { encoding: 'utf8' });
  return [...info.matchAll(/Page\s+\d+ size:\s+([\d.]+) x ([\d.]+)/g)].map((m) => [Number(m[1]), Number(m[2])]);
}

async function print(xlsx: string, name: string): Promise<{ pdf: string; pages: number; pngs: string[] }> {
  const profile = makeProfile();
  try {
    await convert([xlsx], DIR, 'pdf', profile);
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
  const pdf = join(DIR, `${name}.pdf`);
  expect(existsSync(pdf)).toBe(true);
  const pages = pdfPages(pdf);
  await pdfToPng(pdf, join(DIR, name), 1, pages, 100);
  const pngs = readdirSync(DIR).filter((f) => new RegExp(`^${name}-\\d+\\.png$`).test(f));
  return { pdf, pages, pngs };
}

test('the 督查报告 and 督查看板 the add-in writes print on A4 (PDF → build/screenshots/*.png)', async () => {
  mkdirSync(DIR, { recursive: true });
  for (const f of readdirSync(DIR)) if (/^督查(报告|看板)-.*\.(png|pdf|xlsx)$/.test(f)) rmSync(join(DIR, f));

  const xl = await createPreviewLedger({ today: TODAY, items: 200 });
  const round = await generateRound(xl.run, {
    period: PERIOD,
    asOf: TODAY,
    actor: { role: '督办员', name: '运行监督科' },
    opId: 'render-round',
    now: new Date(2026, 10, 25, 9, 0, 0),
  });
  if (!round.ok) throw new Error(round.error.message);
  const dash = await refreshDashboard(xl.run, { asOf: TODAY });
  if (!dash.ok) throw new Error(dash.error.message);

  // what the add-in set for printing, as the workbook holds it
  const report = pageLayoutOf(xl.workbook.sheet(REPORT_SHEET));
  expect(report).toMatchObject({ paperSize: 'A4', orientation: 'Portrait', printTitleRows: '$1:$1', showGridlines: false, centerHorizontally: true });
  expect(report.zoom).toMatchObject({ horizontalFitToPages: 1 });
  expect(report.printArea).toMatch(/^A1:H\d+$/);
  const archive = pageLayoutOf(xl.workbook.sheet(archiveSheetName(PERIOD)));
  expect(archive).toMatchObject({ paperSize: 'A4', printTitleRows: '$1:$1' });
  expect(pageLayoutOf(xl.workbook.sheet(DASHBOARD_SHEET))).toMatchObject({ paperSize: 'A4', orientation: 'Landscape' });

  const reportXlsx = join(DIR, '督查报告.xlsx');
  writeFileSync(reportXlsx, await exportXlsx(xl.workbook, { sheets: [REPORT_SHEET] }));
  const dashXlsx = join(DIR, '督查看板.xlsx');
  const dashFile = await exportXlsx(xl.workbook, { sheets: [DASHBOARD_SHEET] });
  writeFileSync(dashXlsx, dashFile);
  const charts = Object.keys((await JSZip.loadAsync(dashFile)).files).filter((f) => /^xl\/charts\/chart\d+\.xml$/.test(f));
  expect(charts).toHaveLength(3);

  const printed = await print(reportXlsx, '督查报告');
  expect(printed.pages).toBeGreaterThanOrEqual(2); // the 附表 start on a page of their own
  expect(printed.pngs).toHaveLength(printed.pages);
  for (const [w, h] of pageSizes(printed.pdf, printed.pages)) {
    expect(Math.round(w)).toBe(595); // A4 portrait: 595 × 842 pt
    expect(Math.round(h)).toBe(842);
  }
  for (const f of printed.pngs) expect(statSync(join(DIR, f)).size).toBeGreaterThan(20_000);
  const text = execFileSync('pdftotext', ['-layout', printed.pdf, '-'], { encoding: 'utf8' });
  for (const s of [t.title, ...t.headings, t.appendixSection, t.appendixSource, DEFAULT_SECTIONS[0].section]) expect(text).toContain(s);
  // the clerk's editing hint sits outside the print area, the hidden 生成记录 is not printed
  expect(text).not.toContain(t.suggestionsHint);
  expect(text).not.toContain('render-round');
  // the 附表 begin a new page
  const pages = text.split('\f');
  expect(pages.findIndex((p) => p.includes(t.appendixSection))).toBeGreaterThan(0);
  expect(pages.findIndex((p) => p.includes(t.headings[0]))).toBe(0);

  const board = await print(dashXlsx, '督查看板');
  expect(board.pngs).toHaveLength(board.pages);
  const [w, h] = pageSizes(board.pdf, 1)[0];
  expect(Math.round(w)).toBe(842); // A4 landscape
  expect(Math.round(h)).toBe(595);
  const boardText = execFileSync('pdftotext', ['-layout', board.pdf, '-'], { encoding: 'utf8' });
  for (const s of [t.statusTableTitle, t.trendTableTitle, t.sourceTableTitle, t.chartStatusTitle, t.chartTrendTitle, t.chartSourceTitle])
    expect(boardText).toContain(s);
});
