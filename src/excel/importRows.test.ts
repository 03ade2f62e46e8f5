import { makeItem } from '../domain/testing/itemFactory';
import { instrumented } from './testing/instrumented';
import type { Actor } from '../domain/workflow';
import type { ExcelDouble } from './double';
import { applyImport, importTextCell, parsePastedBlock, previewImport, undoImport, type ImportPreview } from './importRows';
import type { ActionContext } from './ledgerService';
import { ledgerFixture } from './testing/ledgerFixture';
import { columnLetter } from '../workbook/schema';

const clerk: Actor = { role: '督办员', name: '陈志刚' };
const ctx = (opId: string): ActionContext => ({ actor: clerk, on: '2026-03-20', now: new Date('2026-03-20T10:15:30'), opId });

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
const newRow = (id: string, content: string, progress = '') => line([id, '其他', '台账其他任务', content, '工程管理科', '一般', '2026-03-10', '办理中', progress]);

describe('parsePastedBlock', () => {
  test('tabs, CRLF, Excel quoting (newline, tab and "" inside quotes), blank lines, unknown headers', () => {
    const text = ['编号\t事项内容\t奇怪列\t最近进展 ', 'DB-2026-0001\t"第一行\n第二行\t含制表"\tx\t"说""好"""', '', '\t\t\t', 'DB-2026-0009\t普通\t\t'].join('\r\n') + '\r\n';
    const b = parsePastedBlock(text);
    expect(b.headers).toEqual(['编号', '事项内容', '奇怪列', '最近进展']);
    expect(b.unknownHeaders).toEqual(['奇怪列']);
    expect(b.problems[0]).toContain('导入 第1行 C列');
    expect(b.rows).toEqual([
      { 编号: 'DB-2026-0001', 事项内容: '第一行\n第二行\t含制表', 最近进展: '说"好"' },
      { 编号: 'DB-2026-0009', 事项内容: '普通', 最近进展: null },
    ]);
    expect(b.rowNumbers).toEqual([2, 5]);
  });

  test('a stray quote is kept as text; empty input reports the missing header line', () => {
    const b = parsePastedBlock('事项内容\n"引号"后面还有\n5" 管道');
    expect(b.rows.map((r) => r['事项内容'])).toEqual(['"引号"后面还有', '5" 管道']);
    expect(parsePastedBlock('').problems).toHaveLength(1);
    expect(parsePastedBlock('\r\n\r\n').rows).toEqual([]);
  });

  test('text that Excel would convert is written behind an apostrophe', () => {
    expect(importTextCell('007')).toBe("'007");
    expect(importTextCell('2026-03-05')).toBe("'2026-03-05");
    expect(importTextCell('TRUE')).toBe("'TRUE");
    expect(importTextCell("'x")).toBe("''x");
    expect(importTextCell('修路灯')).toBe('修路灯');
  });
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
    const r = await previewImport(run, parsePastedBlock(block));
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
    expect(p.errors[0]).toMatchObject({ sheet: '导入', row: 5, column: 'E', header: '承办科室' });
    expect(p.errors[0].message.startsWith('导入 第5行 E列（承办科室）')).toBe(true);
    expect(p.duplicates.map((d) => [d.pastedRow, d.kind, d.other])).toEqual([
      [6, 'same-id-in-block', 7],
      [7, 'same-id-in-block', 6],
      [8, 'same-content-existing', 'DB-2026-0003'],
    ]);
  });

  test('the same 事项内容 + 承办科室 twice in the block: the second is a duplicate', async () => {
    const xl = fixture();
    const r = await previewImport(xl.run, parsePastedBlock([HEAD.join('\t'), newRow('', '甲事项'), newRow('', '甲事项')].join('\n')));
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.add).toHaveLength(1);
    expect(r.value.duplicates.map((d) => [d.pastedRow, d.kind, d.other])).toEqual([[3, 'same-content-in-block', 2]]);
  });

  test('an empty block previews to nothing', async () => {
    const r = await previewImport(ledgerFixture().run, { headers: [], rows: [], rowNumbers: [], letters: {}, unknownHeaders: [], problems: [] });
    expect(r.ok).toBe(true);
  });
});

const IMPORT = [HEAD.join('\t'), newRow('DB-2026-0001', '修复学生公寓热水', '007'), newRow('', '新事项甲', '2026-03-05'), newRow('DB-2026-0200', '新事项乙')].join('\r\n');

async function previewOf(xl: ExcelDouble): Promise<ImportPreview> {
  const r = await previewImport(xl.run, parsePastedBlock(IMPORT));
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

describe('applyImport and undoImport', () => {
  test('apply: 3 syncs (read; the rows to update; write), rows written with the operation id, one 导入 line per row; text reads back byte for byte', async () => {
    const xl = fixture();
    const p = await previewOf(xl);
    const { run, syncs } = instrumented(xl);
    const r = await applyImport(run, p, ctx('op-import-1'));
    if (!r.ok) throw new Error(r.error.message);
    expect(syncs()).toBe(3);
    expect(r.value.syncs).toBe(3);
    expect(r.value.added.map((a) => a.id)).toEqual(['DB-2026-0004', 'DB-2026-0200']);
    expect(r.value.updated.map((a) => a.id)).toEqual(['DB-2026-0001']);
    const ledger = rows(xl, '台账');
    const one = ledger.find((x) => x['编号'] === 'DB-2026-0001')!;
    expect(one['最近进展']).toBe('007');
    expect(one['操作ID']).toBe('op-import-1');
    expect(ledger.find((x) => x['编号'] === 'DB-2026-0004')!['最近进展']).toBe('2026-03-05');
    const log = rows(xl, '操作日志').filter((x) => x['动作'] === '导入');
    expect(log.map((x) => x['编号'])).toEqual(['DB-2026-0001', 'DB-2026-0004', 'DB-2026-0200']);
    expect(JSON.parse(String(log[0]['变更前']))).toEqual({ 导入: '更新', 值: { 来源类别: '后勤中心各类会议决议', 交办日期: 46083, 最近进展: '已报修', 操作ID: 'op-seed-0' } });
    expect(xl.workbook.sheet('台账').protection.protected).toBe(true);
    // a retry with the same id changes nothing
    const after = state(xl);
    const again = await applyImport(xl.run, p, ctx('op-import-1'));
    expect(again.ok).toBe(true);
    expect(state(xl)).toBe(after);
  });

  test('apply then undo gives back the original table values (added rows cleared, never deleted)', async () => {
    const xl = fixture();
    const original = xl.workbook.table('台账');
    const origValues = original.values.map((r) => [...r]);
    const origFormulas = original.formulas.map((r) => [...r]);
    const p = await previewOf(xl);
    expect((await applyImport(xl.run, p, ctx('op-import-2'))).ok).toBe(true);
    const { run, syncs } = instrumented(xl);
    const u = await undoImport(run, 'op-import-2', ctx('op-undo-2'));
    if (!u.ok) throw new Error(u.error.message);
    expect(syncs()).toBe(3);
    expect(u.value.restored.sort()).toEqual(['DB-2026-0001', 'DB-2026-0004', 'DB-2026-0200']);
    const now = xl.workbook.table('台账');
    expect(now.values.slice(0, origValues.length)).toEqual(origValues);
    expect(now.formulas.slice(0, origFormulas.length)).toEqual(origFormulas);
    const inputs = new Set(['编号', '事项内容', '承办科室', '最近进展', '操作ID', '办理状态']);
    for (const r of rows(xl, '台账').slice(origValues.length)) {
      for (const h of inputs) expect(r[h]).toBe('');
    }
    expect(rows(xl, '操作日志').filter((x) => x['动作'] === '撤销导入')).toHaveLength(3);
    // undo again: nothing to do, nothing written
    const s = state(xl);
    const again = await undoImport(xl.run, 'op-import-2', ctx('op-undo-2'));
    expect(again.ok && again.value.restored).toEqual([]);
    expect(state(xl)).toBe(s);
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

  test('an update whose cells changed after the preview is skipped, not overwritten', async () => {
    const xl = fixture();
    const p = await previewOf(xl);
    const other = await previewImport(xl.run, parsePastedBlock([['编号', '最近进展'].join('\t'), 'DB-2026-0001\t同事先改了'].join('\n')));
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
