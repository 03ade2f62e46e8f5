/**
 * 督查轮次 (一报告两清单; seed §六(四), SPEC §6, docs/rules.md "问题清单", "不落实典型事项",
 * "问责建议 ladder"): one supervision round, computed by the domain core from raw ledger fields and
 * written in ONE batch.
 *
 * Round trips (context.sync), whatever the ledger's size:
 *   1. read — 台账, 反馈记录, 科室人员, 日历, 设置, the current 问题清单 and 不落实清单 (header + body),
 *      督查报告 (period cells, 督查建议 block, the hidden 生成记录 columns, used-range size), the sheet
 *      names, protection, 操作日志 ids;
 *   2. write — first re-loads both list bodies (queued BEFORE the writes, so they show the lists as
 *      they stand just before we overwrite them), then: unprotect → 问题清单 and 不落实清单 bodies
 *      (generated rows replaced, hand rows kept) → the dated copy 「督查报告 <期间>」 → 督查报告 →
 *      生成记录 → 操作日志 → protect;
 *   3. only when a co-author edited a list between 1 and 2: the lists are merged again from the
 *      re-loaded rows and rewritten, so a hand row typed in that window is never lost.
 *
 * Sheet conventions (decided here; the schema's columns are used as they are):
 * - 问题清单 row is a HAND row when 编号 is empty, 手工 is filled, or its 编号 was not written by
 *   the previous round and is not generated now. Hand rows are kept verbatim (手工 set to 是) after
 *   the generated rows. A generated row keeps the 整改期限 and 备注 the clerk gave it.
 * - 不落实清单: the clerk overrides 问责建议 by simply editing the cell (or by filling 人工调整).
 *   An edit is detected against the value the previous round wrote (生成记录). An overridden row
 *   shows 人工调整 = 「是（系统建议：…）」 and keeps its 问责建议 on every regeneration; clearing
 *   人工调整 (with 问责建议 left as written) hands the row back to the ladder.
 * - 生成记录: hidden columns Z:AB of 督查报告 (类别 / 键 / 值): what the last round wrote (generated
 *   编号 of both lists, the 问责建议 written, the 督查建议 text, the period and the archive sheet).
 * - 督查报告 keeps the schema's fixed cells (A1 title, B2 督查日期, B3/D3 区间, headings at A5, A15,
 *   A25) so 初始化台账 never fights the report: 总体情况 rows 6–14, 主要问题 rows 16–24, 督查建议
 *   rows 26–35 (editable), then 附表一 (by 承办科室) and 附表二 (by 来源类别).
 * - 督查建议 edited by the clerk are kept when the same period is generated again; when a new period
 *   starts, the edited text is written into the previous round's dated copy and the new round starts
 *   from the defaults.
 * - Each round has a dated copy 「督查报告 2026-11」 (calendar month) or 「督查报告 <from>~<to>」:
 *   the report and both lists as values. Re-running the same period replaces that copy.
 */
import { isIsoDate, minDate, monthEnd } from '../domain/dates';
import {
  mergeIssueList,
  mergeNonImplementationList,
  type IssueRow,
  type NonImplementationRow,
} from '../domain/lists';
import { buildReport, defaultSuggestions, sumBreakdown, type SourceBreakdown, type StatusCounts, type SupervisionReport, type SectionBreakdown, type Rates } from '../domain/report';
import { err, ok, type Result } from '../domain/result';
import type { IsoDate } from '../domain/types';
import type { CellError } from '../domain/validation';
import type { Actor } from '../domain/workflow';
import { excel as xt } from '../i18n/excel';
import { rounds as t } from '../i18n/rounds';
import { workbook as wt } from '../i18n/workbook';
import { documentPrintSetup } from '../workbook/print';
import { LOG_COLUMNS, columnLetter } from '../workbook/schema';
import { cellDate, cellText, dateCell, textCell, type CellValue } from './cells';
import { queueAppend } from './ledgerWrites';
import { queuePrintSetup } from './printSetup';
import { REPORT_WIDTHS, queueStyles, reportStyles } from './reportStyle';
import type { ExcelRun } from './run';
import { isNotFound, logLine, nowMs, queueLedgerInputs, queueLog, queueProtectionStates, syncMessage } from './roundsRead';
import { completeReads } from './tableRead';
import { queueUnprotected, restoreProtection } from './writePath';

export const ISSUE_SHEET = '问题清单';
export const NONIMPL_SHEET = '不落实清单';
export const REPORT_SHEET = '督查报告';
const LOG = '操作日志';

/** 问题清单 / 不落实清单 headers (schema order; the sheet's own order is what gets written). */
export const ISSUE_HEADERS = wt.lists.问题清单;
export const NONIMPL_HEADERS = wt.lists.不落实清单;

/** Report layout: fixed rows (1-based), matching the schema's fixed cells. */
export const LAYOUT = {
  width: 8,
  overview: 6,
  totals1: 7,
  totals2: 9,
  appendixNote: 11,
  problemsFirst: 16,
  problemsLast: 24,
  suggestionsFirst: 26,
  suggestionsLast: 35,
  appendixFirst: 38,
  headingRows: [5, 15, 25],
} as const;

/** The clerk's editing hint: beside the 督查建议 heading, outside the printed columns A:H. */
export const HINT_CELL = { row: 25, column: 10 } as const;

/** 生成记录 (hidden) on 督查报告: 类别 / 键 / 值 in these columns. */
export const BASELINE_COLS = { first: 'Z', last: 'AB' } as const;

export interface RoundOptions {
  period: { from: IsoDate; to: IsoDate };
  /** 今天: what the data knows (the report stands at MIN(period.to, asOf)) */
  asOf: IsoDate;
  actor: Actor;
  opId: string;
  now: Date;
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
  /** context.sync() calls that reached the host (2, or 3 after a concurrent list edit) */
  syncs: number;
  /** a co-author edited a list between the read and the write: merged again (sync 3) */
  remerged: boolean;
  /** add-in time outside the host (parsing, domain compute, building the writes), ms */
  computeMs: number;
  /** computeMs split: reading rows into domain objects (validation), the domain builders, the rest */
  timings: { parseMs: number; domainMs: number; adapterMs: number };
  /** ledger rows left out because they failed validation */
  rowErrors: CellError[];
}

// ---------------------------------------------------------------------------------------------
// pure helpers (exported for tests, the render script and the dashboard)

/** 「2026-11」 when the period is exactly a calendar month, else 「2026-11-01~2026-11-15」. */
export function periodLabel(period: { from: IsoDate; to: IsoDate }): string {
  if (period.from.endsWith('-01') && monthEnd(period.from) === period.to) return period.from.slice(0, 7);
  return `${period.from}~${period.to}`;
}

export function archiveSheetName(period: { from: IsoDate; to: IsoDate }): string {
  return t.archiveSheet(periodLabel(period));
}

type Row = CellValue[];

export interface ReportGrid {
  /** rows from row 1; ragged (pad when writing) */
  rows: Row[];
  /** 1-based rows whose A:H cells are merged (sentences) */
  mergedRows: number[];
  /** 1-based rows shown bold (headings, table headers, totals) */
  boldRows: number[];
  /** number formats by A1 address */
  formats: { address: string; numberFormat: string }[];
  /** widest row */
  width: number;
  /** 1-based rows of 一、二、三 headings (level 1) and of 附表 / list headings (level 2) */
  headings: { row: number; level: 1 | 2 }[];
  /** bordered tables: header row, last row, columns used from A; `labels`: column A holds names (left-aligned) */
  tables: { header: number; last: number; width: number; labels: boolean; longText?: boolean }[];
  /** what prints: rows 1..lastRow over columns 1..printWidth (not the hint, not the hidden 生成记录) */
  lastRow: number;
  printWidth: number;
  /** 1-based row the 附表 start on (a page of their own when printed) */
  appendixFirst: number;
}

const pct = (r: number | null): CellValue => (r === null ? t.noRate : r);

function breakdownRow(label: string, b: StatusCounts & Rates): Row {
  return [textCell(label), b.items, b.open, b.overdue, b.near, b.closed, pct(b.onTimeClosureRate), pct(b.feedbackTimelinessRate)];
}

/** Fit `lines` into `slots` rows: the overflow is joined into the last row. */
function fitLines(lines: readonly string[], slots: number): string[] {
  if (lines.length <= slots) return [...lines];
  return [...lines.slice(0, slots - 1), lines.slice(slots - 1).join('')];
}

export interface GridOptions {
  title: string;
  /** 督查日期 */
  roundDate: IsoDate;
  suggestions: readonly string[];
  /** the dated copy also carries both lists and a footer */
  lists?: { issues: readonly IssueRow[]; nonImpl: readonly NonImplementationRow[]; footer: string };
}

/**
 * The 督查报告 as a grid of cell values (dates as serials, rates as fractions with a % format),
 * laid out on the schema's fixed rows. Used by the add-in (Office.js), and by test/render (exceljs).
 */
export function reportGrid(report: SupervisionReport, opts: GridOptions): ReportGrid {
  const rows: Row[] = [];
  const mergedRows: number[] = [];
  const boldRows: number[] = [];
  const formats: ReportGrid['formats'] = [];
  const headings: ReportGrid['headings'] = [];
  const tables: ReportGrid['tables'] = [];
  const set = (r: number, row: Row) => {
    while (rows.length < r) rows.push([]);
    rows[r - 1] = row;
  };
  const sentence = (r: number, s: string) => {
    set(r, [textCell(s)]);
    mergedRows.push(r);
  };
  const tot = report.totals;
  set(1, [textCell(opts.title)]);
  boldRows.push(1);
  set(2, [t.asOfLabel, dateCell(opts.roundDate)]);
  set(3, [t.periodLabel, dateCell(report.period.from), t.periodTo, dateCell(report.period.to)]);
  formats.push({ address: 'B2:B3', numberFormat: 'yyyy-mm-dd' }, { address: 'D3', numberFormat: 'yyyy-mm-dd' });
  LAYOUT.headingRows.forEach((r, i) => {
    set(r, [t.headings[i]]);
    boldRows.push(r);
    headings.push({ row: r, level: 1 });
  });
  sentence(LAYOUT.overview, t.overview(report.period.from, report.period.to, report.asOf, tot.items, tot.open, tot.closed, tot.notAssigned));
  set(LAYOUT.totals1, [...t.totalsHeaders1]);
  set(LAYOUT.totals1 + 1, [tot.items, tot.open, tot.overdue, tot.near, tot.extended, tot.notAssigned]);
  set(LAYOUT.totals2, [...t.totalsHeaders2]);
  set(LAYOUT.totals2 + 1, [tot.closed, tot.onTimeClosed, pct(report.onTimeClosureRate), report.reportsDue, report.reportsOnTime, pct(report.feedbackTimelinessRate)]);
  boldRows.push(LAYOUT.totals1, LAYOUT.totals2);
  tables.push(
    { header: LAYOUT.totals1, last: LAYOUT.totals1 + 1, width: t.totalsHeaders1.length, labels: false },
    { header: LAYOUT.totals2, last: LAYOUT.totals2 + 1, width: t.totalsHeaders2.length, labels: false },
  );
  formats.push({ address: `C${LAYOUT.totals2 + 1}`, numberFormat: '0.0%' }, { address: `F${LAYOUT.totals2 + 1}`, numberFormat: '0.0%' });
  sentence(LAYOUT.appendixNote, t.seeAppendix);

  fitLines(report.mainProblems, LAYOUT.problemsLast - LAYOUT.problemsFirst + 1).forEach((s, i) => sentence(LAYOUT.problemsFirst + i, s));
  fitLines(opts.suggestions, LAYOUT.suggestionsLast - LAYOUT.suggestionsFirst + 1).forEach((s, i) =>
    sentence(LAYOUT.suggestionsFirst + i, `${i + 1}. ${s.replace(/^\d+\.\s*/, '')}`),
  );
  if (!opts.lists) {
    const heading = rows[HINT_CELL.row - 1];
    while (heading.length < HINT_CELL.column - 1) heading.push('');
    heading[HINT_CELL.column - 1] = t.suggestionsHint;
  }

  let r = LAYOUT.appendixFirst;
  const table = (heading: string, first: string, body: Row[], total: Row) => {
    set(r, [heading]);
    boldRows.push(r);
    headings.push({ row: r, level: 2 });
    set(r + 1, [...t.breakdownHeaders(first)]);
    boldRows.push(r + 1);
    body.forEach((row, k) => set(r + 2 + k, row));
    const totalRow = r + 2 + body.length;
    set(totalRow, total);
    boldRows.push(totalRow);
    formats.push({ address: `G${r + 2}:H${totalRow}`, numberFormat: '0.0%' });
    tables.push({ header: r + 1, last: totalRow, width: LAYOUT.width, labels: true });
    r = totalRow + 2;
  };
  table(t.appendixSection, t.sectionHeader, report.bySection.map((b: SectionBreakdown) => breakdownRow(b.section, b)), breakdownRow(t.total, sumBreakdown(report.bySection)));
  table(t.appendixSource, t.sourceHeader, report.bySource.map((b: SourceBreakdown) => breakdownRow(b.source, b)), breakdownRow(t.total, sumBreakdown(report.bySource)));

  if (opts.lists) {
    // a list of the dated copy: heading, header row, its rows (long text, bordered)
    const list = (heading: string, headers: readonly string[], body: Row[], dateColumn?: string) => {
      set(r, [heading]);
      boldRows.push(r);
      headings.push({ row: r, level: 2 });
      set(r + 1, [...headers]);
      boldRows.push(r + 1);
      tables.push({ header: r + 1, last: r + 1 + body.length, width: headers.length, labels: false, longText: true });
      body.forEach((row, k) => set(r + 2 + k, row));
      if (dateColumn && body.length) formats.push({ address: `${dateColumn}${r + 2}:${dateColumn}${r + 1 + body.length}`, numberFormat: 'yyyy-mm-dd' });
      r += 3 + body.length;
    };
    list(t.archiveIssues, ISSUE_HEADERS, opts.lists.issues.map(issueCells), 'F');
    list(t.archiveNonImpl, NONIMPL_HEADERS, opts.lists.nonImpl.map(nonImplCells));
    sentence(r, opts.lists.footer);
  }
  const width = Math.max(LAYOUT.width, ...rows.map((x) => x.length));
  return { rows, mergedRows, boldRows, formats, width, headings, tables, lastRow: rows.length, printWidth: Math.max(LAYOUT.width, ...tables.map((x) => x.width)), appendixFirst: LAYOUT.appendixFirst };
}

/** Pad ragged rows to `width` with blanks. */
export function padGrid(rows: readonly Row[], width: number): Row[] {
  return rows.map((row) => [...row, ...Array<CellValue>(Math.max(0, width - row.length)).fill('')]);
}

type Extra = { note?: string; raw?: Record<string, unknown>; computed?: string };

/** Cells of a 问题清单 row in the schema's header order. */
export function issueCells(row: IssueRow & Extra): Row {
  const byHeader = issueRecord(row);
  return ISSUE_HEADERS.map((h) => byHeader[h] ?? '');
}

function rawCell(v: unknown): CellValue {
  if (v == null) return '';
  if (typeof v === 'string') return textCell(v);
  if (typeof v === 'number' || typeof v === 'boolean') return v;
  return textCell(String(v));
}

function dateOrText(v: IsoDate | string): CellValue {
  return isIsoDate(v) ? dateCell(v) : textCell(String(v));
}

function issueRecord(row: IssueRow & Extra): Record<string, CellValue> {
  const base: Record<string, CellValue> = {};
  if (row.raw) for (const [h, v] of Object.entries(row.raw)) base[h] = rawCell(v);
  const hand = row.manual === true || row.itemId.trim() === '';
  if (hand && row.raw) {
    return { ...base, 序号: row.seq, 手工: cellText(row.raw['手工']).trim() || t.manualMark };
  }
  return {
    ...base,
    序号: row.seq,
    编号: textCell(row.itemId),
    事项内容: textCell(row.content),
    整改责任科室: textCell(row.section),
    责任人: textCell(row.responsible),
    整改期限: dateOrText(row.rectifyBy),
    预警状态: textCell(row.status),
    手工: hand ? t.manualMark : '',
    备注: textCell(row.note ?? ''),
  };
}

export function nonImplCells(row: NonImplementationRow & Extra): Row {
  const byHeader = nonImplRecord(row);
  return NONIMPL_HEADERS.map((h) => byHeader[h] ?? '');
}

function nonImplRecord(row: NonImplementationRow & Extra): Record<string, CellValue> {
  const base: Record<string, CellValue> = {};
  if (row.raw) for (const [h, v] of Object.entries(row.raw)) base[h] = rawCell(v);
  const hand = row.manual === true || row.itemId.trim() === '';
  if (hand && row.raw) {
    return { ...base, 序号: row.seq, 手工: cellText(row.raw['手工']).trim() || t.manualMark };
  }
  return {
    ...base,
    序号: row.seq,
    编号: textCell(row.itemId),
    承办科室: textCell(row.section),
    问题线索: textCell(row.clue),
    问责建议: textCell(String(row.suggestion)),
    人工调整: row.override ? t.overrideMark(row.computed ?? '') : '',
    手工: hand ? t.manualMark : '',
    备注: textCell(row.note ?? ''),
  };
}

/** What the previous round wrote (生成记录). */
export interface Baseline {
  issueIds: Set<string>;
  /** 编号 → 问责建议 written */
  suggestions: Map<string, string>;
  /** 督查建议 texts written */
  reportSuggestions: string[];
  period: { from: IsoDate; to: IsoDate } | null;
  archiveSheet: string;
  issues: number;
  nonImpl: number;
  /** last row the previous report used on 督查报告 */
  lastRow: number;
}

export function parseBaseline(values: readonly (readonly unknown[])[]): Baseline {
  const b: Baseline = { issueIds: new Set(), suggestions: new Map(), reportSuggestions: [], period: null, archiveSheet: '', issues: 0, nonImpl: 0, lastRow: 0 };
  let from = '';
  let to = '';
  for (const row of values) {
    const kind = cellText(row[0]).trim();
    const key = cellText(row[1]).trim();
    const value = row[2];
    if (kind === ISSUE_SHEET && key) b.issueIds.add(key);
    else if (kind === NONIMPL_SHEET && key) b.suggestions.set(key, cellText(value).trim());
    else if (kind === '督查建议') b.reportSuggestions[Number(key) - 1] = cellText(value);
    else if (kind === 'meta') {
      if (key === 'from') from = cellDate(value) ?? cellText(value);
      else if (key === 'to') to = cellDate(value) ?? cellText(value);
      else if (key === 'archiveSheet') b.archiveSheet = cellText(value);
      else if (key === 'issues') b.issues = Number(value) || 0;
      else if (key === 'nonImpl') b.nonImpl = Number(value) || 0;
      else if (key === 'lastRow') b.lastRow = Number(value) || 0;
    }
  }
  if (isIsoDate(from) && isIsoDate(to)) b.period = { from, to };
  b.reportSuggestions = Array.from(b.reportSuggestions, (s) => s ?? '');
  return b;
}

function baselineRows(issues: readonly IssueRow[], nonImpl: readonly NonImplementationRow[], suggestions: readonly string[], meta: Record<string, CellValue>): Row[] {
  const rows: Row[] = [[t.baselineHeader, '', '']];
  for (const [k, v] of Object.entries(meta)) rows.push(['meta', k, v]);
  suggestions.forEach((s, i) => rows.push(['督查建议', String(i + 1), textCell(s)]));
  for (const r of issues) if (!isHand(r)) rows.push([ISSUE_SHEET, textCell(r.itemId), '']);
  for (const r of nonImpl) if (!isHand(r)) rows.push([NONIMPL_SHEET, textCell(r.itemId), textCell(String(r.suggestion))]);
  return rows;
}

function isHand(r: { itemId: string; manual?: boolean }): boolean {
  return r.manual === true || r.itemId.trim() === '';
}

/** A list table as read: headers (trimmed), raw body rows, and whether rows are blank. */
export interface ListRead {
  headers: string[];
  body: unknown[][];
}

function rowsOf(list: ListRead): Record<string, unknown>[] {
  return list.body
    .map((row) => {
      const rec: Record<string, unknown> = {};
      list.headers.forEach((h, i) => {
        if (h && !(h in rec)) rec[h] = row[i] === '' ? null : row[i];
      });
      return rec;
    })
    .filter((rec) => Object.values(rec).some((v) => v !== null && v !== undefined && String(v).trim() !== ''));
}

/** Previous 问题清单 rows, hand rows marked (see the module comment). */
export function previousIssues(list: ListRead, generatedIds: ReadonlySet<string>, baseline: Baseline): (IssueRow & Extra)[] {
  return rowsOf(list).map((rec, k) => {
    const itemId = cellText(rec['编号']).trim();
    const marked = cellText(rec['手工']).trim() !== '';
    const manual = itemId === '' || marked || (!generatedIds.has(itemId) && !baseline.issueIds.has(itemId));
    const rect = rec['整改期限'];
    return {
      seq: k + 1,
      itemId,
      content: cellText(rec['事项内容']),
      section: cellText(rec['整改责任科室']),
      responsible: cellText(rec['责任人']),
      rectifyBy: cellDate(rect) ?? cellText(rect).trim(),
      status: cellText(rec['预警状态']) as IssueRow['status'],
      manual,
      note: cellText(rec['备注']),
      raw: manual ? rec : undefined,
    };
  });
}

/** Previous 不落实清单 rows, hand rows and overrides marked. */
export function previousNonImpl(list: ListRead, generatedIds: ReadonlySet<string>, baseline: Baseline): (NonImplementationRow & Extra)[] {
  return rowsOf(list).map((rec, k) => {
    const itemId = cellText(rec['编号']).trim();
    const marked = cellText(rec['手工']).trim() !== '';
    const manual = itemId === '' || marked || (!generatedIds.has(itemId) && !baseline.suggestions.has(itemId));
    const suggestion = cellText(rec['问责建议']).trim();
    const flagged = cellText(rec['人工调整']).trim() !== '';
    const written = baseline.suggestions.get(itemId);
    const override = suggestion !== '' && (flagged || (written !== undefined && written !== suggestion));
    return {
      seq: k + 1,
      itemId,
      section: cellText(rec['承办科室']),
      clue: cellText(rec['问题线索']),
      suggestion,
      override,
      manual,
      note: cellText(rec['备注']),
      raw: manual ? rec : undefined,
    };
  });
}

/** The lists of a round: the domain merge, plus the clerk's 备注 on generated rows. */
export function mergeLists(
  report: SupervisionReport,
  issueList: ListRead,
  nonImplList: ListRead,
  baseline: Baseline,
): { issues: (IssueRow & Extra)[]; nonImpl: (NonImplementationRow & Extra)[] } {
  const genIssueIds = new Set(report.issueList.map((r) => r.itemId));
  const genNonImplIds = new Set(report.nonImplementationList.map((r) => r.itemId));
  const prevIssues = previousIssues(issueList, genIssueIds, baseline);
  const prevNonImpl = previousNonImpl(nonImplList, genNonImplIds, baseline);
  const issueNotes = new Map(prevIssues.filter((r) => !r.manual && r.note).map((r) => [r.itemId, r.note!]));
  const nonImplNotes = new Map(prevNonImpl.filter((r) => !r.manual && r.note).map((r) => [r.itemId, r.note!]));
  const computed = new Map(report.nonImplementationList.map((r) => [r.itemId, String(r.suggestion)]));
  const issues = (mergeIssueList(report.issueList, prevIssues) as (IssueRow & Extra)[]).map((r) =>
    isHand(r) ? r : { ...r, note: issueNotes.get(r.itemId) ?? '' },
  );
  const nonImpl = (mergeNonImplementationList(report.nonImplementationList, prevNonImpl) as (NonImplementationRow & Extra)[]).map((r) =>
    isHand(r) ? r : { ...r, note: nonImplNotes.get(r.itemId) ?? '', computed: computed.get(r.itemId) ?? '' },
  );
  return { issues, nonImpl };
}

/** Cells of a list row in the sheet's own column order. */
function inSheetOrder(headers: readonly string[], schemaHeaders: readonly string[], cells: Row): Row {
  const byHeader = new Map(schemaHeaders.map((h, i) => [h, cells[i]]));
  return headers.map((h) => byHeader.get(h) ?? '');
}

// ---------------------------------------------------------------------------------------------
// queued writes

/**
 * Replace a table's body by `rows` (already in the table's column order) in the batch: the first
 * rows are overwritten in place, extra rows go below through getRowsBelow (co-authoring-safe
 * append, never rows.add), surplus rows are deleted (shift up, the table's own columns only).
 * An empty list leaves one blank body row (a table keeps at least one).
 */
export function queueReplaceBody(context: Excel.RequestContext, tableName: string, currentRows: number, width: number, rows: readonly Row[]): void {
  const table = context.workbook.tables.getItem(tableName);
  const body = table.getDataBodyRange();
  const target = rows.length === 0 ? [Array<CellValue>(width).fill('')] : rows;
  const inPlace = Math.min(currentRows, target.length);
  if (inPlace > 0) body.getRow(0).getResizedRange(inPlace - 1, 0).values = target.slice(0, inPlace) as CellValue[][];
  if (target.length > currentRows) body.getRowsBelow(target.length - currentRows).values = target.slice(currentRows) as CellValue[][];
  if (currentRows > target.length) body.getRow(target.length).getResizedRange(currentRows - target.length - 1, 0).delete('Up' as Excel.DeleteShiftDirection.up);
}

function queueGrid(ws: Excel.Worksheet, grid: ReportGrid, firstWriteRow: number): void {
  const width = Math.max(grid.width, LAYOUT.width);
  const last = columnLetter(width);
  const rows = padGrid(grid.rows, width).slice(firstWriteRow - 1);
  if (rows.length > 0) ws.getRange(`A${firstWriteRow}:${last}${firstWriteRow + rows.length - 1}`).values = rows;
  for (const r of grid.mergedRows) {
    if (r < firstWriteRow) continue;
    ws.getRange(`A${r}:${columnLetter(LAYOUT.width)}${r}`).merge(false);
  }
  for (const r of grid.boldRows) if (r >= firstWriteRow) ws.getRange(`A${r}:${last}${r}`).format.font.bold = true;
  for (const f of grid.formats) ws.getRange(f.address).numberFormat = [[f.numberFormat]];
}

/** Unmerge and clear rows [from, to] over columns A:last. */
function queueClearRows(ws: Excel.Worksheet, from: number, to: number, lastCol: string): void {
  if (to < from) return;
  const r = ws.getRange(`A${from}:${lastCol}${to}`);
  r.unmerge();
  r.clear('All' as Excel.ClearApplyTo.all);
}

// ---------------------------------------------------------------------------------------------
// generateRound

export async function generateRound(run: ExcelRun, opts: RoundOptions): Promise<Result<RoundOutcome>> {
  const { period, asOf } = opts;
  if (!isIsoDate(period.from) || !isIsoDate(period.to) || period.from > period.to || !isIsoDate(asOf)) {
    return err('bad-period', t.badPeriod(period.from, period.to));
  }
  let computeMs = 0;
  return run(async (context) => {
    let syncs = 0;
    const sync = async () => {
      syncs++;
      await context.sync();
    };
    // ---- round trip 1: everything the round needs
    const inputs = queueLedgerInputs(context, { recordTypes: ['退回'] });
    const queueList = (name: string) => {
      const table = context.workbook.tables.getItem(name);
      const header = table.getHeaderRowRange().load('values');
      const body = table.getDataBodyRange().load('values, rowCount');
      return { read: (): ListRead & { rowCount: number } => ({ headers: header.values[0].map((h) => String(h ?? '').trim()), body: body.values, rowCount: body.rowCount }) };
    };
    const issueQ = queueList(ISSUE_SHEET);
    const nonImplQ = queueList(NONIMPL_SHEET);
    const reportWs = context.workbook.worksheets.getItem(REPORT_SHEET);
    const baselineR = reportWs.getRange(`${BASELINE_COLS.first}:${BASELINE_COLS.last}`).getUsedRangeOrNullObject(true).load('values');
    const suggestionsR = reportWs.getRange(`A${LAYOUT.suggestionsFirst}:A${LAYOUT.suggestionsLast}`).load('values');
    const usedR = reportWs.getUsedRangeOrNullObject(true).load('rowIndex, rowCount');
    const sheetNames = context.workbook.worksheets.load('items/name');
    const log = queueLog(context);
    const written = [ISSUE_SHEET, NONIMPL_SHEET, REPORT_SHEET, LOG];
    const prot = queueProtectionStates(context, written);
    try {
      await sync();
      syncs += await completeReads(context);
    } catch (e) {
      if (isNotFound(e)) return err('not-initialised', t.notInitialised);
      return err('sync-failed', xt.syncFailed(syncMessage(e)));
    }
    let t0 = nowMs();
    const logState = log.read();
    if (logState.done.has(opts.opId)) return err('already-done', xt.alreadyDone);
    const tParse = nowMs();
    const data = inputs.read();
    const parseMs = nowMs() - tParse;
    const protectedSheets = prot.read();
    const issueRead = issueQ.read();
    const nonImplRead = nonImplQ.read();
    const baseline = parseBaseline(baselineR.isNullObject ? [] : baselineR.values);
    const usedLast = usedR.isNullObject ? 0 : usedR.rowIndex + usedR.rowCount;
    const names = new Set(sheetNames.items.map((s) => s.name));

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
    let lists = mergeLists(report, issueRead, nonImplRead, baseline);
    const defaults = defaultSuggestions(report.totals, report.feedbackTimelinessRate, lists.issues, lists.nonImpl, data.settings);

    // 督查建议: the clerk's edits (text differing from what the last round wrote)
    const onSheet = suggestionsR.values.map((r) => cellText(r[0])).filter((s, i, all) => s.trim() !== '' || all.slice(i).some((x) => x.trim() !== ''));
    const writtenBefore = baseline.reportSuggestions.map((s, i) => `${i + 1}. ${s.replace(/^\d+\.\s*/, '')}`);
    const edited = baseline.period !== null && onSheet.length > 0 && onSheet.join('\n') !== writtenBefore.join('\n');
    const samePeriod = baseline.period !== null && baseline.period.from === period.from && baseline.period.to === period.to;
    const suggestions = edited && samePeriod ? onSheet.map((s) => s.replace(/^\d+\.\s*/, '')) : defaults;

    const sheetName = archiveSheetName(period);
    const stamp = `${opts.now.getFullYear()}-${String(opts.now.getMonth() + 1).padStart(2, '0')}-${String(opts.now.getDate()).padStart(2, '0')} ${String(opts.now.getHours()).padStart(2, '0')}:${String(opts.now.getMinutes()).padStart(2, '0')}`;
    const liveGrid = reportGrid(report, { title: t.title, roundDate: asOf, suggestions });
    const archiveGrid = (l: typeof lists) =>
      reportGrid(report, { title: t.archiveTitle(periodLabel(period)), roundDate: asOf, suggestions, lists: { issues: l.issues, nonImpl: l.nonImpl, footer: t.archiveFooter(opts.actor.name, stamp) } });
    let archive = archiveGrid(lists);
    const liveLast = liveGrid.rows.length;
    const meta = (l: typeof lists): Record<string, CellValue> => ({
      from: dateCell(period.from),
      to: dateCell(period.to),
      asOf: dateCell(report.asOf),
      archiveSheet: textCell(sheetName),
      issues: l.issues.length,
      nonImpl: l.nonImpl.length,
      lastRow: liveLast,
      opId: textCell(opts.opId),
    });
    const listRows = (l: typeof lists) => ({
      issue: l.issues.map((r) => inSheetOrder(issueRead.headers, ISSUE_HEADERS, issueCells(r))),
      nonImpl: l.nonImpl.map((r) => inSheetOrder(nonImplRead.headers, NONIMPL_HEADERS, nonImplCells(r))),
    });
    let rowsOut = listRows(lists);
    const logAfter = (l: typeof lists) =>
      t.logAfter(period.from, period.to, report.asOf, l.issues.length, l.issues.filter(isHand).length, l.nonImpl.length, l.nonImpl.filter((r) => r.override && !isHand(r)).length, sheetName);
    computeMs += nowMs() - t0;

    const password = data.password;
    const withUnprotected = (writes: () => void) => queueUnprotected(context, written, { protectedSheets, password }, writes);
    const baselineWrite = (l: typeof lists, previousRows: number) => {
      const rows = baselineRows(l.issues, l.nonImpl, suggestions, meta(l));
      const clearTo = Math.max(previousRows, rows.length);
      reportWs.getRange(`${BASELINE_COLS.first}1:${BASELINE_COLS.last}${clearTo}`).clear('Contents' as Excel.ClearApplyTo.contents);
      reportWs.getRange(`${BASELINE_COLS.first}1:${BASELINE_COLS.last}${rows.length}`).values = rows;
      return rows.length;
    };

    // ---- round trip 2: re-load the lists (before the writes), then write everything
    const issueAgain = queueList(ISSUE_SHEET);
    const nonImplAgain = queueList(NONIMPL_SHEET);
    const previousBaselineRows = baselineR.isNullObject ? 0 : baselineR.values.length;
    let baselineCount = 0;
    withUnprotected(() => {
      queueReplaceBody(context, ISSUE_SHEET, issueRead.rowCount, issueRead.headers.length, rowsOut.issue);
      queueReplaceBody(context, NONIMPL_SHEET, nonImplRead.rowCount, nonImplRead.headers.length, rowsOut.nonImpl);
      // the dated copy of this round
      const ws = names.has(sheetName) ? context.workbook.worksheets.getItem(sheetName) : context.workbook.worksheets.add(sheetName);
      if (names.has(sheetName)) {
        const used = ws.getUsedRange();
        used.unmerge();
        used.clear('All' as Excel.ClearApplyTo.all);
      }
      queueArchiveLayout(ws, archive);
      // the previous round's dated copy gets the clerk's final 督查建议
      if (edited && !samePeriod && baseline.archiveSheet && baseline.archiveSheet !== sheetName && names.has(baseline.archiveSheet)) {
        const prev = context.workbook.worksheets.getItem(baseline.archiveSheet);
        onSheet.slice(0, LAYOUT.suggestionsLast - LAYOUT.suggestionsFirst + 1).forEach((s, i) => {
          prev.getRange(`A${LAYOUT.suggestionsFirst + i}`).values = [[textCell(s)]];
        });
      }
      // 督查报告
      queueClearRows(reportWs, 4, Math.max(usedLast, baseline.lastRow, 4), 'Y');
      queueGrid(reportWs, liveGrid, 1);
      queueReportLayout(reportWs, liveGrid);
      baselineCount = baselineWrite(lists, previousBaselineRows);
      queueAppend(context, LOG, logState.headers, LOG_COLUMNS, [
        logLine(opts.actor, opts.now, opts.opId, t.logAction, t.logBefore(baseline.archiveSheet, baseline.issues, baseline.nonImpl), logAfter(lists)),
      ]);
    });
    // body sizes as they stand after the writes (a co-author's row may have stayed in between)
    const issueSize = context.workbook.tables.getItem(ISSUE_SHEET).getDataBodyRange().load('rowCount');
    const nonImplSize = context.workbook.tables.getItem(NONIMPL_SHEET).getDataBodyRange().load('rowCount');
    try {
      await sync();
    } catch (e) {
      // a write that failed part-way may have left sheets unprotected
      await restoreProtection(run, [...protectedSheets], password).catch(() => undefined);
      return err('sync-failed', xt.syncFailed(syncMessage(e)));
    }

    // ---- round trip 3 (rare): a co-author changed a list between round trips 1 and 2
    t0 = nowMs();
    const issueNow = issueAgain.read();
    const nonImplNow = nonImplAgain.read();
    const changed = JSON.stringify(issueNow.body) !== JSON.stringify(issueRead.body) || JSON.stringify(nonImplNow.body) !== JSON.stringify(nonImplRead.body);
    let remerged = false;
    if (changed) {
      remerged = true;
      const writtenRows = { issue: issueSize.rowCount, nonImpl: nonImplSize.rowCount };
      lists = mergeLists(report, issueNow, nonImplNow, baseline);
      rowsOut = listRows(lists);
      archive = archiveGrid(lists);
      computeMs += nowMs() - t0;
      withUnprotected(() => {
        queueReplaceBody(context, ISSUE_SHEET, writtenRows.issue, issueNow.headers.length, rowsOut.issue);
        queueReplaceBody(context, NONIMPL_SHEET, writtenRows.nonImpl, nonImplNow.headers.length, rowsOut.nonImpl);
        const ws = context.workbook.worksheets.getItem(sheetName);
        const used = ws.getUsedRange();
        used.unmerge();
        used.clear('All' as Excel.ClearApplyTo.all);
        queueArchiveLayout(ws, archive);
        baselineWrite(lists, baselineCount);
      });
      try {
        await sync();
      } catch (e) {
        await restoreProtection(run, [...protectedSheets], password).catch(() => undefined);
        return err('sync-failed', xt.syncFailed(syncMessage(e)));
      }
    } else computeMs += nowMs() - t0;

    return ok({
      report,
      issueRows: lists.issues.map(stripExtra),
      nonImplementationRows: lists.nonImpl.map(stripExtra),
      suggestions,
      archiveSheet: sheetName,
      syncs,
      remerged,
      computeMs,
      timings: { parseMs, domainMs, adapterMs: computeMs - parseMs - domainMs },
      rowErrors: data.rowErrors,
    });
  });
}

function stripExtra<T extends object>(r: T & Extra): T {
  const { raw: _raw, computed: _computed, ...rest } = r;
  void _raw;
  void _computed;
  return rest as unknown as T;
}

/** Widths, look and print setup of a report sheet (idempotent). */
function queueReportLook(ws: Excel.Worksheet, grid: ReportGrid): void {
  // the title over the printed width (the template's merge is narrower)
  const title = ws.getRange(`A1:${columnLetter(grid.printWidth)}1`);
  title.unmerge();
  title.merge(false);
  ws.getRange('A:A').format.columnWidth = REPORT_WIDTHS.first;
  ws.getRange(`B:${columnLetter(Math.max(grid.width, grid.printWidth))}`).format.columnWidth = REPORT_WIDTHS.rest;
  queueStyles(ws, reportStyles(grid));
  queuePrintSetup(ws, documentPrintSetup({ lastRow: grid.lastRow, lastColumn: columnLetter(grid.printWidth) }, [grid.appendixFirst]));
}

/** 督查报告: the look, and the hidden 生成记录 columns. */
function queueReportLayout(ws: Excel.Worksheet, grid: ReportGrid): void {
  queueReportLook(ws, grid);
  ws.getRange(`${BASELINE_COLS.first}:${BASELINE_COLS.last}`).columnHidden = true;
}

function queueArchiveLayout(ws: Excel.Worksheet, grid: ReportGrid): void {
  queueGrid(ws, grid, 1);
  queueReportLook(ws, grid);
}

/** The report date range a month's round covers: [first day, last day] of 'YYYY-MM'. */
export function monthPeriod(month: string): { from: IsoDate; to: IsoDate } {
  const from = `${month}-01`;
  return { from, to: monthEnd(from) };
}

/** min helper re-exported for callers computing the report's date */
export const reportDate = (period: { to: IsoDate }, asOf: IsoDate): IsoDate => minDate(period.to, asOf);
