import { createExcelDouble, excelEnums } from './index';
import { dateToSerial } from './values';

function ledger() {
  const xl = createExcelDouble({ sheets: ['台账', 'Sheet 2'] });
  xl.workbook.sheet('台账').setValues('A1:C3', [
    ['编号', '事项', '承办科室'],
    ['D-001', '修路灯', '后勤科'],
    ['D-002', '换门锁', '保卫科'],
  ]);
  return xl;
}

describe('Range values and formulas', () => {
  test('a shape mismatch fails the sync with InvalidArgument and applies nothing of that write', async () => {
    const xl = ledger();
    await expect(
      xl.run(async (context) => {
        const sheet = context.workbook.worksheets.getItem('台账');
        sheet.getRange('D1').values = [['备注']]; // before the bad write: applied
        sheet.getRange('A2:C2').values = [['D-009', '错']]; // 1×2 into 1×3
        sheet.getRange('E1').values = [['after']]; // after: never runs
        await context.sync();
      }),
    ).rejects.toMatchObject({
      code: 'InvalidArgument',
      message: "The number of rows or columns in the input array doesn't match the size or dimensions of the range.",
    });
    const s = xl.workbook.sheet('台账');
    expect(s.getValues('A2:E2')).toEqual([['D-001', '修路灯', '后勤科', '', '']]);
    expect(s.getValues('D1:E1')).toEqual([['备注', '']]);
  });

  test('a single value fills the whole range; null leaves a cell unchanged', async () => {
    const xl = ledger();
    await xl.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem('台账');
      (sheet.getRange('D2:D3') as unknown as { values: unknown }).values = '待办';
      sheet.getRange('B2:C2').values = [[null, '总务科']];
      await context.sync();
    });
    const s = xl.workbook.sheet('台账');
    expect(s.getValues('D2:D3')).toEqual([['待办'], ['待办']]);
    expect(s.getValues('B2:C2')).toEqual([['修路灯', '总务科']]);
  });

  test("a string starting with '=' written through values becomes a formula (injection risk)", async () => {
    const xl = ledger();
    await xl.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem('台账');
      sheet.getRange('B2:B3').values = [['=HYPERLINK("http://x","点我")'], ['\'=HYPERLINK("http://x")']];
      const text = sheet.getRange('D2');
      text.numberFormat = [['@']];
      text.values = [['=1+1']];
      const read = sheet.getRange('B2:B3').load('values, formulas, valueTypes');
      const readText = sheet.getRange('D2').load('values, formulas');
      await context.sync();
      // Formula cells are not calculated: values shows the cached value ("" until tests set one).
      expect(read.values).toEqual([[''], ['=HYPERLINK("http://x")']]);
      expect(read.valueTypes).toEqual([['Empty'], ['String']]);
      // The quote prefix is not part of the value, and formulas does not return it (office-js#6687).
      expect(read.formulas).toEqual([['=HYPERLINK("http://x","点我")'], ['=HYPERLINK("http://x")']]);
      expect(readText.values).toEqual([['=1+1']]);
      expect(readText.formulas).toEqual([['=1+1']]);
    });
    const s = xl.workbook.sheet('台账');
    expect(s.cellAt('B2').formula).toBe('=HYPERLINK("http://x","点我")');
    expect(s.cellAt('B3').formula).toBeUndefined();
    s.setCachedValues('B2', '点我');
    expect(s.getValues('B2')).toEqual([['点我']]);
  });

  test('reading formulas and writing them back turns quote-prefixed text into a formula', async () => {
    const xl = ledger();
    xl.workbook.sheet('台账').setValues('B2', [["'=x"]]);
    await xl.run(async (context) => {
      const r = context.workbook.worksheets.getItem('台账').getRange('B2').load('formulas');
      await context.sync();
      const formulas = r.formulas;
      r.formulas = formulas;
      await context.sync();
    });
    expect(xl.workbook.sheet('台账').cellAt('B2').formula).toBe('=x');
  });

  test('numbers, ISO dates and booleans are converted like typed input; text format keeps strings', async () => {
    const xl = ledger();
    await xl.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem('台账');
      sheet.getRange('D2:G2').values = [['007', '2026-10-10', 'TRUE', 3]];
      const t = sheet.getRange('H2');
      t.numberFormat = [['@']];
      t.values = [['007']];
      const r = sheet.getRange('D2:H2').load('values, text, numberFormat');
      await context.sync();
      expect(r.values).toEqual([[7, dateToSerial(2026, 10, 10), true, 3, '007']]);
      expect(r.text).toEqual([['7', '2026/10/10', 'TRUE', '3', '007']]);
      expect(r.numberFormat).toEqual([['General', 'yyyy/m/d', 'General', 'General', '@']]);
    });
  });

  test('an unsupported value type fails the sync and leaves the whole write unapplied', async () => {
    const xl = ledger();
    await expect(
      xl.run(async (context) => {
        context.workbook.worksheets.getItem('台账').getRange('D2:E2').values = [['ok', { a: 1 }]];
      }),
    ).rejects.toMatchObject({ code: 'InvalidArgument' });
    expect(xl.workbook.sheet('台账').getValues('D2:E2')).toEqual([['', '']]);
  });
});

describe('Range navigation and addresses', () => {
  test('derived ranges and their addresses (CJK names unquoted, names with spaces quoted)', async () => {
    const xl = ledger();
    await xl.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem('台账');
      const base = sheet.getRange('B2:C3');
      const list = [
        base.getCell(0, 0),
        base.getCell(5, 5),
        base.getRow(1),
        base.getColumn(1),
        base.getOffsetRange(1, -1),
        base.getResizedRange(1, -1),
        base.getRowsBelow(),
        base.getRowsBelow(3),
        base.getRowsAbove(1),
        base.getLastRow(),
        base.getEntireRow(),
        base.getEntireColumn(),
        sheet.getRange('A:A'),
        sheet.getRange('2:2'),
        sheet.getUsedRange(),
        context.workbook.worksheets.getItem('Sheet 2').getRange('A1:B2'),
        context.workbook.worksheets.getItem('Sheet 2').getUsedRange(),
      ].map((r) => r.load('address, rowIndex, columnIndex, rowCount, columnCount'));
      await context.sync();
      expect(list.map((r) => r.address)).toEqual([
        '台账!B2',
        '台账!G7',
        '台账!B3:C3',
        '台账!C2:C3',
        '台账!A3:B4',
        '台账!B2:B4',
        '台账!B4:C4',
        '台账!B4:C6',
        '台账!B1:C1',
        '台账!B3:C3',
        '台账!2:3',
        '台账!B:C',
        '台账!A:A',
        '台账!2:2',
        '台账!A1:C3',
        "'Sheet 2'!A1:B2",
        "'Sheet 2'!A1", // a blank sheet's used range is its top-left cell
      ]);
      expect([list[0].rowIndex, list[0].columnIndex, list[12].rowCount, list[13].columnCount]).toEqual([1, 1, 1048576, 16384]);
    });
  });

  test('out-of-grid navigation fails with InvalidArgument at sync', async () => {
    const xl = ledger();
    await expect(
      xl.run(async (context) => {
        context.workbook.worksheets.getItem('台账').getRange('A1:B1').getRowsAbove(1).load('address');
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: 'InvalidArgument' });
  });

  test('getUsedRangeOrNullObject on a blank sheet is a null object', async () => {
    const xl = ledger();
    await xl.run(async (context) => {
      const r = context.workbook.worksheets.getItem('Sheet 2').getUsedRangeOrNullObject(true);
      await context.sync();
      expect(r.isNullObject).toBe(true);
    });
  });

  test('clear() and select()', async () => {
    const xl = ledger();
    await xl.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem('台账');
      sheet.getRange('A3:C3').clear();
      sheet.getRange('B2').select();
      const sel = context.workbook.getSelectedRange().load('address');
      await context.sync();
      expect(sel.address).toBe('台账!B2');
    });
    expect(xl.workbook.sheet('台账').getValues('A3:C3')).toEqual([['', '', '']]);
  });
});

describe('Row insert and delete', () => {
  test('inserting rows shifts cells, moves tracked ranges and copies formats from above', async () => {
    const xl = ledger();
    xl.workbook.sheet('台账').setFill('A2:C2', '#FFC7CE');
    await xl.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem('台账');
      const d2 = sheet.getRange('A3:C3').load('address');
      await context.sync();
      expect(d2.address).toBe('台账!A3:C3');
      const inserted = sheet.getRange('3:4').insert('Down').load('address');
      d2.load('address, values');
      await context.sync();
      expect(inserted.address).toBe('台账!3:4');
      expect(d2.address).toBe('台账!A5:C5');
      expect(d2.values).toEqual([['D-002', '换门锁', '保卫科']]);
    });
    const s = xl.workbook.sheet('台账');
    expect(s.cellAt('A3')).toMatchObject({ value: '', fill: '#FFC7CE' });
    await xl.run(async (context) => {
      context.workbook.worksheets.getItem('台账').getRange('3:4').delete('Up');
    });
    expect(s.getValues('A3:C3')).toEqual([['D-002', '换门锁', '保卫科']]);
  });

  test('a range whose rows were deleted becomes invalid', async () => {
    const xl = ledger();
    await expect(
      xl.run(async (context) => {
        const sheet = context.workbook.worksheets.getItem('台账');
        const row = sheet.getRange('A3:C3').load('address');
        await context.sync();
        sheet.getRange('3:3').delete('Up');
        row.load('values');
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: 'InvalidReference' });
  });
});

describe('Formats, validation, conditional formats', () => {
  test('fill, font, number format, column width, locked: uniform values or null', async () => {
    const xl = ledger();
    await xl.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem('台账');
      const header = sheet.getRange('A1:C1');
      header.format.fill.color = '#DDEBF7';
      header.format.font.bold = true;
      header.format.font.color = 'red';
      sheet.getRange('A:A').format.columnWidth = 80;
      sheet.getRange('B:C').format.protection.locked = false;
      sheet.getRange('A2').format.autofitColumns();
      const a = sheet.getRange('A1:C1').load('format/fill/color, format/font/bold, format/font/color');
      const mixed = sheet.getRange('A1:A2').load('format/fill/color, format/font/bold, format/columnWidth');
      const width = sheet.getRange('B1').load('format/columnWidth');
      const locks = sheet.getRange('A5:C5').load('format/protection/locked');
      const unlocked = sheet.getRange('B1:C1048576').load('format/protection/locked');
      await context.sync();
      expect([a.format.fill.color, a.format.font.bold, a.format.font.color]).toEqual(['#DDEBF7', true, '#FF0000']);
      expect([mixed.format.fill.color, mixed.format.font.bold, mixed.format.columnWidth]).toEqual([null, null, 80]);
      expect(width.format.columnWidth).toBe(48);
      expect(locks.format.protection.locked).toBeNull();
      expect(unlocked.format.protection.locked).toBe(false);
    });
    const grid = xl.workbook.sheet('台账').snapshotGrid();
    expect(grid.cells[0][0]).toMatchObject({ fill: '#DDEBF7', bold: true, fontColor: '#FF0000', locked: true });
    expect(grid.cells[1][1].locked).toBe(false);
    expect(grid.columnWidths.slice(0, 2)).toEqual([80, 48]);
  });

  test('data validation: set, read back, inconsistent, clear', async () => {
    const xl = ledger();
    await xl.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem('台账');
      sheet.getRange('C:C').dataValidation.rule = { list: { inCellDropDown: true, source: '后勤科,保卫科,总务科' } };
      const c = sheet.getRange('C5').dataValidation.load('rule, type');
      const bc = sheet.getRange('B5:C5').dataValidation.load('type');
      await context.sync();
      expect(c.rule).toEqual({ list: { inCellDropDown: true, source: '后勤科,保卫科,总务科' } });
      expect(c.type).toBe('List');
      expect(bc.type).toBe('Inconsistent');
      sheet.getRange('C2').dataValidation.clear();
      const cleared = sheet.getRange('C2').dataValidation.load('type');
      await context.sync();
      expect(cleared.type).toBe('None');
    });
    expect(xl.workbook.sheet('台账').cellAt('C9').validation?.rule).toEqual({ list: { inCellDropDown: true, source: '后勤科,保卫科,总务科' } });
  });

  test('conditional formats: add custom rule, read back, count, clearAll', async () => {
    const xl = ledger();
    await xl.run(async (context) => {
      const body = context.workbook.worksheets.getItem('台账').getRange('A2:C3');
      const cf = body.conditionalFormats.add(excelEnums.ConditionalFormatType.custom as Excel.ConditionalFormatType);
      cf.custom.rule.formula = '=$C2="后勤科"';
      cf.custom.format.fill.color = '#FFC7CE';
      cf.custom.format.font.color = '#9C0006';
      cf.custom.format.font.bold = true;
      const second = body.conditionalFormats.add('Custom');
      second.custom.rule.formula = '=$C2="保卫科"';
      const count = body.conditionalFormats.getCount();
      const items = body.conditionalFormats.load('items/type, items/priority, items/custom/rule/formula, items/custom/format/fill/color');
      await context.sync();
      expect(count.value).toBe(2);
      // New rules go to the top (priority 0).
      expect(items.items.map((i) => [i.priority, i.custom.rule.formula, i.custom.format.fill.color])).toEqual([
        [0, '=$C2="保卫科"', null],
        [1, '=$C2="后勤科"', '#FFC7CE'],
      ]);
      context.workbook.worksheets.getItem('台账').getRange('A2:C3').conditionalFormats.clearAll();
      const after = body.conditionalFormats.getCount();
      await context.sync();
      expect(after.value).toBe(0);
    });
  });
});
