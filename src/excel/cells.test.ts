import { textCell } from './cells';
import { createExcelDouble } from './double';

describe('textCell: what a user typed stays text when the add-in writes it back', () => {
  test.each([
    ['=1+1', "'=1+1"],
    ['+86 138', "'+86 138"],
    ['-', "'-"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['007', "'007"],
    ['2026-03-05', "'2026-03-05"],
    ['3.5', "'3.5"],
    ['50%', "'50%"],
    ['TRUE', "'TRUE"],
    ['#N/A', "'#N/A"],
    ["'引号开头", "''引号开头"],
    [' 前导空格', "' 前导空格"],
    ['Mar 5', "'Mar 5"],
    ['维修二食堂排水管道', '维修二食堂排水管道'],
    ['DB-2026-0001', 'DB-2026-0001'],
    ['', ''],
  ])('%s → %s', (typed, written) => {
    expect(textCell(typed)).toBe(written);
  });

  test('written through formulas into the Excel double, each reads back exactly as typed', async () => {
    const typed = ['=1+1', '007', '2026-03-05', 'TRUE', "'引号开头", '50%', '普通文字'];
    const xl = createExcelDouble({ sheets: ['S'] });
    await xl.run(async (context) => {
      context.workbook.worksheets.getItem('S').getRange(`A1:A${typed.length}`).formulas = typed.map((s) => [textCell(s)]);
      await context.sync();
    });
    expect(
      xl.workbook
        .sheet('S')
        .getValues(`A1:A${typed.length}`)
        .map((r) => r[0]),
    ).toEqual(typed);
  });
});
