/**
 * The workbook schema on its own (no LibreOffice): 台账's input headers are the domain's, every
 * formula uses only portable functions and refers only to tables, columns, sheets and defined
 * names that exist, in plain A1 form (no structured reference: Gnumeric parses none).
 */
import { LEDGER_SHEETS } from './ledgerSheets';
import { LEDGER_INPUT_COLUMNS, FEEDBACK_INPUT_COLUMNS } from '../domain/validation';
import { defaultSettings } from '../domain/settings';
import { ALLOWED_FUNCTIONS, CALENDAR_LETTERS, CALENDAR_ROWS, COUNTED_ROWS, NONIMPL_STEPS, functionsIn } from './formulas';
import {
  LEDGER_COLUMNS,
  RECORD_COLUMNS,
  SETTING_ROWS,
  WORKBOOK_SCHEMA,
  allFormulas,
  columnLetter,
  ledgerLetter,
  settingRef,
  settingRow,
  sheetSpec,
  type ColumnSpec,
} from './schema';

const tables = new Map<string, ColumnSpec[]>();
for (const s of WORKBOOK_SCHEMA.sheets) for (const t of s.tables) tables.set(t.name, t.columns);
const names = new Set(WORKBOOK_SCHEMA.names.map((n) => n.name));
const sheets = new Set(WORKBOOK_SCHEMA.sheets.map((s) => s.name));

/** Every reference in a formula: sheet refs, this-row columns (INDEX($X:$X,ROW())), and the bare names left over. */
function analyse(template: string) {
  // block and 日历 formulas carry {r} (this row), {prev} (the row above) and {next} (the row below)
  const formula = template
    .replace(/\{r\}/g, '6')
    .replace(/\{prev\}/g, '5')
    .replace(/\{next\}/g, '7');
  const noStrings = formula.replace(/"(?:[^"]|"")*"/g, '""');
  const structured = [...noStrings.matchAll(/[\p{L}\p{N}_]+\[[^\]]*\]/gu)].map((m) => m[0]);
  const sameRow: string[] = [];
  let rest = noStrings.replace(/INDEX\(\$([A-Z]+):\$\1,ROW\(\)\)/g, (_, letter: string) => {
    sameRow.push(letter);
    return ' ';
  });
  const sheetRefs: { sheet: string; letter: string; from: number | null; to: number | null }[] = [];
  rest = rest.replace(
    /'?([^\s(),+\-*/&=<>!'^]+)'?!\$?([A-Z]+)(?:\$?(\d+))?(?::\$?([A-Z]+)(?:\$?(\d+))?)?/gu,
    (_, sheet: string, letter: string, from?: string, _l2?: string, to?: string) => {
      sheetRefs.push({ sheet, letter, from: from ? Number(from) : null, to: to ? Number(to) : null });
      return ' ';
    },
  );
  const leftover = rest
    .replace(/\$?[A-Z]{1,3}\$?\d*:\$?[A-Z]{1,3}\$?\d*/g, ' ') // ranges and whole columns of the same sheet
    .replace(/\b\$?[A-Z]{1,3}\$?\d+\b/g, ' ') // A1 references
    .replace(/[A-Za-z_][A-Za-z0-9_.]*\s*\(/g, '(') // function names
    .replace(/\b(TRUE|FALSE)\b/g, ' ')
    .replace(/\d+(\.\d+)?/g, ' ');
  const bare = [...leftover.matchAll(/[\p{L}_][\p{L}\p{N}_]*/gu)].map((m) => m[0]);
  return { structured, sameRow, sheetRefs, bare, noStrings };
}

/** Header of a table column by sheet and letter. */
function headerAt(sheet: string, letter: string): string | undefined {
  const spec = WORKBOOK_SCHEMA.sheets.find((s) => s.name === sheet);
  for (const t of spec?.tables ?? []) {
    const i = t.columns.findIndex((_, k) => columnLetter(t.firstCol + k) === letter);
    if (i >= 0) return t.columns[i].header;
  }
  return undefined;
}

describe('台账 columns', () => {
  test('the input headers, in order, are exactly LEDGER_INPUT_COLUMNS of the domain (plus the add-in’s hidden 操作ID before 佐证材料)', () => {
    const inputs = LEDGER_COLUMNS.filter((c) => c.kind === 'input').map((c) => c.header);
    const domain = LEDGER_INPUT_COLUMNS.map((c) => c.header);
    expect(domain.at(-1)).toBe('佐证材料');
    expect(inputs).toEqual([...domain.slice(0, -1), '操作ID', '佐证材料']);
  });

  test('computed columns stand where a reader expects them', () => {
    const order = LEDGER_COLUMNS.map((c) => c.header);
    const after = (a: string, ...bs: string[]) => expect(order.slice(order.indexOf(a) + 1, order.indexOf(a) + 1 + bs.length)).toEqual(bs);
    after('协办科室', '第一责任人', '分管责任人', '直接责任人');
    after('完成时限', '1天应报日', '3天应报日', '办结时限');
    after('落实反馈日', '落实完成日', '预警状态', '逾期天数');
    // helpers come after 备注, hidden, then the add-in's hidden 操作ID; then 佐证材料 and the hidden
    // helpers of 结构版本 4, appended at the end so that 初始化台账 adds them to an older ledger
    // without moving any column (a reader sees 佐证材料 after 备注)
    const firstHelper = LEDGER_COLUMNS.findIndex((c) => c.hidden);
    const evidence = order.indexOf('佐证材料');
    const between = LEDGER_COLUMNS.slice(firstHelper, evidence);
    expect(between.every((c) => c.hidden)).toBe(true);
    expect(between.filter((c) => c.kind === 'input').map((c) => c.header)).toEqual(['操作ID']);
    expect(order.indexOf('备注')).toBe(firstHelper - 1);
    expect(LEDGER_COLUMNS[evidence]).toMatchObject({ header: '佐证材料', kind: 'input', locked: false });
    expect(LEDGER_COLUMNS[evidence].hidden).toBeUndefined();
    const appended = LEDGER_COLUMNS.slice(evidence + 1);
    expect(appended.map((c) => [c.header, c.kind, c.hidden])).toEqual(['辅助日历行', '辅助逾期应办日', '辅助逾期截止日'].map((h) => [h, 'formula', true]));
  });

  test('formula columns are locked, input columns unlocked', () => {
    for (const s of WORKBOOK_SCHEMA.sheets) {
      for (const t of s.tables) for (const c of t.columns) expect([t.name, c.header, c.locked]).toEqual([t.name, c.header, c.kind === 'formula']);
    }
  });

  test('headers are unique per table and contain no character a structured reference must escape', () => {
    for (const [name, cols] of tables) {
      const hs = cols.map((c) => c.header);
      expect([name, new Set(hs).size]).toEqual([name, hs.length]);
      for (const h of hs) expect([name, h, /[[\]#']/.test(h)]).toEqual([name, h, false]);
    }
  });

  test('反馈记录 input headers are the domain’s FEEDBACK_INPUT_COLUMNS (plus 操作ID)', () => {
    const inputs = RECORD_COLUMNS.filter((c) => c.kind === 'input').map((c) => c.header);
    expect(inputs).toEqual([...FEEDBACK_INPUT_COLUMNS.map((c) => c.header), '操作ID']);
  });
});

describe('sheets, tables and names', () => {
  test('the sheets are LEDGER_SHEETS, in tab order', () => {
    expect(WORKBOOK_SCHEMA.sheets.map((s) => s.name)).toEqual([...LEDGER_SHEETS]);
  });

  test('no table name looks like a cell address (T1 broke every reference in LibreOffice)', () => {
    for (const name of tables.keys()) {
      expect([name, /^[A-Za-z]{1,3}\d+$/.test(name) || /^R\d*C\d*$/i.test(name)]).toEqual([name, false]);
    }
  });

  test('defined names are valid names and point at the 设置 value cells', () => {
    for (const n of WORKBOOK_SCHEMA.names) {
      expect(n.name).toMatch(/^[\p{L}_][\p{L}\p{N}_]*$/u);
      expect(n.name).not.toMatch(/^[A-Za-z]{1,3}\d+$/);
      expect(n.ref).toBe(settingRef(n.name as (typeof SETTING_ROWS)[number]['name']));
    }
    expect(names.size).toBe(WORKBOOK_SCHEMA.names.length);
    expect(settingRow('今天')).toBe(2);
  });

  test('every field of Settings has a 设置 row', () => {
    const paths = new Set(SETTING_ROWS.filter((r) => r.path).map((r) => r.path!.join('.')));
    const walk = (o: object, prefix: string): string[] =>
      Object.entries(o).flatMap(([k, v]) =>
        typeof v === 'object' && v !== null && !Array.isArray(v) ? walk(v as object, `${prefix}${k}.`) : [`${prefix}${k}`],
      );
    const fields = walk(defaultSettings(), '').filter((f) => f !== 'extraHolidays' && f !== 'extraWorkdays');
    for (const f of fields) expect([f, paths.has(f)]).toEqual([f, true]);
    // extra holidays / workdays live in 日历; a 设置 row says so
    expect(SETTING_ROWS.some((r) => r.name === '日历调整')).toBe(true);
  });

  test('columnLetter', () => {
    expect([1, 26, 27, 52, 53, 702, 703].map(columnLetter)).toEqual(['A', 'Z', 'AA', 'AZ', 'BA', 'ZZ', 'AAA']);
    expect(ledgerLetter('编号')).toBe('A');
  });
});

describe('formulas', () => {
  const formulas = allFormulas();

  test('there are formulas for every computed column', () => {
    expect(formulas.length).toBeGreaterThan(60);
  });

  test.each(formulas.map((f) => [f.where, f.formula] as const))('%s uses only portable functions', (where, formula) => {
    const allowed = new Set<string>(ALLOWED_FUNCTIONS);
    if (where === '设置!今天') allowed.add('TODAY');
    const bad = functionsIn(formula).filter((f) => !allowed.has(f));
    expect(bad).toEqual([]);
    expect(formula).not.toMatch(/_xlfn\.|\[@|XLOOKUP|LET\(|LAMBDA|FILTER\(|UNIQUE\(|SEQUENCE\(/);
    expect(formula.startsWith('=')).toBe(false);
  });

  test.each(formulas.map((f) => [f.where, f.formula] as const))('%s refers only to what exists, in A1 form', (where, formula) => {
    const { structured, sameRow, sheetRefs, bare } = analyse(formula);
    // Gnumeric parses no structured reference: the file holds none (formulas.ts toA1)
    expect([where, structured]).toEqual([where, []]);
    const sheet = where.split('!')[0];
    for (const l of sameRow) expect([where, l, headerAt(sheet, l) !== undefined]).toEqual([where, l, true]);
    for (const r of sheetRefs) {
      expect([where, r.sheet, sheets.has(r.sheet)]).toEqual([where, r.sheet, true]);
      // a bounded range covers one table column from its first body row
      if (r.to !== null && r.from !== null && r.to > r.from) {
        expect([where, `${r.sheet}!${r.letter}`, headerAt(r.sheet, r.letter) !== undefined]).toEqual([where, `${r.sheet}!${r.letter}`, true]);
      }
    }
    for (const b of bare) expect([where, b, names.has(b)]).toEqual([where, b, true]);
  });

  test('日历 letters of formulas.ts are the columns of the 日历 table', () => {
    const cal = sheetSpec('日历').tables[0];
    for (const [header, letter] of Object.entries(CALENDAR_LETTERS)) expect([header, headerAt('日历', letter)]).toEqual([header, header]);
    expect(cal.firstCol).toBe(1);
    expect(cal.headerRow).toBe(1);
  });

  test('whole-table ranges cover COUNTED_ROWS rows from the first body row', () => {
    const ranges = formulas.flatMap((f) => analyse(f.formula).sheetRefs.filter((r) => r.from !== null && r.to !== null && r.to > r.from));
    expect(ranges.length).toBeGreaterThan(20);
    for (const r of ranges) {
      const table = WORKBOOK_SCHEMA.sheets
        .find((s) => s.name === r.sheet)!
        .tables.find((t) => t.columns.some((c) => c.header === headerAt(r.sheet, r.letter)))!;
      // 日历 lookups read from the header row down (row k of the range is sheet row k)
      if (r.sheet === '日历') expect([r.sheet, r.from, r.to]).toEqual([r.sheet, 1, CALENDAR_ROWS + 1]);
      else expect([r.sheet, r.from, r.to]).toEqual([r.sheet, table.headerRow + 1, table.headerRow + COUNTED_ROWS[table.name]]);
    }
  });

  test.each(formulas.map((f) => [f.where, f.formula] as const))('%s fits Excel’s limits', (_where, formula) => {
    expect(formula.length).toBeLessThan(8192);
    let depth = 0;
    let max = 0;
    for (const ch of formula.replace(/"(?:[^"]|"")*"/g, '""')) {
      if (ch === '(') max = Math.max(max, ++depth);
      if (ch === ')') depth--;
    }
    expect(depth).toBe(0);
    expect(max).toBeLessThanOrEqual(64);
  });

  test('MATCH is always exact (…,0)', () => {
    for (const { formula } of formulas) {
      const noStrings = formula.replace(/"(?:[^"]|"")*"/g, '""');
      let i = noStrings.indexOf('MATCH(');
      while (i >= 0) {
        let depth = 0;
        let j = i + 5;
        let lastComma = -1;
        for (; j < noStrings.length; j++) {
          if (noStrings[j] === '(') depth++;
          else if (noStrings[j] === ')' && --depth === 0) break;
          else if (noStrings[j] === ',' && depth === 1) lastComma = j;
        }
        expect(noStrings.slice(lastComma, j)).toBe(',0');
        i = noStrings.indexOf('MATCH(', j);
      }
    }
  });

  test('COUNTIFS/SUMIFS test numbers first and text last; a 不落实 step SUMIFS opens with change<>0 (Gnumeric stops at the first failing test)', () => {
    const recordLetter = (h: string) => columnLetter(RECORD_COLUMNS.findIndex((c) => c.header === h) + 1);
    const textRanges = [`台账!$${ledgerLetter('承办科室')}$`, `反馈记录!$${recordLetter('科室')}$`, `反馈记录!$${recordLetter('类型')}$`];
    const isText = (range: string) => textRanges.some((t) => range.startsWith(t));
    const stepRanges = NONIMPL_STEPS.map((step) => `台账!$${ledgerLetter(step.header)}$`);
    let calls = 0;
    let steps = 0;
    for (const { where, formula } of formulas) {
      for (const { name, args } of callsIn(formula, ['COUNTIFS', 'SUMIFS'])) {
        calls += 1;
        const pairs = (name === 'SUMIFS' ? args.slice(1) : args).reduce<string[][]>(
          (out, a, i) => (i % 2 === 0 ? [...out, [a]] : (out[out.length - 1].push(a), out)),
          [],
        );
        const firstText = pairs.findIndex(([range]) => isText(range));
        if (firstText >= 0) expect([where, pairs.slice(firstText).every(([range]) => isText(range))]).toEqual([where, true]);
        if (name === 'SUMIFS' && stepRanges.some((r) => args[0].startsWith(r))) {
          steps += 1;
          expect([where, pairs[0]]).toEqual([where, [args[0], '"<>0"']]);
        }
      }
    }
    expect(calls).toBeGreaterThan(20);
    expect(steps).toBeGreaterThanOrEqual(11);
  });

  test('the analyser itself finds what it should', () => {
    const a = analyse('IF(INDEX($M:$M,ROW())="",台账[交办日期],INDEX(日历!$C:$C,MAX(1,今天-日历!$A$2+2)))+COUNTIFS(台账!$G$2:$G$20001,$B6)');
    expect(a.structured).toEqual(['台账[交办日期]']);
    expect(a.sameRow).toEqual(['M']);
    expect(a.sheetRefs.map((r) => [r.sheet, r.letter, r.from, r.to])).toEqual([
      ['日历', 'C', null, null],
      ['日历', 'A', 2, null],
      ['台账', 'G', 2, 20001],
    ]);
    // a structured reference left in a formula is reported, and its words are no defined names
    expect(a.bare).toEqual(['台账', '交办日期', '今天']);
  });
});

describe('data validation', () => {
  test('every enumerated and date input column of 台账 has a validation; lists fit Excel’s 255 characters', () => {
    for (const c of LEDGER_INPUT_COLUMNS) {
      const spec = LEDGER_COLUMNS.find((x) => x.header === c.header)!;
      if (c.kind === 'enum' || c.kind === 'date' || c.kind === 'int') expect([c.header, spec.validation !== undefined]).toEqual([c.header, true]);
      if (c.header === '承办科室') expect(spec.validation?.type).toBe('listRange');
    }
    for (const s of WORKBOOK_SCHEMA.sheets) {
      for (const t of s.tables) {
        for (const c of t.columns) {
          if (c.validation?.type === 'list') expect(c.validation.values.join(',').length).toBeLessThanOrEqual(255);
          if (c.inputMessage) {
            expect(c.inputMessage[0].length).toBeLessThanOrEqual(32);
            expect(c.inputMessage[1].length).toBeLessThanOrEqual(255);
          }
        }
      }
    }
  });
});

/** The calls of the named functions in a formula, with their top-level arguments (strings kept). */
function callsIn(formula: string, names: readonly string[]): { name: string; args: string[] }[] {
  const out: { name: string; args: string[] }[] = [];
  for (const m of formula.matchAll(/([A-Z]+)\(/g)) {
    if (!names.includes(m[1])) continue;
    const args: string[] = [];
    let depth = 0;
    let quoted = false;
    let start = m.index! + m[0].length;
    for (let j = start; j < formula.length; j++) {
      const ch = formula[j];
      if (ch === '"') quoted = !quoted;
      if (quoted) continue;
      if (ch === '(') depth++;
      else if (ch === ')' && depth-- === 0) {
        args.push(formula.slice(start, j));
        break;
      } else if (ch === ',' && depth === 0) {
        args.push(formula.slice(start, j));
        start = j + 1;
      }
    }
    out.push({ name: m[1], args });
  }
  return out;
}
