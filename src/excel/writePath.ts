/**
 * The one write path of the ledger actions (立项, the workflow actions, 催办, 导入 and its undo):
 * what every write reads first, the protection cycle around the writes, and roll-forward after a
 * write that failed part-way. Written once here so that each action only says what it writes.
 *
 * - `queueWriteState` (in the action's first sync): the password (设置 保护密码), which sheets are
 *   protected, which tables hold only their empty placeholder row, and which (操作ID, 编号) pairs
 *   操作日志 and 反馈记录 already hold — a retry under the same operation id skips them.
 * - `queueUnprotected`: unprotect → writes → protect, for the sheets that were protected (unprotect
 *   fails on an unprotected sheet, office-js #6784). Formula columns are locked, and a table grows
 *   and a whole row (formulas included) is written only on an unprotected sheet, so each write
 *   action needs one cycle; docs/protection.md gives the evidence.
 * - `rollForward`: a write sync that fails part-way (Excel applies the operations before the failing
 *   one) is run once more under the same operation id; every step already done is recognised and
 *   skipped. Whatever the outcome, the sheets that were protected end protected.
 */
import { err, type Result } from '../domain/result';
import { excel as t } from '../i18n/excel';
import { settingsFromPairs } from '../workbook/ledgerData';
import { LEDGER_COLUMNS, LOG_COLUMNS, RECORD_COLUMNS, type ColumnSpec } from '../workbook/schema';
import { cellText } from './cells';
import { queuePlaceholderCheck } from './ledgerWrites';
import { syncMessage } from './operationLog';
import { queueProtect, queueUnprotect } from './protection';
import type { ExcelRun } from './run';
import { queueColumns, queueUsedRange } from './tableRead';
import { SHEET } from '../workbook/sheetNames';

const COLUMNS_OF: Record<string, readonly ColumnSpec[]> = {
  台账: LEDGER_COLUMNS,
  反馈记录: RECORD_COLUMNS,
  操作日志: LOG_COLUMNS,
};

/** 设置: column A 名称 → column B 值; also whether 今天 is a formula (TODAY()) or a fixed date. */
export function settingsPairs(used: { values: unknown[][]; formulas: unknown[][] }) {
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

export interface WriteState {
  password: string;
  /** the sheets (of those asked for) that were protected when read */
  protectedSheets: Set<string>;
  /** the table's body is only its empty placeholder row: appends start there */
  placeholder(table: string): boolean;
  /** 操作日志 already has this operation's line for the item */
  logged(itemId: string): boolean;
  /** 反馈记录 already has this operation's rows for the item */
  recorded(itemId: string): boolean;
  /**
   * 操作日志 has this operation's line for the item and, below it, a line of `laterOpId` for the
   * same item: another action has been applied since, so a retry of this one is complete.
   */
  overtakenBy(itemId: string, laterOpId: string): boolean;
}

/**
 * Queue the reads every write needs, for the sheets (= tables) it writes; `read(opId)` after the
 * sync and `completeReads`. 反馈记录's keys are read only when it is among `sheets`.
 */
export function queueWriteState(context: Excel.RequestContext, sheets: readonly string[]) {
  const settings = queueUsedRange(context, SHEET.settings);
  const logKeys = queueColumns(context, SHEET.log, ['操作ID', '编号']);
  const recordKeys = sheets.includes(SHEET.records) ? queueColumns(context, SHEET.records, ['操作ID', '编号']) : null;
  const protection = sheets.map((name) => ({ name, p: context.workbook.worksheets.getItem(name).protection.load('protected') }));
  const placeholders = sheets.filter((n) => COLUMNS_OF[n]).map((n) => ({ n, q: queuePlaceholderCheck(context, n, COLUMNS_OF[n]) }));
  const pairs = (k: { rows(): unknown[][] } | null) => new Set((k?.rows() ?? []).map(([op, id]) => `${cellText(op)}|${cellText(id)}`));
  /** (操作ID|编号) → the first log line that has it, in sheet order */
  const order = (k: { rows(): unknown[][] }) => {
    const at = new Map<string, number>();
    k.rows().forEach(([op, id], i) => {
      const key = `${cellText(op)}|${cellText(id)}`;
      if (!at.has(key)) at.set(key, i);
    });
    return at;
  };
  return {
    read(opId: string): WriteState {
      const logged = pairs(logKeys);
      const logAt = order(logKeys);
      const recorded = pairs(recordKeys);
      const empty = new Set(placeholders.filter(({ q }) => q.read()).map(({ n }) => n));
      return {
        password: settingsFromPairs(settingsPairs(settings.read()).byName).password,
        protectedSheets: new Set(protection.filter((x) => x.p.protected).map((x) => x.name)),
        placeholder: (table) => empty.has(table),
        logged: (itemId) => logged.has(`${opId}|${itemId}`),
        recorded: (itemId) => recorded.has(`${opId}|${itemId}`),
        overtakenBy: (itemId, laterOpId) => {
          const mine = logAt.get(`${opId}|${itemId}`);
          const later = logAt.get(`${laterOpId}|${itemId}`);
          return mine !== undefined && later !== undefined && later > mine;
        },
      };
    },
  };
}

/** unprotect → writes → protect, for those of `sheets` that were protected. */
export function queueUnprotected(
  context: Excel.RequestContext,
  sheets: readonly string[],
  state: Pick<WriteState, 'password' | 'protectedSheets'>,
  writes: () => void,
): void {
  for (const n of sheets) queueUnprotect(context, n, state.protectedSheets.has(n), state.password);
  writes();
  for (const n of sheets) queueProtect(context, n, state.protectedSheets.has(n), state.password);
}

/** One attempt of a write action: finished (ok, or refused before writing), or failed in a write sync. */
export type Attempt<T> = { kind: 'done'; result: Result<T> } | { kind: 'writeFailed'; message: string; protectedSheets: string[]; password: string };

export const done = <T>(result: Result<T>): Attempt<T> => ({ kind: 'done', result });

export function writeFailed<T>(e: unknown, state: Pick<WriteState, 'password' | 'protectedSheets'>): Attempt<T> {
  return { kind: 'writeFailed', message: syncMessage(e), protectedSheets: [...state.protectedSheets], password: state.password };
}

/**
 * Run an attempt; a failed write is rolled FORWARD once under the same operation id. Then the
 * sheets that were protected before the first attempt are protected again (a failed write may have
 * left them unprotected, and the second attempt saw them so). If both failed, the error says so and
 * the user's 重试 completes it later, under the same id.
 */
export async function rollForward<T>(run: ExcelRun, attempt: () => Promise<Attempt<T>>): Promise<Result<T>> {
  const first = await attempt();
  if (first.kind === 'done') return first.result;
  const second = await attempt();
  await restoreProtection(run, first.protectedSheets, first.password).catch(() => undefined);
  if (second.kind === 'done') return second.result;
  return err('sync-failed', t.syncFailed(second.message));
}

/** After a failed write: protect again those of `sheets` that are no longer protected. */
export async function restoreProtection(run: ExcelRun, sheets: readonly string[], password: string | null | undefined): Promise<void> {
  if (sheets.length === 0) return;
  await run(async (context) => {
    const ws = sheets.map((n) => context.workbook.worksheets.getItemOrNullObject(n).load('name, protection/protected'));
    await context.sync();
    for (const w of ws) if (!w.isNullObject && !w.protection.protected) queueProtect(context, w, true, password);
    await context.sync();
  });
}
