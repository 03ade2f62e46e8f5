/** The months a page offers: newest first, never after today's month. */
import { edate, isIsoDate, monthsBetween } from '../domain/dates';
import type { IsoDate, LedgerItem } from '../domain/types';

/** How far back the month pickers reach at least (an empty ledger still offers a year). */
export const MONTHS_BACK = 11;

/**
 * 'YYYY-MM' months from the earliest 立项/交办 month of `items` (or MONTHS_BACK months before today,
 * whichever is earlier) up to today's month, newest first.
 */
export function selectableMonths(items: readonly LedgerItem[], today: IsoDate): string[] {
  let first = edate(`${today.slice(0, 7)}-01`, -MONTHS_BACK);
  for (const item of items) {
    for (const d of [item.registeredOn, item.assignedOn]) {
      if (d && isIsoDate(d) && d < first) first = d;
    }
  }
  return monthsBetween(first, today).reverse();
}

export const monthOf = (d: IsoDate): string => d.slice(0, 7);
