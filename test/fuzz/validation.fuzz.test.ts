/**
 * Fuzzing the hand-filled rows of 台账 and 反馈记录 (validateLedgerRow, validateFeedbackRow,
 * ledgerFromTable / recordsFromTable) with thousands of generated rows:
 * - junk of every type never throws, and every error is located (sheet, row, column letter, header)
 *   with a zh-CN message that starts with that location;
 * - a valid row with ONE bad cell (wrong type, blank required, formula-looking, too long, impossible
 *   date, yearless 3.5, unknown section …) is refused with an error located on THAT cell;
 * - a valid row survives byte for byte: every text field of the item is exactly the cell's text
 *   (CJK, emoji, lone surrogates, RTL marks, full-width ＝), dates in every accepted spelling read as
 *   the intended IsoDate.
 * Runs are sized to keep the file under ~20 s on the shared 2-core machine.
 */
import fc from 'fast-check';
import { domain } from '../../src/i18n/domain';
import { civilFromDayNumber, dayNumberFromCivil, isoToSerial } from '../../src/domain/parseDate';
import { ASSIGN_LEVELS, GRADES, ITEM_KINDS, RECORD_TYPES, SOURCE_CATEGORIES, type IsoDate, type LedgerItem } from '../../src/domain/types';
import {
  FEEDBACK_INPUT_COLUMNS,
  LEDGER_INPUT_COLUMNS,
  validateFeedbackRow,
  validateLedgerRow,
  type CellError,
  type InputColumn,
} from '../../src/domain/validation';
import { ledgerFromTable, recordsFromTable, type SheetTable } from '../../src/workbook/ledgerData';
import { LEDGER_COLUMNS, RECORD_COLUMNS, columnLetter } from '../../src/workbook/schema';
import { DEFAULT_SECTIONS } from '../../src/workbook/sections';

const RUNS = Number(process.env.FUZZ_RUNS ?? 0) || 1;
const runs = (n: number) => ({ numRuns: n * RUNS, seed: process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : undefined });

const SECTIONS = DEFAULT_SECTIONS.map((s) => s.section);
const LEDGER_LETTERS: Record<string, string> = Object.fromEntries(LEDGER_COLUMNS.map((c, i) => [c.header, columnLetter(i + 1)]));
const RECORD_LETTERS: Record<string, string> = Object.fromEntries(RECORD_COLUMNS.map((c, i) => [c.header, columnLetter(i + 1)]));
const LEDGER_HEADERS = new Set(LEDGER_INPUT_COLUMNS.map((c) => c.header));
const RECORD_HEADERS = new Set(FEEDBACK_INPUT_COLUMNS.map((c) => c.header));
const CJK = /[\u4e00-\u9fff]/;

// ------------------------------------------------------------------------------------------
// value generators
// ------------------------------------------------------------------------------------------

/** Pieces of hand-typed text: CJK, emoji, lone surrogates, RTL, full-width, control and space. */
const piece = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom('维修', '食堂', '排水管道', '学生公寓', '热水', '验收', '（一）', '：', '，', '。', '“', '”', '、') },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 8 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 6 }) },
  { weight: 1, arbitrary: fc.constantFrom('😀', '👨‍👩‍👧', '🇨🇳', '\uD800', '\uDFFF', '\uDBFF', 'x\uDC00y') },
  { weight: 1, arbitrary: fc.constantFrom('\u202E', '\u200F', 'مرحبا', 'שלום', '\u200B', '\uFEFF') },
  { weight: 1, arbitrary: fc.constantFrom('＝SUM(A1)', '＋1', '－1', '＠', ' =1', '\u3000', ' ', '\t', '\n', '\r\n', "'", '"', '<b>', '&amp;') },
  { weight: 1, arbitrary: fc.constantFrom('2026-03-05', '3.5', '0', 'TRUE', '#N/A', 'null', 'undefined', '[object Object]') },
);

const codePoints = (s: string) => Array.from(s).length;
const isBlankText = (s: string) => s.trim() === '';
const formulaLead = (s: string) => s.length > 0 && '=+-@'.includes(s[0]);

/** Text a column accepts: within its length, not formula-looking, not blank when required. */
function goodText(col: InputColumn): fc.Arbitrary<string> {
  const max = col.maxLength ?? 100;
  return fc
    .array(piece, { maxLength: 12 })
    .map((ps) => ps.join(''))
    .map((s) => (codePoints(s) > max ? Array.from(s).slice(0, max).join('') : s))
    .filter((s) => !formulaLead(s) && !(col.required && isBlankText(s)));
}

const plausibleDay = fc.integer({ min: dayNumberFromCivil(2000, 1, 1), max: dayNumberFromCivil(2099, 12, 31) });
const isoOf = (day: number): IsoDate => {
  const { y, m, d } = civilFromDayNumber(day);
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
};
const fullWidth = (s: string) => s.replace(/[0-9]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xff10 - 0x30));

/** An IsoDate and one of the ways a person or Excel writes it. */
const spelledDate: fc.Arbitrary<{ iso: IsoDate; cell: unknown }> = fc
  .tuple(plausibleDay, fc.integer({ min: 0, max: 10 }), fc.integer({ min: 0, max: 86399 }))
  .map(([day, how, secs]) => {
    const iso = isoOf(day);
    const [y, m, d] = [iso.slice(0, 4), Number(iso.slice(5, 7)), Number(iso.slice(8, 10))];
    const serial = isoToSerial(iso);
    const cells: unknown[] = [
      serial,
      serial + secs / 86400,
      iso,
      `${y}/${m}/${d}`,
      `${y}年${m}月${d}日`,
      `${y}.${m}.${d}`,
      fullWidth(iso),
      `${iso} ${String(Math.floor(secs / 3600)).padStart(2, '0')}:${String(Math.floor(secs / 60) % 60).padStart(2, '0')}`,
      new Date(Date.UTC(Number(y), m - 1, d)),
      ` ${y}-${m}-${d} `,
      `${y}年${m}月${d}号`,
    ];
    return { iso, cell: cells[how] };
  });

/** Cells no date column accepts (all independent of the rest of the row). */
const badDate = fc.constantFrom<unknown>(
  '2026-02-30',
  '2026-13-01',
  '2025-02-29',
  '2026-00-10',
  '3.5',
  3.5,
  '3/5',
  '3月5日',
  '5日',
  '2026年3月',
  '2026-03',
  '3/5/2026',
  '26-3-5',
  '20260305',
  20260305,
  0,
  -1,
  60,
  3_000_000,
  'abc',
  '明天',
  true,
  false,
  NaN,
  Infinity,
  isoToSerial('1950-06-01'),
  '1899-12-31',
  '2150-01-01',
  { error: '#VALUE!' },
  {},
  [1],
  '2026-03-05 25:00',
);

/** Text cells no text column accepts: formula-looking or unreadable. */
function badText(col: InputColumn): fc.Arbitrary<unknown> {
  const max = col.maxLength ?? 100;
  return fc.oneof(
    fc
      .tuple(fc.constantFrom('=', '+', '-', '@'), fc.constantFrom('HYPERLINK("http://x","点我")', '1', '1+1', 'SUM(A1:A9)', "cmd|' /C calc'!A0", ''))
      .map(([a, b]) => a + b),
    fc.integer({ min: max + 1, max: max + 40 }).map((n) => '督'.repeat(n)),
    fc.constant('长'.repeat(10_000)),
    fc.constant('😀'.repeat(max + 1)),
    fc.constantFrom<unknown>(NaN, Infinity, -Infinity, { error: '#REF!' }, { foo: 1 }, [1, 2], new Date(NaN)),
  );
}

const badInt = fc.constantFrom<unknown>(-1, 1.5, 'abc', '１.５', '-3', 'NaN', NaN, Infinity, 2 ** 60, { error: '#DIV/0!' }, '二');

function badEnum(col: InputColumn): fc.Arbitrary<unknown> {
  const generic = fc.constantFrom<unknown>('其它', 'x', '一般事项', '办 理中', { error: '#N/A' }, true, {});
  return col.field === 'source'
    ? fc.oneof(generic, fc.constantFrom<unknown>(0, 11, '11', '3 其他', '3.后勤中心', 99))
    : fc.oneof(generic, fc.constantFrom<unknown>(1, 0));
}

const blank = fc.constantFrom<unknown>('', '   ', '\u3000', null, undefined, '\t');

/** Any junk at all, for "never throws, always located". */
const junk: fc.Arbitrary<unknown> = fc.oneof(
  fc.anything({ maxDepth: 2 }),
  fc.string({ unit: 'binary', maxLength: 30 }),
  fc.double(),
  fc.date({ noInvalidDate: false }),
  blank,
  badDate,
  piece,
  fc.constant('长'.repeat(10_000)),
  fc.constant(Object.create(null)),
  fc.constant({
    get error(): never {
      throw new Error('hostile getter');
    },
  }),
  fc.constant({ richText: [{ text: '富' }, { text: '文本' }] }),
  fc.constant({ formula: 'A1', result: '=公式结果' }),
  fc.constant({ hyperlink: 'https://example.com', text: '链接' }),
);

// ------------------------------------------------------------------------------------------
// valid rows
// ------------------------------------------------------------------------------------------

interface GoodLedgerRow {
  cells: Record<string, unknown>;
  /** field → the value the item must hold */
  expected: Partial<LedgerItem>;
}

const SIMPLE_DATES = [
  'registeredOn',
  'report1On',
  'report3On',
  'reportFinalOn',
  'extensionApprovedOn',
  'lastUrgedOn',
  'perfunctoryOn',
  'falsifiedOn',
  'approvedOn',
] as const;

const goodLedgerRow: fc.Arbitrary<GoodLedgerRow> = fc
  .record({
    id: goodText(LEDGER_INPUT_COLUMNS[0]),
    texts: fc.record(
      Object.fromEntries(
        LEDGER_INPUT_COLUMNS.filter((c) => c.kind === 'text' && !['id', 'section', 'coSections'].includes(c.field)).map((c) => [c.field, goodText(c)]),
      ) as Record<string, fc.Arbitrary<string>>,
    ),
    section: fc.constantFrom(...SECTIONS),
    coSections: fc.subarray(SECTIONS, { maxLength: 3 }).chain((xs) => fc.constantFrom('、', '，', ' ', ',', '/').map((sep) => xs.join(sep))),
    source: fc.oneof(
      fc.constantFrom(...SOURCE_CATEGORIES).map((s) => ({ cell: s as unknown, value: s as string })),
      fc.integer({ min: 1, max: SOURCE_CATEGORIES.length }).map((n) => ({ cell: n as unknown, value: SOURCE_CATEGORIES[n - 1] as string })),
      fc
        .integer({ min: 1, max: SOURCE_CATEGORIES.length })
        .map((n) => ({ cell: `${n}.${SOURCE_CATEGORIES[n - 1]}` as unknown, value: SOURCE_CATEGORIES[n - 1] as string })),
    ),
    level: fc.constantFrom(...ASSIGN_LEVELS),
    kind: fc.constantFrom(...ITEM_KINDS),
    padEnum: fc.boolean(),
    state: fc.constantFrom('待审批', '已交办', '办理中', '已销号'),
    assigned: spelledDate,
    offsets: fc.array(fc.integer({ min: 0, max: 400 }), { minLength: 3, maxLength: 3 }),
    dates: fc.array(fc.option(spelledDate, { nil: null }), { minLength: SIMPLE_DATES.length, maxLength: SIMPLE_DATES.length }),
    grade: fc.option(fc.constantFrom(...GRADES), { nil: null }),
    counts: fc.array(
      fc.oneof(
        fc.nat(50),
        fc.nat(50).map(String),
        fc.nat(50).map((n) => fullWidth(String(n))),
        fc.constant(''),
      ),
      { minLength: 2, maxLength: 2 },
    ),
  })
  .map((g) => {
    const cells: Record<string, unknown> = {};
    const expected: Partial<LedgerItem> = {};
    const header = (field: string) => LEDGER_INPUT_COLUMNS.find((c) => c.field === field)!.header;
    const put = (field: keyof LedgerItem, cell: unknown, value: unknown) => {
      cells[header(field)] = cell;
      (expected as Record<string, unknown>)[field] = value;
    };
    put('id', g.id, g.id);
    for (const [f, s] of Object.entries(g.texts)) put(f as keyof LedgerItem, s, s);
    put('section', g.section, g.section);
    put('coSections', g.coSections, g.coSections);
    put('source', g.source.cell, g.source.value);
    put('level', g.padEnum ? ` ${g.level} ` : g.level, g.level);
    put('kind', g.kind, g.kind);
    put('state', g.state, g.state);
    put('assignedOn', g.assigned.cell, g.assigned.iso);
    // deadlines and 销号 on or after 交办
    const base = dayNumberFromCivil(Number(g.assigned.iso.slice(0, 4)), Number(g.assigned.iso.slice(5, 7)), Number(g.assigned.iso.slice(8, 10)));
    const after = (k: number) => {
      const iso = isoOf(Math.min(base + g.offsets[k], dayNumberFromCivil(2099, 12, 31)));
      return { cell: isoToSerial(iso), iso };
    };
    const deadline = after(0);
    put('explicitDeadline', deadline.cell, deadline.iso);
    put('extensionDeadline', '', null);
    SIMPLE_DATES.forEach((f, i) => put(f, g.dates[i]?.cell ?? null, g.dates[i]?.iso ?? null));
    put('appliedOn', null, null);
    put('checkedOn', null, null);
    if (g.state === '已销号') {
      const closed = after(1);
      put('closedOn', closed.cell, closed.iso);
      put('grade', g.grade ?? '', g.grade);
    } else {
      put('closedOn', '', null);
      put('grade', '', null);
    }
    const count = (c: unknown) => (c === '' ? 0 : Number(String(c).replace(/[\uFF10-\uFF19]/g, (x) => String.fromCharCode(x.charCodeAt(0) - 0xff10 + 0x30))));
    put('returnCount', g.counts[0], count(g.counts[0]));
    put('urgeCount', g.counts[1], count(g.counts[1]));
    return { cells, expected };
  });

const ledgerCtx = (row: number) => ({ sheet: '台账', rowNumber: row, columnLetters: LEDGER_LETTERS, sections: SECTIONS });

/** A bad value for one column, chosen so that the column ALONE makes the row invalid. */
function badCellFor(col: InputColumn): fc.Arbitrary<unknown> {
  const options: fc.Arbitrary<unknown>[] = [];
  if (col.required) options.push(blank);
  switch (col.kind) {
    case 'text':
      options.push(badText(col));
      if (col.field === 'section') options.push(fc.constantFrom('不存在的科', ' 综合科', '综合科 ', '总务处'));
      if (col.field === 'coSections') options.push(fc.constantFrom('不存在的科', '综合科、火星科'));
      break;
    case 'date':
      options.push(badDate);
      break;
    case 'enum':
      options.push(badEnum(col));
      break;
    case 'int':
      options.push(badInt);
      break;
    default:
      break;
  }
  return fc.oneof(...options);
}

// ------------------------------------------------------------------------------------------
// assertions shared by the properties
// ------------------------------------------------------------------------------------------

function expectLocated(e: CellError, sheet: string, row: number, letters: Record<string, string>, headers: Set<string>): void {
  // plain checks (not expect) keep thousands of runs fast; the failure names what is wrong
  const problems: string[] = [];
  if (e.sheet !== sheet) problems.push('sheet');
  if (e.row !== row) problems.push('row');
  if (!headers.has(e.header)) problems.push('header');
  if (e.column !== letters[e.header] || !/^[A-Z]{1,3}$/.test(e.column)) problems.push('column');
  if (typeof e.code !== 'string' || e.code === '') problems.push('code');
  if (!e.message.startsWith(domain.cell.where(sheet, row, e.column, e.header) + '：')) problems.push('message location');
  if (!CJK.test(e.message)) problems.push('message not zh-CN');
  // messages quote at most a short excerpt: a 10,000-character cell never floods the pane
  if (codePoints(e.message) >= 400) problems.push('message too long');
  if (problems.length > 0) throw new Error(`${problems.join(', ')}: ${JSON.stringify({ ...e, value: String(e.value).slice(0, 40) })}`);
}

const TEXT_FIELDS = LEDGER_INPUT_COLUMNS.filter((c) => c.kind === 'text').map((c) => c.field);

// ------------------------------------------------------------------------------------------
// 台账
// ------------------------------------------------------------------------------------------

describe('台账 rows (validateLedgerRow)', () => {
  test('junk of every type: never throws, item only without errors, every error located in zh-CN', () => {
    const headers = LEDGER_INPUT_COLUMNS.map((c) => c.header);
    fc.assert(
      fc.property(
        fc.array(junk, { minLength: headers.length, maxLength: headers.length }),
        fc.subarray(headers),
        fc.integer({ min: 2, max: 1_048_576 }),
        (values, missing, row) => {
          const raw: Record<string, unknown> = {};
          headers.forEach((h, i) => {
            if (!missing.includes(h)) raw[h] = values[i];
          });
          const v = validateLedgerRow(raw, ledgerCtx(row));
          if ((v.item === null) !== v.errors.length > 0) throw new Error('item and errors disagree');
          for (const e of v.errors) expectLocated(e, '台账', row, LEDGER_LETTERS, LEDGER_HEADERS);
          for (const n of v.notes) if (!n.message.startsWith(domain.cell.where('台账', row, n.column, n.header))) throw new Error(n.message);
        },
      ),
      runs(500),
    );
  });

  test('valid rows survive byte for byte: text fields equal the cells, dates read as intended', () => {
    fc.assert(
      fc.property(goodLedgerRow, fc.integer({ min: 2, max: 5000 }), ({ cells, expected }, row) => {
        const before = structuredClone(cells);
        const v = validateLedgerRow(cells, ledgerCtx(row));
        if (v.errors.length > 0) throw new Error(v.errors.map((e) => e.message).join('\n'));
        expect(v.item).not.toBeNull();
        const got = v.item as unknown as Record<string, unknown>;
        for (const [field, value] of Object.entries(expected)) {
          if (!Object.is(got[field], value)) expect([field, got[field]]).toEqual([field, value]);
        }
        // text: the very same string (===, so every UTF-16 unit, lone surrogates included)
        for (const f of TEXT_FIELDS) if (got[f] !== expected[f]) throw new Error(`${f} changed`);
        // the input record is not touched either
        expect(cells).toEqual(before);
      }),
      runs(1000),
    );
  });

  test('a valid row with ONE bad cell is refused with an error on that very cell', () => {
    const columns = LEDGER_INPUT_COLUMNS.filter((c) => c.kind !== 'bool');
    fc.assert(
      fc.property(
        goodLedgerRow,
        fc.constantFrom(...columns).chain((col) => badCellFor(col).map((bad) => ({ col, bad }))),
        fc.integer({ min: 2, max: 5000 }),
        ({ cells }, { col, bad }, row) => {
          const raw = { ...cells, [col.header]: bad };
          const v = validateLedgerRow(raw, ledgerCtx(row));
          expect(v.item).toBeNull();
          const here = v.errors.filter((e) => e.header === col.header);
          if (here.length === 0) throw new Error(`no error on ${col.header} for ${String(bad)}: ${v.errors.map((e) => e.message).join(' | ')}`);
          expect(here[0].column).toBe(LEDGER_LETTERS[col.header]);
          expect(here[0].value).toBe(bad);
          for (const e of v.errors) expectLocated(e, '台账', row, LEDGER_LETTERS, LEDGER_HEADERS);
        },
      ),
      runs(1500),
    );
  });

  test('specific traps: formula-looking text, 10,000 characters, impossible and yearless dates, unknown sections', () => {
    const base = fc.sample(goodLedgerRow, { numRuns: 1, seed: 42 })[0].cells;
    const cases: [string, unknown, string][] = [
      ['事项内容', '=HYPERLINK("http://evil","点我")', 'formula-like'],
      ['事项内容', '+1', 'formula-like'],
      ['事项内容', '-1', 'formula-like'],
      ['事项内容', '@SUM(A1)', 'formula-like'],
      ['备注', '长'.repeat(10_000), 'too-long'],
      ['交办日期', '2026-02-30', 'date-invalid'],
      ['交办日期', '3.5', 'date-yearless'],
      ['交办日期', 3.5, 'date-yearless'],
      ['交办日期', '3/5/2026', 'date-day-first'],
      ['交办日期', 60, 'date-fake-leap-day'],
      ['交办日期', 20260305, 'date-compact'],
      ['交办日期', 5, 'date-implausible'],
      ['承办科室', '总务处', 'unknown-section'],
      ['来源类别', '3 其他', 'source-mismatch'],
      ['退回次数', -1, 'bad-count'],
    ];
    for (const [header, value, code] of cases) {
      const v = validateLedgerRow({ ...base, [header]: value }, ledgerCtx(7));
      expect({ header, value, codes: v.errors.filter((e) => e.header === header).map((e) => e.code) }).toEqual({ header, value, codes: [code] });
    }
    // accepted spellings of 2026-03-05
    for (const spelled of ['2026/3/5', '2026年3月5日', '２０２６－０３－０５', '2026.3.5', isoToSerial('2026-03-05'), '2026-3-5 10:30']) {
      const v = validateLedgerRow({ ...base, 交办日期: spelled, 完成时限: '', 销号日期: '', 办理状态: '办理中', 评价等级: '' }, ledgerCtx(7));
      expect([spelled, v.item?.assignedOn, v.errors]).toEqual([spelled, '2026-03-05', []]);
    }
    // full-width ＝ is not a formula in Excel: kept as typed
    const fw = validateLedgerRow({ ...base, 事项内容: '＝维修二食堂' }, ledgerCtx(7));
    expect(fw.item?.content).toBe('＝维修二食堂');
  });
});

// ------------------------------------------------------------------------------------------
// 反馈记录
// ------------------------------------------------------------------------------------------

const recordCtx = (row: number, itemIds?: string[]) => ({ sheet: '反馈记录', rowNumber: row, columnLetters: RECORD_LETTERS, itemIds });
const IDS = ['DB-2026-0001', 'DB-2026-0002', '督办〔2026〕3号'];

const goodRecordRow = fc
  .record({
    id: fc.constantFrom(...IDS),
    type: fc.constantFrom(...RECORD_TYPES),
    date: spelledDate,
    content: goodText(FEEDBACK_INPUT_COLUMNS.find((c) => c.field === 'content')!),
    signer: fc.oneof(fc.constant(''), fc.constantFrom('王振宇', '张宏伟', 'Ａｌｉ 😀')),
    signedAfter: fc.integer({ min: 0, max: 30 }),
  })
  .map((g) => {
    const day = dayNumberFromCivil(Number(g.date.iso.slice(0, 4)), Number(g.date.iso.slice(5, 7)), Number(g.date.iso.slice(8, 10)));
    const signedOn = g.signer ? isoOf(Math.min(day + g.signedAfter, dayNumberFromCivil(2099, 12, 31))) : null;
    return {
      cells: { 编号: g.id, 类型: g.type, 日期: g.date.cell, 内容: g.content, 审签人: g.signer, 审签日期: signedOn ? isoToSerial(signedOn) : '' } as Record<
        string,
        unknown
      >,
      expected: { itemId: g.id, type: g.type, date: g.date.iso, content: g.content, signer: g.signer, signedOn },
    };
  });

describe('反馈记录 rows (validateFeedbackRow)', () => {
  test('junk never throws; errors located', () => {
    const headers = FEEDBACK_INPUT_COLUMNS.map((c) => c.header);
    fc.assert(
      fc.property(
        fc.array(junk, { minLength: headers.length, maxLength: headers.length }),
        fc.boolean(),
        fc.integer({ min: 2, max: 99_999 }),
        (values, withIds, row) => {
          const raw = Object.fromEntries(headers.map((h, i) => [h, values[i]]));
          const v = validateFeedbackRow(raw, recordCtx(row, withIds ? IDS : undefined));
          if ((v.record === null) !== v.errors.length > 0) throw new Error('record and errors disagree');
          for (const e of v.errors) expectLocated(e, '反馈记录', row, RECORD_LETTERS, RECORD_HEADERS);
        },
      ),
      runs(600),
    );
  });

  test('valid records survive byte for byte', () => {
    fc.assert(
      fc.property(goodRecordRow, ({ cells, expected }) => {
        const v = validateFeedbackRow(cells, recordCtx(3, IDS));
        if (!v.record) throw new Error(v.errors.map((e) => e.message).join('\n'));
        expect(v.record).toEqual(expected);
      }),
      runs(1500),
    );
  });

  test('one bad cell is refused on that cell (unknown 编号 included)', () => {
    const bads: Record<string, fc.Arbitrary<unknown>> = {
      编号: fc.oneof(blank, fc.constantFrom('DB-2099-9999', '=A1', 'db-2026-0001')),
      类型: fc.oneof(blank, fc.constantFrom('反馈', '1天', '退 回', 3)),
      日期: fc.oneof(blank, badDate),
      内容: fc.oneof(blank, badText(FEEDBACK_INPUT_COLUMNS.find((c) => c.field === 'content')!)),
    };
    fc.assert(
      fc.property(
        goodRecordRow,
        fc.constantFrom(...Object.keys(bads)).chain((h) => bads[h].map((bad) => ({ h, bad }))),
        ({ cells }, { h, bad }) => {
          const v = validateFeedbackRow({ ...cells, [h]: bad }, recordCtx(9, IDS));
          expect(v.record).toBeNull();
          expect(v.errors.some((e) => e.header === h && e.column === RECORD_LETTERS[h])).toBe(true);
        },
      ),
      runs(1500),
    );
  });
});

// ------------------------------------------------------------------------------------------
// whole tables (ledgerFromTable / recordsFromTable)
// ------------------------------------------------------------------------------------------

describe('sheet tables → domain objects', () => {
  test('ledgerFromTable keeps every good row exactly and reports every bad row, nothing else', () => {
    const rowArb = fc.oneof(
      goodLedgerRow.map((g) => ({ good: true as const, cells: g.cells, expected: g.expected })),
      fc
        .tuple(
          goodLedgerRow,
          fc.constantFrom(...LEDGER_INPUT_COLUMNS).chain((col) => badCellFor(col).map((bad) => ({ col, bad }))),
        )
        .filter(([, { col, bad }]) => !(col.field === 'id' && (bad === null || bad === undefined || (typeof bad === 'string' && bad.trim() === ''))))
        .map(([g, { col, bad }]) => ({ good: false as const, cells: { ...g.cells, [col.header]: bad }, expected: g.expected })),
    );
    fc.assert(
      fc.property(fc.array(rowArb, { maxLength: 12 }), fc.integer({ min: 0, max: 3 }), (rows, blanks) => {
        const table: SheetTable = {
          headers: LEDGER_COLUMNS.map((c) => c.header),
          letters: LEDGER_LETTERS,
          rows: [
            ...rows.map((r, i) => ({ row: i + 2, values: r.cells })),
            // wholly blank rows are skipped silently
            ...Array.from({ length: blanks }, (_, k) => ({ row: rows.length + 2 + k, values: { 编号: '', 事项内容: null } as Record<string, unknown> })),
          ],
        };
        const out = ledgerFromTable(table, SECTIONS);
        const goodRows = rows.filter((r) => r.good);
        expect(out.items).toHaveLength(goodRows.length);
        out.items.forEach((it, k) => {
          for (const f of TEXT_FIELDS) expect(it[f]).toBe(goodRows[k].expected[f]);
        });
        const badRowNumbers = rows.flatMap((r, i) => (r.good ? [] : [i + 2]));
        expect([...new Set(out.errors.map((e) => e.row))].sort((a, b) => a - b)).toEqual(badRowNumbers);
        for (const e of out.errors) expectLocated(e, '台账', e.row, LEDGER_LETTERS, LEDGER_HEADERS);
      }),
      runs(300),
    );
  });

  test('recordsFromTable: unknown 编号 reported on its row; known ones kept', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(goodRecordRow, fc.boolean()), { maxLength: 10 }), (rows) => {
        const table: SheetTable = {
          headers: RECORD_COLUMNS.map((c) => c.header),
          letters: RECORD_LETTERS,
          rows: rows.map(([g, orphan], i) => ({ row: i + 2, values: { ...g.cells, 编号: orphan ? `孤儿-${i}` : g.cells['编号'], 操作ID: `op-${i}` } })),
        };
        const out = recordsFromTable(table, IDS);
        expect(out.records.map((r) => r.opId)).toEqual(rows.flatMap(([, orphan], i) => (orphan ? [] : [`op-${i}`])));
        expect(out.errors.map((e) => [e.row, e.code, e.column])).toEqual(
          rows.flatMap(([, orphan], i) => (orphan ? [[i + 2, 'unknown-item', RECORD_LETTERS['编号']]] : [])),
        );
      }),
      runs(300),
    );
  });
});
