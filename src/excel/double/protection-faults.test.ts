import { createExcelDouble } from './index';

function ledger() {
  const xl = createExcelDouble({ sheets: ['台账'] });
  const s = xl.workbook.sheet('台账');
  s.setValues('A1:C3', [
    ['编号', '事项', '反馈'],
    ['D-001', '修路灯', ''],
    ['D-002', '换门锁', ''],
  ]);
  s.addTable('A1:C3', true, '台账');
  return { xl, s };
}

describe('Worksheet protection', () => {
  test('writing a locked cell of a protected sheet fails with AccessDenied; unlocked cells accept writes', async () => {
    const { xl, s } = ledger();
    await xl.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem('台账');
      sheet.getRange('C:C').format.protection.locked = false;
      sheet.protection.protect({ allowFormatCells: false }, 'pw');
      sheet.protection.load('protected');
      await context.sync();
      expect(sheet.protection.protected).toBe(true);
    });
    await xl.run(async (context) => {
      context.workbook.worksheets.getItem('台账').getRange('C2').values = [['已反馈']];
    });
    expect(s.getValues('C2')).toEqual([['已反馈']]);
    await expect(
      xl.run(async (context) => {
        context.workbook.worksheets.getItem('台账').getRange('B2:C2').values = [['改', '改']];
      }),
    ).rejects.toMatchObject({ code: 'AccessDenied', debugInfo: { errorLocation: 'Range.values' } });
    expect(s.getValues('B2:C2')).toEqual([['修路灯', '已反馈']]);
  });

  test('formatting, locking and inserting rows are refused on a protected sheet; unprotect needs the password', async () => {
    const { xl, s } = ledger();
    s.protect({}, 'pw');
    for (const act of [
      (sheet: Excel.Worksheet) => {
        sheet.getRange('A2').format.fill.color = 'red';
      },
      (sheet: Excel.Worksheet) => {
        sheet.getRange('A2').format.protection.locked = false;
      },
      (sheet: Excel.Worksheet) => void sheet.getRange('5:5').insert('Down'),
      (sheet: Excel.Worksheet) => sheet.protection.protect(),
      (sheet: Excel.Worksheet) => sheet.protection.unprotect('wrong'),
    ]) {
      await expect(xl.run(async (context) => act(context.workbook.worksheets.getItem('台账')))).rejects.toMatchObject({ code: 'AccessDenied' });
    }
    await xl.run(async (context) => context.workbook.worksheets.getItem('台账').protection.unprotect('pw'));
    expect(s.protection.protected).toBe(false);
    // Unprotecting an unprotected sheet: AccessDenied (office-js#6784), so check `protected` first.
    await expect(xl.run(async (context) => context.workbook.worksheets.getItem('台账').protection.unprotect())).rejects.toMatchObject({
      code: 'AccessDenied',
    });
  });

  test('appending below a protected table body is refused unless those cells are unlocked', async () => {
    const { xl, s } = ledger();
    s.setLocked('A:C', false);
    s.protect();
    await xl.run(async (context) => {
      context.workbook.tables.getItem('台账').getDataBodyRange().getRowsBelow(1).values = [['D-003', '修水管', '']];
    });
    expect(s.table('台账').rowCount).toBe(3);
  });
});

describe('failNextSync', () => {
  test("'request' applies none of the queued operations", async () => {
    const { xl, s } = ledger();
    xl.failNextSync('request');
    await expect(
      xl.run(async (context) => {
        const sheet = context.workbook.worksheets.getItem('台账');
        sheet.getRange('C2').values = [['x']];
        sheet.getRange('C3').values = [['y']];
        await context.sync();
      }),
    ).rejects.toMatchObject({ name: 'RichApi.Error', code: 'GeneralException' });
    expect(s.getValues('C2:C3')).toEqual([[''], ['']]);
    // Only the next sync fails.
    await xl.run(async (context) => {
      context.workbook.worksheets.getItem('台账').getRange('C2').values = [['x']];
    });
    expect(s.getValues('C2')).toEqual([['x']]);
  });

  test("'partial', k applies the first k operations, then fails; loads of that sync stay unloaded", async () => {
    const { xl, s } = ledger();
    xl.failNextSync('partial', 1);
    let probe: Excel.Range | undefined;
    await expect(
      xl.run(async (context) => {
        const sheet = context.workbook.worksheets.getItem('台账');
        sheet.getRange('C2').values = [['x']];
        sheet.getRange('C3').values = [['y']];
        probe = sheet.getRange('C2').load('values');
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: 'GeneralException', debugInfo: { statement: 'Range.values' } });
    expect(s.getValues('C2:C3')).toEqual([['x'], ['']]);
    expect(() => probe!.values).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
  });

  test('an empty sync does not consume the fault; a custom code can be injected', async () => {
    const { xl } = ledger();
    xl.failNextSync('request', 0, 'ConnectionFailure');
    await xl.run(async (context) => {
      await context.sync();
    });
    await expect(
      xl.run(async (context) => {
        context.workbook.load('name');
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: 'ConnectionFailure' });
  });

  test('payload limit: an oversized write or read fails like Excel on the web', async () => {
    const xl = createExcelDouble({ sheets: ['台账'], maxPayloadBytes: 1000 });
    const big = Array.from({ length: 100 }, (_, i) => [`第${i}行的一段很长的督办事项说明`]);
    await expect(
      xl.run(async (context) => {
        context.workbook.worksheets.getItem('台账').getRange('A1:A100').values = big;
      }),
    ).rejects.toMatchObject({ code: 'RequestPayloadSizeLimitExceeded' });
    expect(xl.workbook.sheet('台账').getValues('A1')).toEqual([['']]);
    xl.workbook.sheet('台账').setValues('A1:A100', big);
    await expect(
      xl.run(async (context) => {
        context.workbook.worksheets.getItem('台账').getRange('A1:A100').load('values');
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: 'ResponsePayloadSizeLimitExceeded' });
  });
});
