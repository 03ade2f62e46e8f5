/**
 * The exceljs template writer (no LibreOffice): sheets, tables, defined names, settings, calendar,
 * protection, conditional formats and validations are written; a written file reads back (with
 * readback.ts) into exactly the items, records, sections and settings that went in.
 */
import ExcelJS from 'exceljs';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCalendar } from '../domain/calendar';
import { monthlyScores } from '../domain/scoring';
import { defaultSettings } from '../domain/settings';
import { isoToSerial } from '../domain/parseDate';
import { LEDGER_SHEETS } from './ledgerSheets';
import { calendarRows, CALENDAR_FIRST_YEAR, CALENDAR_LAST_YEAR } from './calendarRows';
import { dataValidationAt } from './exceljsPatch';
import { readSheetTable, readWorkbook } from './readback';
import { generateSample } from './sample';
import { LAST_ROW, DETAIL_HEADER_ROW, LEDGER_COLUMNS, SCHEMA_VERSION, WORKBOOK_SCHEMA, ledgerLetter, settingRow } from './schema';
import { DEFAULT_DIRECTOR, DEFAULT_SECTIONS } from './sections';
import { buildTemplate, defaultMonths, formulaForRow, writeWorkbook, WRONG_CACHE } from './template';

// Writing and reading whole workbooks takes seconds on a busy machine.
jest.setTimeout(60_000);

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'duban-template-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function roundTrip(wb: ExcelJS.Workbook, name: string): Promise<ExcelJS.Workbook> {
  const file = join(dir, name);
  await writeWorkbook(wb, file);
  const back = new ExcelJS.Workbook();
  await back.xlsx.readFile(file);
  return back;
}

type WithTables = ExcelJS.Worksheet & {
  tables: Record<string, { table: { columns: { name: string; calculatedColumnFormula?: string }[] } }>;
  conditionalFormattings: { ref: string; rules: { type: string }[] }[];
  dataValidations: { model: Record<string, { type: string; formulae?: unknown[] }> };
  sheetProtection: { sheet?: boolean; hashValue?: string } | null;
};

describe('a blank ledger', () => {
  let wb: ExcelJS.Workbook;
  beforeAll(async () => {
    wb = await roundTrip(buildTemplate(), 'blank.xlsx');
  });

  test('has the sheets of LEDGER_SHEETS in order, and the tables of the schema', () => {
    expect(wb.worksheets.map((w) => w.name)).toEqual([...LEDGER_SHEETS]);
    for (const s of WORKBOOK_SCHEMA.sheets) {
      const ws = wb.getWorksheet(s.name) as WithTables;
      for (const t of s.tables) {
        const table = ws.tables[t.name];
        expect([t.name, table !== undefined]).toEqual([t.name, true]);
        expect(table.table.columns.map((c) => c.name)).toEqual(t.columns.map((c) => c.header));
      }
    }
  });

  test('the add-in 操作ID key columns are hidden on 台账, 反馈记录 and 操作日志 (the clerk reads lines, not ids)', () => {
    for (const name of ['台账', '反馈记录', '操作日志']) {
      const ws = wb.getWorksheet(name)!;
      const at = (ws.getRow(1).values as unknown[]).indexOf('操作ID');
      expect([name, at > 0, ws.getColumn(at).hidden]).toEqual([name, true, true]);
    }
  });

  test('computed table columns are calculated columns (Excel fills them into new rows)', () => {
    const ws = wb.getWorksheet('台账') as WithTables;
    const cols = ws.tables['台账'].table.columns;
    for (const spec of LEDGER_COLUMNS) {
      const col = cols.find((c) => c.name === spec.header)!;
      expect([spec.header, col.calculatedColumnFormula ?? null]).toEqual([spec.header, spec.kind === 'formula' ? formulaForRow(spec.formula!, 2) : null]);
    }
    const cal = (wb.getWorksheet('日历') as WithTables).tables['日历'].table.columns[2];
    expect(cal.calculatedColumnFormula).toBe('N($C1)+$B2');
  });

  test('the 台账 body is one empty row whose formulas show nothing', () => {
    const ws = wb.getWorksheet('台账')!;
    expect(ws.getCell(`${ledgerLetter('预警状态')}2`).formula).toMatch(/^IF\(/);
    expect(ws.getCell('A2').value).toBeNull();
    expect(ws.getCell('A3').value).toBeNull();
  });

  test('设置 holds every setting with its defined name; 今天 is =TODAY()', () => {
    const ws = wb.getWorksheet('设置')!;
    expect(ws.getCell(`B${settingRow('今天')}`).formula).toBe('TODAY()');
    expect(ws.getCell(`B${settingRow('计时方式')}`).value).toBe('自然日顺延');
    expect(ws.getCell(`B${settingRow('重大复杂办结天数')}`).value).toBe(30);
    expect(ws.getCell(`B${settingRow('中心主任')}`).value).toBe(DEFAULT_DIRECTOR);
    expect(ws.getCell(`B${settingRow('结构版本')}`).value).toBe(SCHEMA_VERSION);
    const names = (wb.definedNames as unknown as { model: { name: string; ranges: string[] }[] }).model;
    for (const n of WORKBOOK_SCHEMA.names) {
      const m = names.find((x) => x.name === n.name);
      expect([n.name, m?.ranges]).toEqual([n.name, [n.ref.replace('设置!', "'设置'!")]]);
    }
  });

  test('设置 counts and day thresholds accept whole numbers only (a typed 2.5 or 甲 is refused)', () => {
    const ws = wb.getWorksheet('设置') as WithTables;
    const at = (name: Parameters<typeof settingRow>[0]) => dataValidationAt(ws.dataValidations.model, `B${settingRow(name)}`);
    for (const [name, max] of [
      ['不落实逾期天数', 366],
      ['不落实漏报次数', 99],
      ['不落实退回次数', 99],
      ['催办后仍逾期天数', 366],
      ['通报批评逾期天数', 366],
      ['督查约谈逾期天数', 366],
      ['移送逾期天数', 366],
    ] as const) {
      expect([name, at(name)?.type, at(name)?.formulae]).toEqual([name, 'whole', [0, max]]);
    }
    // points: weights, grade rates and deductions may carry decimals (a typed 甲 or 150 is refused)
    for (const name of ['权重任务总量', '得分率良好', '扣分不落实', '扣分弄虚作假'] as const) {
      expect([name, at(name)?.type, at(name)?.formulae]).toEqual([name, 'decimal', [0, 100]]);
    }
  });

  test('日历 lists every date of the covered years with flags from chinese-days', () => {
    const t = readSheetTable(wb.getWorksheet('日历')!);
    const rows = calendarRows();
    expect(t.rows).toHaveLength(rows.length);
    expect(rows[0].date).toBe(`${CALENDAR_FIRST_YEAR}-01-01`);
    expect(rows[rows.length - 1].date).toBe(`${CALENDAR_LAST_YEAR}-12-31`);
    const byDate = new Map(rows.map((r) => [r.date, r]));
    expect(byDate.get('2026-10-10')).toMatchObject({ workday: 1, note: expect.stringContaining('调休上班') });
    expect(byDate.get('2026-10-01')).toMatchObject({ workday: 0, note: '国庆节' });
    expect(byDate.get('2026-11-28')).toMatchObject({ workday: 0, note: '周末' });
    expect(byDate.get(`${CALENDAR_LAST_YEAR}-01-01`)!.note).toContain('未收录');
    const cal = createCalendar();
    expect(rows.every((r) => r.workday === (cal.isWorkday(r.date) ? 1 : 0))).toBe(true);
    const ws = wb.getWorksheet('日历')!;
    expect(ws.getCell('C3').formula).toBe('N($C2)+$B3');
    // the lookups of constant-time working-day arithmetic (formulas.ts): the next working day after
    // each date, and the k-th working day on row k + 1
    expect(ws.getCell('E2').formula).toBe('IF($A3="","",IF($B3=1,$A3,$E3))');
    expect(ws.getCell('F3').formula).toContain('INDEX($E$1:$E$40001,$F2-$A$2+2)');
    expect(ws.getCell('A2').value).toBeInstanceOf(Date);
  });

  test('科室人员 lists the sections; 月度考核 has its block and 考核明细', () => {
    const people = readSheetTable(wb.getWorksheet('科室人员')!);
    expect(people.rows.map((r) => r.values['科室'])).toEqual(DEFAULT_SECTIONS.map((s) => s.section));
    const ws = wb.getWorksheet('月度考核')!;
    expect(ws.getCell('B2').formula).toBe('DATE(YEAR(今天),MONTH(今天),1)');
    expect(ws.getCell('B6').formula).toContain('科室人员!$A$2:$A$200');
    const detail = readSheetTable(ws, DETAIL_HEADER_ROW);
    expect(detail.rows.length).toBe(12 * DEFAULT_SECTIONS.length); // January–December of this year
  });

  test('sheets with formulas are protected without a password; input columns are unlocked', () => {
    for (const s of WORKBOOK_SCHEMA.sheets) {
      const p = (wb.getWorksheet(s.name) as WithTables).sheetProtection;
      expect([s.name, !!p?.sheet]).toEqual([s.name, s.protect]);
      if (p) expect(p.hashValue).toBeUndefined();
    }
    const ws = wb.getWorksheet('台账')!;
    expect(ws.getCell('A2').protection?.locked).toBe(false);
    expect(ws.getCell(`${ledgerLetter('预警状态')}2`).protection?.locked ?? true).toBe(true); // locked is the default
    // below the table: the column style keeps input cells unlocked
    expect(ws.getColumn(ledgerLetter('交办日期')).protection?.locked).toBe(false);
  });

  test('conditional formats and whole-column data validations are present', () => {
    const ws = wb.getWorksheet('台账') as WithTables;
    const rules = ws.conditionalFormattings.flatMap((c) => c.rules);
    expect(rules.filter((r) => r.type === 'expression').length).toBe(14);
    const dv = ws.dataValidations.model;
    const at = (a: string) => dataValidationAt(dv, a);
    expect(at(`${ledgerLetter('来源类别')}2`)?.type).toBe('list');
    // whole columns, kept as one range when read (not a million cells)
    expect(dv[`${ledgerLetter('来源类别')}1:${ledgerLetter('来源类别')}${LAST_ROW}`]?.type).toBe('list');
    expect(Object.keys(dv).length).toBeLessThan(100);
    expect(at(`${ledgerLetter('承办科室')}${LAST_ROW}`)?.formulae).toEqual(['科室人员!$A$2:$A$200']);
    expect(at(`${ledgerLetter('交办日期')}5000`)?.type).toBe('date');
    expect(at(`${ledgerLetter('预警状态')}2`)).toBeUndefined();
    // the tint: the identity block and 预警状态 (schema/ledger.ts says why not the whole row)
    expect(ws.conditionalFormattings.map((c) => c.ref)).toEqual(
      expect.arrayContaining([`A2:${ledgerLetter('承办科室')}${LAST_ROW}`, `${ledgerLetter('预警状态')}2:${ledgerLetter('预警状态')}${LAST_ROW}`]),
    );
    const monthly = wb.getWorksheet('月度考核') as WithTables;
    expect(monthly.conditionalFormattings.flatMap((c) => c.rules).filter((r) => r.type === 'colorScale')).toHaveLength(2);
  });
});

describe('a sample ledger', () => {
  const today = '2026-11-25';
  const settings = { ...defaultSettings(), director: DEFAULT_DIRECTOR, countingMode: '工作日' as const };
  const sample = generateSample({ count: 80, seed: 42, today, sections: DEFAULT_SECTIONS, settings });
  let wb: ExcelJS.Workbook;
  beforeAll(async () => {
    wb = await roundTrip(buildTemplate({ today, items: sample.items, records: sample.records, settings, cache: 'wrong' }), 'sample.xlsx');
  });

  test('reads back into the same items, records, sections and settings', () => {
    const back = readWorkbook(wb);
    expect(back.errors).toEqual([]);
    expect(back.items).toEqual(sample.items);
    expect(back.records.map(({ opId: _opId, ...r }) => r)).toEqual(sample.records);
    expect(back.records.every((r) => /^S\d{6}$/.test(r.opId))).toBe(true);
    expect(back.sections).toEqual(DEFAULT_SECTIONS.map(({ note: _note, ...p }) => p));
    expect(back.settings).toEqual(settings);
    expect(back.today).toBe(today);
    expect(back.schemaVersion).toBe(SCHEMA_VERSION);
    expect(back.password).toBe('');
    expect(back.overrides).toEqual({ extraHolidays: [], extraWorkdays: [], extraCoveredYears: [] });
  });

  test('formula cells carry the deliberately wrong cached value (for the LibreOffice test)', () => {
    const ws = wb.getWorksheet('台账')!;
    expect(ws.getCell(`${ledgerLetter('办结时限')}2`).result).toBe(WRONG_CACHE);
  });

  test('考核明细 runs from the first 交办 month to December', () => {
    const months = defaultMonths(sample.items, today);
    expect(months[months.length - 1]).toBe('2026-12');
    const first = sample.items
      .map((i) => i.assignedOn)
      .filter(Boolean)
      .sort()[0]!;
    expect(months[0]).toBe(first.slice(0, 7));
    const detail = readSheetTable(wb.getWorksheet('月度考核')!, DETAIL_HEADER_ROW);
    expect(detail.rows).toHaveLength(months.length * DEFAULT_SECTIONS.length);
  });

  test('a changed 日历 flag reads back as a calendar override', async () => {
    const w = buildTemplate({ today, protect: false });
    const cal = w.getWorksheet('日历')!;
    const row = calendarRows().findIndex((r) => r.date === '2026-12-31') + 2;
    expect(cal.getCell(row, 1).value).toBe(isoToSerial('2026-12-31'));
    cal.getCell(row, 2).value = 0;
    const sat = calendarRows().findIndex((r) => r.date === '2027-01-09') + 2;
    cal.getCell(sat, 2).value = 1;
    const back = readWorkbook(await roundTrip(w, 'override.xlsx'));
    expect(back.overrides).toEqual({ extraHolidays: ['2026-12-31'], extraWorkdays: ['2027-01-09'], extraCoveredYears: [2027] });
    expect(back.settings.extraHolidays).toEqual(['2026-12-31']);
  });
});

test('formulaForRow fills {r}, {prev} and {next}', () => {
  expect(formulaForRow('N(C{prev})+B{r}+A{next}', 7)).toBe('N(C6)+B7+A8');
});

describe('a ledger with months already frozen', () => {
  const today = '2026-11-20';
  const settings = { ...defaultSettings(), director: DEFAULT_DIRECTOR };
  const sample = generateSample({ count: 120, seed: 5, today, sections: DEFAULT_SECTIONS, settings });
  const sections = DEFAULT_SECTIONS.map((s) => s.section);
  let wb: ExcelJS.Workbook;
  beforeAll(async () => {
    wb = await roundTrip(
      buildTemplate({ today, items: sample.items, records: sample.records, settings, months: ['2026-09', '2026-10', '2026-11'], frozenThrough: '2026-10' }),
      'frozen.xlsx',
    );
  });

  test('the frozen months are in 考核存档 with the domain scores, and not in 考核明细', () => {
    const detail = readSheetTable(wb.getWorksheet('月度考核')!, DETAIL_HEADER_ROW);
    expect(new Set(detail.rows.map((r) => (r.values['月份'] as Date).toISOString().slice(0, 7)))).toEqual(new Set(['2026-11']));
    const archive = wb.getWorksheet('考核存档')!;
    expect(archive.getCell('A1').value).toBe('月度考核存档（冻结时的数值副本，不随台账变化）');
    const rows = readSheetTable(archive, 3).rows;
    const cal = createCalendar();
    const want = ['2026-09', '2026-10'].flatMap((month) =>
      monthlyScores({ items: sample.items, records: sample.records, sections, month, today, settings, cal }),
    );
    expect(rows.map(({ values: r }) => [r['考核月份'], r['科室'], r['总分'], r['不落实件数'], r['版本']])).toEqual(
      want.map((s) => [s.month, s.section, s.total, s.counts.nonImplementation, 1]),
    );
    expect(archive.getCell('W4').numFmt).toBe('yyyy-mm-dd');
  });
});
