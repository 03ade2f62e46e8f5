/**
 * THE INDEPENDENT VERIFICATION: generate ledgers with a few hundred random items (all statuses,
 * both kinds, extensions, explicit deadlines, items starting on holidays and 调休 days; the three
 * counting modes and both overdue countings in separate workbooks), fix 今天, write deliberately
 * wrong cached values, let TWO spreadsheet engines recalculate everything — LibreOffice (one
 * soffice call for all files) and Gnumeric (ssconvert --recalc, one call per file), each on the
 * file exactly as the template writes it — and require every computed cell of each to EQUAL the
 * TypeScript domain core:
 * 1天应报日, 3天应报日, 办结时限, 落实完成日, 预警状态, 逾期天数, the three 责任人 of every row, and
 * every 月度考核 count and score of every section and month. Plus: no formula cell of a blank or a
 * sample ledger yields an error value, and conditional formats / data validations survive.
 */
import ExcelJS from 'exceljs';
import { rmSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { createCalendar } from '../../src/domain/calendar';
import { addCalendarDays } from '../../src/domain/dates';
import { defaultSettings, type Settings } from '../../src/domain/settings';
import type { FeedbackRecord, IsoDate, LedgerItem } from '../../src/domain/types';
import { makeItem } from '../../src/domain/testing/itemFactory';
import { readSheetTable, readWorkbook } from '../../src/workbook/readback';
import { generateSample } from '../../src/workbook/sample';
import { DEFAULT_DIRECTOR, DEFAULT_SECTIONS } from '../../src/workbook/sections';
import { buildTemplate, defaultMonths, writeWorkbook, WRONG_CACHE } from '../../src/workbook/template';
import { OUT_OF_CALENDAR } from '../../src/workbook/formulas';
import { LAST_ROW, ledgerLetter } from '../../src/workbook/schema';
import { dataValidationAt } from '../../src/workbook/exceljsPatch';
import { BUILD_DIR, convert, makeProfile } from './libreoffice';
import { recalcWithGnumeric } from './gnumeric';
import { compareLedger, compareMonthly, describe20, formulaProblems } from './expected';

interface Scenario {
  name: string;
  today: IsoDate;
  seed: number;
  count: number;
  settings: Settings;
  blockMonth?: string;
  edges?: boolean;
}

const base = (): Settings => ({ ...defaultSettings(), director: DEFAULT_DIRECTOR });

const SCENARIOS: Scenario[] = [
  { name: 'a-shunyan-workdays', today: '2026-11-25', seed: 101, count: 300, settings: base(), edges: true },
  {
    name: 'b-workdays-calendar',
    today: '2026-10-09',
    seed: 202,
    count: 250,
    settings: { ...base(), countingMode: '工作日', overdueCounting: '自然日' },
    blockMonth: '2026-09',
  },
  {
    name: 'c-calendar-workdays',
    today: '2026-02-24',
    seed: 303,
    count: 250,
    settings: {
      ...base(),
      countingMode: '自然日',
      overdueCounting: '工作日',
      nodeDays: { node1: 1, node3: 3, general: 10, major: 20 },
      warnDays: { node1: 1, node3: 2, general: 3, major: 5 },
      nonImplementation: { overdueDays: 5, missedReports: 2, returns: 2, daysAfterUrge: 3 },
      deductions: { nonImplementation: 5, returned: 3, missedReport: 2, falsified: 10 },
    },
  },
  {
    name: 'd-shunyan-calendar',
    today: '2025-10-11',
    seed: 404,
    count: 220,
    settings: {
      ...base(),
      countingMode: '自然日顺延',
      overdueCounting: '自然日',
      weights: { volume: 15, feedback: 25, progress: 20, effect: 20, closure: 20 },
    },
  },
];

/** Items whose dates leave the 日历: the sheet must say 超出日历 (the domain has no such notion). */
const EDGE_ITEMS: LedgerItem[] = [
  makeItem({ id: 'EDGE-0001', section: '外单位', kind: '重大复杂', registeredOn: '2027-12-20', assignedOn: '2027-12-20', state: '已交办' }),
  makeItem({ id: 'EDGE-0002', section: '外单位', registeredOn: '2020-06-01', assignedOn: '2020-06-01', state: '已交办' }),
  // A section missing from 科室人员: the 中心主任 is still first responsible; the others are empty.
  makeItem({ id: 'EDGE-0003', section: '外单位', level: '校党委、行政交办', registeredOn: '2026-11-02', assignedOn: '2026-11-02', state: '已交办' }),
];
const OUT_OF_RANGE = new Set(['EDGE-0001', 'EDGE-0002']);

const OUT = join(BUILD_DIR, 'recalc');
const people = DEFAULT_SECTIONS;
const sectionNames = people.map((p) => p.section);
const cal = createCalendar();

interface Prepared {
  scenario: Scenario;
  items: LedgerItem[];
  records: FeedbackRecord[];
  months: string[];
  file: string;
  out: Partial<Record<Engine, ExcelJS.Workbook>>;
}

const ENGINES = ['LibreOffice', 'Gnumeric'] as const;
type Engine = (typeof ENGINES)[number];

const prepared: Prepared[] = [];
const blankOut: Partial<Record<Engine, ExcelJS.Workbook>> = {};
const sampleOut: Partial<Record<Engine, ExcelJS.Workbook>> = {};
let blankTemplate: ExcelJS.Workbook;
const timings: Record<string, number> = {};

beforeAll(async () => {
  let t0 = Date.now();
  rmSync(OUT, { recursive: true, force: true });
  mkdirSync(join(OUT, 'in'), { recursive: true });
  const files: string[] = [];
  for (const s of SCENARIOS) {
    const sample = generateSample({ count: s.count, seed: s.seed, today: s.today, sections: people, settings: s.settings, cal });
    const items = s.edges ? [...sample.items, ...EDGE_ITEMS] : sample.items;
    const months = defaultMonths(
      items.filter((i) => !OUT_OF_RANGE.has(i.id)),
      s.today,
    );
    const wb = buildTemplate({
      today: s.today,
      items,
      records: sample.records,
      settings: s.settings,
      sections: people,
      months,
      blockMonth: s.blockMonth,
      cache: 'wrong',
    });
    const file = join(OUT, 'in', `${s.name}.xlsx`);
    await writeWorkbook(wb, file);
    files.push(file);
    prepared.push({ scenario: s, items, records: sample.records, months, file, out: {} });
  }
  const blank = join(OUT, 'in', 'blank.xlsx');
  await writeWorkbook(buildTemplate({ cache: 'wrong' }), blank);
  const sample = join(OUT, 'in', 'sample.xlsx');
  await writeWorkbook(buildTemplate({ sampleItems: 200, seed: 7, today: '2026-11-25', cache: 'wrong' }), sample);
  files.push(blank, sample);
  blankTemplate = new ExcelJS.Workbook();
  await blankTemplate.xlsx.readFile(blank);
  timings.generate = Date.now() - t0;

  // The two engines side by side (LibreOffice is one process for the batch, Gnumeric one per file).
  t0 = Date.now();
  const profile = makeProfile();
  const gnumeric = (async () => {
    const g0 = Date.now();
    for (const f of files) await recalcWithGnumeric(f, join(OUT, 'gnumeric'));
    timings.gnumeric = Date.now() - g0;
  })();
  try {
    await convert(files, join(OUT, 'libreoffice'), 'xlsx:Calc MS Excel 2007 XML', profile);
    timings.libreoffice = Date.now() - t0;
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
  await gnumeric;

  t0 = Date.now();
  const read = async (engine: Engine, name: string) => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(OUT, engine === 'LibreOffice' ? 'libreoffice' : 'gnumeric', `${name}.xlsx`));
    return wb;
  };
  for (const engine of ENGINES) {
    for (const p of prepared) p.out[engine] = await read(engine, p.scenario.name);
    blankOut[engine] = await read(engine, 'blank');
    sampleOut[engine] = await read(engine, 'sample');
  }
  timings.readBack = Date.now() - t0;
  // Two engines over six files on a shared two-core machine: generous, timing is the benchmark's job.
}, 1_200_000);

afterAll(() => {
  console.log(`recalc timings (ms): ${JSON.stringify(timings)}`);
});

describe.each(ENGINES)('%s', (engine) => {
  describe.each(SCENARIOS.map((s) => [s.name, s] as const))('%s', (name) => {
    const get = () => prepared.find((p) => p.scenario.name === name)!;

    test('recalculated every formula, without an error value', () => {
      const { errors, stale, formulas } = formulaProblems(get().out[engine]!, WRONG_CACHE);
      expect(formulas).toBeGreaterThan(1000);
      expect(stale.slice(0, 10)).toEqual([]);
      expect(errors.slice(0, 10)).toEqual([]);
    });

    test('every computed 台账 cell equals the domain core', () => {
      const p = get();
      const { mismatches, compared, statuses } = compareLedger(p.out[engine]!, p.items, p.scenario.today, p.scenario.settings, cal, people, (i) =>
        OUT_OF_RANGE.has(i.id),
      );
      if (mismatches.length > 0) throw new Error(`${mismatches.length} of ${compared} cells differ:\n${describe20(mismatches)}`);
      expect(compared).toBeGreaterThanOrEqual(9 * p.scenario.count);
      // The generated data reaches every 预警状态.
      for (const s of ['未交办', '正常', '临近', '逾期', '延期', '按期办结', '逾期办结']) expect([s, statuses[s] ?? 0]).toEqual([s, expect.any(Number)]);
      expect(Object.keys(statuses).sort()).toEqual(['临近', '延期', '按期办结', '未交办', '正常', '逾期', '逾期办结'].sort());
    });

    test('every 月度考核 cell (当月 block and 考核明细) equals monthlyScores', () => {
      const p = get();
      const { mismatches, compared, months, scoredRows } = compareMonthly(p.out[engine]!, {
        items: p.items,
        records: p.records,
        sections: sectionNames,
        today: p.scenario.today,
        settings: p.scenario.settings,
        cal,
      });
      if (mismatches.length > 0) throw new Error(`${mismatches.length} of ${compared} cells differ:\n${describe20(mismatches)}`);
      expect(months).toEqual(p.months);
      expect(scoredRows).toBeGreaterThanOrEqual(3 * sectionNames.length);
    });

    test('the comparison can fail: the domain core for another 今天 disagrees', () => {
      const p = get();
      const wrongToday = addCalendarDays(p.scenario.today, 1);
      const ledger = compareLedger(p.out[engine]!, p.items, wrongToday, p.scenario.settings, cal, people, (i) => OUT_OF_RANGE.has(i.id));
      expect(ledger.mismatches.length).toBeGreaterThan(0);
      const monthly = compareMonthly(p.out[engine]!, {
        items: p.items,
        records: p.records,
        sections: sectionNames,
        today: wrongToday,
        settings: p.scenario.settings,
        cal,
      });
      expect(monthly.mismatches.length).toBeGreaterThan(0);
    });
  });

  test('dates outside 日历 show 超出日历, never an error value', () => {
    const p = prepared.find((x) => x.scenario.edges)!;
    const rows = readSheetTable(p.out[engine]!.getWorksheet('台账')!).rows;
    for (const id of OUT_OF_RANGE) {
      const row = rows.find((r) => r.values['编号'] === id)!;
      for (const col of ['1天应报日', '3天应报日', '办结时限', '预警状态', '逾期天数']) expect([id, col, row.values[col]]).toEqual([id, col, OUT_OF_CALENDAR]);
    }
  });

  test('a blank ledger computes without error values', () => {
    const { errors, stale, formulas } = formulaProblems(blankOut[engine]!, WRONG_CACHE);
    expect(formulas).toBeGreaterThan(2000);
    expect(stale.slice(0, 10)).toEqual([]);
    expect(errors.slice(0, 10)).toEqual([]);
  });

  test('the sample ledger computes without error values and matches the domain core after a read-back', () => {
    const out = sampleOut[engine]!;
    const { errors, stale } = formulaProblems(out, WRONG_CACHE);
    expect(stale.slice(0, 10)).toEqual([]);
    expect(errors.slice(0, 10)).toEqual([]);
    const back = readWorkbook(out);
    expect(back.errors.slice(0, 5)).toEqual([]);
    expect(back.items).toHaveLength(200);
    expect(back.today).toBe('2026-11-25');
    const cal2 = createCalendar(back.overrides);
    const ledger = compareLedger(out, back.items, back.today!, back.settings, cal2, back.sections);
    if (ledger.mismatches.length > 0) throw new Error(describe20(ledger.mismatches));
    const monthly = compareMonthly(out, {
      items: back.items,
      records: back.records,
      sections: back.sections.map((s) => s.section),
      today: back.today!,
      settings: back.settings,
      cal: cal2,
    });
    if (monthly.mismatches.length > 0) throw new Error(describe20(monthly.mismatches));
  });
});

test('conditional formats and data validations are in the template and survive LibreOffice', () => {
  for (const wb of [blankTemplate, sampleOut.LibreOffice!]) {
    const ledger = wb.getWorksheet('台账')! as unknown as {
      conditionalFormattings: { ref: string; rules: unknown[] }[];
      dataValidations: { model: Record<string, { type: string }> };
    };
    const rules = ledger.conditionalFormattings.flatMap((cf) => cf.rules);
    expect(rules.length).toBeGreaterThanOrEqual(7);
    const dv = ledger.dataValidations.model;
    const at = (a: string) => dataValidationAt(dv, a);
    expect(at(`${ledgerLetter('来源类别')}2`)?.type).toBe('list');
    expect(at(`${ledgerLetter('交办日期')}2`)?.type).toBe('date');
    expect(at(`${ledgerLetter('承办科室')}201`)?.type).toBe('list');
    // The template covers entire columns. (LibreOffice re-exports a validation only down to about
    // 1,000 rows below the used area.)
    if (wb === blankTemplate) expect(at(`${ledgerLetter('来源类别')}${LAST_ROW}`)?.type).toBe('list');
    const monthly = wb.getWorksheet('月度考核')! as unknown as { conditionalFormattings: { rules: { type: string }[] }[] };
    expect(monthly.conditionalFormattings.flatMap((cf) => cf.rules).some((r) => r.type === 'colorScale')).toBe(true);
  }
});
