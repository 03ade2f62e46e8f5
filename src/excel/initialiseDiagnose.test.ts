/**
 * The diagnosis of 初始化台账 on its own: a small schema and hand-made observed workbooks, no
 * Office and no double. The end-to-end behaviour (the writes landing in a workbook) is in
 * initialise.test.ts.
 */
import { excel } from '../i18n/excel';
import { defaultSettings } from '../domain/settings';
import { SCHEMA_VERSION, type SheetSpec, type TableSpec } from '../workbook/schema';
import { diagnose, type DiagnoseSchema, type Observed } from './initialiseDiagnose';
import type { Phase, Plan, Write } from './initialisePlan';
import type { SheetRead } from './initialiseProbe';

const TEXT = excel.initialise;

const TABLE: TableSpec = {
  name: '清单',
  headerRow: 1,
  firstCol: 1,
  style: 'TableStyleLight9',
  columns: [
    { header: '编号', kind: 'input', width: 12, locked: false },
    { header: '日期', kind: 'input', width: 12, locked: false, validation: { type: 'date', min: '2000-01-01', max: '2099-12-31' } },
    {
      header: '天数',
      kind: 'formula',
      width: 8,
      locked: true,
      formula: 'IF($B{r}="","",$B{r}-1)',
      rowFreeFormula: 'IF(INDEX($B:$B,ROW())="","",INDEX($B:$B,ROW())-1)',
    },
    { header: '备注', kind: 'input', width: 20, locked: false },
  ],
};
const RULE = { type: 'expression', formula: '$C2>3', fill: 'FFFFC7CE' } as const;
const SHEET: SheetSpec = {
  name: '清单',
  purpose: 'test',
  tables: [TABLE],
  blocks: [],
  cells: [],
  conditionalFormats: [{ range: 'A2:D2', rules: [RULE] }],
  protect: true,
};
const SCHEMA: DiagnoseSchema = { sheets: [SHEET], names: [{ name: '期限', ref: '清单!$F$1' }] };
const INPUTS = { today: '2026-11-20' as const, settings: defaultSettings(), sections: [], detailSections: [] };

/** A workbook holding 清单 as the schema wants it, `rows` body rows; `change` damages it. */
function healthy(rows = 3, change: (o: Observed, read: SheetRead) => void = () => undefined): Observed {
  const read: SheetRead = {
    usedLastRow: rows + 1,
    tables: new Map([
      [
        '清单',
        {
          rowIndex: 0,
          columnIndex: 0,
          bodyRows: rows,
          formulas: [{ header: '天数', formulaCells: rows, first: '=IF($B2="","",$B2-1)', last: `=IF($B${rows + 1}="","",$B${rows + 1}-1)` }],
          validation: [{ header: '日期', type: 'Date', promptTitle: '' }],
        },
      ],
    ]),
    missingTables: new Map(),
    fixed: null,
    cfs: new Map([[0, [{ type: 'Custom', formula: '=$C2>3' }]]]),
  };
  const o: Observed = {
    structure: {
      sheets: new Map([['清单', { name: '清单', protected: true, passwordProtected: false }]]),
      tables: new Map([['清单', { name: '清单', sheet: '清单', columns: TABLE.columns.map((c) => c.header), rows }]]),
      names: new Set(['期限']),
    },
    details: { sheets: new Map([['清单', read]]), sections: null },
  };
  change(o, read);
  return o;
}

function planOf(o: Observed, password?: string): Plan {
  const d = diagnose(SCHEMA, o, INPUTS, password);
  if (!d.ok) throw new Error(`${d.code}: ${d.message}`);
  return d.plan;
}

/** The writes of a phase, by kind (and the fields a test looks at). */
const kinds = (plan: Plan, phase: Phase) => plan.phases[phase].map((s) => s.write.kind);
const writes = <K extends Write['kind']>(plan: Plan, kind: K) =>
  Object.values(plan.phases)
    .flat()
    .map((s) => s.write)
    .filter((w): w is Extract<Write, { kind: K }> => w.kind === kind);

describe('diagnose', () => {
  test('a workbook as the schema wants it: nothing to write', () => {
    const plan = planOf(healthy());
    expect(Object.values(plan.phases).flat()).toEqual([]);
    expect(plan).toMatchObject({ created: [], repaired: [], warnings: [], toProtect: [] });
  });

  test('a missing sheet is built whole and protected; a missing name is added without a repair note for a new sheet', () => {
    const plan = planOf({
      structure: { sheets: new Map(), tables: new Map(), names: new Set() },
      details: { sheets: new Map(), sections: null },
    });
    expect(plan.created).toEqual(['清单']);
    expect(plan.repaired).toEqual([TEXT.name('期限')]);
    expect(kinds(plan, 'structure')).toEqual(['createSheet', 'layoutSheet', 'tableFrame']);
    expect(kinds(plan, 'names')).toEqual(['addName']);
    expect(kinds(plan, 'content')).toEqual(['tableBody', 'conditionalFormats']);
    expect(writes(plan, 'conditionalFormats')).toEqual([{ kind: 'conditionalFormats', address: 'A2:D2', rules: [RULE] }]);
    expect(kinds(plan, 'unprotect')).toEqual([]);
    expect(plan.phases.protect).toEqual([{ sheet: '清单', write: { kind: 'protect' } }]);
  });

  test('a deleted column comes back at its place; the columns right of it get their layout back', () => {
    const plan = planOf(
      healthy(3, (o, read) => {
        o.structure.tables.get('清单')!.columns = ['编号', '天数', '备注'];
        read.tables.get('清单')!.validation = []; // not read: the column is not there
      }),
    );
    expect(plan.repaired).toEqual([TEXT.columnAdded('清单', '日期')]);
    expect(writes(plan, 'addColumn')).toEqual([{ kind: 'addColumn', table: '清单', index: 1, header: '日期' }]);
    expect(writes(plan, 'columnBody')).toMatchObject([{ column: '日期', firstRow: 2, rows: 3, formula: false, validation: true }]);
    expect(writes(plan, 'shiftedColumns')).toEqual([
      {
        kind: 'shiftedColumns',
        headerRow: 1,
        bodyRows: 3,
        columns: [
          { col: 2, hidden: false, width: 12, locked: false },
          { col: 3, hidden: false, width: 8, locked: true },
          { col: 4, hidden: false, width: 20, locked: false },
        ],
      },
    ]);
    // written to a protected sheet: unprotected first, protected again
    expect(kinds(plan, 'unprotect')).toEqual(['unprotect']);
    expect(kinds(plan, 'protect')).toEqual(['protect']);
  });

  test('a formula column typed over, lost validation and a lost colour rule are each rewritten', () => {
    const plan = planOf(
      healthy(3, (_, read) => {
        read.tables.get('清单')!.formulas[0].formulaCells = 2;
        read.tables.get('清单')!.validation[0].type = 'MixedCriteria';
        read.cfs.set(0, []);
      }),
    );
    expect(plan.repaired).toEqual([TEXT.formulaColumn('清单', '天数'), TEXT.validation('清单', '日期'), TEXT.conditionalFormat('清单', '$C2>3')]);
    expect(writes(plan, 'columnBody')).toMatchObject([
      { column: '天数', formula: true, validation: false },
      { column: '日期', formula: false, validation: true },
    ]);
    expect(writes(plan, 'conditionalFormats')).toEqual([{ kind: 'conditionalFormats', address: 'A2:D4', rules: [RULE] }]);
  });

  test('a row the add-in appended (the row-free formula) is healthy', () => {
    const plan = planOf(
      healthy(3, (_, read) => {
        read.tables.get('清单')!.formulas[0].last = '=IF(INDEX($B:$B,ROW())="","",INDEX($B:$B,ROW())-1)';
      }),
    );
    expect(plan.repaired).toEqual([]);
  });

  test('a missing table over matching headers is wrapped; over other content it is left alone with a warning', () => {
    const missing = (headerValues: unknown[]) =>
      healthy(3, (o, read) => {
        o.structure.tables.clear();
        read.tables.clear();
        read.missingTables.set('清单', { headerValues });
        read.cfs.set(0, []); // a table's colour rules go with it
      });
    const wrapped = planOf(missing(TABLE.columns.map((c) => c.header)));
    expect(wrapped.repaired).toEqual([TEXT.tableWrapped('清单', '清单'), TEXT.conditionalFormat('清单', '$C2>3')]);
    expect(writes(wrapped, 'wrapTable')).toMatchObject([{ address: 'A1:D4' }]);
    expect(writes(wrapped, 'tableBody')).toMatchObject([{ bodyRows: 3, clearValidation: true }]);
    expect(writes(wrapped, 'conditionalFormats')).toEqual([{ kind: 'conditionalFormats', address: 'A2:D4', rules: [RULE] }]);

    const other = planOf(missing(['别的', '内容', '', '']));
    expect(other.warnings).toEqual([TEXT.tableUnrepairable('清单', '清单')]);
    expect(Object.values(other.phases).flat()).toEqual([]);
  });

  test('a sheet whose protection was removed is protected again', () => {
    const plan = planOf(healthy(3, (o) => (o.structure.sheets.get('清单')!.protected = false)));
    expect(plan.repaired).toEqual([TEXT.protection('清单')]);
    expect(plan.toProtect).toEqual(['清单']);
    expect(kinds(plan, 'unprotect')).toEqual([]);
  });

  test('refusals: a password-protected sheet to write to without the password; a newer 结构版本', () => {
    const locked = (o: Observed, read: SheetRead) => {
      o.structure.sheets.get('清单')!.passwordProtected = true;
      read.cfs.set(0, []);
    };
    expect(diagnose(SCHEMA, healthy(3, locked), INPUTS, undefined)).toEqual({ ok: false, code: 'password-required', message: TEXT.passwordRequired(['清单']) });
    expect(planOf(healthy(3, locked), 'pw')).toMatchObject({ password: 'pw', toProtect: ['清单'] });

    const newer = healthy(3, (o) => {
      o.structure.sheets.set('设置', { name: '设置', protected: false, passwordProtected: false });
      o.details.sheets.set('设置', {
        usedLastRow: 2,
        tables: new Map(),
        missingTables: new Map(),
        cfs: new Map(),
        fixed: { values: [['名称'], ['结构版本', SCHEMA_VERSION + 1]], formulas: [] },
      });
    });
    expect(diagnose(SCHEMA, newer, INPUTS, undefined)).toEqual({
      ok: false,
      code: 'schema-newer',
      message: TEXT.newerVersion(SCHEMA_VERSION + 1, SCHEMA_VERSION),
    });
  });
});
