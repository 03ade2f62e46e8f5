/**
 * Reading a ledger workbook with exceljs back into domain objects: 台账 → LedgerItem[], 反馈记录 →
 * FeedbackRecord[], 科室人员 → SectionPeople[], 设置 → Settings (+ 今天), 日历 → calendar overrides
 * (the flags that differ from chinese-days). Rows are checked with the domain's validation
 * (validateLedgerRow / validateFeedbackRow); rows with errors are reported, not returned.
 * The conversion itself is ledgerData.ts (shared with the Office.js side); this file is the exceljs
 * adapter. Also gives raw access to any table-like sheet (header row → values, formula cells as results),
 * which the LibreOffice tests use to read computed columns.
 */
/* eslint-disable office-addins/call-sync-before-read, office-addins/load-object-before-read -- exceljs objects, not Office.js proxies */
import type ExcelJS from 'exceljs';
import './exceljsPatch';
import type { CalendarOverrides } from '../domain/calendar';
import type { Settings } from '../domain/settings';
import type { FeedbackRecord, IsoDate, LedgerItem, SectionPeople } from '../domain/types';
import type { CellError } from '../domain/validation';
import {
  ledgerFromTable,
  overridesFromTable,
  recordsFromTable,
  sectionsFromTable,
  settingsFromPairs,
  toIso,
  type SettingsRead,
  type SheetRow,
  type SheetTable,
} from './ledgerData';
import { columnLetter } from './schema';
import { SHEET } from './sheetNames';

export { toIso, type SheetRow, type SheetTable };

/** The plain value of a cell: formula cells give their cached result; errors `{ error }`; blanks null. */
export function plainCell(cell: ExcelJS.Cell): unknown {
  const v = cell.value as unknown;
  if (v === null || v === undefined) return null;
  if (typeof v === 'object' && !(v instanceof Date)) {
    const o = v as Record<string, unknown>;
    if ('formula' in o || 'sharedFormula' in o) {
      const r = (cell as unknown as { result: unknown }).result;
      return r === undefined ? null : r;
    }
    if ('error' in o) return { error: o.error };
    if (Array.isArray(o.richText)) return (o.richText as { text: string }[]).map((x) => x.text).join('');
    if ('text' in o) return o.text;
  }
  return v;
}

/** Rows under a header row (default row 1) until the last used row; empty rows are skipped. */
export function readSheetTable(ws: ExcelJS.Worksheet, headerRow = 1, firstCol = 1): SheetTable {
  const headers: string[] = [];
  const letters: Record<string, string> = {};
  const header = ws.getRow(headerRow);
  for (let c = firstCol; c <= Math.max(ws.columnCount, header.cellCount); c++) {
    const h = plainCell(header.getCell(c));
    if (typeof h !== 'string' || h === '') {
      if (headers.length > 0) break;
      continue;
    }
    headers.push(h);
    letters[h] = columnLetter(c);
  }
  const rows: SheetRow[] = [];
  const last = ws.rowCount;
  for (let r = headerRow + 1; r <= last; r++) {
    const row = ws.getRow(r);
    const values: Record<string, unknown> = {};
    let any = false;
    headers.forEach((h, i) => {
      const v = plainCell(row.getCell(firstCol + i));
      values[h] = v;
      if (v !== null && v !== '') any = true;
    });
    if (any) rows.push({ row: r, values });
  }
  return { headers, letters, rows };
}

export interface LedgerReadback {
  items: LedgerItem[];
  records: (FeedbackRecord & { opId: string })[];
  sections: SectionPeople[];
  settings: Settings;
  /** 设置 今天 as a date (null if not a date) */
  today: IsoDate | null;
  /** 日历 flags that differ from chinese-days */
  overrides: CalendarOverrides;
  /** 设置 结构版本 */
  schemaVersion: number | null;
  /** 设置 保护密码 ('' = none) */
  password: string;
  /** rows that failed validation (not in items / records) */
  errors: CellError[];
}

function sheet(wb: ExcelJS.Workbook, name: string): ExcelJS.Worksheet {
  const ws = wb.getWorksheet(name);
  if (!ws) throw new Error(`工作簿缺少“${name}”表`);
  return ws;
}

export function readSections(wb: ExcelJS.Workbook): SectionPeople[] {
  return sectionsFromTable(readSheetTable(sheet(wb, SHEET.people)));
}

export function readSettings(wb: ExcelJS.Workbook): SettingsRead {
  const ws = sheet(wb, SHEET.settings);
  const byName = new Map<string, unknown>();
  for (let r = 2; r <= ws.rowCount; r++) {
    const name = plainCell(ws.getCell(r, 1));
    if (typeof name === 'string') byName.set(name, plainCell(ws.getCell(r, 2)));
  }
  return settingsFromPairs(byName);
}

export function readCalendarOverrides(wb: ExcelJS.Workbook): CalendarOverrides {
  return overridesFromTable(readSheetTable(sheet(wb, SHEET.calendar)));
}

export function readLedger(wb: ExcelJS.Workbook, sections: readonly string[]): { items: LedgerItem[]; errors: CellError[] } {
  return ledgerFromTable(readSheetTable(sheet(wb, SHEET.ledger)), sections);
}

export function readRecords(wb: ExcelJS.Workbook, itemIds?: readonly string[]) {
  return recordsFromTable(readSheetTable(sheet(wb, SHEET.records)), itemIds);
}

export function readWorkbook(wb: ExcelJS.Workbook): LedgerReadback {
  const sections = readSections(wb);
  const { settings, today, schemaVersion, password } = readSettings(wb);
  const overrides = readCalendarOverrides(wb);
  settings.extraHolidays = [...(overrides.extraHolidays ?? [])];
  settings.extraWorkdays = [...(overrides.extraWorkdays ?? [])];
  const ledger = readLedger(
    wb,
    sections.map((s) => s.section),
  );
  const recs = readRecords(
    wb,
    ledger.items.map((i) => i.id),
  );
  return {
    items: ledger.items,
    records: recs.records,
    sections,
    settings,
    today,
    overrides,
    schemaVersion,
    password,
    errors: [...ledger.errors, ...recs.errors],
  };
}
