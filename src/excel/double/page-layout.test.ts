import { createExcelDouble, defaultPageLayout, pageLayoutOf } from './index';

function book() {
  const xl = createExcelDouble({ sheets: ['台账', '设置'] });
  const s = xl.workbook.sheet('台账');
  s.setValues('A1:C3', [
    ['编号', '事项', '反馈'],
    ['D-001', '修路灯', ''],
    ['D-002', '换门锁', ''],
  ]);
  return { xl, s };
}

describe('worksheet.pageLayout', () => {
  test('defaults read back as Excel has them for a new sheet', async () => {
    const { xl, s } = book();
    await xl.run(async (context) => {
      const ws = context.workbook.worksheets.getItem('台账');
      const pl = ws.pageLayout.load();
      const hf = ws.pageLayout.headersFooters.defaultForAllPages.load();
      ws.load('showGridlines');
      await context.sync();
      expect(pl.toJSON()).toEqual({
        orientation: 'Portrait',
        paperSize: 'Letter',
        printOrder: 'DownThenOver',
        leftMargin: 50.4,
        rightMargin: 50.4,
        topMargin: 54,
        bottomMargin: 54,
        headerMargin: 21.6,
        footerMargin: 21.6,
        centerHorizontally: false,
        centerVertically: false,
        printGridlines: false,
        zoom: { scale: 100 },
        headersFooters: { defaultForAllPages: { leftHeader: '', centerHeader: '', rightHeader: '', leftFooter: '', centerFooter: '', rightFooter: '' } },
      });
      expect(hf.centerFooter).toBe('');
      expect(ws.showGridlines).toBe(true);
    });
    expect(pageLayoutOf(s)).toEqual(defaultPageLayout());
  });

  test('every property round-trips through sync and load, and lands in the model', async () => {
    const { xl, s } = book();
    await xl.run(async (context) => {
      const ws = context.workbook.worksheets.getItem('台账');
      const pl = ws.pageLayout;
      pl.orientation = 'Landscape';
      pl.paperSize = 'A4';
      pl.leftMargin = 36;
      pl.rightMargin = 36.5;
      pl.topMargin = 40;
      pl.bottomMargin = 41;
      pl.headerMargin = 20;
      pl.footerMargin = 19;
      pl.centerHorizontally = true;
      pl.centerVertically = true;
      pl.printGridlines = true;
      pl.printOrder = 'OverThenDown';
      pl.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
      pl.headersFooters.defaultForAllPages.set({
        leftHeader: '&"宋体,加粗"13710 督办台账',
        centerHeader: '&A',
        rightHeader: '&D',
        leftFooter: '后勤服务中心',
        centerFooter: '第 &P 页，共 &N 页',
        rightFooter: '&F',
      });
      ws.showGridlines = false;
      await context.sync();
    });
    await xl.run(async (context) => {
      const ws = context.workbook.worksheets.getItem('台账');
      const pl = ws.pageLayout.load();
      const hf = ws.pageLayout.headersFooters.defaultForAllPages.load('leftHeader, centerHeader, rightHeader, leftFooter, centerFooter, rightFooter');
      ws.load('showGridlines');
      await context.sync();
      expect([pl.orientation, pl.paperSize, pl.printOrder]).toEqual(['Landscape', 'A4', 'OverThenDown']);
      expect([pl.leftMargin, pl.rightMargin, pl.topMargin, pl.bottomMargin, pl.headerMargin, pl.footerMargin]).toEqual([36, 36.5, 40, 41, 20, 19]);
      expect([pl.centerHorizontally, pl.centerVertically, pl.printGridlines]).toEqual([true, true, true]);
      expect(pl.zoom).toEqual({ horizontalFitToPages: 1, verticalFitToPages: 0 });
      expect(hf.toJSON()).toEqual({
        leftHeader: '&"宋体,加粗"13710 督办台账',
        centerHeader: '&A',
        rightHeader: '&D',
        leftFooter: '后勤服务中心',
        centerFooter: '第 &P 页，共 &N 页',
        rightFooter: '&F',
      });
      expect(ws.showGridlines).toBe(false);
      // Writing zoom replaces the whole object.
      pl.zoom = { scale: 85 };
      pl.load('zoom');
      await context.sync();
      expect(pl.zoom).toEqual({ scale: 85 });
    });
    expect(pageLayoutOf(s)).toMatchObject({
      orientation: 'Landscape',
      paperSize: 'A4',
      leftMargin: 36,
      footerMargin: 19,
      centerHorizontally: true,
      printGridlines: true,
      printOrder: 'OverThenDown',
      zoom: { scale: 85 },
      headersFooters: { centerFooter: '第 &P 页，共 &N 页' },
      showGridlines: false,
    });
    // Other sheets keep their own layout.
    expect(pageLayoutOf(xl.workbook.sheet('设置'))).toEqual(defaultPageLayout());
    // pageLayoutOf is a copy.
    pageLayoutOf(s).orientation = 'Portrait';
    expect(pageLayoutOf(s).orientation).toBe('Landscape');
  });

  test('setPrintMargins converts inches and centimetres to points and leaves the others', async () => {
    const { xl, s } = book();
    await xl.run(async (context) => {
      const pl = context.workbook.worksheets.getItem('台账').pageLayout;
      pl.setPrintMargins('Inches', { left: 0.5, right: 0.5 });
      pl.setPrintMargins('Centimeters', { top: 2.54 });
    });
    expect(pageLayoutOf(s)).toMatchObject({ leftMargin: 36, rightMargin: 36, topMargin: 72, bottomMargin: 54 });
  });

  test('print area: range, address or several areas, stored sheet-local without $; read back as RangeAreas', async () => {
    const { xl, s } = book();
    await xl.run(async (context) => {
      const ws = context.workbook.worksheets.getItem('台账');
      const none = ws.pageLayout.getPrintAreaOrNullObject();
      await context.sync();
      expect(none.isNullObject).toBe(true);
      ws.pageLayout.setPrintArea(ws.getRange('A1:H40'));
      const area = ws.pageLayout.getPrintAreaOrNullObject().load('address, areaCount');
      await context.sync();
      expect(area.isNullObject).toBe(false);
      expect(area.address).toBe('台账!A1:H40');
      expect(area.areaCount).toBe(1);
    });
    expect(pageLayoutOf(s).printArea).toBe('A1:H40');
    await xl.run(async (context) => context.workbook.worksheets.getItem('台账').pageLayout.setPrintArea('台账!$A$1:$C$20'));
    expect(pageLayoutOf(s).printArea).toBe('A1:C20');
    await xl.run(async (context) => context.workbook.worksheets.getItem('台账').pageLayout.setPrintArea('A1:B2,D1:E2'));
    expect(pageLayoutOf(s).printArea).toBe('A1:B2,D1:E2');
    await xl.run(async (context) => {
      const area = context.workbook.worksheets.getItem('台账').pageLayout.getPrintArea().load('address, areaCount, cellCount');
      await context.sync();
      expect([area.address, area.areaCount, area.cellCount]).toEqual(['台账!A1:B2,台账!D1:E2', 2, 8]);
    });
    await xl.run(async (context) => context.workbook.worksheets.getItem('台账').pageLayout.setPrintArea('A:H'));
    expect(pageLayoutOf(s).printArea).toBe('A:H');
    // No print area: getPrintArea fails with ItemNotFound.
    await expect(
      xl.run(async (context) => {
        context.workbook.worksheets.getItem('设置').pageLayout.getPrintArea().load('address');
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: 'ItemNotFound' });
    // A range on another sheet, or an address naming another sheet, is refused.
    for (const act of [
      (ctx: Excel.RequestContext) => ctx.workbook.worksheets.getItem('台账').pageLayout.setPrintArea(ctx.workbook.worksheets.getItem('设置').getRange('A1:B2')),
      (ctx: Excel.RequestContext) => ctx.workbook.worksheets.getItem('台账').pageLayout.setPrintArea('设置!A1:B2'),
      (ctx: Excel.RequestContext) => ctx.workbook.worksheets.getItem('台账').pageLayout.setPrintArea(''),
    ]) {
      await expect(xl.run(async (context) => act(context))).rejects.toMatchObject({ code: 'InvalidArgument' });
    }
  });

  test("print titles: whole rows/columns only, stored as '$1:$3' / '$A:$B', read back as a Range", async () => {
    const { xl, s } = book();
    await xl.run(async (context) => {
      const ws = context.workbook.worksheets.getItem('台账');
      const noRows = ws.pageLayout.getPrintTitleRowsOrNullObject();
      await context.sync();
      expect(noRows.isNullObject).toBe(true);
      ws.pageLayout.setPrintTitleRows('1:3');
      ws.pageLayout.setPrintTitleColumns(ws.getRange('A:B'));
      const rows = ws.pageLayout.getPrintTitleRows().load('address');
      const cols = ws.pageLayout.getPrintTitleColumnsOrNullObject().load('address');
      await context.sync();
      expect(rows.address).toBe('台账!1:3');
      expect(cols.address).toBe('台账!A:B');
    });
    expect(pageLayoutOf(s)).toMatchObject({ printTitleRows: '$1:$3', printTitleColumns: '$A:$B' });
    await xl.run(async (context) => {
      const ws = context.workbook.worksheets.getItem('台账');
      ws.pageLayout.setPrintTitleRows(ws.getRange('A2').getEntireRow());
      ws.pageLayout.setPrintTitleColumns('$C:$C');
    });
    expect(pageLayoutOf(s)).toMatchObject({ printTitleRows: '$2:$2', printTitleColumns: '$C:$C' });
    for (const act of [
      (pl: Excel.PageLayout) => pl.setPrintTitleRows('A1:H3'),
      (pl: Excel.PageLayout) => pl.setPrintTitleColumns('A1:B9'),
      (pl: Excel.PageLayout) => pl.setPrintTitleRows('A:A'),
      (pl: Excel.PageLayout) => pl.setPrintTitleRows(''),
    ]) {
      await expect(xl.run(async (context) => act(context.workbook.worksheets.getItem('台账').pageLayout))).rejects.toMatchObject({
        code: 'InvalidArgument',
      });
    }
    await expect(
      xl.run(async (context) => {
        context.workbook.worksheets.getItem('设置').pageLayout.getPrintTitleColumns().load('address');
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: 'ItemNotFound' });
  });

  test('invalid enum values, margins, flags, zoom and header text fail with InvalidArgument', async () => {
    const { xl, s } = book();
    const cases: ((pl: Excel.PageLayout, ws: Excel.Worksheet) => void)[] = [
      (pl) => void (pl.orientation = 'Sideways' as Excel.PageOrientation),
      (pl) => void (pl.paperSize = 'A7' as Excel.PaperType),
      (pl) => void (pl.printOrder = 'Random' as Excel.PrintOrder),
      (pl) => void (pl.leftMargin = -1),
      (pl) => void (pl.topMargin = '1cm' as unknown as number),
      (pl) => void (pl.centerHorizontally = 'yes' as unknown as boolean),
      (pl) => void (pl.zoom = { scale: 5 }),
      (pl) => void (pl.zoom = { scale: 401 }),
      (pl) => void (pl.zoom = { horizontalFitToPages: -1 }),
      (pl) => void (pl.zoom = {}),
      (pl) => void (pl.zoom = { scale: 80, horizontalFitToPages: 1 }),
      (pl) => void (pl.zoom = { fitToWidth: 1 } as Excel.PageLayoutZoomOptions),
      (pl) => pl.setPrintMargins('Feet' as Excel.PrintMarginUnit, { left: 1 }),
      (pl) => pl.setPrintMargins('Points', { left: -3 }),
      (pl) => void (pl.headersFooters.defaultForAllPages.centerHeader = 'x'.repeat(256)),
      (pl) => void (pl.headersFooters.defaultForAllPages.leftFooter = 7 as unknown as string),
      (_pl, ws) => void (ws.showGridlines = 'no' as unknown as boolean),
    ];
    for (const act of cases) {
      await expect(
        xl.run(async (context) => {
          const ws = context.workbook.worksheets.getItem('台账');
          act(ws.pageLayout, ws);
        }),
      ).rejects.toMatchObject({ code: 'InvalidArgument' });
    }
    expect(pageLayoutOf(s)).toEqual(defaultPageLayout());
  });

  test('page setup is allowed on a protected sheet', async () => {
    const { xl, s } = book();
    s.protect({}, 'pw');
    await xl.run(async (context) => {
      const ws = context.workbook.worksheets.getItem('台账');
      ws.pageLayout.orientation = 'Landscape';
      ws.pageLayout.setPrintArea('A1:C3');
      ws.pageLayout.setPrintTitleRows('$1:$1');
      ws.pageLayout.headersFooters.defaultForAllPages.centerFooter = '&P';
      ws.horizontalPageBreaks.add('A3');
      ws.showGridlines = false;
    });
    expect(pageLayoutOf(s)).toMatchObject({ orientation: 'Landscape', printArea: 'A1:C3', printTitleRows: '$1:$1', rowBreaks: [2], showGridlines: false });
  });
});

describe('worksheet.horizontalPageBreaks', () => {
  test('add stores the 0-based top row once; items, getItem, getCellAfterBreak; delete; removePageBreaks', async () => {
    const { xl, s } = book();
    await xl.run(async (context) => {
      const ws = context.workbook.worksheets.getItem('台账');
      ws.horizontalPageBreaks.add('A21:E21'); // "The page break is added above this range."
      ws.horizontalPageBreaks.add(ws.getRange('B41'));
      ws.horizontalPageBreaks.add('A21'); // already there
      const count = ws.horizontalPageBreaks.getCount();
      ws.horizontalPageBreaks.load('items/rowIndex, items/columnIndex');
      const second = ws.horizontalPageBreaks.getItem(1).load('rowIndex');
      const cell = ws.horizontalPageBreaks.getItem(0).getCellAfterBreak().load('address');
      await context.sync();
      expect(count.value).toBe(2);
      expect(ws.horizontalPageBreaks.items.map((b) => [b.rowIndex, b.columnIndex])).toEqual([
        [20, 0],
        [40, 0],
      ]);
      expect(second.rowIndex).toBe(40);
      expect(cell.address).toBe('台账!A21');
    });
    expect(pageLayoutOf(s).rowBreaks).toEqual([20, 40]);
    await xl.run(async (context) => {
      context.workbook.worksheets.getItem('台账').horizontalPageBreaks.getItem(0).delete();
    });
    expect(pageLayoutOf(s).rowBreaks).toEqual([40]);
    await xl.run(async (context) => {
      const breaks = context.workbook.worksheets.getItem('台账').horizontalPageBreaks;
      breaks.add('A61');
      breaks.removePageBreaks();
      const count = breaks.getCount();
      await context.sync();
      expect(count.value).toBe(0);
    });
    expect(pageLayoutOf(s).rowBreaks).toEqual([]);
  });

  test('a break above row 1, a range on another sheet and a missing item are refused', async () => {
    const { xl } = book();
    await expect(xl.run(async (context) => void context.workbook.worksheets.getItem('台账').horizontalPageBreaks.add('A1'))).rejects.toMatchObject({
      code: 'InvalidArgument',
    });
    await expect(
      xl.run(
        async (context) =>
          void context.workbook.worksheets.getItem('台账').horizontalPageBreaks.add(context.workbook.worksheets.getItem('设置').getRange('A5')),
      ),
    ).rejects.toMatchObject({ code: 'InvalidArgument' });
    await expect(
      xl.run(async (context) => {
        context.workbook.worksheets.getItem('台账').horizontalPageBreaks.getItem(0).load('rowIndex');
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: 'ItemNotFound' });
  });
});
