/**
 * 审签 and 审签退回 act on a report as it stands in 反馈记录 now, not as the pane's list showed it:
 * another pane may have signed it or sent it back since. The report is found by the 操作ID of the
 * 反馈 that wrote it; its item's records, in sheet order, say where it stands
 * (domain/signOffReturn.ts checkReportWaiting).
 */
import { checkReportWaiting } from '../../domain/signOffReturn';
import { err, ok, type Result } from '../../domain/result';
import type { FeedbackRecord } from '../../domain/types';
import { excel as t } from '../../i18n/excel';
import { cellDate, cellText } from '../cells';

/** The 反馈记录 columns the check reads, in this order. */
export const REPORT_COLUMNS = ['编号', '类型', '日期', '内容', '审签人', '审签日期', '操作ID'] as const;

type Report = Pick<FeedbackRecord, 'itemId' | 'type' | 'date' | 'content' | 'signer' | 'signedOn'> & { opId: string };

/** This operation as it would sign: a retry finds its own signature, or its own 审签退回, already there. */
export interface ThisOperation {
  signer: string;
  on: string;
  /** this operation already wrote a record or a log line for the item (a retry) */
  wroteBefore: boolean;
}

/** ok when the report keyed `opId` is still waiting for its 审签 (or this operation is completing); else why not, in Chinese. */
export function checkReport(rows: readonly (readonly unknown[])[], opId: string, self: ThisOperation): Result<null> {
  if (!opId) return err('record-not-found', t.recordNotFound(opId));
  const records: Report[] = rows.map(([id, type, date, content, signer, signedOn, op]) => ({
    itemId: cellText(id),
    type: cellText(type) as FeedbackRecord['type'],
    date: cellDate(date) ?? cellText(date),
    content: cellText(content),
    signer: cellText(signer),
    signedOn: cellDate(signedOn),
    opId: cellText(op),
  }));
  const report = records.find((r) => r.opId === opId);
  if (!report) return err('record-not-found', t.recordNotFound(opId));
  const mine = records.filter((r) => r.itemId === report.itemId);
  // a retry: what this operation wrote before it stopped is no other pane's decision
  if (self.wroteBefore || (report.signedOn === self.on && report.signer === self.signer)) return ok(null);
  return checkReportWaiting(mine, report);
}
