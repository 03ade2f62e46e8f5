/**
 * 考核存档: one row per section of a frozen month, the same for the add-in's 冻结本月 (excel/
 * scoresArchive) and for a template built with months already frozen. The scores are the domain's
 * (`monthlyScores`), never read from 月度考核's formula cells.
 *
 * A frozen month leaves 考核明细 (docs/rules.md "月度考核"): its figures stand in 考核存档, and
 * 考核明细 keeps computing only the months still open, so a ledger that freezes each month does not
 * recount every past month at each recalculation.
 */
import { minDate, monthEnd } from '../domain/dates';
import type { SectionScore } from '../domain/scoring';
import type { IsoDate } from '../domain/types';
import { rounds as t } from '../i18n/rounds';

export const ARCHIVE_HEADERS = t.freezeHeaders;
export type ArchiveHeader = (typeof ARCHIVE_HEADERS)[number];
/** header row of the 考核存档 table (row 1 title, row 2 note) */
export const ARCHIVE_HEADER_ROW = 3;
/** the 考核存档 columns that hold dates */
export const ARCHIVE_DATE_HEADERS = ['统计截止', '冻结日期'] as const satisfies readonly ArchiveHeader[];
/** the 考核存档 columns that hold text */
export const ARCHIVE_TEXT_HEADERS = ['考核月份', '科室', '冻结人', '操作ID'] as const satisfies readonly ArchiveHeader[];

export interface ArchiveStamp {
  /** 今天 of the freeze: the month is scored at MIN(month end, asOf) */
  asOf: IsoDate;
  frozenOn: IsoDate;
  actorName: string;
  version: number;
  opId: string;
}

/** One section's archive row by header: numbers, texts and ISO dates (the writer types the cells). */
export function archiveRecord(s: SectionScore, stamp: ArchiveStamp): Record<ArchiveHeader, string | number> {
  const c = s.counts;
  return {
    考核月份: s.month,
    科室: s.section,
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
    // the last day the month is scored to: its end, or asOf while it is still running
    统计截止: minDate(monthEnd(`${s.month}-01`), stamp.asOf),
    冻结日期: stamp.frozenOn,
    冻结人: stamp.actorName,
    版本: stamp.version,
    操作ID: stamp.opId,
  };
}
