import { makeItem, makeRecord } from '../domain/testing/itemFactory';
import { LEDGER_INPUT_COLUMNS } from '../domain/validation';
import { readSlices } from './testing/readSlices';
import { LEDGER_COLUMNS, RECORD_COLUMNS, columnLetter, ledgerLetter } from '../workbook/schema';
import { AUDIT_SYNCS, auditLedger, selectCell } from './audit';
import { initialiseLedger } from './initialise';
import { ledgerFixture } from './testing/ledgerFixture';

const L = (h: string) => ledgerLetter(h);
const R = (h: string) => columnLetter(RECORD_COLUMNS.findIndex((c) => c.header === h) + 1);

function damagedLedger() {
  const items = [
    makeItem({ id: 'DB-2026-0001', content: '好的事项' }),
    makeItem({ id: 'DB-2026-0002', content: '第二件' }),
    makeItem({ id: 'DB-2026-0002', content: '重号的事项' }), // duplicate 编号 (row 4)
    makeItem({ id: 'DB-2026-0004', content: '坏日期' }),
  ];
  const records = [
    makeRecord({ itemId: 'DB-2026-0001', type: '1天反馈', date: '2026-03-03', content: '已部署' }),
    makeRecord({ itemId: 'DB-2099-0404', type: '1天反馈', date: '2026-03-03', content: '孤儿记录' }), // orphan (row 3)
  ];
  const xl = ledgerFixture({ items, records });
  const ledger = xl.workbook.sheet('台账');
  // hand-typed mistakes
  ledger.setValues(`${L('交办日期')}5`, [['3.5']]);
  ledger.setValues(`${L('承办科室')}2`, [['总务处']]);
  // formula damage: a constant over 预警状态 in row 3, 逾期天数 cleared in rows 2–3, a different formula in the last row of 办结时限
  ledger.setValues(`${L('预警状态')}3`, [['正常']]);
  ledger.setValues(`${L('逾期天数')}2:${L('逾期天数')}3`, [[''], ['']]);
  ledger.setFormulas(`${L('办结时限')}5`, [['=TODAY()+7']]);
  return xl;
}

describe('auditLedger', () => {
  test('a healthy ledger: no problems, counted rows, two syncs', async () => {
    const xl = ledgerFixture({
      items: [makeItem(), makeItem({ id: 'DB-2026-0002' })],
      records: [makeRecord({ itemId: 'DB-2026-0001', type: '1天反馈', date: '2026-03-03', content: 'x' })],
    });
    xl.stats.reset();
    const r = await auditLedger(xl.run);
    expect(r.problems).toEqual([]);
    expect(r.initialised).toBe(true);
    expect(r.checked).toEqual({ ledgerRows: 2, recordRows: 1 });
    expect(r.summary).toContain('未发现问题');
    expect(xl.stats.roundTrips).toBe(AUDIT_SYNCS);
  });

  test('an empty ledger (one blank body row, blank formula cells) is healthy', async () => {
    const xl = ledgerFixture();
    const r = await auditLedger(xl.run);
    expect(r.problems).toEqual([]);
  });

  test('finds row errors, duplicates, orphans and formula damage, each with its A1 address', async () => {
    const xl = damagedLedger();
    const before = JSON.stringify(xl.workbook.table('台账').formulas);
    const r = await auditLedger(xl.run);
    const seen = r.problems.map((p) => `${p.sheet}!${p.address} ${p.code}`);
    expect(seen).toEqual(
      expect.arrayContaining([
        `台账!${L('承办科室')}2 unknown-section`,
        `台账!${L('编号')}3 duplicate-id`,
        `台账!${L('编号')}4 duplicate-id`,
        `台账!${L('交办日期')}5 date-yearless`,
        `台账!${L('预警状态')}3 formula-overwritten`,
        `台账!${L('逾期天数')}2:${L('逾期天数')}3 formula-missing`,
        `台账!${L('办结时限')}5 formula-different`,
        `反馈记录!${R('编号')}3 unknown-item`,
      ]),
    );
    expect(r.problems).toHaveLength(seen.length);
    // no false alarms on the healthy cells
    expect(
      r.problems
        .filter((p) => p.sheet === '台账' && p.row === 2)
        .map((p) => p.header)
        .sort(),
    ).toEqual(['承办科室', '逾期天数'].sort());
    // every message is located in zh-CN
    for (const p of r.problems) expect(p.message).toMatch(new RegExp(`^${p.sheet} (第${p.row}行|${p.address.replace(/[:$]/g, '\\$&')})`));
    const dup = r.problems.find((p) => p.code === 'duplicate-id' && p.row === 3)!;
    expect(dup.message).toContain('第 4 行');
    // grouped: sheet → row → cell
    expect(r.bySheet.map((s) => s.sheet)).toEqual(['台账', '反馈记录']);
    const row2 = r.bySheet[0].rows.find((x) => x.row === 2)!;
    expect(row2.cells.map((c) => c.header).sort()).toEqual(['承办科室', '逾期天数'].sort());
    expect(r.bySheet[0].count + r.bySheet[1].count).toBe(r.problems.length);
    expect(r.summary).toMatch(/发现 \d+ 处问题/);
    // read-only
    expect(JSON.stringify(xl.workbook.table('台账').formulas)).toBe(before);
  });

  test('a record whose 编号 belongs to an invalid 台账 row is not an orphan', async () => {
    const xl = ledgerFixture({ items: [makeItem()], records: [makeRecord({ itemId: 'DB-2026-0001', type: '1天反馈', date: '2026-03-03', content: 'x' })] });
    xl.workbook.sheet('台账').setValues(`${L('事项类型')}2`, [['特急']]);
    const r = await auditLedger(xl.run);
    expect(r.problems.map((p) => p.code)).toEqual(['bad-enum']);
  });

  test('the syncs grow only by the read slices (2000 rows)', async () => {
    const items = Array.from({ length: 2000 }, (_, k) => makeItem({ id: `DB-2026-${String(k + 1).padStart(4, '0')}` }));
    const xl = ledgerFixture({ items });
    xl.workbook.sheet('台账').setValues(`${L('预警状态')}1500`, [['手填']]);
    xl.stats.reset();
    const r = await auditLedger(xl.run);
    // fixed syncs plus one per slice: the audit reads every column of 台账 and 反馈记录
    const slices = readSlices(xl, ['台账', 'all'], ['反馈记录', 'all'], ['科室人员']);
    expect(slices).toBeGreaterThan(0);
    expect(xl.stats.roundTrips).toBe(AUDIT_SYNCS + slices);
    expect(r.problems.map((p) => `${p.address} ${p.code}`)).toEqual([`${L('预警状态')}1500 formula-overwritten`]);
  });

  test('after 初始化台账 repairs the formulas, only the hand-typed problems remain', async () => {
    const xl = damagedLedger();
    const repaired = await initialiseLedger(xl.run, { today: '2026-03-20' });
    expect(repaired.ok).toBe(true);
    const r = await auditLedger(xl.run);
    expect(r.problems.filter((p) => p.code.startsWith('formula-'))).toEqual([]);
    expect(r.problems.some((p) => p.code === 'duplicate-id')).toBe(true);
  });

  test('a workbook without the ledger tables: not initialised, names the missing tables', async () => {
    const { createExcelDouble } = await import('./double');
    const empty = createExcelDouble({ sheets: ['Sheet1'] });
    const r = await auditLedger(empty.run);
    expect(r.initialised).toBe(false);
    expect(r.summary).toContain('初始化台账');
    expect(r.problems.map((p) => p.sheet)).toEqual(['台账', '反馈记录', '科室人员']);
  });

  test('a missing column is reported (and repair is left to 初始化台账)', async () => {
    const xl = ledgerFixture({ items: [makeItem()] });
    const r0 = await auditLedger(xl.run);
    expect(r0.problems).toEqual([]);
    // rename the header of 备注: the table no longer has a 备注 column
    xl.workbook.sheet('台账').setValues(`${L('备注')}1`, [['备注（旧）']]);
    const r = await auditLedger(xl.run);
    expect(r.problems.map((p) => `${p.header} ${p.code}`)).toContain('备注 column-missing');
  });
});

describe('blank rows inside 台账', () => {
  const ids = [1, 2, 3, 4, 5, 6].map((n) => `DB-2026-000${n}`);
  /** items at rows 2–7; the listed rows' input cells cleared (as an undo that blanked rows left them) */
  function withBlankRows(rows: number[]) {
    const xl = ledgerFixture({ items: ids.map((id) => makeItem({ id, content: `事项${id}` })) });
    const sheet = xl.workbook.sheet('台账');
    for (const row of rows) for (const c of LEDGER_INPUT_COLUMNS) sheet.setValues(`${L(c.header)}${row}`, [['']]);
    return xl;
  }
  const blanks = async (rows: number[]) => (await auditLedger(withBlankRows(rows).run)).problems.filter((p) => p.code === 'blank-row');

  test.each([
    [[3], [['台账', 3, 'A3', '台账 第3行：表格中间有空行']]],
    [
      [3, 5, 6],
      [
        ['台账', 3, 'A3', '台账 第3行：表格中间有空行'],
        ['台账', 5, 'A5:A6', '台账 第5–6行：表格中间有 2 个空行'],
      ],
    ],
    [[2], [['台账', 2, 'A2', '台账 第2行：表格中间有空行']]],
  ])('blank rows %j → one problem per run, with sheet and row', async (rows, expected) => {
    const found = await blanks(rows as number[]);
    expect(found.map((p) => [p.sheet, p.row, p.address, p.message.split('（')[0]])).toEqual(expected);
    expect(found.every((p) => p.message.includes('删除'))).toBe(true);
  });

  test('blank rows at the end of the table (below the last item) are not a gap', async () => {
    expect(await blanks([6, 7])).toEqual([]);
  });

  test('the summary counts them: 校验台账 no longer says 未发现问题', async () => {
    const r = await auditLedger(withBlankRows([4]).run);
    expect(r.summary).not.toContain('未发现问题');
    expect(r.bySheet[0].rows.map((x) => x.row)).toContain(4);
  });
});

describe('selectCell', () => {
  test('selects the problem cell on its sheet (also given a sheet-qualified address)', async () => {
    const xl = damagedLedger();
    const r = await auditLedger(xl.run);
    const orphan = r.problems.find((p) => p.code === 'unknown-item')!;
    await selectCell(xl.run, orphan.sheet, orphan.address);
    const selected = async () =>
      xl.run(async (context) => {
        const s = context.workbook.getSelectedRange().load('address');
        await context.sync();
        return s.address;
      });
    expect(await selected()).toBe(`反馈记录!${orphan.address}`);
    await selectCell(xl.run, '台账', `台账!${L('逾期天数')}2:${L('逾期天数')}3`);
    expect(await selected()).toBe(`台账!${L('逾期天数')}2:${L('逾期天数')}3`);
  });
});

test('schema columns used by the audit exist', () => {
  expect(LEDGER_COLUMNS.filter((c) => c.kind === 'formula').length).toBeGreaterThan(5);
});
