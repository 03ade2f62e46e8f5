/**
 * 一报告两清单 (seed document §六(四), §六(五); docs/rules.md "不落实典型事项",
 * "问责建议 ladder", "问题清单"): the 问题清单 and the 不落实典型事项清单 at a date D, the 问责建议
 * ladder, and the merges that keep the clerk's own rows and edits when a list is generated again.
 *
 * `isNonImplementation` is THE predicate of the 不落实 list; the monthly deduction (scoring.ts)
 * calls it, so the list and the score can never disagree.
 */
import type { WorkCalendar } from './calendar';
import { clockNodes, itemClock, type ItemClock, type NodeKey } from './clock';
import { responsibleFor } from './responsibility';
import type { Settings } from './settings';
import { overdueSpan } from './overdueText';
import { isMissedAt, isOpenAt, itemOverdueDays, missedReports, warningStatus } from './status';
import type { FeedbackRecord, IsoDate, LedgerItem, SectionPeople, WarningStatus } from './types';

// ---------------------------------------------------------------------------------------------
// 不落实典型事项: rules a–e

export interface NonImplementationFlags {
  /** a) deadline < D, 落实 not done by D, overdueDays(deadline, D) > 设置 不落实逾期天数 */
  a: boolean;
  /** b) missed(D) ≥ 设置 不落实漏报次数 */
  b: boolean;
  /** c) 退回次数 ≥ 设置 不落实退回次数 (the counter as it stands) */
  c: boolean;
  /** d) 最近催办日 ≤ D, missed(D) ≥ 1, overdueDays(最近催办日, D) ≥ 设置 催办后仍逾期天数 */
  d: boolean;
  /** e) 敷衍推诿认定日 ≤ D or 弄虚作假认定日 ≤ D */
  e: boolean;
}

/** Rules a–e at D, each on its own (not gated by "open at D": see isNonImplementation). */
export function nonImplementationRules(
  item: LedgerItem,
  d: IsoDate,
  settings: Settings,
  cal: WorkCalendar,
  clock: ItemClock | null = itemClock(item, settings, cal),
): NonImplementationFlags {
  const t = settings.nonImplementation;
  const counting = settings.overdueCounting;
  const missed = missedReports(item, d, settings, cal, clock);
  const a = !!clock && clock.deadline < d && (!clock.finalDoneOn || clock.finalDoneOn > d) && cal.overdueDays(clock.deadline, d, counting) > t.overdueDays;
  const b = missed >= t.missedReports;
  const c = item.returnCount >= t.returns;
  const dd = !!item.lastUrgedOn && item.lastUrgedOn <= d && missed >= 1 && cal.overdueDays(item.lastUrgedOn, d, counting) >= t.daysAfterUrge;
  const e = (!!item.perfunctoryOn && item.perfunctoryOn <= d) || (!!item.falsifiedOn && item.falsifiedOn <= d);
  return { a, b, c, d: dd, e };
}

/** On the 不落实典型事项清单 at D: open at D and any of rules a–e. */
export function isNonImplementation(item: LedgerItem, d: IsoDate, settings: Settings, cal: WorkCalendar): boolean {
  return listedRules(item, d, settings, cal) !== null;
}

/** The rules a–e of an item on the 不落实 list at D; null when it is not on the list. */
function listedRules(item: LedgerItem, d: IsoDate, settings: Settings, cal: WorkCalendar, clock?: ItemClock | null): NonImplementationFlags | null {
  if (!isOpenAt(item, d)) return null;
  const f = nonImplementationRules(item, d, settings, cal, clock);
  return f.a || f.b || f.c || f.d || f.e ? f : null;
}

// ---------------------------------------------------------------------------------------------
// 问责建议 ladder

/** The 问责建议 ladder, mildest first (seed §六(五)). */
export const ACCOUNTABILITY_SUGGESTIONS = ['责令书面检查', '通报批评', '督查约谈', '提交纪检监察/组织部门'] as const;
export type AccountabilitySuggestion = (typeof ACCOUNTABILITY_SUGGESTIONS)[number];

/**
 * The highest step of the ladder reached at D by an item on the 不落实 list; null when the item
 * is not on the list. overdueDays(deadline, D) is counted whatever the 落实 state (literal reading).
 */
export function accountabilitySuggestion(
  item: LedgerItem,
  d: IsoDate,
  settings: Settings,
  cal: WorkCalendar,
  clock: ItemClock | null = itemClock(item, settings, cal),
): AccountabilitySuggestion | null {
  const f = listedRules(item, d, settings, cal, clock);
  if (!f) return null;
  const rules = [f.a, f.b, f.c, f.d, f.e].filter(Boolean).length;
  const od = clock ? cal.overdueDays(clock.deadline, d, settings.overdueCounting) : 0;
  const t = settings.accountability;
  const perfunctory = !!item.perfunctoryOn && item.perfunctoryOn <= d;
  const falsified = !!item.falsifiedOn && item.falsifiedOn <= d;
  if (falsified || od > t.referOverdue) return '提交纪检监察/组织部门';
  if (od > t.interviewOverdue || rules >= 3) return '督查约谈';
  if (od > t.criticiseOverdue || rules >= 2 || perfunctory) return '通报批评';
  return '责令书面检查';
}

// ---------------------------------------------------------------------------------------------
// 问题清单

/** Names of the report nodes as the 反馈记录 types call them. */
export const NODE_LABELS: Record<NodeKey, string> = { '1': '1天反馈', '3': '3天反馈', F: '落实反馈' };

/** Nodes missed at D: due before D and report empty or given after D (missed(D) of docs/rules.md). */
export function missedNodes(
  item: LedgerItem,
  d: IsoDate,
  settings: Settings,
  cal: WorkCalendar,
  clock: ItemClock | null = itemClock(item, settings, cal),
): NodeKey[] {
  if (!clock) return [];
  const keys: NodeKey[] = [];
  for (const n of clockNodes(item, clock, settings)) if (isMissedAt(n, d)) keys.push(n.key);
  return keys;
}

/** On the 问题清单 at D: open at D with missed(D) ≥ 1 or 退回次数 ≥ 1. */
export function isOnIssueList(item: LedgerItem, d: IsoDate, settings: Settings, cal: WorkCalendar, clock?: ItemClock | null): boolean {
  return isOpenAt(item, d) && (missedReports(item, d, settings, cal, clock) >= 1 || item.returnCount >= 1);
}

/** The problems found on an item at D, e.g. ['3天反馈逾期未报', '被退回2次']. */
export function issueProblems(item: LedgerItem, d: IsoDate, settings: Settings, cal: WorkCalendar, clock?: ItemClock | null): string[] {
  const out = missedNodes(item, d, settings, cal, clock).map((k) => `${NODE_LABELS[k]}逾期未报`);
  if (item.returnCount >= 1) out.push(`被退回${item.returnCount}次`);
  return out;
}

export interface IssueRow {
  /** 序号 */
  seq: number;
  /** 编号; empty for a problem the office added by hand */
  itemId: string;
  /** 事项内容 + the problems found, e.g. 「更换路灯（3天反馈逾期未报；被退回2次）」 */
  content: string;
  /** 整改责任科室 */
  section: string;
  /** 直接责任人 */
  responsible: string;
  /** 整改期限 */
  rectifyBy: IsoDate | string;
  /** 预警状态 at the list's date ('' on a hand row) */
  status: WarningStatus | '';
  /** 手工: a row the office added by hand (kept on regeneration) */
  manual?: boolean;
}

/**
 * The 问题清单 at `asOf`, in ledger order. 整改期限 = addDays(asOf, 设置 整改期限工作日, 工作日);
 * 责任人 = the 直接责任人 of the responsibility matrix.
 */
export function buildIssueList(
  items: readonly LedgerItem[],
  asOf: IsoDate,
  settings: Settings,
  cal: WorkCalendar,
  people: readonly SectionPeople[],
  director: string,
): IssueRow[] {
  const bySection = new Map<string, SectionPeople>();
  for (const p of people) if (!bySection.has(p.section)) bySection.set(p.section, p);
  const rectifyBy = cal.addDays(asOf, settings.rectifyWorkdays, '工作日');
  const rows: IssueRow[] = [];
  for (const item of items) {
    if (!isOpenAt(item, asOf)) continue;
    const clock = itemClock(item, settings, cal); // once per item, for the test, the problems and the status
    if (!isOnIssueList(item, asOf, settings, cal, clock)) continue;
    rows.push({
      seq: rows.length + 1,
      itemId: item.id,
      content: `${item.content}（${issueProblems(item, asOf, settings, cal, clock).join('；')}）`,
      section: item.section,
      responsible: responsibleFor(item.level, bySection.get(item.section), director).direct,
      rectifyBy,
      status: warningStatus(item, asOf, settings, cal, clock),
    });
  }
  return rows;
}

function isHandRow(r: { itemId: string; manual?: boolean }): boolean {
  return r.itemId.trim() === '' || r.manual === true;
}

/**
 * Regenerate the 问题清单 over the previous one: the generated rows first (in their order), then
 * the previous hand rows (编号 empty or 手工) in their order; seq renumbered 1…n. A row generated
 * again for an item that was on the previous list keeps the previous 整改期限 (an issued deadline
 * stands, in particular one the clerk edited); a previous row whose 整改期限 is blank gets the new one.
 * Previous generated rows whose item is no longer on the list are dropped.
 */
export function mergeIssueList(generated: readonly IssueRow[], previous: readonly IssueRow[]): IssueRow[] {
  const prev = new Map<string, IssueRow>();
  for (const r of previous) if (!isHandRow(r) && !prev.has(r.itemId)) prev.set(r.itemId, r);
  const merged: IssueRow[] = generated.map((g) => {
    const p = prev.get(g.itemId);
    const kept = p && String(p.rectifyBy).trim() !== '' ? p.rectifyBy : g.rectifyBy;
    return { ...g, rectifyBy: kept };
  });
  for (const r of previous) if (isHandRow(r)) merged.push({ ...r });
  return merged.map((r, k) => ({ ...r, seq: k + 1 }));
}

// ---------------------------------------------------------------------------------------------
// 不落实典型事项清单

export interface NonImplementationRow {
  /** 序号 */
  seq: number;
  /** 编号; empty for a row added by hand */
  itemId: string;
  /** 承办科室 */
  section: string;
  /** 问题线索: the facts */
  clue: string;
  /** 问责建议 (the ladder's step, or the office's own choice when `override`) */
  suggestion: AccountabilitySuggestion | string;
  /** the office overrode the computed suggestion; kept on regeneration */
  override?: boolean;
  /** 手工: a row the office added by hand (kept on regeneration) */
  manual?: boolean;
}

/**
 * 问题线索 of an item at D: the facts behind its listing, e.g.
 * 「更换路灯」：已逾期14个工作日（办结时限2026-03-09）；漏报3次（1天反馈、3天反馈、落实反馈）；被退回2次（最近一次：材料不全）；催办1次（最近2026-03-12，已过12个工作日）；2026-03-20认定敷衍推诿
 * The latest 退回 reason comes from the 反馈记录 (类型 退回, dated ≤ D, non-empty 内容).
 */
export function nonImplementationClue(
  item: LedgerItem,
  records: readonly FeedbackRecord[],
  d: IsoDate,
  settings: Settings,
  cal: WorkCalendar,
  clock: ItemClock | null = itemClock(item, settings, cal),
): string {
  const parts: string[] = [];
  const counting = settings.overdueCounting;
  // The item's one 逾期天数 (from its earliest overdue node, as the 台账 column, the report and
  // the pane show it), not the days past 办结时限 alone: one item, one figure.
  const days = itemOverdueDays(item, d, settings, cal, clock);
  if (clock && days > 0) parts.push(`已逾期${overdueSpan(days, counting)}（办结时限${clock.deadline}）`);
  const missed = missedNodes(item, d, settings, cal, clock);
  if (missed.length > 0) parts.push(`漏报${missed.length}次（${missed.map((k) => NODE_LABELS[k]).join('、')}）`);
  if (item.returnCount >= 1) {
    const last = records
      .filter((r) => r.itemId === item.id && r.type === '退回' && r.date <= d && r.content.trim() !== '')
      .reduce<FeedbackRecord | null>((a, r) => (!a || r.date >= a.date ? r : a), null);
    parts.push(`被退回${item.returnCount}次${last ? `（最近一次：${last.content.trim()}）` : ''}`);
  }
  if (item.lastUrgedOn && item.lastUrgedOn <= d) {
    const since = cal.overdueDays(item.lastUrgedOn, d, counting);
    parts.push(`催办${Math.max(item.urgeCount, 1)}次（最近${item.lastUrgedOn}，已过${overdueSpan(since, counting)}）`);
  } else if (item.urgeCount >= 1) {
    parts.push(`催办${item.urgeCount}次`);
  }
  if (item.perfunctoryOn && item.perfunctoryOn <= d) parts.push(`${item.perfunctoryOn}认定敷衍推诿`);
  if (item.falsifiedOn && item.falsifiedOn <= d) parts.push(`${item.falsifiedOn}认定弄虚作假`);
  return `「${item.content}」：${parts.join('；')}`;
}

/** The 不落实典型事项清单 at `asOf`, in ledger order, with the ladder's 问责建议. */
export function buildNonImplementationList(
  items: readonly LedgerItem[],
  records: readonly FeedbackRecord[],
  asOf: IsoDate,
  settings: Settings,
  cal: WorkCalendar,
): NonImplementationRow[] {
  const rows: NonImplementationRow[] = [];
  // Only an item's own 退回 records matter to its clue: group them once, not per listed item
  // (10,000 items × 35,000 records otherwise).
  const returns = new Map<string, FeedbackRecord[]>();
  for (const r of records) {
    if (r.type !== '退回') continue;
    const list = returns.get(r.itemId);
    if (list) list.push(r);
    else returns.set(r.itemId, [r]);
  }
  for (const item of items) {
    if (!isOpenAt(item, asOf)) continue;
    const clock = itemClock(item, settings, cal); // once per item, for the ladder and the clue
    const suggestion = accountabilitySuggestion(item, asOf, settings, cal, clock);
    if (!suggestion) continue;
    rows.push({
      seq: rows.length + 1,
      itemId: item.id,
      section: item.section,
      clue: nonImplementationClue(item, returns.get(item.id) ?? [], asOf, settings, cal, clock),
      suggestion,
    });
  }
  return rows;
}

/**
 * Regenerate the 不落实典型事项清单 over the previous one: generated rows first, then the previous
 * hand rows (编号 empty or 手工); seq renumbered. A row generated again keeps the office's override
 * (previous row marked `override` with a non-empty 问责建议): its suggestion stays and stays marked,
 * even when it now equals the computed one, so a later change of the ladder does not undo it.
 */
export function mergeNonImplementationList(generated: readonly NonImplementationRow[], previous: readonly NonImplementationRow[]): NonImplementationRow[] {
  const prev = new Map<string, NonImplementationRow>();
  for (const r of previous) if (!isHandRow(r) && !prev.has(r.itemId)) prev.set(r.itemId, r);
  const merged: NonImplementationRow[] = generated.map((g) => {
    const p = prev.get(g.itemId);
    if (p && p.override === true && String(p.suggestion).trim() !== '') return { ...g, suggestion: p.suggestion, override: true };
    return { ...g };
  });
  for (const r of previous) if (isHandRow(r)) merged.push({ ...r });
  return merged.map((r, k) => ({ ...r, seq: k + 1 }));
}
