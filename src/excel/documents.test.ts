import { createCalendar } from '../domain/calendar';
import { defaultDocumentSettings, noticeDocument, sectionUrgeDocument, urgeDocument, type DocumentContext } from '../domain/documents';
import { documents as t } from '../i18n/documents';
import { createPreviewLedger } from '../preview/previewLedger';
import { settingRow } from '../workbook/schema';
import { mergedAreas, pageLayoutOf, type ExcelDouble } from './double';
import { readDocumentSource } from './documents';
import { documentSheetLayout, writeDocumentSheet } from './documentSheets';
import { initialiseLedger } from './initialise';
import { LAYOUT, REPORT_SHEET, generateRound, monthPeriod } from './rounds';

const TODAY = '2026-11-25';
const shown = (v: unknown) => (typeof v === 'string' && v.startsWith("'") ? v.slice(1) : v);

let xl: ExcelDouble;
beforeEach(async () => {
  xl = await createPreviewLedger({ today: TODAY, items: 40 });
});

async function round(): Promise<void> {
  const r = await generateRound(xl.run, {
    period: monthPeriod('2026-11'),
    asOf: TODAY,
    actor: { role: '督办员', name: '王督办' },
    opId: 'doc-round',
    now: new Date(2026, 10, 25, 9),
  });
  if (!r.ok) throw new Error(r.error.message);
}

describe('readDocumentSource', () => {
  it('reads the document settings from 设置, each with its default row written by 初始化台账', async () => {
    const s = await readDocumentSource(xl.run);
    if (!s.ok) throw new Error(s.error.message);
    expect(s.value.doc).toEqual(defaultDocumentSettings());
    expect(xl.workbook.sheet('设置').getValues(`A${settingRow('督办文号格式')}:B${settingRow('督办文号格式')}`)).toEqual([
      ['督办文号格式', '后勤督〔{年}〕{号}号'],
    ]);
    xl.workbook.sheet('设置').setValues(`B${settingRow('发文机关标志')}`, [['某某大学后勤服务中心文件']]);
    const again = await readDocumentSource(xl.run);
    expect(again.ok && again.value.doc.organMark).toBe('某某大学后勤服务中心文件');
  });

  it('an older ledger without the rows reads the defaults; 初始化台账 appends the rows', async () => {
    const ws = xl.workbook.sheet('设置');
    const first = settingRow('督办文号格式');
    const last = settingRow('催办反馈工作日');
    ws.setValues(
      `A${first}:C${last}`,
      Array.from({ length: last - first + 1 }, () => ['', '', '']),
    );
    const s = await readDocumentSource(xl.run);
    expect(s.ok && s.value.doc).toEqual(defaultDocumentSettings());
    const init = await initialiseLedger(xl.run, { today: TODAY });
    expect(init.ok).toBe(true);
    expect(ws.getValues(`A${last}:B${last}`)).toEqual([['催办反馈工作日', 1]]);
  });

  it("no round before one is generated; then the round as the sheets hold it, the clerk's edits included", async () => {
    const before = await readDocumentSource(xl.run);
    expect(before.ok && before.value.round).toBeNull();
    await round();
    xl.workbook.sheet(REPORT_SHEET).setValues(`A${LAYOUT.suggestionsFirst}`, [['1. 改过的督查建议。']]);
    xl.coauthor.appendTableRow('问题清单', ['', '', '手工补充的问题', '饮食服务科', '冯卫东', '', '', '是', '']);
    const s = await readDocumentSource(xl.run);
    if (!s.ok || !s.value.round) throw new Error('no round');
    const r = s.value.round;
    expect(r.period).toEqual(monthPeriod('2026-11'));
    expect(r.roundDate).toBe(TODAY);
    expect(r.suggestions[0]).toBe('1. 改过的督查建议。');
    expect(r.mainProblems.length).toBeGreaterThan(0);
    const issueIds = xl.workbook
      .sheet('问题清单')
      .getValues(`B2:B${r.issues.length + 1}`)
      .map((x) => shown(x[0]));
    expect(r.issues.map((i) => i.itemId)).toEqual(issueIds);
    expect(r.issues.at(-1)).toMatchObject({ itemId: '', content: '手工补充的问题', manual: true });
    expect(r.nonImplementation.map((i) => i.itemId)).toEqual(r.report.nonImplementationList.map((i) => i.itemId));
  });
});

describe('writeDocumentSheet', () => {
  const cal = createCalendar();
  const ctx = async (): Promise<DocumentContext & { items: Awaited<ReturnType<typeof readDocumentSource>> }> => {
    const s = await readDocumentSource(xl.run);
    if (!s.ok) throw new Error(s.error.message);
    return { settings: s.value.settings, doc: s.value.doc, cal, people: s.value.people, items: s };
  };

  it('writes the 督办通知单 as a printable A4 sheet, and replaces it the next time', async () => {
    const c = await ctx();
    const items = c.items.ok ? c.items.value.items : [];
    const first = noticeDocument(items[0], TODAY, c);
    const w = await writeDocumentSheet(xl.run, first);
    expect(w).toEqual({ ok: true, value: { sheet: t.sheets.notice, rows: documentSheetLayout(first).rows.length } });
    const ws = xl.workbook.sheet(t.sheets.notice);
    expect(ws.getValues('A1')).toEqual([[t.noticeTitle]]);
    expect(shown(ws.getValues('A2')[0][0])).toBe(first.docNumber);
    expect(mergedAreas(ws)).toContain('A1:F1');
    const values = ws
      .getValues(`A1:F${w.ok ? w.value.rows : 1}`)
      .flat()
      .map(shown);
    expect(values).toContain(items[0].id);
    expect(values).toContain('签收人：________________');
    expect(pageLayoutOf(ws)).toMatchObject({ paperSize: 'A4', orientation: 'Portrait', showGridlines: false });
    expect(pageLayoutOf(ws).printArea).toBe(`A1:F${w.ok ? w.value.rows : 0}`);

    const second = noticeDocument(items[1], TODAY, c);
    await writeDocumentSheet(xl.run, second);
    const again = xl.workbook.sheet(t.sheets.notice).getValues('A1:F80').flat().map(shown);
    expect(again).toContain(items[1].id);
    expect(again).not.toContain(items[0].id);
  });

  it('a 催办单 sheet carries its colour: the band filled, the title in it', async () => {
    const c = await ctx();
    const items = c.items.ok ? c.items.value.items : [];
    const overdue = items.find((i) => i.assignedOn && !i.closedOn && urgeDocument(i, TODAY, c).colour!.colour !== '蓝')!;
    const doc = urgeDocument(overdue, TODAY, c);
    await writeDocumentSheet(xl.run, doc);
    const ws = xl.workbook.sheet(t.sheets.urge);
    expect(ws.getValues('A3')).toEqual([[`${doc.colour!.label}（${doc.colour!.meaning}）`]]);
    expect(ws.fmtAt(2, 0, 'fill')).toBe(`#${doc.colour!.hex}`);
    expect(ws.fmtAt(0, 0, 'fontColor')).toBe(`#${doc.colour!.hex}`);
    // a section's 催办单 goes to the same sheet, one row per overdue item in its table
    const section = sectionUrgeDocument(items, overdue.section, TODAY, c);
    const w = await writeDocumentSheet(xl.run, section);
    const vals = xl.workbook.sheet(t.sheets.urge).getValues(`A1:F${w.ok ? w.value.rows : 1}`);
    const table = section.body.find((b) => b.type === 'table');
    for (const r of table?.type === 'table' ? table.rows : []) expect(vals.some((row) => row[1] === r[1])).toBe(true);
  });
});
