import { chartsOf, createExcelDouble } from './index';

function book() {
  const xl = createExcelDouble({ sheets: ['看板', '数据'] });
  xl.workbook.sheet('看板').setValues('A1:C3', [
    ['科室', '正常', '逾期'],
    ['综合科', 3, 1],
    ['维修服务科', 2, 4],
  ]);
  return xl;
}

describe('Charts (api/charts.ts)', () => {
  test('add, title, setPosition, name; read back through items and direct access', async () => {
    const xl = book();
    await xl.run(async (context) => {
      const ws = context.workbook.worksheets.getItem('看板');
      const chart = ws.charts.add('ColumnStacked' as Excel.ChartType, ws.getRange('A1:C3'), 'Columns' as Excel.ChartSeriesBy);
      chart.title.text = '各科室事项预警状态';
      chart.name = '状态';
      chart.setPosition('E1', 'L15');
      const pie = ws.charts.add('Pie' as Excel.ChartType, ws.getRange('A1:B3'));
      pie.setPosition(ws.getRange('E17'));
      const count = ws.charts.getCount();
      ws.charts.load('items/name, items/chartType');
      const title = chart.title.load('text, visible');
      await context.sync();
      expect(count.value).toBe(2);
      expect(ws.charts.items.map((c) => [c.name, c.chartType])).toEqual([
        ['状态', 'ColumnStacked'],
        ['Chart 2', 'Pie'],
      ]);
      expect(title.text).toBe('各科室事项预警状态');
      expect(title.visible).toBe(true);
    });
    const charts = chartsOf(xl.workbook.sheet('看板'));
    expect(charts).toMatchObject([
      {
        name: '状态',
        chartType: 'ColumnStacked',
        seriesBy: 'Columns',
        source: '看板!A1:C3',
        title: '各科室事项预警状态',
        position: { start: 'E1', end: 'L15' },
      },
      { name: 'Chart 2', chartType: 'Pie', seriesBy: 'Auto', source: '看板!A1:B3', title: '', position: { start: 'E17', end: null } },
    ]);
    expect(chartsOf(xl.workbook.sheet('数据'))).toEqual([]);
  });

  test('delete through loaded items; getItem / getItemOrNullObject / getItemAt', async () => {
    const xl = book();
    await xl.run(async (context) => {
      const ws = context.workbook.worksheets.getItem('看板');
      for (let i = 0; i < 3; i++) ws.charts.add('Line' as Excel.ChartType, ws.getRange('A1:B3'), 'Columns' as Excel.ChartSeriesBy).name = `c${i}`;
      await context.sync();
      const second = ws.charts.getItemAt(1).load('name');
      const byName = ws.charts.getItem('C2').load('name');
      const none = ws.charts.getItemOrNullObject('nope');
      await context.sync();
      expect(second.name).toBe('c1');
      expect(byName.name).toBe('c2');
      expect(none.isNullObject).toBe(true);
      ws.charts.load('items/name');
      await context.sync();
      for (const c of ws.charts.items) c.delete();
      const after = ws.charts.getCount();
      await context.sync();
      expect(after.value).toBe(0);
    });
    expect(chartsOf(xl.workbook.sheet('看板'))).toEqual([]);
  });

  test('bad arguments, duplicate names, protection, other-sheet positions', async () => {
    const xl = book();
    const add = (type: string, sheet = '看板') =>
      xl.run(async (context) => {
        const ws = context.workbook.worksheets.getItem(sheet);
        ws.charts.add(type as Excel.ChartType, context.workbook.worksheets.getItem('看板').getRange('A1:C3'), 'Columns' as Excel.ChartSeriesBy);
        await context.sync();
      });
    await expect(add('Sparkle')).rejects.toMatchObject({ code: 'InvalidArgument' });
    await add('Pie', '数据'); // source on another sheet is fine
    expect(chartsOf(xl.workbook.sheet('数据'))[0].source).toBe('看板!A1:C3');
    await expect(
      xl.run(async (context) => {
        const ws = context.workbook.worksheets.getItem('看板');
        ws.charts.add('Pie' as Excel.ChartType, ws.getRange('A1:B3')).name = 'x';
        ws.charts.add('Pie' as Excel.ChartType, ws.getRange('A1:B3')).name = 'X';
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: 'ItemAlreadyExists' });
    await expect(
      xl.run(async (context) => {
        const ws = context.workbook.worksheets.getItem('看板');
        ws.charts.add('Pie' as Excel.ChartType, ws.getRange('A1:B3')).setPosition('数据!A1');
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: 'InvalidArgument' });
    xl.workbook.sheet('看板').protect({});
    await expect(add('Pie')).rejects.toMatchObject({ code: 'AccessDenied' });
    xl.workbook.sheet('看板').unprotect();
    xl.workbook.sheet('看板').protect({ allowEditObjects: true });
    await add('Pie');
  });

  test('series from the source (by columns / rows), names, count, solid fills stored on the chart', async () => {
    const xl = book();
    await xl.run(async (context) => {
      const ws = context.workbook.worksheets.getItem('看板');
      const chart = ws.charts.add('ColumnStacked' as Excel.ChartType, ws.getRange('A1:C3'), 'Columns' as Excel.ChartSeriesBy);
      ws.charts.add('Line' as Excel.ChartType, ws.getRange('A1:C3'), 'Rows' as Excel.ChartSeriesBy);
      ws.charts.add('Pie' as Excel.ChartType, ws.getRange('B2:B3'));
      chart.series.getItemAt(0).format.fill.setSolidColor('#70ad47');
      chart.series.getItemAt(1).format.fill.setSolidColor('red');
      const series = chart.series.load('items/name, count');
      const second = chart.series.getItemAt(1).load('name');
      const count = chart.series.getCount();
      await context.sync();
      expect(series.items.map((s) => s.name)).toEqual(['正常', '逾期']);
      expect(series.count).toBe(2);
      expect(second.name).toBe('逾期');
      expect(count.value).toBe(2);
      series.items[1].format.fill.clear();
      series.items[1].name = '逾期(件)';
      await context.sync();
    });
    const [bars, line, pie] = chartsOf(xl.workbook.sheet('看板'));
    expect(bars.series).toEqual([
      { name: '正常', fill: '#70AD47' },
      { name: '逾期(件)', fill: null },
    ]);
    expect(line.series).toEqual([
      { name: '综合科', fill: null },
      { name: '维修服务科', fill: null },
    ]);
    expect(pie.series).toEqual([{ name: 'Series1', fill: null }]);
    // chartsOf gives copies
    bars.series[0].fill = '#000000';
    expect(chartsOf(xl.workbook.sheet('看板'))[0].series[0].fill).toBe('#70AD47');
  });

  test('series: bad index, bad colour, protection, payload counted', async () => {
    const xl = book();
    await xl.run(async (context) => {
      const ws = context.workbook.worksheets.getItem('看板');
      ws.charts.add('ColumnStacked' as Excel.ChartType, ws.getRange('A1:C3'), 'Columns' as Excel.ChartSeriesBy).name = 'c';
      await context.sync();
    });
    const colour = (index: number, color: string) =>
      xl.run(async (context) => {
        context.workbook.worksheets.getItem('看板').charts.getItem('c').series.getItemAt(index).format.fill.setSolidColor(color);
        await context.sync();
      });
    await expect(colour(2, '#FF0000')).rejects.toMatchObject({ code: 'ItemNotFound' });
    await expect(colour(0, 'not a colour')).rejects.toMatchObject({ code: 'InvalidArgument' });
    xl.workbook.sheet('看板').protect({});
    await expect(colour(0, '#FF0000')).rejects.toMatchObject({ code: 'AccessDenied' });
    expect(chartsOf(xl.workbook.sheet('看板'))[0].series[0].fill).toBeNull();
    xl.workbook.sheet('看板').unprotect();
    xl.workbook.sheet('看板').protect({ allowEditObjects: true });
    await colour(0, '#ff0000');
    expect(chartsOf(xl.workbook.sheet('看板'))[0].series[0].fill).toBe('#FF0000');
    const small = createExcelDouble({ sheets: ['看板'], maxPayloadBytes: 1000 });
    small.workbook.sheet('看板').setValues('A1:B2', [
      ['a', 'b'],
      [1, 2],
    ]);
    await expect(
      small.run(async (context) => {
        const ws = context.workbook.worksheets.getItem('看板');
        ws.charts
          .add('Pie' as Excel.ChartType, ws.getRange('A1:B2'))
          .series.getItemAt(0)
          .format.fill.setSolidColor('x'.repeat(2000));
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: 'RequestPayloadSizeLimitExceeded' });
  });

  test('a chart proxy from a finished run is unusable', async () => {
    const xl = book();
    let kept: Excel.Chart | undefined;
    await xl.run(async (context) => {
      const ws = context.workbook.worksheets.getItem('看板');
      kept = ws.charts.add('Pie' as Excel.ChartType, ws.getRange('A1:B3'));
      await context.sync();
    });
    expect(() => kept!.delete()).toThrow(expect.objectContaining({ code: 'InvalidObjectPath' }));
  });
});
