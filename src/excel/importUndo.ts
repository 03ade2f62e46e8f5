/**
 * 撤销导入: the import `opId` undone from its own 操作日志 lines (动作 导入新增 / 导入更新, whose
 * 变更前 / 变更后 logText.ts reads back exactly).
 *
 * - An added row is DELETED as a table row, found by its 编号 at write time (never by a position
 *   read earlier: a co-author may have sorted or inserted rows), so the ledger has no blank row
 *   afterwards and the next 立项 lands right below the last item. Only when the added rows are the
 *   whole body (the ledger was empty) is one kept, cleared: a table keeps one body row.
 * - An updated row gets its before values back (操作ID included).
 * - A row changed after the import is left alone and reported. Undo is idempotent: a row already
 *   gone or already holding its before values is counted as such, and nothing is written twice
 *   (its own lines are keyed by the undo's operation id, and go first).
 * Round trips: read; the rows to restore, read whole; write — fixed, as apply's.
 */
import { sameCell } from '../domain/import';
import { formatCells, parseCells } from '../domain/import/logText';
import { err, ok, type Result } from '../domain/result';
import { excel as t } from '../i18n/excel';
import { importText } from '../i18n/import';
import { LOG_COLUMNS } from '../workbook/schema';
import { cellText, type CellValue } from './cells';
import {
  INPUT_HEADERS,
  LEDGER,
  LOG,
  encode,
  importLogLine,
  queueCommon,
  queueLedger,
  readFailed,
  rowsToWrite,
  withUnprotected,
  type Common,
  type LedgerRead,
  type PendingRow,
} from './importApply';
import type { ActionContext } from './ledgerService';
import { locateRow, queueAppend } from './ledgerWrites';
import { syncMessage } from './operationLog';
import type { ExcelRun } from './run';
import { completeReads, queueTable } from './tableRead';
import { done, rollForward, writeFailed, type Attempt } from './writePath';

const a = importText.apply;
const L10N = importText.log;

export interface UndoOutcome {
  /** 编号 of the added rows deleted */
  removed: string[];
  /** 编号 of the updated rows given their before values back */
  restored: string[];
  /** rows already as before (an earlier undo) */
  already: string[];
  /** rows changed after the import: left alone */
  skipped: { id: string; message: string }[];
}

/** One row of the import, as its 操作日志 line tells it. */
interface ImportedLine {
  id: string;
  section: string;
  added: boolean;
  /** cells before (updates; 操作ID included when the row had one) */
  before: Record<string, CellValue>;
  /** cells as the import wrote them, 操作ID included */
  after: Record<string, CellValue>;
}

/** The import's lines in 操作日志 (lines someone edited so they no longer read back are skipped). */
function importedLines(rows: readonly { values: Record<string, unknown> }[], opId: string): ImportedLine[] {
  const out: ImportedLine[] = [];
  for (const r of rows) {
    const action = cellText(r.values['动作']);
    if (cellText(r.values['操作ID']) !== opId || (action !== L10N.added && action !== L10N.updated)) continue;
    const added = action === L10N.added;
    const before = added ? {} : parseCells(r.values['变更前']);
    const after = parseCells(r.values['变更后']);
    const id = cellText(r.values['编号']);
    if (!id || !before || !after) continue;
    out.push({ id, section: cellText(r.values['科室']), added, before, after: { ...after, 操作ID: opId } });
  }
  return out;
}

/** Undo the import `opId` (its 操作日志 lines), as operation ctx.opId. Rolled forward on failure. */
export function undoImport(run: ExcelRun, opId: string, ctx: ActionContext): Promise<Result<UndoOutcome>> {
  return rollForward(run, () => undoAttempt(run, opId, ctx));
}

interface UndoPlan {
  out: UndoOutcome;
  /** updated rows: their before values */
  restore: PendingRow[];
  /** added rows to delete, by 编号 */
  remove: string[];
  logs: Record<string, CellValue>[];
}

async function undoAttempt(run: ExcelRun, opId: string, ctx: ActionContext): Promise<Attempt<UndoOutcome>> {
  return run(async (context) => {
    const ledger = queueLedger(context);
    const body = context.workbook.tables.getItem(LEDGER).getDataBodyRange().load('rowCount');
    const log = queueTable(context, LOG);
    const common = queueCommon(context);
    try {
      await context.sync();
      await completeReads(context);
    } catch (e) {
      return readFailed<UndoOutcome>(e);
    }
    const c = common.read(ctx.opId);
    const L = ledger.read();
    const lines = importedLines(log.read().rows, opId);
    if (lines.length === 0) return done(err('nothing-to-undo', a.nothingToUndo));
    const plan = planUndo(lines, L, c, ctx);
    // a table keeps one body row: when every row would go, the last is cleared instead
    if (plan.remove.length > 0 && plan.remove.length >= body.rowCount) {
      const kept = plan.remove.pop()!;
      plan.restore.push({ id: kept, changes: Object.fromEntries([...INPUT_HEADERS, '操作ID'].map((h) => [h, ''])) });
    }
    if (plan.restore.length === 0 && plan.remove.length === 0 && plan.logs.length === 0) return done(ok(plan.out));
    let writes: { id: string; row: CellValue[] }[] = [];
    try {
      writes = (await rowsToWrite(context, L.headers, plan.restore)).writes;
    } catch (e) {
      return done(err('sync-failed', t.syncFailed(syncMessage(e))));
    }
    // the undo's lines go first (keyed by its own id); rows restored are located before any write.
    // Each added row is found by its 编号 right before it is deleted, so every find sees the table
    // as the deletions before it left it.
    const located = writes.map((w) => ({ at: locateRow(context, LEDGER, '编号', w.id), row: w.row }));
    withUnprotected(context, c, () => {
      queueAppend(context, LOG, c.logHeaders, LOG_COLUMNS, plan.logs, c.placeholder(LOG));
      for (const w of located) w.at.writeRow(w.row);
      for (const id of plan.remove) locateRow(context, LEDGER, '编号', id).deleteRow();
    });
    try {
      await context.sync();
    } catch (e) {
      return writeFailed(e, c);
    }
    return done(ok(plan.out));
  });
}

/** Decide each line's row: delete, restore, already done, or changed since (left alone). */
function planUndo(lines: readonly ImportedLine[], L: LedgerRead, c: Common, ctx: ActionContext): UndoPlan {
  const plan: UndoPlan = { out: { removed: [], restored: [], already: [], skipped: [] }, restore: [], remove: [], logs: [] };
  for (const l of lines) {
    const k = L.rowOf.get(l.id);
    if (k === undefined) {
      // an added row already deleted (or an updated row gone: nothing to restore into)
      if (l.added) plan.out.already.push(l.id);
      else plan.out.skipped.push({ id: l.id, message: a.updatedRowGone(l.id) });
      continue;
    }
    const current = L.cells(k, [...INPUT_HEADERS, '操作ID']);
    if (!l.added && Object.keys(l.before).every((h) => sameCell(current[h], l.before[h]))) {
      plan.out.already.push(l.id);
      continue;
    }
    // an added row: every input cell as the import wrote it (blank where the line lists none)
    const checked = l.added ? [...INPUT_HEADERS, '操作ID'] : Object.keys(l.after);
    if (!checked.every((h) => sameCell(current[h], l.after[h] ?? ''))) {
      plan.out.skipped.push({ id: l.id, message: a.changedSinceImport(l.id) });
      continue;
    }
    const { 操作ID: _op, ...written } = l.after;
    if (l.added) {
      plan.remove.push(l.id);
      plan.out.removed.push(l.id);
    } else {
      const target = { ...l.before, ...('操作ID' in l.before ? {} : { 操作ID: '' }) };
      plan.restore.push({ id: l.id, changes: Object.fromEntries(Object.entries(target).map(([h, x]) => [h, encode(x)])) });
      plan.out.restored.push(l.id);
    }
    if (!c.logged(l.id)) {
      const after = l.added ? L10N.removedRow : formatCells(l.before);
      plan.logs.push(importLogLine(ctx, L10N.undone, l.id, l.section, formatCells(written), after));
    }
  }
  return plan;
}
