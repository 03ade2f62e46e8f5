import { createCalendar } from '../domain/calendar';
import { buildReport } from '../domain/report';
import { defaultSettings } from '../domain/settings';
import { rounds as t } from '../i18n/rounds';
import { generateSample } from '../workbook/sample';
import { DEFAULT_SECTIONS } from '../workbook/sections';
import { createExcelDouble } from './double';
import { reportStyles, sentenceHeight, textWidth, queueStyles } from './reportStyle';
import { HINT_CELL, monthPeriod, reportGrid } from './rounds';

const TODAY = '2026-11-25';

function grid() {
  const sample = generateSample({ count: 60, seed: 7, today: TODAY });
  const sections = DEFAULT_SECTIONS.map((s) => s.section);
  const people = DEFAULT_SECTIONS.map((s) => ({ section: s.section, chief: s.chief, deputy: s.deputy }));
  const report = buildReport({
    items: sample.items,
    records: sample.records,
    period: monthPeriod('2026-11'),
    asOf: TODAY,
    settings: defaultSettings(),
    cal: createCalendar(),
    sections,
    people,
  });
  return reportGrid(report, { title: t.title, roundDate: TODAY, suggestions: report.suggestions });
}

describe('report styles', () => {
  test('a sentence row is as tall as the lines its text wraps to', () => {
    expect(textWidth('督查ab')).toBe(3);
    const one = sentenceHeight('短句。');
    expect(sentenceHeight('长'.repeat(200))).toBeGreaterThanOrEqual(one * 3);
    expect(sentenceHeight('')).toBe(one);
  });

  test('every table of the report is bordered with a shaded header; the hint is grey and outside the printed columns', () => {
    const g = grid();
    const ops = reportStyles(g);
    for (const table of g.tables) {
      expect(ops.some((o) => o.grid && o.range.startsWith(`A${table.header}:`) && o.range.endsWith(`${table.last}`))).toBe(true);
      expect(ops.some((o) => o.fill && o.range.startsWith(`A${table.header}:`))).toBe(true);
    }
    expect(g.rows[HINT_CELL.row - 1][HINT_CELL.column - 1]).toBe(t.suggestionsHint);
    expect(HINT_CELL.column).toBeGreaterThan(g.printWidth);
    expect(ops.some((o) => o.range === `I${HINT_CELL.row}:J${HINT_CELL.row}` && o.font?.color)).toBe(true);
  });

  test('queued on a sheet, a one-row range is bordered without an inside-horizontal edge it does not have, cells get their edges', async () => {
    const xl = createExcelDouble({ sheets: ['报告'] });
    await xl.run(async (context) => {
      queueStyles(context.workbook.worksheets.getItem('报告'), [
        { range: 'A1:C1', grid: true },
        { range: 'A3:B5', grid: true, fill: '#EDEDED' },
        { range: 'A3:B3', fill: '' },
      ]);
      await context.sync();
    });
    const s = xl.workbook.sheet('报告');
    expect(s.fmtAt(0, 1, 'borderLeft')).toBe('Continuous');
    expect(s.fmtAt(4, 1, 'borderTop')).toBe('Continuous');
    expect(s.fmtAt(2, 0, 'fill')).toBe('');
    expect(s.fmtAt(3, 0, 'fill')).toBe('#EDEDED');
  });
});
