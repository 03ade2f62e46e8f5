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

export const ARCHIVE_SHEET = SHEET.archive;
export const ARCHIVE_TABLE = t.freezeTable;
export const ARCHIVE_HEADERS = t.freezeHeaders;
/** header row of the 考核存档 table (row 1 title, row 2 note) */
export const ARCHIVE_HEADER_ROW = 3;
const LOG = SHEET.log;
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

/** The archive row of one section's score (ARCHIVE_HEADERS order). */
export function archiveRow(s: SectionScore, asOf: IsoDate, frozenOn: IsoDate, actor: Actor, version: number, opId: string): CellValue[] {
  const c = s.counts;
  const rec: Record<string, CellValue> = {
    考核月份: textCell(s.month),
    科室: textCell(s.section),
    任务总量: s.volume,
    反馈实效: s.feedback,
    落实进度: s.progress,
    落实效果: s.effect,
    办结情况: s.closure,
    扣分: s.deductions,
    总分: s.total,
    排名: s.rank,
    承办事项数: c.carried,
    应报节点数: c.nodesDue,
    按时反馈数: c.nodesOnTime,
    在办事项数: c.open,
    未逾期在办数: c.openOk,
    已评价办结数: c.graded,
    应办结数: c.deadlinesDue,
    按期办结数: c.deadlinesOnTime,
    不落实件数: c.nonImplementation,
    退回次数: c.returned,
    漏报次数: c.missed,
    弄虚作假件数: c.falsified,
    统计截止: dateCell(monthLastDay(s.month, asOf)),
    冻结日期: dateCell(frozenOn),
    冻结人: textCell(actor.name),
    版本: version,
    操作ID: textCell(opId),
  };
  return ARCHIVE_HEADERS.map((h) => rec[h] ?? '');
}

function monthLastDay(month: string, asOf: IsoDate): IsoDate {
  const [y, m] = month.split('-').map(Number);
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  const me = `${month}-${String(last).padStart(2, '0')}`;
  return me < asOf ? me : asOf;
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
    const prot = queueProtectionStates(context, [LOG]);
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
    const logProtected = prot.read().has(LOG);
    computeMs += nowMs() - t0;

    // ---- round trip 2 (archive exists): its 月份/版本 columns and protection
    let version = 1;
    let archiveProtected = false;
    let landed = false;
    let headers: string[] = [...ARCHIVE_HEADERS];
    if (exists) {
      const table = context.workbook.tables.getItem(ARCHIVE_TABLE);
      const header = table.getHeaderRowRange().load('values');
      const monthCol = table.columns.getItem('考核月份').getDataBodyRange().load('values');
      const versionCol = table.columns.getItem('版本').getDataBodyRange().load('values');
      const opCol = table.columns.getItem('操作ID').getDataBodyRange().load('values');
      const p = context.workbook.worksheets.getItem(ARCHIVE_SHEET).protection.load('protected');
      try {
        await sync();
      } catch (e) {
        return done(err('sync-failed', xt.syncFailed(syncMessage(e))));
      }
      t0 = nowMs();
      headers = header.values[0].map((h) => String(h ?? '').trim());
      archiveProtected = p.protected;
      monthCol.values.forEach((r, i) => {
        const m = cellDate(r[0])?.slice(0, 7) ?? cellText(r[0]).trim();
        if (m === month) version = Math.max(version, Number(versionCol.values[i]?.[0] ?? 0) + 1);
      });
      // A retry of a freeze whose rows landed (and whose log line did not): keep them, same version.
      const landedAt = opCol.values.findIndex((r) => cellText(r[0]) === opts.opId);
      if (landedAt >= 0) {
        landed = true;
        version = Number(versionCol.values[landedAt]?.[0] ?? version);
      }
      computeMs += nowMs() - t0;
    }

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
      const wereProtected = [...(logProtected ? [LOG] : []), ...(exists && archiveProtected ? [ARCHIVE_SHEET] : [])];
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
