/**
 * Sheet data → domain objects, independent of how the sheet was read (exceljs in the template
 * tests and the CLI, Office.js in the add-in). Input is a `SheetTable` (header → value per row,
 * Excel row numbers, header → column letter). Rows are checked with the domain's validation; a
 * row with errors is reported and left out, never rewritten.
 */
import { DATA_LAST_YEAR, createCalendar, type CalendarOverrides } from '../domain/calendar';
import { parseDateInput } from '../domain/parseDate';
import { defaultSettings, type Settings } from '../domain/settings';
import type { FeedbackRecord, IsoDate, LedgerItem, SectionPeople } from '../domain/types';
import { LEDGER_INPUT_COLUMNS, rowValues, validateFeedbackRow, validateLedgerValues, type CellError, type RowValues } from '../domain/validation';
import { SETTING_ROWS } from './schema';
import { SHEET } from './sheetNames';

export interface SheetRow {
  /** Excel row number */
  row: number;
  /** header → plain value */
  values: Record<string, unknown>;
}

export interface SheetTable {
  headers: string[];
  /** header → column letter */
  letters: Record<string, string>;
  rows: SheetRow[];
}

/**
 * A table as read, before its rows become records: where each header is, and the raw row arrays.
 * Validating straight from the arrays saves building a record per row (10,000 台账 rows per round).
 */
export interface SheetGrid {
  headers: string[];
  /** header → column letter */
  letters: Record<string, string>;
  /** header → 0-based position in a row (a repeated header: its first column) */
  position: ReadonlyMap<string, number>;
  /** the rows that are not blank, with their Excel row numbers; cells as read ('' for blank) */
  rows: { row: number; cells: readonly unknown[] }[];
}

/** An IsoDate from a cell value (Date, serial or text); null when empty or not a date. */
export function toIso(v: unknown): IsoDate | null {
  const r = parseDateInput(v);
  return r.ok ? r.value : null;
}

export function sectionsFromTable(t: SheetTable): SectionPeople[] {
  return t.rows
    .map((r) => ({
      section: String(r.values['科室'] ?? '').trim(),
      chief: String(r.values['科长'] ?? ''),
      deputy: String(r.values['分管副职'] ?? ''),
    }))
    .filter((s) => s.section !== '');
}

export interface SettingsRead {
  settings: Settings;
  /** 设置 今天 when it holds a date (a fixed as-of date, or TODAY()'s cached result) */
  today: IsoDate | null;
  schemaVersion: number | null;
  password: string;
}

/** 设置 rows by 名称 (column A) → value (column B); rows are found by name, so a reordered sheet still reads. */
export function settingsFromPairs(byName: ReadonlyMap<string, unknown>): SettingsRead {
  const settings = defaultSettings() as unknown as Record<string, unknown>;
  let today: IsoDate | null = null;
  let schemaVersion: number | null = null;
  let password = '';
  for (const row of SETTING_ROWS) {
    const v = byName.get(row.name);
    if (row.name === '今天') today = toIso(v);
    else if (row.name === '结构版本') schemaVersion = typeof v === 'number' ? v : null;
    else if (row.name === '保护密码') password = v == null ? '' : String(v);
    else if (row.path && v !== null && v !== undefined && v !== '') {
      let target = settings;
      for (const k of row.path.slice(0, -1)) target = target[k] as Record<string, unknown>;
      const key = row.path[row.path.length - 1];
      const n = Number(v);
      target[key] = typeof target[key] === 'number' ? (Number.isFinite(n) ? n : target[key]) : String(v);
    }
  }
  return { settings: settings as unknown as Settings, today, schemaVersion, password };
}

/** 日历 flags that differ from chinese-days; a year past the data with any change counts as checked by hand. */
export function overridesFromTable(t: SheetTable): CalendarOverrides {
  const base = createCalendar();
  const extraHolidays: IsoDate[] = [];
  const extraWorkdays: IsoDate[] = [];
  const years = new Set<number>();
  for (const r of t.rows) {
    const d = toIso(r.values['日期']);
    const flag = r.values['工作日'];
    if (!d || (flag !== 0 && flag !== 1 && flag !== '0' && flag !== '1')) continue;
    const work = Number(flag) === 1;
    if (work === base.isWorkday(d)) continue;
    (work ? extraWorkdays : extraHolidays).push(d);
    const y = Number(d.slice(0, 4));
    if (y > DATA_LAST_YEAR) years.add(y);
  }
  return { extraHolidays, extraWorkdays, extraCoveredYears: [...years] };
}

export function ledgerFromTable(t: SheetTable, sections: readonly string[], sheet = SHEET.ledger): { items: LedgerItem[]; errors: CellError[] } {
  return ledgerFromRows(t.rows, (r) => rowValues(LEDGER_INPUT_COLUMNS, r.values), t.letters, sections, sheet);
}

/** ledgerFromTable of a grid (same rows, same items, same errors), without a record per row. */
export function ledgerFromGrid(g: SheetGrid, sections: readonly string[], sheet = SHEET.ledger): { items: LedgerItem[]; errors: CellError[] } {
  // where each input column is in this sheet's rows (the user may have moved or removed columns)
  const at = LEDGER_INPUT_COLUMNS.map((col) => g.position.get(col.header));
  const valuesOf = (r: SheetGrid['rows'][number]) =>
    at.map((k) => {
      if (k === undefined) return undefined;
      const v = r.cells[k];
      return v === '' ? null : v; // as a SheetTable row holds it
    });
  return ledgerFromRows(g.rows, valuesOf, g.letters, sections, sheet);
}

const ID_AT = LEDGER_INPUT_COLUMNS.findIndex((col) => col.header === '编号');
const CONTENT_AT = LEDGER_INPUT_COLUMNS.findIndex((col) => col.header === '事项内容');

/** The rows' values are made one row at a time (they are garbage once the row is read). */
function ledgerFromRows<R extends { row: number }>(
  rows: readonly R[],
  valuesOf: (r: R) => RowValues,
  letters: Record<string, string>,
  sections: readonly string[],
  sheet: string,
): { items: LedgerItem[]; errors: CellError[] } {
  const items: LedgerItem[] = [];
  const errors: CellError[] = [];
  for (const r of rows) {
    const values = valuesOf(r);
    if (isBlank(values[ID_AT]) && isBlank(values[CONTENT_AT])) continue;
    const v = validateLedgerValues(values, { sheet, rowNumber: r.row, columnLetters: letters, sections });
    if (v.item) items.push(v.item);
    else errors.push(...v.errors);
  }
  return { items, errors };
}

export function recordsFromTable(
  t: SheetTable,
  itemIds?: readonly string[],
  sheet = SHEET.records,
): { records: (FeedbackRecord & { opId: string })[]; errors: CellError[] } {
  const records: (FeedbackRecord & { opId: string })[] = [];
  const known = itemIds ? new Set(itemIds) : undefined;
  const errors: CellError[] = [];
  for (const r of t.rows) {
    if (isBlank(r.values['编号'])) continue;
    const v = validateFeedbackRow(r.values, { sheet, rowNumber: r.row, columnLetters: t.letters, itemIds: known });
    if (v.record) records.push({ ...v.record, opId: String(r.values['操作ID'] ?? '') });
    errors.push(...v.errors);
  }
  return { records, errors };
}

function isBlank(v: unknown): boolean {
  return v === null || v === undefined || (typeof v === 'string' && v.trim() === '');
}
