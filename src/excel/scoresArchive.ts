/**
 * 考核存档 (seed §六(二); docs/rules.md "月度考核"): freeze a month's 综评 as VALUES.
 *
 * The month's scores are computed by the domain (`monthlyScores`) from the raw 台账 / 反馈记录
 * fields read in the same action — never copied from 月度考核's formula cells — and appended to the
 * table 考核存档 on the sheet 考核存档 (created on first use, protected like the ledger sheets so a
 * frozen figure is not typed over by accident).
 *
 * Refreezing a month ADDS a new block of rows with 版本 n+1 (and its own 冻结日期 / 冻结人 / 操作ID);
 * earlier versions stay as they were: the archive is an audit trail, the latest 版本 of a month is
 * the one that counts. Each freeze writes one 操作日志 line.
 *
 * The frozen month then leaves 考核明细 (workbook/archive.ts): its rows are deleted in the write
 * sync, so the workbook recounts only the months still open. 考核明细's 月份 column is read with
 * the first round trip.
 *
 * Round trips: 2 when 考核存档 does not exist yet (read · create+write), 3 otherwise (read · read the
 * archive's 月份/版本 and protection · append).
 */
import { monthlyScores, type SectionScore } from '../domain/scoring';
import { err, ok, type Result } from '../domain/result';
import type { IsoDate } from '../domain/types';
import type { CellError } from '../domain/validation';
import type { Actor } from '../domain/workflow';
import { excel as xt } from '../i18n/excel';
import { rounds as t } from '../i18n/rounds';
import { LOG_COLUMNS, columnLetter } from '../workbook/schema';
import { cellDate, cellText, dateCell, textCell, type CellValue } from './cells';
import { queueAppend } from './ledgerWrites';
import { LEDGER_PROTECTION_OPTIONS, queueProtect, queueUnprotect } from './protection';
import type { ExcelRun } from './run';
import { isNotFound, logLine, nowMs, stampOn, queueLedgerInputs, queueLog, queueProtectionStates, syncMessage } from './roundsRead';
import { completeReads } from './tableRead';
import { done, rollForward, writeFailed, type Attempt } from './writePath';
import { SHEET } from '../workbook/sheetNames';
import { ARCHIVE_DATE_HEADERS, ARCHIVE_HEADERS, ARCHIVE_HEADER_ROW, ARCHIVE_TEXT_HEADERS, archiveRecord } from '../workbook/archive';

export const ARCHIVE_SHEET = SHEET.archive;
export const ARCHIVE_TABLE = t.freezeTable;
export { ARCHIVE_HEADERS, ARCHIVE_HEADER_ROW };
const LOG = SHEET.log;
const SCORES = SHEET.scores;
const DETAIL = SHEET.scoreDetail;
const MONTH_RE = /^\d{4}-(0[1-9]|1[0-2])$/;

export interface FreezeOptions {
  /** 今天: the month is scored as it stands at MIN(month end, asOf) */
  asOf: IsoDate;
  actor: Actor;
  opId: string;
  now: Date;
  /** the benchmark's window on the add-in's own time, ms (npm run bench:rounds) */
  onComputeMs?: (ms: number) => void;
}

export interface FreezeOutcome {
  month: string;
  scores: SectionScore[];
  /** 1 for the first freeze of the month, n+1 on a refreeze */
  version: number;
  created: boolean;
  syncs: number;
  rowErrors: CellError[];
}

/** The archive row of one section's score (ARCHIVE_HEADERS order), typed for Office.js. */
export function archiveRow(s: SectionScore, asOf: IsoDate, frozenOn: IsoDate, actor: Actor, version: number, opId: string): CellValue[] {
  const rec = archiveRecord(s, { asOf, frozenOn, actorName: actor.name, version, opId });
  return ARCHIVE_HEADERS.map((h) => {
    const v = rec[h];
    if ((ARCHIVE_DATE_HEADERS as readonly string[]).includes(h)) return dateCell(String(v));
    if ((ARCHIVE_TEXT_HEADERS as readonly string[]).includes(h)) return textCell(String(v));
    return v;
  });
}

export async function freezeMonth(run: ExcelRun, month: string, opts: FreezeOptions): Promise<Result<FreezeOutcome>> {
  if (!MONTH_RE.test(month)) return err('bad-month', t.badMonth(month));
  if (`${month}-01` > opts.asOf) return err('future-month', t.futureMonth(month));
  // a write that fails part-way is rolled forward once under the same operation id (writePath)
  return rollForward(run, () => freezeAttempt(run, month, opts));
}

async function freezeAttempt(run: ExcelRun, month: string, opts: FreezeOptions): Promise<Attempt<FreezeOutcome>> {
  let computeMs = 0;
  return run(async (context) => {
    let syncs = 0;
    const sync = async () => {
      syncs++;
      await context.sync();
    };
    // ---- round trip 1: raw inputs, sheet names, log
    const inputs = queueLedgerInputs(context, { recordTypes: ['退回'] });
    const names = context.workbook.worksheets.load('items/name');
    const tables = context.workbook.tables.load('items/name');
    const log = queueLog(context);
    const prot = queueProtectionStates(context, [LOG, SCORES]);
    const detailMonths = context.workbook.tables.getItem(DETAIL).columns.getItem('月份').getDataBodyRange().load('values');
    try {
      await sync();
      syncs += await completeReads(context);
    } catch (e) {
      if (isNotFound(e)) return done(err('not-initialised', xt.notInitialised));
      return done(err('sync-failed', xt.syncFailed(syncMessage(e))));
    }
    let t0 = nowMs();
    const logState = log.read();
    if (logState.done.has(opts.opId)) return done(err('already-done', xt.alreadyDone));
    const data = inputs.read();
    const scores = monthlyScores({
      items: data.items,
      records: data.records,
      sections: data.sections,
      month,
      today: opts.asOf,
      settings: data.settings,
      cal: data.cal,
    });
    if (scores.length === 0) return done(err('future-month', t.futureMonth(month)));
    // The archive exists once its table does; a sheet without the table is what a write that failed
    // part-way through creating it leaves, and is laid out again.
    const exists = tables.items.some((x) => x.name === ARCHIVE_TABLE);
    const sheetLeft = !exists && names.items.some((x) => x.name === ARCHIVE_SHEET);
    const protectedNow = prot.read();
    const logProtected = protectedNow.has(LOG);
    const scoresProtected = protectedNow.has(SCORES);
    const leaving = detailRowsOf(detailMonths.values, month);
    computeMs += nowMs() - t0;

    // ---- round trip 2 (archive exists): its 月份/版本 columns and protection
    let state: ArchiveState = { version: 1, archiveProtected: false, landed: false, createdByRetry: false, headers: [...ARCHIVE_HEADERS] };
    if (exists) {
      const read = queueArchiveRead(context);
      try {
        await sync();
      } catch (e) {
        return done(err('sync-failed', xt.syncFailed(syncMessage(e))));
      }
      t0 = nowMs();
      state = read.read(month, opts.opId);
      computeMs += nowMs() - t0;
    }
    const { version, archiveProtected, landed, createdByRetry, headers } = state;

    // ---- last round trip: write
    t0 = nowMs();
    const frozenOn = opts.asOf;
    const rows = scores.map((s) => archiveRow(s, opts.asOf, frozenOn, opts.actor, version, opts.opId));
    const byHeader = (row: CellValue[]) => headers.map((h) => row[ARCHIVE_HEADERS.indexOf(h as (typeof ARCHIVE_HEADERS)[number])] ?? '');
    computeMs += nowMs() - t0;
    const pw = data.password;
    queueUnprotect(context, LOG, logProtected, pw);
    if (!exists) {
      // what a failed first freeze left (a sheet, perhaps a table not yet named) goes: nothing in it was published
      if (sheetLeft) context.workbook.worksheets.getItem(ARCHIVE_SHEET).delete();
      const ws = context.workbook.worksheets.add(ARCHIVE_SHEET);
      ws.getRange('A1').values = [[t.freezeTitle]];
      ws.getRange('A1').format.font.bold = true;
      const last = columnLetter(ARCHIVE_HEADERS.length);
      const end = ARCHIVE_HEADER_ROW + rows.length;
      const range = ws.getRange(`A${ARCHIVE_HEADER_ROW}:${last}${end}`);
      range.values = [[...ARCHIVE_HEADERS], ...rows];
      const table = ws.tables.add(`A${ARCHIVE_HEADER_ROW}:${last}${end}`, true);
      table.name = ARCHIVE_TABLE;
      dateColumns(ws, ARCHIVE_HEADER_ROW + 1, rows.length);
      ws.getRange('A:B').format.columnWidth = 110;
      // with the ledger's password from the start: protecting without one and later with one
      // silently sets no password (office-js #762)
      queueProtect(context, ws, true, pw, LEDGER_PROTECTION_OPTIONS);
    } else if (!landed) {
      queueUnprotect(context, ARCHIVE_SHEET, archiveProtected, pw);
      context.workbook.tables.getItem(ARCHIVE_TABLE).getDataBodyRange().getRowsBelow(rows.length).values = rows.map(byHeader);
      queueProtect(context, ARCHIVE_SHEET, archiveProtected, pw);
    } else if (createdByRetry) {
      queueProtect(context, context.workbook.worksheets.getItem(ARCHIVE_SHEET), true, pw, LEDGER_PROTECTION_OPTIONS);
    }
    if (leaving.length > 0) {
      queueUnprotect(context, SCORES, scoresProtected, pw);
      queueLeaveDetail(context, leaving, detailMonths.values.length);
      queueProtect(context, SCORES, scoresProtected, pw);
    }
    queueAppend(context, LOG, logState.headers, LOG_COLUMNS, [
      logLine(
        opts.actor,
        stampOn(opts.asOf, opts.now),
        opts.opId,
        t.freezeLogAction,
        t.freezeLogBefore(month, version - 1),
        t.freezeLogAfter(month, scores.length, version),
      ),
    ]);
    queueProtect(context, LOG, logProtected, pw);
    try {
      await sync();
    } catch (e) {
      // a write that failed part-way may have left sheets unprotected: rollForward protects them again
      const wereProtected = [
        ...(logProtected ? [LOG] : []),
        ...(exists && archiveProtected ? [ARCHIVE_SHEET] : []),
        ...(scoresProtected && leaving.length > 0 ? [SCORES] : []),
      ];
      return writeFailed(e, { protectedSheets: new Set(wereProtected), password: pw });
    }
    opts.onComputeMs?.(computeMs);
    return done(ok({ month, scores, version, created: !exists, syncs, rowErrors: data.rowErrors }));
  });
}

/** 统计截止 and 冻结日期 as dates (rows appended later take the last row's formats). */
function dateColumns(ws: Excel.Worksheet, firstBodyRow: number, count: number): void {
  for (const h of ['统计截止', '冻结日期'] as const) {
    const letter = columnLetter(ARCHIVE_HEADERS.indexOf(h) + 1);
    ws.getRange(`${letter}${firstBodyRow}:${letter}${firstBodyRow + count - 1}`).numberFormat = Array.from({ length: count }, () => ['yyyy-mm-dd']);
  }
}

/** A 月份 / 考核月份 cell as 'YYYY-MM': a date serial, or text such as 2026-10 or 2026-10-01. */
const monthOf = (cell: unknown): string =>
  cellDate(cell as CellValue)?.slice(0, 7) ??
  cellText(cell as CellValue)
    .trim()
    .slice(0, 7);

/** 0-based 考核明细 body rows whose 月份 is `month`. */
export function detailRowsOf(values: readonly (readonly unknown[])[], month: string): number[] {
  return values.flatMap((r, i) => (monthOf(r[0]) === month ? [i] : []));
}

/**
 * The frozen month leaves 考核明细 (workbook/archive.ts): its rows are deleted bottom-up, run by
 * run, so every index still points at the row it was read from. A table keeps one body row: when
 * every row goes, the first stays with its 月份 and 科室 cleared (its formulas then show nothing).
 */
function queueLeaveDetail(context: Excel.RequestContext, rows: readonly number[], bodyRows: number): void {
  const body = context.workbook.tables.getItem(DETAIL).getDataBodyRange();
  const all = rows.length === bodyRows;
  const runs: [number, number][] = [];
  for (const i of all ? rows.slice(1) : rows) {
    const last = runs[runs.length - 1];
    if (last && last[0] + last[1] === i) last[1]++;
    else runs.push([i, 1]);
  }
  for (const [at, n] of runs.reverse()) {
    body
      .getRow(at)
      .getResizedRange(n - 1, 0)
      .delete('Up' as Excel.DeleteShiftDirection.up);
  }
  if (all) body.getCell(0, 0).getResizedRange(0, 1).values = [['', '']];
}

interface ArchiveState {
  /** the version this freeze writes */
  version: number;
  archiveProtected: boolean;
  /** this operation's rows are already in the archive (a retry) */
  landed: boolean;
  /** the archive holds only this operation's rows and no protection: a stopped first freeze made it */
  createdByRetry: boolean;
  /** the archive table's headers as they stand */
  headers: string[];
}

/** The existing archive's headers, 月份/版本/操作ID columns and protection; what they say of this freeze. */
function queueArchiveRead(context: Excel.RequestContext) {
  const table = context.workbook.tables.getItem(ARCHIVE_TABLE);
  const header = table.getHeaderRowRange().load('values');
  const monthCol = table.columns.getItem('考核月份').getDataBodyRange().load('values');
  const versionCol = table.columns.getItem('版本').getDataBodyRange().load('values');
  const opCol = table.columns.getItem('操作ID').getDataBodyRange().load('values');
  const p = context.workbook.worksheets.getItem(ARCHIVE_SHEET).protection.load('protected');
  return {
    read(month: string, opId: string): ArchiveState {
      let version = 1;
      monthCol.values.forEach((r, i) => {
        if (monthOf(r[0]) === month) version = Math.max(version, Number(versionCol.values[i]?.[0] ?? 0) + 1);
      });
      // A retry of a freeze whose rows landed (and whose log line did not): keep them, same version.
      const landedAt = opCol.values.findIndex((r) => cellText(r[0]) === opId);
      const landed = landedAt >= 0;
      if (landed) version = Number(versionCol.values[landedAt]?.[0] ?? version);
      return {
        version,
        archiveProtected: p.protected,
        landed,
        // a write stopped before the new archive's protection: it gets it now, as the first freeze would have
        createdByRetry: landed && !p.protected && opCol.values.every((r) => cellText(r[0]) === opId),
        headers: header.values[0].map((h) => String(h ?? '').trim()),
      };
    },
  };
}
