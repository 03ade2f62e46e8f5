import { createExcelDouble } from './index';

function ledger() {
  const xl = createExcelDouble({ sheets: ['台账'] });
  xl.workbook.sheet('台账').setValues('A1:B4', [
    ['编号', '事项'],
    ['DB-2026-0001', '修路灯'],
    ['DB-2026-0002', '换门锁'],
    ['db-2026-0002x', '别的'],
  ]);
  return xl;
}

describe('Range.find / findOrNullObject', () => {
  test('finds the first complete, case-sensitive match at sync time, after a co-author moved it', async () => {
    const xl = ledger();
    const address = await xl.run(async (context) => {
      const col = context.workbook.worksheets.getItem('台账').getRange('A2:A100');
      await context.sync();
      xl.coauthor.insertRows('台账', 2, 3); // a remote edit between two syncs
      const hit = col.find('DB-2026-0002', { completeMatch: true, matchCase: true });
      hit.load('address');
      await context.sync();
      return hit.address;
    });
    expect(address).toBe('台账!A6');
  });

  test('partial (begins-with, office-js-docs-reference#505) and case-insensitive matching; backwards search finds the last', async () => {
    const xl = ledger();
    const [fwd, back, inside] = await xl.run(async (context) => {
      const col = context.workbook.worksheets.getItem('台账').getRange('A2:A4');
      const a = col.find('db-2026-0002', {});
      const b = col.find('DB-2026-0002', { searchDirection: 'Backwards' as Excel.SearchDirection });
      const c = col.findOrNullObject('0002', {}); // in the middle of the text: not a partial match
      a.load('address');
      b.load('address');
      c.load('address');
      await context.sync();
      return [a.address, b.address, c.isNullObject];
    });
    expect(fwd).toBe('台账!A3');
    expect(back).toBe('台账!A4');
    expect(inside).toBe(true);
  });

  test('a single-cell range searches the whole sheet, starting after that cell and wrapping round (Range.find docs)', async () => {
    const xl = ledger();
    xl.workbook.sheet('台账').setValues('D2:D3', [['DB-2026-0001'], ['别处']]);
    const [next, wrapped, itself, back] = await xl.run(async (context) => {
      const ws = context.workbook.worksheets.getItem('台账');
      const exact = { completeMatch: true, matchCase: true };
      const a = ws.getRange('A2').find('DB-2026-0001', exact).load('address'); // A2 holds it too: D2 comes first
      const b = ws.getRange('B4').find('DB-2026-0002', exact).load('address'); // after B4 → wraps to A3
      const c = ws.getRange('B3').find('换门锁', exact).load('address'); // only the cell itself: found last
      const d = ws
        .getRange('A4')
        .find('DB-2026-0001', { ...exact, searchDirection: 'Backwards' as Excel.SearchDirection })
        .load('address');
      await context.sync();
      return [a.address, b.address, c.address, d.address];
    });
    expect(next).toBe('台账!D2');
    expect(wrapped).toBe('台账!A3');
    expect(itself).toBe('台账!B3');
    expect(back).toBe('台账!D2');
  });

  test('find throws ItemNotFound at sync; findOrNullObject gives a null object', async () => {
    const xl = ledger();
    await expect(
      xl.run(async (context) => {
        context.workbook.worksheets.getItem('台账').getRange('A2:A4').find('DB-9999', { completeMatch: true }).load('address');
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: 'ItemNotFound' });
    const isNull = await xl.run(async (context) => {
      const r = context.workbook.worksheets.getItem('台账').getRange('A2:A4').findOrNullObject('DB-9999', { completeMatch: true });
      r.load('address');
      await context.sync();
      return r.isNullObject;
    });
    expect(isNull).toBe(true);
  });
});
