/**
 * Range.find on a one-cell range searches the whole sheet from the next cell
 * (https://learn.microsoft.com/javascript/api/excel/excel.range#excel-excel-range-find-member(1)).
 * A table with one body row has one-cell column bodies: locating a row by 编号 must not search
 * `getDataBodyRange()` of the column then, or the same text elsewhere on the sheet is found first.
 */
import { newOperationId } from '../domain/itemNumber';
import { makeItem } from '../domain/testing/itemFactory';
import type { Actor } from '../domain/workflow';
import { createLedgerService } from './ledgerGateway';
import { ledgerFixture } from './testing/ledgerFixture';

const clerk: Actor = { role: '督办员', name: '陈志刚' };
const ctx = (n: number) => {
  const now = new Date('2026-03-20T09:30:00');
  return { actor: clerk, on: '2026-03-20', now, opId: `${newOperationId(now, () => 0.5)}-f${n}` };
};

test('a one-item ledger whose 编号 also appears below the table: the item is still found and patched', async () => {
  const xl = ledgerFixture({ items: [makeItem({ id: 'DB-2026-0001', state: '办理中' })] });
  xl.workbook.sheet('台账').withoutProtection(() => xl.workbook.sheet('台账').setValues('AZ5', [['DB-2026-0001']])); // a note typed by a user
  expect(xl.workbook.table('台账').rowCount).toBe(1);
  const svc = createLedgerService(xl.run, { runOn: xl.runOn });
  const r = await svc.act('DB-2026-0001', { type: '催办', content: '请加快' }, ctx(1));
  expect(r).toMatchObject({ ok: true });
  await svc.selectItem('DB-2026-0001');
  const selected = await xl.run(async (context) => {
    const s = context.workbook.getSelectedRange().load('address');
    await context.sync();
    return s.address;
  });
  expect(selected).toMatch(/^台账!A2:/);
});

test('催办 of a section with one overdue item whose 编号 also appears below the table: the row is re-read and patched', async () => {
  const xl = ledgerFixture({ items: [makeItem({ id: 'DB-2026-0001' })], today: '2026-03-20' });
  xl.workbook.sheet('台账').withoutProtection(() => xl.workbook.sheet('台账').setValues('AZ5', [['DB-2026-0001']]));
  const svc = createLedgerService(xl.run, { runOn: xl.runOn });
  const section = makeItem().section;
  const r = await svc.urgeOverdue(section, '请于本周内报送', ctx(2));
  expect(r).toMatchObject({ ok: true, value: { itemIds: ['DB-2026-0001'] } });
});
