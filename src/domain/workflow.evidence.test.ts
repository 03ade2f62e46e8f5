/**
 * 佐证材料 at 申请办结 (the seed: 落实情况要见人见事、见根见效): required, checked as every text the
 * workflow writes (length from the 台账 column, no formula lead), kept through 退回 and 初核/审定.
 */
import { makeItem } from './testing/itemFactory';
import type { Result } from './result';
import type { LedgerItem } from './types';
import { LEDGER_INPUT_COLUMNS } from './validation';
import { applyAction, type Action, type Actor } from './workflow';

const ON = '2026-03-10';
const section: Actor = { role: '科室', name: '王科长', section: '工程管理科' };
const clerk: Actor = { role: '督办员', name: '赵督办' };
const leader: Actor = { role: '分管领导', name: '李副主任' };
const working = makeItem({ report1On: '2026-03-03', report3On: '2026-03-05' });
const MAX = LEDGER_INPUT_COLUMNS.find((c) => c.field === 'evidence')!.maxLength!;

function value<T>(r: Result<T>): T {
  if (!r.ok) throw new Error(`expected ok: ${r.error.code} ${r.error.message}`);
  return r.value;
}

const apply = (evidence: unknown, content?: string) =>
  applyAction(working, { type: '申请办结', evidence, ...(content === undefined ? {} : { content }) } as Action, section, ON);

describe('申请办结 with 佐证材料', () => {
  test.each<[string, unknown, Partial<LedgerItem>]>([
    ['a link', 'https://pan.example.com/s/13710-0001', { evidence: 'https://pan.example.com/s/13710-0001' }],
    ['file names', '验收单.pdf、整改前后照片.zip', { evidence: '验收单.pdf、整改前后照片.zip' }],
    ['kept as typed (spaces included)', ' 验收单.pdf ', { evidence: ' 验收单.pdf ' }],
    ['exactly the column limit', '证'.repeat(MAX), { evidence: '证'.repeat(MAX) }],
    ['a formula character after the first', '附件=验收单', { evidence: '附件=验收单' }],
  ])('%s → stored on the item', (_name, evidence, expected) => {
    const out = value(apply(evidence));
    expect(out.item).toMatchObject({ state: '申请办结', appliedOn: ON, ...expected });
    expect(out.records).toEqual([]);
  });

  test.each<[string, unknown, string, string | RegExp]>([
    ['missing', undefined, 'missing-evidence', '申请办结须提供佐证材料（链接或文件名）：落实情况要见人见事、见根见效'],
    ['empty', '', 'missing-evidence', /须提供佐证材料/],
    ['blank', ' \u3000 ', 'missing-evidence', /须提供佐证材料/],
    ['not text', 42, 'missing-evidence', /须提供佐证材料/],
    ['too long', '证'.repeat(MAX + 1), 'too-long', `佐证材料过长：最多 ${MAX} 字，现有 ${MAX + 1} 字`],
    ['a leading =', '=HYPERLINK("http://x")', 'formula-like', /^佐证材料以“=”开头/],
    ['a leading +', '+86 电话记录', 'formula-like', /^佐证材料以“\+”开头/],
    ['a leading -', '-验收单.pdf', 'formula-like', /^佐证材料以“-”开头/],
    ['a leading @', '@科室群文件', 'formula-like', /^佐证材料以“@”开头/],
    ['spaces, then =', ' \u3000=1+1', 'formula-like', /^佐证材料以“=”开头/],
  ])('%s → refused (%s)', (_name, evidence, code, message) => {
    const r = apply(evidence);
    if (r.ok) throw new Error('expected a refusal');
    expect(r.error.code).toBe(code);
    if (typeof message === 'string') expect(r.error.message).toBe(message);
    else expect(r.error.message).toMatch(message);
  });

  test('办结情况 stays optional and becomes 最近进展; a bad 办结情况 is refused before the evidence is looked at', () => {
    expect(value(apply('验收单.pdf', '路灯已全部更换')).item).toMatchObject({ progress: '路灯已全部更换', evidence: '验收单.pdf' });
    expect(value(apply('验收单.pdf', '')).item.progress).toBe(working.progress);
    const r = apply('', '=x');
    expect(r.ok ? '' : r.error.code).toBe('formula-like');
  });

  test('退回 keeps 佐证材料; applying again replaces it; 初核 and 审定 leave it', () => {
    const applied = value(apply('验收单.pdf')).item;
    const returned = value(applyAction(applied, { type: '退回', reason: '缺少整改前后照片' }, clerk, ON)).item;
    expect(returned).toMatchObject({ state: '办理中', appliedOn: null, evidence: '验收单.pdf' });
    const again = value(applyAction(returned, { type: '申请办结', evidence: '验收单.pdf、整改前后照片.zip' }, section, '2026-03-11')).item;
    expect(again.evidence).toBe('验收单.pdf、整改前后照片.zip');
    const checked = value(applyAction(again, { type: '初核' }, clerk, '2026-03-12')).item;
    const closed = value(applyAction(checked, { type: '审定', grade: '优秀' }, leader, '2026-03-12')).item;
    expect([checked.evidence, closed.evidence]).toEqual(['验收单.pdf、整改前后照片.zip', '验收单.pdf、整改前后照片.zip']);
  });

  test('重新立项: the new item starts without 佐证材料', () => {
    const closed = makeItem({ state: '已销号', appliedOn: '2026-03-09', closedOn: '2026-03-10', grade: '良好', evidence: '验收单.pdf' });
    const out = value(applyAction(closed, { type: '重新立项', content: '复查', newId: 'DB-2026-0002' }, clerk, '2026-03-11'));
    expect(out.newItem?.evidence).toBe('');
    expect(out.item.evidence).toBe('验收单.pdf');
  });
});
