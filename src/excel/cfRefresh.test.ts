/**
 * office-js #5299 on the double's m365-windows profile: conditional formats created through the API
 * whose rule reads another cell are flagged as ones Windows may leave stale. 初始化台账's mitigation:
 * the 预警状态 column carries its own colour rules, which read only the cell they colour.
 */
import { createExcelDouble, staleConditionalFormats } from './double';
import { withSelfRefreshingRules } from './cfRefresh';
import { argbToHex, initialiseLedger } from './initialise';
import { columnLetter, sheetSpec } from '../workbook/schema';

const TODAY = '2026-11-20';
const ledger = sheetSpec('台账');
const table = ledger.tables[0];
const Y = columnLetter(table.firstCol + table.columns.findIndex((c) => c.header === '预警状态'));
/** the tint of the identity block: rules that test only the row's 预警状态 cell */
const rowTint = ledger.conditionalFormats.find((cf) => cf.range.startsWith('A2:'))!;
const statusRules = rowTint.rules.filter((r) => r.type === 'expression');

test('the schema tints the 预警状态 column with its own rules; without them, 初始化台账 would add them, first in priority', () => {
  expect(withSelfRefreshingRules(ledger)).toBe(ledger);
  const ownInSchema = ledger.conditionalFormats.find((cf) => cf.range.startsWith(`${Y}2:${Y}`))!;
  expect(ownInSchema.rules).toEqual(statusRules.map((r) => (r.type === 'expression' ? { ...r, formula: r.formula.replace(`$${Y}2`, `${Y}2`) } : r)));
  const without = { ...ledger, conditionalFormats: ledger.conditionalFormats.filter((cf) => cf !== ownInSchema) };
  const built = withSelfRefreshingRules(without);
  expect(built.conditionalFormats).toHaveLength(ledger.conditionalFormats.length);
  expect(built.conditionalFormats[0]).toEqual({ ...ownInSchema, range: built.conditionalFormats[0].range });
  expect(built.conditionalFormats[0].range).toMatch(new RegExp(`^${Y}2:${Y}\\d+$`));
  expect(withSelfRefreshingRules(sheetSpec('设置'))).toBe(sheetSpec('设置'));
});

test('m365-windows: the row tints are flagged (#5299); the status column’s own rules are not, one per status, same colours', async () => {
  const xl = createExcelDouble({ sheets: ['Sheet1'], profile: 'm365-windows' });
  const r = await initialiseLedger(xl.run, { today: TODAY, requirements: xl.office.context.requirements });
  expect(r.ok).toBe(true);
  const stale = staleConditionalFormats(xl.workbook, '台账');
  expect(stale.length).toBeGreaterThan(0); // the row tint and the 逾期天数 rules: documented residual
  const staleIds = new Set(stale.map((s) => s.id));
  const all = xl.workbook.sheet('台账').conditionalFormats();
  for (const rule of statusRules) {
    if (rule.type !== 'expression') continue;
    const onStatusColumn = (a: string) => a === `台账!${Y}2` || a.startsWith(`台账!${Y}2:${Y}`);
    const own = all.filter((cf) => onStatusColumn(cf.address) && cf.rule.formula === `=${rule.formula.replace(`$${Y}2`, `${Y}2`)}`);
    expect([rule.formula, own.length]).toEqual([rule.formula, 1]);
    expect(staleIds.has(own[0].id)).toBe(false);
    expect(own[0].format.fill).toBe(argbToHex(rule.fill!));
  }
});

test('other profiles have no #5299; rules seeded directly (a template’s) are never flagged', async () => {
  const web = createExcelDouble({ sheets: ['Sheet1'], profile: 'web' });
  await initialiseLedger(web.run, { today: TODAY, requirements: web.office.context.requirements });
  expect(staleConditionalFormats(web.workbook)).toEqual([]);

  const win = createExcelDouble({ sheets: ['台账'], profile: 'm365-windows' });
  const s = win.workbook.sheet('台账');
  const cf = win.workbook.addConditionalFormat(s, { r0: 1, r1: 9, c0: 0, c1: 5 }, 'Custom', 'template');
  cf.rule = { formula: '=$F2="逾期"' };
  expect(staleConditionalFormats(win.workbook)).toEqual([]);
});
