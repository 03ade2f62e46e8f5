/**
 * The 督查报告 as a 公文 (GB/T 9704-2012 elements): 版头 (发文机关标志), 文号, 标题, 主送, 正文 —
 * 一、总体情况 with its three tables, 二、主要问题, 三、督查建议 — 附件说明, 署名 and 成文日期, then
 * 附件1 问题清单 and 附件2 不落实典型事项清单 as tables, and the 版记 (抄送, 印发机关 and 印发日期).
 *
 * The figures come from the domain's SupervisionReport; the 主要问题 and 督查建议 texts and both
 * lists are the round as it stands in the workbook (the clerk's edits, hand rows and overrides
 * included): the adapter reads them and passes them here.
 */
import { documents as t } from '../../i18n/documents';
import { rounds as rt } from '../../i18n/rounds';
import type { IssueRow, NonImplementationRow } from '../lists';
import { sumBreakdown, type Rates, type StatusCounts, type SupervisionReport } from '../report';
import type { IsoDate } from '../types';
import type { Block, OfficialDocument, TableBlock } from './model';
import { formatDocNumber, type DocumentSettings } from './settings';

export interface ReportDocumentInput {
  report: SupervisionReport;
  /** 督查日期 of the round (成文日期 and 印发日期) */
  roundDate: IsoDate;
  /** 主要问题 as on the 督查报告 sheet */
  mainProblems: readonly string[];
  /** 督查建议 as on the 督查报告 sheet (the clerk's edits) */
  suggestions: readonly string[];
  /** 问题清单 as on its sheet */
  issues: readonly IssueRow[];
  /** 不落实清单 as on its sheet */
  nonImplementation: readonly NonImplementationRow[];
  doc: DocumentSettings;
}

/** 「2026年11月」 for a calendar month, else 「2026年11月1日至2026年11月15日」. */
export function periodWords(period: { from: IsoDate; to: IsoDate }): string {
  const whole = period.from.endsWith('-01') && period.from.slice(0, 7) === period.to.slice(0, 7) && monthLast(period.to);
  return whole ? t.chineseMonth(period.from) : `${t.chineseDate(period.from)}至${t.chineseDate(period.to)}`;
}

function monthLast(d: IsoDate): boolean {
  const [y, m, day] = d.split('-').map(Number);
  return new Date(Date.UTC(y, m, 0)).getUTCDate() === day;
}

export function percentText(r: number | null): string {
  return r === null ? rt.noRate : `${(Math.round(r * 1000) / 10).toFixed(1)}%`;
}

type Counts = StatusCounts & Rates;

function breakdown(caption: string, first: string, rows: readonly (Counts & { label: string })[]): TableBlock {
  const line = (label: string, b: Counts) => [
    label,
    String(b.items),
    String(b.open),
    String(b.overdue),
    String(b.near),
    String(b.closed),
    percentText(b.onTimeClosureRate),
    percentText(b.feedbackTimelinessRate),
  ];
  return {
    type: 'table',
    caption,
    headers: [...rt.breakdownHeaders(first)],
    rows: [...rows.map((r) => line(r.label, r)), line(rt.total, sumBreakdown(rows))],
    widths: [22, 9, 8, 11, 11, 11, 14, 14],
  };
}

const numbered = (s: string) => s.replace(/^\s*\d+[.、．]\s*/, '');

/** 附件1: the 问题清单 rows, one table row each, in the sheet's order. */
export function issueTable(rows: readonly IssueRow[]): TableBlock {
  return {
    type: 'table',
    headers: [...t.issueHeaders],
    rows: rows.map((r, i) => [String(i + 1), r.itemId || t.none, r.content, r.section, r.responsible || t.none, String(r.rectifyBy || t.none)]),
    widths: [7, 17, 34, 17, 10, 15],
  };
}

/** 附件2: the 不落实典型事项清单 rows. */
export function nonImplementationTable(rows: readonly NonImplementationRow[]): TableBlock {
  return {
    type: 'table',
    headers: [...t.nonImplHeaders],
    rows: rows.map((r, i) => [String(i + 1), r.itemId || t.none, r.section, r.clue, String(r.suggestion)]),
    widths: [7, 17, 18, 42, 16],
  };
}

export function reportDocument(input: ReportDocumentInput): OfficialDocument {
  const { report, doc } = input;
  const tot = report.totals;
  const label = periodWords(report.period);
  const month = Number(report.period.to.slice(5, 7));
  const body: Block[] = [
    { type: 'paragraph', text: t.reportIntro(report.period.from, report.period.to, report.asOf) },
    { type: 'heading', level: 1, text: rt.headings[0] },
    { type: 'paragraph', text: rt.overview(report.period.from, report.period.to, report.asOf, tot.items, tot.open, tot.closed, tot.notAssigned) },
    {
      type: 'table',
      caption: t.totalsTitle,
      headers: [...rt.totalsHeaders1],
      rows: [[tot.items, tot.open, tot.overdue, tot.near, tot.extended, tot.notAssigned].map(String)],
      widths: [1, 1, 1, 1, 1, 1],
    },
    {
      type: 'table',
      headers: [...rt.totalsHeaders2],
      rows: [
        [
          String(tot.closed),
          String(tot.onTimeClosed),
          percentText(report.onTimeClosureRate),
          String(report.reportsDue),
          String(report.reportsOnTime),
          percentText(report.feedbackTimelinessRate),
        ],
      ],
      widths: [1, 1, 1, 1, 1, 1],
    },
    breakdown(
      t.sectionTableTitle,
      rt.sectionHeader,
      report.bySection.map((b) => ({ ...b, label: b.section })),
    ),
    breakdown(
      t.sourceTableTitle,
      rt.sourceHeader,
      report.bySource.filter((b) => b.items > 0).map((b) => ({ ...b, label: b.source })),
    ),
    { type: 'heading', level: 1, text: rt.headings[1] },
    ...input.mainProblems.filter((s) => s.trim() !== '').map((s): Block => ({ type: 'paragraph', text: s.trim() })),
    { type: 'heading', level: 1, text: rt.headings[2] },
    ...input.suggestions
      .filter((s) => s.trim() !== '')
      .map((s, i): Block => ({ type: 'paragraph', lead: `（${chineseNumber(i + 1)}）`, text: numbered(s.trim()) })),
    { type: 'paragraph', text: `${t.attachmentsLabel}${t.attachmentNames[0]}` },
    // the second attachment's name lines up under the first (附件说明)
    { type: 'paragraph', text: t.attachmentNames[1], indent: 2 + t.attachmentsLabel.length },
    { type: 'signature', lines: [doc.organ, t.chineseDate(input.roundDate)] },
  ];
  const issues = issueTable(input.issues);
  const nonImpl = nonImplementationTable(input.nonImplementation);
  return {
    kind: 'report',
    fileName: t.files.report(label),
    organMark: doc.organMark,
    docNumber: formatDocNumber(doc.reportNumberPattern, report.period.to.slice(0, 4), month),
    title: t.reportTitle(label),
    addressee: `${doc.addressee}：`,
    body,
    attachments: [
      { heading: t.attachmentHeading(1), title: t.issueTitle, table: issues },
      { heading: t.attachmentHeading(2), title: t.nonImplTitle, table: nonImpl },
    ],
    colophon: { cc: doc.cc ? `${t.ccLabel}${doc.cc}` : '', printer: doc.printer, date: `${t.chineseDate(input.roundDate)}印发` },
  };
}

const DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

/** 1 → 一 … 10 → 十, 11 → 十一, 20 → 二十 (enough for 督查建议 items). */
export function chineseNumber(n: number): string {
  if (n <= 10) return DIGITS[n];
  if (n < 20) return `十${DIGITS[n - 10]}`;
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${DIGITS[tens]}十${ones ? DIGITS[ones] : ''}`;
}
