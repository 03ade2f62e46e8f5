/**
 * A ledger made while the status tint still covered the whole row (every column of 台账, rules
 * `$Y2="逾期"` …): 初始化台账 deletes those formats and tints the identity block (编号 … 承办科室),
 * keeps 预警状态's and 逾期天数's own rules and any format a user added, and a second run finds
 * nothing to do. A current ledger is left as it is.
 */
import { excel } from '../i18n/excel';
import type { ExcelDouble } from './double';
import { initialiseLedger } from './initialise';
import { LEDGER_PROTECTION_OPTIONS } from './protection';
import { LEDGER_COLUMNS, RETIRED_WIDE_TINT, ledgerLetter } from '../workbook/schema';
import { okValue as value, initialisedLedger } from './testing/initialisedLedger';

const TODAY = '2026-03-16';
const LAST = ledgerLetter(LEDGER_COLUMNS[LEDGER_COLUMNS.length - 1].header);
const IDENTITY = `台账!A2:${ledgerLetter('承办科室')}2`;
const PROBE = ledgerLetter(RETIRED_WIDE_TINT.probeColumn);
const TINT = RETIRED_WIDE_TINT.formulas.map((f) => `=${f}`);
const USERS_OWN = `=$${PROBE}2="急"`;

const ledger = () => initialisedLedger(TODAY);

/** The tint taken back to the whole row, plus a format of the user's own on the probe column. */
async function widenTint(xl: ExcelDouble): Promise<void> {
  const s = xl.workbook.sheet('台账');
  s.unprotect();
  await xl.run(async (context) => {
    const ws = context.workbook.worksheets.getItem('台账');
    ws.getRange(IDENTITY.replace('台账!', '')).conditionalFormats.clearAll();
    const own = ws.getRange(`${PROBE}2`).conditionalFormats.add('Custom');
    own.custom.rule.formula = USERS_OWN;
    own.custom.format.font.bold = true;
    for (const f of [...TINT].reverse()) {
      const cf = ws.getRange(`A2:${LAST}2`).conditionalFormats.add('Custom');
      cf.custom.rule.formula = f;
      cf.custom.format.fill.color = '#FFC7CE';
    }
    await context.sync();
  });
  s.protect(LEDGER_PROTECTION_OPTIONS as Record<string, boolean | string>);
}

const formatsOf = (xl: ExcelDouble) => xl.workbook.sheet('台账').conditionalFormats();
const tintAt = (xl: ExcelDouble) =>
  formatsOf(xl)
    .filter((cf) => TINT.includes(String(cf.rule.formula)))
    .map((cf) => cf.address);

describe('初始化台账 on a ledger with the whole-row tint', () => {
  test('the whole-row formats are deleted, the identity block tinted, the other rules and a user’s own kept', async () => {
    const xl = await ledger();
    const current = formatsOf(xl).length;
    await widenTint(xl);
    expect(tintAt(xl)).toEqual(TINT.map(() => `台账!A2:${LAST}2`));

    const report = value(await initialiseLedger(xl.run, { today: TODAY }));
    expect(report.repaired).toEqual([excel.initialise.tintNarrowed('台账')]);
    expect(tintAt(xl)).toEqual(TINT.map(() => IDENTITY));
    // in the schema's order (first rule on top), as a new ledger has them
    expect(
      formatsOf(xl)
        .filter((cf) => cf.address === IDENTITY)
        .map((cf) => cf.rule.formula),
    ).toEqual(TINT);
    const users = formatsOf(xl).filter((cf) => cf.rule.formula === USERS_OWN);
    expect(users.map((cf) => cf.address)).toEqual([`台账!${PROBE}2`]);
    expect(formatsOf(xl)).toHaveLength(current + 1);
    expect(xl.workbook.sheet('台账').protection.protected).toBe(true);

    expect(value(await initialiseLedger(xl.run, { today: TODAY })).repaired).toEqual([]);
  });

  test('a current ledger keeps its formats', async () => {
    const xl = await ledger();
    const before = formatsOf(xl);
    expect(value(await initialiseLedger(xl.run, { today: TODAY })).repaired).toEqual([]);
    expect(formatsOf(xl)).toEqual(before);
  });
});
