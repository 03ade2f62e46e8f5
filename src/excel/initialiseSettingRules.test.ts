/**
 * 设置 rows that a later version gave a data validation (the 不落实 and 问责 thresholds accept
 * whole numbers only; weights, grade rates and deductions numbers from 0 to 100): on a ledger made
 * before, 初始化台账 adds the rule to the row where it stands and keeps the value typed there; a
 * second run finds nothing to do.
 */
import { excel } from '../i18n/excel';
import { initialiseLedger } from './initialise';
import { LEDGER_PROTECTION_OPTIONS } from './protection';
import { SETTING_ROWS, settingRow } from '../workbook/schema';
import { okValue as value, initialisedLedger } from './testing/initialisedLedger';

const TODAY = '2026-03-16';
const RULED_LATER = ['权重反馈实效', '扣分退回', '不落实漏报次数', '催办后仍逾期天数', '移送逾期天数'] as const;
const RULE_KEY = { whole: 'wholeNumber', decimal: 'decimal' } as const;

test('初始化台账 adds a setting row’s missing validation and keeps its value', async () => {
  const xl = await initialisedLedger(TODAY);
  const s = xl.workbook.sheet('设置');
  s.unprotect();
  await xl.run(async (context) => {
    const ws = context.workbook.worksheets.getItem('设置');
    for (const name of RULED_LATER) ws.getRange(`B${settingRow(name)}`).dataValidation.clear();
    ws.getRange(`B${settingRow('不落实漏报次数')}`).values = [[3]];
    await context.sync();
  });
  s.protect(LEDGER_PROTECTION_OPTIONS as Record<string, boolean | string>);
  for (const name of RULED_LATER) expect(s.cellAt(`B${settingRow(name)}`).validation).toBeUndefined();

  const report = value(await initialiseLedger(xl.run, { today: TODAY }));
  expect(report.repaired).toEqual(RULED_LATER.map((n) => excel.initialise.settingValidation(n)));
  for (const name of RULED_LATER) {
    const spec = SETTING_ROWS.find((r) => r.name === name)!.validation;
    if (spec?.type !== 'whole' && spec?.type !== 'decimal') throw new Error(`${name}: no number rule in the schema`);
    expect([name, s.cellAt(`B${settingRow(name)}`).validation?.rule]).toEqual([
      name,
      { [RULE_KEY[spec.type]]: { formula1: spec.min, formula2: spec.max, operator: 'Between' } },
    ]);
  }
  expect(s.cellAt(`B${settingRow('不落实漏报次数')}`).value).toBe(3);
  expect(s.protection.protected).toBe(true);
  expect(value(await initialiseLedger(xl.run, { today: TODAY })).repaired).toEqual([]);
});
