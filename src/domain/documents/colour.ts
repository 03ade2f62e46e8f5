/**
 * 三色催办 (the colour of a 催办单; rule in 设置 红色催办次数):
 * - 红: this 催办 is the n-th on the item and n ≥ 设置 红色催办次数 (repeated 催办, default from the
 *   2nd), or the item is on the 不落实典型事项清单 on that day (typical non-implementation);
 * - 黄: otherwise, the item is 逾期 (预警状态) on that day;
 * - 蓝: otherwise (临近, or a 催办 ahead of a due date).
 *
 * Which 催办 a document is: when the ledger already records a 催办 on that very day (最近催办日 = the
 * date), the document is that 催办 (n = 催办次数); otherwise it announces the next one (n = 催办次数 + 1).
 */
import type { WorkCalendar } from '../calendar';
import { isNonImplementation } from '../lists';
import type { Settings } from '../settings';
import { warningStatus } from '../status';
import type { IsoDate, LedgerItem } from '../types';
import type { DocumentSettings } from './settings';
import type { UrgeColour } from './model';

/** The ordinal of the 催办 a document on `on` stands for. */
export function urgeOrdinal(item: Pick<LedgerItem, 'urgeCount' | 'lastUrgedOn'>, on: IsoDate): number {
  const count = Math.max(0, item.urgeCount);
  return item.lastUrgedOn === on && count >= 1 ? count : count + 1;
}

export function urgeColour(item: LedgerItem, on: IsoDate, settings: Settings, doc: DocumentSettings, cal: WorkCalendar): UrgeColour {
  if (urgeOrdinal(item, on) >= doc.redUrgeCount || isNonImplementation(item, on, settings, cal)) return '红';
  return warningStatus(item, on, settings, cal) === '逾期' ? '黄' : '蓝';
}

const RANK: Record<UrgeColour, number> = { 蓝: 0, 黄: 1, 红: 2 };

/** The most severe colour of several (a section's 催办单); 蓝 for none. */
export function severest(colours: readonly UrgeColour[]): UrgeColour {
  return colours.reduce<UrgeColour>((a, c) => (RANK[c] > RANK[a] ? c : a), '蓝');
}
