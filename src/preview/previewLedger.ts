/**
 * The browser preview's workbook: an in-memory Excel (src/excel/double) initialised by the real
 * 初始化台账 (initialiseLedger), filled with seeded sample items and 反馈记录 (generateSample), and
 * — since the double stores formulas but never calculates them — with the displayed values of the
 * computed cells set from the domain core (itemClock / itemStatus / responsibleFor). The LibreOffice
 * test of the workbook proves the schema's formulas equal the domain core on generated data, so the
 * values shown are the ones Excel would show.
 *
 * Computed here: 台账 第一/分管/直接责任人, 1天/3天应报日, 办结时限, 落实完成日, 预警状态, 逾期天数;
 * 反馈记录 科室; 日历 工作日序号; 设置 今天 (the preview's date). Not computed (left blank): the
 * hidden 辅助 columns of 台账 and the 月度考核 sheet.
 *
 * Browser-safe: no Node-only imports.
 */
import { createCalendar, type WorkCalendar } from '../domain/calendar';
import { itemClock, type ClockFields } from '../domain/clock';
import { defaultSettings, type Settings } from '../domain/settings';
import { isoToSerial } from '../domain/parseDate';
import { responsibleFor } from '../domain/responsibility';
import { itemStatus } from '../domain/status';
import type { AssignLevel, IsoDate, SectionPeople } from '../domain/types';
import { workbook as wt } from '../i18n/workbook';
import { cellDate, cellText, type CellValue } from '../excel/cells';
import { createExcelDouble, type ExcelDouble, type ExcelProfileName, type TableSnapshot } from '../excel/double';
import { parseRect, splitSheetAddress } from '../excel/double/address';
import { initialiseLedger } from '../excel/initialise';
import { itemCells, recordCells, tableRow } from '../excel/ledgerCodec';
import { overridesFromTable, settingsFromPairs, type SheetTable } from '../workbook/ledgerData';
import { generateSample } from '../workbook/sample';
import { columnLetter, sheetSpec } from '../workbook/schema';
import { DEFAULT_DIRECTOR, DEFAULT_SECTIONS } from '../workbook/sections';
import { SHEET } from '../workbook/sheetNames';

export const PREVIEW_WORKBOOK_NAME = '13710督办台账（预览）.xlsx';

export interface PreviewOptions {
  /** The preview's 今天 (also the end of the sample period). */
  today: IsoDate;
  /** Sample items (default 30). */
  items?: number;
  /** Sample seed (default 13710). */
  seed?: number;
  /** Which Excel the in-memory workbook models (src/excel/double/profiles.ts; default 'web'). */
  profile?: ExcelProfileName;
}

/** A new in-memory ledger with sample data and computed cells filled in. */
export async function createPreviewLedger(opts: PreviewOptions): Promise<ExcelDouble> {
  // A workbook whose only sheet is an empty 台账: initialising builds it in place (no stray Sheet1).
  const xl = createExcelDouble({ sheets: [SHEET.ledger], workbookName: PREVIEW_WORKBOOK_NAME, profile: opts.profile });
  const init = await initialiseLedger(xl.run, { today: opts.today, requirements: xl.office.context.requirements });
  if (!init.ok) throw new Error(`${init.error.code}: ${init.error.message}`);

  const settings: Settings = { ...defaultSettings(), director: DEFAULT_DIRECTOR };
  const sample = generateSample({ count: opts.items ?? 30, seed: opts.seed ?? 13710, today: opts.today, sections: DEFAULT_SECTIONS, settings });

  const ledger = xl.workbook.table(SHEET.ledger);
  const ledgerColumns = sheetSpec(SHEET.ledger).tables[0].columns;
  writeBelowHeader(
    xl,
    ledger,
    sample.items.map((item) => tableRow(ledger.columns, ledgerColumns, itemCells(item))),
  );

  const records = xl.workbook.table(SHEET.records);
  const recordColumns = sheetSpec(SHEET.records).tables[0].columns;
  writeBelowHeader(
    xl,
    records,
    sample.records.map((r, i) => tableRow(records.columns, recordColumns, recordCells(r, `S${String(i + 1).padStart(6, '0')}`))),
  );

  recomputeCachedValues(xl, opts.today);
  xl.stats.reset();
  return xl;
}

/** Writes rows from the first body row of a (new, empty) table; the table grows over them. */
function writeBelowHeader(xl: ExcelDouble, table: TableSnapshot, rows: CellValue[][]): void {
  if (rows.length === 0) return;
  const box = boxOf(table.address);
  const address = `${columnLetter(box.c0 + 1)}${box.r0 + 2}:${columnLetter(box.c1 + 1)}${box.r0 + 1 + rows.length}`;
  xl.workbook.sheet(table.sheet).setFormulas(address, rows);
}

function boxOf(address: string) {
  return parseRect(splitSheetAddress(address).local);
}

/** A table snapshot as the SheetTable the domain readers take (Excel row numbers, '' → null). */
function sheetTable(t: TableSnapshot): SheetTable {
  const box = boxOf(t.address);
  const letters: Record<string, string> = {};
  t.columns.forEach((h, i) => {
    if (!(h in letters)) letters[h] = columnLetter(box.c0 + 1 + i);
  });
  return {
    headers: [...t.columns],
    letters,
    rows: t.values.map((row, k) => {
      const values: Record<string, unknown> = {};
      t.columns.forEach((h, i) => {
        if (!(h in values)) values[h] = row[i] === '' ? null : row[i];
      });
      return { row: box.r0 + 2 + k, values };
    }),
  };
}

/** Sets the displayed values of one table column's formula cells. */
function cacheColumn(xl: ExcelDouble, t: TableSnapshot, header: string, values: CellValue[]): void {
  const i = t.columns.indexOf(header);
  if (i < 0 || values.length === 0) return;
  const box = boxOf(t.address);
  const letter = columnLetter(box.c0 + 1 + i);
  xl.workbook.sheet(t.sheet).setCachedValues(
    `${letter}${box.r0 + 2}:${letter}${box.r0 + 1 + values.length}`,
    values.map((v) => [v]),
  );
}

const OUT_OF_CALENDAR = wt.value.outOfCalendar;
const BAD_ASSIGNED = wt.value.badAssigned;
const UNKNOWN_ITEM = wt.value.unknownItem;

const serial = (d: IsoDate | null | undefined): CellValue => (d ? isoToSerial(d) : '');
const isBlank = (v: unknown) => v === null || v === undefined || v === '';

interface CalendarRange {
  first: IsoDate | null;
  last: IsoDate | null;
}

/**
 * Recomputes every computed cell the preview shows from the workbook's current inputs (call it
 * after each action the preview performs). Reads 设置, 日历, 科室人员, 台账 and 反馈记录 directly.
 */
export function recomputeCachedValues(double: ExcelDouble, today: IsoDate): void {
  const wb = double.workbook;

  // 设置: name → value; 今天 shows the preview's date.
  const pairs = new Map<string, unknown>();
  const found: { director: string | null } = { director: null };
  const settingsSheet = wb.findSheet(SHEET.settings);
  if (settingsSheet) {
    const used = settingsSheet.usedRange(true);
    const last = used ? boxOf(used).r1 + 1 : 1;
    settingsSheet.getFormulas(`A1:B${last}`).forEach((row, i) => {
      const name = cellText(row[0]).trim();
      if (!name || pairs.has(name)) return;
      const formula = typeof row[1] === 'string' && row[1].startsWith('=');
      const v = formula ? settingsSheet.getValues(`B${i + 1}`)[0][0] : row[1];
      pairs.set(name, v === '' ? null : v);
      if (name === '今天' && formula) settingsSheet.setCachedValues(`B${i + 1}`, isoToSerial(today));
      if (name === '中心主任') found.director = cellText(v);
    });
  }
  const settings = settingsFromPairs(pairs).settings;

  // 日历: the running 工作日序号 and the user's overrides.
  const range: CalendarRange = { first: null, last: null };
  let cal: WorkCalendar = createCalendar();
  const calendar = wb.findTable(SHEET.calendar) ? wb.table(SHEET.calendar) : null;
  if (calendar) {
    const flag = calendar.columns.indexOf('工作日');
    const date = calendar.columns.indexOf('日期');
    let running = 0;
    const index = calendar.values.map((row) => {
      running += Number(row[flag]) === 1 ? 1 : 0;
      return running;
    });
    cacheColumn(double, calendar, '工作日序号', index);
    const dates = calendar.values.map((row) => cellDate(row[date])).filter((d): d is IsoDate => d !== null);
    range.first = dates[0] ?? null;
    range.last = dates[dates.length - 1] ?? null;
    cal = createCalendar(overridesFromTable(sheetTable(calendar)));
  }

  // 科室人员: by 科室 exactly as typed (the formulas MATCH it exactly).
  const people = new Map<string, SectionPeople>();
  if (wb.findTable(SHEET.people)) {
    const t = wb.table(SHEET.people);
    const [s, c, d] = ['科室', '科长', '分管副职'].map((h) => t.columns.indexOf(h));
    for (const row of t.values) {
      const key = cellText(row[s]);
      if (key && !people.has(key)) people.set(key, { section: key, chief: cellText(row[c]), deputy: cellText(row[d]) });
    }
  }

  if (wb.findTable(SHEET.ledger))
    recomputeLedger(double, wb.table(SHEET.ledger), { today, settings, cal, range, people, director: found.director ?? settings.director });
  if (wb.findTable(SHEET.records) && wb.findTable(SHEET.ledger)) recomputeRecords(double, wb.table(SHEET.records), wb.table(SHEET.ledger));
}

interface LedgerContext {
  today: IsoDate;
  settings: Settings;
  cal: WorkCalendar;
  range: CalendarRange;
  people: Map<string, SectionPeople>;
  director: string;
}

function recomputeLedger(xl: ExcelDouble, t: TableSnapshot, ctx: LedgerContext): void {
  const col = (h: string) => t.columns.indexOf(h);
  const out: Record<string, CellValue[]> = {
    第一责任人: [],
    分管责任人: [],
    直接责任人: [],
    '1天应报日': [],
    '3天应报日': [],
    办结时限: [],
    落实完成日: [],
    预警状态: [],
    逾期天数: [],
  };
  const inCalendar = (d: IsoDate) => !!ctx.range.first && !!ctx.range.last && d >= ctx.range.first && d <= ctx.range.last;

  for (const row of t.values) {
    const raw = (h: string): unknown => (col(h) < 0 ? '' : row[col(h)]);
    const date = (h: string) => cellDate(raw(h));

    const level = cellText(raw('交办层级')) as AssignLevel;
    const who = responsibleFor(level, ctx.people.get(cellText(raw('承办科室'))), ctx.director);
    out.第一责任人.push(who.first);
    out.分管责任人.push(who.inCharge);
    out.直接责任人.push(who.direct);

    const fields: ClockFields = {
      assignedOn: date('交办日期'),
      kind: cellText(raw('事项类型')) === '重大复杂' ? '重大复杂' : '一般',
      explicitDeadline: date('完成时限'),
      extensionApprovedOn: date('延期批准日'),
      extensionDeadline: date('延期完成时限'),
      report1On: date('1天反馈日'),
      report3On: date('3天反馈日'),
      reportFinalOn: date('落实反馈日'),
      appliedOn: date('申请办结日'),
      closedOn: date('销号日期'),
    };
    out.落实完成日.push(serial(fields.reportFinalOn ?? fields.appliedOn));

    // Not 交办 yet, or a 交办日期 that is not a date: the texts the formulas show.
    if (isBlank(raw('交办日期'))) {
      for (const h of ['1天应报日', '3天应报日', '办结时限', '逾期天数']) out[h].push('');
      out.预警状态.push(isBlank(raw('编号')) ? '' : '未交办');
      continue;
    }
    if (!fields.assignedOn) {
      for (const h of ['1天应报日', '3天应报日', '办结时限', '预警状态', '逾期天数']) out[h].push(BAD_ASSIGNED);
      continue;
    }
    const clock = itemClock(fields, ctx.settings, ctx.cal)!;
    // Dates the workbook looks up in 日历 must lie inside it (natural-day counting needs none).
    const natural = ctx.settings.countingMode === '自然日';
    const needsCalendar = (d: IsoDate) => !natural && !inCalendar(d);
    const defaultOut = !fields.extensionDeadline && !fields.explicitDeadline && (needsCalendar(fields.assignedOn) || needsCalendar(clock.defaultDeadline));
    if (defaultOut) {
      for (const h of ['1天应报日', '3天应报日', '办结时限', '预警状态', '逾期天数']) out[h].push(OUT_OF_CALENDAR);
      continue;
    }
    out.办结时限.push(serial(clock.deadline));
    const nodesOut = needsCalendar(fields.assignedOn);
    out['1天应报日'].push(nodesOut ? OUT_OF_CALENDAR : serial(clock.due1));
    out['3天应报日'].push(nodesOut ? OUT_OF_CALENDAR : serial(clock.due3));
    if (nodesOut) {
      out.预警状态.push(OUT_OF_CALENDAR);
      out.逾期天数.push(OUT_OF_CALENDAR);
      continue;
    }
    const status = itemStatus(fields, ctx.today, ctx.settings, ctx.cal);
    out.预警状态.push(status.status);
    const countsWorkdays = ctx.settings.overdueCounting === '工作日';
    out.逾期天数.push(status.overdueDays > 0 && countsWorkdays && !inCalendar(ctx.today) ? OUT_OF_CALENDAR : status.overdueDays);
  }
  for (const [h, values] of Object.entries(out)) cacheColumn(xl, t, h, values);
}

function recomputeRecords(xl: ExcelDouble, records: TableSnapshot, ledger: TableSnapshot): void {
  const id = ledger.columns.indexOf('编号');
  const section = ledger.columns.indexOf('承办科室');
  const bySection = new Map<string, string>();
  for (const row of ledger.values) {
    const key = cellText(row[id]);
    if (key && !bySection.has(key)) bySection.set(key, cellText(row[section]));
  }
  const rid = records.columns.indexOf('编号');
  cacheColumn(
    xl,
    records,
    '科室',
    records.values.map((row) => {
      const key = cellText(row[rid]);
      if (!key) return '';
      return bySection.get(key) ?? UNKNOWN_ITEM;
    }),
  );
}
