import { createExcelDouble, definedNames, hiddenColumns, mergedAreas, pageLayoutOf, type ExcelDouble } from './double';
import { sheetPrintSetup } from '../workbook/print';
import { INITIALISE_SYNCS, canonicalFormula, formulaForRow, initialiseLedger, widthToPoints, type InitialiseReport } from './initialise';
import { withSelfRefreshingRules } from './cfRefresh';
import { LEDGER_PROTECTION_OPTIONS } from './protection';
import { LEDGER_SHEETS } from '../workbook/ledgerSheets';
import { itemCells, tableRow } from './ledgerCodec';
import { calendarRows } from '../workbook/calendarRows';
import { generateSample } from '../workbook/sample';
import { DEFAULT_SECTIONS } from '../workbook/sections';
import { SCHEMA_VERSION, SETTING_ROWS, WORKBOOK_SCHEMA, columnLetter, settingRow, sheetSpec, type TableSpec } from '../workbook/schema';
import type { Result } from '../domain/result';

const TODAY = '2026-11-20';
const LEDGER = sheetSpec('台账').tables[0];

function value<T>(r: Result<T>): T {
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.value;
}

async function fresh(password?: string): Promise<ExcelDouble> {
  const xl = createExcelDouble({ sheets: ['Sheet1'], workbookName: '督办台账.xlsx' });
  value(await initialiseLedger(xl.run, { today: TODAY, password }));
  return xl;
}

/** A ledger with `n` realistic 台账 rows (formula columns as the add-in writes them) and a few 反馈记录. */
async function ledgerWithRows(n: number, password?: string): Promise<ExcelDouble> {
  const xl = await fresh(password);
  const sample = generateSample({ count: Math.min(n, 100), seed: 7, today: TODAY });
  const headers = LEDGER.columns.map((c) => c.header);
  const rows = Array.from({ length: n }, (_, i) =>
    tableRow(headers, LEDGER.columns, itemCells({ ...sample.items[i % sample.items.length], id: `DB-2026-${String(i + 1).padStart(5, '0')}` })),
  );
  xl.workbook.sheet('台账').setFormulas(`A2:${columnLetter(headers.length)}${n + 1}`, rows);
  const records = sheetSpec('反馈记录').tables[0];
  xl.workbook.sheet('反馈记录').setFormulas('A2:H3', [
    tableRow(
      records.columns.map((c) => c.header),
      records.columns,
      { 编号: 'DB-2026-00001', 类型: '1天反馈', 日期: 46345, 内容: '已研究部署', 操作ID: 'op-1' },
    ),
    tableRow(
      records.columns.map((c) => c.header),
      records.columns,
      { 编号: 'DB-2026-00002', 类型: '催办', 日期: 46346, 内容: '电话催办', 操作ID: 'op-2' },
    ),
  ]);
  expect(xl.workbook.table('台账').rowCount).toBe(n);
  xl.stats.reset();
  return xl;
}

/** Every input cell of every ledger table (by table and header), 设置 values and 月度考核 B2. */
function inputs(xl: ExcelDouble, except: readonly string[] = []): string {
  const out: Record<string, unknown> = {};
  for (const sheet of WORKBOOK_SCHEMA.sheets.filter((x) => !except.includes(x.name))) {
    for (const table of sheet.tables) {
      const t = xl.workbook.tables.find((x) => x.name === table.name);
      if (!t) continue;
      const snap = xl.workbook.table(table.name);
      for (const c of table.columns) {
        if (c.kind !== 'input') continue;
        const i = snap.columns.indexOf(c.header);
        out[`${table.name}[${c.header}]`] = i < 0 ? null : snap.formulas.map((row) => row[i]);
      }
    }
  }
  if (xl.workbook.findSheet('设置')) out['设置!B'] = xl.workbook.sheet('设置').getFormulas(`B1:B${SETTING_ROWS.length + 1}`);
  if (xl.workbook.findSheet('月度考核')) out['月度考核!B2'] = xl.workbook.sheet('月度考核').getFormulas('B2');
  return JSON.stringify(out);
}

/** Everything the double knows about the workbook, for "nothing changed" checks. */
function everything(xl: ExcelDouble): string {
  const wb = xl.workbook;
  return JSON.stringify({
    sheets: wb.sheetNames().map((name) => {
      const s = wb.sheet(name);
      return {
        grid: s.snapshotGrid(3000, 60),
        protection: s.protection,
        freeze: [s.freezeRows, s.freezeColumns],
        merges: mergedAreas(s),
        hidden: hiddenColumns(s),
        widths: [...s.colWidth],
        tab: s.tabColor,
      };
    }),
    names: definedNames(wb),
  });
}

const bodyFormulas = (xl: ExcelDouble, table: string, header: string) => {
  const t = xl.workbook.table(table);
  const i = t.columns.indexOf(header);
  return t.formulas.map((row) => row[i]);
};

function expectTableAsSchema(xl: ExcelDouble, sheet: string, table: TableSpec): void {
  const t = xl.workbook.table(table.name);
  expect(t.sheet).toBe(sheet);
  expect(t.headerAddress).toBe(
    `${sheet}!${columnLetter(table.firstCol)}${table.headerRow}:${columnLetter(table.firstCol + table.columns.length - 1)}${table.headerRow}`,
  );
  expect(t.columns).toEqual(table.columns.map((c) => c.header));
  table.columns.forEach((c, i) => {
    if (c.kind !== 'formula' || !c.formula) return;
    // the formula at the row, or its row-free form (rows the add-in appended)
    t.formulas.forEach((row, k) => expect([`=${formulaForRow(c.formula!, table.headerRow + 1 + k)}`, `=${c.rowFreeFormula ?? c.formula}`]).toContain(row[i]));
  });
}

describe('initialiseLedger: a new ledger', () => {
  let xl: ExcelDouble;
  let report: InitialiseReport;

  beforeAll(async () => {
    xl = createExcelDouble({ sheets: ['Sheet1'] });
    report = value(await initialiseLedger(xl.run, { today: TODAY }));
  });

  test('creates every sheet of LEDGER_SHEETS in three syncs, the 日历 as one array', () => {
    expect(report.createdSheets).toEqual([...LEDGER_SHEETS]);
    expect(report.repaired).toEqual([]);
    expect(report.warnings).toEqual([]);
    expect(report.schemaVersion).toEqual({ before: null, after: SCHEMA_VERSION });
    expect(xl.workbook.sheetNames()).toEqual(['Sheet1', ...LEDGER_SHEETS]);
    expect(xl.stats.syncs).toBe(INITIALISE_SYNCS);
    expect(xl.stats.runs).toBe(1);
    expect(xl.stats.rowsAddCalls).toBe(0);
    // ~2,500 日历 rows × 4 cells written cell by cell would be ≥ 10,000 operations.
    expect(xl.stats.operations).toBeLessThan(3000);
  });

  test('tables, headers and body formulas equal the schema', () => {
    for (const sheet of WORKBOOK_SCHEMA.sheets) for (const table of sheet.tables) expectTableAsSchema(xl, sheet.name, table);
  });

  test('seed data: 日历 rows, example 科室人员, 考核明细 months × sections', () => {
    const cal = calendarRows();
    const t = xl.workbook.table('日历');
    expect(t.rowCount).toBe(cal.length);
    expect(t.values[0].slice(0, 2)).toEqual([44197, cal[0].workday]);
    expect(xl.workbook.sheet('日历').getText('A2')).toEqual([['2021-01-01']]);
    expect(t.values.map((r) => r[1])).toEqual(cal.map((r) => r.workday));
    expect(xl.workbook.table('科室人员').values.map((r) => r.slice(0, 3))).toEqual(DEFAULT_SECTIONS.map((s) => [s.section, s.chief, s.deputy]));
    const detail = xl.workbook.table('考核明细');
    expect(detail.rowCount).toBe(12 * DEFAULT_SECTIONS.length);
    expect(xl.workbook.sheet('月度考核').getText(detail.bodyAddress.replace(/:.*/, '').replace('月度考核!', ''))).toEqual([['2026年1月']]);
    expect(xl.workbook.table('台账').rowCount).toBe(1);
  });

  test('设置: names, values, notes, =TODAY(), 结构版本; defined names point at them', () => {
    const s = xl.workbook.sheet('设置');
    for (const row of SETTING_ROWS) {
      const r = settingRow(row.name);
      expect(s.getValues(`A${r}`)).toEqual([[row.name]]);
    }
    expect(s.getFormulas(`B${settingRow('今天')}`)).toEqual([['=TODAY()']]);
    expect(s.getValues(`B${settingRow('结构版本')}`)).toEqual([[SCHEMA_VERSION]]);
    expect(s.getValues(`B${settingRow('计时方式')}`)).toEqual([['自然日顺延']]);
    expect(s.cellAt(`B${settingRow('计时方式')}`).locked).toBe(false);
    expect(s.cellAt(`B${settingRow('结构版本')}`).locked).toBe(true);
    expect(definedNames(xl.workbook).map((n) => [n.name, n.formula])).toEqual(WORKBOOK_SCHEMA.names.map((n) => [n.name, `=${n.ref}`]));
  });

  test('台账: validation on the body (not below it), conditional formats, locks, formats, layout', () => {
    const s = xl.workbook.sheet('台账');
    const col = (h: string) => columnLetter(LEDGER.columns.findIndex((c) => c.header === h) + 1);
    const assigned = s.cellAt(`${col('交办日期')}2`);
    expect(assigned.validation?.rule).toEqual({ date: { formula1: '2000-01-01', formula2: '2099-12-31', operator: 'Between' } });
    expect(assigned.validation?.prompt).toMatchObject({ showPrompt: true, title: '交办日期' });
    expect(assigned.validation?.errorAlert).toMatchObject({ showAlert: true, style: 'Stop', title: '请输入日期' });
    expect(assigned.numberFormat).toBe('yyyy-mm-dd');
    expect(assigned.locked).toBe(false);
    expect(s.cellAt(`${col('交办日期')}3`).validation).toBeUndefined(); // below the table: none (getRowsBelow)
    expect(s.cellAt(`${col('交办日期')}3`).locked).toBe(false); // column-level unlock
    const section = s.cellAt(`${col('承办科室')}2`).validation!;
    expect(section.rule).toEqual({ list: { inCellDropDown: true, source: '=科室人员!$A$2:$A$200' } });
    expect(section.errorAlert).toMatchObject({ style: 'Warning' });
    expect(s.cellAt(`${col('事项类型')}2`).validation?.rule).toEqual({ list: { inCellDropDown: true, source: '一般,重大复杂' } });
    expect(s.cellAt(`${col('退回次数')}2`).validation?.rule).toEqual({ wholeNumber: { formula1: 0, formula2: 999, operator: 'Between' } });

    const status = s.cellAt(`${col('预警状态')}2`);
    expect(status.locked).toBe(true);
    expect(status.fill).toBe('#F2F2F2');
    expect(s.cellAt('A1')).toMatchObject({ locked: true, bold: true, fontColor: '#FFFFFF', fill: '#1F4E79' });

    // The schema's rules plus the 预警状态 column's own (office-js #5299, cfRefresh.ts).
    const spec = withSelfRefreshingRules(sheetSpec('台账'));
    const rules = spec.conditionalFormats.flatMap((cf) => cf.rules);
    const cfs = s.conditionalFormats();
    expect(cfs).toHaveLength(rules.length);
    // In the schema's priority order (first rule on top), over the table body.
    expect(cfs.map((c) => c.rule.formula)).toEqual(rules.map((r) => (r.type === 'expression' ? `=${r.formula}` : undefined)));
    // Over the table's body (one row in a new ledger), not BODY_ROWS rows: they follow the table as it grows.
    expect(cfs.map((c) => c.address)).toEqual(
      spec.conditionalFormats.flatMap((cf) => cf.rules.map(() => `台账!${cf.range.replace(/(\d+)$/, '2').replace(/^([A-Z]+)2:\1(2)$/, '$1$2')}`)),
    );

    expect([s.freezeRows, s.freezeColumns]).toEqual([1, 1]);
    expect(s.tabColor).toBe('#1F4E79');
    expect(hiddenColumns(s)).toEqual(LEDGER.columns.flatMap((c, i) => (c.hidden ? [i] : [])));
    expect(s.colWidth.get(0)).toBe(widthToPoints(LEDGER.columns[0].width));
  });

  test("protection: the schema's protected sheets are protected with the ledger options", () => {
    for (const sheet of WORKBOOK_SCHEMA.sheets) {
      const p = xl.workbook.sheet(sheet.name).protection;
      expect([sheet.name, p.protected]).toEqual([sheet.name, sheet.protect]);
      if (sheet.protect) expect(p.options).toEqual(LEDGER_PROTECTION_OPTIONS);
    }
  });

  test('printing: every sheet gets the print setup the template has (paper, fit, titles, footer)', () => {
    const paper = { A4: 'A4', A3: 'A3' } as const;
    for (const sheet of WORKBOOK_SCHEMA.sheets) {
      const want = sheetPrintSetup(sheet);
      const got = pageLayoutOf(xl.workbook.sheet(sheet.name));
      expect([sheet.name, got.paperSize, got.orientation]).toEqual([
        sheet.name,
        paper[want.paper],
        want.orientation === 'landscape' ? 'Landscape' : 'Portrait',
      ]);
      expect(got.zoom).toEqual({ horizontalFitToPages: want.fitToWidth, verticalFitToPages: want.fitToHeight });
      expect(got.leftMargin).toBeCloseTo(want.margins.left * 72);
      expect(got.printTitleRows).toBe(want.titleRows ? '$1:$1' : null);
      expect(got.headersFooters.centerFooter).toBe(want.footer.center ?? '');
      expect(got.showGridlines).toBe(want.gridlines);
    }
    expect(pageLayoutOf(xl.workbook.sheet('台账'))).toMatchObject({ paperSize: 'A3', printTitleColumns: '$A:$A', printOrder: 'OverThenDown' });
  });

  test('月度考核: block formulas per row, fixed cells, merges, freeze panes', () => {
    const s = xl.workbook.sheet('月度考核');
    const spec = sheetSpec('月度考核');
    const block = spec.blocks[0];
    block.columns.forEach((c, i) => {
      if (!c.formula) return;
      const letter = columnLetter(block.firstCol + i);
      expect(s.getFormulas(`${letter}${block.firstRow + 3}`)).toEqual([[`=${formulaForRow(c.formula, block.firstRow + 3)}`]]);
    });
    for (const cell of spec.cells) {
      if (cell.formula) expect(s.getFormulas(cell.address)).toEqual([[`=${cell.formula}`]]);
      if (cell.mergeTo) expect(mergedAreas(s)).toContain(`${cell.address}:${cell.mergeTo}`);
    }
    expect(s.cellAt('B2').locked).toBe(false);
    expect([s.freezeRows, s.freezeColumns]).toEqual([spec.freeze!.row, spec.freeze!.col]);
  });

  test('running it again changes nothing', async () => {
    const before = everything(xl);
    xl.stats.reset();
    const again = value(await initialiseLedger(xl.run, { today: TODAY }));
    expect(again).toEqual({ createdSheets: [], repaired: [], warnings: [], schemaVersion: { before: SCHEMA_VERSION, after: SCHEMA_VERSION } });
    expect(xl.stats.syncs).toBe(INITIALISE_SYNCS);
    expect(everything(xl)).toBe(before);
  });
});

describe('initialiseLedger: sync budget', () => {
  test.each([100, 5000])(
    'repairing a ledger of %i rows costs three syncs',
    async (n) => {
      const xl = await ledgerWithRows(n);
      const s = xl.workbook.sheet('台账');
      const status = columnLetter(LEDGER.columns.findIndex((c) => c.header === '预警状态') + 1);
      s.setValues(`${status}${n}`, [['手填']]);
      const before = inputs(xl);
      const report = value(await initialiseLedger(xl.run, { today: TODAY }));
      expect(report.repaired).toEqual(['台账：恢复“预警状态”列公式']);
      expect(xl.stats.syncs).toBe(INITIALISE_SYNCS);
      expect(xl.stats.rowsAddCalls).toBe(0);
      expect(inputs(xl)).toBe(before);
      const f = LEDGER.columns.find((c) => c.header === '预警状态')!.formula!;
      expect(bodyFormulas(xl, '台账', '预警状态')).toEqual(Array.from({ length: n }, (_, k) => `=${formulaForRow(f, k + 2)}`));
    },
    60000,
  );
});

describe('initialiseLedger: repair', () => {
  test('restores an overwritten formula column and a deleted sheet; no input cell changes', async () => {
    const xl = await ledgerWithRows(100);
    const wb = xl.workbook;
    const s = wb.sheet('台账');
    const letter = (h: string) => columnLetter(LEDGER.columns.findIndex((c) => c.header === h) + 1);
    s.setValues(`${letter('预警状态')}5:${letter('预警状态')}7`, [['正常'], ['正常'], ['']]); // typed over
    s.setValues(`${letter('办结时限')}2`, [['=TODAY()+7']]); // another formula in the first row
    wb.deleteSheet(wb.sheet('日历'));
    const before = inputs(xl, ['日历']);
    const report = value(await initialiseLedger(xl.run, { today: TODAY }));
    expect(report.createdSheets).toEqual(['日历']);
    expect(report.repaired).toEqual(['台账：恢复“办结时限”列公式', '台账：恢复“预警状态”列公式']);
    expect(xl.stats.syncs).toBe(INITIALISE_SYNCS);
    expect(inputs(xl, ['日历'])).toBe(before);
    expectTableAsSchema(xl, '台账', LEDGER);
    expectTableAsSchema(xl, '日历', sheetSpec('日历').tables[0]);
    expect(wb.sheet('日历').protection.protected).toBe(true);
    expect(wb.sheetNames()).toEqual(['Sheet1', ...LEDGER_SHEETS]); // back at its tab
    expect(xl.workbook.table('台账').rowCount).toBe(100);
    // Idempotent afterwards.
    const after = everything(xl);
    expect(value(await initialiseLedger(xl.run, { today: TODAY })).repaired).toEqual([]);
    expect(everything(xl)).toBe(after);
  });

  test('adds a deleted column back at its place, with formulas, validation and locks', async () => {
    const xl = await ledgerWithRows(20);
    const s = xl.workbook.sheet('台账');
    s.unprotect();
    await xl.run(async (context) => context.workbook.tables.getItem('台账').columns.getItem('预警状态').delete());
    await xl.run(async (context) => context.workbook.tables.getItem('台账').columns.getItem('交办日期').delete());
    s.protect(LEDGER_PROTECTION_OPTIONS as Record<string, boolean | string>);
    const before = inputs(xl);
    const report = value(await initialiseLedger(xl.run, { today: TODAY }));
    expect(report.repaired).toEqual(['台账：补充“交办日期”列', '台账：补充“预警状态”列']);
    const t = xl.workbook.table('台账');
    expect(t.columns).toEqual(LEDGER.columns.map((c) => c.header));
    expectTableAsSchema(xl, '台账', LEDGER);
    // The re-added input column is empty (its values were deleted with it); the others are as they were.
    const after = JSON.parse(inputs(xl)) as Record<string, unknown>;
    const was = JSON.parse(before) as Record<string, unknown>;
    expect(after['台账[交办日期]']).toEqual(Array(20).fill(''));
    delete after['台账[交办日期]'];
    delete was['台账[交办日期]'];
    expect(after).toEqual(was);
    const assigned = s.cellAt(`${columnLetter(LEDGER.columns.findIndex((c) => c.header === '交办日期') + 1)}3`);
    expect(assigned.locked).toBe(false);
    expect(assigned.validation?.rule).toHaveProperty('date');
    expect(s.protection.protected).toBe(true);
    expect(value(await initialiseLedger(xl.run, { today: TODAY })).repaired).toEqual([]);
  });

  test('re-adds lost validation, conditional formats, defined names and 设置 rows', async () => {
    const xl = await ledgerWithRows(10);
    const wb = xl.workbook;
    const s = wb.sheet('台账');
    const letter = (h: string) => columnLetter(LEDGER.columns.findIndex((c) => c.header === h) + 1);
    s.unprotect();
    await xl.run(async (context) =>
      context.workbook.worksheets
        .getItem('台账')
        .getRange(`${letter('交办日期')}2:${letter('交办日期')}5`)
        .dataValidation.clear(),
    );
    s.cfs.splice(1, 1);
    s.protect(LEDGER_PROTECTION_OPTIONS as Record<string, boolean | string>);
    await xl.run(async (context) => context.workbook.names.getItem('计时方式').delete());
    const settings = wb.sheet('设置');
    const r = settingRow('中心主任');
    settings.setValues(`A${r}:C${r}`, [['', '', '']]);
    const before = inputs(xl);
    const report = value(await initialiseLedger(xl.run, { today: TODAY }));
    const lost = withSelfRefreshingRules(sheetSpec('台账')).conditionalFormats[0].rules[1];
    expect(report.repaired).toEqual([
      '台账：恢复“交办日期”列数据验证',
      `台账：恢复条件格式（${lost.type === 'expression' ? lost.formula : '色阶'}）`,
      '设置：恢复“中心主任”行',
      '恢复名称“计时方式”',
    ]);
    expect(s.conditionalFormats()).toHaveLength(withSelfRefreshingRules(sheetSpec('台账')).conditionalFormats.flatMap((c) => c.rules).length);
    expect(s.cellAt(`${letter('交办日期')}3`).validation?.rule).toHaveProperty('date');
    expect(settings.getValues(`A${r}:B${r}`)).toEqual([['中心主任', '杨光明']]);
    expect(definedNames(wb).map((n) => n.name)).toContain('计时方式');
    // 设置 中心主任 was empty (the row was gone): written with the default; every other input is as before.
    const after = JSON.parse(inputs(xl)) as Record<string, unknown[][]>;
    const was = JSON.parse(before) as Record<string, unknown[][]>;
    after['设置!B'][r - 1] = [''];
    expect(after).toEqual(was);
    expect(value(await initialiseLedger(xl.run, { today: TODAY })).repaired).toEqual([]);
  });

  test('upgrade from a v0 ledger: lost formulas and a conditional format come back, 结构版本 is raised', async () => {
    const xl = await ledgerWithRows(30);
    const wb = xl.workbook;
    const s = wb.sheet('台账');
    const overdue = columnLetter(LEDGER.columns.findIndex((c) => c.header === '逾期天数') + 1);
    s.setValues(
      `${overdue}2:${overdue}31`,
      Array.from({ length: 30 }, () => ['']),
    );
    s.cfs.splice(0, 1);
    wb.sheet('设置').setValues(`B${settingRow('结构版本')}`, [[0]]);
    const before = inputs(xl);
    const report = value(await initialiseLedger(xl.run, { today: TODAY }));
    const first = withSelfRefreshingRules(sheetSpec('台账')).conditionalFormats[0].rules[0];
    expect(report.repaired).toEqual([
      '台账：恢复“逾期天数”列公式',
      `台账：恢复条件格式（${first.type === 'expression' ? first.formula : '色阶'}）`,
      `设置：结构版本 0 → ${SCHEMA_VERSION}`,
    ]);
    expect(report.schemaVersion).toEqual({ before: 0, after: SCHEMA_VERSION });
    expect(wb.sheet('设置').getValues(`B${settingRow('结构版本')}`)).toEqual([[SCHEMA_VERSION]]);
    const f = LEDGER.columns.find((c) => c.header === '逾期天数')!.formula!;
    expect(bodyFormulas(xl, '台账', '逾期天数')).toEqual(bodyFormulas(xl, '台账', '逾期天数').map((_, k) => `=${formulaForRow(f, k + 2)}`));
    expect(xl.stats.syncs).toBe(INITIALISE_SYNCS);
    const after = JSON.parse(inputs(xl)) as Record<string, unknown[][]>;
    const was = JSON.parse(before) as Record<string, unknown[][]>;
    after['设置!B'][settingRow('结构版本') - 1] = [0];
    expect(after).toEqual(was);
  });

  test('a ledger from a newer add-in is left alone', async () => {
    const xl = await fresh();
    xl.workbook.sheet('设置').setValues(`B${settingRow('结构版本')}`, [[SCHEMA_VERSION + 1]]);
    xl.workbook.sheet('台账').setValues('Y2', [['x']]);
    const before = everything(xl);
    xl.stats.reset();
    const r = await initialiseLedger(xl.run, { today: TODAY });
    expect(r).toMatchObject({ ok: false, error: { code: 'schema-newer' } });
    expect(xl.stats.syncs).toBe(2);
    expect(everything(xl)).toBe(before);
  });

  test('an empty sheet of a ledger name is built in place; a table missing over matching headers is restored', async () => {
    const xl = createExcelDouble({ sheets: ['台账'] });
    const report = value(await initialiseLedger(xl.run, { today: TODAY }));
    expect(report.repaired).toEqual(['台账：在空白工作表上建立结构']);
    expect(report.createdSheets).toEqual(LEDGER_SHEETS.filter((s) => s !== '台账'));
    expectTableAsSchema(xl, '台账', LEDGER);
    expect(xl.workbook.sheet('台账').protection.protected).toBe(true);

    // 问题清单 converted to a plain range by someone: the table comes back over the same cells.
    const list = sheetSpec('问题清单');
    const s = xl.workbook.sheet('问题清单');
    s.setValues(`A2:C3`, [
      [1, 'DB-2026-0001', '屋面漏水'],
      [2, 'DB-2026-0002', '路灯'],
    ]);
    await xl.run(async (context) => void context.workbook.tables.getItem('问题清单').convertToRange());
    const again = value(await initialiseLedger(xl.run, { today: TODAY }));
    expect(again.repaired).toEqual(['问题清单：恢复表格“问题清单”']);
    const t = xl.workbook.table('问题清单');
    expect(t.columns).toEqual(list.tables[0].columns.map((c) => c.header));
    expect(t.values.map((r) => r.slice(0, 3))).toEqual([
      [1, 'DB-2026-0001', '屋面漏水'],
      [2, 'DB-2026-0002', '路灯'],
    ]);
  });

  test('a table gone while other content occupies its place is reported, not overwritten', async () => {
    const xl = await fresh();
    const s = xl.workbook.sheet('操作日志');
    await xl.run(async (context) => void context.workbook.tables.getItem('操作日志').convertToRange());
    s.setValues('A1:B2', [
      ['别的', '内容'],
      ['x', 'y'],
    ]);
    const report = value(await initialiseLedger(xl.run, { today: TODAY }));
    expect(report.warnings).toEqual(['操作日志：找不到表格“操作日志”，且该位置已有其他内容，未自动修复，请手工处理。']);
    expect(s.getValues('A1:B2')).toEqual([
      ['别的', '内容'],
      ['x', 'y'],
    ]);
  });
});

describe('initialiseLedger: protection', () => {
  test('a password-protected ledger is unprotected for the repair and protected again with the same password', async () => {
    const xl = await ledgerWithRows(10, 'pw');
    const s = xl.workbook.sheet('台账');
    expect(s.protection).toMatchObject({ protected: true, password: 'pw' });
    s.setValues(`${columnLetter(LEDGER.columns.findIndex((c) => c.header === '预警状态') + 1)}3`, [['正常']]);
    const report = value(await initialiseLedger(xl.run, { today: TODAY, password: 'pw' }));
    expect(report.repaired).toEqual(['台账：恢复“预警状态”列公式']);
    expect(s.protection).toMatchObject({ protected: true, password: 'pw', options: LEDGER_PROTECTION_OPTIONS });
    // Sheets that were not written to stay as they were.
    expect(xl.workbook.sheet('日历').protection).toMatchObject({ protected: true, password: 'pw' });
  });

  test('the password can come from 设置 保护密码', async () => {
    const xl = await ledgerWithRows(5, 'pw');
    xl.workbook.sheet('设置').setValues(`B${settingRow('保护密码')}`, [['pw']]);
    xl.workbook.sheet('台账').setValues(`${columnLetter(LEDGER.columns.findIndex((c) => c.header === '预警状态') + 1)}3`, [['正常']]);
    const report = value(await initialiseLedger(xl.run, { today: TODAY }));
    expect(report.repaired).toEqual(['台账：恢复“预警状态”列公式']);
    expect(xl.workbook.sheet('台账').protection).toMatchObject({ protected: true, password: 'pw' });
  });

  test('without the password nothing is written', async () => {
    const xl = await ledgerWithRows(5, 'pw');
    xl.workbook.sheet('台账').setValues(`${columnLetter(LEDGER.columns.findIndex((c) => c.header === '预警状态') + 1)}3`, [['正常']]);
    const before = everything(xl);
    // Excel on the web (ExcelApiOnline 1.1) tells beforehand; platforms.test.ts covers the others.
    const r = await initialiseLedger(xl.run, { today: TODAY, requirements: xl.office.context.requirements });
    expect(r).toMatchObject({ ok: false, error: { code: 'password-required' } });
    expect(everything(xl)).toBe(before);
  });

  test('a wrong password: the write fails, protection is put back', async () => {
    const xl = await ledgerWithRows(5, 'pw');
    const s = xl.workbook.sheet('台账');
    s.setValues(`${columnLetter(LEDGER.columns.findIndex((c) => c.header === '预警状态') + 1)}3`, [['正常']]);
    xl.workbook.sheet('日历').unprotect();
    xl.workbook.sheet('日历').protect(LEDGER_PROTECTION_OPTIONS as Record<string, boolean | string>, 'other');
    xl.workbook.sheet('日历').setValues('C5', [[0]]);
    const r = await initialiseLedger(xl.run, { today: TODAY, password: 'pw' });
    expect(r).toMatchObject({ ok: false, error: { code: 'write-failed' } });
    for (const sheet of WORKBOOK_SCHEMA.sheets.filter((x) => x.protect)) {
      expect([sheet.name, xl.workbook.sheet(sheet.name).protection.protected]).toEqual([sheet.name, true]);
    }
  });

  test('a sheet whose protection was removed is protected again (and said so)', async () => {
    const xl = await fresh();
    xl.workbook.sheet('反馈记录').unprotect();
    const report = value(await initialiseLedger(xl.run, { today: TODAY }));
    expect(report.repaired).toEqual(['反馈记录：恢复工作表保护']);
    expect(xl.workbook.sheet('反馈记录').protection).toMatchObject({ protected: true, options: LEDGER_PROTECTION_OPTIONS });
  });
});

describe('canonicalFormula', () => {
  test('the long and short structured-reference forms, case and spacing are the same formula', () => {
    expect(canonicalFormula('=IF(台账[[#This Row],[交办日期]]="","",台账[[#This Row],[1天应报日]])', '台账')).toBe(
      canonicalFormula('=if( [@交办日期]="" , "", [@[1天应报日]] )', '台账'),
    );
    expect(canonicalFormula('=COUNTIFS(台账[承办科室],$B6)', '台账')).toBe(canonicalFormula('=COUNTIFS([承办科室],$B6)', '台账'));
    expect(canonicalFormula('=IF(A1="a b","x")')).not.toBe(canonicalFormula('=IF(A1="ab","x")'));
    expect(canonicalFormula('=科室人员[科室]', '台账')).toBe('科室人员[科室]');
  });
});
