import { createExcelDouble } from './index';

describe('Worksheets', () => {
  test('add, getActiveWorksheet, rename, visibility, freeze panes, delete', async () => {
    const xl = createExcelDouble({ sheets: ['台账'] });
    await xl.run(async (context) => {
      const sheets = context.workbook.worksheets;
      const log = sheets.add('操作日志');
      log.visibility = 'Hidden';
      log.freezePanes.freezeRows(1);
      const settings = sheets.add('设置');
      settings.name = '设置2';
      const active = sheets.getActiveWorksheet().load('name');
      sheets.load('items/name, items/visibility, items/position');
      await context.sync();
      expect(active.name).toBe('台账');
      expect(sheets.items.map((s) => [s.name, s.visibility, s.position])).toEqual([
        ['台账', 'Visible', 0],
        ['操作日志', 'Hidden', 1],
        ['设置2', 'Visible', 2],
      ]);
      settings.delete();
      await context.sync();
    });
    expect(xl.workbook.sheetNames()).toEqual(['台账', '操作日志']);
    expect(xl.workbook.sheet('操作日志').freezeRows).toBe(1);
  });

  test('duplicate or invalid names fail; the last visible sheet cannot go', async () => {
    const xl = createExcelDouble({ sheets: ['台账'] });
    await expect(xl.run(async (context) => void context.workbook.worksheets.add('台账'))).rejects.toMatchObject({ code: 'ItemAlreadyExists' });
    await expect(xl.run(async (context) => void context.workbook.worksheets.add('a/b'))).rejects.toMatchObject({ code: 'InvalidArgument' });
    await expect(xl.run(async (context) => context.workbook.worksheets.getItem('台账').delete())).rejects.toMatchObject({ code: 'InvalidOperation' });
  });
});

describe('scale', () => {
  test('a 5,000-row ledger: read, patch one row by 编号, append below, in reasonable time', async () => {
    const xl = createExcelDouble({ sheets: ['台账'] });
    const s = xl.workbook.sheet('台账');
    const rows = Array.from({ length: 5000 }, (_, i) => [`D-${String(i).padStart(5, '0')}`, `事项${i}`, '后勤科', '', '']);
    s.setValues('A1:E1', [['编号', '事项', '承办科室', '反馈', '状态']]);
    s.setValues('A2:E5001', rows);
    s.setFormulas(
      'E2:E5001',
      rows.map(() => ['=IF([@反馈]="","未反馈","已反馈")']),
    );
    s.addTable('A1:E5001', true, '台账');
    const t0 = Date.now();
    await xl.run(async (context) => {
      const table = context.workbook.tables.getItem('台账');
      const ids = table.columns.getItem('编号').getDataBodyRange().load('values, rowIndex');
      await context.sync();
      const i = ids.values.findIndex((r) => r[0] === 'D-04321');
      context.workbook.worksheets.getItem('台账').getRangeByIndexes(ids.rowIndex + i, 3, 1, 1).values = [['已办']];
      table.getDataBodyRange().getRowsBelow(1).values = [['D-05000', '新事项', '保卫科', '', '']];
      await context.sync();
    });
    const ms = Date.now() - t0;
    expect(s.getValues('D4323')).toEqual([['已办']]);
    expect(s.table('台账').rowCount).toBe(5001);
    expect(s.getFormulas('E5002')).toEqual([['=IF([@反馈]="","未反馈","已反馈")']]);
    expect(ms).toBeLessThan(2000);
  });
});
