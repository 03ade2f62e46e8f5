/**
 * 督查轮次 (一报告两清单; seed §六(四), docs/rules.md "问题清单", "不落实典型事项",
 * "问责建议 ladder"): one supervision round, computed by the domain core from raw ledger fields.
 * The report grid is roundGrid.ts, the merge with the lists on the sheets roundLists.ts (its
 * comment gives the hand-row and override rules), the queued writes roundWrites.ts.
 *
 * Round trips (context.sync):
 *   1. read — 台账, 反馈记录, 科室人员, 日历, 设置, 问题清单 and 不落实清单, 督查报告 (督查建议 block,
 *      the hidden 生成记录 columns, used-range size), the sheet names, protection, 操作日志 ids;
 *      plus one per read slice on a large ledger (tableRead.ts);
 *   2. write — when everything fits one request (Excel on the web: 5 MB), first re-loads both list
 *      bodies (queued BEFORE the writes, so they show the lists as they stand just before the
 *      rewrite), then: unprotect → 生成记录 待写入 → 问题清单 and 不落实清单 → the dated copy
 *      「督查报告 <期间>」 → 督查报告 → 生成记录 → 操作日志 → protect;
 *   3. only when a co-author edited a list between 1 and 2: the lists are merged again from the
 *      re-loaded rows and rewritten, so a hand row typed in that window is never lost.
 * When the writes do not fit one request (tens of thousands of items), the lists are re-read
 * (payload-safe) and merged again if they changed, then the same writes go in syncs of at most
 * the payload budget, each unprotect → writes → protect, 操作日志 last: a round that stops part-way
 * is not logged, and its retry (rollForward, or the user's 重试) writes it whole.
 *
 * - 督查报告 keeps the schema's fixed cells, so 初始化台账 never fights the report.
 * - 督查建议 edited by the clerk are kept when the same period is generated again; when a new period
 *   starts, the edited text is written into the previous round's dated copy and the new round starts
 *   from the defaults.
 * - Each round has a dated copy 「督查报告 2026-11」 (calendar month) or 「督查报告 <from>~<to>」:
 *   the report and both lists as values. Re-running the same period replaces that copy.
 */
import { isIsoDate } from '../domain/dates';
import type { IssueRow, NonImplementationRow } from '../domain/lists';
import { buildReport, defaultSuggestions, type SupervisionReport } from '../domain/report';
import { err, ok, type Result } from '../domain/result';
import type { IsoDate } from '../domain/types';
import type { CellError } from '../domain/validation';
import type { Actor } from '../domain/workflow';
import { excel as xt } from '../i18n/excel';
import { rounds as t } from '../i18n/rounds';
import { LOG_COLUMNS } from '../workbook/schema';
import { cellText, dateCell, textCell, type CellValue } from './cells';
import { queueAppend } from './ledgerWrites';
import {
  ISSUE_HEADERS,
  ISSUE_SHEET,
  NONIMPL_HEADERS,
  NONIMPL_SHEET,
  REPORT_SHEET,
  LAYOUT,
  archiveSheetName,
  isHand,
  issueCells,
  nonImplCells,
  periodLabel,
  reportGrid,
  type Extra,
  type ReportGrid,
  type Row,
} from './roundGrid';
import { BASELINE_COLS, baselineRows, inSheetOrder, mergeLists, parseBaseline, pendingRows, type Baseline, type ListRead } from './roundLists';
import {
  gridValueSteps,
  lookBytes,
  packSteps,
  queueArchiveLook,
  queueClearRows,
  queueGrid,
  queueReportLayout,
  replaceBodySteps,
  type WriteStep,
} from './roundWrites';
import type { ExcelRun } from './run';
import { isNotFound, logLine, nowMs, stampOn, queueLedgerInputs, queueLog, queueProtectionStates, syncMessage, type LedgerInputs } from './roundsRead';
import { jsonBytes, jsonBytesUpTo } from './payloadBytes';
import { PAYLOAD_BUDGET_BYTES, completeReads, queueTable } from './tableRead';
import { done, queueUnprotected, rollForward, writeFailed, type Attempt } from './writePath';
import { SHEET } from '../workbook/sheetNames';

export {
  HINT_CELL,
  ISSUE_HEADERS,
  ISSUE_SHEET,
  LAYOUT,
  NONIMPL_HEADERS,
  NONIMPL_SHEET,
  REPORT_SHEET,
  archiveSheetName,
  issueCells,
  monthPeriod,
  nonImplCells,
  padGrid,
  periodLabel,
  reportDate,
  reportGrid,
  type GridOptions,
  type ReportGrid,
} from './roundGrid';
export { BASELINE_COLS, mergeLists, parseBaseline, previousIssues, previousNonImpl, type Baseline, type ListRead } from './roundLists';

const LOG = SHEET.log;

export interface RoundOptions {
  period: { from: IsoDate; to: IsoDate };
  /** 今天: what the data knows (the report stands at MIN(period.to, asOf)) */
  asOf: IsoDate;
  actor: Actor;
  opId: string;
  now: Date;
  /** bytes one write sync may carry (default PAYLOAD_BUDGET_BYTES; tests pass less to see the split) */
  writeBudget?: number;
  /** the benchmark's window on the add-in's own time (npm run bench:rounds); nothing else needs it */
  onTimings?: (t: RoundTimings) => void;
}

/** Add-in time outside the host, ms: parsing rows (validation), the domain builders, the rest. */
export interface RoundTimings {
  computeMs: number;
  parseMs: number;
  domainMs: number;
  adapterMs: number;
}

export interface RoundOutcome {
  report: SupervisionReport;
  /** 问题清单 as written (generated rows, then hand rows) */
  issueRows: IssueRow[];
  /** 不落实清单 as written */
  nonImplementationRows: NonImplementationRow[];
  /** 督查建议 as written on 督查报告 */
  suggestions: string[];
  archiveSheet: string;
  /** context.sync() calls that reached the host (2 + read slices, 3 after a concurrent list edit; more when the writes are split) */
  syncs: number;
  /** a co-author edited a list between the read and the write: merged again */
  remerged: boolean;
  /** ledger rows left out because they failed validation */
  rowErrors: CellError[];
}

type Lists = ReturnType<typeof mergeLists>;
type ListTable = ListRead & { rowCount: number };

/** A list table read payload-safe (every column): header, non-blank rows, body size. */
function queueList(context: Excel.RequestContext, name: string) {
  const table = queueTable(context, name, 'all');
  const size = context.workbook.tables.getItem(name).getDataBodyRange().load('rowCount');
  return {
    read: (): ListTable => {
      const g = table.readGrid();
      return { headers: g.headers, body: g.rows.map((r) => [...r.cells]), rowCount: size.rowCount };
    },
  };
}

/** A list table's header and whole body in one load (when it is known to fit one response). */
function queueListWhole(context: Excel.RequestContext, name: string) {
  const table = context.workbook.tables.getItem(name);
  const header = table.getHeaderRowRange().load('values');
  const body = table.getDataBodyRange().load('values, rowCount');
  return {
    read: (): ListTable => ({
      headers: header.values[0].map((h) => String(h ?? '').trim()),
      // as tableRead gives them: the non-blank rows
      body: body.values.filter((row) => row.some((v) => v !== '' && v !== null && v !== undefined)),
      rowCount: body.rowCount,
    }),
  };
}

/** Everything the first sync (and its read slices) brings back. */
interface RoundRead {
  data: LedgerInputs;
  logHeaders: string[];
  issueList: ListTable;
  nonImplList: ListTable;
  baseline: Baseline;
  baselineRowCount: number;
  suggestionsOnSheet: string[];
  reportLastRow: number;
  sheetNames: Set<string>;
  protectedSheets: Set<string>;
  parseMs: number;
}

const WRITTEN = [ISSUE_SHEET, NONIMPL_SHEET, REPORT_SHEET, LOG];

async function readRound(context: Excel.RequestContext, opId: string, sync: () => Promise<void>, slices: (n: number) => void): Promise<Result<RoundRead>> {
  const inputs = queueLedgerInputs(context, { recordTypes: ['退回'] });
  const issueQ = queueList(context, ISSUE_SHEET);
  const nonImplQ = queueList(context, NONIMPL_SHEET);
  const reportWs = context.workbook.worksheets.getItem(REPORT_SHEET);
  const baselineR = reportWs.getRange(`${BASELINE_COLS.first}:${BASELINE_COLS.last}`).getUsedRangeOrNullObject(true).load('values');
  const suggestionsR = reportWs.getRange(`A${LAYOUT.suggestionsFirst}:A${LAYOUT.suggestionsLast}`).load('values');
  const usedR = reportWs.getUsedRangeOrNullObject(true).load('rowIndex, rowCount');
  const sheetNames = context.workbook.worksheets.load('items/name');
  const log = queueLog(context);
  const prot = queueProtectionStates(context, WRITTEN);
  try {
    await sync();
    slices(await completeReads(context));
  } catch (e) {
    if (isNotFound(e)) return err('not-initialised', t.notInitialised);
    return err('sync-failed', xt.syncFailed(syncMessage(e)));
  }
  const logState = log.read();
  if (logState.done.has(opId)) return err('already-done', xt.alreadyDone);
  const tParse = nowMs();
  const data = inputs.read();
  const parseMs = nowMs() - tParse;
  const baselineValues = baselineR.isNullObject ? [] : baselineR.values;
  return ok({
    data,
    logHeaders: logState.headers,
    issueList: issueQ.read(),
    nonImplList: nonImplQ.read(),
    baseline: parseBaseline(baselineValues),
    baselineRowCount: baselineValues.length,
    suggestionsOnSheet: suggestionsR.values.map((r) => cellText(r[0])),
    reportLastRow: usedR.isNullObject ? 0 : usedR.rowIndex + usedR.rowCount,
    sheetNames: new Set(sheetNames.items.map((s) => s.name)),
    protectedSheets: prot.read(),
    parseMs,
  });
}

/** What a round writes, computed from the read (pure). */
interface RoundPlan {
  report: SupervisionReport;
  suggestions: string[];
  /** the clerk edited 督查建议 (text differing from what the last round wrote) */
  edited: boolean;
  samePeriod: boolean;
  onSheet: string[];
  sheetName: string;
  liveGrid: ReportGrid;
  stamp: string;
}

function planRound(read: RoundRead, opts: RoundOptions): { plan: RoundPlan; domainMs: number } {
  const { period, asOf } = opts;
  const { data, baseline } = read;
  const tDomain = nowMs();
  const report = buildReport({
    items: data.items,
    records: data.records,
    period,
    asOf,
    settings: data.settings,
    cal: data.cal,
    sections: data.sections,
    people: data.people,
  });
  const domainMs = nowMs() - tDomain;
  const lists = mergeLists(report, read.issueList, read.nonImplList, baseline);
  const defaults = defaultSuggestions(report.totals, report.feedbackTimelinessRate, lists.issues, lists.nonImpl, data.settings);
  const onSheet = read.suggestionsOnSheet.filter((s, i, all) => s.trim() !== '' || all.slice(i).some((x) => x.trim() !== ''));
  const writtenBefore = baseline.reportSuggestions.map((s, i) => `${i + 1}. ${s.replace(/^\d+\.\s*/, '')}`);
  const edited = baseline.period !== null && onSheet.length > 0 && onSheet.join('\n') !== writtenBefore.join('\n');
  const samePeriod = baseline.period !== null && baseline.period.from === period.from && baseline.period.to === period.to;
  const suggestions = edited && samePeriod ? onSheet.map((s) => s.replace(/^\d+\.\s*/, '')) : defaults;
  const n = opts.now;
  const two = (x: number) => String(x).padStart(2, '0');
  const stamp = `${n.getFullYear()}-${two(n.getMonth() + 1)}-${two(n.getDate())} ${two(n.getHours())}:${two(n.getMinutes())}`;
  const liveGrid = reportGrid(report, { title: t.title, roundDate: asOf, suggestions });
  return { plan: { report, suggestions, edited, samePeriod, onSheet, sheetName: archiveSheetName(period), liveGrid, stamp }, domainMs };
}

/** The lists' rows, the dated copy and 生成记录 for one merge of the lists. */
function listWrites(plan: RoundPlan, read: RoundRead, opts: RoundOptions, lists: Lists) {
  const { report, suggestions, sheetName } = plan;
  const archive = reportGrid(report, {
    title: t.archiveTitle(periodLabel(opts.period)),
    roundDate: opts.asOf,
    suggestions,
    lists: { issues: lists.issues, nonImpl: lists.nonImpl, footer: t.archiveFooter(opts.actor.name, plan.stamp) },
  });
  const meta: Record<string, CellValue> = {
    from: dateCell(opts.period.from),
    to: dateCell(opts.period.to),
    asOf: dateCell(report.asOf),
    archiveSheet: textCell(sheetName),
    issues: lists.issues.length,
    nonImpl: lists.nonImpl.length,
    lastRow: plan.liveGrid.rows.length,
    opId: textCell(opts.opId),
    logBefore: textCell(logBefore(read.baseline, opts.opId)),
  };
  return {
    issueRows: lists.issues.map((r) => inSheetOrder(read.issueList.headers, ISSUE_HEADERS, issueCells(r))),
    nonImplRows: lists.nonImpl.map((r) => inSheetOrder(read.nonImplList.headers, NONIMPL_HEADERS, nonImplCells(r))),
    archive,
    baseline: baselineRows(lists.issues, lists.nonImpl, suggestions, meta),
    pending: pendingRows(lists.issues, lists.nonImpl, opts.opId),
  };
}

/** Rows of 生成记录 (Z:AB of 督查报告) from `first` (1-based). */
function baselineRange(ws: Excel.Worksheet, first: number, count: number): Excel.Range {
  return ws.getRange(`${BASELINE_COLS.first}${first}:${BASELINE_COLS.last}${first + count - 1}`);
}

interface ListsAt {
  issueRows: number;
  nonImplRows: number;
  /** rows 生成记录 holds now */
  baselineRows: number;
}

/**
 * The steps that (re)write the lists, the dated copy and 生成记录 for one merge. 待写入 first, so
 * a round that stops part-way still knows its own generated rows when it reads them back.
 */
function listSteps(w: ReturnType<typeof listWrites>, plan: RoundPlan, read: RoundRead, at: ListsAt, budget: number, archiveExists: boolean): WriteStep[] {
  const report = (queue: (ws: Excel.Worksheet) => void, bytes: number): WriteStep => ({
    sheets: [REPORT_SHEET],
    bytes,
    queue: (context) => queue(context.workbook.worksheets.getItem(REPORT_SHEET)),
  });
  const steps: WriteStep[] = [];
  if (w.pending.length > 0)
    steps.push(report((ws) => (baselineRange(ws, at.baselineRows + 1, w.pending.length).values = w.pending), 256 + jsonBytes(w.pending)));
  steps.push(...replaceBodySteps(ISSUE_SHEET, at.issueRows, read.issueList.headers.length, w.issueRows, budget));
  steps.push(...replaceBodySteps(NONIMPL_SHEET, at.nonImplRows, read.nonImplList.headers.length, w.nonImplRows, budget));
  // the dated copy of this round: cleared (or added), values, look
  const name = plan.sheetName;
  steps.push({
    sheets: [],
    bytes: 512,
    queue(context) {
      if (!archiveExists) {
        context.workbook.worksheets.add(name);
        return;
      }
      const used = context.workbook.worksheets.getItem(name).getUsedRange();
      used.unmerge();
      used.clear('All' as Excel.ClearApplyTo.all);
    },
  });
  steps.push(...gridValueSteps(name, w.archive, 1, budget).map((s) => ({ ...s, sheets: [] })));
  steps.push({ sheets: [], bytes: lookBytes(w.archive), queue: (context) => queueArchiveLook(context.workbook.worksheets.getItem(name), w.archive) });
  return steps;
}

/**
 * 生成记录, written whole in ONE operation (blank rows over the rest, 待写入 included), so a round
 * that stops part-way never leaves it half-written. It goes after 督查报告 and before the 操作日志
 * line: a retry that finds it written by its own operation takes the log's 变更前 from it.
 */
function queueBaseline(ws: Excel.Worksheet, w: ReturnType<typeof listWrites>, at: ListsAt): void {
  const rows = Math.max(at.baselineRows + w.pending.length, w.baseline.length);
  const values = [...w.baseline, ...Array.from({ length: rows - w.baseline.length }, (): Row => ['', '', ''])];
  baselineRange(ws, 1, rows).values = values;
}

const baselineBytes = (w: ReturnType<typeof listWrites>) => 512 + jsonBytes(w.baseline);

function baselineStep(w: ReturnType<typeof listWrites>, at: ListsAt): WriteStep {
  return { sheets: [REPORT_SHEET], bytes: baselineBytes(w), queue: (context) => queueBaseline(context.workbook.worksheets.getItem(REPORT_SHEET), w, at) };
}

/** The 操作日志 变更前 of this round (kept in 生成记录, so its own retry says the same). */
function logBefore(baseline: Baseline, opId: string): string {
  return baseline.opId === opId && baseline.logBefore ? baseline.logBefore : t.logBefore(baseline.archiveSheet, baseline.issues, baseline.nonImpl);
}

/** 督查报告 itself, the previous dated copy's 督查建议, 生成记录 and the 操作日志 line: the last sync. */
function finalSteps(plan: RoundPlan, read: RoundRead, opts: RoundOptions, lists: Lists, w: ReturnType<typeof listWrites>, at: ListsAt): WriteStep[] {
  const { baseline } = read;
  const steps: WriteStep[] = [];
  if (plan.edited && !plan.samePeriod && baseline.archiveSheet && baseline.archiveSheet !== plan.sheetName && read.sheetNames.has(baseline.archiveSheet)) {
    const texts = plan.onSheet.slice(0, LAYOUT.suggestionsLast - LAYOUT.suggestionsFirst + 1);
    steps.push({
      sheets: [],
      bytes: 512 + jsonBytes(texts),
      queue(context) {
        const prev = context.workbook.worksheets.getItem(baseline.archiveSheet);
        texts.forEach((s, i) => (prev.getRange(`A${LAYOUT.suggestionsFirst + i}`).values = [[textCell(s)]]));
      },
    });
  }
  const before = logBefore(baseline, opts.opId);
  const logAfter = t.logAfter(
    opts.period.from,
    opts.period.to,
    plan.report.asOf,
    lists.issues.length,
    lists.issues.filter(isHand).length,
    lists.nonImpl.length,
    lists.nonImpl.filter((r) => r.override && !isHand(r)).length,
    plan.sheetName,
  );
  steps.push({
    sheets: [REPORT_SHEET, LOG],
    bytes: 4096 + lookBytes(plan.liveGrid) + jsonBytes(plan.liveGrid.rows) + baselineBytes(w),
    queue(context) {
      const ws = context.workbook.worksheets.getItem(REPORT_SHEET);
      queueClearRows(ws, 4, Math.max(read.reportLastRow, baseline.lastRow, 4), 'Y');
      queueGrid(ws, plan.liveGrid, 1);
      queueReportLayout(ws, plan.liveGrid);
      queueBaseline(ws, w, at);
      queueAppend(context, LOG, read.logHeaders, LOG_COLUMNS, [logLine(opts.actor, stampOn(opts.asOf, opts.now), opts.opId, t.logAction, before, logAfter)]);
    },
  });
  return steps;
}

const sameBody = (a: ListRead, b: ListRead) => JSON.stringify(a.body) === JSON.stringify(b.body);

export async function generateRound(run: ExcelRun, opts: RoundOptions): Promise<Result<RoundOutcome>> {
  const { period, asOf } = opts;
  if (!isIsoDate(period.from) || !isIsoDate(period.to) || period.from > period.to || !isIsoDate(asOf)) {
    return err('bad-period', t.badPeriod(period.from, period.to));
  }
  return rollForward(run, () => roundAttempt(run, opts));
}

async function roundAttempt(run: ExcelRun, opts: RoundOptions): Promise<Attempt<RoundOutcome>> {
  const budget = opts.writeBudget ?? PAYLOAD_BUDGET_BYTES;
  return run(async (context) => {
    let syncs = 0;
    const sync = async () => {
      syncs++;
      await context.sync();
    };
    const r = await readRound(context, opts.opId, sync, (n) => (syncs += n));
    if (!r.ok) return done(r);
    const read = r.value;
    let t0 = nowMs();
    const { plan, domainMs } = planRound(read, opts);
    let lists = mergeLists(plan.report, read.issueList, read.nonImplList, read.baseline);
    let w = listWrites(plan, read, opts, lists);
    const state = { protectedSheets: read.protectedSheets, password: read.data.password };
    const at: ListsAt = { issueRows: read.issueList.rowCount, nonImplRows: read.nonImplList.rowCount, baselineRows: read.baselineRowCount };
    const writeGroups = async (steps: WriteStep[]) => {
      for (const group of packSteps(steps, budget)) {
        const sheets = WRITTEN.filter((n) => group.some((s) => s.sheets.includes(n)));
        queueUnprotected(context, sheets, state, () => group.forEach((s) => s.queue(context)));
        await sync();
      }
    };
    let computeMs = nowMs() - t0;
    let remerged = false;
    try {
      const steps = [...listSteps(w, plan, read, at, budget, read.sheetNames.has(plan.sheetName)), ...finalSteps(plan, read, opts, lists, w, at)];
      const listBytes = jsonBytesUpTo(read.issueList.body, budget) + jsonBytesUpTo(read.nonImplList.body, budget);
      if (steps.reduce((n, s) => n + s.bytes, 0) + listBytes <= budget) {
        // one write sync, with the lists re-loaded (whole: they fit) just before they are rewritten
        const issueAgain = queueListWhole(context, ISSUE_SHEET);
        const nonImplAgain = queueListWhole(context, NONIMPL_SHEET);
        const sizes = [ISSUE_SHEET, NONIMPL_SHEET].map((n) => context.workbook.tables.getItem(n).getDataBodyRange().load('rowCount'));
        await writeGroups(steps);
        const issueNow = issueAgain.read();
        const nonImplNow = nonImplAgain.read();
        if (!sameBody(issueNow, read.issueList) || !sameBody(nonImplNow, read.nonImplList)) {
          // a co-author changed a list between the read and the write: merge again, rewrite
          t0 = nowMs();
          remerged = true;
          const now: ListsAt = { issueRows: sizes[0].rowCount, nonImplRows: sizes[1].rowCount, baselineRows: w.baseline.length };
          lists = mergeLists(plan.report, issueNow, nonImplNow, read.baseline);
          w = listWrites(plan, read, opts, lists);
          computeMs += nowMs() - t0;
          await writeGroups([...listSteps(w, plan, read, now, budget, true), baselineStep(w, now)]);
        }
      } else {
        // too large for one request: re-read the lists (payload-safe), then write in several syncs
        const issueAgain = queueList(context, ISSUE_SHEET);
        const nonImplAgain = queueList(context, NONIMPL_SHEET);
        await sync();
        syncs += await completeReads(context);
        const issueNow = issueAgain.read();
        const nonImplNow = nonImplAgain.read();
        if (!sameBody(issueNow, read.issueList) || !sameBody(nonImplNow, read.nonImplList)) {
          remerged = true;
          lists = mergeLists(plan.report, issueNow, nonImplNow, read.baseline);
          w = listWrites(plan, read, opts, lists);
          at.issueRows = issueNow.rowCount;
          at.nonImplRows = nonImplNow.rowCount;
        }
        await writeGroups([...listSteps(w, plan, read, at, budget, read.sheetNames.has(plan.sheetName)), ...finalSteps(plan, read, opts, lists, w, at)]);
      }
    } catch (e) {
      // Excel applied the operations before the failing one: rollForward runs the round again
      return writeFailed(e, state);
    }
    opts.onTimings?.({ computeMs: computeMs + read.parseMs + domainMs, parseMs: read.parseMs, domainMs, adapterMs: computeMs });
    return done(
      ok({
        report: plan.report,
        issueRows: lists.issues.map(stripExtra),
        nonImplementationRows: lists.nonImpl.map(stripExtra),
        suggestions: plan.suggestions,
        archiveSheet: plan.sheetName,
        syncs,
        remerged,
        rowErrors: read.data.rowErrors,
      }),
    );
  });
}

function stripExtra<T extends object>(r: T & Extra): T {
  const { raw: _raw, computed: _computed, ...rest } = r;
  void _raw;
  void _computed;
  return rest as unknown as T;
}
