/**
 * 考核存档 in a template built with months already frozen (TemplateOptions.frozenThrough): the
 * sheet the add-in's 冻结本月 creates on first use (excel/scoresArchive.ts), laid out the same way —
 * title in A1, the table 考核存档 under it, dates as dates, protected — with one version-1 block
 * per month, scored by the domain.
 */
import ExcelJS from 'exceljs';
import { createCalendar } from '../domain/calendar';
import { isoToSerial } from '../domain/parseDate';
import { monthlyScores } from '../domain/scoring';
import type { Settings } from '../domain/settings';
import type { FeedbackRecord, IsoDate, LedgerItem } from '../domain/types';
import { rounds as t } from '../i18n/rounds';
import { ARCHIVE_DATE_HEADERS, ARCHIVE_HEADERS, ARCHIVE_HEADER_ROW, archiveRecord } from './archive';
import { DATE_FORMAT, columnLetter } from './schema';
import { SHEET } from './sheetNames';

export interface FrozenMonths {
  months: readonly string[];
  items: readonly LedgerItem[];
  records: readonly FeedbackRecord[];
  sections: readonly string[];
  settings: Settings;
  /** 今天 of the template: the day the months count as frozen on */
  today: IsoDate;
  /** who froze them (冻结人) */
  frozenBy: string;
}

/** The archive rows of the frozen months, in month then section order. */
export function frozenArchiveRows(f: FrozenMonths): Record<string, string | number>[] {
  const cal = createCalendar();
  return f.months.flatMap((month) =>
    monthlyScores({ items: [...f.items], records: [...f.records], sections: [...f.sections], month, today: f.today, settings: f.settings, cal }).map((s) =>
      archiveRecord(s, { asOf: f.today, frozenOn: f.today, actorName: f.frozenBy, version: 1, opId: `template-${month}` }),
    ),
  );
}

export function addArchiveSheet(wb: ExcelJS.Workbook, f: FrozenMonths, protect: boolean): void {
  const rows = frozenArchiveRows(f);
  if (rows.length === 0) return;
  const ws = wb.addWorksheet(SHEET.archive);
  ws.getCell('A1').value = t.freezeTitle;
  ws.getCell('A1').font = { bold: true };
  const dates = ARCHIVE_DATE_HEADERS as readonly string[];
  ws.addTable({
    name: t.freezeTable,
    ref: `A${ARCHIVE_HEADER_ROW}`,
    headerRow: true,
    totalsRow: false,
    columns: ARCHIVE_HEADERS.map((name) => ({ name, filterButton: true })),
    rows: rows.map((r) => ARCHIVE_HEADERS.map((h) => (dates.includes(h) ? isoToSerial(String(r[h])) : r[h]))),
  });
  for (const h of dates) ws.getColumn(columnLetter(ARCHIVE_HEADERS.indexOf(h as (typeof ARCHIVE_HEADERS)[number]) + 1)).numFmt = DATE_FORMAT;
  ws.getColumn('A').width = 15;
  ws.getColumn('B').width = 15;
  if (protect) void ws.protect('', { selectLockedCells: true, selectUnlockedCells: true, formatColumns: true, formatRows: true, autoFilter: true, sort: true });
}
