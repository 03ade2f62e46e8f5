/**
 * 督查看板: three source tables computed by the domain core from raw ledger fields, and three
 * Office.js charts drawn from them, on the sheet 「督查看板」 (created when missing).
 *
 * - 表一 items by 预警状态 per 承办科室 (itemStatus at asOf; listed sections first, then any other
 *   承办科室 in ledger order) → stacked column chart, series by columns (one series per status);
 * - 表二 monthly 按期办结率 for the last N months up to asOf's month: items whose 落实期限 falls in
 *   the month (its day over), of which 落实 on or before the deadline — exactly the 办结情况
 *   dimension of 月度考核 (closureDimension) over all sections → line chart (月份 + 按期办结率);
 *   a month with nothing due has a blank rate (a gap in the line, not 0);
 * - 表三 来源类别 mix: items per 来源类别 (SPEC order, then any other source; empty ones left out)
 *   → pie chart.
 *
 * Round trips (context.sync), whatever the ledger's size:
 *   1. read the raw inputs (queueLedgerInputs) and the sheet names;
 *   2. only when 督查看板 exists: load its charts and its protection;
 *   3. write: unprotect if needed → delete the previous charts (every chart on the sheet: the sheet
 *      belongs to the add-in) → clear the cells → tables → add the three charts → protect again.
 * So 2 syncs on the first refresh, 3 afterwards.
 *
 * `dashboardData` / `dashboardGrid` are pure: test/render prints the same tables with exceljs.
 */
import type { WorkCalendar } from '../domain/calendar';
import { edate, isIsoDate } from '../domain/dates';
import { err, ok, type Result } from '../domain/result';
import { closureDimension, monthWindow } from '../domain/scoring';
import type { Settings } from '../domain/settings';
import { itemStatus } from '../domain/status';
import { SOURCE_CATEGORIES, WARNING_STATUSES, type IsoDate, type LedgerItem, type WarningStatus } from '../domain/types';
import type { CellError } from '../domain/validation';
import { excel as xt } from '../i18n/excel';
import { rounds as t } from '../i18n/rounds';
import { dashboardPrintSetup } from '../workbook/print';
import { columnLetter } from '../workbook/schema';
import { STATUS_COLOURS } from '../workbook/statusColours';
import { textCell, type CellValue } from './cells';
import { queuePrintSetup } from './printSetup';
import { queueProtect, queueUnprotect } from './protection';
import { dashboardStyles, queueStyles } from './reportStyle';
import type { ExcelRun } from './run';
import { isNotFound, queueLedgerInputs, syncMessage } from './roundsRead';
import { completeReads } from './tableRead';
import { done, rollForward, writeFailed, type Attempt } from './writePath';
import { SHEET } from '../workbook/sheetNames';

export const DASHBOARD_SHEET = SHEET.dashboard;
export const DEFAULT_TREND_MONTHS = 6;

// ---------------------------------------------------------------------------------------------
// figures (pure)

export interface DashboardInput {
  items: readonly LedgerItem[];
  /** listed sections (科室人员), in order */
  sections: readonly string[];
  settings: Settings;
  cal: WorkCalendar;
}

export interface DashboardFigures {
  asOf: IsoDate;
  statuses: readonly WarningStatus[];
  bySection: { section: string; counts: Record<WarningStatus, number>; total: number }[];
  trend: { month: string; due: number; onTime: number; rate: number | null }[];
  bySource: { source: string; items: number }[];
}

/** 'YYYY-MM' of the last `n` months ending with asOf's month, oldest first. */
export function lastMonths(asOf: IsoDate, n: number): string[] {
  const first = `${asOf.slice(0, 7)}-01`;
  return Array.from({ length: n }, (_, k) => edate(first, k - (n - 1)).slice(0, 7));
}

function ordered(fixed: readonly string[], items: readonly LedgerItem[], key: (i: LedgerItem) => string): string[] {
  const out = [...fixed];
  const seen = new Set(out);
  for (const i of items) {
    const k = key(i);
    if (!seen.has(k)) {
      seen.add(k);
      out.push(k);
    }
  }
  return out;
}

export function dashboardData(input: DashboardInput, asOf: IsoDate, months = DEFAULT_TREND_MONTHS): DashboardFigures {
  const { items, settings, cal } = input;
  const zero = () => Object.fromEntries(WARNING_STATUSES.map((s) => [s, 0])) as Record<WarningStatus, number>;
  const sectionNames = ordered(input.sections, items, (i) => i.section);
  const bySection = new Map(sectionNames.map((s) => [s, zero()]));
  for (const item of items) bySection.get(item.section)![itemStatus(item, asOf, settings, cal).status]++;

  const trend = lastMonths(asOf, months).map((month) => {
    const w = monthWindow(month, asOf)!;
    const c = closureDimension(items, w, settings, cal);
    return { month, due: c.due, onTime: c.onTime, rate: c.due === 0 ? null : c.onTime / c.due };
  });

  const bySourceCounts = new Map<string, number>();
  for (const item of items) bySourceCounts.set(item.source, (bySourceCounts.get(item.source) ?? 0) + 1);
  const bySource = ordered(SOURCE_CATEGORIES, items, (i) => i.source)
    .map((source) => ({ source, items: bySourceCounts.get(source) ?? 0 }))
    .filter((r) => r.items > 0);

  return {
    asOf,
    statuses: WARNING_STATUSES,
    bySection: sectionNames.map((section) => {
      const counts = bySection.get(section)!;
      return { section, counts, total: WARNING_STATUSES.reduce((n, s) => n + counts[s], 0) };
    }),
    trend,
    bySource,
  };
}

// ---------------------------------------------------------------------------------------------
// layout (pure)

/** 1-based rows of one table: heading, header row, body rows first..last. */
export interface TableBlock {
  heading: number;
  header: number;
  last: number;
  /** columns used (from A) */
  width: number;
}

export interface DashboardGrid {
  /** rows from row 1, ragged */
  rows: CellValue[][];
  width: number;
  status: TableBlock;
  trend: TableBlock;
  source: TableBlock;
  boldRows: number[];
  formats: { address: string; numberFormat: string }[];
}

export function dashboardGrid(f: DashboardFigures, months: number): DashboardGrid {
  const rows: CellValue[][] = [[t.dashboardTitle], [t.dashboardAsOf(f.asOf, months)], []];
  const boldRows = [1];
  const formats: DashboardGrid['formats'] = [];
  const block = (heading: string, header: readonly string[], body: CellValue[][]): TableBlock => {
    const h = rows.length + 1;
    rows.push([heading], [...header], ...body, []);
    boldRows.push(h, h + 1);
    return { heading: h, header: h + 1, last: h + 1 + body.length, width: header.length };
  };
  const status = block(
    t.statusTableTitle,
    [t.sectionHeader, ...f.statuses],
    f.bySection.map((s) => [textCell(s.section), ...f.statuses.map((st) => s.counts[st])]),
  );
  const trend = block(
    t.trendTableTitle,
    t.trendHeaders,
    f.trend.map((m) => [textCell(m.month), m.rate === null ? '' : m.rate, m.due, m.onTime]),
  );
  if (trend.last > trend.header) formats.push({ address: `B${trend.header + 1}:B${trend.last}`, numberFormat: '0.0%' });
  const source = block(
    t.sourceTableTitle,
    t.sourceHeaders,
    f.bySource.map((s) => [textCell(s.source), s.items]),
  );
  rows.pop();
  const width = Math.max(...rows.map((r) => r.length));
  return { rows, width, status, trend, source, boldRows, formats };
}

// ---------------------------------------------------------------------------------------------
// refreshDashboard

export interface DashboardOptions {
  /** 今天 */
  asOf: IsoDate;
  /** months of the 按期办结率 trend (default 6) */
  months?: number;
}

export interface DashboardOutcome {
  /** context.sync() calls (2 on the first refresh, 3 when the sheet already exists) */
  syncs: number;
  figures: DashboardFigures;
  /** ledger rows left out because they failed validation */
  rowErrors: CellError[];
}

/** Where the charts go: to the right of the tables, one below the other (16 rows each: together about as tall as the tables, so the sheet prints on one page). */
const CHART_COLUMNS = { first: 'J', last: 'R' } as const;
const CHART_ROWS = 16;
const CHARTS_LAST_ROW = 3 * (CHART_ROWS + 1) - 1;

export async function refreshDashboard(run: ExcelRun, opts: DashboardOptions): Promise<Result<DashboardOutcome>> {
  const months = opts.months ?? DEFAULT_TREND_MONTHS;
  if (!isIsoDate(opts.asOf)) return err('bad-date', t.badPeriod(String(opts.asOf), String(opts.asOf)));
  if (!Number.isInteger(months) || months < 1 || months > 36) return err('bad-months', t.badMonths(months));
  // a write that fails part-way is rolled forward once (writePath): the sheet is rebuilt whole
  return rollForward(run, () => dashboardAttempt(run, opts, months));
}

async function dashboardAttempt(run: ExcelRun, opts: DashboardOptions, months: number): Promise<Attempt<DashboardOutcome>> {
  return run(async (context) => {
    let syncs = 0;
    const sync = async () => {
      syncs++;
      await context.sync();
    };
    // ---- 1: raw inputs, sheet names
    const inputs = queueLedgerInputs(context, { recordTypes: [] });
    const sheets = context.workbook.worksheets.load('items/name');
    try {
      await sync();
      syncs += await completeReads(context);
    } catch (e) {
      if (isNotFound(e)) return done(err('not-initialised', t.dashboardNotInitialised));
      return done(err('sync-failed', xt.syncFailed(syncMessage(e))));
    }
    const data = inputs.read();
    const figures = dashboardData(data, opts.asOf, months);
    const grid = dashboardGrid(figures, months);
    const exists = sheets.items.some((s) => s.name === DASHBOARD_SHEET);

    // ---- 2 (when the sheet exists): its charts and protection
    let ws: Excel.Worksheet;
    let old: Excel.ChartCollection | null = null;
    let wasProtected = false;
    if (exists) {
      ws = context.workbook.worksheets.getItem(DASHBOARD_SHEET);
      old = ws.charts.load('items/name');
      const prot = ws.protection.load('protected');
      try {
        await sync();
      } catch (e) {
        return done(err('sync-failed', xt.syncFailed(syncMessage(e))));
      }
      wasProtected = prot.protected;
    } else {
      ws = context.workbook.worksheets.add(DASHBOARD_SHEET);
    }

    // ---- 3: write
    queueUnprotect(context, ws, wasProtected, data.password);
    if (old) {
      for (const c of old.items) c.delete();
      const used = ws.getUsedRange();
      used.unmerge();
      used.clear('All' as Excel.ClearApplyTo.all);
    }
    const width = grid.width;
    const padded = grid.rows.map((r) => [...r, ...Array<CellValue>(width - r.length).fill('')]);
    ws.getRange(`A1:${columnLetter(width)}${padded.length}`).values = padded;
    for (const r of grid.boldRows) ws.getRange(`A${r}:${columnLetter(width)}${r}`).format.font.bold = true;
    for (const f of grid.formats) ws.getRange(f.address).numberFormat = [[f.numberFormat]];
    ws.getRange('A:A').format.columnWidth = 150;
    ws.getRange(`B:${columnLetter(width)}`).format.columnWidth = 56;
    ws.getRange(`A1:${columnLetter(width)}1`).merge(false);
    ws.getRange(`A2:${columnLetter(width)}2`).merge(false);
    queueStyles(ws, dashboardStyles(grid));
    // tables on the left, the charts beside them: one landscape page across
    queuePrintSetup(ws, dashboardPrintSetup(Math.max(padded.length, CHARTS_LAST_ROW), CHART_COLUMNS.last));

    const charts: { type: 'ColumnStacked' | 'Line' | 'Pie'; block: TableBlock; cols: number; title: string }[] = [
      { type: 'ColumnStacked', block: grid.status, cols: grid.status.width, title: t.chartStatusTitle },
      { type: 'Line', block: grid.trend, cols: 2, title: t.chartTrendTitle },
      { type: 'Pie', block: grid.source, cols: 2, title: t.chartSourceTitle },
    ];
    charts.forEach((c, k) => {
      const last = Math.max(c.block.last, c.block.header + 1); // an empty table still gives a valid range
      const source = ws.getRange(`A${c.block.header}:${columnLetter(c.cols)}${last}`);
      const chart = ws.charts.add(c.type, source, 'Columns');
      chart.name = t.chartNames[k];
      chart.title.text = c.title;
      const top = 1 + k * (CHART_ROWS + 1);
      chart.setPosition(`${CHART_COLUMNS.first}${top}`, `${CHART_COLUMNS.last}${top + CHART_ROWS - 1}`);
      // the status chart in the ledger's status colours (one series per status column of 表一,
      // in grid order), not Office's palette; queued in this same write sync
      if (c.block === grid.status) {
        figures.statuses.forEach((st, i) => chart.series.getItemAt(i).format.fill.setSolidColor(STATUS_COLOURS[st].series));
      }
    });
    queueProtect(context, ws, wasProtected, data.password);
    try {
      await sync();
    } catch (e) {
      // a write that failed part-way may have left the sheet unprotected: rollForward protects it again
      return writeFailed(e, { protectedSheets: new Set(wasProtected ? [DASHBOARD_SHEET] : []), password: data.password });
    }
    return done(ok({ syncs, figures, rowErrors: data.rowErrors }));
  });
}
