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
import { auditLedger, selectCell } from './audit';
import { refreshDashboard } from './dashboard';
import { applyImport, previewImport } from './importApply';
import { undoImport } from './importUndo';
import { initialiseLedger } from './initialise';
import { generateRound } from './rounds';
import { freezeMonth } from './scoresArchive';
import { locateRow, patchedRow, queueAppend, readRowsByKey, writeSlices } from './ledgerWrites';
import { isNotFound, logLine, syncMessage } from './operationLog';
import { officeRunOn, type ExcelRun, type ExcelRunOn } from './run';
import { done, queueUnprotected, queueWriteState, rollForward, settingsPairs, writeFailed, type Attempt } from './writePath';
import { completeReads, queueColumns, queueTable, queueUsedRange } from './tableRead';
import { localToday } from './today';
import { readDocumentSource } from './documents';
import { writeDocumentSheet } from './documentSheets';
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
  /** `Excel.run(context, batch)` (removes the selection handler on the context that added it); default the real one */
  runOn?: ExcelRunOn;
}

/** One 操作日志 line of an action. */
function logRow(ctx: ActionContext, action: string, itemId: string, section: string, before: string, after: string): Record<string, CellValue> {
  return logLine(ctx.actor, ctx.now, ctx.opId, action, before, after, itemId, section);
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
  const runOn = options.runOn ?? officeRunOn;

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
      await completeReads(context);
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

  function act(itemId: string, action: Action, ctx: ActionContext): Promise<Result<ActionOutcome>> {
    return rollForward(run, () => actAttempt(itemId, action, ctx));
  }

  async function actAttempt(itemId: string, action: Action, ctx: ActionContext): Promise<Attempt<ActionOutcome>> {
    return run(async (context) => {
      // ---- round trip 1: the item's row (found by 编号 now), headers, sections, keys, protection
      const table = context.workbook.tables.getItem(LEDGER);
      const header = table.getHeaderRowRange().load('values,columnIndex');
      // header + body: never a one-cell range, which find would widen to the whole sheet
      const hit = table.columns.getItem('编号').getRange().find(itemId, { completeMatch: true, matchCase: true });
      const row = table.getDataBodyRange().getIntersection(hit.getEntireRow()).load('values,formulas,rowIndex');
      const people = queueTable(context, PEOPLE);
      const recHeader = context.workbook.tables.getItem(RECORDS).getHeaderRowRange().load('values');
      const logHeader = context.workbook.tables.getItem(LOG).getHeaderRowRange().load('values');
      const keys = action.type === '重新立项' ? queueColumns(context, LEDGER, ['编号', '操作ID']) : null;
      const common = queueWriteState(context, [LEDGER, RECORDS, LOG]);
      try {
        await context.sync();
        await completeReads(context);
      } catch (e) {
        if (isNotFound(e)) return done(err('item-not-found', t.itemNotFound(itemId)));
        return done(err('sync-failed', t.syncFailed(syncMessage(e))));
      }
      const keyRows = keys?.rows() ?? null;
      const c = common.read(ctx.opId);
      const headers = header.values[0].map((h) => String(h).trim());
      const index = headerIndex(headers);
      const sections = sectionsFromTable(people.read()).map((p) => p.section);
      const v = validateLedgerRow(rowRecord(index, row.values[0].map((x) => (x === '' ? null : x))), {
        sheet: LEDGER,
        rowNumber: row.rowIndex + 1,
        columnLetters: lettersOf(headers, header.columnIndex),
        sections,
      });
      if (!v.item) return done(err('row-invalid', t.rowInvalid(v.errors[0]?.message ?? '', v.errors.length - 1)));
      // The row carries the id of the last operation applied to it, written together with its
      // values: a retry of an operation that got that far is complete.
      if (cellText(row.values[0][index.get('操作ID') ?? -1]) === ctx.opId) return done(ok({ item: v.item, records: [] }));
      let act = action;
      if (act.type === '重新立项' && !act.newId && keyRows) {
        const landed = keyRows.find(([, op]) => cellText(op) === ctx.opId);
        act = { ...act, newId: landed ? cellText(landed[0]) : nextItemNumber(keyRows.map(([id]) => cellText(id)), Number(ctx.on.slice(0, 4))) };
      }
      const out = applyAction(v.item, act, ctx.actor, ctx.on);
      if (!out.ok) return done(out);
      const after = out.value.item;
      const bad = rowProblem(after, sections, row.rowIndex + 1, lettersOf(headers, header.columnIndex));
      if (bad) return done(err('row-invalid', bad));
      const patch = changedCells(v.item, after);
      const recHeaders = recHeader.values[0].map((h) => String(h).trim());
      const logHeaders = logHeader.values[0].map((h) => String(h).trim());
      const signed = action.type === '审签' ? out.value.records : [];
      const appended = action.type === '审签' || c.recorded(itemId) ? [] : out.value.records;
      const changed = Object.keys(patch);
      const logs = c.logged(itemId) ? [] : [logRow(ctx, action.type, itemId, after.section, describe(v.item, changed), describe(after, changed))];
      const newItem = out.value.newItem;
      const newLanded = keyRows ? keyRows.some(([, op]) => cellText(op) === ctx.opId) : false;
      if (newItem && !c.logged(newItem.id)) {
        logs.push(logRow(ctx, '重新立项', newItem.id, newItem.section, `关联编号=${itemId}`, describe(newItem, ['编号', '事项内容'])));
      }
      // 审签 patches the signed report's own row, keyed by the 操作ID of the 反馈 that wrote it.
      const recordKey = action.type === '审签' ? ((action.record as Partial<StoredRecord>).opId ?? '') : '';
      if (action.type === '审签' && !recordKey) return done(err('record-not-found', t.recordNotFound('')));

      // ---- round trip 2: locate rows by key (at sync time); then records, log lines, and LAST the
      // item row as one operation carrying this operation's id.
      const itemRow = locateRow(context, LEDGER, '编号', itemId);
      const recordRow = recordKey ? locateRow(context, RECORDS, '操作ID', recordKey) : null;
      queueUnprotected(context, [LEDGER, RECORDS, LOG], c, () => {
        for (const rec of signed) recordRow?.write({ 审签人: textCell(rec.signer), 审签日期: dateCell(rec.signedOn) });
        if (newItem && !newLanded) {
          queueAppend(context, LEDGER, headers, LEDGER_COLUMNS, [{ ...itemCells(newItem), 操作ID: textCell(ctx.opId) }], c.placeholder(LEDGER));
        }
        queueAppend(context, RECORDS, recHeaders, RECORD_COLUMNS, appended.map((r) => recordCells(r, ctx.opId)), c.placeholder(RECORDS));
        queueAppend(context, LOG, logHeaders, LOG_COLUMNS, logs, c.placeholder(LOG));
        itemRow.writeRow(patchedRow(headers, row.values[0], row.formulas[0], { ...patch, 操作ID: textCell(ctx.opId) }));
      });
      try {
        await context.sync();
      } catch (e) {
        if (isNotFound(e)) return done(err('item-not-found', t.itemNotFound(itemId)));
        return writeFailed(e, c);
      }
      options.afterWrite?.();
      return done(ok(out.value));
    });
  }

  function register(input: Parameters<LedgerService['register']>[0], ctx: ActionContext): Promise<Result<RegisterOutcome>> {
    return rollForward(run, () => registerAttempt(input, ctx));
  }

  async function registerAttempt(input: Parameters<LedgerService['register']>[0], ctx: ActionContext): Promise<Attempt<RegisterOutcome>> {
    return run(async (context) => {
      // ---- round trip 1: headers, every 编号 and 操作ID, sections, keys, protection
      const table = context.workbook.tables.getItem(LEDGER);
      const header = table.getHeaderRowRange().load('values,columnIndex');
      const keys = queueColumns(context, LEDGER, ['编号', '操作ID']);
      const body = table.getDataBodyRange().load('rowCount');
      const people = queueTable(context, PEOPLE);
      const logHeader = context.workbook.tables.getItem(LOG).getHeaderRowRange().load('values');
      const common = queueWriteState(context, [LEDGER, RECORDS, LOG]);
      try {
        await context.sync();
        await completeReads(context);
      } catch (e) {
        if (isNotFound(e)) return done(err('not-initialised', t.notInitialised));
        return done(err('sync-failed', t.syncFailed(syncMessage(e))));
      }
      const c = common.read(ctx.opId);
      const headers = header.values[0].map((h) => String(h).trim());
      const logHeaders = logHeader.values[0].map((h) => String(h).trim());
      const sections = sectionsFromTable(people.read()).map((p) => p.section);
      const year = Number(ctx.on.slice(0, 4));
      // A retry whose row already landed keeps that row and its number.
      const keyRows = keys.rows();
      const landedRow = keyRows.find(([, op]) => cellText(op) === ctx.opId);
      const landed = landedRow ? cellText(landedRow[0]) : null;
      const id = landed ?? nextItemNumber(keyRows.map(([k]) => cellText(k)), year);
      const reg = registerItem({ ...input, id }, ctx.actor, ctx.on);
      if (!reg.ok) return done(reg);
      let item = reg.value;
      // What is written must read back as a valid row (科室 from 科室人员, no formula-like text).
      const bad = rowProblem(item, sections, body.rowCount + 2, lettersOf(headers, header.columnIndex));
      if (bad) return done(err('row-invalid', bad));

      // ---- round trip 2: the log line, then the row (its 操作ID marks the registration as landed);
      // then read back 编号 + 操作ID (after the write) to catch a co-author's same number.
      const logLine = (it: LedgerItem, action: string, before: string) =>
        logRow(ctx, action, it.id, it.section, before, describe(it, ['编号', '事项内容', '承办科室']));
      queueUnprotected(context, [LEDGER, LOG], c, () => {
        if (!c.logged(item.id)) queueAppend(context, LOG, logHeaders, LOG_COLUMNS, [logLine(item, t.logActions.register, '')], c.placeholder(LOG));
        if (landed === null) queueAppend(context, LEDGER, headers, LEDGER_COLUMNS, [{ ...itemCells(item), 操作ID: textCell(ctx.opId) }], c.placeholder(LEDGER));
      });
      const idsAfter = table.columns.getItem('编号').getDataBodyRange().load('values');
      const opsAfter = table.columns.getItem('操作ID').getDataBodyRange().load('values');
      try {
        await context.sync();
      } catch (e) {
        return writeFailed(e, c);
      }
      const rows = idsAfter.values.map((r, i) => ({ id: cellText(r[0]), opId: cellText(opsAfter.values[i]?.[0]) }));
      const mine = rows.filter((r) => r.opId === ctx.opId);
      const renumber = resolveCollisions(rows).find((x) => x.opId === ctx.opId);
      if (mine.length > 0 && !renumber) {
        options.afterWrite?.();
        return done(ok({ item, renumbered: landed !== null && landed !== id }));
      }

      // ---- round trip 3 (rare): a co-author took the number, or overwrote the row we appended
      if (renumber) {
        const old = item.id;
        item = { ...item, id: renumber.newId };
        const mineRow = locateRow(context, LEDGER, '操作ID', ctx.opId);
        queueUnprotected(context, [LEDGER, LOG], c, () => {
          queueAppend(context, LOG, logHeaders, LOG_COLUMNS, [logLine(item, t.logActions.renumber, `编号=${old}`)]);
          mineRow.write({ 编号: textCell(item.id) });
        });
      } else {
        item = { ...item, id: nextItemNumber(rows.map((r) => r.id), year) };
        queueUnprotected(context, [LEDGER, LOG], c, () => {
          queueAppend(context, LOG, logHeaders, LOG_COLUMNS, [logLine(item, t.logActions.register, '')]);
          queueAppend(context, LEDGER, headers, LEDGER_COLUMNS, [{ ...itemCells(item), 操作ID: textCell(ctx.opId) }]);
        });
      }
      try {
        await context.sync();
      } catch (e) {
        return writeFailed(e, c);
      }
      options.afterWrite?.();
      return done(ok({ item, renumbered: true }));
    });
  }

  function urgeOverdue(section: string, content: string, ctx: ActionContext): Promise<Result<{ itemIds: string[] }>> {
    return rollForward(run, () => urgeAttempt(section, content, ctx));
  }

  async function urgeAttempt(section: string, content: string, ctx: ActionContext): Promise<Attempt<{ itemIds: string[] }>> {
    return run(async (context) => {
      // ---- round trip 1 (+ one per slice of a large 台账): the raw inputs, headers, keys, protection
      const ledger = queueTable(context, LEDGER);
      const people = queueTable(context, PEOPLE);
      const calendar = queueTable(context, CALENDAR);
      const settings = queueUsedRange(context, SETTINGS);
      const ledgerHeader = context.workbook.tables.getItem(LEDGER).getHeaderRowRange().load('values');
      const recHeader = context.workbook.tables.getItem(RECORDS).getHeaderRowRange().load('values');
      const logHeader = context.workbook.tables.getItem(LOG).getHeaderRowRange().load('values');
      const common = queueWriteState(context, [LEDGER, RECORDS, LOG]);
      try {
        await context.sync();
        await completeReads(context);
      } catch (e) {
        return done(err('sync-failed', t.syncFailed(syncMessage(e))));
      }
      const c = common.read(ctx.opId);
      const sections = sectionsFromTable(people.read()).map((p) => p.section);
      const { byName } = settingsPairs(settings.read());
      const s = settingsFromPairs(byName).settings;
      const cal = createCalendar(overridesFromTable(calendar.read()));
      const table = ledger.read();
      const doneBy = new Map(table.rows.map((r) => [cellText(r.values['编号']), cellText(r.values['操作ID'])]));
      const candidates = ledgerFromTable(table, sections).items.filter(
        (i) => i.section === section && !i.closedOn && itemStatus(i, ctx.on, s, cal).status === '逾期',
      );
      const urged = candidates.map((i) => i.id);
      // done by an earlier attempt: the row carries this operation's id
      const todo = candidates.filter((i) => doneBy.get(i.id) !== ctx.opId);
      const recs: FeedbackRecord[] = [];
      const logs: Record<string, CellValue>[] = [];
      const patches: { id: string; patch: Record<string, CellValue> }[] = [];
      for (const it of todo) {
        const out = applyAction(it, { type: '催办', content }, ctx.actor, ctx.on);
        if (!out.ok) return done(out);
        const patch = changedCells(it, out.value.item);
        patches.push({ id: it.id, patch: { ...patch, 操作ID: textCell(ctx.opId) } });
        if (!c.recorded(it.id)) recs.push(...out.value.records);
        if (!c.logged(it.id)) logs.push(logRow(ctx, '催办', it.id, it.section, describe(it, Object.keys(patch)), describe(out.value.item, Object.keys(patch))));
      }
      if (patches.length === 0 && recs.length === 0 && logs.length === 0) return done(ok({ itemIds: urged }));
      const headers = ledgerHeader.values[0].map((h) => String(h).trim());
      const recHeaders = recHeader.values[0].map((h) => String(h).trim());
      const logHeaders = logHeader.values[0].map((h) => String(h).trim());

      // ---- round trip 2 (one per slice of rows): the rows to patch as they stand, values and formulas
      let rows: Map<string, { values: unknown[]; formulas: unknown[] }>;
      try {
        rows = (await readRowsByKey(context, LEDGER, '编号', patches.map((p) => p.id))).rows;
      } catch (e) {
        return done(err('sync-failed', t.syncFailed(syncMessage(e))));
      }
      const writes = patches.flatMap(({ id, patch }) => {
        const r = rows.get(id);
        return r ? [{ id, row: patchedRow(headers, r.values, r.formulas, patch) }] : [];
      });

      // ---- round trip 3 (one per slice of writes): records and log lines, then each row as ONE
      // operation carrying this operation's id, located again by 编号 at write time.
      try {
        for (const [k, slice] of writeSlices(writes).entries()) {
          const located = slice.map((w) => ({ at: locateRow(context, LEDGER, '编号', w.id), row: w.row }));
          queueUnprotected(context, [LEDGER, RECORDS, LOG], c, () => {
            if (k === 0) {
              queueAppend(context, RECORDS, recHeaders, RECORD_COLUMNS, recs.map((r) => recordCells(r, ctx.opId)), c.placeholder(RECORDS));
              queueAppend(context, LOG, logHeaders, LOG_COLUMNS, logs, c.placeholder(LOG));
            }
            for (const w of located) w.at.writeRow(w.row);
          });
          await context.sync();
        }
      } catch (e) {
        return writeFailed(e, c);
      }
      options.afterWrite?.();
      return done(ok({ itemIds: urged }));
    });
  }

  return {
    snapshot,
    register,
    act,
    urgeOverdue,
    generateRound: async (period, ctx) => {
      const r = await generateRound(run, { period, asOf: ctx.on, actor: ctx.actor, opId: ctx.opId, now: ctx.now });
      if (r.ok) options.afterWrite?.();
      return r;
    },
    freezeMonth: async (month, ctx) => {
      const r = await freezeMonth(run, month, { asOf: ctx.on, actor: ctx.actor, opId: ctx.opId, now: ctx.now });
      if (r.ok) options.afterWrite?.();
      return r;
    },
    refreshDashboard: async (asOf) => {
      const r = await refreshDashboard(run, { asOf });
      if (r.ok) options.afterWrite?.();
      return r;
    },
    documentSource: () => readDocumentSource(run),
    writeDocumentSheet: async (doc) => {
      const r = await writeDocumentSheet(run, doc);
      if (r.ok) options.afterWrite?.();
      return r;
    },
    previewImport: (text, request) => previewImport(run, text, request, clock()),
    applyImport: async (preview, ctx) => {
      const r = await applyImport(run, preview, ctx);
      if (r.ok) options.afterWrite?.();
      return r;
    },
    undoImport: async (opId, ctx) => {
      const r = await undoImport(run, opId, ctx);
      if (r.ok) options.afterWrite?.();
      return r;
    },
    audit: () => auditLedger(run),
    selectCell: (sheet, address) => selectCell(run, sheet, address),
    initialise: async () => {
      const r = await initialiseLedger(run);
      if (r.ok) options.afterWrite?.();
      return r;
    },
    selectItem: async (itemId) => {
      await run(async (context) => {
        const table = context.workbook.tables.getItem(LEDGER);
        const hit = table.columns.getItem('编号').getRange().findOrNullObject(itemId, { completeMatch: true, matchCase: true });
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
        // Ctrl+click selects several areas: the address lists them ("A1:B2,D4") and getRange
        // refuses that; the item is the one of the first area.
        const first = e.address.split(',')[0];
        const id = await run(async (context) => {
          const table = context.workbook.tables.getItem(LEDGER);
          const row = context.workbook.worksheets.getItem(LEDGER).getRange(first).getRow(0).getEntireRow();
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
        // remove() is queued on the context that added the handler: sync that one.
        void runOn(r.context, async (context) => {
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

/**
 * The first validation error a row would get once written, as a message; null when it is clean.
 * The add-in never writes a row that its own snapshot would then reject.
 */
function rowProblem(item: LedgerItem, sections: readonly string[], rowNumber: number, letters: Record<string, string>): string | null {
  const raw: Record<string, unknown> = {};
  for (const col of LEDGER_INPUT_COLUMNS) {
    const v = item[col.field];
    raw[col.header] = v === '' ? null : v;
  }
  const v = validateLedgerRow(raw, { sheet: LEDGER, rowNumber, columnLetters: letters, sections });
  return v.errors.length > 0 ? t.rowInvalid(v.errors[0].message, v.errors.length - 1) : null;
}
