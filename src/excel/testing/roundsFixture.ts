/**
 * The fixture ledger (ledgerFixture) plus the sheets a 督查轮次 writes, as the schema has them:
 * the 问题清单 and 不落实清单 tables (schema headers, one blank body row) and a 督查报告 sheet.
 * For rounds tests and `npm run bench:rounds`.
 */
import type { FeedbackRecord, IsoDate, LedgerItem } from '../../domain/types';
import { columnLetter } from '../../workbook/schema';
import type { ExcelDouble } from '../double';
import { ISSUE_HEADERS, NONIMPL_HEADERS } from '../rounds';
import { ledgerFixture } from './ledgerFixture';

export function roundFixture(
  items: readonly LedgerItem[],
  records: readonly FeedbackRecord[] = [],
  opts: { today?: IsoDate; protect?: boolean; password?: string } = {},
): ExcelDouble {
  const xl = ledgerFixture({ items, records, today: opts.today ?? '2026-11-20', password: opts.password });
  for (const [name, headers] of [
    ['问题清单', ISSUE_HEADERS],
    ['不落实清单', NONIMPL_HEADERS],
  ] as const) {
    xl.workbook.addSheet(name);
    const s = xl.workbook.sheet(name);
    const last = columnLetter(headers.length);
    s.setValues(`A1:${last}2`, [[...headers], headers.map(() => '')]);
    s.addTable(`A1:${last}2`, true, name);
    if (opts.protect) s.protect({}, opts.password);
  }
  xl.workbook.addSheet('督查报告');
  xl.workbook.sheet('督查报告').setValues('A1:A3', [['督查报告'], ['督查日期'], ['统计区间']]);
  xl.stats.reset();
  return xl;
}
