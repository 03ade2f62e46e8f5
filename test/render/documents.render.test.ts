/**
 * The 公文 documents as printed: a 200-item sample ledger (seed 13710, 今天 2026-11-25) in the
 * in-memory Excel, a 督查轮次 for 2026-11 written by the add-in and then edited by the clerk (a
 * 督查建议 rewritten, a hand row added to the 问题清单), the documents built from what the adapter
 * reads back (readDocumentSource) with the domain's document model, rendered with `docx`, printed
 * to PDF by LibreOffice headless and to PNG by pdftoppm:
 *   build/screenshots/督办通知单-1.png, 催办单-蓝-1.png, 催办单-黄-1.png, 催办单-红-1.png,
 *   催办单-科室-1.png, 督查报告公文-<page>.png (and the .docx and .pdf beside them), and the 催办单
 *   the add-in writes into its printable sheet, exported to .xlsx and printed: 催办单工作表-1.png
 * Checked: A4 paper and the GB/T 9704 margins and grid in word/document.xml and in the PDF, the
 * fonts named exactly (with their fallbacks in fontTable.xml), page numbers 「— n —」 in the
 * footers and on the printed pages, the 附件 tables holding exactly the round's 问题清单 and
 * 不落实清单 rows, and the 催办单's colour following the rule.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import JSZip from 'jszip';
import {
  documentText,
  noticeDocument,
  overdueItemsOf,
  reportDocument,
  sectionUrgeDocument,
  urgeDocument,
  urgeMessage,
  urgeOrdinal,
  URGE_COLOUR_HEX,
  type DocumentContext,
  type OfficialDocument,
  type UrgeColour,
} from '../../src/domain/documents';
import { isNonImplementation } from '../../src/domain/lists';
import { warningStatus } from '../../src/domain/status';
import type { LedgerItem } from '../../src/domain/types';
import { docxBytes } from '../../src/documents/docx';
import { BODY_CHAR_SPACING, FONTS, LINE_PITCH_TWIPS, charsPerLine, mmToTwip } from '../../src/documents/layout';
import { readDocumentSource, type DocumentSource } from '../../src/excel/documents';
import { writeDocumentSheet } from '../../src/excel/documentSheets';
import { exportXlsx } from '../support/xlsx/exportXlsx';
import type { ExcelDouble } from '../../src/excel/double';
import { LAYOUT, REPORT_SHEET, generateRound, monthPeriod } from '../../src/excel/rounds';
import { createPreviewLedger } from '../../src/preview/previewLedger';
import { BUILD_DIR, convert, makeProfile, pdfToPng } from '../recalc/libreoffice';

const DIR = join(BUILD_DIR, 'screenshots');
const TODAY = '2026-11-25';
const EDITED = '1. 请各科室对照问题清单逐项整改，于12月5日前书面报党政办公室（运行监督科）。';
const HAND_ROW = '食堂排烟管道异味（督查组现场发现）';

let xl: ExcelDouble;
let source: DocumentSource;
let ctx: DocumentContext;

beforeAll(async () => {
  mkdirSync(DIR, { recursive: true });
  for (const f of readdirSync(DIR)) if (/^(督办通知单|催办单|督查报告公文)/.test(f)) rmSync(join(DIR, f));
  xl = await createPreviewLedger({ today: TODAY, items: 200 });
  const round = await generateRound(xl.run, {
    period: monthPeriod('2026-11'),
    asOf: TODAY,
    actor: { role: '督办员', name: '运行监督科' },
    opId: 'render-documents',
    now: new Date(2026, 10, 25, 9, 0, 0),
  });
  if (!round.ok) throw new Error(round.error.message);
  // the clerk's edits on the sheets
  xl.workbook.sheet(REPORT_SHEET).setValues(`A${LAYOUT.suggestionsFirst}`, [[EDITED]]);
  xl.coauthor.appendTableRow('问题清单', ['', '', HAND_ROW, '饮食服务科', '冯卫东', '', '', '是', '']);
  const read = await readDocumentSource(xl.run);
  if (!read.ok) throw new Error(read.error.message);
  source = read.value;
  ctx = { settings: source.settings, doc: source.doc, cal: source.cal, people: source.people };
});

interface Printed {
  xml: string;
  footers: string[];
  fontTable: string;
  settingsXml: string;
  pdf: string;
  pages: number;
  text: string;
}

/** docx → build/screenshots/<name>.docx → PDF → PNG, and the parts of the file. */
async function print(doc: OfficialDocument, name: string): Promise<Printed> {
  const bytes = await docxBytes(doc);
  const file = join(DIR, `${name}.docx`);
  writeFileSync(file, bytes);
  const zip = await JSZip.loadAsync(bytes);
  const xml = await zip.file('word/document.xml')!.async('string');
  const footers = await Promise.all(
    Object.keys(zip.files)
      .filter((f) => /^word\/footer\d+\.xml$/.test(f))
      .map((f) => zip.file(f)!.async('string')),
  );
  const fontTable = await zip.file('word/fontTable.xml')!.async('string');
  const settingsXml = await zip.file('word/settings.xml')!.async('string');
  const profile = makeProfile();
  try {
    await convert([file], DIR, 'pdf', profile);
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
  const pdf = join(DIR, `${name}.pdf`);
  expect(existsSync(pdf)).toBe(true);
  const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }))![1]);
  await pdfToPng(pdf, join(DIR, name), 1, pages, 80);
  expect(readdirSync(DIR).filter((f) => new RegExp(`^${name}-\\d+\\.png$`).test(f))).toHaveLength(pages);
  const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
  return { xml, footers, fontTable, settingsXml, pdf, pages, text };
}

/** What every printed document shares: A4, 公文 margins and grid, fonts, page numbers. */
function expectOfficialLayout(p: Printed): void {
  // A4 portrait on every page of the PDF (595 × 842 pt)
  const info = execFileSync('pdfinfo', ['-f', '1', '-l', String(p.pages), p.pdf], { encoding: 'utf8' });
  const sizes = [...info.matchAll(/Page\s+\d+ size:\s+([\d.]+) x ([\d.]+)/g)];
  expect(sizes).toHaveLength(p.pages);
  for (const m of sizes) expect([Math.round(Number(m[1])), Math.round(Number(m[2]))]).toEqual([595, 842]);
  // and in the file: paper, 天头 37 mm, 订口 28 mm, 版心 156 × 225 mm, 22 lines × 28 characters
  expect(p.xml).toContain(`<w:pgSz w:w="${mmToTwip(210)}" w:h="${mmToTwip(297)}"`);
  const mar = /<w:pgMar ([^>]*)\/>/.exec(p.xml)![1];
  const attr = (k: string) => Number(new RegExp(`w:${k}="(-?\\d+)"`).exec(mar)![1]);
  expect(attr('top')).toBe(mmToTwip(37));
  expect(attr('left')).toBe(mmToTwip(28));
  expect(mmToTwip(210) - attr('left') - attr('right')).toBe(mmToTwip(156));
  expect(mmToTwip(297) - attr('top') - attr('bottom')).toBe(mmToTwip(225));
  expect(p.xml).toContain(`<w:spacing w:line="${LINE_PITCH_TWIPS}" w:lineRule="exact"/>`);
  expect(Math.floor(mmToTwip(225) / LINE_PITCH_TWIPS)).toBe(22);
  expect(charsPerLine()).toBe(28);
  expect(p.xml).toContain(`<w:spacing w:val="${BODY_CHAR_SPACING}"/>`);
  // fonts named exactly, 3号 body (w:sz 32 half-points), 2号 title (44)
  expect(p.xml).toContain(`w:eastAsia="${FONTS.body.name}"`);
  expect(p.xml).toContain(`w:eastAsia="${FONTS.title.name}"`);
  expect(p.xml).toContain(`w:eastAsia="${FONTS.heading1.name}"`);
  expect(p.xml).toContain('<w:sz w:val="32"/>');
  expect(p.xml).toContain('<w:sz w:val="44"/>');
  // fallbacks for a machine without the 公文 fonts
  expect(p.fontTable).toContain(`<w:font w:name="${FONTS.body.name}"><w:altName w:val="仿宋"/>`);
  expect(p.fontTable).toContain(`<w:font w:name="${FONTS.title.name}"><w:altName w:val="宋体"/>`);
  // page numbers 「— n —」 in 4号 (28 half-points), odd pages right, even pages left
  expect(p.settingsXml).toContain('<w:evenAndOddHeaders/>');
  expect(p.footers).toHaveLength(2);
  for (const f of p.footers) {
    expect(f).toMatch(/PAGE/);
    expect(f).toContain('— </w:t>');
    expect(f).toContain('<w:sz w:val="28"/>');
  }
  expect(p.footers.map((f) => /<w:jc w:val="(\w+)"/.exec(f)![1]).sort()).toEqual(['left', 'right']);
  for (let n = 1; n <= p.pages; n++) expect(p.text).toMatch(new RegExp(`—\\s*${n}\\s*—`));
  // on the printed first page, the text stays inside the 版心: 37 mm from the top, 28 mm from the
  // left, 26 mm from the right (the page number below it is outside, 7 mm under the 版心)
  const mm = (x: number) => (x * 72) / 25.4;
  const bbox = execFileSync('pdftotext', ['-bbox', '-f', '1', '-l', '1', p.pdf, '-'], { encoding: 'utf8' });
  const words = [...bbox.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</g)].map((m) => ({
    x0: Number(m[1]),
    y0: Number(m[2]),
    x1: Number(m[3]),
    y1: Number(m[4]),
    text: m[5],
  }));
  const inArea = words.filter((w) => w.y1 < 842 - mm(35));
  const footer = words.filter((w) => w.y0 >= 842 - mm(35));
  expect(inArea.length).toBeGreaterThan(10);
  expect(Math.min(...inArea.map((w) => w.y0))).toBeGreaterThanOrEqual(mm(37) - 1);
  expect(Math.min(...inArea.map((w) => w.x0))).toBeGreaterThanOrEqual(mm(28) - 1);
  expect(Math.min(...inArea.map((w) => w.x0))).toBeLessThan(mm(28) + 3); // the 主送 / table starts at the 订口 edge
  // a closing punctuation mark may hang past the edge (Word's and LibreOffice's 标点溢出边界): not counted
  const right = (w: { x1: number; text: string }) => (/[，。、；：」）》”！？]$/.test(w.text) ? w.x1 - 16 : w.x1);
  expect(Math.max(...inArea.map(right))).toBeLessThanOrEqual(595 - mm(26) + 1);
  expect(footer.map((w) => w.text).join('')).toMatch(/—\s*1\s*—/);
  // body lines are 225 mm / 22 apart (28.9 pt): 22 lines a page
  const tops = [...new Set(inArea.map((w) => Math.round(w.y0 * 10) / 10))].sort((x, y) => x - y);
  const gaps = tops.slice(1).map((y, i) => y - tops[i]);
  expect(gaps.filter((g) => Math.abs(g - mm(225) / 22) < 0.6).length).toBeGreaterThanOrEqual(3);
}

/** The expected colour, from the rule as 设置 states it. */
function ruleColour(item: LedgerItem): UrgeColour {
  if (urgeOrdinal(item, TODAY) >= source.doc.redUrgeCount || isNonImplementation(item, TODAY, source.settings, source.cal)) return '红';
  return warningStatus(item, TODAY, source.settings, source.cal) === '逾期' ? '黄' : '蓝';
}

test('督办通知单 prints on A4 in the 公文 layout with the item, its 责任人, node dates and 签收 lines', async () => {
  const item = source.items.find((i) => i.assignedOn && !i.closedOn && i.requirement.trim() !== '')!;
  expect(item).toBeDefined();
  const doc = noticeDocument(item, TODAY, ctx);
  const p = await print(doc, '督办通知单');
  expectOfficialLayout(p);
  expect(doc.docNumber).toMatch(/^后勤督〔2026〕\d+号$/);
  const flat = p.text.replace(/\s+/g, '');
  for (const s of ['督办通知单', doc.docNumber, item.id, '签收人', '签收日期', '第一责任人', '办结时限']) expect(flat).toContain(s.replace(/\s+/g, ''));
});

test('催办单 of one item: its colour follows the rule (蓝 临近, 黄 逾期, 红 repeated or 不落实), and the message uses its words', async () => {
  const open = source.items.filter((i) => i.assignedOn && !i.closedOn);
  const byColour = new Map<UrgeColour, LedgerItem>();
  for (const i of open) {
    const s = warningStatus(i, TODAY, source.settings, source.cal);
    if (s !== '临近' && s !== '逾期' && s !== '延期') continue;
    const c = ruleColour(i);
    if (!byColour.has(c)) byColour.set(c, i);
  }
  expect([...byColour.keys()].sort()).toEqual(['红', '蓝', '黄'].sort());
  for (const [colour, item] of byColour) {
    const doc = urgeDocument(item, TODAY, ctx);
    expect(doc.colour!.colour).toBe(colour);
    const p = await print(doc, `催办单-${colour}`);
    expectOfficialLayout(p);
    // the band is filled with the colour, and the title is printed in it
    expect(p.xml).toContain(`w:fill="${URGE_COLOUR_HEX[colour]}"`);
    expect(p.xml).toContain(`<w:color w:val="${URGE_COLOUR_HEX[colour]}"/>`);
    for (const other of Object.values(URGE_COLOUR_HEX).filter((h) => h !== URGE_COLOUR_HEX[colour])) expect(p.xml).not.toContain(`w:fill="${other}"`);
    expect(p.text).toContain(`${colour}色催办`);
    // the copyable message says what the 催办单 says
    const words = documentText(doc).join('\n');
    for (const line of urgeMessage(item, TODAY, ctx).split('\n').slice(2, 4)) expect(words).toContain(line);
  }
});

test('催办单 of a section lists all its overdue items in the severest colour', async () => {
  const sections = source.sections.filter((s) => overdueItemsOf(source.items, s, TODAY, ctx).length >= 2);
  expect(sections.length).toBeGreaterThan(0);
  const section = sections[0];
  const overdue = overdueItemsOf(source.items, section, TODAY, ctx);
  const doc = sectionUrgeDocument(source.items, section, TODAY, ctx);
  const p = await print(doc, '催办单-科室');
  expectOfficialLayout(p);
  const tables = p.xml.split('<w:tbl>').slice(1);
  const list = tables[tables.length - 1];
  expect(list.split('<w:tr>').length - 1 - 1).toBe(overdue.length);
  for (const i of overdue) expect(list).toContain(i.id);
  const expected: UrgeColour = overdue.some((i) => ruleColour(i) === '红') ? '红' : overdue.some((i) => ruleColour(i) === '黄') ? '黄' : '蓝';
  expect(doc.colour!.colour).toBe(expected);
  expect(p.xml).toContain(`w:fill="${URGE_COLOUR_HEX[expected]}"`);
});

test("督查报告 as a 公文: red 版头, 文号, body with the clerk's edits, 附件 rows = the round's two lists, 版记", async () => {
  const round = source.round!;
  expect(round).not.toBeNull();
  const doc = reportDocument({ ...round, doc: source.doc });
  const p = await print(doc, '督查报告公文');
  expectOfficialLayout(p);
  expect(p.pages).toBeGreaterThanOrEqual(3); // the body, then each 附件 from a page of its own
  // 版头: 发文机关标志 in red, 方正小标宋简体; 二级标题 in 楷体
  expect(p.xml).toMatch(new RegExp(`<w:color w:val="FF0000"/>.*?${source.doc.organMark}`));
  expect(p.xml).toContain(`w:eastAsia="${FONTS.heading2.name}"`);
  // 发文机关标志: upper edge 35 mm below the 版心's (37 mm from the paper's top edge)
  const mm = (x: number) => (x * 72) / 25.4;
  const bbox = execFileSync('pdftotext', ['-bbox', '-f', '1', '-l', '1', p.pdf, '-'], { encoding: 'utf8' });
  const mark = [...bbox.matchAll(/<word xMin="[\d.]+" yMin="([\d.]+)"[^>]*>([^<]*)</g)].find((m) => source.doc.organMark.startsWith(m[2]));
  expect(mark).toBeDefined();
  expect(Math.abs(Number(mark![1]) - mm(37 + 35))).toBeLessThan(mm(3));
  const flat = p.text.replace(/\s+/g, '');
  for (const s of [
    source.doc.organMark,
    '后勤督查〔2026〕11号',
    '一、总体情况',
    '二、主要问题',
    '三、督查建议',
    '附件1',
    '附件2',
    '问题清单',
    '不落实典型事项清单',
    `抄送：${source.doc.cc}`,
    source.doc.printer,
    '2026年11月25日印发',
  ]) {
    expect(flat).toContain(s);
  }
  // the clerk's rewritten 督查建议, and the hand row on the 问题清单
  expect(flat).toContain(EDITED.replace(/^1\.\s*/, '').replace(/\s+/g, ''));
  expect(round.issues.some((r) => r.content === HAND_ROW)).toBe(true);
  // 附件: the two last tables hold exactly the rows of the sheets, in order
  const tables = p.xml.split('<w:tbl>').slice(1);
  const [issueXml, nonImplXml] = tables.slice(-2);
  const rowsOf = (x: string) => x.split('<w:tr>').slice(2); // minus the header row
  expect(rowsOf(issueXml)).toHaveLength(round.issues.length);
  expect(rowsOf(nonImplXml)).toHaveLength(round.nonImplementation.length);
  expect(round.issues.length).toBeGreaterThan(1);
  expect(round.nonImplementation.length).toBeGreaterThan(0);
  round.issues.forEach((r, k) => expect(rowsOf(issueXml)[k]).toContain(r.itemId || '—'));
  round.nonImplementation.forEach((r, k) => expect(rowsOf(nonImplXml)[k]).toContain(r.itemId));
  expect(rowsOf(issueXml).some((x) => x.includes(HAND_ROW))).toBe(true);
});

test('the 催办单 the add-in writes into its sheet prints on one A4 page with its colour band', async () => {
  const item = source.items.find(
    (i) => i.assignedOn && !i.closedOn && warningStatus(i, TODAY, source.settings, source.cal) === '逾期' && ruleColour(i) === '红',
  )!;
  const doc = urgeDocument(item, TODAY, ctx);
  const w = await writeDocumentSheet(xl.run, doc);
  if (!w.ok) throw new Error(w.error.message);
  const xlsx = join(DIR, '催办单工作表.xlsx');
  writeFileSync(xlsx, await exportXlsx(xl.workbook, { sheets: [w.value.sheet] }));
  const profile = makeProfile();
  try {
    await convert([xlsx], DIR, 'pdf', profile);
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
  const pdf = join(DIR, '催办单工作表.pdf');
  const info = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' });
  expect(Number(/Pages:\s+(\d+)/.exec(info)![1])).toBe(1);
  const [, pw, ph] = /Page size:\s+([\d.]+) x ([\d.]+)/.exec(info)!;
  expect([Math.round(Number(pw)), Math.round(Number(ph))]).toEqual([595, 842]);
  await pdfToPng(pdf, join(DIR, '催办单工作表'), 1, 1, 80);
  const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
  for (const s of ['催办单', doc.docNumber, '红色催办', item.id, '签收人']) expect(text).toContain(s);
  // the band is filled red in the printed file
  const sheetXml = await (await JSZip.loadAsync(readFileSync(xlsx))).file('xl/styles.xml')!.async('string');
  expect(sheetXml).toContain(URGE_COLOUR_HEX['红']);
});
