/**
 * A ledger workbook in the Excel double, built through the double's direct access (fast, no
 * round trips), for adapter tests and benchmarks: the six tables the gateway reads, the 设置
 * rows, a 日历 slice, sections, and optionally sample items with their 反馈记录 rows.
 * The real 初始化台账 path (src/excel/initialise.ts) is tested on its own.
 */
import { createCalendar } from '../../domain/calendar';
import { addCalendarDays } from '../../domain/dates';
import { defaultSettings } from '../../domain/settings';
import type { FeedbackRecord, IsoDate, LedgerItem } from '../../domain/types';
import { DEFAULT_DIRECTOR, DEFAULT_SECTIONS } from '../../workbook/sections';
import {
  DETAIL_COLUMNS,
  DETAIL_HEADER_ROW,
  LEDGER_COLUMNS,
  LOG_COLUMNS,
  PEOPLE_COLUMNS,
  RECORD_COLUMNS,
  SETTING_ROWS,
  columnLetter,
  type ColumnSpec,
} from '../../workbook/schema';
import { dateCell, type CellValue } from '../cells';
import { createExcelDouble, type ExcelDouble, type ExcelProfileName } from '../double';
import { itemCells, recordCells, tableRow } from '../ledgerCodec';

export interface FixtureOptions {
  items?: readonly LedgerItem[];
  records?: readonly FeedbackRecord[];
  /** a fixed 设置 今天 (else =TODAY()) */
  today?: IsoDate;
  /** protect 台账 / 反馈记录 like the template does */
  protect?: boolean;
  password?: string;
  /** which Excel the double models (default web: Excel on the web's requirement sets and 5 MB cap) */
  profile?: ExcelProfileName;
  /** the months of 考核明细 ('YYYY-MM', one row per section each; default every month of 2026) */
  detailMonths?: readonly string[];
}

function addTable(xl: ExcelDouble, sheet: string, name: string, columns: readonly ColumnSpec[], rows: CellValue[][]) {
  const s = xl.workbook.sheet(sheet);
  const headers = columns.map((c) => c.header);
  const body = rows.length > 0 ? rows : [headers.map(() => '')];
  const last = columnLetter(headers.length);
  s.setFormulas(`A1:${last}${body.length + 1}`, [headers, ...body]);
  s.addTable(`A1:${last}${body.length + 1}`, true, name);
  // input columns unlocked, formula columns locked (as the template does)
  columns.forEach((c, i) => s.setLocked(`${columnLetter(i + 1)}:${columnLetter(i + 1)}`, c.kind === 'formula'));
}

export function ledgerFixture(opts: FixtureOptions = {}): ExcelDouble {
  const xl = createExcelDouble({
    workbookName: '13710督办台账.xlsx',
    sheets: ['台账', '反馈记录', '科室人员', '日历', '设置', '月度考核', '操作日志'],
    profile: opts.profile,
  });
  const ledgerHeaders = LEDGER_COLUMNS.map((c) => c.header);
  const itemRows = (opts.items ?? []).map((it, k) => tableRow(ledgerHeaders, LEDGER_COLUMNS, { ...itemCells(it), 操作ID: `op-seed-${k}` }));
  addTable(xl, '台账', '台账', LEDGER_COLUMNS, itemRows);
  const recHeaders = RECORD_COLUMNS.map((c) => c.header);
  addTable(
    xl,
    '反馈记录',
    '反馈记录',
    RECORD_COLUMNS,
    (opts.records ?? []).map((r, k) => tableRow(recHeaders, RECORD_COLUMNS, recordCells(r, `op-rec-${k}`))),
  );
  addTable(
    xl,
    '科室人员',
    '科室人员',
    PEOPLE_COLUMNS,
    DEFAULT_SECTIONS.map((s) => [s.section, s.chief, s.deputy, '']),
  );
  addTable(xl, '操作日志', '操作日志', LOG_COLUMNS, []);

  // 考核明细 at its place on 月度考核: 月份 and 科室 typed (the double computes no formulas)
  const months = opts.detailMonths ?? Array.from({ length: 12 }, (_, i) => `2026-${String(i + 1).padStart(2, '0')}`);
  const detailRows = months.flatMap((m) =>
    DEFAULT_SECTIONS.map((s): CellValue[] => [dateCell(`${m}-01`), s.section, ...DETAIL_COLUMNS.slice(2).map(() => '')]),
  );
  const detail = xl.workbook.sheet('月度考核');
  const detailBox = `A${DETAIL_HEADER_ROW}:${columnLetter(DETAIL_COLUMNS.length)}${DETAIL_HEADER_ROW + Math.max(1, detailRows.length)}`;
  detail.setValues(detailBox, [DETAIL_COLUMNS.map((c) => c.header), ...(detailRows.length > 0 ? detailRows : [DETAIL_COLUMNS.map(() => '')])]);
  detail.addTable(detailBox, true, '考核明细');

  // 日历: the dates the tests use (2025–2026), with flags and a running index.
  const cal = createCalendar();
  const calRows: CellValue[][] = [];
  let idx = 0;
  for (let d = '2025-01-01'; d <= '2026-12-31'; d = addCalendarDays(d, 1)) {
    const w = cal.isWorkday(d) ? 1 : 0;
    idx += w;
    calRows.push([dateCell(d), w, idx, '']);
  }
  const calSheet = xl.workbook.sheet('日历');
  calSheet.setValues(`A1:D${calRows.length + 1}`, [['日期', '工作日', '工作日序号', '说明'], ...calRows]);
  calSheet.addTable(`A1:D${calRows.length + 1}`, true, '日历');

  // 设置: 名称 / 值 rows.
  const s = defaultSettings();
  s.director = DEFAULT_DIRECTOR;
  const settingRows: CellValue[][] = SETTING_ROWS.map((r) => {
    if (r.name === '今天')
      return [r.name, opts.today ? `=DATE(${opts.today.slice(0, 4)},${Number(opts.today.slice(5, 7))},${Number(opts.today.slice(8))})` : '=TODAY()'];
    if (r.name === '保护密码') return [r.name, opts.password ?? ''];
    const v = r.value(s);
    return [r.name, typeof v === 'object' ? `=${v.formula}` : v];
  });
  const set = xl.workbook.sheet('设置');
  set.setFormulas(`A1:B${settingRows.length + 1}`, [['名称', '值'], ...settingRows]);
  if (opts.today) {
    // A fixed 今天 is typed as a date constant, not a formula.
    const row = SETTING_ROWS.findIndex((r) => r.name === '今天') + 2;
    set.setValues(`B${row}`, [[dateCell(opts.today)]]);
  }
  if (opts.protect) {
    for (const name of ['台账', '反馈记录', '月度考核']) xl.workbook.sheet(name).protect({}, opts.password);
  }
  xl.stats.reset();
  return xl;
}
