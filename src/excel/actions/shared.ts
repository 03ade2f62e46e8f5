/**
 * What the ledger actions share: the seam they run on, the 操作日志 line of an action, a readable
 * summary of the cells it changes, and the check that a row would read back valid.
 */
import type { LedgerItem } from '../../domain/types';
import { LEDGER_INPUT_COLUMNS, validateLedgerRow } from '../../domain/validation';
import { excel as t } from '../../i18n/excel';
import { columnLetter } from '../../workbook/schema';
import { cellText, type CellValue } from '../cells';
import { itemCells } from '../ledgerCodec';
import type { ActionContext } from '../ledgerService';
import { isNotFound, logLine, stampOn, syncMessage } from '../operationLog';
import { completeReads } from '../tableRead';
import { err, ok, type Result } from '../../domain/result';
import type { ExcelRun, ExcelRunOn } from '../run';
import { SHEET } from '../../workbook/sheetNames';

export const LEDGER = SHEET.ledger;
export const RECORDS = SHEET.records;
export const PEOPLE = SHEET.people;
export const CALENDAR = SHEET.calendar;
export const SETTINGS = SHEET.settings;
export const LOG = SHEET.log;

/** What every action runs with. */
export interface ActionDeps {
  run: ExcelRun;
  /** the wall clock (tests fix it) */
  clock: () => Date;
  /** `Excel.run(context, batch)` (removes the selection handler on the context that added it) */
  runOn: ExcelRunOn;
}

/** One 操作日志 line of an action. */
export function logRow(ctx: ActionContext, action: string, itemId: string, section: string, before: string, after: string): Record<string, CellValue> {
  return logLine(ctx.actor, stampOn(ctx.on, ctx.now), ctx.opId, action, before, after, itemId, section);
}

/** A readable "field: value" summary of the cells an action changes, for 操作日志. */
export function describe(item: LedgerItem | null, headers: string[]): string {
  if (!item) return '';
  const cells = itemCells(item);
  return headers.map((h) => `${h}=${typeof cells[h] === 'number' && /日|时限/.test(h) ? (item[fieldOf(h)] ?? '') : cellText(cells[h])}`).join('；');
}

function fieldOf(header: string): keyof LedgerItem {
  return (LEDGER_FIELD_BY_HEADER.get(header) ?? 'note') as keyof LedgerItem;
}

const LEDGER_FIELD_BY_HEADER = new Map<string, string>(LEDGER_INPUT_COLUMNS.map((c) => [c.header, c.field]));

/** Trimmed header texts of a loaded header row. */
export const headerTexts = (header: Excel.Range): string[] => header.values[0].map((h) => String(h).trim());

/** header → column letter, for messages that name the cell (the table may not start in column A). */
export function lettersOf(headers: string[], firstColumnIndex: number): Record<string, string> {
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
export function rowProblem(item: LedgerItem, sections: readonly string[], rowNumber: number, letters: Record<string, string>): string | null {
  const raw: Record<string, unknown> = {};
  for (const col of LEDGER_INPUT_COLUMNS) {
    const v = item[col.field];
    raw[col.header] = v === '' ? null : v;
  }
  const v = validateLedgerRow(raw, { sheet: LEDGER, rowNumber, columnLetters: letters, sections });
  return v.errors.length > 0 ? t.rowInvalid(v.errors[0].message, v.errors.length - 1) : null;
}

/**
 * An action's first sync and its read slices. A failure is the action's refusal: `notFound` when
 * a table or the item is missing (when the action names one), else "sync failed".
 */
export async function syncReads(context: Excel.RequestContext, notFound?: Result<never>): Promise<Result<void>> {
  try {
    await context.sync();
    await completeReads(context);
    return ok(undefined);
  } catch (e) {
    if (notFound && isNotFound(e)) return notFound;
    return err('sync-failed', t.syncFailed(syncMessage(e)));
  }
}
