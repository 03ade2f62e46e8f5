/**
 * Shared reads of the adapter actions that are not single-item actions (督查轮次, 考核存档, 督查看板):
 * the raw ledger inputs (台账, 反馈记录, 科室人员, 日历, 设置), the 操作日志 ids and the protection
 * of the sheets an action writes, all QUEUED into the caller's first batch (no sync here).
 * Decisions are made from raw fields through the domain's validation, never from computed cells.
 */
export { isNotFound, logLine, stampOn, syncMessage } from './operationLog';
import { createCalendar, type WorkCalendar } from '../domain/calendar';
import type { Settings } from '../domain/settings';
import type { FeedbackRecord, LedgerItem, RecordType, SectionPeople } from '../domain/types';
import type { CellError } from '../domain/validation';
import { ledgerFromGrid, overridesFromTable, recordsFromTable, sectionsFromTable, settingsFromPairs } from '../workbook/ledgerData';
import { queueColumns, queueTable, queueUsedRange } from './tableRead';
import { settingsPairs } from './writePath';
import { SHEET } from '../workbook/sheetNames';

export interface LedgerInputs {
  items: LedgerItem[];
  records: FeedbackRecord[];
  people: SectionPeople[];
  sections: string[];
  settings: Settings;
  cal: WorkCalendar;
  password: string;
  /** rows left out because they failed validation (shown to the user, never fixed silently) */
  rowErrors: CellError[];
}

/**
 * Queue the reads of the raw ledger inputs; `read()` after the sync. `recordTypes` limits which
 * 反馈记录 rows are parsed (and checked): a round and a freeze need only the 退回 records, the
 * dashboard none — on a large ledger the record rows outnumber the items several times.
 */
export function queueLedgerInputs(context: Excel.RequestContext, opts: { recordTypes?: readonly RecordType[] } = {}) {
  const ledger = queueTable(context, SHEET.ledger);
  const records = queueTable(context, SHEET.records);
  const people = queueTable(context, SHEET.people);
  const calendar = queueTable(context, SHEET.calendar);
  const settings = queueUsedRange(context, SHEET.settings);
  return {
    read(): LedgerInputs {
      const ppl = sectionsFromTable(people.read());
      const s = settingsFromPairs(settingsPairs(settings.read()).byName);
      const overrides = overridesFromTable(calendar.read());
      s.settings.extraHolidays = [...(overrides.extraHolidays ?? [])];
      s.settings.extraWorkdays = [...(overrides.extraWorkdays ?? [])];
      const sections = ppl.map((p) => p.section);
      // 台账 validated straight from the row arrays; 反馈记录 rows become records only for the
      // types asked for.
      const l = ledgerFromGrid(ledger.readGrid(), sections);
      const wanted = opts.recordTypes ? new Set<string>(opts.recordTypes) : null;
      const table = records.read({ where: wanted ? { header: '类型', keep: (v) => wanted.has(String(v ?? '').trim()) } : undefined });
      const r = recordsFromTable(
        table,
        l.items.map((i) => i.id),
      );
      return {
        items: l.items,
        records: r.records,
        people: ppl,
        sections,
        settings: s.settings,
        // every calendar question is O(1) on the calendar's working-day index: no memo needed
        cal: createCalendar(overrides),
        password: s.password,
        rowErrors: [...l.errors, ...r.errors],
      };
    },
  };
}

/** 操作日志: header and the 操作ID column (idempotent retries). */
export function queueLog(context: Excel.RequestContext) {
  const table = context.workbook.tables.getItem(SHEET.log);
  const header = table.getHeaderRowRange().load('values');
  const ids = queueColumns(context, SHEET.log, ['操作ID']);
  return {
    /** after the sync and `completeReads` */
    read() {
      return {
        headers: header.values[0].map((h) => String(h ?? '').trim()),
        done: new Set(ids.rows().map((r) => String(r[0] ?? ''))),
      };
    },
  };
}

/** Protection state of sheets (must exist), read after the sync. */
export function queueProtectionStates(context: Excel.RequestContext, names: readonly string[]) {
  const sheets = names.map((name) => ({ name, p: context.workbook.worksheets.getItem(name).protection.load('protected') }));
  return { read: () => new Set(sheets.filter((x) => x.p.protected).map((x) => x.name)) };
}

/** Wall-clock milliseconds (performance.now where available). */
export function nowMs(): number {
  return typeof performance !== 'undefined' ? performance.now() : Date.now();
}
