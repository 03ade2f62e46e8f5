/**
 * 导入, the Excel side of preview and apply (the pure parsing, mapping and preview are in
 * src/domain/import; undo is importUndo.ts).
 *
 * - `previewImport(run, block, options)`: ONE sync, nothing written — 台账 (input columns),
 *   科室人员 and 设置 (for 今天, which new rows' 立项日期 defaults to) are read and handed to the
 *   pure previewRows.
 * - `applyImport(run, preview, ctx)`: ONE operation id, the write path's protocol (writePath.ts):
 *   sync 1 reads, then the rows to update are read whole by 编号, then ONE write sync — 操作日志
 *   lines keyed by (操作ID, 编号) and skipped when present; the additions appended in one operation
 *   carrying 操作ID; each update as ONE row operation located by 编号 and carrying 操作ID, last. A
 *   failed write is rolled forward under the same id. An update whose cells a co-author changed
 *   since the preview is skipped (reported), not clobbered.
 *
 * Each 操作日志 line says in Chinese what changed (logText.ts): 导入新增 with the row's cells, 导入更新
 * with the cells before and after — exact, so 撤销导入 reads them back.
 */
import {
  formatRemembered,
  IMPORT_TARGETS,
  mergeRemembered,
  parsePastedBlock,
  parseRemembered,
  previewRows,
  sameCell,
  type ImportOptions,
  type ImportPreview,
} from '../domain/import';
import { formatCells } from '../domain/import/logText';
import { nextItemNumber } from '../domain/itemNumber';
import { err, ok, type Result } from '../domain/result';
import { LEDGER_INPUT_COLUMNS, validateLedgerRow } from '../domain/validation';
import { excel as t } from '../i18n/excel';
import { importText } from '../i18n/import';
import { sectionsFromTable, settingsFromPairs } from '../workbook/ledgerData';
import { LEDGER_COLUMNS, LOG_COLUMNS } from '../workbook/schema';
import { cellText, textCell, type CellValue } from './cells';
import { headerIndex, itemValues, missingFormulaColumn, rowRecord } from './ledgerCodec';
import type { ActionContext } from './ledgerService';
import { locateRow, patchedRow, queueAppend, readRowsByKey } from './ledgerWrites';
import { isNotFound, logLine, stampOn, syncMessage } from './operationLog';
import type { ExcelRun } from './run';
import { completeReads, queueTable, queueUsedRange } from './tableRead';
import { localToday } from './today';
import { done, queueUnprotected, queueWriteState, rollForward, settingsPairs, writeFailed, type Attempt } from './writePath';
import { SHEET } from '../workbook/sheetNames';

export const LEDGER = SHEET.ledger;
export const LOG = SHEET.log;
const PEOPLE = SHEET.people;
/** context.sync() calls of a clean apply / undo with updates: read; the rows to rewrite; write. */
export const IMPORT_SYNCS = 3;

export const INPUT_HEADERS = LEDGER_INPUT_COLUMNS.map((c) => c.header);
const a = importText.apply;

/** What the pane asks a preview for: the clerk's choices, and the text as pasted. */
export type ImportRequest = ImportOptions;

const SETTINGS = SHEET.settings;
/** The 设置 rows that remember the clerk's column choices and accepted 科室 names (domain/import/remembered.ts). */
export const REMEMBER_COLUMNS = '导入列映射';
export const REMEMBER_SECTIONS = '科室别名';

/**
 * Check a pasted block against the ledger as it is now. ONE sync; nothing is written. The
 * choices 设置 remembers (导入列映射, 科室别名) apply, the request's over them; the preview carries
 * both merged, for the apply to remember.
 */
export async function previewImport(run: ExcelRun, text: string, options: ImportRequest = {}, now: Date = new Date()): Promise<Result<ImportPreview>> {
  const read = await run(async (context) => {
    const ledger = queueTable(context, LEDGER);
    const people = queueTable(context, PEOPLE);
    const settings = queueUsedRange(context, SHEET.settings);
    try {
      await context.sync();
      await completeReads(context);
    } catch (e) {
      return { error: e };
    }
    return { ledger: ledger.read(), people: people.read(), settings: settings.read() };
  });
  if ('error' in read) return isNotFound(read.error) ? err('not-initialised', t.notInitialised) : err('sync-failed', t.syncFailed(syncMessage(read.error)));
  const { byName, todayIsFormula } = settingsPairs(read.settings);
  const s = settingsFromPairs(byName);
  const today = !todayIsFormula && s.today ? s.today : localToday(now);
  const sections = sectionsFromTable(read.people).map((p) => p.section);
  const columnTargets = mergeRemembered(parseRemembered(byName.get(REMEMBER_COLUMNS)), options.columnTargets);
  const sectionAliases = mergeRemembered(parseRemembered(byName.get(REMEMBER_SECTIONS)), options.sectionAliases);
  // Only the columns this ledger has: a ledger older than a column (佐证材料) reports the pasted
  // column as not imported instead of taking values it could not write.
  const targets = IMPORT_TARGETS.filter((h) => read.ledger.headers.includes(h));
  const block = parsePastedBlock(text, targets, columnTargets, options.origin?.firstRow ?? null);
  const preview = previewRows(block, read.ledger.rows, { sections, today }, { ...options, columnTargets, sectionAliases });
  return ok({ ...preview, remember: { columnTargets: formatRemembered(columnTargets), sectionAliases: formatRemembered(sectionAliases) } });
}

/**
 * The 设置 cells that remember the preview's choices, where they differ from what 设置 holds: the
 * row of each name (设置's used range starts at A1), or new rows below the last (a ledger made
 * before these rows existed; 初始化台账 adds them too).
 */
export function rememberWrites(
  used: { values: unknown[][] } | null,
  remember: ImportPreview['remember'],
): { row: number; name: string; value: string; isNew: boolean }[] {
  if (!used || !remember) return [];
  const rowOf = new Map<string, number>();
  used.values.forEach((r, i) => {
    const name = typeof r[0] === 'string' ? r[0].trim() : '';
    if (name && !rowOf.has(name)) rowOf.set(name, i + 1);
  });
  let next = used.values.length + 1;
  const out: { row: number; name: string; value: string; isNew: boolean }[] = [];
  for (const [name, value] of [
    [REMEMBER_COLUMNS, remember.columnTargets],
    [REMEMBER_SECTIONS, remember.sectionAliases],
  ] as const) {
    const at = rowOf.get(name);
    const current = at === undefined ? '' : cellText(used.values[at - 1]?.[1]);
    if (current === value) continue;
    out.push(at === undefined ? { row: next++, name, value, isNew: true } : { row: at, name, value, isNew: false });
  }
  return out;
}

/** A text cell written so that it reads back as the same string (cells.textCell). */
export const encode = (v: CellValue): CellValue => (typeof v === 'string' ? textCell(v) : v);

/**
 * 操作日志 時间 of the import's lines: the action's day (设置 今天, as every action is dated) at
 * the wall-clock time of day, so the log reads in the ledger's own calendar.
 */
export function importLogLine(ctx: ActionContext, action: string, id: string, section: string, before: string, after: string): Record<string, CellValue> {
  return logLine(ctx.actor, stampOn(ctx.on, ctx.now), ctx.opId, action, before, after, id, section);
}

/** What every write of the import reads in sync 1: the write state of 台账 and 操作日志 (and `more`), and 操作日志's header. */
export function queueCommon(context: Excel.RequestContext, more: readonly string[] = []) {
  const state = queueWriteState(context, [LEDGER, LOG, ...more]);
  const logHeader = context.workbook.tables.getItem(LOG).getHeaderRowRange().load('values');
  return {
    read: (opId: string) => ({ ...state.read(opId), logHeaders: logHeader.values[0].map((h) => String(h ?? '').trim()) }),
  };
}

export type Common = ReturnType<ReturnType<typeof queueCommon>['read']>;

export const withUnprotected = (context: Excel.RequestContext, c: Common, writes: () => void, more: readonly string[] = []) =>
  queueUnprotected(context, [LEDGER, LOG, ...more], c, writes);

/**
 * Sync 1 of apply and undo: the ledger's input columns (payload-safe; formula columns are never
 * read), by row. The rows an action then rewrites whole are read again, values and formulas, by
 * `readRowsByKey` just before the write.
 */
export function queueLedger(context: Excel.RequestContext) {
  const table = queueTable(context, LEDGER);
  return {
    read() {
      const g = table.readGrid();
      const index = headerIndex(g.headers);
      const idAt = index.get('编号') ?? -1;
      const rowOf = new Map<string, number>();
      const values = g.rows.map((r) => r.cells);
      values.forEach((r, k) => {
        const id = cellText(r[idAt]);
        if (id && !rowOf.has(id)) rowOf.set(id, k);
      });
      const cells = (k: number, headers: readonly string[]) => rowCells(index, values[k], headers);
      return { headers: g.headers, index, values, rowNumbers: g.rows.map((r) => r.row), rowOf, letters: g.letters, idAt, cells };
    },
  };
}

export type LedgerRead = ReturnType<ReturnType<typeof queueLedger>['read']>;

/** The input cells (and 操作ID) of a body row as read, by header. */
function rowCells(index: Map<string, number>, row: readonly unknown[], headers: readonly string[]): Record<string, CellValue> {
  const out: Record<string, CellValue> = {};
  for (const h of headers) out[h] = (row[index.get(h) ?? -1] ?? '') as CellValue;
  return out;
}

export interface PendingRow {
  id: string;
  changes: Record<string, CellValue>;
}

/** Each pending change applied to its row as it stands now (read by key): whole rows ready to write. */
export async function rowsToWrite(context: Excel.RequestContext, headers: readonly string[], pending: readonly PendingRow[]) {
  const { rows, syncs } = await readRowsByKey(
    context,
    LEDGER,
    '编号',
    pending.map((p) => p.id),
  );
  const writes = pending.flatMap(({ id, changes }) => {
    const r = rows.get(id);
    return r ? [{ id, row: patchedRow(headers, r.values, r.formulas, changes) }] : [];
  });
  return { writes, syncs };
}

/** Sync 1 failed: not initialised, or the sync's own message. */
export function readFailed<T>(e: unknown): Attempt<T> {
  return done(isNotFound(e) ? err('not-initialised', t.notInitialised) : err('sync-failed', t.syncFailed(syncMessage(e))));
}

export interface ImportOutcome {
  opId: string;
  /** 编号 of the added rows, in pasted order (numbers given at apply included) */
  added: { pastedRow: number; id: string }[];
  updated: { pastedRow: number; id: string }[];
  /** rows not applied: changed since the preview, 编号 taken, row gone, no longer valid */
  skipped: { pastedRow: number; id: string; message: string }[];
  syncs: number;
}

/** What one attempt plans to write. */
interface Plan {
  outcome: ImportOutcome;
  logs: Record<string, CellValue>[];
  pending: PendingRow[];
  appended: Record<string, CellValue>[];
}

/** Apply a preview's additions and updates under ONE operation id (ctx.opId). */
export function applyImport(run: ExcelRun, preview: ImportPreview, ctx: ActionContext): Promise<Result<ImportOutcome>> {
  return rollForward(run, () => applyAttempt(run, preview, ctx));
}

async function applyAttempt(run: ExcelRun, preview: ImportPreview, ctx: ActionContext): Promise<Attempt<ImportOutcome>> {
  return run(async (context) => {
    let syncs = 0;
    // ---- round trip 1
    const ledger = queueLedger(context);
    const people = queueTable(context, PEOPLE);
    const remembering = preview.remember ? [SETTINGS] : [];
    const common = queueCommon(context, remembering);
    const settings = preview.remember ? queueUsedRange(context, SETTINGS) : null;
    try {
      syncs += 1;
      await context.sync();
      syncs += await completeReads(context);
    } catch (e) {
      return readFailed<ImportOutcome>(e);
    }
    const c = common.read(ctx.opId);
    const L = ledger.read();
    const sections = sectionsFromTable(people.read()).map((p) => p.section);
    const plan: Plan = { outcome: { opId: ctx.opId, added: [], updated: [], skipped: [], syncs: 0 }, logs: [], pending: [], appended: [] };
    planUpdates(plan, preview, L, c, ctx, sections);
    planAdditions(plan, preview, L, c, ctx, sections);
    // a ledger older than the add-in: new rows' formulas would read columns it lacks
    const lacking = plan.appended.length > 0 ? missingFormulaColumn(L.headers, LEDGER_COLUMNS) : undefined;
    if (lacking) return done(err('column-missing', t.columnMissing(lacking, '导入')));
    if (plan.logs.length === 0 && plan.appended.length === 0 && plan.pending.length === 0) {
      plan.outcome.syncs = syncs;
      return done(ok(plan.outcome));
    }
    // ---- round trip 2 (one per slice of rows; none without updates): the rows to update as they stand
    let writes: { id: string; row: CellValue[] }[] = [];
    try {
      const read = await rowsToWrite(context, L.headers, plan.pending);
      writes = read.writes;
      syncs += read.syncs;
    } catch (e) {
      return done(err('sync-failed', t.syncFailed(syncMessage(e))));
    }
    // ---- the write: locate update rows (a missing row fails the sync before any write), then
    // log lines, the appended rows, and LAST each updated row as one operation carrying 操作ID.
    const located = writes.map((w) => ({ at: locateRow(context, LEDGER, '编号', w.id), row: w.row }));
    const remember = rememberWrites(settings?.read() ?? null, preview.remember);
    withUnprotected(
      context,
      c,
      () => {
        queueAppend(context, LOG, c.logHeaders, LOG_COLUMNS, plan.logs, c.placeholder(LOG));
        queueAppend(context, LEDGER, L.headers, LEDGER_COLUMNS, plan.appended, c.placeholder(LEDGER));
        const ws = remember.length > 0 ? context.workbook.worksheets.getItem(SETTINGS) : null;
        for (const r of remember) {
          if (r.isNew) ws!.getRange(`A${r.row}:B${r.row}`).values = [[r.name, textCell(r.value)]];
          else ws!.getRange(`B${r.row}`).values = [[textCell(r.value)]];
        }
        for (const w of located) w.at.writeRow(w.row);
      },
      remembering,
    );
    try {
      syncs += 1;
      await context.sync();
    } catch (e) {
      return writeFailed(e, c);
    }
    plan.outcome.syncs = syncs;
    return done(ok(plan.outcome));
  });
}

/** Updates: skipped when gone, changed since the preview or no longer valid; else patched and logged. */
function planUpdates(plan: Plan, preview: ImportPreview, L: LedgerRead, c: Common, ctx: ActionContext, sections: readonly string[]): void {
  const opAt = L.index.get('操作ID') ?? -1;
  for (const u of preview.update) {
    const k = L.rowOf.get(u.id);
    if (k === undefined) {
      plan.outcome.skipped.push({ pastedRow: u.pastedRow, id: u.id, message: a.rowGone(u.id) });
      continue;
    }
    const row = L.values[k];
    const current = L.cells(k, [...INPUT_HEADERS, '操作ID']);
    const landed = cellText(row[opAt]) === ctx.opId;
    if (!landed) {
      if (!u.changes.every((ch) => sameCell(current[ch.header], ch.before))) {
        plan.outcome.skipped.push({ pastedRow: u.pastedRow, id: u.id, message: a.changedSincePreview(u.id) });
        continue;
      }
      // what is written must read back as a valid row
      const merged: Record<string, unknown> = rowRecord(
        L.index,
        row.map((x) => (x === '' ? null : x)),
      );
      for (const ch of u.changes) merged[ch.header] = ch.after === '' ? null : ch.after;
      const v = validateLedgerRow(merged, { sheet: LEDGER, rowNumber: L.rowNumbers[k], columnLetters: L.letters, sections });
      if (!v.item) {
        plan.outcome.skipped.push({ pastedRow: u.pastedRow, id: u.id, message: a.rowInvalid(u.id, v.errors[0]?.message ?? '') });
        continue;
      }
      const changes: Record<string, CellValue> = {};
      for (const ch of u.changes) changes[ch.header] = encode(ch.after);
      plan.pending.push({ id: u.id, changes: { ...changes, 操作ID: textCell(ctx.opId) } });
    }
    plan.outcome.updated.push({ pastedRow: u.pastedRow, id: u.id });
    if (c.logged(u.id)) continue;
    const before: Record<string, CellValue> = {};
    const after: Record<string, CellValue> = {};
    for (const ch of u.changes) {
      before[ch.header] = ch.before;
      after[ch.header] = ch.after;
    }
    // the row's 操作ID before, for 撤销导入 to put back (when the row already landed, the line was
    // written by the attempt that wrote the row: lines go first in the same sync)
    if (!landed && current['操作ID'] !== '') before['操作ID'] = current['操作ID'];
    plan.logs.push(importLogLine(ctx, importText.log.updated, u.id, u.after.section, formatCells(before), formatCells(after)));
  }
}

/** The non-blank input cells of an added row: what its 导入新增 line lists. */
const filled = (cells: Record<string, CellValue>) => Object.fromEntries(Object.entries(cells).filter(([, v]) => v !== ''));

/** Additions: all in one append operation, so either all landed (a retry only logs) or none did. */
function planAdditions(plan: Plan, preview: ImportPreview, L: LedgerRead, c: Common, ctx: ActionContext, sections: readonly string[]): void {
  const opAt = L.index.get('操作ID') ?? -1;
  const updateIds = new Set(preview.update.map((u) => u.id));
  const landedRows = L.values.map((r, k) => ({ r, k })).filter(({ r }) => cellText(r[opAt]) === ctx.opId && !updateIds.has(cellText(r[L.idAt])));
  if (landedRows.length > 0) {
    for (const [i, { r, k }] of landedRows.entries()) {
      const id = cellText(r[L.idAt]);
      plan.outcome.added.push({ pastedRow: preview.add[i]?.pastedRow ?? 0, id });
      if (!c.logged(id)) {
        const cells = L.cells(k, INPUT_HEADERS);
        plan.logs.push(importLogLine(ctx, importText.log.added, id, cellText(cells['承办科室']), '', formatCells(filled(cells))));
      }
    }
    return;
  }
  const ids = L.values.map((r) => cellText(r[L.idAt]));
  const year = Number(ctx.on.slice(0, 4));
  for (const add of preview.add) {
    if (!add.toNumber && L.rowOf.has(add.item.id)) {
      plan.outcome.skipped.push({ pastedRow: add.pastedRow, id: add.item.id, message: a.idTakenSincePreview(add.item.id) });
      continue;
    }
    const id = add.toNumber ? nextItemNumber(ids, year) : add.item.id;
    ids.push(id);
    const cells = itemValues({ ...add.item, id });
    const v = validateLedgerRow(Object.fromEntries(Object.entries(cells).map(([h, x]) => [h, x === '' ? null : x])), {
      sheet: LEDGER,
      rowNumber: (L.rowNumbers[L.rowNumbers.length - 1] ?? 1) + 1,
      columnLetters: L.letters,
      sections,
    });
    if (!v.item) {
      plan.outcome.skipped.push({ pastedRow: add.pastedRow, id, message: a.rowInvalid(id, v.errors[0]?.message ?? '') });
      continue;
    }
    plan.appended.push({ ...Object.fromEntries(Object.entries(cells).map(([h, x]) => [h, encode(x)])), 操作ID: textCell(ctx.opId) });
    plan.outcome.added.push({ pastedRow: add.pastedRow, id });
    if (!c.logged(id)) plan.logs.push(importLogLine(ctx, importText.log.added, id, add.item.section, '', formatCells(filled(cells))));
  }
}
