/**
 * 审签退回: the 分管领导 sends a section's unsigned node report back with a comment instead of
 * signing it. The workflow writes one 反馈记录 of 类型 审签退回 (dated the day of the return, 经办人
 * the leader) whose 内容 names the report it answers — its node and its 反馈日期 — and the comment:
 *
 *   1天反馈（2026-03-06）退回：请补充责任人和完成时间
 *
 * A returned report is not an accepted report: it is no longer 待审签 and never fills its node's
 * date, so the node counts only from a re-submitted report once signed (docs/rules.md). It is not a
 * 退回 either: no deduction, not counted by the 不落实 rule. The section sees the comment until it
 * reports the same node again.
 *
 * Records are read in 反馈记录 order (the order they were written): a 审签退回 answers the reports of
 * its item, node and date written before it; a report written after it (a re-submission, even on
 * the same day) is a new report.
 */
import { domain } from '../i18n/domain';
import { err, ok, type Result } from './result';
import type { FeedbackRecord, IsoDate, LedgerItem } from './types';

export interface SignOffReturn {
  /** the report's 类型 (1天反馈, 3天反馈, 落实反馈, 月度反馈) */
  node: string;
  /** the report's 反馈日期 */
  reportDate: IsoDate;
  comment: string;
}

/** A comment's length limit: a 反馈记录 内容 holds 1000 characters, less room for the node and date. */
export const SIGN_OFF_COMMENT_MAX = 960;

/** The 内容 of a 审签退回 record. */
export function signOffReturnContent(node: string, reportDate: IsoDate, comment: string): string {
  return domain.workflow.signOffReturnContent(node, reportDate, comment);
}

const CONTENT = /^(\S+?)（(\d{4}-\d{2}-\d{2})）退回：([\s\S]*)$/;

/** The report a 审签退回 record answers, and its comment; null for any other record or an unreadable 内容. */
export function parseSignOffReturn(record: Pick<FeedbackRecord, 'type' | 'content'>): SignOffReturn | null {
  if (record.type !== '审签退回' || typeof record.content !== 'string') return null;
  const m = CONTENT.exec(record.content);
  return m ? { node: m[1], reportDate: m[2], comment: m[3] } : null;
}

const key = (itemId: string, node: string, date = '') => `${itemId}\u0000${node}\u0000${date}`;

/** Unsigned reports that a 审签退回 written after them sent back (the very objects of `records`). */
type ReportFields = Pick<FeedbackRecord, 'itemId' | 'type' | 'date' | 'content' | 'signedOn'>;

export function returnedReports<R extends ReportFields>(records: readonly R[]): Set<R> {
  const out = new Set<R>();
  const later = new Set<string>();
  for (let i = records.length - 1; i >= 0; i--) {
    const r = records[i];
    const back = parseSignOffReturn(r);
    if (back) later.add(key(r.itemId, back.node, back.reportDate));
    else if (!r.signedOn && later.has(key(r.itemId, r.type, r.date))) out.add(r);
  }
  return out;
}

export interface OpenReturn<R extends FeedbackRecord = FeedbackRecord> extends SignOffReturn {
  /** the 审签退回 record */
  record: R;
}

/**
 * The returns of `itemId` the section has not answered yet: a 审签退回 with no report of the same
 * node written after it. In 反馈记录 order.
 */
export function openReturns<R extends FeedbackRecord>(records: readonly R[], itemId: string): OpenReturn<R>[] {
  const out: OpenReturn<R>[] = [];
  const reportedLater = new Set<string>();
  for (let i = records.length - 1; i >= 0; i--) {
    const r = records[i];
    if (r.itemId !== itemId) continue;
    const back = parseSignOffReturn(r);
    if (!back) reportedLater.add(key(r.itemId, r.type));
    else if (!reportedLater.has(key(r.itemId, back.node))) out.unshift({ ...back, record: r });
  }
  return out;
}

/**
 * Where a report stands now, among its item's records as they are (in 反馈记录 order): signed,
 * sent back by a 审签退回, or still waiting. A pane's list may be older than that: 审签 and 审签退回
 * act only on a report still waiting.
 */
export function reportStanding<R extends ReportFields>(records: readonly R[], report: R): 'pending' | 'signed' | 'returned' {
  if (report.signedOn) return 'signed';
  return returnedReports(records).has(report) ? 'returned' : 'pending';
}

/** ok while the report still waits for its 审签; else the refusal (report-signed, report-returned) in Chinese. */
export function checkReportWaiting<R extends ReportFields>(records: readonly R[], report: R): Result<null> {
  const standing = reportStanding(records, report);
  if (standing === 'signed') return err('report-signed', domain.workflow.reportSigned(report.type, report.date, report.signedOn ?? ''));
  if (standing === 'returned') return err('report-returned', domain.workflow.reportReturned(report.type, report.date));
  return ok(null);
}

/**
 * What of an item waits on its section after being sent back, for a list to mark: a report the
 * 分管领导 sent back and not yet reported again ('report'), or an application to close that the
 * office returned (退回: back to 办理中) and not yet made again ('closing'); null when nothing.
 */
export function sentBackMark(item: Pick<LedgerItem, 'id' | 'state' | 'returnCount'>, records: readonly FeedbackRecord[]): 'report' | 'closing' | null {
  if (openReturns(records, item.id).length > 0) return 'report';
  return item.state === '办理中' && item.returnCount > 0 ? 'closing' : null;
}
