/**
 * Cell content rules: how Excel interprets what is written through `range.values` / `range.formulas`,
 * how `range.text` renders a value, colour normalisation and relative-formula translation.
 *
 * Sources:
 * - Range.values (@types/office-js, ExcelApi 1.1): "If the returned value starts with a plus ("+"),
 *   minus ("-"), or equal sign ("="), Excel interprets this value as a formula." and "Locale-shaped
 *   strings ... are stored as text instead of as dates. To ensure dates are stored as dates, use ...
 *   a locale-neutral format like ISO (YYYY-MM-DD)". So a string written through `values` is parsed
 *   like typed input: formulas, numbers, ISO dates and TRUE/FALSE are converted.
 * - A leading "@" is taken as a formula too (see parseInput; Excel UI behaviour, not documented for the API).
 * - A leading apostrophe makes the rest plain text (Excel's quote prefix); the apostrophe is not part
 *   of the value, and `range.formulas` returns the text WITHOUT it (OfficeDev/office-js#6687), so
 *   reading `formulas` and writing them back turns '=x text into a formula.
 * - A cell whose number format is Text ("@") keeps what is written as text (Excel's typed-input rule).
 *   Whether a JS number written through the API into a "@" cell becomes text is not documented;
 *   the double keeps it a number.
 * - A single (non-array) value assigned to values/formulas/numberFormat applies to every cell
 *   (Range docs, quoted in OfficeDev/office-js-docs-reference#578; confirmed in
 *   OfficeDev/office-js-docs-pr#2013). `null` in the 2-D array leaves that cell unchanged.
 */
import { columnIndex, columnLetters } from './address';

export type CellValue = string | number | boolean;

/** What a written input becomes in the cell. */
export type Parsed = { kind: 'skip' } | { kind: 'value'; value: CellValue; quote?: boolean; numberFormat?: string } | { kind: 'formula'; formula: string };

const NUMBER = /^\s*[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?\s*$/;
const PERCENT = /^\s*[+-]?(\d+(\.\d*)?|\.\d+)\s*%\s*$/;
const ISO_DATE = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})$/;

export interface ParseOptions {
  /** Number format Excel gives a General cell when a date is typed into it (locale dependent). */
  shortDateFormat: string;
}

/** Interprets one input the way Excel interprets typed input (what `values`/`formulas` setters do). */
export function parseInput(input: unknown, cellNumberFormat: string, opts: ParseOptions): Parsed {
  if (input === null || input === undefined) return { kind: 'skip' };
  if (typeof input === 'number') {
    // JSON has no NaN/Infinity: office.js serialises them as null, which leaves the cell unchanged.
    if (!Number.isFinite(input)) return { kind: 'skip' };
    return { kind: 'value', value: Object.is(input, -0) ? 0 : input };
  }
  if (typeof input === 'boolean') return { kind: 'value', value: input };
  if (typeof input !== 'string') {
    throw new TypeError('values must be string, number or boolean');
  }
  const s = input;
  if (cellNumberFormat === '@') return { kind: 'value', value: s };
  if (s.startsWith("'")) return { kind: 'value', value: s.slice(1), quote: true };
  if (s.length > 1 && s.startsWith('=')) return { kind: 'formula', formula: s };
  if (NUMBER.test(s)) return { kind: 'value', value: Number(s) };
  if (PERCENT.test(s)) {
    const n = Number(s.replace('%', '').trim()) / 100;
    return { kind: 'value', value: n, numberFormat: cellNumberFormat === 'General' ? '0%' : undefined };
  }
  if (s.length > 1 && (s.startsWith('+') || s.startsWith('-'))) return { kind: 'formula', formula: `=${s}` };
  // A leading "@" is Lotus-style formula entry in Excel's UI ("@SUM(A1:A3)" becomes =SUM(A1:A3)).
  // Not documented for the API; the double takes the strict reading so unescaped "@..." is caught.
  if (s.length > 1 && s.startsWith('@')) return { kind: 'formula', formula: `=${s.slice(1)}` };
  const m = ISO_DATE.exec(s);
  if (m) {
    const serial = dateToSerial(Number(m[1]), Number(m[2]), Number(m[3]));
    if (serial !== undefined) {
      return {
        kind: 'value',
        value: serial,
        numberFormat: cellNumberFormat === 'General' ? opts.shortDateFormat : undefined,
      };
    }
  }
  if (/^true$/i.test(s)) return { kind: 'value', value: true };
  if (/^false$/i.test(s)) return { kind: 'value', value: false };
  return { kind: 'value', value: s };
}

// ---------------------------------------------------------------- dates (1900 date system)

const DAY_MS = 86400000;
const EPOCH = Date.UTC(1899, 11, 30);

/** Excel serial of a calendar date (1900 system, valid from 1900-03-01). */
export function dateToSerial(y: number, m: number, d: number): number | undefined {
  if (m < 1 || m > 12 || d < 1 || d > 31) return undefined;
  const t = Date.UTC(y, m - 1, d);
  const back = new Date(t);
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== m - 1 || back.getUTCDate() !== d) return undefined;
  const serial = Math.round((t - EPOCH) / DAY_MS);
  return serial >= 61 ? serial : undefined;
}

export function serialToDate(serial: number): { y: number; m: number; d: number; h: number; mi: number; s: number } {
  const days = Math.floor(serial);
  const t = EPOCH + days * DAY_MS;
  const dt = new Date(t);
  let secs = Math.round((serial - days) * 86400);
  const h = Math.floor(secs / 3600);
  secs -= h * 3600;
  const mi = Math.floor(secs / 60);
  return { y: dt.getUTCFullYear(), m: dt.getUTCMonth() + 1, d: dt.getUTCDate(), h, mi, s: secs - mi * 60 };
}

// ---------------------------------------------------------------- text (range.text)

function generalNumber(n: number): string {
  if (Number.isInteger(n) && Math.abs(n) < 1e11) return String(n);
  const abs = Math.abs(n);
  if (abs !== 0 && (abs >= 1e11 || abs < 1e-9)) {
    const [mant, exp] = n.toExponential(5).split('e');
    const e = Number(exp);
    return `${String(Number(mant))}E${e < 0 ? '-' : '+'}${String(Math.abs(e)).padStart(2, '0')}`;
  }
  return String(Number(n.toPrecision(10)));
}

function pad(n: number, w: number): string {
  return String(n).padStart(w, '0');
}

function isDateFormat(fmt: string): boolean {
  const stripped = fmt.replace(/"[^"]*"/g, '').replace(/\[[^\]]*\]/g, '');
  return /[yd]/i.test(stripped) || (/m/i.test(stripped) && !/[0#]/.test(stripped));
}

function formatDate(serial: number, fmt: string): string {
  const { y, m, d, h, mi, s } = serialToDate(serial);
  let out = '';
  let i = 0;
  let lastWasHour = false;
  while (i < fmt.length) {
    const rest = fmt.slice(i);
    const quoted = /^"([^"]*)"/.exec(rest);
    if (quoted) {
      out += quoted[1];
      i += quoted[0].length;
      continue;
    }
    const tok = /^(yyyy|yy|mmmm|mmm|mm|m|dddd|ddd|dd|d|hh|h|ss|s)/i.exec(rest);
    if (tok) {
      const t = tok[1].toLowerCase();
      switch (t) {
        case 'yyyy':
          out += pad(y, 4);
          break;
        case 'yy':
          out += pad(y % 100, 2);
          break;
        case 'mm':
          out += lastWasHour ? pad(mi, 2) : pad(m, 2);
          break;
        case 'm':
          out += lastWasHour ? String(mi) : String(m);
          break;
        case 'mmm':
        case 'mmmm':
          out += String(m);
          break;
        case 'dd':
          out += pad(d, 2);
          break;
        case 'd':
          out += String(d);
          break;
        case 'ddd':
        case 'dddd':
          out += ['日', '一', '二', '三', '四', '五', '六'][new Date(Date.UTC(y, m - 1, d)).getUTCDay()];
          break;
        case 'hh':
          out += pad(h, 2);
          break;
        case 'h':
          out += String(h);
          break;
        case 'ss':
          out += pad(s, 2);
          break;
        case 's':
          out += String(s);
          break;
      }
      lastWasHour = t === 'h' || t === 'hh';
      i += tok[0].length;
      continue;
    }
    if (rest[0] === '\\' && rest.length > 1) {
      out += rest[1];
      i += 2;
      continue;
    }
    out += rest[0];
    i += 1;
  }
  return out;
}

function formatNumber(n: number, fmt: string): string {
  const percent = fmt.includes('%');
  const v = percent ? n * 100 : n;
  const core = fmt.replace(/"[^"]*"/g, '').replace(/[%]/g, '');
  const dot = core.indexOf('.');
  const decimals = dot >= 0 ? (core.slice(dot + 1).match(/[0#]/g) ?? []).length : 0;
  const grouping = core.includes(',');
  let s = Math.abs(v).toFixed(decimals);
  if (grouping) {
    const [int, frac] = s.split('.');
    s = int.replace(/\B(?=(\d{3})+(?!\d))/g, ',') + (frac !== undefined ? `.${frac}` : '');
  }
  return `${v < 0 && Number(s.replace(/,/g, '')) !== 0 ? '-' : ''}${s}${percent ? '%' : ''}`;
}

/** What Excel shows for a value under a number format (a useful subset of Excel's formatter). */
export function formatValue(value: CellValue, numberFormat: string): string {
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (typeof value === 'string') return value;
  const fmt = numberFormat.split(';')[0];
  if (fmt === 'General' || fmt === '' || fmt === '@') return generalNumber(value);
  if (isDateFormat(fmt)) return formatDate(value, fmt);
  if (/[0#]/.test(fmt)) return formatNumber(value, fmt);
  return generalNumber(value);
}

// ---------------------------------------------------------------- colours

const NAMED_COLORS: Record<string, string> = {
  black: '#000000',
  white: '#FFFFFF',
  red: '#FF0000',
  green: '#008000',
  lime: '#00FF00',
  blue: '#0000FF',
  yellow: '#FFFF00',
  orange: '#FFA500',
  gray: '#808080',
  grey: '#808080',
  silver: '#C0C0C0',
  purple: '#800080',
  pink: '#FFC0CB',
  brown: '#A52A2A',
  cyan: '#00FFFF',
  magenta: '#FF00FF',
  navy: '#000080',
  teal: '#008080',
  maroon: '#800000',
  olive: '#808000',
  lightgray: '#D3D3D3',
  lightgrey: '#D3D3D3',
  darkred: '#8B0000',
  darkgreen: '#006400',
  gold: '#FFD700',
};

/** Excel returns colours as "#RRGGBB" upper case; it accepts "#rgb"-less hex and HTML names. */
export function normalizeColor(input: string): string {
  const s = input.trim();
  const named = NAMED_COLORS[s.toLowerCase()];
  if (named) return named;
  const hex = /^#?([0-9a-fA-F]{6})$/.exec(s);
  if (hex) return `#${hex[1].toUpperCase()}`;
  const short = /^#?([0-9a-fA-F])([0-9a-fA-F])([0-9a-fA-F])$/.exec(s);
  if (short) return `#${short[1]}${short[1]}${short[2]}${short[2]}${short[3]}${short[3]}`.toUpperCase();
  throw new RangeError(`not a colour: ${input}`);
}

// ---------------------------------------------------------------- relative formulas

/**
 * Calls `onRef` for every A1 cell reference outside string literals, quoted sheet names and
 * structured-reference brackets, and rebuilds the formula from the returned text.
 */
function mapCellRefs(formula: string, onRef: (ref: { colAbs: boolean; col: number; rowAbs: boolean; row: number; text: string }) => string): string {
  let out = '';
  let i = 0;
  let depth = 0;
  while (i < formula.length) {
    const ch = formula[i];
    if (depth === 0 && ch === '"') {
      const end = formula.indexOf('"', i + 1);
      const j = end < 0 ? formula.length : end + 1;
      out += formula.slice(i, j);
      i = j;
      continue;
    }
    if (depth === 0 && ch === "'") {
      const end = formula.indexOf("'!", i + 1);
      const j = end < 0 ? formula.length : end + 2;
      out += formula.slice(i, j);
      i = j;
      continue;
    }
    if (ch === '[') depth += 1;
    if (ch === ']') depth = Math.max(0, depth - 1);
    if (depth === 0) {
      const m = /^(\$?)([A-Za-z]{1,3})(\$?)(\d+)/.exec(formula.slice(i));
      const prev = i > 0 ? formula[i - 1] : '';
      if (m && !/[A-Za-z0-9_.\u0080-\uffff]/.test(prev)) {
        const after = formula[i + m[0].length] ?? '';
        if (!/[A-Za-z0-9_(\u0080-\uffff]/.test(after)) {
          out += onRef({
            colAbs: m[1] === '$',
            col: columnIndex(m[2]),
            rowAbs: m[3] === '$',
            row: Number(m[4]) - 1,
            text: m[0],
          });
          i += m[0].length;
          continue;
        }
      }
    }
    out += ch;
    i += 1;
  }
  return out;
}

/** A key under which two formulas are "the same" in R1C1 terms (what makes a calculated column). */
export function formulaShapeKey(formula: string, row: number, col: number): string {
  return mapCellRefs(formula, (r) => {
    const rr = r.rowAbs ? `R${r.row + 1}` : `R[${r.row - row}]`;
    const cc = r.colAbs ? `C${r.col + 1}` : `C[${r.col - col}]`;
    return `${rr}${cc}`;
  });
}

/** Moves a formula's relative references by (dRow, dCol), as copying/filling does. */
export function translateFormula(formula: string, dRow: number, dCol: number): string {
  if (dRow === 0 && dCol === 0) return formula;
  return mapCellRefs(formula, (r) => {
    const row = r.rowAbs ? r.row : r.row + dRow;
    const col = r.colAbs ? r.col : r.col + dCol;
    if (row < 0 || col < 0) return '#REF!';
    return `${r.colAbs ? '$' : ''}${columnLetters(col)}${r.rowAbs ? '$' : ''}${row + 1}`;
  });
}
