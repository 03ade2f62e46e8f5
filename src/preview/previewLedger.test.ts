import { createCalendar } from '../domain/calendar';
import { itemClock } from '../domain/clock';
import { addCalendarDays } from '../domain/dates';
import { isoToSerial } from '../domain/parseDate';
import { responsibleFor } from '../domain/responsibility';
import { defaultSettings } from '../domain/settings';
import { itemStatus } from '../domain/status';
import { generateSample } from '../workbook/sample';
import { DEFAULT_DIRECTOR, DEFAULT_SECTIONS } from '../workbook/sections';
import { columnLetter, settingRow } from '../workbook/schema';
import { LEDGER_SHEETS } from '../workbook/ledgerSheets';
import { PREVIEW_WORKBOOK_NAME, createPreviewLedger, recomputeCachedValues } from './previewLedger';

const TODAY = '2026-11-20';
const SETTINGS = { ...defaultSettings(), director: DEFAULT_DIRECTOR };
const sample = (today = TODAY) => generateSample({ count: 30, seed: 7, today, sections: DEFAULT_SECTIONS, settings: SETTINGS });

describe('createPreviewLedger', () => {
  test('an initialised ledger with 30 sample items whose 预警状态 shows itemStatus(...).status', async () => {
    const xl = await createPreviewLedger({ today: TODAY, items: 30, seed: 7 });
    expect(xl.workbook.name).toBe(PREVIEW_WORKBOOK_NAME);
    expect(xl.workbook.sheetNames()).toEqual([...LEDGER_SHEETS]);
    const { items, records } = sample();
    const cal = createCalendar();
    const t = xl.workbook.table('台账');
    expect(t.rowCount).toBe(30);
    const col = (h: string) => t.columns.indexOf(h);
    items.forEach((item, i) => {
      const row = t.values[i];
      expect(row[col('编号')]).toBe(item.id);
      const status = itemStatus(item, TODAY, SETTINGS, cal);
      expect([item.id, row[col('预警状态')]]).toEqual([item.id, status.status]);
      expect(row[col('逾期天数')]).toBe(item.assignedOn ? status.overdueDays : '');
      const clock = itemClock(item, SETTINGS, cal);
      expect(row[col('1天应报日')]).toBe(clock ? isoToSerial(clock.due1) : '');
      expect(row[col('办结时限')]).toBe(clock ? isoToSerial(clock.deadline) : '');
      const who = responsibleFor(
        item.level,
        DEFAULT_SECTIONS.find((s) => s.section === item.section),
        DEFAULT_DIRECTOR,
      );
      expect([row[col('第一责任人')], row[col('分管责任人')], row[col('直接责任人')]]).toEqual([who.first, who.inCharge, who.direct]);
      // The formulas are there; only their displayed values come from the domain core.
      expect(String(t.formulas[i][col('预警状态')])).toMatch(/^=IF\(/);
    });
    expect(new Set(t.values.map((r) => r[col('预警状态')])).size).toBeGreaterThan(2);

    const r = xl.workbook.table('反馈记录');
    expect(r.rowCount).toBe(records.length);
    r.values.forEach((row, i) => {
      expect(row[r.columns.indexOf('科室')]).toBe(items.find((it) => it.id === records[i].itemId)!.section);
    });
    // A grid view sees the computed values as text, dates formatted.
    const grid = xl.workbook.sheet('台账').snapshotGrid(5, 30);
    expect(grid.cells[1][col('办结时限')].text).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(xl.workbook.sheet('设置').getValues(`B${settingRow('今天')}`)).toEqual([[isoToSerial(TODAY)]]);
    expect(xl.workbook.table('日历').values[4][2]).toBeGreaterThan(0);
    expect(xl.stats.syncs).toBe(0);
  });

  test('recomputeCachedValues follows a new date and edited inputs', async () => {
    const xl = await createPreviewLedger({ today: TODAY, items: 30, seed: 7 });
    const later = addCalendarDays(TODAY, 40);
    recomputeCachedValues(xl, later);
    const { items } = sample();
    const cal = createCalendar();
    let t = xl.workbook.table('台账');
    const status = t.columns.indexOf('预警状态');
    items.forEach((item, i) => expect(t.values[i][status]).toBe(itemStatus(item, later, SETTINGS, cal).status));

    // Close the first open item by typing 落实反馈日 and 销号日期 (as the add-in would), then recompute.
    const k = items.findIndex((it) => it.assignedOn && !it.closedOn);
    const item = { ...items[k], reportFinalOn: TODAY, closedOn: TODAY };
    const letter = (h: string) => columnLetter(t.columns.indexOf(h) + 1);
    const s = xl.workbook.sheet('台账');
    s.setValues(`${letter('落实反馈日')}${k + 2}`, [[isoToSerial(TODAY)]]);
    s.setValues(`${letter('销号日期')}${k + 2}`, [[isoToSerial(TODAY)]]);
    recomputeCachedValues(xl, later);
    t = xl.workbook.table('台账');
    expect(t.values[k][status]).toBe(itemStatus(item, later, SETTINGS, cal).status);
    expect(['按期办结', '逾期办结']).toContain(t.values[k][status]);
  });
});
