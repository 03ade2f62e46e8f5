/**
 * The real LedgerService: Office.js through an ExcelRun (real Excel, or the in-memory double in
 * tests and the preview). Each method is one user action with a fixed round-trip budget:
 *   snapshot 1 · act 2 · register 2 (3 when a co-author took the same number) · urgeOverdue 2.
 * Decisions are made by the domain core from raw fields read in the same action, never from
 * computed cells, and never from state kept between actions.
 */
import { createCalendar } from '../domain/calendar';
import { nextItemNumber, resolveCollisions } from '../domain/itemNumber';
import { err, ok, type Result } from '../domain/result';
import { itemStatus } from '../domain/status';
import type { FeedbackRecord, LedgerItem } from '../domain/types';
import { LEDGER_INPUT_COLUMNS, validateLedgerRow } from '../domain/validation';
import { applyAction, registerItem, type Action, type ActionOutcome } from '../domain/workflow';
import { excel as t } from '../i18n/excel';
import {
  ledgerFromTable,
  overridesFromTable,
  recordsFromTable,
  sectionsFromTable,
  settingsFromPairs,
} from '../workbook/ledgerData';
import { LEDGER_COLUMNS, LOG_COLUMNS, RECORD_COLUMNS, columnLetter } from '../workbook/schema';
import { cellText, dateCell, textCell, type CellValue } from './cells';
import { changedCells, headerIndex, itemCells, recordCells, rowRecord } from './ledgerCodec';
import { initialiseLedger } from './initialise';
import { locateRow, queueAppend } from './ledgerWrites';
import { queueProtect, queueUnprotect } from './protection';
import type { ExcelRun } from './run';
import { queueTable, queueUsedRange } from './tableRead';
import { localToday } from './today';
import type { ActionContext, LedgerService, LedgerSnapshot, RegisterOutcome, StoredRecord } from './ledgerService';

const LEDGER = '台账';
const RECORDS = '反馈记录';
const PEOPLE = '科室人员';
const CALENDAR = '日历';
const SETTINGS = '设置';
const LOG = '操作日志';

export interface GatewayOptions {
  /** the wall clock (tests fix it) */
  clock?: () => Date;
  /** called after each action's writes (the preview refreshes its grid) */
  afterWrite?: () => void;
}

/** 设置: column A 名称 → column B 值; also whether 今天 is a formula (TODAY()) or a fixed date. */
function settingsPairs(used: { values: unknown[][]; formulas: unknown[][] }) {
  const byName = new Map<string, unknown>();
  let todayIsFormula = true;
  used.values.forEach((row, i) => {
    const name = typeof row[0] === 'string' ? row[0].trim() : '';
    if (!name) return;
    byName.set(name, row[1] === '' ? null : row[1]);
    if (name === '今天') todayIsFormula = String(used.formulas[i]?.[1] ?? '').startsWith('=');
  });
  return { byName, todayIsFormula };
}

function syncMessage(e: unknown): string {
  const o = e as { message?: string; code?: string };
  return o?.message ? `${o.message}${o.code ? `（${o.code}）` : ''}` : String(e);
}

function isNotFound(e: unknown): boolean {
  return (e as { code?: string })?.code === 'ItemNotFound';
}

/** One 操作日志 line. */
function logRow(ctx: ActionContext, action: string, itemId: string, section: string, before: string, after: string): Record<string, CellValue> {
  const n = ctx.now;
  const serial = dateCell(localToday(n)) as number;
  return {
    时间: serial + (n.getHours() * 3600 + n.getMinutes() * 60 + n.getSeconds()) / 86400,
    操作人: textCell(ctx.actor.name),
    角色: textCell(ctx.actor.role),
    动作: textCell(action),
    编号: textCell(itemId),
    科室: textCell(section),
    变更前: textCell(before),
    变更后: textCell(after),
    操作ID: textCell(ctx.opId),
  };
}

/** A readable "field: value" summary of the cells an action changes, for 操作日志. */
function describe(item: LedgerItem | null, headers: string[]): string {
  if (!item) return '';
  const cells = itemCells(item);
  return headers.map((h) => `${h}=${typeof cells[h] === 'number' && /日|时限/.test(h) ? item[fieldOf(h)] ?? '' : cellText(cells[h])}`).join('；');
}

function fieldOf(header: string): keyof LedgerItem {
  return (LEDGER_FIELD_BY_HEADER.get(header) ?? 'note') as keyof LedgerItem;
}

const LEDGER_FIELD_BY_HEADER = new Map<string, string>(LEDGER_INPUT_COLUMNS.map((c) => [c.header, c.field]));

export function createLedgerService(run: ExcelRun, options: GatewayOptions = {}): LedgerService {
  const clock = options.clock ?? (() => new Date());

  /** Queue what every action needs to know about protection and the log. */
  function queueCommon(context: Excel.RequestContext) {
    const settings = queueUsedRange(context, SETTINGS);
    const logIds = context.workbook.tables.getItem(LOG).columns.getItem('操作ID').getDataBodyRange().load('values');
    const sheets = [LEDGER, RECORDS, LOG].map((name) => {
      const ws = context.workbook.worksheets.getItem(name);
      ws.protection.load('protected');
      return { name, ws };
    });
    return {
      read() {
        const { byName } = settingsPairs(settings.read());
        const s = settingsFromPairs(byName);
        const done = new Set(logIds.values.map((r) => String(r[0] ?? '')));
        const protectedSheets = new Set(sheets.filter((x) => x.ws.protection.protected).map((x) => x.name));
        return { password: s.password, done, protectedSheets };
      },
    };
  }

  /** unprotect → writes → protect, for the sheets that were protected (unprotect fails on an unprotected sheet). */
  function withUnprotected(context: Excel.RequestContext, names: string[], common: { password: string; protectedSheets: Set<string> }, writes: () => void) {
    for (const n of names) queueUnprotect(context, n, common.protectedSheets.has(n), common.password);
    writes();
    for (const n of names) queueProtect(context, n, common.protectedSheets.has(n), common.password);
  }

  async function snapshot(): Promise<LedgerSnapshot> {
    return run(async (context) => {
      context.workbook.load('name');
      const ledger = queueTable(context, LEDGER);
      const records = queueTable(context, RECORDS);
      const people = queueTable(context, PEOPLE);
      const calendar = queueTable(context, CALENDAR);
      const settings = queueUsedRange(context, SETTINGS);
      try {
        await context.sync();
      } catch (e) {
        if (!isNotFound(e)) throw e;
        return notInitialised(context);
      }
      const sections = sectionsFromTable(people.read());
      const { byName, todayIsFormula } = settingsPairs(settings.read());
      const s = settingsFromPairs(byName);
      const overrides = overridesFromTable(calendar.read());
      s.settings.extraHolidays = [...(overrides.extraHolidays ?? [])];
      s.settings.extraWorkdays = [...(overrides.extraWorkdays ?? [])];
      const l = ledgerFromTable(ledger.read(), sections.map((x) => x.section));
      const r = recordsFromTable(records.read(), l.items.map((i) => i.id));
      return {
        workbookName: context.workbook.name,
        initialised: true,
        schemaVersion: s.schemaVersion,
        items: l.items,
        records: r.records,
        people: sections,
        settings: s.settings,
        calendar: createCalendar(overrides),
        today: !todayIsFormula && s.today ? s.today : localToday(clock()),
        rowErrors: [...l.errors, ...r.errors],
      };
    });
  }

  async function notInitialised(context: Excel.RequestContext): Promise<LedgerSnapshot> {
    context.workbook.load('name');
    await context.sync();
    const s = settingsFromPairs(new Map());
    return {
      workbookName: context.workbook.name,
      initialised: false,
      schemaVersion: null,
      items: [],
      records: [],
      people: [],
      settings: s.settings,
      calendar: createCalendar(),
      today: localToday(clock()),
      rowErrors: [],
    };
  }

  async function act(itemId: string, action: Action, ctx: ActionContext): Promise<Result<ActionOutcome>> {
    return run(async (context) => {
      // ---- round trip 1: the item's row (found by 编号 now), headers, sections, log, protection
      const table = context.workbook.tables.getItem(LEDGER);
      const header = table.getHeaderRowRange().load('values,columnIndex');
      const hit = table.columns.getItem('编号').getDataBodyRange().find(itemId, { completeMatch: true, matchCase: true });
      const row = table.getDataBodyRange().getIntersection(hit.getEntireRow()).load('values,rowIndex');
      const people = queueTable(context, PEOPLE);
      const recHeader = context.workbook.tables.getItem(RECORDS).getHeaderRowRange().load('values');
      const logHeader = context.workbook.tables.getItem(LOG).getHeaderRowRange().load('values');
      const ids = action.type === '重新立项' ? table.columns.getItem('编号').getDataBodyRange().load('values') : null;
      const common = queueCommon(context);
      try {
        await context.sync();
      } catch (e) {
        if (isNotFound(e)) return err('item-not-found', t.itemNotFound(itemId));
        return err('sync-failed', t.syncFailed(syncMessage(e)));
      }
      const c = common.read();
      const headers = header.values[0].map((h) => String(h).trim());
      const sections = sectionsFromTable(people.read()).map((p) => p.section);
      const letters = lettersOf(headers, header.columnIndex);
      const v = validateLedgerRow(rowRecord(headerIndex(headers), row.values[0].map((x) => (x === '' ? null : x))), {
        sheet: LEDGER,
        rowNumber: row.rowIndex + 1,
        columnLetters: letters,
        sections,
      });
      if (!v.item) return err('row-invalid', t.rowInvalid(v.errors[0]?.message ?? '', v.errors.length - 1));
      // A retry of an action that already reached 操作日志: done, nothing is written twice.
      if (c.done.has(ctx.opId)) return ok({ item: v.item, records: [] });
      let act = action;
      if (act.type === '重新立项' && !act.newId && ids) {
        act = { ...act, newId: nextItemNumber(ids.values.map((r) => String(r[0] ?? '')), Number(ctx.on.slice(0, 4))) };
      }
      const out = applyAction(v.item, act, ctx.actor, ctx.on);
      if (!out.ok) return out;
      const after = out.value.item;
      const patch = changedCells(v.item, after);
      const recHeaders = recHeader.values[0].map((h) => String(h).trim());
      const logHeaders = logHeader.values[0].map((h) => String(h).trim());
      const signed = action.type === '审签' ? out.value.records : [];
      const appended = action.type === '审签' ? [] : out.value.records;
      const changed = Object.keys(patch);
      const logs = [logRow(ctx, action.type, itemId, after.section, describe(v.item, changed), describe(after, changed))];
      if (out.value.newItem) {
        logs.push(logRow(ctx, '重新立项', out.value.newItem.id, out.value.newItem.section, `关联编号=${itemId}`, describe(out.value.newItem, ['编号', '事项内容'])));
      }

      // 审签 patches the signed report's own row, keyed by the 操作ID of the 反馈 that wrote it.
      const recordKey = action.type === '审签' ? ((action.record as Partial<StoredRecord>).opId ?? '') : '';
      if (action.type === '审签' && !recordKey) return err('record-not-found', t.recordNotFound(''));

      // ---- round trip 2: locate rows by key (at sync time), then patch, append records and log lines
      const itemRow = locateRow(context, LEDGER, '编号', itemId);
      const recordRow = recordKey ? locateRow(context, RECORDS, '操作ID', recordKey) : null;
      withUnprotected(context, [LEDGER, RECORDS, LOG], c, () => {
        itemRow.write(patch);
        for (const rec of signed) recordRow?.write({ 审签人: textCell(rec.signer), 审签日期: dateCell(rec.signedOn) });
        if (out.value.newItem) {
          queueAppend(context, LEDGER, headers, LEDGER_COLUMNS, [{ ...itemCells(out.value.newItem), 操作ID: textCell(ctx.opId) }]);
        }
        queueAppend(context, RECORDS, recHeaders, RECORD_COLUMNS, appended.map((r) => recordCells(r, ctx.opId)));
        queueAppend(context, LOG, logHeaders, LOG_COLUMNS, logs);
      });
      try {
        await context.sync();
      } catch (e) {
        if (isNotFound(e)) return err('item-not-found', t.itemNotFound(itemId));
        return err('sync-failed', t.syncFailed(syncMessage(e)));
      }
      options.afterWrite?.();
      return ok(out.value);
    });
  }

  async function register(input: Parameters<LedgerService['register']>[0], ctx: ActionContext): Promise<Result<RegisterOutcome>> {
    return run(async (context) => {
      // ---- round trip 1: headers, every 编号, log, protection
      const table = context.workbook.tables.getItem(LEDGER);
      const header = table.getHeaderRowRange().load('values');
      const idCol = table.columns.getItem('编号').getDataBodyRange().load('values');
      const opCol = table.columns.getItem('操作ID').getDataBodyRange().load('values');
      const logHeader = context.workbook.tables.getItem(LOG).getHeaderRowRange().load('values');
      const common = queueCommon(context);
      try {
        await context.sync();
      } catch (e) {
        if (isNotFound(e)) return err('not-initialised', t.notInitialised);
        return err('sync-failed', t.syncFailed(syncMessage(e)));
      }
      const c = common.read();
      const headers = header.values[0].map((h) => String(h).trim());
      const logHeaders = logHeader.values[0].map((h) => String(h).trim());
      const year = Number(ctx.on.slice(0, 4));
      // A retry whose row already landed (the earlier attempt failed later): keep that row and its
      // number, and go straight to the collision check.
      const landedAt = opCol.values.findIndex((r) => String(r[0] ?? '') === ctx.opId);
      const landed = landedAt >= 0 ? String(idCol.values[landedAt][0] ?? '') : null;
      const id = landed ?? nextItemNumber(idCol.values.map((r) => String(r[0] ?? '')), year);
      const reg = registerItem({ ...input, id }, ctx.actor, ctx.on);
      if (!reg.ok) return reg;
      let item = reg.value;

      // ---- round trip 2: append the row and the log line, then read back 编号 + 操作ID (after the write)
      const write = (it: LedgerItem, logAction: string, before: string) =>
        withUnprotected(context, [LEDGER, LOG], c, () => {
          queueAppend(context, LEDGER, headers, LEDGER_COLUMNS, [{ ...itemCells(it), 操作ID: textCell(ctx.opId) }]);
          queueAppend(context, LOG, logHeaders, LOG_COLUMNS, [logRow(ctx, logAction, it.id, it.section, before, describe(it, ['编号', '事项内容', '承办科室']))]);
        });
      if (landed === null) write(item, t.logActions.register, '');
      const idsAfter = table.columns.getItem('编号').getDataBodyRange().load('values');
      const opsAfter = table.columns.getItem('操作ID').getDataBodyRange().load('values');
      try {
        await context.sync();
      } catch (e) {
        return err('sync-failed', t.syncFailed(syncMessage(e)));
      }
      const rows = idsAfter.values.map((r, i) => ({ id: String(r[0] ?? ''), opId: String(opsAfter.values[i]?.[0] ?? '') }));
      const mine = rows.filter((r) => r.opId === ctx.opId);
      const renumber = resolveCollisions(rows).find((x) => x.opId === ctx.opId);
      if (mine.length > 0 && !renumber) {
        options.afterWrite?.();
        return ok({ item, renumbered: false });
      }

      // ---- round trip 3 (rare): a co-author took the number, or overwrote the row we appended
      if (renumber) {
        const old = item.id;
        item = { ...item, id: renumber.newId };
        const mineRow = locateRow(context, LEDGER, '操作ID', ctx.opId);
        withUnprotected(context, [LEDGER, LOG], c, () => {
          mineRow.write({ 编号: textCell(item.id) });
          queueAppend(context, LOG, logHeaders, LOG_COLUMNS, [logRow(ctx, t.logActions.renumber, item.id, item.section, `编号=${old}`, `编号=${item.id}`)]);
        });
      } else {
        const fresh = nextItemNumber(rows.map((r) => r.id), year);
        item = { ...item, id: fresh };
        write(item, t.logActions.register, '');
      }
      try {
        await context.sync();
      } catch (e) {
        return err('sync-failed', t.syncFailed(syncMessage(e)));
      }
      options.afterWrite?.();
      return ok({ item, renumbered: true });
    });
  }

  async function urgeOverdue(section: string, content: string, ctx: ActionContext): Promise<Result<{ itemIds: string[] }>> {
    return run(async (context) => {
      const ledger = queueTable(context, LEDGER);
      const people = queueTable(context, PEOPLE);
      const calendar = queueTable(context, CALENDAR);
      const settings = queueUsedRange(context, SETTINGS);
      const recHeader = context.workbook.tables.getItem(RECORDS).getHeaderRowRange().load('values');
      const logHeader = context.workbook.tables.getItem(LOG).getHeaderRowRange().load('values');
      const common = queueCommon(context);
      try {
        await context.sync();
      } catch (e) {
        return err('sync-failed', t.syncFailed(syncMessage(e)));
      }
      const c = common.read();
      if (c.done.has(ctx.opId)) return err('already-done', t.alreadyDone);
      const sections = sectionsFromTable(people.read()).map((p) => p.section);
      const { byName } = settingsPairs(settings.read());
      const s = settingsFromPairs(byName).settings;
      const cal = createCalendar(overridesFromTable(calendar.read()));
      const items = ledgerFromTable(ledger.read(), sections).items.filter(
        (i) => i.section === section && !i.closedOn && itemStatus(i, ctx.on, s, cal).status === '逾期',
      );
      const patches: { id: string; cells: Record<string, CellValue> }[] = [];
      const recs: FeedbackRecord[] = [];
      const logs: Record<string, CellValue>[] = [];
      for (const it of items) {
        const out = applyAction(it, { type: '催办', content }, ctx.actor, ctx.on);
        if (!out.ok) return out;
        const patch = changedCells(it, out.value.item);
        patches.push({ id: it.id, cells: patch });
        recs.push(...out.value.records);
        logs.push(logRow(ctx, '催办', it.id, it.section, describe(it, Object.keys(patch)), describe(out.value.item, Object.keys(patch))));
      }
      const recHeaders = recHeader.values[0].map((h) => String(h).trim());
      const logHeaders = logHeader.values[0].map((h) => String(h).trim());
      const rows = patches.map((p) => ({ at: locateRow(context, LEDGER, '编号', p.id), cells: p.cells }));
      withUnprotected(context, [LEDGER, RECORDS, LOG], c, () => {
        for (const r of rows) r.at.write(r.cells);
        queueAppend(context, RECORDS, recHeaders, RECORD_COLUMNS, recs.map((r) => recordCells(r, ctx.opId)));
        queueAppend(context, LOG, logHeaders, LOG_COLUMNS, logs);
      });
      try {
        await context.sync();
      } catch (e) {
        return err('sync-failed', t.syncFailed(syncMessage(e)));
      }
      options.afterWrite?.();
      return ok({ itemIds: items.map((i) => i.id) });
    });
  }

  return {
    snapshot,
    register,
    act,
    urgeOverdue,
    initialise: async () => {
      const r = await initialiseLedger(run);
      if (r.ok) options.afterWrite?.();
      return r;
    },
    selectItem: async (itemId) => {
      await run(async (context) => {
        const table = context.workbook.tables.getItem(LEDGER);
        const hit = table.columns.getItem('编号').getDataBodyRange().findOrNullObject(itemId, { completeMatch: true, matchCase: true });
        await context.sync();
        if (!hit.isNullObject) {
          table.getDataBodyRange().getIntersection(hit.getEntireRow()).select();
          await context.sync();
        }
      });
    },
    onSelectItem: async (handler) => {
      // The handler only reads: Office fires events in every co-author's add-in and UI must not
      // open from them (excel-api.md); the pane just shows the item of the selected row.
      const onSelect = async (e: Excel.WorksheetSelectionChangedEventArgs) => {
        const id = await run(async (context) => {
          const table = context.workbook.tables.getItem(LEDGER);
          const row = context.workbook.worksheets.getItem(LEDGER).getRange(e.address).getRow(0).getEntireRow();
          const cell = table.columns.getItem('编号').getDataBodyRange().getIntersectionOrNullObject(row).load('values');
          await context.sync();
          return cell.isNullObject ? null : cellText(cell.values[0]?.[0]).trim() || null;
        });
        handler(id);
      };
      let registered: OfficeExtension.EventHandlerResult<Excel.WorksheetSelectionChangedEventArgs> | null = null;
      await run(async (context) => {
        registered = context.workbook.worksheets.getItem(LEDGER).onSelectionChanged.add(onSelect);
        await context.sync();
      });
      return () => {
        const r = registered as OfficeExtension.EventHandlerResult<Excel.WorksheetSelectionChangedEventArgs> | null;
        if (!r) return;
        registered = null;
        void run(async (context) => {
          r.remove();
          await context.sync();
        }).catch(() => undefined);
      };
    },
  };
}

/** header → column letter, for messages that name the cell (the table may not start in column A). */
function lettersOf(headers: string[], firstColumnIndex: number): Record<string, string> {
  const out: Record<string, string> = {};
  headers.forEach((h, i) => {
    if (h && !(h in out)) out[h] = columnLetter(firstColumnIndex + i + 1);
  });
  return out;
}
