import { makeItem } from '../domain/testing/itemFactory';
import { isoToSerial } from '../domain/parseDate';
import { instrumented } from './testing/instrumented';
import type { Actor } from '../domain/workflow';
import type { ExcelDouble } from './double';
import type { ImportPreview } from '../domain/import';
import { applyImport, previewImport, IMPORT_SYNCS } from './importApply';
import { undoImport } from './importUndo';
import { createLedgerService } from './ledgerGateway';
import type { ActionContext } from './ledgerService';
import { ledgerFixture } from './testing/ledgerFixture';
import { textCell } from './cells';
import { columnLetter } from '../workbook/schema';

const clerk: Actor = { role: '督办员', name: '陈志刚' };
// 设置 今天 is 2026-03-20 while the machine's clock says 2026-03-23: the log is dated by 设置
const ctx = (opId: string): ActionContext => ({ actor: clerk, on: '2026-03-20', now: new Date('2026-03-23T10:15:30'), opId });

const items = [
  makeItem({ id: 'DB-2026-0001', content: '修复学生公寓热水', progress: '已报修' }),
  makeItem({ id: 'DB-2026-0002', content: '食堂排水管道改造', section: '物业管理科' }),
  makeItem({ id: 'DB-2026-0003', content: '路灯维修' }),
];
const fixture = () => ledgerFixture({ items, protect: true });

function state(xl: ExcelDouble): string {
  const tables = xl.workbook
    .sheetNames()
    .flatMap((n) => xl.workbook.sheet(n).listTables())
    .map((t) => ({ name: t.name, address: t.address, values: t.values, formulas: t.formulas }))
    .sort((a, b) => a.name.localeCompare(b.name));
  return JSON.stringify(tables);
}

function rows(xl: ExcelDouble, table: string) {
  const tb = xl.workbook.table(table);
  return tb.values.map((r) => Object.fromEntries(tb.columns.map((h, i) => [h, r[i]])));
}

const HEAD = ['编号', '来源类别', '交办层级', '事项内容', '承办科室', '事项类型', '交办日期', '办理状态', '最近进展'];
const line = (cells: string[]) => cells.join('\t');
const newRow = (id: string, content: string, progress = '') =>
  line([id, '其他', '台账其他任务', content, '工程管理科', '一般', '2026-03-10', '办理中', progress]);

test('text that Excel would convert is written behind an apostrophe', () => {
  expect(textCell('007')).toBe("'007");
  expect(textCell('2026-03-05')).toBe("'2026-03-05");
  expect(textCell('TRUE')).toBe("'TRUE");
  expect(textCell("'x")).toBe("''x");
  expect(textCell('修路灯')).toBe('修路灯');
});

describe('previewImport', () => {
  const block = [
    HEAD.join('\t'),
    line(['DB-2026-0001', '其他', '台账其他任务', '修复学生公寓热水', '工程管理科', '一般', '2026-03-02', '办理中', '已更换热水器']), // update 来源类别? no: 最近进展
    newRow('DB-2026-0100', '新增的事项'),
    newRow('', '没有编号的新事项'),
    newRow('DB-2026-0101', '错误的科室').replace('工程管理科', '不存在的科'),
    newRow('DB-2026-0102', '重复编号甲'),
    newRow('DB-2026-0102', '重复编号乙'),
    newRow('DB-2026-0103', '路灯维修'), // same 事项内容 + 承办科室 as DB-2026-0003
    line(['DB-2026-0003', '后勤中心各类会议决议', '台账其他任务', '路灯维修', '工程管理科', '一般', '2026-03-02', '办理中', '']), // unchanged
  ].join('\n');

  test('ONE sync, nothing written; adds, updates (before → after), unchanged, errors, duplicates', async () => {
    const xl = fixture();
    const before = state(xl);
    const { run, syncs } = instrumented(xl);
    const r = await previewImport(run, block);
    expect(state(xl)).toBe(before);
    expect(syncs()).toBe(1);
    if (!r.ok) throw new Error(r.error.message);
    const p = r.value;
    // 来源类别 of DB-2026-0001 is 后勤中心各类会议决议 in the ledger: pasted 其他 changes it too
    expect(p.update.map((u) => u.id)).toEqual(['DB-2026-0001']);
    expect(p.update[0].changes).toEqual([
      { header: '来源类别', before: '后勤中心各类会议决议', after: '其他' },
      { header: '最近进展', before: '已报修', after: '已更换热水器' },
    ]);
    expect(p.add.map((a) => [a.pastedRow, a.item.id, a.toNumber])).toEqual([
      [3, 'DB-2026-0100', false],
      [4, '', true],
    ]);
    expect(p.unchanged).toEqual([{ pastedRow: 9, id: 'DB-2026-0003' }]);
    expect(p.errors).toHaveLength(1);
    expect(p.errors[0]).toMatchObject({ sheet: '粘贴内容', row: 5, column: 'E', header: '承办科室' });
    expect(p.errors[0].message.startsWith('粘贴内容 第5行 E列（承办科室）')).toBe(true);
    expect(p.errorRows).toEqual([5]);
    expect(p.duplicates.map((d) => [d.pastedRow, d.kind, d.other])).toEqual([
      [6, 'same-id-in-block', 7],
      [7, 'same-id-in-block', 6],
      [8, 'same-content-existing', 'DB-2026-0003'],
    ]);
  });

  test('the same 事项内容 + 承办科室 twice in the block: the second is a duplicate', async () => {
    const xl = fixture();
    const r = await previewImport(xl.run, [HEAD.join('\t'), newRow('', '甲事项'), newRow('', '甲事项')].join('\n'));
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.add).toHaveLength(1);
    expect(r.value.duplicates.map((d) => [d.pastedRow, d.kind, d.other])).toEqual([[3, 'same-content-in-block', 2]]);
  });

  test('a 附件 column fills 佐证材料; on a ledger made before that column it is reported as not imported', async () => {
    const block = [[...HEAD, '附件'].join('\t'), `${newRow('DB-2026-0100', '新增的事项')}\t验收单.pdf`].join('\n');
    const current = await previewImport(fixture().run, block);
    if (!current.ok) throw new Error(current.error.message);
    expect(current.value.mapping.find((m) => m.pasted === '附件')).toMatchObject({ target: '佐证材料', kind: 'synonym' });
    expect(current.value.add[0].item.evidence).toBe('验收单.pdf');

    const old = fixture();
    old.workbook.sheet('台账').unprotect();
    await old.run(async (context) => context.workbook.tables.getItem('台账').columns.getItem('佐证材料').delete());
    const r = await previewImport(old.run, block);
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.mapping.find((m) => m.pasted === '附件')).toMatchObject({ target: null, kind: 'ignored' });
    expect(r.value.unknownHeaders).toEqual(['附件']);
    expect(r.value.add[0].item.evidence).toBe('');
  });

  test('an empty block previews to nothing', async () => {
    const r = await previewImport(ledgerFixture().run, '');
    expect(r.ok).toBe(true);
  });
});

const IMPORT = [
  HEAD.join('\t'),
  newRow('DB-2026-0001', '修复学生公寓热水', '007'),
  newRow('', '新事项甲', '2026-03-05'),
  newRow('DB-2026-0200', '新事项乙'),
].join('\r\n');

async function previewOf(xl: ExcelDouble): Promise<ImportPreview> {
  const r = await previewImport(xl.run, IMPORT);
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

describe('applyImport and undoImport', () => {
  test('apply: 3 syncs (read; the rows to update; write), rows written with the operation id, one readable 导入 line per row dated 设置 今天; text reads back byte for byte', async () => {
    const xl = fixture();
    const p = await previewOf(xl);
    const { run, syncs } = instrumented(xl);
    const r = await applyImport(run, p, ctx('op-import-1'));
    if (!r.ok) throw new Error(r.error.message);
    expect(syncs()).toBe(IMPORT_SYNCS);
    expect(r.value.syncs).toBe(IMPORT_SYNCS);
    expect(r.value.added.map((a) => a.id)).toEqual(['DB-2026-0004', 'DB-2026-0200']);
    expect(r.value.updated.map((a) => a.id)).toEqual(['DB-2026-0001']);
    const ledger = rows(xl, '台账');
    const one = ledger.find((x) => x['编号'] === 'DB-2026-0001')!;
    expect(one['最近进展']).toBe('007');
    expect(one['操作ID']).toBe('op-import-1');
    expect(ledger.find((x) => x['编号'] === 'DB-2026-0004')!['最近进展']).toBe('2026-03-05');
    const log = rows(xl, '操作日志').filter((x) => String(x['动作']).startsWith('导入'));
    expect(log.map((x) => [x['动作'], x['编号']])).toEqual([
      ['导入更新', 'DB-2026-0001'],
      ['导入新增', 'DB-2026-0004'],
      ['导入新增', 'DB-2026-0200'],
    ]);
    expect(log[0]['变更前']).toBe('来源类别=“后勤中心各类会议决议”；交办日期=2026-03-02；最近进展=“已报修”；操作ID=“op-seed-0”');
    expect(log[0]['变更后']).toBe('来源类别=“其他”；交办日期=2026-03-10；最近进展=“007”');
    expect(log[1]['变更前']).toBe('');
    expect(log[1]['变更后']).toMatch(
      /^编号=“DB-2026-0004”；立项日期=2026-03-10；来源类别=“其他”；交办层级=“台账其他任务”；事项内容=“新事项甲”；承办科室=“工程管理科”；事项类型=“一般”；交办日期=2026-03-10；最近进展=“2026-03-05”；办理状态=“办理中”/,
    );
    for (const line of log) expect(Math.floor(Number(line['时间']))).toBe(isoToSerial('2026-03-20'));
    expect(xl.workbook.sheet('台账').protection.protected).toBe(true);
    // a retry with the same id changes nothing
    const after = state(xl);
    const again = await applyImport(xl.run, p, ctx('op-import-1'));
    expect(again.ok).toBe(true);
    expect(state(xl)).toBe(after);
  });

  test('apply then undo gives back the original table exactly: added rows deleted, no blank row; the next 立项 goes right below the last item', async () => {
    const xl = fixture();
    const original = xl.workbook.table('台账');
    const origValues = original.values.map((r) => [...r]);
    const origFormulas = original.formulas.map((r) => [...r]);
    const p = await previewOf(xl);
    expect((await applyImport(xl.run, p, ctx('op-import-2'))).ok).toBe(true);
    const { run, syncs } = instrumented(xl);
    const u = await undoImport(run, 'op-import-2', ctx('op-undo-2'));
    if (!u.ok) throw new Error(u.error.message);
    expect(syncs()).toBe(IMPORT_SYNCS);
    expect(u.value.removed.sort()).toEqual(['DB-2026-0004', 'DB-2026-0200']);
    expect(u.value.restored).toEqual(['DB-2026-0001']);
    const now = xl.workbook.table('台账');
    expect(now.values).toEqual(origValues);
    expect(now.formulas).toEqual(origFormulas);
    const undoLines = rows(xl, '操作日志').filter((x) => x['动作'] === '撤销导入');
    expect(undoLines.map((x) => [x['编号'], x['变更后']])).toEqual([
      ['DB-2026-0001', '来源类别=“后勤中心各类会议决议”；交办日期=2026-03-02；最近进展=“已报修”；操作ID=“op-seed-0”'],
      ['DB-2026-0004', '已删除导入新增的这一行'],
      ['DB-2026-0200', '已删除导入新增的这一行'],
    ]);
    // undo again: nothing to do, nothing written
    const s = state(xl);
    const again = await undoImport(xl.run, 'op-import-2', ctx('op-undo-2'));
    expect(again.ok && [again.value.removed, again.value.restored]).toEqual([[], []]);
    expect(state(xl)).toBe(s);
    // the next 立项 is written right below the last item
    const reg = await createLedgerService(xl.run).register(
      { source: '其他', level: '台账其他任务', content: '撤销后的新事项', section: '工程管理科', kind: '一般' },
      ctx('op-register'),
    );
    if (!reg.ok) throw new Error(reg.error.message);
    const after = rows(xl, '台账');
    expect(after).toHaveLength(origValues.length + 1);
    expect(after[origValues.length]['事项内容']).toBe('撤销后的新事项');
  });

  test('undo leaves a row changed after the import alone', async () => {
    const xl = fixture();
    const p = await previewOf(xl);
    await applyImport(xl.run, p, ctx('op-import-3'));
    const k = rows(xl, '台账').findIndex((x) => x['编号'] === 'DB-2026-0001');
    const col = xl.workbook.table('台账').columns.indexOf('最近进展');
    const tb = xl.workbook.table('台账');
    const addr = tb.address.replace(/^.*!/, '');
    const firstRow = Number(/\d+/.exec(addr)![0]) + 1 + k;
    const letter = columnLetter(col + 1);
    xl.workbook.sheet('台账').setValues(`${letter}${firstRow}`, [['后来改的']]);
    const u = await undoImport(xl.run, 'op-import-3', ctx('op-undo-3'));
    if (!u.ok) throw new Error(u.error.message);
    expect(u.value.skipped.map((s) => s.id)).toEqual(['DB-2026-0001']);
    expect(rows(xl, '台账').find((x) => x['编号'] === 'DB-2026-0001')!['最近进展']).toBe('后来改的');
  });

  test('undo finds the added rows by 编号 after a co-author sorted the table and inserted a row above it', async () => {
    const xl = fixture();
    const original = rows(xl, '台账').map((r) => r['编号']);
    await applyImport(xl.run, await previewOf(xl), ctx('op-import-5'));
    xl.coauthor.sortTable('台账', '事项内容', false);
    xl.coauthor.insertRows('台账', 1, 2);
    const u = await undoImport(xl.run, 'op-import-5', ctx('op-undo-5'));
    if (!u.ok) throw new Error(u.error.message);
    expect(u.value.removed.sort()).toEqual(['DB-2026-0004', 'DB-2026-0200']);
    const ids = rows(xl, '台账').map((r) => r['编号']);
    expect([...ids].sort()).toEqual([...original].sort());
    expect(ids).not.toContain('');
  });

  test('an added row someone typed into after the import is left alone, not deleted', async () => {
    const xl = fixture();
    await applyImport(xl.run, await previewOf(xl), ctx('op-import-6'));
    const k = rows(xl, '台账').findIndex((x) => x['编号'] === 'DB-2026-0200');
    const tb = xl.workbook.table('台账');
    const firstRow = Number(/\d+/.exec(tb.address.replace(/^.*!/, ''))![0]) + 1 + k;
    xl.workbook.sheet('台账').setValues(`${columnLetter(tb.columns.indexOf('备注') + 1)}${firstRow}`, [['手工补充的备注']]);
    const u = await undoImport(xl.run, 'op-import-6', ctx('op-undo-6'));
    if (!u.ok) throw new Error(u.error.message);
    expect(u.value.skipped.map((x) => x.id)).toEqual(['DB-2026-0200']);
    expect(rows(xl, '台账').find((x) => x['编号'] === 'DB-2026-0200')!['备注']).toBe('手工补充的备注');
  });

  test('into an empty ledger and back: the table keeps one blank body row, and the next 立项 fills it', async () => {
    const xl = ledgerFixture({ protect: true });
    const original = xl.workbook.table('台账');
    const values = original.values.map((r) => [...r]);
    const p = await previewImport(xl.run, [HEAD.join('\t'), newRow('', '甲'), newRow('', '乙')].join('\n'));
    if (!p.ok) throw new Error(p.error.message);
    expect((await applyImport(xl.run, p.value, ctx('op-import-7'))).ok).toBe(true);
    expect(rows(xl, '台账').map((r) => r['事项内容'])).toEqual(['甲', '乙']);
    const u = await undoImport(xl.run, 'op-import-7', ctx('op-undo-7'));
    if (!u.ok) throw new Error(u.error.message);
    expect(u.value.removed.sort()).toEqual(['DB-2026-0001', 'DB-2026-0002']);
    // one body row, every input cell blank (the schema's formulas stay in it)
    const body = rows(xl, '台账');
    expect(body).toHaveLength(values.length);
    for (const h of ['编号', '立项日期', '事项内容', '承办科室', '办理状态', '操作ID']) expect(body[0][h]).toBe('');
    const reg = await createLedgerService(xl.run).register(
      { source: '其他', level: '台账其他任务', content: '丙', section: '工程管理科', kind: '一般' },
      ctx('op-register-7'),
    );
    expect(reg.ok).toBe(true);
    expect(rows(xl, '台账').map((r) => r['事项内容'])).toEqual(['丙']);
  });

  test('a block from a section sheet (序号, 备注, synonyms, no 办理状态) comes in with the workflow defaults, 立项日期 设置 今天', async () => {
    const xl = ledgerFixture({ items, protect: true, today: '2026-03-20' });
    const block = [
      ['序号', '工作任务', '责任科室', '来源类别', '完成时间', '备注'],
      ['1', '更换路灯灯杆', '工程管理科', '后勤中心各类会议决议事项', '46112', '夜间施工'],
    ]
      .map((r) => r.join('\t'))
      .join('\n');
    const p = await previewImport(xl.run, block, { defaults: { 交办层级: '台账其他任务', 事项类型: '一般' } });
    if (!p.ok) throw new Error(p.error.message);
    expect(p.value.errorRows).toEqual([]);
    expect((await applyImport(xl.run, p.value, ctx('op-import-8'))).ok).toBe(true);
    const added = rows(xl, '台账').find((r) => r['事项内容'] === '更换路灯灯杆')!;
    expect(added).toMatchObject({
      立项日期: isoToSerial('2026-03-20'),
      办理状态: '待审批',
      来源类别: '后勤中心各类会议决议',
      完成时限: 46112,
      备注: '夜间施工',
    });
  });

  test('an update whose cells changed after the preview is skipped, not overwritten', async () => {
    const xl = fixture();
    const p = await previewOf(xl);
    const other = await previewImport(xl.run, [['编号', '最近进展'].join('\t'), 'DB-2026-0001\t同事先改了'].join('\n'));
    if (!other.ok) throw new Error('preview');
    await applyImport(xl.run, other.value, ctx('op-coauthor'));
    const r = await applyImport(xl.run, p, ctx('op-import-4'));
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.skipped.map((s) => s.id)).toEqual(['DB-2026-0001']);
    expect(rows(xl, '台账').find((x) => x['编号'] === 'DB-2026-0001')!['最近进展']).toBe('同事先改了');
  });
});

describe('faults', () => {
  async function clean() {
    const xl = fixture();
    const p = await previewOf(xl);
    const before = state(xl);
    const { run, ops } = instrumented(xl);
    const r = await applyImport(run, p, ctx('op-fault'));
    expect(r.ok).toBe(true);
    return { p, before, after: state(xl), writeOps: ops[1] };
  }

  test('request failure at the write sync: unchanged or complete; a retry converges to the clean run', async () => {
    const ref = await clean();
    for (const at of [1, 2]) {
      const xl = fixture();
      const { run } = instrumented(xl, { at, kind: 'request' });
      const r = await applyImport(run, ref.p, ctx('op-fault'));
      const now = state(xl);
      expect(now === ref.before || now === ref.after).toBe(true);
      if (r.ok) expect(now).toBe(ref.after);
      await applyImport(xl.run, ref.p, ctx('op-fault'));
      expect(state(xl)).toBe(ref.after);
      expect(xl.workbook.sheet('台账').protection.protected).toBe(true);
    }
  });

  test('partial failure at each operation of the write sync: never half-written after roll-forward; retry converges', async () => {
    const ref = await clean();
    for (let k = 0; k <= ref.writeOps; k += 1) {
      const xl = fixture();
      const { run } = instrumented(xl, { at: 2, kind: 'partial', k });
      const r = await applyImport(run, ref.p, ctx('op-fault'));
      const now = state(xl);
      if (r.ok) expect(now).toBe(ref.after);
      await applyImport(xl.run, ref.p, ctx('op-fault'));
      expect(state(xl)).toBe(ref.after);
      expect(xl.workbook.sheet('台账').protection.protected).toBe(true);
      expect(xl.workbook.sheet('操作日志').protection.protected).toBe(false);
    }
  });

  test('undo under a partial failure converges too', async () => {
    const xl0 = fixture();
    const p = await previewOf(xl0);
    await applyImport(xl0.run, p, ctx('op-u'));
    await undoImport(xl0.run, 'op-u', ctx('op-undo'));
    const cleanUndo = state(xl0);
    for (const k of [0, 2, 4, 6]) {
      const xl = fixture();
      await applyImport(xl.run, p, ctx('op-u'));
      const { run } = instrumented(xl, { at: 2, kind: 'partial', k });
      await undoImport(run, 'op-u', ctx('op-undo'));
      await undoImport(xl.run, 'op-u', ctx('op-undo'));
      expect(state(xl)).toBe(cleanUndo);
    }
  });
});
