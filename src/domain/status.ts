/**
 * 预警状态 and 逾期天数 of an item for a given day (docs/rules.md), plus the "missed report"
 * count used by the lists and the monthly assessment.
 */
import { clockNodes, itemClock, type ClockFields, type ClockNode, type ItemClock, type NodeKey } from './clock';
import { diffDays } from './dates';
import type { WorkCalendar } from './calendar';
import type { Settings } from './settings';
import type { IsoDate, OverdueCounting, WarningStatus } from './types';

export type StatusFields = ClockFields;

export type NodeState = '已报' | '逾期已报' | '未到期' | '临近' | '逾期';

export interface NodeStatus {
  key: NodeKey;
  due: IsoDate;
  reportedOn: IsoDate | null;
  state: NodeState;
  /** for an open overdue node: days overdue as of today; for a late report: days late */
  overdueDays: number;
}

export interface ItemStatus {
  status: WarningStatus;
  overdueDays: number;
  /** empty when the clock has not started */
  nodes: NodeStatus[];
  /** 办结时限, null before 交办 */
  deadline: IsoDate | null;
}

/** `clock`, in this module and in lists.ts: the item's itemClock when the caller has it already. */
export function itemStatus(
  item: StatusFields,
  today: IsoDate,
  settings: Settings,
  cal: WorkCalendar,
  clock: ItemClock | null = itemClock(item, settings, cal),
): ItemStatus {
  if (!clock) return { status: '未交办', overdueDays: 0, nodes: [], deadline: null };
  const counting = settings.overdueCounting;
  const clockNodeList = clockNodes(item, clock, settings);
  const nodes = clockNodeList.map((n) => nodeStatus(n, today, counting, cal));
  const status = statusOf(item, clock, clockNodeList, today);
  return { nodes, deadline: clock.deadline, status, overdueDays: overdueDaysOf(status, item, clock, clockNodeList, today, counting, cal) };
}

/** 逾期天数 alone: itemStatus(…).overdueDays without the node list. */
export function itemOverdueDays(
  item: StatusFields,
  today: IsoDate,
  settings: Settings,
  cal: WorkCalendar,
  clock: ItemClock | null = itemClock(item, settings, cal),
): number {
  if (!clock) return 0;
  const nodes = clockNodes(item, clock, settings);
  return overdueDaysOf(statusOf(item, clock, nodes, today), item, clock, nodes, today, settings.overdueCounting, cal);
}

/**
 * 预警状态 alone, without the node list and the day counts: what the report's tallies and the
 * 问题清单 need for thousands of items. The same status as itemStatus (both use statusOf).
 */
export function warningStatus(
  item: StatusFields,
  today: IsoDate,
  settings: Settings,
  cal: WorkCalendar,
  clock: ItemClock | null = itemClock(item, settings, cal),
): WarningStatus {
  return clock ? statusOf(item, clock, clockNodes(item, clock, settings), today) : '未交办';
}

/** The 预警状态 of an item whose clock has started (docs/rules.md, in order of precedence). */
function statusOf(item: StatusFields, clock: ItemClock, nodes: readonly ClockNode[], today: IsoDate): WarningStatus {
  if (item.closedOn) {
    const done = clock.finalDoneOn;
    return done && done <= clock.deadline ? '按期办结' : '逾期办结';
  }
  if (item.extensionDeadline) return today > item.extensionDeadline ? '逾期' : '延期';
  let near = false;
  for (const n of nodes) {
    const s = nodeState(n, today);
    if (s === '逾期') return '逾期';
    if (s === '临近') near = true;
  }
  return near ? '临近' : '正常';
}

/** 逾期天数 for a status: after the deadline (逾期办结), the extension, or the earliest overdue node. */
function overdueDaysOf(
  status: WarningStatus,
  item: StatusFields,
  clock: ItemClock,
  nodes: readonly ClockNode[],
  today: IsoDate,
  counting: OverdueCounting,
  cal: WorkCalendar,
): number {
  if (status === '逾期办结') return cal.overdueDays(clock.deadline, clock.finalDoneOn ?? item.closedOn!, counting);
  if (status !== '逾期') return 0;
  if (item.extensionDeadline) return cal.overdueDays(item.extensionDeadline, today, counting);
  let earliest: IsoDate | null = null;
  for (const n of nodes) if (nodeState(n, today) === '逾期' && (earliest === null || n.due < earliest)) earliest = n.due;
  return cal.overdueDays(earliest!, today, counting);
}

/** A node's state on `today`. */
function nodeState(n: ClockNode, today: IsoDate): NodeState {
  if (n.reportedOn) return n.reportedOn > n.due ? '逾期已报' : '已报';
  if (today > n.due) return '逾期';
  return diffDays(today, n.due) <= n.warnDays ? '临近' : '未到期';
}

function nodeStatus(n: ClockNode, today: IsoDate, counting: OverdueCounting, cal: WorkCalendar): NodeStatus {
  const state = nodeState(n, today);
  const overdueDays = state === '逾期已报' ? cal.overdueDays(n.due, n.reportedOn!, counting) : state === '逾期' ? cal.overdueDays(n.due, today, counting) : 0;
  return { key: n.key, due: n.due, reportedOn: n.reportedOn || null, state, overdueDays };
}

/**
 * missed(D) of docs/rules.md: nodes whose due date is before D and whose report was not given by D.
 * 0 before 交办.
 */
export function missedReports(
  item: StatusFields,
  d: IsoDate,
  settings: Settings,
  cal: WorkCalendar,
  clock: ItemClock | null = itemClock(item, settings, cal),
): number {
  if (!clock) return 0;
  let missed = 0;
  for (const n of clockNodes(item, clock, settings)) if (isMissedAt(n, d)) missed++;
  return missed;
}

/** A node missed at D: due before D and its report empty or given after D. */
export function isMissedAt(n: ClockNode, d: IsoDate): boolean {
  return n.due < d && (!n.reportedOn || n.reportedOn > d);
}

/** Open at D: 交办 on or before D and not 销号 by D. */
export function isOpenAt(item: Pick<StatusFields, 'assignedOn' | 'closedOn'>, d: IsoDate): boolean {
  return !!item.assignedOn && item.assignedOn <= d && (!item.closedOn || item.closedOn > d);
}
