/**
 * 立项: a new item with the next 编号. Round trips: 1 read (headers, every 编号 and 操作ID, sections,
 * protection), 1 write (the log line, then the row carrying the operation id, then 编号 + 操作ID read
 * back), and a rare 3rd when a co-author took the same number in between (ours is renumbered:
 * two co-authors never keep the same 编号).
 */
import { nextItemNumber, resolveCollisions } from '../../domain/itemNumber';
import { err, ok, type Result } from '../../domain/result';
import type { LedgerItem } from '../../domain/types';
import { registerItem } from '../../domain/workflow';
import { excel as t } from '../../i18n/excel';
import { sectionsFromTable } from '../../workbook/ledgerData';
import { LEDGER_COLUMNS, LOG_COLUMNS } from '../../workbook/schema';
import { cellText, textCell } from '../cells';
import { itemCells, missingFormulaColumn } from '../ledgerCodec';
import type { ActionContext, LedgerService, RegisterOutcome } from '../ledgerService';
import { locateRow, queueAppend } from '../ledgerWrites';
import type { ExcelRun } from '../run';
import { queueColumns, queueTable } from '../tableRead';
import { done, queueUnprotected, queueWriteState, rollForward, writeFailed, type Attempt } from '../writePath';
import { LEDGER, LOG, PEOPLE, RECORDS, describe, headerTexts, lettersOf, logRow, rowProblem, syncReads, type ActionDeps } from './shared';

type RegisterInput = Parameters<LedgerService['register']>[0];

export function register(deps: ActionDeps, input: RegisterInput, ctx: ActionContext): Promise<Result<RegisterOutcome>> {
  return rollForward(deps.run, () => registerAttempt(deps.run, input, ctx));
}

async function registerAttempt(run: ExcelRun, input: RegisterInput, ctx: ActionContext): Promise<Attempt<RegisterOutcome>> {
  return run(async (context) => {
    // ---- round trip 1: headers, every 编号 and 操作ID, sections, keys, protection
    const table = context.workbook.tables.getItem(LEDGER);
    const header = table.getHeaderRowRange().load('values,columnIndex');
    const keys = queueColumns(context, LEDGER, ['编号', '操作ID']);
    const body = table.getDataBodyRange().load('rowCount');
    const people = queueTable(context, PEOPLE);
    const logHeader = context.workbook.tables.getItem(LOG).getHeaderRowRange().load('values');
    const common = queueWriteState(context, [LEDGER, RECORDS, LOG]);
    const read = await syncReads(context, err('not-initialised', t.notInitialised));
    if (!read.ok) return done(read);
    const c = common.read(ctx.opId);
    const headers = headerTexts(header);
    const logHeaders = headerTexts(logHeader);
    const sections = sectionsFromTable(people.read()).map((p) => p.section);
    const year = Number(ctx.on.slice(0, 4));
    // A retry whose row already landed keeps that row and its number.
    const keyRows = keys.rows();
    const landedRow = keyRows.find(([, op]) => cellText(op) === ctx.opId);
    const landed = landedRow ? cellText(landedRow[0]) : null;
    const id =
      landed ??
      nextItemNumber(
        keyRows.map(([k]) => cellText(k)),
        year,
      );
    // a ledger older than the add-in: the new row's formulas would read columns it lacks
    const lacking = landed === null ? missingFormulaColumn(headers, LEDGER_COLUMNS) : undefined;
    if (lacking) return done(err('column-missing', t.columnMissing(lacking, t.logActions.register)));
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
      item = {
        ...item,
        id: nextItemNumber(
          rows.map((r) => r.id),
          year,
        ),
      };
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
    return done(ok({ item, renumbered: true }));
  });
}
