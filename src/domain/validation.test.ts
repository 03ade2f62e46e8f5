import fc from 'fast-check';
import { FEEDBACK_INPUT_COLUMNS, LEDGER_INPUT_COLUMNS, validateFeedbackRow, validateLedgerRow, type CellError, type LedgerRowContext } from './validation';
import { ASSIGN_LEVELS, GRADES, ITEM_KINDS, SOURCE_CATEGORIES, WORKFLOW_STATES, type LedgerItem } from './types';
import { civilFromDayNumber, dayNumberFromCivil, isoToSerial } from './parseDate';

/** Column letters of a sheet layout: A, B, …, Z, AA, … */
function letters(headers: string[]): Record<string, string> {
  const out: Record<string, string> = {};
  headers.forEach((h, i) => {
    let n = i + 1;
    let s = '';
    while (n > 0) {
      s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
      n = Math.floor((n - 1) / 26);
    }
    out[h] = s;
  });
  return out;
}

// The sheet interleaves computed columns (责任人) with input columns, as the real 台账 does.
const LEDGER_LAYOUT = LEDGER_INPUT_COLUMNS.map((c) => c.header);
LEDGER_LAYOUT.splice(8, 0, '第一责任人', '分管责任人', '直接责任人');
const SECTIONS = ['总务科', '物业管理科', '膳食科', '党政办公室'];
const ctx: LedgerRowContext = { sheet: '台账', rowNumber: 12, columnLetters: letters(LEDGER_LAYOUT), sections: SECTIONS };

const validRow = (): Record<string, unknown> => ({
  编号: 'DB-2026-0012',
  立项日期: '2026-03-04',
  来源类别: '学校重点工作、重点建设项目',
  交办层级: '中心党总支、中心交办',
  事项内容: '学生公寓热水系统维修',
  '目标任务/工作要求': '3月底前恢复全部楼栋热水供应',
  承办科室: '物业管理科',
  协办科室: '总务科',
  事项类型: '一般',
  交办日期: '2026-03-05',
  完成时限: '',
  延期批准日: null,
  延期完成时限: undefined,
  延期节点: '',
  '1天反馈日': '2026-03-06',
  '3天反馈日': '',
  落实反馈日: '',
  最近进展: '已完成方案制定',
  办理状态: '办理中',
  申请办结日: '',
  初核日期: '',
  审定日期: '',
  销号日期: '',
  评价等级: '',
  退回次数: 0,
  催办次数: '',
  最近催办日: '',
  敷衍推诿认定日: '',
  弄虚作假认定日: '',
  关联编号: '',
  备注: '',
});

const codes = (errors: CellError[]) => errors.map((e) => `${e.header}:${e.code}`).sort();

describe('validateLedgerRow: a valid row', () => {
  test('parses into a LedgerItem with no errors', () => {
    const r = validateLedgerRow(validRow(), ctx);
    expect(r.errors).toEqual([]);
    expect(r.notes).toEqual([]);
    expect(r.item).toEqual<LedgerItem>({
      id: 'DB-2026-0012',
      registeredOn: '2026-03-04',
      source: '学校重点工作、重点建设项目',
      level: '中心党总支、中心交办',
      content: '学生公寓热水系统维修',
      requirement: '3月底前恢复全部楼栋热水供应',
      section: '物业管理科',
      coSections: '总务科',
      kind: '一般',
      assignedOn: '2026-03-05',
      explicitDeadline: null,
      extensionApprovedOn: null,
      extensionDeadline: null,
      extensionNodes: '',
      report1On: '2026-03-06',
      report3On: null,
      reportFinalOn: null,
      progress: '已完成方案制定',
      state: '办理中',
      appliedOn: null,
      checkedOn: null,
      approvedOn: null,
      closedOn: null,
      grade: null,
      returnCount: 0,
      urgeCount: 0,
      lastUrgedOn: null,
      perfunctoryOn: null,
      falsifiedOn: null,
      linkedId: '',
      note: '',
      evidence: '',
    });
  });

  test('a row without a 佐证材料 column (a ledger made before it existed) reads as no evidence', () => {
    expect('佐证材料' in validRow()).toBe(false);
    expect(validateLedgerRow(validRow(), ctx).item?.evidence).toBe('');
    expect(validateLedgerRow({ ...validRow(), 佐证材料: 'https://pan.example.com/s/1' }, ctx).item?.evidence).toBe('https://pan.example.com/s/1');
  });

  test('LEDGER_INPUT_COLUMNS covers every LedgerItem field exactly once', () => {
    const fields = LEDGER_INPUT_COLUMNS.map((c) => c.field).sort();
    const item = validateLedgerRow(validRow(), ctx).item!;
    expect(fields).toEqual(Object.keys(item).sort());
    expect(new Set(LEDGER_INPUT_COLUMNS.map((c) => c.header)).size).toBe(LEDGER_INPUT_COLUMNS.length);
  });

  test('every cell lands in its own field, fields in column order (ledger and feedback)', () => {
    // every input cell filled with a value no other cell has
    const full: Record<string, unknown> = {
      ...validRow(),
      完成时限: '2026-03-20',
      延期批准日: '2026-03-15',
      延期完成时限: '2026-04-30',
      延期节点: '4月15日完成一半',
      '3天反馈日': '2026-03-08',
      落实反馈日: '2026-03-19',
      办理状态: '已销号',
      申请办结日: '2026-03-21',
      初核日期: '2026-03-22',
      审定日期: '2026-03-23',
      销号日期: '2026-03-24',
      评价等级: '良好',
      退回次数: 2,
      催办次数: 3,
      最近催办日: '2026-03-16',
      敷衍推诿认定日: '2026-03-17',
      弄虚作假认定日: '2026-03-18',
      关联编号: 'DB-2025-0100',
      备注: '备注文字',
      佐证材料: '验收单.pdf',
    };
    expect(new Set(LEDGER_INPUT_COLUMNS.map((c) => String(full[c.header]))).size).toBe(LEDGER_INPUT_COLUMNS.length);
    const item = validateLedgerRow(full, ctx).item! as unknown as Record<string, unknown>;
    expect(Object.keys(item)).toEqual(LEDGER_INPUT_COLUMNS.map((c) => c.field));
    // every value here reads back as typed (ISO dates, names, counts)
    for (const c of LEDGER_INPUT_COLUMNS) expect([c.field, item[c.field]]).toEqual([c.field, full[c.header]]);

    const rec = validateFeedbackRow(
      { 编号: 'DB-2026-0012', 类型: '1天反馈', 日期: '2026-03-06', 内容: '已部署', 审签人: '张副主任', 审签日期: '2026-03-07' },
      { sheet: '反馈记录', rowNumber: 3, columnLetters: {} },
    ).record! as unknown as Record<string, unknown>;
    expect(Object.keys(rec)).toEqual(FEEDBACK_INPUT_COLUMNS.map((c) => c.field));
    expect(rec).toEqual({ itemId: 'DB-2026-0012', type: '1天反馈', date: '2026-03-06', content: '已部署', signer: '张副主任', signedOn: '2026-03-07' });
  });

  test('Excel serials, JS Dates and exceljs cell objects are read', () => {
    const r = validateLedgerRow(
      {
        ...validRow(),
        交办日期: isoToSerial('2026-03-05'),
        '1天反馈日': new Date(Date.UTC(2026, 2, 6)),
        立项日期: { formula: 'TODAY()', result: new Date(Date.UTC(2026, 2, 4)) },
        事项内容: { richText: [{ text: '学生公寓' }, { text: '热水系统维修' }] },
        备注: { text: '附件', hyperlink: 'https://example.org/a' },
        退回次数: '2',
        催办次数: 3,
      },
      ctx,
    );
    expect(r.errors).toEqual([]);
    expect(r.item).toMatchObject({
      assignedOn: '2026-03-05',
      report1On: '2026-03-06',
      registeredOn: '2026-03-04',
      content: '学生公寓热水系统维修',
      note: '附件',
      returnCount: 2,
      urgeCount: 3,
    });
  });

  test('交办日期 may be empty while 待审批', () => {
    const r = validateLedgerRow({ ...validRow(), 办理状态: '待审批', 交办日期: '', '1天反馈日': '' }, ctx);
    expect(r.errors).toEqual([]);
    expect(r.item!.assignedOn).toBeNull();
  });

  test('a closed item with grade and dates in order', () => {
    const r = validateLedgerRow(
      { ...validRow(), 办理状态: '已销号', 申请办结日: '2026-03-10', 初核日期: '2026-03-11', 审定日期: '2026-03-12', 销号日期: '2026-03-12', 评价等级: '良好' },
      ctx,
    );
    expect(r.errors).toEqual([]);
    expect(r.item!.grade).toBe('良好');
  });
});

describe('validateLedgerRow: the error message names sheet, row, column and header', () => {
  test('the brief’s example', () => {
    const c = { ...ctx, columnLetters: { ...ctx.columnLetters, 交办日期: 'N' } };
    const r = validateLedgerRow({ ...validRow(), 交办日期: '2026/13/5' }, c);
    expect(r.item).toBeNull();
    expect(r.errors).toHaveLength(1);
    expect(r.errors[0]).toMatchObject({ sheet: '台账', row: 12, column: 'N', header: '交办日期', value: '2026/13/5', code: 'date-invalid' });
    expect(r.errors[0].message).toMatch(/^台账 第12行 N列（交办日期）：“2026\/13\/5”不是有效日期/);
  });

  test('the value is reported exactly as read, even an object', () => {
    const cell = { foo: 1 };
    const r = validateLedgerRow({ ...validRow(), 事项内容: cell }, ctx);
    expect(r.errors[0].value).toBe(cell);
    expect(r.errors[0].code).toBe('not-text');
  });

  test('a header without a known column letter still gets a readable message', () => {
    const r = validateLedgerRow({ ...validRow(), 事项类型: '很急' }, { ...ctx, columnLetters: {} });
    expect(r.errors[0].column).toBe('');
    expect(r.errors[0].message).toMatch(/^台账 第12行（事项类型）：“很急”不是可选值，应为：一般、重大复杂$/);
  });
});

const long = (n: number) => '字'.repeat(n);

describe('validateLedgerRow: every check', () => {
  test.each<[string, Record<string, unknown>, string[]]>([
    // required
    ['编号 empty', { 编号: '' }, ['编号:required']],
    ['来源类别 empty', { 来源类别: null }, ['来源类别:required']],
    ['交办层级 empty', { 交办层级: undefined }, ['交办层级:required']],
    ['事项内容 blank', { 事项内容: ' \u3000 ' }, ['事项内容:required']],
    ['承办科室 empty', { 承办科室: '' }, ['承办科室:required']],
    ['事项类型 empty', { 事项类型: '' }, ['事项类型:required']],
    ['办理状态 empty', { 办理状态: '' }, ['办理状态:required']],
    ['交办日期 empty while 办理中', { 交办日期: '' }, ['交办日期:required']],
    ['交办日期 empty while 已交办', { 交办日期: null, 办理状态: '已交办', '1天反馈日': '' }, ['交办日期:required']],
    // enums
    ['交办层级 unknown', { 交办层级: '学校交办' }, ['交办层级:bad-enum']],
    ['事项类型 unknown', { 事项类型: '重大' }, ['事项类型:bad-enum']],
    ['办理状态 unknown', { 办理状态: '进行中' }, ['办理状态:bad-enum']],
    ['办理状态 a number', { 办理状态: 3 }, ['办理状态:bad-enum']],
    ['评价等级 unknown', { 评价等级: '好', 办理状态: '已销号', 销号日期: '2026-03-12' }, ['评价等级:bad-enum']],
    ['来源类别 11', { 来源类别: 11 }, ['来源类别:bad-enum']],
    ['来源类别 0', { 来源类别: '0' }, ['来源类别:bad-enum']],
    ['来源类别 free text', { 来源类别: '领导交办' }, ['来源类别:bad-enum']],
    ['来源类别 a boolean', { 来源类别: true }, ['来源类别:bad-enum']],
    ['来源类别 number contradicts text', { 来源类别: '3 其他' }, ['来源类别:source-mismatch']],
    // sections
    ['承办科室 unknown', { 承办科室: '后勤处' }, ['承办科室:unknown-section']],
    ['承办科室 with a trailing space', { 承办科室: '物业管理科 ' }, ['承办科室:unknown-section']],
    ['协办科室 partly unknown', { 协办科室: '总务科、财务处' }, ['协办科室:unknown-section']],
    // dates
    ['交办日期 impossible', { 交办日期: '2026-02-30' }, ['交办日期:date-invalid']],
    ['交办日期 yearless', { 交办日期: '3.5' }, ['交办日期:date-yearless']],
    ['交办日期 yearless number', { 交办日期: 3.5 }, ['交办日期:date-yearless']],
    ['交办日期 two-digit year', { 交办日期: '26-3-5' }, ['交办日期:date-two-digit-year']],
    ['交办日期 text', { 交办日期: '下周' }, ['交办日期:date-unrecognised']],
    ['立项日期 serial 5 (1900)', { 立项日期: 5 }, ['立项日期:date-implausible']],
    ['最近催办日 year 2150', { 最近催办日: '2150-01-01' }, ['最近催办日:date-implausible']],
    ['1天反馈日 a boolean', { '1天反馈日': false }, ['1天反馈日:date-unrecognised']],
    // order against 交办日期
    ['完成时限 before 交办日期', { 完成时限: '2026-03-04' }, ['完成时限:before-assigned']],
    ['延期完成时限 before 交办日期', { 延期完成时限: '2026-01-01' }, ['延期完成时限:before-assigned']],
    ['销号日期 before 交办日期', { 办理状态: '已销号', 销号日期: '2026-03-01' }, ['销号日期:before-assigned']],
    // counts
    ['退回次数 negative', { 退回次数: -1 }, ['退回次数:bad-count']],
    ['退回次数 fraction', { 退回次数: 1.5 }, ['退回次数:bad-count']],
    ['催办次数 text', { 催办次数: '两次' }, ['催办次数:bad-count']],
    ['催办次数 negative text', { 催办次数: '-2' }, ['催办次数:bad-count']],
    ['催办次数 a boolean', { 催办次数: true }, ['催办次数:bad-count']],
    // lengths
    ['事项内容 501 chars', { 事项内容: long(501) }, ['事项内容:too-long']],
    ['目标任务 1001 chars', { '目标任务/工作要求': long(1001) }, ['目标任务/工作要求:too-long']],
    ['最近进展 1001 chars', { 最近进展: long(1001) }, ['最近进展:too-long']],
    ['备注 501 chars', { 备注: long(501) }, ['备注:too-long']],
    ['佐证材料 501 chars', { 佐证材料: long(501) }, ['佐证材料:too-long']],
    ['编号 101 chars', { 编号: long(101) }, ['编号:too-long']],
    ['延期节点 101 chars', { 延期节点: long(101) }, ['延期节点:too-long']],
    ['10,000 chars', { 事项内容: 'x'.repeat(10_000) }, ['事项内容:too-long']],
    // state consistency
    ['已销号 without 销号日期', { 办理状态: '已销号' }, ['销号日期:closed-needs-date']],
    ['销号日期 while 办理中', { 销号日期: '2026-03-20' }, ['销号日期:closed-date-open-state']],
    ['评价等级 while 办理中', { 评价等级: '优秀' }, ['评价等级:grade-not-closed']],
    ['申请办结 without 申请办结日', { 办理状态: '申请办结' }, ['申请办结日:applied-needs-date']],
    ['已初核 without dates', { 办理状态: '已初核' }, ['初核日期:checked-needs-date', '申请办结日:applied-needs-date']],
    // formula injection
    ['事项内容 starting with =', { 事项内容: '=HYPERLINK("http://x")' }, ['事项内容:formula-like']],
    ['备注 starting with +', { 备注: '+86 138' }, ['备注:formula-like']],
    ['最近进展 starting with -', { 最近进展: '-已完成' }, ['最近进展:formula-like']],
    ['佐证材料 starting with @', { 佐证材料: '@科室群文件' }, ['佐证材料:formula-like']],
    ['协办科室 starting with @', { 协办科室: '@总务科' }, ['协办科室:formula-like', '协办科室:unknown-section']],
    // cells Excel/exceljs could not give as plain values
    ['an error cell', { 事项内容: { error: '#N/A' } }, ['事项内容:cell-error']],
    ['a formula whose result is an error', { 交办日期: { formula: 'A1', result: { error: '#REF!' } } }, ['交办日期:cell-error']],
    ['an unknown object', { 备注: { a: 1 } }, ['备注:not-text']],
    ['NaN in a text cell', { 备注: NaN }, ['备注:not-text']],
  ])('%s', (_name, patch, expected) => {
    const r = validateLedgerRow({ ...validRow(), ...patch }, ctx);
    expect(codes(r.errors)).toEqual(expected);
    expect(r.item).toBeNull();
    for (const e of r.errors) expect(e.message.startsWith(`台账 第12行 ${ctx.columnLetters[e.header]}列（${e.header}）：`)).toBe(true);
  });

  test('formula-like text is kept as typed in the error', () => {
    const r = validateLedgerRow({ ...validRow(), 事项内容: '=1+1' }, ctx);
    expect(r.errors[0].value).toBe('=1+1');
    expect(r.errors[0].message).toMatch(/公式/);
  });

  test.each<[string, Record<string, unknown>]>([
    ['500 chars of 事项内容', { 事项内容: long(500) }],
    ['1000 chars of 最近进展', { 最近进展: long(1000) }],
    ['500 astral chars count as 500', { 事项内容: '𠀀'.repeat(500) }],
    ['a negative number in a text cell is a number, not a formula', { 备注: -5 }],
    ['text starting with a space then =', { 备注: ' =1' }],
    ['完成时限 on the 交办 day', { 完成时限: '2026-03-05' }],
    ['several 协办科室', { 协办科室: '总务科、膳食科,党政办公室' }],
    ['counts as text', { 退回次数: ' 2 ', 催办次数: '３' }],
  ])('accepted: %s', (_name, patch) => {
    expect(validateLedgerRow({ ...validRow(), ...patch }, ctx).errors).toEqual([]);
  });
});

describe('validateLedgerRow: normalised readings are notes, never silent', () => {
  test.each<[unknown, string]>([
    [3, SOURCE_CATEGORIES[2]],
    ['3', SOURCE_CATEGORIES[2]],
    ['３', SOURCE_CATEGORIES[2]],
    ['10', '其他'],
    ['1 上级机关/主管部门文件、会议、工作部署', SOURCE_CATEGORIES[0]],
    ['1.上级机关…', SOURCE_CATEGORIES[0]],
    ['6、巡视、巡察、审计整改问题', SOURCE_CATEGORIES[5]],
    [' 其他 ', '其他'],
  ])('来源类别 %j → %s', (raw, expected) => {
    const r = validateLedgerRow({ ...validRow(), 来源类别: raw }, ctx);
    expect(r.errors).toEqual([]);
    expect(r.item!.source).toBe(expected);
    expect(r.notes).toHaveLength(1);
    expect(r.notes[0]).toMatchObject({ header: '来源类别', column: ctx.columnLetters['来源类别'], value: raw, normalised: expected });
    expect(r.notes[0].message).toMatch(/单元格未改动/);
  });

  test('a padded enum is read trimmed, with a note', () => {
    const r = validateLedgerRow({ ...validRow(), 事项类型: ' 一般 ' }, ctx);
    expect(r.item!.kind).toBe('一般');
    expect(r.notes.map((n) => n.header)).toEqual(['事项类型']);
  });
});

describe('validateFeedbackRow', () => {
  const fctx = {
    sheet: '反馈记录',
    rowNumber: 7,
    columnLetters: letters(FEEDBACK_INPUT_COLUMNS.map((c) => c.header)),
    itemIds: ['DB-2026-0012'],
  };
  const row = (): Record<string, unknown> => ({
    编号: 'DB-2026-0012',
    类型: '1天反馈',
    日期: '2026-03-06',
    内容: '已召开专题会研究部署',
    审签人: '李副主任',
    审签日期: '2026-03-06',
  });

  test('valid', () => {
    const r = validateFeedbackRow(row(), fctx);
    expect(r.errors).toEqual([]);
    expect(r.record).toEqual({
      itemId: 'DB-2026-0012',
      type: '1天反馈',
      date: '2026-03-06',
      content: '已召开专题会研究部署',
      signer: '李副主任',
      signedOn: '2026-03-06',
    });
  });

  test.each<[string, Record<string, unknown>, string[]]>([
    ['编号 empty', { 编号: '' }, ['编号:required']],
    ['编号 not in the ledger', { 编号: 'DB-2026-0099' }, ['编号:unknown-item']],
    ['类型 unknown', { 类型: '周报' }, ['类型:bad-enum']],
    ['日期 empty', { 日期: '' }, ['日期:required']],
    ['日期 yearless', { 日期: '3/6' }, ['日期:date-yearless']],
    ['内容 empty', { 内容: '' }, ['内容:required']],
    ['内容 formula-like', { 内容: '=A1' }, ['内容:formula-like']],
    ['审签日期 before 日期', { 审签日期: '2026-03-05' }, ['审签日期:signed-before-date']],
    ['审签人 without 审签日期 on a report', { 审签日期: '' }, ['审签日期:sign-incomplete']],
    ['审签日期 without 审签人', { 审签人: '' }, ['审签人:sign-incomplete']],
  ])('%s', (_name, patch, expected) => {
    const r = validateFeedbackRow({ ...row(), ...patch }, fctx);
    expect(codes(r.errors)).toEqual(expected);
    expect(r.record).toBeNull();
    for (const e of r.errors) expect(e.message).toMatch(new RegExp(`^反馈记录 第7行 [A-F]列（${e.header}）：`));
  });

  test('an unsigned report and a 催办 with its 经办人 are fine', () => {
    expect(validateFeedbackRow({ ...row(), 审签人: '', 审签日期: '' }, fctx).errors).toEqual([]);
    expect(validateFeedbackRow({ ...row(), 类型: '催办', 审签人: '赵督办', 审签日期: '' }, fctx).errors).toEqual([]);
  });

  test('without itemIds any 编号 is accepted', () => {
    const { itemIds: _unused, ...noIds } = fctx;
    expect(validateFeedbackRow({ ...row(), 编号: 'DB-2030-0001' }, noIds).errors).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------------
// Properties

const HEADERS = LEDGER_INPUT_COLUMNS.map((c) => c.header);
const loneSurrogate = fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => String.fromCharCode(c));
const junkValue = fc.oneof(
  fc.anything(),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ unit: loneSurrogate, maxLength: 5 }),
  fc.string({ unit: 'grapheme', maxLength: 12 }),
  fc.constant('x'.repeat(10_000)),
  fc.double(),
  fc.integer(),
  fc.boolean(),
  fc.date(),
  fc.constantFrom(...WORKFLOW_STATES, ...GRADES, ...ITEM_KINDS, ...ASSIGN_LEVELS, '2026-03-05', '3.5', '=1', '-1', ''),
  fc.record({ richText: fc.array(fc.record({ text: fc.anything() })) }),
  fc.record({ formula: fc.string(), result: fc.anything() }),
  fc.record({ error: fc.string() }),
);
const junkRow = fc.dictionary(fc.oneof(fc.constantFrom(...HEADERS), fc.string()), junkValue, { maxKeys: 40 });

describe('properties', () => {
  test('arbitrary junk rows: never throws; every error is fully addressed', () => {
    fc.assert(
      fc.property(junkRow, fc.integer({ min: 2, max: 1_048_576 }), (raw, rowNumber) => {
        const c = { ...ctx, rowNumber };
        const r = validateLedgerRow(raw, c);
        expect(r.item === null).toBe(r.errors.length > 0);
        for (const e of r.errors) {
          expect(e.sheet).toBe('台账');
          expect(e.row).toBe(rowNumber);
          expect(e.column).toBe(ctx.columnLetters[e.header]);
          expect(HEADERS).toContain(e.header);
          expect(typeof e.code).toBe('string');
          expect(e.message.startsWith(`台账 第${rowNumber}行 ${e.column}列（${e.header}）：`)).toBe(true);
          expect(e.message.length).toBeLessThan(400);
        }
      }),
      { numRuns: 300 },
    );
  });

  test('arbitrary junk feedback rows: never throws', () => {
    fc.assert(
      fc.property(junkRow, (raw) => {
        const r = validateFeedbackRow(raw, { sheet: '反馈记录', rowNumber: 3, columnLetters: {} });
        expect(r.record === null).toBe(r.errors.length > 0);
        for (const e of r.errors) expect(e.message.startsWith(`反馈记录 第3行（${e.header}）：`)).toBe(true);
      }),
      { numRuns: 200 },
    );
  });

  test('non-object rows and contexts with odd shapes do not throw', () => {
    for (const raw of [null, undefined, 5, 'row', [], Object.create(null)]) {
      expect(() => validateLedgerRow(raw as unknown as Record<string, unknown>, ctx)).not.toThrow();
    }
    expect(() => validateLedgerRow(validRow(), { ...ctx, sections: undefined as unknown as string[] })).not.toThrow();
  });

  // Valid rows: text that survives byte for byte, dates in any accepted spelling, consistent states.
  const text = (max: number, required: boolean) =>
    fc
      .string({
        unit: fc.oneof(fc.constantFrom(...'督办台账维修完成 ,.，。、;；\n\t'), fc.string({ unit: 'grapheme', minLength: 1, maxLength: 1 })),
        maxLength: Math.min(max, 60),
      })
      .filter((s) => Array.from(s).length <= max && !'=+-@'.includes(s[0] ?? 'ok') && (!required || s.trim() !== ''));
  const dayArb = fc.integer({ min: dayNumberFromCivil(2000, 1, 1), max: dayNumberFromCivil(2099, 12, 31) });
  const iso = (n: number) => {
    const { y, m, d } = civilFromDayNumber(n);
    return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  };
  const spell = (n: number) =>
    fc
      .constantFrom<(n: number) => unknown>(
        (x) => iso(x),
        (x) => {
          const { y, m, d } = civilFromDayNumber(x);
          return `${y}年${m}月${d}日`;
        },
        (x) => isoToSerial(iso(x)),
        (x) => new Date(x * 86_400_000),
      )
      .map((f) => f(n));
  const optionalDate = (min: number) => fc.option(fc.integer({ min, max: dayNumberFromCivil(2099, 12, 31) }), { nil: null });
  const sectionName = text(20, true).filter((s) => !/[、,，;；/\s]/.test(s));

  const validLedgerRow = fc
    .record({
      id: text(100, true),
      content: text(500, true),
      requirement: text(1000, false),
      progress: text(1000, false),
      note: text(500, false),
      evidence: text(500, false),
      linkedId: text(100, false),
      extensionNodes: text(100, false),
      section: sectionName,
      coSections: fc.array(sectionName, { maxLength: 3 }).map((xs) => xs.join('、')),
      source: fc.constantFrom(...SOURCE_CATEGORIES),
      level: fc.constantFrom(...ASSIGN_LEVELS),
      kind: fc.constantFrom(...ITEM_KINDS),
      state: fc.constantFrom(...WORKFLOW_STATES),
      grade: fc.constantFrom(...GRADES),
      assigned: dayArb,
      returnCount: fc.nat({ max: 20 }),
      urgeCount: fc.nat({ max: 20 }),
    })
    .chain((v) =>
      fc.record({
        v: fc.constant(v),
        assignedSpelt: spell(v.assigned),
        deadline: optionalDate(v.assigned),
        extension: optionalDate(v.assigned),
        closed: fc.integer({ min: v.assigned, max: dayNumberFromCivil(2099, 12, 31) }),
        other: fc.array(optionalDate(dayNumberFromCivil(2000, 1, 1)), { minLength: 10, maxLength: 10 }),
      }),
    )
    .map(({ v, assignedSpelt, deadline, extension, closed, other }) => {
      const isClosed = v.state === '已销号';
      const applied = v.state === '申请办结' || v.state === '已初核' ? iso(other[0] ?? v.assigned) : other[0] && iso(other[0]);
      const raw: Record<string, unknown> = {
        编号: v.id,
        立项日期: other[1] === null ? '' : iso(other[1]),
        来源类别: v.source,
        交办层级: v.level,
        事项内容: v.content,
        '目标任务/工作要求': v.requirement,
        承办科室: v.section,
        协办科室: v.coSections,
        事项类型: v.kind,
        交办日期: assignedSpelt,
        完成时限: deadline === null ? '' : iso(deadline),
        延期批准日: other[2] === null ? null : iso(other[2]),
        延期完成时限: extension === null ? null : iso(extension),
        延期节点: v.extensionNodes,
        '1天反馈日': other[3] === null ? '' : iso(other[3]),
        '3天反馈日': other[4] === null ? '' : iso(other[4]),
        落实反馈日: other[5] === null ? '' : iso(other[5]),
        最近进展: v.progress,
        办理状态: v.state,
        申请办结日: applied ?? '',
        初核日期: v.state === '已初核' ? iso(other[6] ?? v.assigned) : '',
        审定日期: other[7] === null ? '' : iso(other[7]),
        销号日期: isClosed ? iso(closed) : '',
        评价等级: isClosed ? v.grade : '',
        退回次数: v.returnCount,
        催办次数: String(v.urgeCount),
        最近催办日: other[8] === null ? '' : iso(other[8]),
        敷衍推诿认定日: other[9] === null ? '' : iso(other[9]),
        弄虚作假认定日: '',
        关联编号: v.linkedId,
        备注: v.note,
        佐证材料: v.evidence,
      };
      const sections = [v.section, ...v.coSections.split('、').filter(Boolean)];
      return { raw, sections };
    });

  test('generated valid rows: no errors, and text fields equal the input byte for byte', () => {
    const textColumns = LEDGER_INPUT_COLUMNS.filter((c) => c.kind === 'text');
    fc.assert(
      fc.property(validLedgerRow, ({ raw, sections }) => {
        const r = validateLedgerRow(raw, { ...ctx, sections });
        expect(r.errors).toEqual([]);
        expect(r.item).not.toBeNull();
        for (const c of textColumns) expect(r.item![c.field]).toBe(raw[c.header]);
        expect(r.item!.state).toBe(raw['办理状态']);
        expect(r.item!.returnCount).toBe(raw['退回次数']);
      }),
      { numRuns: 300 },
    );
  });
});
