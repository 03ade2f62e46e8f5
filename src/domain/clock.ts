/**
 * The 13710 clock of one item (docs/rules.md "The 13710 clock"): from 交办日期 and 事项类型 the
 * due dates of nodes 1, 3 and the final node (7 or 30 days, or an explicit / extended 完成时限).
 */
import { edate, minDate } from './dates';
import type { WorkCalendar } from './calendar';
import type { Settings } from './settings';
import type { CountingMode, IsoDate, LedgerItem } from './types';

export type NodeKey = '1' | '3' | 'F';

export type ClockFields = Pick<
  LedgerItem,
  | 'assignedOn'
  | 'kind'
  | 'explicitDeadline'
  | 'extensionApprovedOn'
  | 'extensionDeadline'
  | 'report1On'
  | 'report3On'
  | 'reportFinalOn'
  | 'appliedOn'
  | 'closedOn'
>;

export interface ItemClock {
  assignedOn: IsoDate;
  /** the 7- or 30-day date the item would have without an explicit or extended deadline */
  defaultDeadline: IsoDate;
  /** 办结时限: extension, else explicit, else default */
  deadline: IsoDate;
  /** 1天应报日 */
  due1: IsoDate;
  /** 3天应报日 */
  due3: IsoDate;
  /** 落实完成日: 落实反馈日, else 申请办结日, else null */
  finalDoneOn: IsoDate | null;
}

export interface ClockNode {
  key: NodeKey;
  due: IsoDate;
  reportedOn: IsoDate | null;
  /** 临近 threshold in calendar days */
  warnDays: number;
}

/** The node due dates from one 交办日期, before an explicit or extended deadline caps them. */
interface Dues {
  node1: IsoDate;
  node3: IsoDate;
  general: IsoDate;
  major: IsoDate;
}

/**
 * Due dates depend only on 交办日期, the node lengths, the counting mode and the calendar, and the
 * items of a ledger share a few hundred 交办 days: a round asks for the clock of 10,000 items
 * several times each, so the dates are worked out once per day and calendar (a calendar's answers
 * never change: createCalendar copies its overrides). Reset when the settings differ.
 */
interface DueCache {
  mode: CountingMode;
  days: Settings['nodeDays'];
  byStart: Map<IsoDate, Dues>;
}
const DUE_CACHES = new WeakMap<WorkCalendar, DueCache>();

function duesFrom(start: IsoDate, settings: Settings, cal: WorkCalendar): Dues {
  const mode = settings.countingMode;
  const n = settings.nodeDays;
  let cache = DUE_CACHES.get(cal);
  if (!cache || cache.mode !== mode || !sameNodeDays(cache.days, n)) {
    cache = { mode, days: { ...n }, byStart: new Map() };
    DUE_CACHES.set(cal, cache);
  }
  let dues = cache.byStart.get(start);
  if (!dues) {
    dues = {
      node1: cal.addDays(start, n.node1, mode),
      node3: cal.addDays(start, n.node3, mode),
      general: cal.addDays(start, n.general, mode),
      major: cal.addDays(start, n.major, mode),
    };
    cache.byStart.set(start, dues);
  }
  return dues;
}

function sameNodeDays(a: Settings['nodeDays'], b: Settings['nodeDays']): boolean {
  return a.node1 === b.node1 && a.node3 === b.node3 && a.general === b.general && a.major === b.major;
}

/** null when the item has not been 交办 yet (the clock has not started). */
export function itemClock(item: ClockFields, settings: Settings, cal: WorkCalendar): ItemClock | null {
  const start = item.assignedOn;
  if (!start) return null;
  const dues = duesFrom(start, settings, cal);
  const defaultDeadline = item.kind === '重大复杂' ? dues.major : dues.general;
  const deadline = item.extensionDeadline ?? item.explicitDeadline ?? defaultDeadline;
  return {
    assignedOn: start,
    defaultDeadline,
    deadline,
    due1: minDate(dues.node1, deadline),
    due3: minDate(dues.node3, deadline),
    finalDoneOn: item.reportFinalOn ?? item.appliedOn ?? null,
  };
}

/** The three report nodes with their due dates, reports and 临近 thresholds. */
export function clockNodes(item: ClockFields, clock: ItemClock, settings: Settings): ClockNode[] {
  const w = settings.warnDays;
  return [
    { key: '1', due: clock.due1, reportedOn: item.report1On, warnDays: w.node1 },
    { key: '3', due: clock.due3, reportedOn: item.report3On, warnDays: w.node3 },
    {
      key: 'F',
      due: clock.deadline,
      reportedOn: clock.finalDoneOn,
      warnDays: item.kind === '重大复杂' ? w.major : w.general,
    },
  ];
}

/**
 * Monthly progress reports under an approved plan: due on the same day of each month after
 * 延期批准日 (Excel EDATE), up to `until` and never after the item was closed.
 */
export function monthlyReportDues(item: ClockFields, until: IsoDate): IsoDate[] {
  const from = item.extensionApprovedOn;
  if (!from || !item.extensionDeadline) return [];
  const end = item.closedOn && item.closedOn < until ? item.closedOn : until;
  const out: IsoDate[] = [];
  for (let k = 1; ; k++) {
    const d = edate(from, k);
    if (d > end) break;
    out.push(d);
  }
  return out;
}
