/**
 * The two lists of a round merged with what is on the sheets: pure (no Office.js).
 * - 问题清单 row is a HAND row when 编号 is empty, 手工 is filled, or its 编号 was not written by
 *   the previous round and is not generated now. Hand rows are kept verbatim (手工 set to 是) after
 *   the generated rows. A generated row keeps the 整改期限 and 备注 the clerk gave it.
 * - 不落实清单: the clerk overrides 问责建议 by simply editing the cell (or by filling 人工调整).
 *   An edit is detected against the value the previous round wrote (生成记录). An overridden row
 *   shows 人工调整 = 「是（系统建议：…）」 and keeps its 问责建议 on every regeneration; clearing
 *   人工调整 (with 问责建议 left as written) hands the row back to the ladder.
 * - 生成记录: hidden columns Z:AB of 督查报告 (类别 / 键 / 值): what the last round wrote (generated
 *   编号 of both lists, the 问责建议 written, the 督查建议 text, the period and the archive sheet).
 */
import { isIsoDate } from '../domain/dates';
import { mergeIssueList, mergeNonImplementationList, type IssueRow, type NonImplementationRow } from '../domain/lists';
import type { SupervisionReport } from '../domain/report';
import type { IsoDate } from '../domain/types';
import { rounds as t } from '../i18n/rounds';
import { cellDate, cellText, textCell, type CellValue } from './cells';
import { ISSUE_SHEET, NONIMPL_SHEET, isHand, type Extra, type Row } from './roundGrid';

/** 生成记录 (hidden) on 督查报告: 类别 / 键 / 值 in these columns. */
export const BASELINE_COLS = { first: 'Z', last: 'AB' } as const;

/** What the previous round wrote (生成记录). */
export interface Baseline {
  issueIds: Set<string>;
  /**
   * 编号 a round was writing when it stopped (待写入 rows, written before its lists): generated,
   * not hand rows, when that round (or a later one) reads them back.
   */
  pendingIds: Set<string>;
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
  /** the round that wrote it, and that round's 操作日志 变更前 (for its own retry) */
  opId: string;
  logBefore: string;
}

export function parseBaseline(values: readonly (readonly unknown[])[]): Baseline {
  const b: Baseline = {
    issueIds: new Set(),
    pendingIds: new Set(),
    suggestions: new Map(),
    reportSuggestions: [],
    period: null,
    archiveSheet: '',
    issues: 0,
    nonImpl: 0,
    lastRow: 0,
    opId: '',
    logBefore: '',
  };
  let from = '';
  let to = '';
  for (const row of values) {
    const kind = cellText(row[0]).trim();
    const key = cellText(row[1]).trim();
    const value = row[2];
    if (kind === ISSUE_SHEET && key) b.issueIds.add(key);
    else if (kind === NONIMPL_SHEET && key) b.suggestions.set(key, cellText(value).trim());
    else if (kind === PENDING && key) b.pendingIds.add(key);
    else if (kind === '督查建议') b.reportSuggestions[Number(key) - 1] = cellText(value);
    else if (kind === 'meta') {
      if (key === 'from') from = cellDate(value) ?? cellText(value);
      else if (key === 'to') to = cellDate(value) ?? cellText(value);
      else if (key === 'archiveSheet') b.archiveSheet = cellText(value);
      else if (key === 'issues') b.issues = Number(value) || 0;
      else if (key === 'nonImpl') b.nonImpl = Number(value) || 0;
      else if (key === 'lastRow') b.lastRow = Number(value) || 0;
      else if (key === 'opId') b.opId = cellText(value);
      else if (key === 'logBefore') b.logBefore = cellText(value);
    }
  }
  if (isIsoDate(from) && isIsoDate(to)) b.period = { from, to };
  b.reportSuggestions = Array.from(b.reportSuggestions, (s) => s ?? '');
  return b;
}

export function baselineRows(
  issues: readonly IssueRow[],
  nonImpl: readonly NonImplementationRow[],
  suggestions: readonly string[],
  meta: Record<string, CellValue>,
): Row[] {
  const rows: Row[] = [[t.baselineHeader, '', '']];
  for (const [k, v] of Object.entries(meta)) rows.push(['meta', k, v]);
  suggestions.forEach((s, i) => rows.push(['督查建议', String(i + 1), textCell(s)]));
  for (const r of issues) if (!isHand(r)) rows.push([ISSUE_SHEET, textCell(r.itemId), '']);
  for (const r of nonImpl) if (!isHand(r)) rows.push([NONIMPL_SHEET, textCell(r.itemId), textCell(String(r.suggestion))]);
  return rows;
}

/** 生成记录 rows of the ids a round is about to write (before its lists; replaced when it ends). */
export const PENDING = '待写入';

export function pendingRows(issues: readonly IssueRow[], nonImpl: readonly NonImplementationRow[], opId: string): Row[] {
  const ids = new Set([...issues, ...nonImpl].filter((r) => !isHand(r)).map((r) => r.itemId));
  return [...ids].map((id) => [PENDING, textCell(id), textCell(opId)]);
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

/**
 * A hand row that repeats an earlier hand row word for word (序号 and 手工 aside) is the copy a
 * stopped round left below the original (roundWrites): dropped.
 */
function withoutRepeatedHandRows<T extends { manual?: boolean; raw?: Record<string, unknown> }>(rows: T[]): T[] {
  const seen = new Set<string>();
  return rows.filter((r) => {
    if (!r.manual || !r.raw) return true;
    const key = JSON.stringify(
      Object.entries(r.raw)
        .filter(([h]) => h !== '序号' && h !== '手工')
        .map(([h, v]) => [h, cellText(v).trim()]),
    );
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Previous 问题清单 rows, hand rows marked (see the module comment). */
export function previousIssues(list: ListRead, generatedIds: ReadonlySet<string>, baseline: Baseline): (IssueRow & Extra)[] {
  return withoutRepeatedHandRows(
    rowsOf(list).map((rec, k) => {
      const itemId = cellText(rec['编号']).trim();
      const marked = cellText(rec['手工']).trim() !== '';
      const manual = itemId === '' || marked || (!generatedIds.has(itemId) && !baseline.issueIds.has(itemId) && !baseline.pendingIds.has(itemId));
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
    }),
  );
}

/**
 * Previous 不落实清单 rows, hand rows and overrides marked. An unmarked 问责建议 that differs from
 * what the last round wrote but equals what the ladder suggests now (`computed`) is no override:
 * there is nothing to keep apart from the ladder (and it is what a round that stopped between
 * its list and its 生成记录 leaves behind).
 */
export function previousNonImpl(
  list: ListRead,
  generatedIds: ReadonlySet<string>,
  baseline: Baseline,
  computed: ReadonlyMap<string, string> = new Map(),
): (NonImplementationRow & Extra)[] {
  return withoutRepeatedHandRows(
    rowsOf(list).map((rec, k) => {
      const itemId = cellText(rec['编号']).trim();
      const marked = cellText(rec['手工']).trim() !== '';
      const manual = itemId === '' || marked || (!generatedIds.has(itemId) && !baseline.suggestions.has(itemId) && !baseline.pendingIds.has(itemId));
      const suggestion = cellText(rec['问责建议']).trim();
      const flagged = cellText(rec['人工调整']).trim() !== '';
      const written = baseline.suggestions.get(itemId);
      const override = suggestion !== '' && (flagged || (written !== undefined && written !== suggestion && computed.get(itemId) !== suggestion));
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
    }),
  );
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
  const computed = new Map(report.nonImplementationList.map((r) => [r.itemId, String(r.suggestion)]));
  const prevNonImpl = previousNonImpl(nonImplList, genNonImplIds, baseline, computed);
  const issueNotes = new Map(prevIssues.filter((r) => !r.manual && r.note).map((r) => [r.itemId, r.note!]));
  const nonImplNotes = new Map(prevNonImpl.filter((r) => !r.manual && r.note).map((r) => [r.itemId, r.note!]));
  const issues = (mergeIssueList(report.issueList, prevIssues) as (IssueRow & Extra)[]).map((r) =>
    isHand(r) ? r : { ...r, note: issueNotes.get(r.itemId) ?? '' },
  );
  const nonImpl = (mergeNonImplementationList(report.nonImplementationList, prevNonImpl) as (NonImplementationRow & Extra)[]).map((r) =>
    isHand(r) ? r : { ...r, note: nonImplNotes.get(r.itemId) ?? '', computed: computed.get(r.itemId) ?? '' },
  );
  return { issues, nonImpl };
}

/** Cells of a list row in the sheet's own column order. */
export function inSheetOrder(headers: readonly string[], schemaHeaders: readonly string[], cells: Row): Row {
  const byHeader = new Map(schemaHeaders.map((h, i) => [h, cells[i]]));
  return headers.map((h) => byHeader.get(h) ?? '');
}

// ---------------------------------------------------------------------------------------------
