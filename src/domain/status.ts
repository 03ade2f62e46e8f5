/**
 * 预警状态 and 逾期天数 of an item for a given day (docs/rules.md), plus the "missed report"
 * count used by the lists and the monthly assessment.
 */
import { clockNodes, itemClock, type ClockFields, type NodeKey } from './clock';
import { diffDays, minDate } from './dates';
import type { WorkCalendar } from './calendar';
import type { Settings } from './settings';
import type { IsoDate, WarningStatus } from './types';

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

export function itemStatus(item: StatusFields, today: IsoDate, settings: Settings, cal: WorkCalendar): ItemStatus {
  const clock = itemClock(item, settings, cal);
  if (!clock) return { status: '未交办', overdueDays: 0, nodes: [], deadline: null };
  const counting = settings.overdueCounting;
  const nodes: NodeStatus[] = clockNodes(item, clock, settings).map((n) => {
    if (n.reportedOn) {
      const late = n.reportedOn > n.due;
      return { key: n.key, due: n.due, reportedOn: n.reportedOn, state: late ? '逾期已报' : '已报', overdueDays: late ? cal.overdueDays(n.due, n.reportedOn, counting) : 0 };
    }
    if (today > n.due) return { key: n.key, due: n.due, reportedOn: null, state: '逾期', overdueDays: cal.overdueDays(n.due, today, counting) };
    const near = diffDays(today, n.due) <= n.warnDays;
    return { key: n.key, due: n.due, reportedOn: null, state: near ? '临近' : '未到期', overdueDays: 0 };
  });
  const base = { nodes, deadline: clock.deadline };

  if (item.closedOn) {
    const done = clock.finalDoneOn;
    if (done && done <= clock.deadline) return { ...base, status: '按期办结', overdueDays: 0 };
    return { ...base, status: '逾期办结', overdueDays: cal.overdueDays(clock.deadline, done ?? item.closedOn, counting) };
  }
  if (item.extensionDeadline) {
    if (today > item.extensionDeadline) {
      return { ...base, status: '逾期', overdueDays: cal.overdueDays(item.extensionDeadline, today, counting) };
    }
    return { ...base, status: '延期', overdueDays: 0 };
  }
  const overdue = nodes.filter((n) => n.state === '逾期');
  if (overdue.length > 0) {
    const earliest = minDate(...overdue.map((n) => n.due));
    return { ...base, status: '逾期', overdueDays: cal.overdueDays(earliest, today, counting) };
  }
  if (nodes.some((n) => n.state === '临近')) return { ...base, status: '临近', overdueDays: 0 };
  return { ...base, status: '正常', overdueDays: 0 };
}

/**
 * missed(D) of docs/rules.md: nodes whose due date is before D and whose report was not given by D.
 * 0 before 交办.
 */
export function missedReports(item: StatusFields, d: IsoDate, settings: Settings, cal: WorkCalendar): number {
  const clock = itemClock(item, settings, cal);
  if (!clock) return 0;
  return clockNodes(item, clock, settings).filter((n) => n.due < d && (!n.reportedOn || n.reportedOn > d)).length;
}

/** Open at D: 交办 on or before D and not 销号 by D. */
export function isOpenAt(item: Pick<StatusFields, 'assignedOn' | 'closedOn'>, d: IsoDate): boolean {
  return !!item.assignedOn && item.assignedOn <= d && (!item.closedOn || item.closedOn > d);
}
