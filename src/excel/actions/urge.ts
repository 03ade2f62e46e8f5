/**
 * 催办 of a section: every overdue item of the section gets a 催办 record and log line. Round trips:
 * 1 read (+ one per read slice of a large 台账), 1 re-read of the rows to patch (+ one per slice),
 * 1 write per slice of ≤ 4 MB; each row is written as one operation carrying the operation id, so
 * a retry skips what landed.
 */
import { createCalendar } from '../../domain/calendar';
import { err, ok, type Result } from '../../domain/result';
import { itemStatus } from '../../domain/status';
import type { FeedbackRecord } from '../../domain/types';
import { applyAction } from '../../domain/workflow';
import { excel as t } from '../../i18n/excel';
import { ledgerFromTable, overridesFromTable, sectionsFromTable, settingsFromPairs } from '../../workbook/ledgerData';
import { LOG_COLUMNS, RECORD_COLUMNS } from '../../workbook/schema';
import { cellText, textCell, type CellValue } from '../cells';
import { changedCells, recordCells } from '../ledgerCodec';
import type { ActionContext } from '../ledgerService';
import { locateRow, patchedRow, queueAppend, readRowsByKey, writeSlices } from '../ledgerWrites';
import { syncMessage } from '../operationLog';
import type { ExcelRun } from '../run';
import { queueTable, queueUsedRange } from '../tableRead';
import { done, queueUnprotected, queueWriteState, rollForward, settingsPairs, writeFailed, type Attempt } from '../writePath';
import { CALENDAR, LEDGER, LOG, PEOPLE, RECORDS, SETTINGS, describe, headerTexts, logRow, syncReads, type ActionDeps } from './shared';

export function urgeOverdue(deps: ActionDeps, section: string, content: string, ctx: ActionContext): Promise<Result<{ itemIds: string[] }>> {
  return rollForward(deps.run, () => urgeAttempt(deps.run, section, content, ctx));
}

async function urgeAttempt(run: ExcelRun, section: string, content: string, ctx: ActionContext): Promise<Attempt<{ itemIds: string[] }>> {
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
    const read = await syncReads(context);
    if (!read.ok) return done(read);
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
    const headers = headerTexts(ledgerHeader);
    const recHeaders = headerTexts(recHeader);
    const logHeaders = headerTexts(logHeader);

    // ---- round trip 2 (one per slice of rows): the rows to patch as they stand, values and formulas
    let rows: Map<string, { values: unknown[]; formulas: unknown[] }>;
    try {
      rows = (
        await readRowsByKey(
          context,
          LEDGER,
          '编号',
          patches.map((p) => p.id),
        )
      ).rows;
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
            queueAppend(
              context,
              RECORDS,
              recHeaders,
              RECORD_COLUMNS,
              recs.map((r) => recordCells(r, ctx.opId)),
              c.placeholder(RECORDS),
            );
            queueAppend(context, LOG, logHeaders, LOG_COLUMNS, logs, c.placeholder(LOG));
          }
          for (const w of located) w.at.writeRow(w.row);
        });
        await context.sync();
      }
    } catch (e) {
      return writeFailed(e, c);
    }
    return done(ok({ itemIds: urged }));
  });
}
