import { createExcelDouble } from './index';

function ledger() {
  const xl = createExcelDouble({ sheets: ['台账', '设置'] });
  const s = xl.workbook.sheet('台账');
  s.setValues('A1:C4', [
    ['编号', '事项', '反馈'],
    ['D-003', '修水管', ''],
    ['D-001', '修路灯', ''],
    ['D-002', '换门锁', ''],
  ]);
  s.addTable('A1:C4', true, '台账');
  return { xl, s };
}

describe('co-author edits between two syncs', () => {
  test('a row index read in an earlier sync is stale after a co-author inserts rows', async () => {
    const { xl, s } = ledger();
    await xl.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem('台账');
      const ids = context.workbook.tables.getItem('台账').columns.getItem('编号').getDataBodyRange().load('values, rowIndex');
      const tracked = sheet.getRange('A3:C3').load('address');
      await context.sync();
      const i = ids.values.findIndex((r) => r[0] === 'D-001');
      const staleRow = ids.rowIndex + i; // 0-based sheet row of D-001 as of the first sync

      xl.coauthor.insertRows('台账', 2, 2); // two rows inserted before sheet row 2

      // Wrong: addressing by the old row number hits a co-author's new blank row.
      sheet.getRangeByIndexes(staleRow, 2, 1, 1).load('values');
      // Right-ish: a range object obtained before is tracked and moved with the insert.
      tracked.load('address, values');
      // Right: locate by 编号 in the same batch as the write.
      const fresh = context.workbook.tables.getItem('台账').columns.getItem('编号').getDataBodyRange().load('values, rowIndex');
      await context.sync();
      expect(tracked.address).toBe('台账!A5:C5');
      expect(tracked.values).toEqual([['D-001', '修路灯', '']]);
      expect(fresh.rowIndex).toBe(1); // the body grew: two blank rows at its top
      expect(fresh.rowIndex + fresh.values.findIndex((r) => r[0] === 'D-001')).toBe(staleRow + 2);
    });
    expect(s.table('台账').address).toBe('台账!A1:C6'); // rows inserted inside the table grew it
    expect(s.getValues('A2:A3')).toEqual([[''], ['']]);
  });

  test('a co-author sort reorders the body between syncs (blanks last)', async () => {
    const { xl, s } = ledger();
    s.setValues('A5:C5', [['', '无编号', '']]);
    await xl.run(async (context) => {
      const body = context.workbook.tables.getItem('台账').getDataBodyRange().load('values');
      await context.sync();
      expect(body.values.map((r) => r[0])).toEqual(['D-003', 'D-001', 'D-002', '']);
      xl.coauthor.sortTable('台账', '编号', true);
      body.load('values');
      await context.sync();
      expect(body.values.map((r) => r[0])).toEqual(['D-001', 'D-002', 'D-003', '']);
      xl.coauthor.sortTable('台账', '编号', false);
      body.load('values');
      await context.sync();
      expect(body.values.map((r) => r[0])).toEqual(['D-003', 'D-002', 'D-001', '']);
    });
  });

  test('co-author setValues below the table and appendTableRow expand it', async () => {
    const { xl, s } = ledger();
    xl.coauthor.setValues('台账', 'A5:C5', [['D-004', '刷墙', '']]);
    xl.coauthor.appendTableRow('台账', ['D-005', '补漏', '']);
    expect(s.table('台账').values.map((r) => r[0])).toEqual(['D-003', 'D-001', 'D-002', 'D-004', 'D-005']);
    expect(xl.stats.rowsAddCalls).toBe(0);
  });
});

describe('events', () => {
  test('onChanged fires after a local write (source Local) and after a co-author edit (source Remote)', async () => {
    const { xl } = ledger();
    const seen: { address: string; source: string; worksheetId: string; type: string }[] = [];
    const tableSeen: string[] = [];
    let sheetId = '';
    await xl.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem('台账');
      sheet.load('id');
      sheet.onChanged.add(async (e: Excel.WorksheetChangedEventArgs) => {
        seen.push({ address: e.address, source: e.source, worksheetId: e.worksheetId, type: e.type });
      });
      context.workbook.tables.getItem('台账').onChanged.add(async (e: Excel.TableChangedEventArgs) => {
        tableSeen.push(`${e.source}:${e.address}`);
      });
      await context.sync();
      sheetId = sheet.id;
    });
    await xl.run(async (context) => {
      context.workbook.worksheets.getItem('台账').getRange('C2').values = [['已反馈']];
      context.workbook.worksheets.getItem('设置').getRange('A1').values = [['x']];
    });
    xl.coauthor.setValues('台账', 'B3', [['修路灯2']]);
    expect(seen).toEqual([]); // delivered asynchronously, as in Office
    await xl.events.flush();
    expect(seen).toEqual([
      { address: 'C2', source: 'Local', worksheetId: sheetId, type: 'WorksheetChanged' },
      { address: 'B3', source: 'Remote', worksheetId: sheetId, type: 'WorksheetChanged' },
    ]);
    expect(tableSeen).toEqual(['Local:C2', 'Remote:B3']);
    expect(xl.events.errors).toEqual([]);
  });

  test('handlers can read the changed range through a new run; removed handlers stop firing', async () => {
    const { xl } = ledger();
    const values: unknown[] = [];
    let registration: OfficeExtension.EventHandlerResult<Excel.WorksheetChangedEventArgs> | undefined;
    await xl.run(async (context) => {
      registration = context.workbook.worksheets.getItem('台账').onChanged.add(async (e: Excel.WorksheetChangedEventArgs) => {
        await xl.run(async (ctx) => {
          const r = e.getRange(ctx).load('values');
          await ctx.sync();
          values.push(r.values);
        });
      });
      await context.sync();
    });
    xl.coauthor.setValues('台账', 'C3', [['远程反馈']]);
    await xl.events.flush();
    expect(values).toEqual([[['远程反馈']]]);
    const r = registration!;
    await xl.runOn(r.context, async (context) => {
      r.remove();
      await context.sync();
    });
    expect(xl.events.handlerCount).toBe(0);
    xl.coauthor.setValues('台账', 'C4', [['再改']]);
    await xl.events.flush();
    expect(values).toHaveLength(1);
  });

  test('events.select fires onSelectionChanged with the address', async () => {
    const { xl } = ledger();
    const selected: string[] = [];
    await xl.run(async (context) => {
      context.workbook.worksheets.getItem('台账').onSelectionChanged.add(async (e: Excel.WorksheetSelectionChangedEventArgs) => {
        selected.push(e.address);
      });
    });
    await xl.events.select('台账', 'B3:C3');
    await xl.events.select('设置', 'A1');
    expect(selected).toEqual(['B3:C3']);
    await xl.run(async (context) => {
      const r = context.workbook.getSelectedRange().load('address');
      await context.sync();
      expect(r.address).toBe('设置!A1');
    });
  });
});
