/**
 * 办理: one workflow action on one item (交办, 反馈, 审签, 申请办结, 初核, 审定, 退回, 重新立项, …).
 * Round trips: 1 read (the item's row found by 编号 now, headers, sections, keys, protection),
 * 1 write (records, log lines, and LAST the item row as one operation carrying the operation id,
 * so a retry that finds its id there is complete). The domain core decides (applyAction).
 */
import { nextItemNumber } from '../../domain/itemNumber';
import { err, ok, type Result } from '../../domain/result';
import type { LedgerItem } from '../../domain/types';
import { validateLedgerRow } from '../../domain/validation';
import { applyAction, type Action, type ActionOutcome } from '../../domain/workflow';
import { excel as t } from '../../i18n/excel';
import { sectionsFromTable } from '../../workbook/ledgerData';
import { LEDGER_COLUMNS, LOG_COLUMNS, RECORD_COLUMNS } from '../../workbook/schema';
import { cellText, dateCell, textCell } from '../cells';
import { changedCells, headerIndex, itemCells, missingFormulaColumn, recordCells, rowRecord } from '../ledgerCodec';
import type { ActionContext, StoredRecord } from '../ledgerService';
import { locateRow, patchedRow, queueAppend, readRowsByKey } from '../ledgerWrites';
import { isNotFound } from '../operationLog';
import type { ExcelRun } from '../run';
import { queueColumns, queueTable } from '../tableRead';
import { REPORT_COLUMNS, checkReport } from './reportCheck';
import { done, queueUnprotected, queueWriteState, rollForward, writeFailed, type Attempt } from '../writePath';
import { LEDGER, LOG, PEOPLE, RECORDS, describe, headerTexts, lettersOf, logRow, rowProblem, syncReads, type ActionDeps } from './shared';

export function act(deps: ActionDeps, itemId: string, action: Action, ctx: ActionContext): Promise<Result<ActionOutcome>> {
  return rollForward(deps.run, () => actAttempt(deps.run, itemId, action, ctx));
}

async function actAttempt(run: ExcelRun, itemId: string, action: Action, ctx: ActionContext): Promise<Attempt<ActionOutcome>> {
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
    const signing = action.type === '审签' || action.type === '审签退回';
    const reports = signing ? queueColumns(context, RECORDS, REPORT_COLUMNS) : null;
    const common = queueWriteState(context, [LEDGER, RECORDS, LOG]);
    const read = await syncReads(context, err('item-not-found', t.itemNotFound(itemId)));
    if (!read.ok) return done(read);
    const keyRows = keys?.rows() ?? null;
    const c = common.read(ctx.opId);
    const headers = headerTexts(header);
    const index = headerIndex(headers);
    const sections = sectionsFromTable(people.read()).map((p) => p.section);
    const v = validateLedgerRow(
      rowRecord(
        index,
        row.values[0].map((x) => (x === '' ? null : x)),
      ),
      {
        sheet: LEDGER,
        rowNumber: row.rowIndex + 1,
        columnLetters: lettersOf(headers, header.columnIndex),
        sections,
      },
    );
    if (!v.item) return done(err('row-invalid', t.rowInvalid(v.errors[0]?.message ?? '', v.errors.length - 1)));
    // The row carries the id of the last operation applied to it, written together with its
    // values: a retry of an operation that got that far is complete — and so is one that another
    // action has overtaken since (its log line stands below this one's).
    const rowOp = cellText(row.values[0][index.get('操作ID') ?? -1]);
    if (rowOp === ctx.opId || (rowOp !== '' && c.overtakenBy(itemId, rowOp))) {
      return done(ok({ item: v.item, records: [], newItem: await landedNewItem(context, keyRows, itemId, ctx.opId, headers, sections) }));
    }
    let act = action;
    if (act.type === '重新立项' && !act.newId && keyRows) {
      const landed = keyRows.find(([, op]) => cellText(op) === ctx.opId);
      act = {
        ...act,
        newId: landed
          ? cellText(landed[0])
          : nextItemNumber(
              keyRows.map(([id]) => cellText(id)),
              Number(ctx.on.slice(0, 4)),
            ),
      };
    }
    const out = applyAction(v.item, act, ctx.actor, ctx.on);
    if (!out.ok) return done(out);
    const after = out.value.item;
    const bad = rowProblem(after, sections, row.rowIndex + 1, lettersOf(headers, header.columnIndex));
    if (bad) return done(err('row-invalid', bad));
    const patch = changedCells(v.item, after);
    // A ledger older than a column the action fills (佐证材料): refuse rather than drop what was typed.
    const missing = Object.keys(patch).find((h) => !index.has(h));
    if (missing) return done(err('column-missing', t.columnMissing(missing, action.type)));
    const recHeaders = headerTexts(recHeader);
    const logHeaders = headerTexts(logHeader);
    const signed = action.type === '审签' ? out.value.records : [];
    const appended = action.type === '审签' || c.recorded(itemId) ? [] : out.value.records;
    const changed = Object.keys(patch);
    // an action that changes no 台账 cell (审签退回, 升级) says in the log what it recorded
    const afterText = changed.length > 0 ? describe(after, changed) : out.value.records.map((r) => `${r.type}：${r.content}`).join('；');
    const logs = c.logged(itemId) ? [] : [logRow(ctx, action.type, itemId, after.section, describe(v.item, changed), afterText)];
    const newItem = out.value.newItem;
    const newLanded = keyRows ? keyRows.some(([, op]) => cellText(op) === ctx.opId) : false;
    // 重新立项 on a ledger older than the add-in: the new row's formulas would read columns it lacks
    const lacking = newItem && !newLanded ? missingFormulaColumn(headers, LEDGER_COLUMNS) : undefined;
    if (lacking) return done(err('column-missing', t.columnMissing(lacking, action.type)));
    if (newItem && !c.logged(newItem.id)) {
      logs.push(logRow(ctx, '重新立项', newItem.id, newItem.section, `关联编号=${itemId}`, describe(newItem, ['编号', '事项内容'])));
    }
    // 审签 patches the signed report's own row, keyed by the 操作ID of the 反馈 that wrote it.
    const recordKey = signing ? ((action.record as Partial<StoredRecord>).opId ?? '') : '';
    const self = { signer: ctx.actor.name, on: ctx.on, wroteBefore: c.recorded(itemId) || c.logged(itemId) };
    const standing = reports ? checkReport(reports.rows(), recordKey, self) : ok(null);
    if (!standing.ok) return done(standing);

    // ---- round trip 2: locate rows by key (at sync time); then records, log lines, and LAST the
    // item row as one operation carrying this operation's id.
    const itemRow = locateRow(context, LEDGER, '编号', itemId);
    const recordRow = recordKey ? locateRow(context, RECORDS, '操作ID', recordKey) : null;
    queueUnprotected(context, [LEDGER, RECORDS, LOG], c, () => {
      for (const rec of signed) recordRow?.write({ 审签人: textCell(rec.signer), 审签日期: dateCell(rec.signedOn) });
      if (newItem && !newLanded) {
        queueAppend(context, LEDGER, headers, LEDGER_COLUMNS, [{ ...itemCells(newItem), 操作ID: textCell(ctx.opId) }], c.placeholder(LEDGER));
      }
      queueAppend(
        context,
        RECORDS,
        recHeaders,
        RECORD_COLUMNS,
        appended.map((r) => recordCells(r, ctx.opId)),
        c.placeholder(RECORDS),
      );
      queueAppend(context, LOG, logHeaders, LOG_COLUMNS, logs, c.placeholder(LOG));
      itemRow.writeRow(patchedRow(headers, row.values[0], row.formulas[0], { ...patch, 操作ID: textCell(ctx.opId) }));
    });
    try {
      await context.sync();
    } catch (e) {
      if (isNotFound(e)) return done(err('item-not-found', t.itemNotFound(itemId)));
      return writeFailed(e, c);
    }
    return done(ok(out.value));
  });
}

/**
 * On a retry of 重新立项 that had landed: the new item (the row this operation appended), read
 * again in one more round trip, so the pane can name its 编号 as the first answer did.
 */
async function landedNewItem(
  context: Excel.RequestContext,
  keyRows: unknown[][] | null,
  itemId: string,
  opId: string,
  headers: string[],
  sections: readonly string[],
): Promise<LedgerItem | undefined> {
  const landed = keyRows?.find(([id, op]) => cellText(op) === opId && cellText(id) !== itemId);
  if (!landed) return undefined;
  const id = cellText(landed[0]);
  const { rows } = await readRowsByKey(context, LEDGER, '编号', [id]);
  const r = rows.get(id);
  if (!r) return undefined;
  const v = validateLedgerRow(
    rowRecord(
      headerIndex(headers),
      r.values.map((x) => (x === '' ? null : x)),
    ),
    { sheet: LEDGER, rowNumber: 0, columnLetters: {}, sections },
  );
  return v.item ?? undefined;
}
