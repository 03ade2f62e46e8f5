import { createCalendar } from '../domain/calendar';
import { readSlices } from './testing/readSlices';
import { buildReport } from '../domain/report';
import { defaultSettings } from '../domain/settings';
import type { FeedbackRecord, LedgerItem } from '../domain/types';
import type { Actor } from '../domain/workflow';
import { generateSample } from '../workbook/sample';
import { DEFAULT_DIRECTOR, DEFAULT_SECTIONS } from '../workbook/sections';
import type { ExcelDouble } from './double';
import type { ExcelRun } from './run';
import { rounds as t } from '../i18n/rounds';
import { mergedAreas, pageLayoutOf } from './double';
import { HINT_CELL, LAYOUT, archiveSheetName, generateRound, issueCells, nonImplCells, periodLabel, type RoundOptions } from './rounds';
import { ledgerFixture } from './testing/ledgerFixture';
import { roundFixture as makeFixture } from './testing/roundsFixture';

/** What a cell shows for a value written behind Excel's text apostrophe (cells.textCell). */
const shown = (rows: unknown[][]) => rows.map((r) => r.map((v) => (typeof v === 'string' && v.startsWith("'") ? v.slice(1) : v)));

const TODAY = '2026-11-20';
const PERIOD = { from: '2026-11-01', to: '2026-11-30' };
const actor: Actor = { role: '督办员', name: '王督办' };
const people = DEFAULT_SECTIONS.map((s) => ({ section: s.section, chief: s.chief, deputy: s.deputy }));

function roundFixture(items: readonly LedgerItem[], records: readonly FeedbackRecord[] = [], protect = false): ExcelDouble {
  return makeFixture(items, records, { today: TODAY, protect, password: protect ? 'pw13710' : undefined });
}

function opts(opId: string, extra: Partial<RoundOptions> = {}): RoundOptions {
  return { period: PERIOD, asOf: TODAY, actor, opId, now: new Date(2026, 10, 20, 9, 30, 0), ...extra };
}

/** Body rows of a table as values, blank rows dropped. */
function tableRows(xl: ExcelDouble, table: string): unknown[][] {
  const sheet = xl.workbook.sheet(table); // list tables live on the sheet of the same name
  const used = sheet.usedRange();
  if (!used) return [];
  const values = sheet.getValues(used) as unknown[][];
  return values.slice(1).filter((r) => r.some((v) => v !== '' && v !== null));
}

function expected(items: LedgerItem[], records: FeedbackRecord[]) {
  const settings = defaultSettings();
  settings.director = DEFAULT_DIRECTOR;
  return buildReport({ items, records, period: PERIOD, asOf: TODAY, settings, cal: createCalendar(), sections: people.map((p) => p.section), people });
}

function ok<T>(r: { ok: true; value: T } | { ok: false; error: { code: string; message: string } }): T {
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.value;
}

describe('generateRound on a 200-item sample', () => {
  const sample = generateSample({ count: 200, seed: 13710, today: TODAY });
  let xl: ExcelDouble;

  beforeAll(async () => {
    xl = roundFixture(sample.items, sample.records);
  });

  it('writes lists equal to the domain builders, in ≤ 3 round trips', async () => {
    const out = ok(await generateRound(xl.run, opts('op-r1')));
    const want = expected(sample.items, sample.records);
    expect(want.issueList.length).toBeGreaterThan(5);
    expect(want.nonImplementationList.length).toBeGreaterThan(2);
    expect(out.issueRows).toEqual(want.issueList.map((r) => ({ ...r, note: '' })));
    expect(out.nonImplementationRows.map((r) => ({ ...r, note: undefined }))).toEqual(want.nonImplementationList.map((r) => ({ ...r, note: undefined })));
    expect(tableRows(xl, '问题清单')).toEqual(shown(want.issueList.map((r) => issueCells(r))));
    expect(tableRows(xl, '不落实清单')).toEqual(shown(want.nonImplementationList.map((r) => nonImplCells(r))));
    // 2 + one per slice of a table too large for the first sync (none at 200 items but the tail of 台账)
    expect(out.syncs).toBe(2 + readSlices(xl, ['台账'], ['反馈记录'], ['科室人员'], ['日历'], ['操作日志', ['操作ID'], 'keys']));
    expect(xl.stats.roundTrips).toBeLessThanOrEqual(3 + readSlices(xl, ['台账'], ['反馈记录'], ['科室人员'], ['日历'], ['操作日志', ['操作ID'], 'keys']));
    expect(xl.stats.rowsAddCalls).toBe(0);
    expect(out.remerged).toBe(false);
  });

  it('fills 督查报告 on the schema rows and keeps a dated copy', () => {
    const rep = xl.workbook.sheet('督查报告');
    const want = expected(sample.items, sample.records);
    expect(rep.getValues('A5')).toEqual([['一、总体情况']]);
    expect(rep.getValues('A15')).toEqual([['二、主要问题']]);
    expect(rep.getValues('A25')).toEqual([['三、督查建议']]);
    expect(rep.getValues('A8:F8')).toEqual([
      [want.totals.items, want.totals.open, want.totals.overdue, want.totals.near, want.totals.extended, want.totals.notAssigned],
    ]);
    expect(rep.getValues(`A${LAYOUT.problemsFirst}`)[0][0]).toBe(want.mainProblems[0]);
    expect(String(rep.getValues(`A${LAYOUT.suggestionsFirst}`)[0][0])).toMatch(/^1\. 严格落实/);
    // appendix by section: first section row
    expect(rep.getValues(`A${LAYOUT.appendixFirst + 2}:B${LAYOUT.appendixFirst + 2}`)).toEqual([[want.bySection[0].section, want.bySection[0].items]]);
    expect(xl.workbook.sheetNames()).toContain('督查报告 2026-11');
    const copy = xl.workbook.sheet('督查报告 2026-11');
    expect(copy.getValues('A8:B8')).toEqual([[want.totals.items, want.totals.open]]);
    const log = tableRows(xl, '操作日志');
    expect(log).toHaveLength(1);
    expect(log[0][3]).toBe('督查轮次');
  });

  it('sets 督查报告 and its dated copy up for printing on A4: fonts, table borders, print area, titles, page break', () => {
    for (const [name, lastCol] of [
      ['督查报告', 'H'],
      ['督查报告 2026-11', 'I'],
    ] as const) {
      const sheet = xl.workbook.sheet(name);
      const layout = pageLayoutOf(sheet);
      expect(layout).toMatchObject({ paperSize: 'A4', orientation: 'Portrait', printTitleRows: '$1:$1', centerHorizontally: true, showGridlines: false });
      expect(layout.zoom).toEqual({ horizontalFitToPages: 1, verticalFitToPages: 0 });
      expect(layout.rowBreaks).toEqual([LAYOUT.appendixFirst - 1]);
      expect(layout.printArea).toMatch(new RegExp(`^A1:${lastCol}\\d+$`));
      // the print area reaches the last row of the report (not the hidden 生成记录 beyond it)
      const lastRow = Number(/\d+$/.exec(layout.printArea!)![0]);
      expect(sheet.getValues(`A${lastRow}:${lastCol}${lastRow}`)[0].some((v) => v !== '')).toBe(true);
      expect(
        sheet
          .getValues(`A${lastRow + 1}:${lastCol}${lastRow + 5}`)
          .flat()
          .every((v) => v === ''),
      ).toBe(true);
      expect(mergedAreas(sheet)).toContain(`A1:${lastCol}1`);
      // title 黑体, body 宋体, the 总体情况 table bordered with a shaded header
      expect(sheet.fmtAt(0, 0, 'fontName')).toBe('黑体');
      expect(sheet.fmtAt(5, 0, 'fontName')).toBe('宋体');
      expect(sheet.fmtAt(LAYOUT.totals1 - 1, 0, 'fill')).toBe('#EDEDED');
      for (const edge of ['borderTop', 'borderBottom', 'borderLeft', 'borderRight'] as const) expect(sheet.fmtAt(LAYOUT.totals1, 3, edge)).toBe('Continuous');
    }
    // the clerk's hint is on the screen beside 三、督查建议, outside the printed columns
    expect(xl.workbook.sheet('督查报告').getValues(`J${HINT_CELL.row}`)).toEqual([[t.suggestionsHint]]);
    expect(xl.workbook.sheet('督查报告 2026-11').getValues(`J${HINT_CELL.row}`)).toEqual([['']]);
  });

  it('keeps hand rows, edited 整改期限, notes and 问责建议 overrides on regeneration', async () => {
    const issueSheet = xl.workbook.sheet('问题清单');
    const issuesBefore = tableRows(xl, '问题清单');
    const n = issuesBefore.length;
    // the clerk: a hand row below the table (no 编号), an edited 整改期限 and a note on row 1
    xl.coauthor.appendTableRow('问题清单', ['', '', '食堂排烟管道异味（督查组现场发现）', '饮食服务科', '冯卫东', '', '', '', '现场检查']);
    issueSheet.setValues('F2', [[46400]]);
    issueSheet.setValues('I2', [['已电话提醒']]);
    // and a hand row with an 编号 that the rules do not list, 手工 left empty
    const notListed = sample.items.find((i) => !issuesBefore.some((r) => r[1] === i.id))!;
    xl.coauthor.appendTableRow('问题清单', ['', notListed.id, '补充问题', notListed.section, '', '', '', '', '']);
    const niSheet = xl.workbook.sheet('不落实清单');
    const firstNi = tableRows(xl, '不落实清单')[0];
    const overridden = firstNi[4] === '督查约谈' ? '通报批评' : '督查约谈';
    niSheet.setValues('E2', [[overridden]]);

    const out = ok(await generateRound(xl.run, opts('op-r2')));
    const issues = tableRows(xl, '问题清单');
    expect(issues).toHaveLength(n + 2);
    expect(issues[0][5]).toBe(46400);
    expect(issues[0][8]).toBe('已电话提醒');
    expect(issues[n]).toEqual([n + 1, '', '食堂排烟管道异味（督查组现场发现）', '饮食服务科', '冯卫东', '', '', '是', '现场检查']);
    expect(issues[n + 1].slice(0, 4)).toEqual([n + 2, notListed.id, '补充问题', notListed.section]);
    expect(issues[n + 1][7]).toBe('是');
    const ni = tableRows(xl, '不落实清单');
    expect(ni[0][1]).toBe(firstNi[1]);
    expect(ni[0][4]).toBe(overridden);
    expect(ni[0][5]).toBe(`是（系统建议：${firstNi[4]}）`);
    expect(out.nonImplementationRows[0]).toMatchObject({ override: true, suggestion: overridden });
    // a third run changes nothing
    const again = ok(await generateRound(xl.run, opts('op-r3')));
    expect(tableRows(xl, '问题清单')).toEqual(issues);
    expect(tableRows(xl, '不落实清单')).toEqual(ni);
    expect(again.syncs).toBe(2 + readSlices(xl, ['台账'], ['反馈记录'], ['科室人员'], ['日历'], ['操作日志', ['操作ID'], 'keys']));
  });

  it('clearing 人工调整 hands the row back to the ladder', async () => {
    const niSheet = xl.workbook.sheet('不落实清单');
    const firstNi = tableRows(xl, '不落实清单')[0];
    niSheet.setValues('F2', [['']]);
    ok(await generateRound(xl.run, opts('op-r4')));
    const ni = tableRows(xl, '不落实清单');
    // 问责建议 still shows what was written last: not an edit, so not an override any more…
    expect(ni[0][5]).toBe('');
    const want = expected(sample.items, sample.records);
    // …and the ladder's value is back
    expect(ni[0][4]).toBe(want.nonImplementationList[0].suggestion);
    void firstNi;
  });

  it('refuses a retry of an operation already logged', async () => {
    const r = await generateRound(xl.run, opts('op-r4'));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.code).toBe('already-done');
  });

  it('keeps edited 督查建议 for the same period; a new period archives them and starts fresh', async () => {
    const rep = xl.workbook.sheet('督查报告');
    rep.setValues(`A${LAYOUT.suggestionsFirst}`, [['1. 请各科室于本周五前完成整改。']]);
    const same = ok(await generateRound(xl.run, opts('op-r5')));
    expect(same.suggestions[0]).toBe('请各科室于本周五前完成整改。');
    expect(rep.getValues(`A${LAYOUT.suggestionsFirst}`)[0][0]).toBe('1. 请各科室于本周五前完成整改。');
    expect(xl.workbook.sheet('督查报告 2026-11').getValues(`A${LAYOUT.suggestionsFirst}`)[0][0]).toBe('1. 请各科室于本周五前完成整改。');
    // edit again, then a new period
    rep.setValues(`A${LAYOUT.suggestionsFirst}`, [['1. 最终修改稿。']]);
    const next = ok(await generateRound(xl.run, opts('op-r6', { period: { from: '2026-11-16', to: '2026-11-30' } })));
    expect(next.archiveSheet).toBe('督查报告 2026-11-16~2026-11-30');
    expect(String(rep.getValues(`A${LAYOUT.suggestionsFirst}`)[0][0])).toMatch(/^1\. 严格落实/);
    expect(xl.workbook.sheet('督查报告 2026-11').getValues(`A${LAYOUT.suggestionsFirst}`)[0][0]).toBe('1. 最终修改稿。');
    expect(xl.workbook.sheetNames()).toEqual(expect.arrayContaining(['督查报告 2026-11', '督查报告 2026-11-16~2026-11-30']));
  });
});

describe('generateRound: budget, co-authors, protection, errors', () => {
  it('costs 2 round trips plus one per slice of the tables read, for 100 and 10,000 items', async () => {
    const trips: number[] = [];
    for (const count of [100, 10_000]) {
      const s = generateSample({ count, seed: 7, today: TODAY });
      const xl = roundFixture(s.items, s.records);
      const out = ok(await generateRound(xl.run, opts(`op-${count}`)));
      trips.push(xl.stats.roundTrips - readSlices(xl, ['台账'], ['反馈记录'], ['科室人员'], ['日历'], ['操作日志', ['操作ID'], 'keys']));
      expect(out.syncs).toBe(2 + readSlices(xl, ['台账'], ['反馈记录'], ['科室人员'], ['日历'], ['操作日志', ['操作ID'], 'keys']));
      expect(xl.stats.rowsAddCalls).toBe(0);
      expect(tableRows(xl, '问题清单')).toHaveLength(out.issueRows.length);
    }
    expect(trips[0]).toBe(trips[1]);
    expect(trips[1]).toBeLessThanOrEqual(3);
  }, 120_000);

  it('never loses a hand row a co-author types between the read and the write (3rd round trip)', async () => {
    const s = generateSample({ count: 120, seed: 3, today: TODAY });
    const xl = roundFixture(s.items, s.records);
    ok(await generateRound(xl.run, opts('op-a')));
    const before = tableRows(xl, '问题清单').length;
    const run: ExcelRun = (batch) =>
      xl.run(async (context) => {
        const orig = context.sync.bind(context);
        let n = 0;
        (context as { sync: () => Promise<void> }).sync = async () => {
          await orig();
          if (++n === 1) xl.coauthor.appendTableRow('问题清单', ['', '', '同事刚补充的问题', '综合科', '', '', '', '', '']);
        };
        return batch(context);
      });
    const out = ok(await generateRound(run, opts('op-b')));
    expect(out.remerged).toBe(true);
    expect(out.syncs).toBe(3);
    const rows = tableRows(xl, '问题清单');
    expect(rows).toHaveLength(before + 1);
    expect(rows[before][2]).toBe('同事刚补充的问题');
    expect(rows[before][7]).toBe('是');
  });

  it('unprotects and re-protects protected list sheets', async () => {
    const s = generateSample({ count: 60, seed: 5, today: TODAY });
    const xl = roundFixture(s.items, s.records, true);
    ok(await generateRound(xl.run, opts('op-p')));
    expect(xl.workbook.sheet('问题清单').protection.protected).toBe(true);
    expect(xl.workbook.sheet('不落实清单').protection.protected).toBe(true);
  });

  it('shrinks a list whose items were closed (surplus rows deleted, hand rows kept)', async () => {
    const s = generateSample({ count: 150, seed: 11, today: TODAY });
    const xl = roundFixture(s.items, s.records);
    const first = ok(await generateRound(xl.run, opts('op-s1')));
    expect(first.issueRows.length).toBeGreaterThan(3);
    xl.coauthor.appendTableRow('问题清单', ['', '', '手工问题', '综合科', '', '', '', '', '']);
    // a later round with an earlier as-of: fewer issues
    const second = ok(await generateRound(xl.run, opts('op-s2', { period: { from: '2026-04-01', to: '2026-04-30' } })));
    const rows = tableRows(xl, '问题清单');
    expect(rows).toHaveLength(second.issueRows.length);
    expect(rows[rows.length - 1][2]).toBe('手工问题');
    expect(xl.workbook.table('问题清单').rowCount).toBe(second.issueRows.length);
  });

  it('writes formula-like text as text', async () => {
    const s = generateSample({ count: 80, seed: 2, today: TODAY });
    const xl = roundFixture(s.items, s.records);
    ok(await generateRound(xl.run, opts('op-f1')));
    xl.coauthor.appendTableRow('问题清单', ['', '', '\'=HYPERLINK("x")', '综合科', '', '', '', '', '']);
    ok(await generateRound(xl.run, opts('op-f2')));
    const sheet = xl.workbook.sheet('问题清单');
    const values = sheet.getValues(sheet.usedRange()!) as unknown[][];
    expect(values.flat()).toContain('=HYPERLINK("x")');
  });

  it('reports a workbook without the list sheets', async () => {
    const xl = ledgerFixture({ items: [], today: TODAY });
    const r = await generateRound(xl.run, opts('op-x'));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.code).toBe('not-initialised');
  });

  it('names the dated copy by month or by range', () => {
    expect(periodLabel({ from: '2026-02-01', to: '2026-02-28' })).toBe('2026-02');
    expect(archiveSheetName({ from: '2026-02-03', to: '2026-02-28' })).toBe('督查报告 2026-02-03~2026-02-28');
  });
});
