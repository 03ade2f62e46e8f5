import { createExcelDouble } from './index';

type Edges = { top: string; bottom: string; left: string; right: string };

function book() {
  const xl = createExcelDouble({ sheets: ['台账'] });
  const s = xl.workbook.sheet('台账');
  s.setValues('A1:C3', [
    ['编号', '事项', '反馈'],
    ['D-001', '修路灯', ''],
    ['D-002', '换门锁', ''],
  ]);
  return { xl, s };
}

/** The four stored edges of one cell (model view). */
function edges(s: ReturnType<typeof book>['s'], address: string): Edges {
  const b = s.cellAt(address).borders ?? {};
  return { top: b.top ?? 'None', bottom: b.bottom ?? 'None', left: b.left ?? 'None', right: b.right ?? 'None' };
}

describe('RangeFont name/size, RangeFormat.verticalAlignment', () => {
  test('write, read back through load, mixed reads null, direct access shows non-defaults', async () => {
    const { xl, s } = book();
    await xl.run(async (context) => {
      const ws = context.workbook.worksheets.getItem('台账');
      const header = ws.getRange('A1:C1');
      header.format.font.name = '黑体';
      header.format.font.size = 14;
      header.format.verticalAlignment = 'Center';
      ws.getRange('B:B').format.font.name = '宋体';
      await context.sync();
      const h = header.format.font.load('name, size, bold');
      const va = header.format.load('verticalAlignment');
      const body = ws.getRange('A2:C3').format.font.load('name, size');
      const mixed = ws.getRange('A1:A2').format.font.load('name, size');
      const mixedVa = ws.getRange('A1:A2').format.load('verticalAlignment');
      const column = ws.getRange('B2:B100').format.font.load('name');
      await context.sync();
      expect([h.name, h.size, h.bold]).toEqual([null, 14, false]); // B1 took 宋体 from the column write
      expect(va.verticalAlignment).toBe('Center');
      expect([body.name, body.size]).toEqual([null, 11]);
      expect([mixed.name, mixed.size]).toEqual([null, null]);
      expect(mixedVa.verticalAlignment).toBeNull();
      expect(column.name).toBe('宋体');
    });
    expect(s.cellAt('A1')).toMatchObject({ fontName: '黑体', fontSize: 14, verticalAlignment: 'Center' });
    expect(s.cellAt('B1')).toMatchObject({ fontName: '宋体', fontSize: 14 });
    expect(s.cellAt('A2').fontName).toBeUndefined();
    expect(s.cellAt('A2').fontSize).toBeUndefined();
    expect(s.cellAt('A2').verticalAlignment).toBeUndefined();
    expect(s.cellAt('B50').fontName).toBe('宋体');
  });

  test('invalid values fail with InvalidArgument', async () => {
    const { xl } = book();
    const cases: ((r: Excel.Range) => void)[] = [
      (r) => void (r.format.verticalAlignment = 'Middle' as Excel.VerticalAlignment),
      (r) => void (r.format.font.size = 0),
      (r) => void (r.format.font.size = 'big' as unknown as number),
      (r) => void (r.format.font.name = ''),
      (r) => void (r.format.font.name = 'x'.repeat(32)),
    ];
    for (const act of cases) {
      await expect(xl.run(async (context) => act(context.workbook.worksheets.getItem('台账').getRange('A1')))).rejects.toMatchObject({
        code: 'InvalidArgument',
      });
    }
  });

  test('clear("Formats") resets font name/size, vertical alignment and borders; clear("Contents") keeps them', async () => {
    const { xl, s } = book();
    await xl.run(async (context) => {
      const r = context.workbook.worksheets.getItem('台账').getRange('A1:C3');
      r.format.font.name = '黑体';
      r.format.font.size = 9;
      r.format.verticalAlignment = 'Top';
      r.format.borders.getItem('EdgeTop').style = 'Continuous';
      r.format.borders.getItem('InsideHorizontal').style = 'Dash';
      r.clear('Contents');
    });
    expect(s.cellAt('B2')).toMatchObject({ value: '', fontName: '黑体', fontSize: 9, verticalAlignment: 'Top', borders: { top: 'Dash', bottom: 'Dash' } });
    await xl.run(async (context) => context.workbook.worksheets.getItem('台账').getRange('A1:C3').clear('Formats'));
    for (const a of ['A1', 'B2', 'C3']) {
      const c = s.cellAt(a);
      expect([c.fontName, c.fontSize, c.verticalAlignment, c.borders]).toEqual([undefined, undefined, undefined, undefined]);
    }
  });
});

describe('RangeBorderCollection / RangeBorder', () => {
  test('the four edges of a 3×3 range land on the right cell edges, nothing outside', async () => {
    const { xl, s } = book();
    await xl.run(async (context) => {
      const b = context.workbook.worksheets.getItem('台账').getRange('B2:D4').format.borders;
      b.getItem('EdgeTop').style = 'Continuous';
      b.getItem('EdgeBottom').style = 'Double';
      b.getItem('EdgeLeft').style = 'Dash';
      b.getItem('EdgeRight').style = 'Dot';
    });
    expect(edges(s, 'B2')).toEqual({ top: 'Continuous', bottom: 'None', left: 'Dash', right: 'None' });
    expect(edges(s, 'C2')).toEqual({ top: 'Continuous', bottom: 'None', left: 'None', right: 'None' });
    expect(edges(s, 'D2')).toEqual({ top: 'Continuous', bottom: 'None', left: 'None', right: 'Dot' });
    expect(edges(s, 'B3')).toEqual({ top: 'None', bottom: 'None', left: 'Dash', right: 'None' });
    expect(edges(s, 'C3')).toEqual({ top: 'None', bottom: 'None', left: 'None', right: 'None' });
    expect(edges(s, 'D3')).toEqual({ top: 'None', bottom: 'None', left: 'None', right: 'Dot' });
    expect(edges(s, 'B4')).toEqual({ top: 'None', bottom: 'Double', left: 'Dash', right: 'None' });
    expect(edges(s, 'D4')).toEqual({ top: 'None', bottom: 'Double', left: 'None', right: 'Dot' });
    // Only the range's own cells: the row above and the column to the left are untouched.
    expect(s.cellAt('B1').borders).toBeUndefined();
    expect(s.cellAt('A2').borders).toBeUndefined();
    expect(s.cellAt('E3').borders).toBeUndefined();
  });

  test('InsideHorizontal / InsideVertical mark both neighbours of every inside edge, not the outline', async () => {
    const { xl, s } = book();
    await xl.run(async (context) => {
      const b = context.workbook.worksheets.getItem('台账').getRange('B2:D4').format.borders;
      b.getItem('InsideHorizontal').style = 'Continuous';
      b.getItem('InsideVertical').style = 'Dash';
    });
    expect(edges(s, 'B2')).toEqual({ top: 'None', bottom: 'Continuous', left: 'None', right: 'Dash' });
    expect(edges(s, 'C3')).toEqual({ top: 'Continuous', bottom: 'Continuous', left: 'Dash', right: 'Dash' });
    expect(edges(s, 'D4')).toEqual({ top: 'Continuous', bottom: 'None', left: 'Dash', right: 'None' });
    expect(edges(s, 'B4')).toEqual({ top: 'Continuous', bottom: 'None', left: 'None', right: 'Dash' });
    await xl.run(async (context) => {
      const b = context.workbook.worksheets.getItem('台账').getRange('B2:D4').format.borders;
      const ih = b.getItem('InsideHorizontal').load('style, sideIndex');
      const iv = b.getItem('InsideVertical').load('style');
      const top = b.getItem('EdgeTop').load('style');
      const single = context.workbook.worksheets.getItem('台账').getRange('B2:D2').format.borders.getItem('InsideHorizontal').load('style');
      await context.sync();
      expect([ih.style, ih.sideIndex, iv.style, top.style, single.style]).toEqual(['Continuous', 'InsideHorizontal', 'Dash', 'None', 'None']);
    });
  });

  test('reading an edge whose cells differ gives null; items lists every BorderIndex', async () => {
    const { xl } = book();
    await xl.run(async (context) => {
      const ws = context.workbook.worksheets.getItem('台账');
      ws.getRange('A1:B1').format.borders.getItem('EdgeTop').style = 'Continuous';
      const mixed = ws.getRange('A1:C1').format.borders.getItem('EdgeTop').load('style');
      const same = ws.getRange('A1:B1').format.borders.getItem('EdgeTop').load('style, color, weight');
      const all = ws.getRange('A1:B1').format.borders.load('items/sideIndex, items/style');
      const count = ws.getRange('A1').format.borders.load('count');
      await context.sync();
      expect(mixed.style).toBeNull();
      expect([same.style, same.color, same.weight]).toEqual(['Continuous', '#000000', 'Thin']);
      expect(all.items.map((i) => [i.sideIndex, i.style])).toEqual([
        ['EdgeTop', 'Continuous'],
        ['EdgeBottom', 'None'],
        ['EdgeLeft', 'None'],
        ['EdgeRight', 'None'],
        ['InsideVertical', 'None'],
        ['InsideHorizontal', 'None'],
        ['DiagonalDown', 'None'],
        ['DiagonalUp', 'None'],
      ]);
      expect(count.count).toBe(8);
    });
  });

  test('color and weight are accepted (validated, not stored); diagonals are accepted and ignored', async () => {
    const { xl, s } = book();
    await xl.run(async (context) => {
      const b = context.workbook.worksheets.getItem('台账').getRange('A1').format.borders;
      const top = b.getItem('EdgeTop');
      top.set({ style: 'Continuous', color: '#FF0000', weight: 'Medium' });
      b.getItem('DiagonalDown').style = 'Continuous';
    });
    expect(s.cellAt('A1').borders).toEqual({ top: 'Continuous' });
    for (const act of [
      (b: Excel.RangeBorderCollection) => void (b.getItem('EdgeTop').color = 'not a colour'),
      (b: Excel.RangeBorderCollection) => void (b.getItem('EdgeTop').weight = 'Heavy' as Excel.BorderWeight),
    ]) {
      await expect(xl.run(async (context) => act(context.workbook.worksheets.getItem('台账').getRange('A1').format.borders))).rejects.toMatchObject({
        code: 'InvalidArgument',
      });
    }
  });

  test('invalid border index or line style: InvalidArgument', async () => {
    const { xl } = book();
    await expect(
      xl.run(async (context) => {
        context.workbook.worksheets.getItem('台账').getRange('A1').format.borders.getItem('EdgeTop').style = 'Solid' as Excel.BorderLineStyle;
      }),
    ).rejects.toMatchObject({ code: 'InvalidArgument', debugInfo: { errorLocation: 'RangeBorder.style' } });
    await expect(
      xl.run(async (context) => {
        context.workbook.worksheets
          .getItem('台账')
          .getRange('A1')
          .format.borders.getItem('Top' as Excel.BorderIndex).style = 'Continuous';
      }),
    ).rejects.toMatchObject({ code: 'InvalidArgument' });
  });

  test('whole columns go through the column layer: inside borders on A:C, row 1 keeps its top edge', async () => {
    const { xl, s } = book();
    await xl.run(async (context) => {
      const b = context.workbook.worksheets.getItem('台账').getRange('A:C').format.borders;
      b.getItem('InsideHorizontal').style = 'Continuous';
      b.getItem('InsideVertical').style = 'Continuous';
      b.getItem('EdgeLeft').style = 'Double';
    });
    // No per-cell explosion: only the sheet's existing cells and row 1 of A:C are cells.
    let count = 0;
    for (const row of s.cells.values()) count += row.size;
    expect(count).toBeLessThanOrEqual(9);
    expect(edges(s, 'A1')).toEqual({ top: 'None', bottom: 'Continuous', left: 'Double', right: 'Continuous' });
    expect(edges(s, 'B500000')).toEqual({ top: 'Continuous', bottom: 'Continuous', left: 'Continuous', right: 'Continuous' });
    expect(edges(s, 'C7')).toEqual({ top: 'Continuous', bottom: 'Continuous', left: 'Continuous', right: 'None' });
    expect(edges(s, 'D7')).toEqual({ top: 'None', bottom: 'None', left: 'None', right: 'None' });
    expect(s.usedRange()).toBe('台账!A1:C3');
    await xl.run(async (context) => {
      const r = context.workbook.worksheets.getItem('台账').getRange('A:C');
      const ih = r.format.borders.getItem('InsideHorizontal').load('style');
      const top = r.format.borders.getItem('EdgeTop').load('style');
      const left = r.format.borders.getItem('EdgeLeft').load('style');
      await context.sync();
      expect([ih.style, top.style, left.style]).toEqual(['Continuous', 'None', 'Double']);
    });
  });

  test('whole rows: InsideVertical on 2:3 uses the row layer, column A keeps its left edge', async () => {
    const { xl, s } = book();
    await xl.run(async (context) => {
      context.workbook.worksheets.getItem('台账').getRange('2:3').format.borders.getItem('InsideVertical').style = 'Continuous';
    });
    expect(s.rowFmt.size).toBe(2);
    expect(edges(s, 'A2')).toEqual({ top: 'None', bottom: 'None', left: 'None', right: 'Continuous' });
    expect(edges(s, 'Q3')).toEqual({ top: 'None', bottom: 'None', left: 'Continuous', right: 'Continuous' });
    expect(edges(s, 'Q4')).toEqual({ top: 'None', bottom: 'None', left: 'None', right: 'None' });
    await xl.run(async (context) => {
      const iv = context.workbook.worksheets.getItem('台账').getRange('2:3').format.borders.getItem('InsideVertical').load('style');
      const left = context.workbook.worksheets.getItem('台账').getRange('2:3').format.borders.getItem('EdgeLeft').load('style');
      await context.sync();
      expect([iv.style, left.style]).toEqual(['Continuous', 'None']);
    });
  });

  test('whole sheet: InsideHorizontal uses the sheet layer and keeps row 1 as it was', async () => {
    const { xl, s } = book();
    s.setValues('E1', [['x']]);
    await xl.run(async (context) => {
      const ws = context.workbook.worksheets.getItem('台账');
      ws.getRange('B1').format.borders.getItem('EdgeTop').style = 'Double';
      ws.getRange().format.borders.getItem('InsideHorizontal').style = 'Dot';
    });
    expect(s.rowFmt.size).toBeLessThanOrEqual(1);
    expect(edges(s, 'A1')).toEqual({ top: 'None', bottom: 'Dot', left: 'None', right: 'None' });
    expect(edges(s, 'B1')).toEqual({ top: 'Double', bottom: 'Dot', left: 'None', right: 'None' });
    expect(edges(s, 'XFD1')).toEqual({ top: 'None', bottom: 'Dot', left: 'None', right: 'None' });
    expect(edges(s, 'Z9999')).toEqual({ top: 'Dot', bottom: 'Dot', left: 'None', right: 'None' });
  });

  test('protected sheet: font and border writes need allowFormatCells', async () => {
    const { xl, s } = book();
    s.protect({}, 'pw');
    const writes: ((r: Excel.Range) => void)[] = [
      (r) => void (r.format.font.name = '宋体'),
      (r) => void (r.format.font.size = 12),
      (r) => void (r.format.verticalAlignment = 'Top'),
      (r) => void (r.format.borders.getItem('EdgeBottom').style = 'Continuous'),
      (r) => void (r.format.borders.getItem('EdgeBottom').color = '#000000'),
      (r) => void (r.format.borders.getItem('EdgeBottom').weight = 'Thin'),
    ];
    for (const act of writes) {
      await expect(xl.run(async (context) => act(context.workbook.worksheets.getItem('台账').getRange('A1:C1')))).rejects.toMatchObject({
        code: 'AccessDenied',
      });
    }
    expect(s.cellAt('A1').borders).toBeUndefined();
    s.unprotect();
    s.protect({ allowFormatCells: true });
    await xl.run(async (context) => {
      const r = context.workbook.worksheets.getItem('台账').getRange('A1:C1');
      for (const act of writes) act(r);
    });
    expect(s.cellAt('B1')).toMatchObject({ fontName: '宋体', fontSize: 12, verticalAlignment: 'Top', borders: { bottom: 'Continuous' } });
  });
});
