/** The user's own calendar date. The domain never reads a clock; the task pane passes this in. */
import type { IsoDate } from '../domain/types';

export function localToday(now: Date = new Date()): IsoDate {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${p(now.getMonth() + 1)}-${p(now.getDate())}`;
}
