import { createCalendar } from '../domain/calendar';
import { readSlices } from './testing/readSlices';
import { defaultSettings } from '../domain/settings';
import { monthlyScores } from '../domain/scoring';
import type { Actor } from '../domain/workflow';
import { generateSample } from '../workbook/sample';
import { DEFAULT_DIRECTOR, DEFAULT_SECTIONS } from '../workbook/sections';
import { ARCHIVE_HEADERS, ARCHIVE_HEADER_ROW, archiveRow, detailRowsOf, freezeMonth, type FreezeOptions } from './scoresArchive';
import { serialToIso } from '../domain/parseDate';
import { ledgerFixture } from './testing/ledgerFixture';

/** What a cell shows for a value written behind Excel's text apostrophe (cells.textCell). */
const shown = (rows: unknown[][]) => rows.map((r) => r.map((v) => (typeof v === 'string' && v.startsWith("'") ? v.slice(1) : v)));

const TODAY = '2026-11-20';
const actor: Actor = { role: '督办员', name: '王督办' };
const opts = (opId: string, asOf = TODAY): FreezeOptions => ({ asOf, actor, opId, now: new Date(2026, 10, 20, 10, 0, 0) });

function archiveRows(xl: ReturnType<typeof ledgerFixture>): unknown[][] {
  const s = xl.workbook.sheet('考核存档');
  const used = s.usedRange()!;
  return (s.getValues(used) as unknown[][]).slice(ARCHIVE_HEADER_ROW).filter((r) => r.some((v) => v !== ''));
}

describe('freezeMonth', () => {
  const sample = generateSample({ count: 200, seed: 42, today: TODAY });
  const settings = defaultSettings();
  settings.director = DEFAULT_DIRECTOR;
  const sections = DEFAULT_SECTIONS.map((s) => s.section);
  const want = (month: string, today = TODAY) =>
    monthlyScores({ items: sample.items, records: sample.records, sections, month, today, settings, cal: createCalendar() });

  it('creates 考核存档 and writes the domain scores as values, with who and when', async () => {
    const xl = ledgerFixture({ items: sample.items, records: sample.records, today: TODAY });
    const r = await freezeMonth(xl.run, '2026-10', opts('op-f1'));
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.created).toBe(true);
    expect(r.value.version).toBe(1);
    expect(r.value.syncs).toBe(2 + readSlices(xl, ['台账'], ['反馈记录'], ['科室人员'], ['日历'], ['操作日志', ['操作ID'], 'keys']));
    const scores = want('2026-10');
    expect(r.value.scores).toEqual(scores);
    const rows = archiveRows(xl);
    expect(rows).toEqual(shown(scores.map((s) => archiveRow(s, TODAY, TODAY, actor, 1, 'op-f1'))));
    const sheet = xl.workbook.sheet('考核存档');
    expect(sheet.getValues(`A${ARCHIVE_HEADER_ROW}:B${ARCHIVE_HEADER_ROW}`)).toEqual([['考核月份', '科室']]);
    expect(sheet.protection.protected).toBe(true);
    // values, not formulas
    const formulas = sheet.getFormulas(sheet.usedRange()!) as unknown[][];
    expect(formulas.flat().some((f) => typeof f === 'string' && f.startsWith('='))).toBe(false);
    // who and when
    const row = rows[0];
    expect(row[ARCHIVE_HEADERS.indexOf('冻结人')]).toBe('王督办');
    expect(row[ARCHIVE_HEADERS.indexOf('版本')]).toBe(1);
    expect(xl.workbook.table('考核存档').rowCount).toBe(sections.length);
  });

  it('refreezing a month adds a new version block and keeps the old one', async () => {
    const xl = ledgerFixture({ items: sample.items, records: sample.records, today: TODAY });
    const first = await freezeMonth(xl.run, '2026-11', opts('op-a', '2026-11-10'));
    expect(first.ok).toBe(true);
    const other = await freezeMonth(xl.run, '2026-10', opts('op-b'));
    expect(other.ok && other.value.version).toBe(1);
    const again = await freezeMonth(xl.run, '2026-11', opts('op-c'));
    if (!again.ok) throw new Error(again.error.message);
    expect(again.value.version).toBe(2);
    expect(again.value.syncs).toBe(3 + readSlices(xl, ['台账'], ['反馈记录'], ['科室人员'], ['日历'], ['操作日志', ['操作ID'], 'keys']));
    const rows = archiveRows(xl);
    expect(rows).toHaveLength(3 * sections.length);
    const v = ARCHIVE_HEADERS.indexOf('版本');
    const nov = rows.filter((r) => r[0] === '2026-11');
    expect(nov.map((r) => r[v])).toEqual([...sections.map(() => 1), ...sections.map(() => 2)]);
    expect(nov.slice(sections.length)).toEqual(shown(want('2026-11').map((s) => archiveRow(s, TODAY, TODAY, actor, 2, 'op-c'))));
    expect(xl.workbook.sheet('考核存档').protection.protected).toBe(true);
    const log = xl.workbook.sheet('操作日志');
    const logRows = (log.getValues(log.usedRange()!) as unknown[][]).slice(1).filter((r) => r[3] !== '');
    expect(logRows.map((r) => r[3])).toEqual(['冻结考核', '冻结考核', '冻结考核']);
    expect(logRows[2][6]).toBe('2026-11已冻结1版');
  });

  it('refuses a future month, a malformed month and a logged retry', async () => {
    const xl = ledgerFixture({ items: sample.items, records: sample.records, today: TODAY });
    expect((await freezeMonth(xl.run, '2026-12', opts('op-x'))).ok).toBe(false);
    expect((await freezeMonth(xl.run, '2026-13', opts('op-y'))).ok).toBe(false);
    expect((await freezeMonth(xl.run, '2026-09', opts('op-z'))).ok).toBe(true);
    const retry = await freezeMonth(xl.run, '2026-09', opts('op-z'));
    expect(!retry.ok && retry.error.code).toBe('already-done');
  });

  /** 考核明细's (月份, 科室) rows as 'YYYY-MM 科室'. */
  const detailKeys = (xl: ReturnType<typeof ledgerFixture>) =>
    (xl.workbook.table('考核明细').values as unknown[][]).map(
      (r) => `${typeof r[0] === 'number' ? serialToIso(r[0]).slice(0, 7) : String(r[0])} ${String(r[1])}`,
    );

  it('a frozen month leaves 考核明细 (its figures stand in 考核存档); the other months stay in order', async () => {
    const xl = ledgerFixture({ items: sample.items, records: sample.records, today: TODAY, protect: true, password: 'pw' });
    const before = detailKeys(xl);
    const r = await freezeMonth(xl.run, '2026-10', opts('op-leave'));
    if (!r.ok) throw new Error(r.error.message);
    expect(detailKeys(xl)).toEqual(before.filter((k) => !k.startsWith('2026-10 ')));
    expect(xl.workbook.sheet('月度考核').protection.protected).toBe(true);
    // a refreeze finds nothing more to take out
    const again = await freezeMonth(xl.run, '2026-10', opts('op-leave-2'));
    expect(again.ok && again.value.version).toBe(2);
    expect(detailKeys(xl)).toEqual(before.filter((k) => !k.startsWith('2026-10 ')));
  });

  it('rows of the month anywhere in 考核明细 go, and a table left with none keeps one blank row', async () => {
    const xl = ledgerFixture({ items: sample.items, records: sample.records, today: TODAY, detailMonths: ['2026-10', '2026-11', '2026-10'] });
    const r = await freezeMonth(xl.run, '2026-10', opts('op-runs'));
    if (!r.ok) throw new Error(r.error.message);
    expect(detailKeys(xl)).toEqual(sections.map((s) => `2026-11 ${s}`));
    const only = ledgerFixture({ items: sample.items, records: sample.records, today: TODAY, detailMonths: ['2026-09'] });
    expect((await freezeMonth(only.run, '2026-09', opts('op-all'))).ok).toBe(true);
    expect(detailKeys(only)).toEqual([' ']);
  });

  it('detailRowsOf reads 月份 as a date serial or as text', () => {
    expect(detailRowsOf([[46296], ['2026-10'], [46327], ['2026-10-01'], ['']], '2026-10')).toEqual([0, 1, 3]);
  });
});
