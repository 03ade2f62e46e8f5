/**
 * Screenshots of the sample ledger as printed: LibreOffice exports the workbook to PDF (page setup
 * of the template: A3 landscape, fit to width), pdftoppm renders the 台账 pages and the 月度考核
 * page to PNG under build/screenshots/ for a human (or an image viewer) to judge legibility.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { buildTemplate, writeWorkbook } from '../../src/workbook/template';
import { BUILD_DIR, convert, makeProfile, pdfToPng } from './libreoffice';

const DIR = join(BUILD_DIR, 'screenshots');
/** This test's own files in the shared screenshots folder. */
const OWN = /^(台账|月度考核|督办台账-示例)/;

/** Pages of a PDF whose text contains `needle` (pdftotext, one page at a time). */
function pagesWith(pdf: string, needle: string, pages: number): number[] {
  const out: number[] = [];
  for (let p = 1; p <= pages; p++) {
    const text = execFileSync('pdftotext', ['-f', String(p), '-l', String(p), '-layout', pdf, '-'], { encoding: 'utf8' });
    if (text.includes(needle)) out.push(p);
  }
  return out;
}

test('the sample ledger prints legibly (PDF → PNG under build/screenshots/)', async () => {
  // build/screenshots is shared with the other picture tests: clear only this test's files.
  mkdirSync(DIR, { recursive: true });
  for (const f of readdirSync(DIR)) if (OWN.test(f)) rmSync(join(DIR, f), { force: true });
  const wb = buildTemplate({ sampleItems: 120, seed: 7, today: '2026-11-25' });
  // Keep the long reference sheets short in this print-out: their first rows are enough to look at.
  wb.getWorksheet('日历')!.pageSetup.printArea = 'A1:D45';
  wb.getWorksheet('反馈记录')!.pageSetup.printArea = 'A1:H45';
  const xlsx = join(DIR, '督办台账-示例.xlsx');
  await writeWorkbook(wb, xlsx);

  const profile = makeProfile();
  try {
    await convert([xlsx], DIR, 'pdf:calc_pdf_Export:{"ExportNotes":{"type":"boolean","value":"false"}}', profile);
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
  const pdf = join(DIR, '督办台账-示例.pdf');
  expect(existsSync(pdf)).toBe(true);
  const info = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' });
  const pages = Number(/Pages:\s+(\d+)/.exec(info)![1]);
  expect(pages).toBeGreaterThan(2);

  // 台账: the first two pages (both halves of the first rows); 月度考核: its first page.
  await pdfToPng(pdf, join(DIR, '台账'), 1, 2, 100);
  const monthly = pagesWith(pdf, '考核月份', pages);
  expect(monthly.length).toBeGreaterThan(0);
  await pdfToPng(pdf, join(DIR, '月度考核'), monthly[0], monthly[0], 100);

  const pngs = readdirSync(DIR).filter((f) => OWN.test(f) && f.endsWith('.png'));
  expect(pngs.length).toBe(3);
  for (const f of pngs) expect(statSync(join(DIR, f)).size).toBeGreaterThan(50_000);
  // The 台账 page shows the data, not only the headers.
  expect(pagesWith(pdf, 'DB-2026-', 1)).toEqual([1]);
});
