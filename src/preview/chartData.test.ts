import { chartsOf, createExcelDouble, splitSheetAddress, type ExcelDouble } from '../excel/double';
import { ui } from '../i18n';
import { chartData, isPercentFormat } from './chartData';

async function addChart(xl: ExcelDouble, sheet: string, type: string, source: string, seriesBy = 'Columns', title?: string): Promise<void> {
  await xl.run(async (context) => {
    const ws = context.workbook.worksheets.getItem(sheet);
    const { sheet: srcName, local } = splitSheetAddress(source);
    const range = context.workbook.worksheets.getItem(srcName ?? sheet).getRange(local);
    const chart = ws.charts.add(type as Excel.ChartType, range, seriesBy as Excel.ChartSeriesBy);
    if (title !== undefined) chart.title.text = title;
    await context.sync();
  });
}

function only(xl: ExcelDouble, sheet: string) {
  const charts = chartsOf(xl.workbook.sheet(sheet));
  expect(charts).toHaveLength(1);
  return chartData(xl.workbook, charts[0]);
}

describe('chartData', () => {
  test('series by columns: first row names the series, first column the categories', async () => {
    const xl = createExcelDouble({ sheets: ['看板'] });
    xl.workbook.sheet('看板').setValues('A4:D7', [
      ['承办科室', '正常', '临期', '逾期'],
      ['综合科', 3, 1, 0],
      ['维修服务科', 2, '', 4],
      ['膳食科', 'n/a', 5, 1],
    ]);
    await addChart(xl, '看板', 'ColumnStacked', '看板!A4:D7', 'Columns', '各科室事项预警状态');
    expect(only(xl, '看板')).toEqual({
      type: 'ColumnStacked',
      title: '各科室事项预警状态',
      categories: ['综合科', '维修服务科', '膳食科'],
      series: [
        { name: '正常', values: [3, 2, null] },
        { name: '临期', values: [1, null, 5] },
        { name: '逾期', values: [0, 4, 1] },
      ],
      percent: false,
    });
  });

  test("seriesBy 'Rows' is the transpose; a chart without a visible title has title ''", async () => {
    const xl = createExcelDouble({ sheets: ['数据'] });
    xl.workbook.sheet('数据').setValues('B2:E4', [
      ['', '一月', '二月', '三月'],
      ['甲', 1, 2, 3],
      ['乙', 4, null, 6],
    ]);
    await addChart(xl, '数据', 'Line', '数据!B2:E4', 'Rows');
    expect(only(xl, '数据')).toEqual({
      type: 'Line',
      title: '',
      categories: ['一月', '二月', '三月'],
      series: [
        { name: '甲', values: [1, 2, 3] },
        { name: '乙', values: [4, null, 6] },
      ],
      percent: false,
    });
  });

  test('percent number formats mark the data as percentages; blank rates stay null; month text keeps its text', async () => {
    const xl = createExcelDouble({ sheets: ['Sheet1'] });
    const s = xl.workbook.sheet('Sheet1');
    s.setValues('A1:B4', [
      ['月份', '按期办结率'],
      ["'2026-09", 0.5],
      ["'2026-10", ''],
      ["'2026-11", 0.8333],
    ]);
    s.setNumberFormat('B2:B4', '0.0%');
    await addChart(xl, 'Sheet1', 'Line', 'Sheet1!A1:B4');
    const data = only(xl, 'Sheet1');
    expect(data.categories).toEqual(['2026-09', '2026-10', '2026-11']);
    expect(data.series).toEqual([{ name: '按期办结率', values: [0.5, null, 0.8333] }]);
    expect(data.percent).toBe(true);
  });

  test('a quoted sheet name in the source; the chart may live on another sheet; blank series names get 系列n', async () => {
    const xl = createExcelDouble({ sheets: ['督查 看板', '图表'] });
    xl.workbook.sheet('督查 看板').setValues('A1:C3', [
      ['来源类别', '', '事项数'],
      ['校领导交办', 5, 7],
      ['专项检查', 2, 1],
    ]);
    await addChart(xl, '图表', 'Pie', "'督查 看板'!A1:C3");
    const [chart] = chartsOf(xl.workbook.sheet('图表'));
    expect(chart.source).toBe("'督查 看板'!A1:C3");
    expect(chartData(xl.workbook, chart)).toMatchObject({
      type: 'Pie',
      categories: ['校领导交办', '专项检查'],
      series: [
        { name: ui.preview.chartSeriesName(1), values: [5, 2] },
        { name: '事项数', values: [7, 1] },
      ],
    });
  });

  test("'Auto': series along rows when the range is wider than tall, as Excel resolves a plain range", async () => {
    const xl = createExcelDouble({ sheets: ['S'] });
    xl.workbook.sheet('S').setValues('A1:D2', [
      ['', 'a', 'b', 'c'],
      ['x', 1, 2, 3],
    ]);
    await addChart(xl, 'S', 'ColumnClustered', 'S!A1:D2', 'Auto');
    expect(only(xl, 'S')).toMatchObject({ categories: ['a', 'b', 'c'], series: [{ name: 'x', values: [1, 2, 3] }] });
  });

  test('a whole-column source is cut to the used rows; a missing sheet gives no data', async () => {
    const xl = createExcelDouble({ sheets: ['S', 'T'] });
    xl.workbook.sheet('S').setValues('A1:B3', [
      ['k', 'v'],
      ['p', 1],
      ['q', 2],
    ]);
    await addChart(xl, 'S', 'ColumnClustered', 'S!A:B');
    expect(only(xl, 'S')).toMatchObject({ categories: ['p', 'q'], series: [{ name: 'v', values: [1, 2] }] });
    const ghost = { ...chartsOf(xl.workbook.sheet('S'))[0], source: '不存在!A1:B3' };
    expect(chartData(xl.workbook, ghost)).toMatchObject({ categories: [], series: [] });
  });

  test('a series carries the colour the add-in set on it (series.format.fill), as Excel draws it', async () => {
    const xl = createExcelDouble({ sheets: ['看板'] });
    xl.workbook.sheet('看板').setValues('A1:C2', [
      ['承办科室', '正常', '逾期'],
      ['综合科', 3, 1],
    ]);
    await xl.run(async (context) => {
      const ws = context.workbook.worksheets.getItem('看板');
      const chart = ws.charts.add('ColumnStacked' as Excel.ChartType, ws.getRange('A1:C2'), 'Columns' as Excel.ChartSeriesBy);
      chart.series.getItemAt(1).format.fill.setSolidColor('#E03C31');
      await context.sync();
    });
    expect(only(xl, '看板').series).toEqual([
      { name: '正常', values: [3] },
      { name: '逾期', values: [1], fill: '#E03C31' },
    ]);
  });

  test('isPercentFormat', () => {
    expect(isPercentFormat('0.0%')).toBe(true);
    expect(isPercentFormat('0%;-0%')).toBe(true);
    expect(isPercentFormat('General')).toBe(false);
    expect(isPercentFormat('0"%"')).toBe(false);
    expect(isPercentFormat('0\\%')).toBe(false);
  });
});
