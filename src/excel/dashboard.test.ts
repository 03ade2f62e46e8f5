import { createCalendar } from '../domain/calendar';
import { readSlices } from './testing/readSlices';
import { monthlyScores } from '../domain/scoring';
import { defaultSettings } from '../domain/settings';
import { itemStatus } from '../domain/status';
import { SOURCE_CATEGORIES, WARNING_STATUSES } from '../domain/types';
import { rounds as t } from '../i18n/rounds';
import { generateSample } from '../workbook/sample';
import { DEFAULT_DIRECTOR, DEFAULT_SECTIONS } from '../workbook/sections';
import { STATUS_COLOURS } from '../workbook/statusColours';
import { DASHBOARD_SHEET, lastMonths, refreshDashboard, type DashboardOutcome } from './dashboard';
import { chartsOf, createExcelDouble, pageLayoutOf, type ExcelDouble } from './double';
import { ledgerFixture } from './testing/ledgerFixture';

const TODAY = '2026-11-25';
const sections = DEFAULT_SECTIONS.map((s) => s.section);

function ok<T>(r: { ok: true; value: T } | { ok: false; error: { code: string; message: string } }): T {
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.value;
}

/** One table on 督查看板: the header row under `heading` and the body rows down to the next blank row. */
function table(xl: ExcelDouble, heading: string): { header: unknown[]; body: unknown[][] } {
  const s = xl.workbook.sheet(DASHBOARD_SHEET);
  const values = s.getValues(s.usedRange()!) as unknown[][];
  const h = values.findIndex((r) => r[0] === heading);
  expect(h).toBeGreaterThanOrEqual(0);
  const end = values.findIndex((r, i) => i > h + 1 && r.every((v) => v === '' || v === null));
  const body = values.slice(h + 2, end < 0 ? values.length : end);
  const width = (values[h + 1] as unknown[]).findIndex((v) => v === '' || v === null);
  const cut = (r: unknown[]) => (width < 0 ? r : r.slice(0, width));
  return { header: cut(values[h + 1]), body: body.map(cut) };
}

describe('refreshDashboard on a 200-item sample', () => {
  const sample = generateSample({ count: 200, seed: 13710, today: TODAY });
  const settings = defaultSettings();
  settings.director = DEFAULT_DIRECTOR;
  const cal = createCalendar();
  let xl: ExcelDouble;
  let out: DashboardOutcome;

  beforeAll(async () => {
    xl = ledgerFixture({ items: sample.items, records: sample.records, today: TODAY });
    out = ok(await refreshDashboard(xl.run, { asOf: TODAY }));
  });

  test('表一 equals the items counted by 预警状态 (domain itemStatus) per 承办科室', () => {
    const { header, body } = table(xl, t.statusTableTitle);
    expect(header).toEqual([t.sectionHeader, ...WARNING_STATUSES]);
    const expected = sections.map((section) => {
      const own = sample.items.filter((i) => i.section === section);
      return [section, ...WARNING_STATUSES.map((st) => own.filter((i) => itemStatus(i, TODAY, settings, cal).status === st).length)];
    });
    expect(body).toEqual(expected);
    expect(body.reduce((n, r) => n + (r.slice(1) as number[]).reduce((a, b) => a + b, 0), 0)).toBe(200);
    // several statuses actually occur (the chart is not trivially one colour)
    expect(WARNING_STATUSES.filter((_, k) => body.some((r) => (r[k + 1] as number) > 0)).length).toBeGreaterThanOrEqual(4);
  });

  test('表二 equals the 办结情况 counts of 月度考核 summed over the sections, last 6 months', () => {
    const { header, body } = table(xl, t.trendTableTitle);
    expect(header).toEqual([...t.trendHeaders]);
    const months = lastMonths(TODAY, 6);
    expect(months).toEqual(['2026-06', '2026-07', '2026-08', '2026-09', '2026-10', '2026-11']);
    const expected = months.map((month) => {
      const scores = monthlyScores({ items: sample.items, records: sample.records, sections, month, today: TODAY, settings, cal });
      const due = scores.reduce((n, s) => n + s.counts.deadlinesDue, 0);
      const onTime = scores.reduce((n, s) => n + s.counts.deadlinesOnTime, 0);
      return [month, due === 0 ? '' : onTime / due, due, onTime];
    });
    expect(body).toEqual(expected);
    expect(body.filter((r) => (r[2] as number) > 0).length).toBeGreaterThanOrEqual(4);
    const s = xl.workbook.sheet(DASHBOARD_SHEET);
    const first = s.usedRange() && (s.getValues(s.usedRange()!) as unknown[][]).findIndex((r) => r[0] === months[0]) + 1;
    expect(s.getNumberFormats(`B${first}`)[0][0]).toBe('0.0%');
  });

  test('表三 equals the items per 来源类别', () => {
    const { header, body } = table(xl, t.sourceTableTitle);
    expect(header).toEqual([...t.sourceHeaders]);
    const expected = SOURCE_CATEGORIES.map((c) => [c, sample.items.filter((i) => i.source === c).length]).filter((r) => (r[1] as number) > 0);
    expect(body).toEqual(expected);
    expect(body.reduce((n, r) => n + (r[1] as number), 0)).toBe(200);
  });

  test('three charts with titles, types and the tables as sources; figures returned', () => {
    const charts = chartsOf(xl.workbook.sheet(DASHBOARD_SHEET));
    const s = xl.workbook.sheet(DASHBOARD_SHEET);
    const values = s.getValues(s.usedRange()!) as unknown[][];
    const row = (heading: string) => values.findIndex((r) => r[0] === heading) + 2; // header row, 1-based
    const lastOf = (heading: string) => {
      const h = row(heading);
      let r = h;
      while (r < values.length && values[r][0] !== '') r++;
      return r;
    };
    expect(charts.map((c) => [c.name, c.chartType, c.seriesBy, c.title, c.titleVisible])).toEqual([
      [t.chartNames[0], 'ColumnStacked', 'Columns', t.chartStatusTitle, true],
      [t.chartNames[1], 'Line', 'Columns', t.chartTrendTitle, true],
      [t.chartNames[2], 'Pie', 'Columns', t.chartSourceTitle, true],
    ]);
    expect(charts.map((c) => c.source)).toEqual([
      `${DASHBOARD_SHEET}!A${row(t.statusTableTitle)}:H${lastOf(t.statusTableTitle)}`,
      `${DASHBOARD_SHEET}!A${row(t.trendTableTitle)}:B${lastOf(t.trendTableTitle)}`,
      `${DASHBOARD_SHEET}!A${row(t.sourceTableTitle)}:B${lastOf(t.sourceTableTitle)}`,
    ]);
    expect(charts.map((c) => c.position)).toEqual([
      { start: 'J1', end: 'R16' },
      { start: 'J18', end: 'R33' },
      { start: 'J35', end: 'R50' },
    ]);
    // printed: tables and charts on one A4 landscape page, no gridlines, tables bordered
    const sheet = xl.workbook.sheet(DASHBOARD_SHEET);
    expect(pageLayoutOf(sheet)).toMatchObject({
      paperSize: 'A4',
      orientation: 'Landscape',
      printArea: 'A1:R50',
      showGridlines: false,
      zoom: { horizontalFitToPages: 1, verticalFitToPages: 1 },
    });
    expect(sheet.fmtAt(row(t.statusTableTitle) - 1, 1, 'fill')).toBe('#EDEDED');
    expect(sheet.fmtAt(row(t.statusTableTitle), 1, 'borderBottom')).toBe('Continuous');
    expect(out.syncs).toBe(2 + readSlices(xl, ['台账'], ['反馈记录'], ['科室人员'], ['日历']));
    expect(out.figures.bySection.map((r) => r.section)).toEqual(sections);
    expect(out.rowErrors).toEqual([]);
  });

  test('the status chart series are the statuses in the status table colours; the others keep the Office palette', () => {
    const [status, trend, source] = chartsOf(xl.workbook.sheet(DASHBOARD_SHEET));
    expect(status.series).toEqual(WARNING_STATUSES.map((st) => ({ name: st, fill: STATUS_COLOURS[st].series })));
    expect(trend.series.every((s) => s.fill === null)).toBe(true);
    expect(source.series.every((s) => s.fill === null)).toBe(true);
  });

  test('refreshing again replaces the charts and the tables (exactly three charts, same cells)', async () => {
    const s = xl.workbook.sheet(DASHBOARD_SHEET);
    const before = s.getValues(s.usedRange()!);
    xl.stats.reset();
    const again = ok(await refreshDashboard(xl.run, { asOf: TODAY }));
    expect(again.syncs).toBe(3 + readSlices(xl, ['台账'], ['反馈记录'], ['科室人员'], ['日历']));
    expect(xl.stats.syncs).toBe(3 + readSlices(xl, ['台账'], ['反馈记录'], ['科室人员'], ['日历']));
    expect(chartsOf(s)).toHaveLength(3);
    expect(chartsOf(s).map((c) => c.name)).toEqual([...t.chartNames]);
    expect(s.getValues(s.usedRange()!)).toEqual(before);
  });
});

describe('refreshDashboard: budget, protection, errors', () => {
  test('the same round trips for 100 and 10,000 items, plus one per slice of the tables read', async () => {
    const trips: number[][] = [];
    for (const count of [100, 10_000]) {
      const s = generateSample({ count, seed: 7, today: TODAY });
      const xl = ledgerFixture({ items: s.items, records: s.records, today: TODAY });
      const first = ok(await refreshDashboard(xl.run, { asOf: TODAY, months: 12 }));
      const second = ok(await refreshDashboard(xl.run, { asOf: TODAY, months: 12 }));
      const slices = readSlices(xl, ['台账'], ['反馈记录'], ['科室人员'], ['日历']);
      trips.push([first.syncs - slices, second.syncs - slices, xl.stats.syncs - 2 * slices]);
      expect(chartsOf(xl.workbook.sheet(DASHBOARD_SHEET))).toHaveLength(3);
      expect(first.figures.bySection.reduce((n, r) => n + r.total, 0)).toBe(count);
      expect(first.figures.trend).toHaveLength(12);
    }
    expect(trips[0]).toEqual([2, 3, 5]);
    expect(trips[1]).toEqual(trips[0]);
  }, 120_000);

  test('a protected 督查看板 is unprotected for the refresh and protected again', async () => {
    const s = generateSample({ count: 30, seed: 1, today: TODAY });
    const xl = ledgerFixture({ items: s.items, records: s.records, today: TODAY, password: 'pw13710' });
    ok(await refreshDashboard(xl.run, { asOf: TODAY }));
    xl.workbook.sheet(DASHBOARD_SHEET).protect({}, 'pw13710');
    const out = ok(await refreshDashboard(xl.run, { asOf: TODAY }));
    expect(out.syncs).toBe(3);
    expect(xl.workbook.sheet(DASHBOARD_SHEET).protection.protected).toBe(true);
    expect(chartsOf(xl.workbook.sheet(DASHBOARD_SHEET))).toHaveLength(3);
  });

  test('a workbook without the ledger tables, a bad date or month count → an error, nothing written', async () => {
    const bare = ledgerFixture({ items: [] });
    const noLedger = createExcelDouble({ sheets: ['Sheet1'] });
    const r = await refreshDashboard(noLedger.run, { asOf: TODAY });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.code).toBe('not-initialised');
    expect(noLedger.workbook.sheetNames()).toEqual(['Sheet1']);
    expect((await refreshDashboard(bare.run, { asOf: '2026-13-01' })).ok).toBe(false);
    expect((await refreshDashboard(bare.run, { asOf: TODAY, months: 0 })).ok).toBe(false);
    // an empty ledger still gets its three charts
    const empty = ok(await refreshDashboard(bare.run, { asOf: TODAY }));
    expect(empty.figures.bySource).toEqual([]);
    expect(chartsOf(bare.workbook.sheet(DASHBOARD_SHEET))).toHaveLength(3);
  });
});
