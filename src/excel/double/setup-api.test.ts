import { createExcelDouble, definedNames, hiddenColumns, mergedAreas } from './index';

function ledger() {
  const xl = createExcelDouble({ sheets: ['台账', '设置'] });
  const s = xl.workbook.sheet('台账');
  s.setValues('A1:C4', [
    ['编号', '事项', '状态'],
    ['D-001', '修路灯', ''],
    ['D-002', '', ''],
    ['D-003', '换门锁', ''],
  ]);
  s.setFormulas('C2:C4', [['=IF([@事项]="","缺","有")'], ['=IF([@事项]="","缺","有")'], ['=IF([@事项]="","缺","有")']]);
  s.addTable('A1:C4', true, '台账');
  return { xl, s };
}

describe('Defined names', () => {
  test('add by formula or range, read back, duplicates and table names refused, delete', async () => {
    const { xl } = ledger();
    await xl.run(async (context) => {
      const names = context.workbook.names;
      names.add('今天', '=设置!$B$2');
      names.add('计时方式', context.workbook.worksheets.getItem('设置').getRange('B3'));
      const got = names.getItemOrNullObject('今天').load('name, formula, type');
      const none = names.getItemOrNullObject('没有');
      const count = names.getCount();
      names.load('items/name, items/formula');
      await context.sync();
      expect(got.formula).toBe('=设置!$B$2');
      expect(got.type).toBe('Range');
      expect(none.isNullObject).toBe(true);
      expect(count.value).toBe(2);
      expect(names.items.map((n) => [n.name, n.formula])).toEqual([
        ['今天', '=设置!$B$2'],
        ['计时方式', '=设置!$B$3'],
      ]);
    });
    await expect(xl.run(async (context) => void context.workbook.names.add('今天', '=设置!$B$9'))).rejects.toMatchObject({ code: 'ItemAlreadyExists' });
    await expect(xl.run(async (context) => void context.workbook.names.add('台账', '=设置!$B$9'))).rejects.toMatchObject({ code: 'ItemAlreadyExists' });
    await expect(xl.run(async (context) => void context.workbook.names.add('AB12', '=设置!$B$9'))).rejects.toMatchObject({ code: 'InvalidArgument' });
    await xl.run(async (context) => context.workbook.names.getItem('计时方式').delete());
    expect(definedNames(xl.workbook).map((n) => n.name)).toEqual(['今天']);
  });
});

describe('Sheet layout', () => {
  test('freezeAt freezes rows and columns; columnHidden; merge keeps the top-left value', async () => {
    const { xl, s } = ledger();
    s.setValues('E1:F1', [['标题', '多余']]);
    expect(xl.office.context.requirements.isSetSupported('ExcelApi', '1.13')).toBe(true); // getMergedAreasOrNullObject
    await xl.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem('台账');
      sheet.freezePanes.freezeAt(sheet.getRange('A1'));
      sheet.getRange('B:C').columnHidden = true;
      sheet.getRange('E1:G1').merge();
      const h = sheet.getRange('B:C').load('columnHidden');
      const mixed = sheet.getRange('A:B').load('columnHidden');
      const areas = sheet.getRange('A1:H5').getMergedAreasOrNullObject().load('address, cellCount');
      await context.sync();
      expect(h.columnHidden).toBe(true);
      expect(mixed.columnHidden).toBeNull();
      expect(areas.address).toBe('台账!E1:G1');
      expect(areas.cellCount).toBe(3);
    });
    expect(s.freezeRows).toBe(1);
    expect(s.freezeColumns).toBe(1);
    expect(hiddenColumns(s)).toEqual([1, 2]);
    expect(mergedAreas(s)).toEqual(['E1:G1']);
    expect(s.getValues('E1:F1')).toEqual([['标题', '']]);
    await xl.run(async (context) => context.workbook.worksheets.getItem('台账').freezePanes.freezeAt('A1:B5'));
    expect([s.freezeRows, s.freezeColumns]).toEqual([5, 2]);
  });

  test('a sheet moves to the tab position written', async () => {
    const xl = createExcelDouble({ sheets: ['台账', '设置', '日历'] });
    await xl.run(async (context) => {
      context.workbook.worksheets.getItem('日历').position = 1;
    });
    expect(xl.workbook.sheetNames()).toEqual(['台账', '日历', '设置']);
    await expect(
      xl.run(async (context) => {
        context.workbook.worksheets.getItem('日历').position = 3;
      }),
    ).rejects.toMatchObject({ code: 'InvalidArgument' });
  });

  test('merging and hiding columns are refused on a protected sheet', async () => {
    const { xl, s } = ledger();
    s.protect();
    await expect(xl.run(async (context) => context.workbook.worksheets.getItem('台账').getRange('E1:F1').merge())).rejects.toMatchObject({
      code: 'AccessDenied',
    });
    await expect(
      xl.run(async (context) => {
        context.workbook.worksheets.getItem('台账').getRange('B:B').columnHidden = true;
      }),
    ).rejects.toMatchObject({ code: 'AccessDenied' });
  });
});

describe('Special cells', () => {
  test('formulas, constants and blanks of a table column; null object when none', async () => {
    const { xl, s } = ledger();
    s.setValues('C3', [['手填']]);
    s.setValues('B4', [['']]);
    await xl.run(async (context) => {
      const table = context.workbook.tables.getItem('台账');
      const col = table.columns.getItem('状态').getRange();
      const formulas = col.getSpecialCellsOrNullObject('Formulas').load('address, cellCount, areaCount');
      const constants = col.getSpecialCellsOrNullObject('Constants').load('address, cellCount');
      const blanks = table.columns.getItem('事项').getRange().getSpecialCellsOrNullObject('Blanks').load('address');
      const none = col.getSpecialCellsOrNullObject('Blanks');
      const numbers = col.getSpecialCellsOrNullObject('Constants', 'Numbers');
      await context.sync();
      expect(formulas.address).toBe('台账!C2,台账!C4');
      expect([formulas.cellCount, formulas.areaCount]).toEqual([2, 2]);
      expect(constants.address).toBe('台账!C1,台账!C3');
      expect(constants.cellCount).toBe(2);
      expect(blanks.address).toBe('台账!B3:B4');
      expect(none.isNullObject).toBe(true);
      expect(numbers.isNullObject).toBe(true);
    });
    await expect(
      xl.run(async (context) => {
        context.workbook.worksheets.getItem('台账').getRange('C1:C4').getSpecialCells('Blanks').load('address');
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: 'ItemNotFound' });
  });

  test('a whole column is searched within the used range only', async () => {
    const { xl } = ledger();
    await xl.run(async (context) => {
      const blanks = context.workbook.worksheets.getItem('台账').getRange('B:B').getSpecialCellsOrNullObject('Blanks').load('cellCount');
      await context.sync();
      expect(blanks.cellCount).toBe(1);
    });
  });
});

describe('Conditional formats', () => {
  test('colour scale criteria; *OrNullObject views read a mixed collection in one load', async () => {
    const { xl, s } = ledger();
    await xl.run(async (context) => {
      const body = context.workbook.tables.getItem('台账').getDataBodyRange();
      const scale = body.conditionalFormats.add('ColorScale');
      scale.colorScale.criteria = {
        minimum: { type: 'LowestValue', color: '#F8696B' },
        midpoint: { formula: '50', type: 'Percentile', color: '#FFEB84' },
        maximum: { type: 'HighestValue', color: '#63BE7B' },
      };
      const custom = body.conditionalFormats.add('Custom');
      custom.custom.rule.formula = '=$C2="缺"';
      custom.custom.format.fill.color = '#FFC7CE';
      await context.sync();
      const items = body.conditionalFormats.load(
        'items/type, items/customOrNullObject/rule/formula, items/customOrNullObject/format/fill/color, items/colorScaleOrNullObject/threeColorScale',
      );
      await context.sync();
      const view = items.items.map((cf) => ({
        type: cf.type,
        formula: cf.customOrNullObject.isNullObject ? null : cf.customOrNullObject.rule.formula,
        fill: cf.customOrNullObject.isNullObject ? null : cf.customOrNullObject.format.fill.color,
        three: cf.colorScaleOrNullObject.isNullObject ? null : cf.colorScaleOrNullObject.threeColorScale,
      }));
      expect(view).toEqual([
        { type: 'Custom', formula: '=$C2="缺"', fill: '#FFC7CE', three: null },
        { type: 'ColorScale', formula: null, fill: null, three: true },
      ]);
    });
    expect(s.conditionalFormats()[1].rule).toEqual({
      criteria: {
        minimum: { formula: null, type: 'LowestValue', color: '#F8696B' },
        midpoint: { formula: '50', type: 'Percentile', color: '#FFEB84' },
        maximum: { formula: null, type: 'HighestValue', color: '#63BE7B' },
      },
    });
    await expect(
      xl.run(async (context) => {
        const cf = context.workbook.tables.getItem('台账').getDataBodyRange().conditionalFormats.add('Custom');
        cf.colorScale.criteria = { minimum: { type: 'LowestValue' }, maximum: { type: 'HighestValue' } };
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: 'InvalidOperation' });
  });
});
