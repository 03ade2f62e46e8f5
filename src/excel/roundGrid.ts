/**
 * The 督查报告 laid out as a grid of cell values, and the cells of the two lists' rows: pure (no
 * Office.js), shared by the add-in's round (rounds.ts), the render tests (exceljs) and 公文.
 * Layout: the schema's fixed cells (A1 title, B2 督查日期, B3/D3 区间, headings at A5, A15, A25):
 * 总体情况 rows 6–14, 主要问题 rows 16–24, 督查建议 rows 26–35 (editable), then 附表一 (by 承办科室)
 * and 附表二 (by 来源类别); the dated copy adds both lists and a footer.
 */
import { isIsoDate, minDate, monthEnd } from '../domain/dates';
import type { IssueRow, NonImplementationRow } from '../domain/lists';
import { sumBreakdown, type Rates, type SectionBreakdown, type SourceBreakdown, type StatusCounts, type SupervisionReport } from '../domain/report';
import type { IsoDate } from '../domain/types';
import { rounds as t } from '../i18n/rounds';
import { workbook as wt } from '../i18n/workbook';
import { cellText, dateCell, textCell, type CellValue } from './cells';
import { SHEET } from '../workbook/sheetNames';

export const ISSUE_SHEET = SHEET.issues;
export const NONIMPL_SHEET = SHEET.nonImplementation;
export const REPORT_SHEET = SHEET.report;

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

// pure helpers (exported for tests, the render script and the dashboard)

/** 「2026-11」 when the period is exactly a calendar month, else 「2026-11-01~2026-11-15」. */
export function periodLabel(period: { from: IsoDate; to: IsoDate }): string {
  if (period.from.endsWith('-01') && monthEnd(period.from) === period.to) return period.from.slice(0, 7);
  return `${period.from}~${period.to}`;
}

export function archiveSheetName(period: { from: IsoDate; to: IsoDate }): string {
  return t.archiveSheet(periodLabel(period));
}

export type Row = CellValue[];

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
  set(LAYOUT.totals2 + 1, [
    tot.closed,
    tot.onTimeClosed,
    pct(report.onTimeClosureRate),
    report.reportsDue,
    report.reportsOnTime,
    pct(report.feedbackTimelinessRate),
  ]);
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
  table(
    t.appendixSection,
    t.sectionHeader,
    report.bySection.map((b: SectionBreakdown) => breakdownRow(b.section, b)),
    breakdownRow(t.total, sumBreakdown(report.bySection)),
  );
  table(
    t.appendixSource,
    t.sourceHeader,
    report.bySource.map((b: SourceBreakdown) => breakdownRow(b.source, b)),
    breakdownRow(t.total, sumBreakdown(report.bySource)),
  );

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
  return {
    rows,
    mergedRows,
    boldRows,
    formats,
    width,
    headings,
    tables,
    lastRow: rows.length,
    printWidth: Math.max(LAYOUT.width, ...tables.map((x) => x.width)),
    appendixFirst: LAYOUT.appendixFirst,
  };
}

/** Pad ragged rows to `width` with blanks. */
export function padGrid(rows: readonly Row[], width: number): Row[] {
  return rows.map((row) => [...row, ...Array<CellValue>(Math.max(0, width - row.length)).fill('')]);
}

export type Extra = { note?: string; raw?: Record<string, unknown>; computed?: string };

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

/**
 * The cells a list row keeps as it was read (`raw`); for a hand row that is the row itself, with
 * its 序号 renumbered and 手工 set.
 */
type ListRow = { seq: number; itemId: string; manual?: boolean; note?: string } & Extra;

/** A hand row: 编号 empty, or marked 手工 (kept verbatim by every round). */
export function isHand(r: { itemId: string; manual?: boolean }): boolean {
  return r.manual === true || r.itemId.trim() === '';
}

/**
 * A list row's cells: a hand row as it was read (`raw`), 序号 renumbered and 手工 set; a generated
 * row from `fields`, between the columns every list has (序号, 编号 … 手工, 备注).
 */
function listRecord(row: ListRow, fields: () => Record<string, CellValue>): Record<string, CellValue> {
  const base: Record<string, CellValue> = {};
  if (row.raw) for (const [h, v] of Object.entries(row.raw)) base[h] = rawCell(v);
  if (isHand(row) && row.raw) return { ...base, 序号: row.seq, 手工: cellText(row.raw['手工']).trim() || t.manualMark };
  return {
    ...base,
    序号: row.seq,
    编号: textCell(row.itemId),
    ...fields(),
    手工: isHand(row) ? t.manualMark : '',
    备注: textCell(row.note ?? ''),
  };
}

function issueRecord(row: IssueRow & Extra): Record<string, CellValue> {
  return listRecord(row, () => ({
    事项内容: textCell(row.content),
    整改责任科室: textCell(row.section),
    责任人: textCell(row.responsible),
    整改期限: dateOrText(row.rectifyBy),
    预警状态: textCell(row.status),
  }));
}

export function nonImplCells(row: NonImplementationRow & Extra): Row {
  const byHeader = nonImplRecord(row);
  return NONIMPL_HEADERS.map((h) => byHeader[h] ?? '');
}

function nonImplRecord(row: NonImplementationRow & Extra): Record<string, CellValue> {
  return listRecord(row, () => ({
    承办科室: textCell(row.section),
    问题线索: textCell(row.clue),
    问责建议: textCell(String(row.suggestion)),
    人工调整: row.override ? t.overrideMark(row.computed ?? '') : '',
  }));
}

/** The report date range a month's round covers: [first day, last day] of 'YYYY-MM'. */
export function monthPeriod(month: string): { from: IsoDate; to: IsoDate } {
  const from = `${month}-01`;
  return { from, to: monthEnd(from) };
}

/** min helper re-exported for callers computing the report's date */
export const reportDate = (period: { to: IsoDate }, asOf: IsoDate): IsoDate => minDate(period.to, asOf);
