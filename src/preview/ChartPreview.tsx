/**
 * One chart of the preview workbook drawn as inline SVG, with no chart library (the preview stays
 * small and runs under a strict CSP: only SVG elements and presentation attributes here).
 *
 * Drawn: ColumnStacked / ColumnStacked100 (stacked bars; negatives stack downwards),
 * ColumnClustered (bars side by side), Line / LineMarkers (a polyline per run of values with a
 * marker on every point; a blank value breaks the line), Pie / Doughnut (the first series, one
 * slice per positive value, clockwise from 12 o'clock, share labels on slices of 5% or more).
 * Around them: the title, a legend on the right (series; categories for a pie), a value axis with
 * "nice" ticks (in % when the source cells carry a percent format) and category labels, turned
 * 45° and cut with an ellipsis when they do not fit. Other chart types show a short note.
 */
import type { ReactNode } from 'react';
import { ui } from '../i18n';
import type { ChartData, ChartSeries } from './chartData';

/** Office's default series colours, repeated when a chart has more series (or pie slices). */
export const CHART_PALETTE = ['#4472C4', '#ED7D31', '#A5A5A5', '#FFC000', '#5B9BD5', '#70AD47', '#264478', '#9E480E', '#636363', '#997300'] as const;
export const CHART_WIDTH = 420;
export const CHART_HEIGHT = 280;

const W = CHART_WIDTH;
const H = CHART_HEIGHT;
const PAD = 10;
const LEGEND_W = 108;
const FONT = 11;
const TITLE_FONT = 14;
const TEXT = '#404040';
const MUTED = '#595959';
const GRID = '#E1E1E1';
const AXIS = '#A6A6A6';
const FONT_FAMILY = "'Microsoft YaHei', 'PingFang SC', 'Segoe UI', sans-serif";
/** the longest a turned category label may be (px) */
const LABEL_MAX = 84;

type Kind = 'stacked' | 'stacked100' | 'clustered' | 'line' | 'pie' | 'doughnut';
const KINDS: Record<string, Kind | undefined> = {
  ColumnStacked: 'stacked',
  ColumnStacked100: 'stacked100',
  ColumnClustered: 'clustered',
  Line: 'line',
  LineMarkers: 'line',
  Pie: 'pie',
  Doughnut: 'doughnut',
};

export function colourAt(i: number): string {
  return CHART_PALETTE[i % CHART_PALETTE.length];
}

/**
 * The colour of series `i`: the one the add-in set on it (the 看板's status series take the
 * ledger's status colours, src/workbook/statusColours.ts), else Office's palette — as Excel draws
 * it, so the preview shows a colour only when the workbook holds it.
 */
export function seriesColour(series: ChartSeries, i: number): string {
  return series.fill ?? colourAt(i);
}

// ---------------------------------------------------------------- text and numbers

const WIDE = /[\u1100-\u115F\u2E80-\uA4CF\uAC00-\uD7A3\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFF60\uFFE0-\uFFE6]/;

/** Estimated width in px (CJK and full-width characters one em, the rest about 0.58 em). */
export function textWidth(s: string, size: number): number {
  let w = 0;
  for (const ch of s) w += WIDE.test(ch) ? size : size * 0.58;
  return w;
}

/** `s`, cut and ended with "…" when wider than `maxPx`. */
export function fitText(s: string, maxPx: number, size: number): string {
  if (textWidth(s, size) <= maxPx) return s;
  let out = '';
  for (const ch of s) {
    if (textWidth(`${out}${ch}…`, size) > maxPx) break;
    out += ch;
  }
  return `${out}…`;
}

const round12 = (v: number): number => Number(v.toPrecision(12));

/**
 * Value-axis ticks covering [lo, hi] with a step of 1, 2, 2.5 or 5 × 10^k (whole steps for whole
 * numbers), preferring 5 ticks, then 4, then 6.
 */
export function niceTicks(lo: number, hi: number, integer: boolean): number[] {
  if (!Number.isFinite(lo) || !Number.isFinite(hi)) [lo, hi] = [0, 1];
  if (hi <= lo) hi = lo + 1;
  const e0 = Math.floor(Math.log10(hi - lo));
  let best: { step: number; score: number } | undefined;
  for (let e = e0 - 2; e <= e0 + 1; e += 1) {
    for (const m of [1, 2, 2.5, 5]) {
      const step = round12(m * 10 ** e);
      if (integer && (step < 1 || !Number.isInteger(step))) continue;
      const n = Math.ceil(round12(hi / step)) - Math.floor(round12(lo / step));
      const score = n === 4 ? 0 : n === 3 ? 1 : n === 5 ? 2 : 10 + Math.abs(n - 4);
      if (!best || score < best.score) best = { step, score };
    }
  }
  const step = best!.step;
  const start = Math.floor(round12(lo / step));
  const end = Math.ceil(round12(hi / step));
  return Array.from({ length: end - start + 1 }, (_, k) => round12((start + k) * step));
}

function decimals(x: number): number {
  for (let d = 0; d < 6; d += 1) if (Math.abs(Math.round(x * 10 ** d) - x * 10 ** d) < 1e-6) return d;
  return 6;
}

export function formatTick(v: number, step: number, percent: boolean): string {
  if (percent) return `${(v * 100).toFixed(decimals(round12(step * 100)))}%`;
  const d = decimals(step);
  return v.toLocaleString('en-US', { minimumFractionDigits: d, maximumFractionDigits: d });
}

function formatValue(v: number, percent: boolean): string {
  return percent ? `${round12(v * 100).toLocaleString('en-US', { maximumFractionDigits: 1 })}%` : v.toLocaleString('en-US', { maximumFractionDigits: 2 });
}

// ---------------------------------------------------------------- shared parts

/** A text cut to `maxPx`, with the full text as a tooltip when cut. */
function FittedText({ text, maxPx, size = FONT, ...attrs }: { text: string; maxPx: number; size?: number } & React.SVGProps<SVGTextElement>): JSX.Element {
  const shown = fitText(text, maxPx, size);
  const el = (
    <text fontSize={size} {...attrs}>
      {shown}
    </text>
  );
  return shown === text ? (
    el
  ) : (
    <g>
      <title>{text}</title>
      {el}
    </g>
  );
}

interface LegendEntry {
  name: string;
  colour: string;
  line?: boolean;
}

function Legend({ entries, top, bottom }: { entries: LegendEntry[]; top: number; bottom: number }): JSX.Element {
  const row = 16;
  const x = W - LEGEND_W;
  const fits = Math.max(1, Math.floor((bottom - top) / row));
  const shown = entries.length > fits ? entries.slice(0, fits - 1) : entries;
  const more = entries.length - shown.length;
  const height = (shown.length + (more > 0 ? 1 : 0)) * row;
  const y0 = top + Math.max(0, (bottom - top - height) / 2);
  return (
    <g data-part="legend">
      {shown.map((e, i) => {
        const y = y0 + i * row;
        return (
          <g key={i} data-part="legend-entry">
            {e.line ? (
              <g>
                <line x1={x} x2={x + 12} y1={y + 6} y2={y + 6} stroke={e.colour} strokeWidth={2} />
                <circle cx={x + 6} cy={y + 6} r={3} fill={e.colour} />
              </g>
            ) : (
              <rect x={x + 1} y={y + 1} width={10} height={10} fill={e.colour} />
            )}
            <FittedText text={e.name} maxPx={LEGEND_W - 18 - PAD / 2} x={x + 17} y={y + 10} fill={TEXT} data-part="legend-label" />
          </g>
        );
      })}
      {more > 0 && (
        <text x={x + 17} y={y0 + shown.length * row + 10} fontSize={FONT} fill={MUTED} data-part="legend-more">
          {ui.preview.chartLegendMore(more)}
        </text>
      )}
    </g>
  );
}

function Message({ text, top }: { text: string; top: number }): JSX.Element {
  return (
    <text x={W / 2} y={(top + H) / 2} textAnchor="middle" fontSize={12} fill={MUTED} data-part="message">
      {text}
    </text>
  );
}

interface Plot {
  left: number;
  right: number;
  top: number;
  bottom: number;
  /** x of the middle of category i */
  cx: (i: number) => number;
  /** width of one category */
  slot: number;
  y: (v: number) => number;
  axes: ReactNode;
}

/** The plot area, value axis (gridlines, tick labels) and category labels of a column or line chart. */
function plotArea(categories: string[], top: number, lo: number, hi: number, integer: boolean, percent: boolean): Plot {
  const ticks = niceTicks(Math.min(0, lo), Math.max(0, hi), integer);
  const step = ticks.length > 1 ? round12(ticks[1] - ticks[0]) : 1;
  const tickLabels = ticks.map((t) => formatTick(t, step, percent));
  const right = W - LEGEND_W - PAD;
  const n = Math.max(1, categories.length);
  const widest = Math.max(0, ...categories.map((c) => textWidth(c, FONT)));
  let left = PAD + Math.max(...tickLabels.map((s) => textWidth(s, FONT))) + 6;
  const turned = widest > (right - left) / n - 4;
  // a turned label reaches left of its category by its width × cos 45°: keep the first one inside
  if (turned) left = Math.max(left, (PAD + Math.min(LABEL_MAX, widest) * Math.SQRT1_2 - right / (2 * n)) / (1 - 1 / (2 * n)));
  const slot = (right - left) / n;
  const bottom = H - PAD - (turned ? 14 + Math.min(LABEL_MAX, widest) * Math.SQRT1_2 : 14);
  const t0 = ticks[0];
  const tN = ticks[ticks.length - 1];
  const y = (v: number): number => bottom - ((v - t0) / (tN - t0)) * (bottom - top);
  const cx = (i: number): number => left + (i + 0.5) * slot;
  // turned labels need about a line's height between them; skip some when the categories are dense
  const every = turned ? Math.max(1, Math.ceil((FONT * 1.4) / slot)) : 1;
  const axes = (
    <g data-part="axes">
      {ticks.map((t, k) => (
        <g key={k}>
          <line x1={left} x2={right} y1={y(t)} y2={y(t)} stroke={t === 0 ? AXIS : GRID} strokeWidth={1} data-part="gridline" />
          <text x={left - 4} y={y(t) + 4} textAnchor="end" fontSize={FONT} fill={MUTED} data-part="y-tick">
            {tickLabels[k]}
          </text>
        </g>
      ))}
      {categories.map((c, i) =>
        i % every !== 0 ? null : turned ? (
          <FittedText
            key={i}
            text={c}
            maxPx={LABEL_MAX}
            x={cx(i)}
            y={bottom + 12}
            textAnchor="end"
            transform={`rotate(-45 ${cx(i)} ${bottom + 12})`}
            fill={MUTED}
            data-part="x-label"
          />
        ) : (
          <text key={i} x={cx(i)} y={bottom + 15} textAnchor="middle" fontSize={FONT} fill={MUTED} data-part="x-label">
            {c}
          </text>
        ),
      )}
    </g>
  );
  return { left, right, top, bottom, cx, slot, y, axes };
}

const isWhole = (data: ChartData): boolean => data.series.every((s) => s.values.every((v) => v === null || Number.isInteger(v)));

// ---------------------------------------------------------------- the chart kinds

function ColumnChart({ data, top, kind }: { data: ChartData; top: number; kind: 'stacked' | 'stacked100' | 'clustered' }): JSX.Element {
  const n = data.categories.length;
  const m = data.series.length;
  const at = (s: number, i: number): number | null => data.series[s].values[i] ?? null;
  let plotted = data.series.map((_, s) => Array.from({ length: n }, (__, i) => at(s, i)));
  if (kind === 'stacked100') {
    const totals = Array.from({ length: n }, (_, i) => plotted.reduce((t, vs) => t + Math.abs(vs[i] ?? 0), 0));
    plotted = plotted.map((vs) => vs.map((v, i) => (v === null || totals[i] === 0 ? null : v / totals[i])));
  }
  const percent = kind === 'stacked100' || data.percent;
  let lo = 0;
  let hi = 0;
  for (let i = 0; i < n; i += 1) {
    let up = 0;
    let down = 0;
    for (let s = 0; s < m; s += 1) {
      const v = plotted[s][i] ?? 0;
      if (kind === 'clustered') {
        lo = Math.min(lo, v);
        hi = Math.max(hi, v);
      } else if (v > 0) up += v;
      else down += v;
    }
    if (kind !== 'clustered') {
      lo = Math.min(lo, down);
      hi = Math.max(hi, up);
    }
  }
  const p = plotArea(data.categories, top, lo, hi, kind !== 'stacked100' && !percent && isWhole(data), percent);
  const bars: JSX.Element[] = [];
  const bar = (s: number, i: number, x: number, width: number, from: number, to: number): void => {
    const y0 = p.y(from);
    const y1 = p.y(to);
    bars.push(
      <rect
        key={`${s}-${i}`}
        x={x}
        y={Math.min(y0, y1)}
        width={Math.max(1, width)}
        height={Math.abs(y1 - y0)}
        fill={seriesColour(data.series[s], s)}
        stroke={kind === 'clustered' ? undefined : '#FFFFFF'}
        strokeWidth={kind === 'clustered' ? undefined : 0.5}
        data-part="bar"
        data-series={s}
        data-category={i}
      >
        <title>{`${data.series[s].name} · ${data.categories[i]}: ${formatValue(at(s, i) ?? 0, data.percent)}`}</title>
      </rect>,
    );
  };
  for (let i = 0; i < n; i += 1) {
    if (kind === 'clustered') {
      const group = Math.min(p.slot * 0.75, m * 36);
      const width = group / Math.max(1, m);
      for (let s = 0; s < m; s += 1) {
        const v = plotted[s][i];
        if (v === null || v === 0) continue;
        bar(s, i, p.cx(i) - group / 2 + s * width, width, 0, v);
      }
    } else {
      const width = Math.min(p.slot * 0.6, 48);
      let up = 0;
      let down = 0;
      for (let s = 0; s < m; s += 1) {
        const v = plotted[s][i];
        if (v === null || v === 0) continue;
        const base = v > 0 ? up : down;
        if (v > 0) up += v;
        else down += v;
        bar(s, i, p.cx(i) - width / 2, width, base, base + v);
      }
    }
  }
  return (
    <g>
      {p.axes}
      <g data-part="bars">{bars}</g>
      <Legend entries={data.series.map((s, k) => ({ name: s.name, colour: seriesColour(s, k) }))} top={p.top} bottom={p.bottom} />
    </g>
  );
}

function LineChart({ data, top }: { data: ChartData; top: number }): JSX.Element {
  const all = data.series.flatMap((s) => s.values.filter((v): v is number => v !== null));
  const p = plotArea(data.categories, top, Math.min(0, ...all), Math.max(0, ...all), !data.percent && isWhole(data), data.percent);
  const lines: JSX.Element[] = [];
  const markers: JSX.Element[] = [];
  data.series.forEach((s, k) => {
    let run: string[] = [];
    const flush = (end: number): void => {
      if (run.length >= 2) {
        lines.push(
          <polyline
            key={`${k}-${end}`}
            points={run.join(' ')}
            fill="none"
            stroke={seriesColour(data.series[k], k)}
            strokeWidth={2}
            strokeLinejoin="round"
            data-part="line"
            data-series={k}
          />,
        );
      }
      run = [];
    };
    data.categories.forEach((c, i) => {
      const v = s.values[i] ?? null;
      if (v === null) {
        flush(i);
        return;
      }
      const x = round12(p.cx(i));
      const y = round12(p.y(v));
      run.push(`${x},${y}`);
      markers.push(
        <circle
          key={`${k}-${i}`}
          cx={x}
          cy={y}
          r={3.5}
          fill={seriesColour(data.series[k], k)}
          stroke="#FFFFFF"
          strokeWidth={1}
          data-part="marker"
          data-series={k}
        >
          <title>{`${s.name} · ${c}: ${formatValue(v, data.percent)}`}</title>
        </circle>,
      );
    });
    flush(data.categories.length);
  });
  return (
    <g>
      {p.axes}
      <g data-part="lines">
        {lines}
        {markers}
      </g>
      <Legend entries={data.series.map((s, k) => ({ name: s.name, colour: seriesColour(s, k), line: true }))} top={p.top} bottom={p.bottom} />
    </g>
  );
}

function PieChart({ data, top, doughnut }: { data: ChartData; top: number; doughnut: boolean }): JSX.Element {
  const values = data.series[0]?.values ?? [];
  const total = values.reduce<number>((t, v) => t + (v !== null && v > 0 ? v : 0), 0);
  if (total <= 0) return <Message text={ui.preview.chartEmpty} top={top} />;
  const left = PAD;
  const right = W - LEGEND_W - PAD;
  const bottom = H - PAD;
  const cx = (left + right) / 2;
  const cy = (top + bottom) / 2;
  const r = Math.min(right - left, bottom - top) / 2 - 2;
  const inner = doughnut ? r * 0.5 : 0;
  const pt = (rad: number, a: number): string => `${round12(cx + rad * Math.cos(a))} ${round12(cy + rad * Math.sin(a))}`;
  const ring = (rad: number): string => `M ${cx - rad} ${cy} A ${rad} ${rad} 0 1 1 ${cx + rad} ${cy} A ${rad} ${rad} 0 1 1 ${cx - rad} ${cy} Z`;
  const slices: JSX.Element[] = [];
  let a = -Math.PI / 2;
  values.forEach((v, i) => {
    if (v === null || v <= 0) return;
    const share = v / total;
    const sweep = share * 2 * Math.PI;
    const a1 = a + sweep;
    const large = sweep > Math.PI ? 1 : 0;
    let d: string;
    if (share > 0.999999) d = doughnut ? `${ring(r)} ${ring(inner)}` : ring(r);
    else if (doughnut) d = `M ${pt(r, a)} A ${r} ${r} 0 ${large} 1 ${pt(r, a1)} L ${pt(inner, a1)} A ${inner} ${inner} 0 ${large} 0 ${pt(inner, a)} Z`;
    else d = `M ${cx} ${cy} L ${pt(r, a)} A ${r} ${r} 0 ${large} 1 ${pt(r, a1)} Z`;
    const mid = a + sweep / 2;
    const lr = doughnut ? (r + inner) / 2 : r * 0.62;
    slices.push(
      <g key={i}>
        <path d={d} fill={colourAt(i)} fillRule="evenodd" stroke="#FFFFFF" strokeWidth={1} data-part="slice" data-category={i}>
          <title>{`${data.categories[i]}: ${formatValue(v, data.percent)}（${formatValue(share, true)}）`}</title>
        </path>
        {share >= 0.05 && (
          <text
            x={round12(cx + lr * Math.cos(mid))}
            y={round12(cy + lr * Math.sin(mid) + 4)}
            textAnchor="middle"
            fontSize={10}
            fill="#FFFFFF"
            data-part="slice-label"
          >
            {`${Math.round(share * 100)}%`}
          </text>
        )}
      </g>,
    );
    a = a1;
  });
  return (
    <g>
      <g data-part="slices">{slices}</g>
      <Legend entries={data.categories.map((c, i) => ({ name: c, colour: colourAt(i) }))} top={top} bottom={bottom} />
    </g>
  );
}

// ---------------------------------------------------------------- the chart

export function ChartPreview({ data }: { data: ChartData }): JSX.Element {
  const kind = KINDS[data.type];
  const top = data.title ? 36 : 14;
  const hasData = data.categories.length > 0 && data.series.some((s) => s.values.some((v) => v !== null));
  let body: ReactNode;
  if (!kind) body = <Message text={ui.preview.chartUnsupported(data.type)} top={top} />;
  else if (!hasData) body = <Message text={ui.preview.chartEmpty} top={top} />;
  else if (kind === 'pie' || kind === 'doughnut') body = <PieChart data={data} top={top} doughnut={kind === 'doughnut'} />;
  else if (kind === 'line') body = <LineChart data={data} top={top} />;
  else body = <ColumnChart data={data} top={top} kind={kind} />;
  return (
    <svg
      role="img"
      aria-label={ui.preview.chartLabel(data.title || ui.preview.chartUntitled)}
      width={W}
      height={H}
      viewBox={`0 0 ${W} ${H}`}
      fontFamily={FONT_FAMILY}
      data-chart-type={data.type}
    >
      <rect width={W} height={H} fill="#FFFFFF" />
      {data.title && (
        <FittedText
          text={data.title}
          maxPx={W - 2 * PAD}
          size={TITLE_FONT}
          x={W / 2}
          y={22}
          textAnchor="middle"
          fontWeight={600}
          fill={TEXT}
          data-part="title"
        />
      )}
      {body}
    </svg>
  );
}
