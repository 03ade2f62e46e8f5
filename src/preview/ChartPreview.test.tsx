/** @jest-environment jsdom */
import { render } from '@testing-library/react';
import { ui } from '../i18n';
import { STATUS_COLOURS } from '../workbook/statusColours';
import type { ChartData } from './chartData';
import { CHART_PALETTE, ChartPreview, fitText, formatTick, niceTicks } from './ChartPreview';

function draw(data: Partial<ChartData> & Pick<ChartData, 'type'>) {
  const { container } = render(<ChartPreview data={{ title: '', categories: [], series: [], percent: false, ...data }} />);
  const svg = container.querySelector('svg')!;
  const all = (part: string) => Array.from(svg.querySelectorAll(`[data-part="${part}"]`));
  const texts = (part: string) => all(part).map((e) => e.textContent);
  return { svg, all, texts };
}

const status: Omit<ChartData, 'type'> = {
  title: '各科室事项预警状态',
  categories: ['综合科', '维修服务科', '膳食科'],
  series: [
    // the 看板's status series carry the colours the add-in set on them (chartData reads the model)
    { name: '正常', values: [3, 2, 1], fill: STATUS_COLOURS.正常.series },
    { name: '临期', values: [1, null, 2] },
    { name: '逾期', values: [0, 4, 1], fill: STATUS_COLOURS.逾期.series },
  ],
  percent: false,
};

describe('ChartPreview', () => {
  test('ColumnStacked: one segment per non-empty value, stacked; legend, ticks, title and label', () => {
    const { svg, all, texts } = draw({ type: 'ColumnStacked', ...status });
    expect(svg.getAttribute('role')).toBe('img');
    expect(svg.getAttribute('aria-label')).toBe(ui.preview.chartLabel('各科室事项预警状态'));
    expect(texts('title')).toEqual(['各科室事项预警状态']);
    const bars = all('bar');
    expect(bars).toHaveLength(7); // 9 cells less one blank and one zero
    expect(texts('legend-label')).toEqual(['正常', '临期', '逾期']);
    expect(texts('x-label')).toEqual(['综合科', '维修服务科', '膳食科']);
    // stack totals 4, 6, 4 → 0..6 (or 8) in whole steps
    const ticks = texts('y-tick');
    expect(ticks[0]).toBe('0');
    expect(ticks.length).toBeGreaterThanOrEqual(4);
    expect(ticks.length).toBeLessThanOrEqual(6);
    expect(ticks.every((t) => /^\d+$/.test(t ?? ''))).toBe(true);
    // the second category's two segments sit on top of each other
    const second = bars.filter((b) => b.getAttribute('data-category') === '1');
    // a series is drawn in the colour set on it (正常 green, 逾期 red, as the ledger)
    expect(second.map((b) => b.getAttribute('fill'))).toEqual([STATUS_COLOURS.正常.series, STATUS_COLOURS.逾期.series]);
    // '临期' has none: Office's palette (its place)
    const first = bars.filter((b) => b.getAttribute('data-category') === '0');
    expect(first.map((b) => b.getAttribute('fill'))).toEqual([STATUS_COLOURS.正常.series, CHART_PALETTE[1]]);
    const [lower, upper] = second.map((b) => ({ y: Number(b.getAttribute('y')), h: Number(b.getAttribute('height')), x: b.getAttribute('x') }));
    expect(upper.y + upper.h).toBeCloseTo(lower.y, 6);
    expect(upper.x).toBe(lower.x);
    expect(upper.h / lower.h).toBeCloseTo(2, 6); // 4 over 2
  });

  test('a series is coloured by what the workbook holds, not by its name: a 逾期 series with no colour set takes the palette', () => {
    const { all } = draw({ type: 'ColumnStacked', categories: ['综合科'], series: [{ name: '逾期', values: [2] }] });
    expect(all('bar').map((b) => b.getAttribute('fill'))).toEqual([CHART_PALETTE[0]]);
  });

  test('ColumnClustered: the bars of a category side by side, from the same baseline', () => {
    const { all } = draw({ type: 'ColumnClustered', ...status });
    const bars = all('bar');
    expect(bars).toHaveLength(7);
    const first = bars.filter((b) => b.getAttribute('data-category') === '0');
    const xs = first.map((b) => Number(b.getAttribute('x')));
    expect(xs[1]).toBeGreaterThan(xs[0]);
    const bottoms = first.map((b) => Number(b.getAttribute('y')) + Number(b.getAttribute('height')));
    expect(bottoms[1]).toBeCloseTo(bottoms[0], 6);
  });

  test('Line: a blank value breaks the line; markers on every point; % axis for percent data', () => {
    const { svg, all, texts } = draw({
      type: 'Line',
      title: '月度按期办结率',
      categories: ['2026-06', '2026-07', '2026-08', '2026-09', '2026-10', '2026-11'],
      series: [{ name: '按期办结率', values: [0.5, 0.75, null, 1, 0.8, 0.9] }],
      percent: true,
    });
    expect(svg.getAttribute('aria-label')).toBe(ui.preview.chartLabel('月度按期办结率'));
    const lines = all('line');
    expect(lines.map((l) => l.getAttribute('points')!.split(' ').length)).toEqual([2, 3]);
    expect(all('marker')).toHaveLength(5);
    expect(texts('legend-label')).toEqual(['按期办结率']);
    expect(texts('y-tick')).toEqual(['0%', '25%', '50%', '75%', '100%']);
    // the 100% point sits on the top gridline
    const top = Math.min(...all('gridline').map((g) => Number(g.getAttribute('y1'))));
    expect(Number(all('marker')[2].getAttribute('cy'))).toBeCloseTo(top, 6);
  });

  test('Pie: one slice per positive value, legend by category, share labels', () => {
    const { all, texts } = draw({
      type: 'Pie',
      title: '事项来源类别构成',
      categories: ['校领导交办', '专项检查', '师生反映', '其他'],
      series: [{ name: '事项数', values: [6, 3, 1, 0] }],
    });
    expect(all('slice')).toHaveLength(3);
    expect(all('slice').map((s) => s.getAttribute('fill'))).toEqual(CHART_PALETTE.slice(0, 3));
    expect(texts('legend-label')).toEqual(['校领导交办', '专项检查', '师生反映', '其他']);
    expect(texts('slice-label')).toEqual(['60%', '30%', '10%']);
  });

  test('Doughnut with a single value: one full ring', () => {
    const { all } = draw({ type: 'Doughnut', categories: ['甲'], series: [{ name: 's', values: [5] }] });
    const slices = all('slice');
    expect(slices).toHaveLength(1);
    expect(slices[0].getAttribute('d')!.match(/M/g)).toHaveLength(2); // outer and inner circle
    expect(slices[0].getAttribute('fill-rule')).toBe('evenodd');
  });

  test('no title → untitled label; no data and unsupported types show a note', () => {
    const empty = draw({ type: 'ColumnStacked', categories: ['a'], series: [{ name: 's', values: [null] }] });
    expect(empty.svg.getAttribute('aria-label')).toBe(ui.preview.chartLabel(ui.preview.chartUntitled));
    expect(empty.texts('message')).toEqual([ui.preview.chartEmpty]);
    expect(empty.all('bar')).toHaveLength(0);
    const other = draw({ type: 'XYScatter', categories: ['a'], series: [{ name: 's', values: [1] }] });
    expect(other.texts('message')).toEqual([ui.preview.chartUnsupported('XYScatter')]);
  });

  test('long category labels are turned and cut; long legends end with a count', () => {
    const categories = Array.from({ length: 20 }, (_, i) => `后勤服务中心第${i + 1}科室（维修与保障）`);
    const { all, texts } = draw({
      type: 'Pie',
      categories,
      series: [{ name: 's', values: categories.map(() => 1) }],
    });
    expect(all('slice')).toHaveLength(20);
    const shown = texts('legend-label');
    expect(shown.length).toBeLessThan(20);
    expect(shown.every((t) => t!.endsWith('…'))).toBe(true);
    expect(texts('legend-more')).toEqual([ui.preview.chartLegendMore(20 - shown.length)]);

    const col = draw({ type: 'ColumnClustered', categories, series: [{ name: 's', values: categories.map((_, i) => i) }] });
    const labels = col.all('x-label');
    expect(labels.length).toBeGreaterThan(0);
    expect(labels[0].getAttribute('transform')).toMatch(/^rotate\(-45 /);
    expect(labels[0].textContent!.endsWith('…')).toBe(true);
  });
});

describe('axis helpers', () => {
  test('niceTicks: 4 to 6 ticks in steps of 1, 2, 2.5 or 5 × 10^k', () => {
    expect(niceTicks(0, 1, false)).toEqual([0, 0.25, 0.5, 0.75, 1]);
    expect(niceTicks(0, 0.8333, false)).toEqual([0, 0.25, 0.5, 0.75, 1]);
    expect(niceTicks(0, 3, true)).toEqual([0, 1, 2, 3]);
    expect(niceTicks(0, 7, true)).toEqual([0, 2, 4, 6, 8]);
    expect(niceTicks(0, 37, true)).toEqual([0, 10, 20, 30, 40]);
    expect(niceTicks(-3, 5, true)).toEqual([-4, -2, 0, 2, 4, 6]);
    expect(niceTicks(0, 0, true)).toEqual([0, 1]);
    for (const hi of [1, 2, 4, 6, 9, 13, 50, 99, 180, 1234]) {
      const t = niceTicks(0, hi, true);
      expect(t[t.length - 1]).toBeGreaterThanOrEqual(hi);
      expect(t.length).toBeGreaterThanOrEqual(hi < 3 ? 2 : 4);
      expect(t.length).toBeLessThanOrEqual(6);
    }
  });

  test('formatTick and fitText', () => {
    expect(formatTick(0.25, 0.25, true)).toBe('25%');
    expect(formatTick(0.025, 0.025, true)).toBe('2.5%');
    expect(formatTick(2500, 500, false)).toBe('2,500');
    expect(formatTick(0.5, 0.25, false)).toBe('0.50');
    expect(fitText('综合科', 100, 11)).toBe('综合科');
    expect(fitText('后勤服务中心维修服务科', 50, 10)).toBe('后勤服务…');
  });
});
