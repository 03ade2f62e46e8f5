/**
 * 督查报告 (seed document §六(四)): 总体情况 (counts and rates by status, section and
 * 来源类别), 主要问题 (sentences built from the 问题清单 and the 不落实典型事项清单) and default
 * 督查建议 (text blocks the office edits afterwards).
 *
 * Dates: `asOf` is 今天 (what the data knows); the report stands at `end = MIN(period.to, asOf)`,
 * as the monthly assessment stands at MIN(month end, today). Everything is counted at `end`:
 * - in scope: items not 销号 before the period (销号日期 empty or ≥ from) that were 交办 by `end`,
 *   or, not 交办 by `end`, were 立项 by `end` (立项日期 empty or ≤ end);
 * - notAssigned: in scope, not 交办 by end; open: 交办 by end, not 销号 by end (isOpenAt(end));
 *   closed: 销号 in [from, end] (so items = notAssigned + open + closed);
 * - onTimeClosed: closed and 按期办结; overdue / near / extended: open items whose 预警状态 at end
 *   (销号 after end ignored) is 逾期 / 临近 / 延期;
 * - 按期办结率 = onTimeClosed / closed (null when closed = 0);
 * - 反馈及时率 = node reports (1, 3, F) of in-scope items due in [from, end] with due < asOf, reported
 *   on or before the due date / all of them (null when none) — 反馈实效 of the monthly assessment.
 * The two lists are built at `end`.
 */
import type { WorkCalendar } from './calendar';
import { clockNodes, itemClock } from './clock';
import { minDate } from './dates';
import { buildIssueList, buildNonImplementationList, missedNodes, type IssueRow, type NonImplementationRow } from './lists';
import type { Settings } from './settings';
import { overdueSpan } from './overdueText';
import { isOpenAt, itemOverdueDays, warningStatus } from './status';
import { SOURCE_CATEGORIES, type FeedbackRecord, type IsoDate, type LedgerItem, type SectionPeople } from './types';

export interface StatusCounts {
  items: number;
  open: number;
  closed: number;
  onTimeClosed: number;
  overdue: number;
  near: number;
  extended: number;
  notAssigned: number;
}

export interface Rates {
  /** 按期办结率 = onTimeClosed / closed; null when nothing was closed */
  onTimeClosureRate: number | null;
  /** 反馈及时率 = reportsOnTime / reportsDue; null when no report was due */
  feedbackTimelinessRate: number | null;
  reportsDue: number;
  reportsOnTime: number;
}

/** The 合计 row of a breakdown: counts added up, rates recomputed from the sums. */
export function sumBreakdown(rows: readonly (StatusCounts & Rates)[]): StatusCounts & Rates {
  const s = { items: 0, open: 0, closed: 0, onTimeClosed: 0, overdue: 0, near: 0, extended: 0, notAssigned: 0, reportsDue: 0, reportsOnTime: 0 };
  for (const r of rows) for (const k of Object.keys(s) as (keyof typeof s)[]) s[k] += r[k];
  return {
    ...s,
    onTimeClosureRate: s.closed === 0 ? null : s.onTimeClosed / s.closed,
    feedbackTimelinessRate: s.reportsDue === 0 ? null : s.reportsOnTime / s.reportsDue,
  };
}

export type SectionBreakdown = StatusCounts & Rates & { section: string };
export type SourceBreakdown = StatusCounts & Rates & { source: string };

export interface ReportInput {
  items: LedgerItem[];
  records: FeedbackRecord[];
  period: { from: IsoDate; to: IsoDate };
  /** 今天 */
  asOf: IsoDate;
  settings: Settings;
  cal: WorkCalendar;
  sections: string[];
  /** 科室人员, for the 问题清单's 责任人 (optional: names are left empty without it) */
  people?: SectionPeople[];
}

export interface SupervisionReport {
  period: { from: IsoDate; to: IsoDate };
  /** the date the report stands at: MIN(period.to, asOf) */
  asOf: IsoDate;
  totals: StatusCounts;
  onTimeClosureRate: number | null;
  feedbackTimelinessRate: number | null;
  /** the numerators and denominators of the two rates */
  reportsDue: number;
  reportsOnTime: number;
  /** listed sections in their order, then any other 承办科室 found in scope, in ledger order */
  bySection: SectionBreakdown[];
  /** the ten 来源类别 in SPEC order, then any other source found in scope, in ledger order */
  bySource: SourceBreakdown[];
  issueList: IssueRow[];
  nonImplementationList: NonImplementationRow[];
  /** 主要问题, zh-CN sentences */
  mainProblems: string[];
  /** 督查建议, default zh-CN text blocks */
  suggestions: string[];
}

export type ReportBucket = 'notAssigned' | 'open' | 'closed';

/** Which bucket an item falls in at `end` for a period starting `from`; null when out of scope. */
export function reportBucket(item: LedgerItem, from: IsoDate, end: IsoDate): ReportBucket | null {
  if (item.closedOn && item.closedOn < from) return null;
  if (item.assignedOn && item.assignedOn <= end) return isOpenAt(item, end) ? 'open' : 'closed';
  if (item.registeredOn && item.registeredOn > end) return null;
  return 'notAssigned';
}

function emptyCounts(): StatusCounts {
  return { items: 0, open: 0, closed: 0, onTimeClosed: 0, overdue: 0, near: 0, extended: 0, notAssigned: 0 };
}

function ratio(a: number, b: number): number | null {
  return b === 0 ? null : a / b;
}

interface Tally {
  counts: StatusCounts;
  reportsDue: number;
  reportsOnTime: number;
}

/** What one in-scope item adds to a tally (computed once, summed for the totals and both breakdowns). */
interface ItemFacts {
  item: LedgerItem;
  bucket: ReportBucket;
  onTimeClosed: boolean;
  /** 预警状态 at end of an open item, when it is one the report counts */
  flagged: 'overdue' | 'near' | 'extended' | null;
  reportsDue: number;
  reportsOnTime: number;
}

function itemFacts(item: LedgerItem, bucket: ReportBucket, from: IsoDate, end: IsoDate, asOf: IsoDate, settings: Settings, cal: WorkCalendar): ItemFacts {
  const clock = itemClock(item, settings, cal); // the same with or without 销号日期
  let onTimeClosed = false;
  let flagged: ItemFacts['flagged'] = null;
  if (bucket === 'closed') {
    onTimeClosed = warningStatus(item, end, settings, cal, clock) === '按期办结';
  } else if (bucket === 'open') {
    // open at end: a 销号 after end is ignored
    const s = warningStatus(item.closedOn ? { ...item, closedOn: null } : item, end, settings, cal, clock);
    flagged = s === '逾期' ? 'overdue' : s === '临近' ? 'near' : s === '延期' ? 'extended' : null;
  }
  let reportsDue = 0;
  let reportsOnTime = 0;
  if (clock) {
    for (const n of clockNodes(item, clock, settings)) {
      if (n.due < from || n.due > end || n.due >= asOf) continue;
      reportsDue++;
      if (n.reportedOn && n.reportedOn <= n.due) reportsOnTime++;
    }
  }
  return { item, bucket, onTimeClosed, flagged, reportsDue, reportsOnTime };
}

function tally(facts: readonly ItemFacts[]): Tally {
  const counts = emptyCounts();
  let reportsDue = 0;
  let reportsOnTime = 0;
  for (const f of facts) {
    counts.items++;
    if (f.bucket === 'open') counts.open++;
    else if (f.bucket === 'closed') counts.closed++;
    else counts.notAssigned++;
    if (f.onTimeClosed) counts.onTimeClosed++;
    if (f.flagged === 'overdue') counts.overdue++;
    else if (f.flagged === 'near') counts.near++;
    else if (f.flagged === 'extended') counts.extended++;
    reportsDue += f.reportsDue;
    reportsOnTime += f.reportsOnTime;
  }
  return { counts, reportsDue, reportsOnTime };
}

/** Grouped by a key, each group in input order. */
function groupBy<T>(xs: readonly T[], key: (x: T) => string): Map<string, T[]> {
  const m = new Map<string, T[]>();
  for (const x of xs) {
    const k = key(x);
    const list = m.get(k);
    if (list) list.push(x);
    else m.set(k, [x]);
  }
  return m;
}

function rates(t: Tally): Rates {
  return {
    onTimeClosureRate: ratio(t.counts.onTimeClosed, t.counts.closed),
    feedbackTimelinessRate: ratio(t.reportsOnTime, t.reportsDue),
    reportsDue: t.reportsDue,
    reportsOnTime: t.reportsOnTime,
  };
}

/** Keys in a fixed order first, then any other key of `seen` (first-seen order). */
function orderedKeys(fixed: readonly string[], seen: Iterable<string>): string[] {
  const out = [...fixed];
  const known = new Set(out);
  for (const k of seen) {
    if (!known.has(k)) {
      known.add(k);
      out.push(k);
    }
  }
  return out;
}

function percent(r: number): string {
  return `${(Math.round(r * 1000) / 10).toFixed(1)}%`;
}

/** 主要问题: one overall sentence, then one per section with problems (sections in report order). */
export function mainProblemSentences(
  end: IsoDate,
  sectionOrder: readonly string[],
  items: readonly LedgerItem[],
  issues: readonly IssueRow[],
  nonImpl: readonly NonImplementationRow[],
  settings: Settings,
  cal: WorkCalendar,
): string[] {
  // the first ledger item of each 编号 on the list (only those: the ledger has ten times more)
  const listed = new Set(issues.map((r) => r.itemId));
  const byId = new Map<string, LedgerItem>();
  for (const i of items) if (listed.has(i.id) && !byId.has(i.id)) byId.set(i.id, i);
  // rows generated from the ledger (hand rows have no item behind them)
  const generated = issues.filter((r) => !r.manual && byId.has(r.itemId));
  if (generated.length === 0 && nonImpl.length === 0) {
    return [`截至${end}，督办事项均按“13710”时间节点推进，未发现逾期、漏报或退回等问题。`];
  }
  const overdueRows = generated.filter((r) => r.status === '逾期');
  const missedRows = generated.filter((r) => {
    const i = byId.get(r.itemId);
    return !!i && missedNodes(i, end, settings, cal).length > 0;
  });
  const hasMissed = new Set(missedRows);
  const returnedRows = generated.filter((r) => (byId.get(r.itemId)?.returnCount ?? 0) > 0);
  const head: string[] = [];
  if (overdueRows.length) head.push(`${overdueRows.length}项事项逾期`);
  if (missedRows.length) head.push(`${missedRows.length}项事项漏报节点反馈`);
  if (returnedRows.length) head.push(`${returnedRows.length}项事项被退回`);
  const out: string[] = [];
  const overall = [`截至${end}，问题清单共${generated.length}项`];
  if (head.length) overall.push(`其中${head.join('、')}`);
  out.push(`${overall.join('，')}；不落实典型事项${nonImpl.length}项。`);

  // rows by section once (not a pass over both lists per section)
  const rowsBySection = groupBy(generated, (r) => r.section);
  const niBySection = groupBy(
    nonImpl.filter((r) => !r.manual && r.itemId !== ''),
    (r) => r.section,
  );
  for (const section of sectionOrder) {
    const rows = rowsBySection.get(section) ?? [];
    const ni = niBySection.get(section) ?? [];
    if (rows.length === 0 && ni.length === 0) continue;
    const overdue = rows.filter((r) => r.status === '逾期');
    const missed = rows.filter((r) => hasMissed.has(r)).length;
    const returned = rows.filter((r) => (byId.get(r.itemId)?.returnCount ?? 0) > 0).length;
    let sentence: string;
    if (overdue.length) {
      const maxDays = Math.max(...overdue.map((r) => itemOverdueDays(byId.get(r.itemId)!, end, settings, cal)));
      sentence = `${section}有${overdue.length}项事项逾期（最长逾期${overdueSpan(maxDays, settings.overdueCounting)}）`;
    } else if (rows.length) {
      sentence = `${section}有${rows.length}项事项存在问题`;
    } else {
      sentence = `${section}有${ni.length}项事项列入不落实典型事项清单（${ni.map((r) => r.itemId).join('、')}）。`;
      out.push(sentence);
      continue;
    }
    const detail: string[] = [];
    if (missed) detail.push(`漏报节点反馈${missed}项`);
    if (returned) detail.push(`被退回${returned}项`);
    sentence += `，问题清单共${rows.length}项${detail.length ? `，其中${detail.join('、')}` : ''}`;
    if (ni.length) sentence += `；${ni.length}项列入不落实典型事项清单（${ni.map((r) => r.itemId).join('、')}）`;
    out.push(`${sentence}。`);
  }
  return out;
}

/** 督查建议: default blocks, chosen by what the figures show. */
export function defaultSuggestions(
  totals: StatusCounts,
  feedbackRate: number | null,
  issues: readonly IssueRow[],
  nonImpl: readonly NonImplementationRow[],
  settings: Settings,
): string[] {
  const out: string[] = [];
  out.push(
    '严格落实“13710”工作制度：承办科室1天内研究部署、3天内反馈初步落实情况、一般性工作7天内落实解决、重大复杂问题1个月内落实解决，各节点反馈须经分管领导审签后报党政办公室（运行监督科）。',
  );
  if (feedbackRate !== null && feedbackRate < 1) {
    out.push(`本期节点反馈及时率为${percent(feedbackRate)}，各科室要按时间节点报送，杜绝漏报、迟报。`);
  }
  const generated = issues.filter((r) => r.itemId.trim() !== '' && !r.manual).length;
  if (issues.length > 0) {
    out.push(
      `对问题清单所列${issues.length}项问题${generated < issues.length ? `（其中${issues.length - generated}项由督查组补充）` : ''}，整改责任科室要在整改期限（${settings.rectifyWorkdays}个工作日）内整改到位并书面反馈，党政办公室（运行监督科）跟踪督办、销号清零。`,
    );
  }
  if (nonImpl.length > 0) {
    out.push(`对列入不落实典型事项清单的${nonImpl.length}项事项，按问责建议提交分管领导审定后实施，情节较重的按规定提交学校纪检监察部门、组织部门。`);
  }
  if (totals.extended > 0) {
    out.push(`对${totals.extended}项延期事项，承办科室要按经批准的解决方案时间节点推进，并按月反馈进展情况。`);
  }
  out.push('督查结果纳入科室月度考核，作为科室年度考核、人员评优的重要依据。');
  return out;
}

/** The 督查报告 of a round. */
export function buildReport(input: ReportInput): SupervisionReport {
  const { items, records, period, asOf, settings, cal, sections } = input;
  const end = minDate(period.to, asOf);
  // Each in-scope item is looked at once; the totals and the two breakdowns sum the same facts.
  const facts: ItemFacts[] = [];
  for (const item of items) {
    const bucket = reportBucket(item, period.from, end);
    if (bucket) facts.push(itemFacts(item, bucket, period.from, end, asOf, settings, cal));
  }
  const all = tally(facts);

  // groups in first-seen (ledger) order, so their keys give the breakdowns' extra rows
  const factsBySection = groupBy(facts, (f) => f.item.section);
  const sectionOrder = orderedKeys(sections, factsBySection.keys());
  const bySection = sectionOrder.map((section): SectionBreakdown => {
    const t = tally(factsBySection.get(section) ?? []);
    return { section, ...t.counts, ...rates(t) };
  });
  const factsBySource = groupBy(facts, (f) => f.item.source);
  const sourceOrder = orderedKeys(SOURCE_CATEGORIES, factsBySource.keys());
  const bySource = sourceOrder.map((source): SourceBreakdown => {
    const t = tally(factsBySource.get(source) ?? []);
    return { source, ...t.counts, ...rates(t) };
  });

  // Both lists take only items open at end (the others never make them): the open bucket, in ledger order.
  const openAtEnd = facts.filter((f) => f.bucket === 'open').map((f) => f.item);
  const issueList = buildIssueList(openAtEnd, end, settings, cal, input.people ?? [], settings.director);
  const nonImplementationList = buildNonImplementationList(openAtEnd, records, end, settings, cal);
  const r = rates(all);
  return {
    period: { ...period },
    asOf: end,
    totals: all.counts,
    onTimeClosureRate: r.onTimeClosureRate,
    feedbackTimelinessRate: r.feedbackTimelinessRate,
    reportsDue: r.reportsDue,
    reportsOnTime: r.reportsOnTime,
    bySection,
    bySource,
    issueList,
    nonImplementationList,
    mainProblems: mainProblemSentences(end, sectionOrder, items, issueList, nonImplementationList, settings, cal),
    suggestions: defaultSuggestions(all.counts, r.feedbackTimelinessRate, issueList, nonImplementationList, settings),
  };
}
