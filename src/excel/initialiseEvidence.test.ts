/**
 * A ledger made before 佐证材料 existed (结构版本 2: the 台账 table ends at 操作ID): it reads as it
 * is, 申请办结 is refused there (the evidence would have nowhere to go) until 初始化台账 has added the
 * column at the table's end — without moving a column or losing a typed cell — and then works.
 * (The same run adds the columns of 结构版本 4 after it: initialiseDeadlines.test.ts.)
 */
import { makeItem } from '../domain/testing/itemFactory';
import type { Actor } from '../domain/workflow';
import type { ExcelDouble } from './double';
import { initialiseLedger } from './initialise';
import { createLedgerService } from './ledgerGateway';
import type { ActionContext } from './ledgerService';
import { SCHEMA_VERSION, columnLetter, sheetSpec } from '../workbook/schema';
import { V4_CALENDAR_COLUMNS, V4_LEDGER_COLUMNS, downgrade, ledgerColumnsOf } from './testing/olderLedger';
import { okValue as value, ledgerWithRows } from './testing/initialisedLedger';

const TODAY = '2026-03-16';
const LEDGER = sheetSpec('台账').tables[0];
const OLD_COLUMNS = ledgerColumnsOf(2);
const section: Actor = { role: '科室', name: '周海涛', section: '工程管理科' };
const clerk: Actor = { role: '督办员', name: '陈志刚' };
let seq = 0;
const ctx = (actor: Actor): ActionContext => ({ actor, on: TODAY, now: new Date(`${TODAY}T10:00:00`), opId: `op-ev-${++seq}` });

const ITEMS = [
  makeItem({ id: 'DB-2026-0001', report1On: '2026-03-03', progress: '已完成管道勘察', note: '科室手填备注' }),
  makeItem({ id: 'DB-2026-0002', state: '申请办结', appliedOn: '2026-03-09', progress: '已完工' }),
  makeItem({
    id: 'DB-2026-0003',
    state: '已销号',
    appliedOn: '2026-03-08',
    checkedOn: '2026-03-09',
    approvedOn: '2026-03-09',
    closedOn: '2026-03-09',
    grade: '良好',
  }),
];

/** A version-2 ledger: built with three typed rows, then 佐证材料 and later columns taken out and 结构版本 set back. */
async function oldLedger(): Promise<ExcelDouble> {
  const xl = await ledgerWithRows(TODAY, ITEMS, undefined, { 佐证材料: '' });
  await downgrade(xl, 2);
  expect(xl.workbook.table('台账').columns).toEqual(OLD_COLUMNS.map((c) => c.header));
  return xl;
}

/** Whether a sheet address (台账!A2:BO1048576) spans column `col` (1-based) from body row 2. */
function covers(address: string, col: number): boolean {
  const m = /!([A-Z]+)2:([A-Z]+)\d+$/.exec(address);
  const n = (letters: string) => [...letters].reduce((a, ch) => a * 26 + ch.charCodeAt(0) - 64, 0);
  return !!m && n(m[1]) <= col && col <= n(m[2]);
}

const ledgerCells = (xl: ExcelDouble) => JSON.stringify(xl.workbook.table('台账').formulas);

describe('an older ledger without 佐证材料', () => {
  test('reads as it is: every row valid, no 佐证材料', async () => {
    const xl = await oldLedger();
    const snap = await createLedgerService(xl.run).snapshot();
    expect(snap.rowErrors).toEqual([]);
    expect(snap.items.map((i) => [i.id, i.state, i.evidence])).toEqual([
      ['DB-2026-0001', '办理中', ''],
      ['DB-2026-0002', '申请办结', ''],
      ['DB-2026-0003', '已销号', ''],
    ]);
  });

  test('申请办结 is refused until 初始化台账 adds the column; nothing is written; other actions still work', async () => {
    const xl = await oldLedger();
    const svc = createLedgerService(xl.run);
    const before = ledgerCells(xl);
    const logRows = xl.workbook.table('操作日志').rowCount;
    const r = await svc.act('DB-2026-0001', { type: '申请办结', evidence: '验收单.pdf' }, ctx(section));
    expect(r.ok ? '' : r.error).toEqual({ code: 'column-missing', message: '台账缺少“佐证材料”列，请先点击“初始化台账”升级台账，再申请办结。' });
    expect(ledgerCells(xl)).toBe(before);
    expect(xl.workbook.table('操作日志').rowCount).toBe(logRows);
    value(await svc.act('DB-2026-0002', { type: '初核' }, ctx(clerk)));
  });

  test('初始化台账 adds it at the table’s end with its input message; no typed cell changes; then 申请办结 writes and reads it', async () => {
    const xl = await oldLedger();
    const before = xl.workbook.table('台账');
    const report = value(await initialiseLedger(xl.run, { today: TODAY }));
    expect(report.repaired).toEqual([
      '台账：补充“佐证材料”列',
      ...V4_LEDGER_COLUMNS.map((c) => `台账：补充“${c.header}”列`),
      ...V4_CALENDAR_COLUMNS.map((h) => `日历：补充“${h}”列`),
      `设置：结构版本 2 → ${SCHEMA_VERSION}`,
    ]);
    expect(report.schemaVersion).toEqual({ before: 2, after: SCHEMA_VERSION });
    const after = xl.workbook.table('台账');
    expect(after.columns).toEqual(LEDGER.columns.map((c) => c.header));
    // every column that was there holds exactly what it held; the new one is empty
    const evidence = OLD_COLUMNS.length;
    expect(after.formulas.map((row) => row.slice(0, evidence))).toEqual(before.formulas);
    expect(after.formulas.map((row) => row[evidence])).toEqual(['', '', '']);
    const s = xl.workbook.sheet('台账');
    const cell = s.cellAt(`${columnLetter(evidence + 1)}2`);
    expect(cell.locked).toBe(false);
    expect(cell.validation?.prompt?.title).toBe('佐证材料');
    expect(s.protection.protected).toBe(true);
    // no tint over it: the tint marks the identity block (编号 … 承办科室) and 预警状态 (schema/ledger.ts)
    expect(s.conditionalFormats().filter((cf) => covers(cf.address, evidence + 1))).toEqual([]);
    // a second run finds nothing to do
    expect(value(await initialiseLedger(xl.run, { today: TODAY })).repaired).toEqual([]);

    const svc = createLedgerService(xl.run);
    value(await svc.act('DB-2026-0001', { type: '申请办结', evidence: 'https://pan.example.com/s/0001' }, ctx(section)));
    const snap = await svc.snapshot();
    expect(snap.rowErrors).toEqual([]);
    expect(snap.items.find((i) => i.id === 'DB-2026-0001')).toMatchObject({
      state: '申请办结',
      evidence: 'https://pan.example.com/s/0001',
      note: '科室手填备注',
    });
  });
});
