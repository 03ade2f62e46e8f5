/**
 * 月度考核 (综评, seed document §六(二); docs/rules.md "月度考核"): five dimension scores,
 * deductions, total and rank of each section for one month. Every number is a setting.
 *
 * Each dimension is exported on its own so the workbook engineer can test the formulas piece by
 * piece. The formulas, exactly (W = the dimension's weight, every score ROUNDed to 2 decimals):
 * - 任务总量 `W * carried / maxCarried` (maxCarried = 0 → W)
 * - 反馈实效 `W * onTime / due`           (due = 0 → W, 无应办事项)
 * - 落实进度 `W * ok / open`              (open = 0 → W)
 * - 落实效果 `W * (gradeRateSum / graded) / 100` (graded = 0 → W)
 * - 办结情况 `W * onTime / due`           (due = 0 → W)
 * - 总分 `MAX(0, ROUND(sum of the five rounded scores − MIN(deductions, 扣分上限), 2))`; 排名 = Excel RANK
 *   (descending). The cap keeps large sections apart: uncapped, per-item deductions floor most of
 *   them at 0 once a ledger holds thousands of items.
 *
 * A month that starts after `today` has no scores: `monthlyScores` returns [] for it (no throw,
 * no Result: "nothing to show yet" is not an error). A malformed month string is a programming
 * error and throws RangeError, as `toDayNumber` does for a malformed date.
 */
import type { WorkCalendar } from './calendar';
import { clockNodes, itemClock } from './clock';
import { monthEnd, minDate } from './dates';
import { isNonImplementation } from './lists';
import type { Settings } from './settings';
import type { FeedbackRecord, IsoDate, LedgerItem } from './types';

/** The window of one assessment month: M = [ms, me], asOf = MIN(me, today). */
export interface MonthWindow {
  /** 'YYYY-MM' */
  month: string;
  /** first day of the month */
  ms: IsoDate;
  /** last day of the month */
  me: IsoDate;
  /** MIN(me, today) */
  asOf: IsoDate;
  /** 今天: a node's day must be over (due < today) before it counts */
  today: IsoDate;
}

export interface ScoreCounts {
  /** 任务总量: items carried in the month */
  carried: number;
  /** 反馈实效: node reports due in the month (their day over) */
  nodesDue: number;
  /** of those, reported on or before the due date */
  nodesOnTime: number;
  /** 落实进度: items open at asOf (落实 not yet done by asOf) */
  open: number;
  /** of those, deadline ≥ asOf */
  openOk: number;
  /** 落实效果: items closed in the month with a 评价等级 */
  graded: number;
  /** sum of their grade rates, in percent */
  gradeRateSum: number;
  /** 办结情况: items whose deadline falls in the month (its day over) */
  deadlinesDue: number;
  /** of those, 落实完成日 on or before the deadline */
  deadlinesOnTime: number;
  /** deductions: items on the 不落实典型事项清单 at asOf */
  nonImplementation: number;
  /** deductions: 退回 records dated in [ms, asOf] */
  returned: number;
  /** deductions: missing node reports = nodesDue − nodesOnTime */
  missed: number;
  /** deductions: items with 弄虚作假认定日 in [ms, asOf] */
  falsified: number;
}

export interface SectionScore {
  section: string;
  month: string;
  /** 任务总量 */
  volume: number;
  /** 反馈实效 */
  feedback: number;
  /** 落实进度 */
  progress: number;
  /** 落实效果 */
  effect: number;
  /** 办结情况 */
  closure: number;
  /** 无应办事项: the dimension had nothing due and got its full weight */
  noDue: { feedback: boolean; progress: boolean; effect: boolean; closure: boolean };
  counts: ScoreCounts;
  /** points deducted */
  deductions: number;
  /** 总分 */
  total: number;
  /** 排名: 1 = highest total, ties share (Excel RANK) */
  rank: number;
}

export interface MonthlyScoreInput {
  items: LedgerItem[];
  records: FeedbackRecord[];
  sections: string[];
  /** 'YYYY-MM' */
  month: string;
  today: IsoDate;
  settings: Settings;
  cal: WorkCalendar;
}

/** Result of one dimension: its rounded score, whether it had nothing due, and its counts. */
export interface DimensionScore {
  score: number;
  noDue: boolean;
}

// ---------------------------------------------------------------------------------------------
// Excel ROUND and RANK

/** Shift the decimal point of x by `e` places through its decimal representation (no binary error). */
function shift(x: number, e: number): number {
  const [mant, exp] = String(x).split('e');
  return Number(`${mant}e${Number(exp ?? 0) + e}`);
}

/**
 * Excel ROUND(x, digits): half away from zero, on the number as Excel sees it (15 significant
 * digits), so ROUND(1.005, 2) = 1.01 and ROUND(-2.675, 2) = -2.68 although neither is exact in binary.
 */
export function roundHalfAwayFromZero(x: number, digits = 2): number {
  if (!Number.isFinite(x)) return x;
  const seen = Number(x.toPrecision(15));
  const r = Math.sign(seen) * shift(Math.round(shift(Math.abs(seen), digits)), -digits);
  return r === 0 ? 0 : r; // no -0
}

/** A dimension's score: W × part / whole, ROUNDed; W when there is nothing to count (无应办事项). */
function shareOfWeight(W: number, part: number, whole: number): number {
  return roundHalfAwayFromZero(whole === 0 ? W : (W * part) / whole, 2);
}

/** Excel RANK(x, list) descending: 1 + the number of values greater than x. */
export function excelRank(x: number, list: readonly number[]): number {
  return 1 + list.filter((v) => v > x).length;
}

// ---------------------------------------------------------------------------------------------
// Month window and membership

const MONTH_RE = /^(\d{4})-(0[1-9]|1[0-2])$/;

/** The window of `month` ('YYYY-MM') for `today`; null when the month starts after today. */
export function monthWindow(month: string, today: IsoDate): MonthWindow | null {
  if (!MONTH_RE.test(month)) throw new RangeError(`not a month (YYYY-MM): ${month}`);
  const ms = `${month}-01`;
  if (ms > today) return null;
  const me = monthEnd(ms);
  return { month, ms, me, asOf: minDate(me, today), today };
}

/** Items of a section: 承办科室 equals it exactly. */
export function itemsOfSection(items: readonly LedgerItem[], section: string): LedgerItem[] {
  return items.filter((i) => i.section === section);
}

/** A date d "falls in M": ms ≤ d ≤ me and d < today (its day is over). */
export function fallsIn(d: IsoDate, w: MonthWindow): boolean {
  return w.ms <= d && d <= w.me && d < w.today;
}

// ---------------------------------------------------------------------------------------------
// The five dimensions

/** carried(s): items with assigned ≤ asOf and (closed empty or closed ≥ ms). */
export function carriedCount(sectionItems: readonly LedgerItem[], w: MonthWindow): number {
  return sectionItems.filter((i) => !!i.assignedOn && i.assignedOn <= w.asOf && (!i.closedOn || i.closedOn >= w.ms)).length;
}

/** 任务总量: W × carried / max carried over all sections; when that max is 0 → W. */
export function volumeScore(carried: number, maxCarried: number, settings: Settings): number {
  const W = settings.weights.volume;
  return shareOfWeight(W, carried, maxCarried);
}

/** 反馈实效: nodes (1, 3, F) falling in M; on time = report given and report ≤ due. */
export function feedbackDimension(
  sectionItems: readonly LedgerItem[],
  w: MonthWindow,
  settings: Settings,
  cal: WorkCalendar,
): DimensionScore & { due: number; onTime: number } {
  let due = 0;
  let onTime = 0;
  for (const item of sectionItems) {
    const clock = itemClock(item, settings, cal);
    if (!clock) continue;
    for (const n of clockNodes(item, clock, settings)) {
      if (!fallsIn(n.due, w)) continue;
      due++;
      if (n.reportedOn && n.reportedOn <= n.due) onTime++;
    }
  }
  const W = settings.weights.feedback;
  return { score: shareOfWeight(W, onTime, due), noDue: due === 0, due, onTime };
}

/** 落实进度: open = assigned ≤ asOf and (repF empty or repF > asOf); ok = of those, deadline ≥ asOf. */
export function progressDimension(
  sectionItems: readonly LedgerItem[],
  w: MonthWindow,
  settings: Settings,
  cal: WorkCalendar,
): DimensionScore & { open: number; ok: number } {
  let open = 0;
  let ok = 0;
  for (const item of sectionItems) {
    const clock = itemClock(item, settings, cal);
    if (!clock || clock.assignedOn > w.asOf) continue;
    if (clock.finalDoneOn && clock.finalDoneOn <= w.asOf) continue;
    open++;
    if (clock.deadline >= w.asOf) ok++;
  }
  const W = settings.weights.progress;
  return { score: shareOfWeight(W, ok, open), noDue: open === 0, open, ok };
}

/** 落实效果: items closed in [ms, me] with a 评价等级; W × average grade rate (percent) / 100. */
export function effectDimension(
  sectionItems: readonly LedgerItem[],
  w: MonthWindow,
  settings: Settings,
): DimensionScore & { graded: number; gradeRateSum: number } {
  let graded = 0;
  let gradeRateSum = 0;
  for (const item of sectionItems) {
    if (!item.closedOn || item.closedOn < w.ms || item.closedOn > w.me || !item.grade) continue;
    graded++;
    gradeRateSum += settings.gradeRates[item.grade];
  }
  const W = settings.weights.effect;
  return {
    score: roundHalfAwayFromZero(graded === 0 ? W : (W * (gradeRateSum / graded)) / 100, 2),
    noDue: graded === 0,
    graded,
    gradeRateSum,
  };
}

/** 办结情况: items whose deadline falls in M; on time = repF given and repF ≤ deadline. */
export function closureDimension(
  sectionItems: readonly LedgerItem[],
  w: MonthWindow,
  settings: Settings,
  cal: WorkCalendar,
): DimensionScore & { due: number; onTime: number } {
  let due = 0;
  let onTime = 0;
  for (const item of sectionItems) {
    const clock = itemClock(item, settings, cal);
    if (!clock || !fallsIn(clock.deadline, w)) continue;
    due++;
    if (clock.finalDoneOn && clock.finalDoneOn <= clock.deadline) onTime++;
  }
  const W = settings.weights.closure;
  return { score: shareOfWeight(W, onTime, due), noDue: due === 0, due, onTime };
}

// ---------------------------------------------------------------------------------------------
// Deductions

export interface DeductionCounts {
  nonImplementation: number;
  returned: number;
  missed: number;
  falsified: number;
  /** total points */
  points: number;
}

/**
 * Deductions of one section: 不落实 × items of s on the 不落实 list at asOf (the very predicate of
 * lists.ts), 退回 × 退回 records of s's items dated in [ms, asOf], 漏报 × `missed` (due − onTime of
 * 反馈实效, passed in), 弄虚作假 × items of s with 弄虚作假认定日 in [ms, asOf].
 * A record belongs to s when the first 台账 item with its 编号 has 承办科室 s (as a lookup would).
 */
export function deductionsFor(
  section: string,
  allItems: readonly LedgerItem[],
  records: readonly FeedbackRecord[],
  w: MonthWindow,
  missed: number,
  settings: Settings,
  cal: WorkCalendar,
): DeductionCounts {
  return sectionDeductions(section, itemsOfSection(allItems, section), returnedBySection(allItems, records, w), w, missed, settings, cal);
}

/**
 * 退回 records dated in [ms, asOf], counted by the section that owns them (the first 台账 item with
 * the record's 编号, as a lookup would). Built once for all sections of a month.
 */
function returnedBySection(allItems: readonly LedgerItem[], records: readonly FeedbackRecord[], w: MonthWindow): Map<string, number> {
  const sectionOf = new Map<string, string>();
  for (const i of allItems) if (!sectionOf.has(i.id)) sectionOf.set(i.id, i.section);
  const counts = new Map<string, number>();
  for (const r of records) {
    if (r.type !== '退回' || r.date < w.ms || r.date > w.asOf) continue;
    const s = sectionOf.get(r.itemId);
    if (s !== undefined) counts.set(s, (counts.get(s) ?? 0) + 1);
  }
  return counts;
}

function sectionDeductions(
  section: string,
  sectionItems: readonly LedgerItem[],
  returnedBy: ReadonlyMap<string, number>,
  w: MonthWindow,
  missed: number,
  settings: Settings,
  cal: WorkCalendar,
): DeductionCounts {
  const nonImplementation = sectionItems.filter((i) => isNonImplementation(i, w.asOf, settings, cal)).length;
  const returned = returnedBy.get(section) ?? 0;
  const falsified = sectionItems.filter((i) => !!i.falsifiedOn && w.ms <= i.falsifiedOn && i.falsifiedOn <= w.asOf).length;
  const d = settings.deductions;
  const points = d.nonImplementation * nonImplementation + d.returned * returned + d.missedReport * missed + d.falsified * falsified;
  return { nonImplementation, returned, missed, falsified, points };
}

// ---------------------------------------------------------------------------------------------
// The month's table

/** 总分 = MAX(0, ROUND(sum of the five dimensions − MIN(deductions, cap), 2)); no cap given: uncapped. */
export function totalScore(dims: readonly number[], deductions: number, cap = Infinity): number {
  const sum = dims.reduce((a, b) => a + b, 0);
  return Math.max(0, roundHalfAwayFromZero(sum - Math.min(deductions, cap), 2));
}

/**
 * 月度考核 of every section in `sections`, in that order. [] when the month starts after `today`.
 */
export function monthlyScores(input: MonthlyScoreInput): SectionScore[] {
  const { items, records, sections, month, today, settings, cal } = input;
  const w = monthWindow(month, today);
  if (!w) return [];
  // items grouped by 承办科室 once (not one pass over the ledger per section and per dimension)
  const bySection = new Map<string, LedgerItem[]>();
  for (const i of items) {
    const list = bySection.get(i.section);
    if (list) list.push(i);
    else bySection.set(i.section, [i]);
  }
  const ownItems = (s: string) => bySection.get(s) ?? [];
  const returnedBy = returnedBySection(items, records, w);
  const carried = sections.map((s) => carriedCount(ownItems(s), w));
  const maxCarried = Math.max(0, ...carried);
  const rows = sections.map((section, k): Omit<SectionScore, 'rank'> => {
    const own = ownItems(section);
    const fb = feedbackDimension(own, w, settings, cal);
    const pr = progressDimension(own, w, settings, cal);
    const ef = effectDimension(own, w, settings);
    const cl = closureDimension(own, w, settings, cal);
    const volume = volumeScore(carried[k], maxCarried, settings);
    const ded = sectionDeductions(section, own, returnedBy, w, fb.due - fb.onTime, settings, cal);
    return {
      section,
      month,
      volume,
      feedback: fb.score,
      progress: pr.score,
      effect: ef.score,
      closure: cl.score,
      noDue: { feedback: fb.noDue, progress: pr.noDue, effect: ef.noDue, closure: cl.noDue },
      counts: {
        carried: carried[k],
        nodesDue: fb.due,
        nodesOnTime: fb.onTime,
        open: pr.open,
        openOk: pr.ok,
        graded: ef.graded,
        gradeRateSum: ef.gradeRateSum,
        deadlinesDue: cl.due,
        deadlinesOnTime: cl.onTime,
        nonImplementation: ded.nonImplementation,
        returned: ded.returned,
        missed: ded.missed,
        falsified: ded.falsified,
      },
      deductions: ded.points,
      total: totalScore([volume, fb.score, pr.score, ef.score, cl.score], ded.points, settings.deductionCap),
    };
  });
  const totals = rows.map((r) => r.total);
  return rows.map((r) => ({ ...r, rank: excelRank(r.total, totals) }));
}
