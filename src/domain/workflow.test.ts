import fc from 'fast-check';
import { ACTION_TYPES, allowedActions, applyAction, registerItem, type Action, type ActionType, type Actor, type NewItemInput } from './workflow';
import { civilFromDayNumber, dayNumberFromCivil } from './parseDate';
import { ROLES, WORKFLOW_STATES, type FeedbackRecord, type LedgerItem, type Role, type WorkflowState } from './types';
import type { Result } from './result';

const SECTION = '物业管理科';
const input: NewItemInput = {
  id: 'DB-2026-0012',
  source: '学校重点工作、重点建设项目',
  level: '中心党总支、中心交办',
  content: '学生公寓热水系统维修',
  section: SECTION,
  kind: '一般',
};

const people: Record<Role, Actor> = {
  督办员: { role: '督办员', name: '赵督办' },
  科室: { role: '科室', name: '王科长', section: SECTION },
  分管领导: { role: '分管领导', name: '李副主任' },
  中心主任: { role: '中心主任', name: '张主任' },
};

function value<T>(r: Result<T>): T {
  if (!r.ok) throw new Error(`expected ok: ${r.error.code} ${r.error.message}`);
  return r.value;
}
function error<T>(r: Result<T>) {
  if (r.ok) throw new Error('expected an error');
  return r.error;
}

function deepFreeze<T>(o: T): T {
  if (o && typeof o === 'object') {
    Object.values(o).forEach(deepFreeze);
    Object.freeze(o);
  }
  return o;
}

const registered = (): LedgerItem => value(registerItem(input, people.督办员, '2026-03-04'));

/** A consistent item in each state, as the workflow itself would have left it. */
function itemIn(state: WorkflowState): LedgerItem {
  const base = registered();
  const assigned = { ...base, state: '已交办' as const, assignedOn: '2026-03-05' };
  switch (state) {
    case '待审批':
      return base;
    case '已交办':
      return assigned;
    case '办理中':
      return { ...assigned, state };
    case '申请办结':
      return { ...assigned, state, appliedOn: '2026-03-10' };
    case '已初核':
      return { ...assigned, state, appliedOn: '2026-03-10', checkedOn: '2026-03-11' };
    case '已销号':
      return {
        ...assigned,
        state,
        appliedOn: '2026-03-10',
        checkedOn: '2026-03-11',
        approvedOn: '2026-03-12',
        closedOn: '2026-03-12',
        grade: '良好',
      };
  }
}

const unsignedReport = (item: LedgerItem, type: FeedbackRecord['type'] = '1天反馈'): FeedbackRecord => ({
  itemId: item.id,
  type,
  date: '2026-03-06',
  content: '已召开专题会研究部署',
  signer: '',
  signedOn: null,
});

/** A well-formed payload for each action, so that only state/role decide. */
function payload(type: ActionType, item: LedgerItem, role: Role): Action {
  switch (type) {
    case '审批同意':
      return { type, assignedOn: '2026-03-20' };
    case '反馈':
      return { type, node: '3天反馈', content: '已完成管道排查' };
    case '审签':
      return { type, record: unsignedReport(item) };
    case '审签退回':
      return { type, record: unsignedReport(item), comment: '请补充责任人' };
    case '催办':
      return { type, content: '电话催办' };
    case '申请办结':
      return { type, evidence: '维修验收单.pdf' };
    case '审定':
      return { type, grade: '良好' };
    case '退回':
      return { type, reason: '佐证材料不全' };
    case '延期方案':
      return { type, deadline: '2026-06-30', nodes: '4月底完成招标；6月底完工' };
    case '升级':
      return { type, level: role === '分管领导' ? '中心主任' : '分管领导', content: '需协调资金' };
    case '重新立项':
      return { type, content: '校领导新批示：增设热水计量', newId: 'DB-2026-0013' };
    default:
      return { type } as Action;
  }
}

// The permission matrix of docs/rules.md, written out per state and role (independently of PERMISSIONS).
const flags: ActionType[] = ['认定敷衍推诿', '认定弄虚作假'];
const EXPECTED: Record<WorkflowState, Partial<Record<Role, ActionType[]>>> = {
  待审批: { 中心主任: ['审批同意'] },
  已交办: {
    科室: ['开始办理', '反馈', '升级'],
    分管领导: ['审签', '审签退回', '延期方案', '升级'],
    督办员: ['催办', '升级', ...flags],
    中心主任: ['延期方案'],
  },
  办理中: {
    科室: ['反馈', '申请办结', '升级'],
    分管领导: ['审签', '审签退回', '延期方案', '升级'],
    督办员: ['催办', '升级', ...flags],
    中心主任: ['延期方案'],
  },
  申请办结: { 分管领导: ['审签', '审签退回'], 督办员: ['催办', '初核', '退回', ...flags] },
  已初核: { 分管领导: ['审签', '审签退回', '审定', '退回'], 督办员: ['催办', ...flags] },
  已销号: { 督办员: ['重新立项', ...flags] },
};

const ON = '2026-03-20';

describe('the permission table: every (state, action, role)', () => {
  const cases = WORKFLOW_STATES.flatMap((state) =>
    ACTION_TYPES.flatMap((action) => ROLES.map((role) => [state, action, role, (EXPECTED[state][role] ?? []).includes(action)] as const)),
  );
  test('covers 6 states × 15 actions × 4 roles', () => expect(cases).toHaveLength(360));

  test.each(cases)('%s · %s · %s → %p', (state, action, role, allowed) => {
    const item = deepFreeze(itemIn(state));
    const r = applyAction(item, payload(action, item, role), people[role], ON);
    expect(r.ok).toBe(allowed);
    if (!r.ok) expect(['wrong-state', 'wrong-role']).toContain(r.error.code);
    expect(allowedActions(item, role).includes(action)).toBe(allowed);
  });
});

describe('refusals say why', () => {
  test('审定 while 办理中', () => {
    const r = applyAction(itemIn('办理中'), { type: '审定', grade: '良好' }, people.分管领导, ON);
    expect(error(r)).toEqual({ code: 'wrong-state', message: '当前状态为“办理中”，不能审定；需先申请办结并经初核' });
  });

  test('审定 by the office', () => {
    const r = applyAction(itemIn('已初核'), { type: '审定', grade: '良好' }, people.督办员, ON);
    expect(error(r).message).toBe('“审定”须由分管领导办理，当前身份为“督办员”');
  });

  test('退回 at 初核 is the office’s, at 审定 the 分管领导’s', () => {
    const r1 = applyAction(itemIn('申请办结'), { type: '退回', reason: 'x' }, people.分管领导, ON);
    expect(error(r1).message).toBe('事项处于“申请办结”时，“退回”须由督办员办理，当前身份为“分管领导”');
    const r2 = applyAction(itemIn('已初核'), { type: '退回', reason: 'x' }, people.督办员, ON);
    expect(error(r2).message).toBe('事项处于“已初核”时，“退回”须由分管领导办理，当前身份为“督办员”');
  });

  test('a 科室 acts only on its own items', () => {
    const other = applyAction(itemIn('已交办'), { type: '开始办理' }, { role: '科室', name: '钱科长', section: '膳食科' }, ON);
    expect(error(other)).toEqual({
      code: 'other-section',
      message: '科室只能办理本科室的事项：该事项由“物业管理科”承办，当前为“膳食科”',
    });
    expect(error(applyAction(itemIn('已交办'), { type: '开始办理' }, { role: '科室', name: '钱' }, ON)).code).toBe('no-section');
    expect(allowedActions(itemIn('已交办'), '科室', '膳食科')).toEqual([]);
    expect(allowedActions(itemIn('已交办'), '科室', SECTION)).toEqual(['开始办理', '反馈', '升级']);
  });

  test.each<[string, LedgerItem, Action, Actor, string, string | RegExp]>([
    ['审批 without 交办日期', itemIn('待审批'), { type: '审批同意' } as Action, people.中心主任, 'missing-assigned-on', '审批同意即交办，须填写交办日期'],
    ['审批 with a bad 交办日期', itemIn('待审批'), { type: '审批同意', assignedOn: '2026/3/5' }, people.中心主任, 'bad-date', /不是有效日期/],
    [
      '交办 before 立项',
      itemIn('待审批'),
      { type: '审批同意', assignedOn: '2026-03-01' },
      people.中心主任,
      'assigned-before-registered',
      '交办日期 2026-03-01 早于立项日期 2026-03-04',
    ],
    [
      '完成时限 before 交办',
      itemIn('待审批'),
      { type: '审批同意', assignedOn: '2026-03-05', explicitDeadline: '2026-03-04' },
      people.中心主任,
      'deadline-before-assigned',
      /完成时限 2026-03-04 早于交办日期/,
    ],
    ['反馈 without content', itemIn('办理中'), { type: '反馈', node: '1天反馈', content: '  ' }, people.科室, 'missing-content', '1天反馈须填写内容'],
    [
      '反馈 of an unknown node',
      itemIn('办理中'),
      { type: '反馈', node: '周报', content: 'x' } as unknown as Action,
      people.科室,
      'bad-report-type',
      /不是反馈节点/,
    ],
    [
      '月度反馈 without a plan',
      itemIn('办理中'),
      { type: '反馈', node: '月度反馈', content: 'x' },
      people.科室,
      'no-plan',
      '月度反馈只适用于已批准延期方案的事项',
    ],
    ['反馈 that Excel would read as a formula', itemIn('办理中'), { type: '反馈', node: '1天反馈', content: '=1+1' }, people.科室, 'formula-like', /公式/],
    ['反馈 too long', itemIn('办理中'), { type: '反馈', node: '1天反馈', content: '字'.repeat(1001) }, people.科室, 'too-long', /最多 1000 字/],
    [
      '审签 of another item’s record',
      itemIn('办理中'),
      { type: '审签', record: { ...unsignedReport(itemIn('办理中')), itemId: 'DB-2026-0001' } },
      people.分管领导,
      'other-item',
      /不是“DB-2026-0012”/,
    ],
    [
      '审签 of a signed record',
      itemIn('办理中'),
      { type: '审签', record: { ...unsignedReport(itemIn('办理中')), signer: '李', signedOn: '2026-03-07' } },
      people.分管领导,
      'already-signed',
      '这条反馈已由李于 2026-03-07 审签',
    ],
    [
      '审签 of a 催办 record',
      itemIn('办理中'),
      { type: '审签', record: { ...unsignedReport(itemIn('办理中')), type: '催办' } },
      people.分管领导,
      'not-a-report',
      /不需要审签/,
    ],
    [
      '审签 before the report',
      itemIn('办理中'),
      { type: '审签', record: { ...unsignedReport(itemIn('办理中')), date: '2026-03-25' } },
      people.分管领导,
      'sign-before-report',
      '审签日期 2026-03-20 早于反馈日期 2026-03-25',
    ],
    ['审签 after 销号', itemIn('已销号'), { type: '审签', record: unsignedReport(itemIn('已销号')) }, people.分管领导, 'wrong-state', /事项已销号，不能再审签/],
    ['审定 without a grade', itemIn('已初核'), { type: '审定', grade: '好' } as unknown as Action, people.分管领导, 'bad-grade', /须给出评价等级/],
    ['退回 without a reason', itemIn('申请办结'), { type: '退回', reason: '' }, people.督办员, 'missing-reason', '退回须写明理由'],
    ['延期 to a past date', itemIn('办理中'), { type: '延期方案', deadline: '2026-03-19', nodes: '' }, people.分管领导, 'extension-in-past', /早于批准日/],
    ['延期 to a non-date', itemIn('办理中'), { type: '延期方案', deadline: '下月', nodes: '' }, people.分管领导, 'bad-date', /不是有效日期/],
    [
      '科室 escalating straight to the 中心主任',
      itemIn('办理中'),
      { type: '升级', level: '中心主任', content: 'x' },
      people.科室,
      'wrong-level',
      '“科室”不能把事项升级到“中心主任”',
    ],
    ['升级 without content', itemIn('办理中'), { type: '升级', level: '分管领导', content: '' }, people.科室, 'missing-content', /须填写内容/],
    ['重新立项 without content', itemIn('已销号'), { type: '重新立项', content: '' }, people.督办员, 'missing-content', '事项内容须填写内容'],
    [
      '认定 twice',
      { ...itemIn('办理中'), falsifiedOn: '2026-03-15' },
      { type: '认定弄虚作假' },
      people.督办员,
      'already-flagged',
      '该事项已于 2026-03-15 认定为弄虚作假',
    ],
    ['back-dated action', itemIn('申请办结'), { type: '初核' }, people.督办员, 'backdated', '办理日期 2026-03-20 早于该事项的申请办结日 2026-03-21，不能倒签'],
    ['an unknown action', itemIn('办理中'), { type: '撤销' } as unknown as Action, people.督办员, 'unknown-action', '无法识别的操作“撤销”'],
    ['an actor without a name', itemIn('办理中'), { type: '催办' }, { role: '督办员', name: ' ' }, 'no-actor-name', '须注明办理人姓名'],
    ['an unknown role', itemIn('办理中'), { type: '催办' }, { role: '校长', name: 'x' } as unknown as Actor, 'bad-role', /不是可识别的身份/],
  ])('%s', (_name, item, action, actor, code, message) => {
    const fixed = _name === 'back-dated action' ? { ...item, appliedOn: '2026-03-21' } : item;
    const e = error(applyAction(deepFreeze(fixed), action, actor, ON));
    expect(e.code).toBe(code);
    if (typeof message === 'string') expect(e.message).toBe(message);
    else expect(e.message).toMatch(message);
  });

  test('an invalid action date', () => {
    expect(error(applyAction(itemIn('办理中'), { type: '催办' }, people.督办员, '2026-3-20')).code).toBe('bad-date');
  });

  test('认定 already made disappears from allowedActions', () => {
    expect(allowedActions({ ...itemIn('办理中'), perfunctoryOn: '2026-03-10' }, '督办员')).toEqual(['催办', '升级', '认定弄虚作假']);
  });
});

describe('registerItem (立项)', () => {
  test('a new item waits for approval', () => {
    const item = registered();
    expect(item).toMatchObject({
      id: 'DB-2026-0012',
      registeredOn: '2026-03-04',
      state: '待审批',
      assignedOn: null,
      returnCount: 0,
      urgeCount: 0,
      linkedId: '',
    });
  });

  test.each<[string, Partial<NewItemInput>, Actor, string]>([
    ['by a 科室', {}, people.科室, 'wrong-role'],
    ['without 编号', { id: '' }, people.督办员, 'missing-field'],
    ['without content', { content: '' }, people.督办员, 'missing-content'],
    ['formula-like content', { content: '@x' }, people.督办员, 'formula-like'],
    ['formula-like content after a leading space', { content: ' =1+1' }, people.督办员, 'formula-like'],
    ['without section', { section: ' ' }, people.督办员, 'missing-field'],
    ['unknown 来源类别', { source: '领导交办' as never }, people.督办员, 'bad-enum'],
    ['unknown 交办层级', { level: '学校' as never }, people.督办员, 'bad-enum'],
    ['unknown 事项类型', { kind: '重大' as never }, people.督办员, 'bad-enum'],
  ])('refused %s', (_name, patch, actor, code) => {
    expect(error(registerItem({ ...input, ...patch }, actor, '2026-03-04')).code).toBe(code);
  });

  test('refused on an invalid date', () => {
    expect(error(registerItem(input, people.督办员, '2026-02-30')).code).toBe('bad-date');
  });
});

describe('effects', () => {
  test('审签 fixes a node’s date once; 月度反馈 fixes none; the signed text becomes 最近进展', () => {
    const item = itemIn('办理中');
    const first = value(applyAction(item, { type: '审签', record: unsignedReport(item) }, people.分管领导, '2026-03-07'));
    expect(first.item.report1On).toBe('2026-03-07');
    expect(first.item.progress).toBe('已召开专题会研究部署');
    expect(first.records).toEqual([{ ...unsignedReport(item), signer: '李副主任', signedOn: '2026-03-07' }]);
    const again = value(applyAction(first.item, { type: '审签', record: unsignedReport(item) }, people.分管领导, '2026-03-09'));
    expect(again.item.report1On).toBe('2026-03-07');
    const final = value(applyAction(item, { type: '审签', record: unsignedReport(item, '落实反馈') }, people.分管领导, ON));
    expect(final.item.reportFinalOn).toBe(ON);
    const monthly = value(applyAction(item, { type: '审签', record: unsignedReport(item, '月度反馈') }, people.分管领导, ON));
    expect([monthly.item.report1On, monthly.item.report3On, monthly.item.reportFinalOn]).toEqual([null, null, null]);
  });

  test('反馈 on an item just 交办 means work has started', () => {
    const r = value(applyAction(itemIn('已交办'), { type: '反馈', node: '1天反馈', content: '已部署' }, people.科室, '2026-03-06'));
    expect(r.item.state).toBe('办理中');
    expect(r.records).toEqual([{ itemId: 'DB-2026-0012', type: '1天反馈', date: '2026-03-06', content: '已部署', signer: '', signedOn: null }]);
    expect(r.item.report1On).toBeNull();
  });

  test('催办 counts, dates and records', () => {
    const r = value(applyAction(itemIn('办理中'), { type: '催办' }, people.督办员, ON));
    expect(r.item).toMatchObject({ urgeCount: 1, lastUrgedOn: ON });
    expect(r.records).toEqual([{ itemId: 'DB-2026-0012', type: '催办', date: ON, content: '请按时限办理并反馈', signer: '赵督办', signedOn: null }]);
  });

  test('延期方案 records the plan; then 月度反馈 is possible', () => {
    const r = value(applyAction(itemIn('办理中'), { type: '延期方案', deadline: '2026-06-30', nodes: '4月底招标' }, people.分管领导, ON));
    expect(r.item).toMatchObject({ extensionApprovedOn: ON, extensionDeadline: '2026-06-30', extensionNodes: '4月底招标' });
    expect(value(applyAction(r.item, { type: '反馈', node: '月度反馈', content: '招标完成' }, people.科室, '2026-04-20')).records[0].type).toBe('月度反馈');
  });

  test('升级 adds a record naming the level', () => {
    const r = value(applyAction(itemIn('办理中'), { type: '升级', level: '分管领导', content: '需跨科室协调' }, people.科室, ON));
    expect(r.item).toEqual(itemIn('办理中'));
    expect(r.records[0]).toMatchObject({ type: '升级', content: '升级至分管领导：需跨科室协调', signer: '王科长' });
  });

  test('the 中心主任 may approve a plan escalated to him', () => {
    expect(applyAction(itemIn('办理中'), { type: '延期方案', deadline: '2026-09-30', nodes: '' }, people.中心主任, ON).ok).toBe(true);
  });

  test('认定 sets the dates', () => {
    expect(value(applyAction(itemIn('办理中'), { type: '认定敷衍推诿' }, people.督办员, ON)).item.perfunctoryOn).toBe(ON);
    expect(value(applyAction(itemIn('已销号'), { type: '认定弄虚作假' }, people.督办员, ON)).item.falsifiedOn).toBe(ON);
  });

  test('inputs are never mutated', () => {
    const item = deepFreeze(itemIn('已初核'));
    const action = deepFreeze<Action>({ type: '退回', reason: '整改不到位' });
    const r = value(applyAction(item, action, people.分管领导, ON));
    expect(r.item).not.toBe(item);
    expect(item.state).toBe('已初核');
  });
});

describe('end to end: register → 审批 → 1/3/7 reports signed → 申请办结 → 初核 → 退回 → again → 审定 → 重新立项', () => {
  test('the whole life of an item', () => {
    let item = registered();
    const records: FeedbackRecord[] = [];
    const step = (action: Action, role: Role, on: string) => {
      const r = value(applyAction(item, action, people[role], on));
      item = r.item;
      records.push(...r.records);
      return r;
    };
    const signLast = (on: string) => step({ type: '审签', record: records[records.length - 1] }, '分管领导', on);

    expect(allowedActions(item, '中心主任')).toEqual(['审批同意']);
    step({ type: '审批同意', assignedOn: '2026-03-05', requirement: '3月底前恢复热水' }, '中心主任', '2026-03-05');
    expect(item).toMatchObject({ state: '已交办', assignedOn: '2026-03-05', requirement: '3月底前恢复热水' });

    step({ type: '开始办理' }, '科室', '2026-03-05');
    expect(item.state).toBe('办理中');

    step({ type: '反馈', node: '1天反馈', content: '已研究部署' }, '科室', '2026-03-06');
    signLast('2026-03-06');
    step({ type: '反馈', node: '3天反馈', content: '已完成管道排查' }, '科室', '2026-03-08');
    signLast('2026-03-09');
    step({ type: '反馈', node: '落实反馈', content: '热水已恢复' }, '科室', '2026-03-12');
    signLast('2026-03-12');
    expect(item).toMatchObject({ report1On: '2026-03-06', report3On: '2026-03-09', reportFinalOn: '2026-03-12', progress: '热水已恢复' });
    expect(records.filter((r) => r.signedOn !== null)).toHaveLength(3);

    step({ type: '申请办结', evidence: '热水恢复现场照片.zip' }, '科室', '2026-03-12');
    expect(item).toMatchObject({ state: '申请办结', appliedOn: '2026-03-12', evidence: '热水恢复现场照片.zip' });
    step({ type: '初核' }, '督办员', '2026-03-13');
    expect(item).toMatchObject({ state: '已初核', checkedOn: '2026-03-13' });
    step({ type: '退回', reason: '缺少维修验收单' }, '分管领导', '2026-03-14');
    // 退回 keeps 佐证材料: the section amends it when it applies again
    expect(item).toMatchObject({ state: '办理中', returnCount: 1, appliedOn: null, checkedOn: null, evidence: '热水恢复现场照片.zip' });
    expect(records[records.length - 1]).toMatchObject({ type: '退回', content: '缺少维修验收单', date: '2026-03-14' });

    step({ type: '申请办结', content: '已补验收单', evidence: '热水恢复现场照片.zip、维修验收单.pdf' }, '科室', '2026-03-16');
    step({ type: '初核' }, '督办员', '2026-03-17');
    step({ type: '审定', grade: '良好' }, '分管领导', '2026-03-18');
    expect(item).toMatchObject({
      state: '已销号',
      appliedOn: '2026-03-16',
      checkedOn: '2026-03-17',
      approvedOn: '2026-03-18',
      closedOn: '2026-03-18',
      grade: '良好',
      returnCount: 1,
      evidence: '热水恢复现场照片.zip、维修验收单.pdf',
    });
    expect(allowedActions(item, '督办员')).toEqual(['重新立项', '认定敷衍推诿', '认定弄虚作假']);

    const closed = item;
    const again = step({ type: '重新立项', content: '校领导批示：增设热水计量', newId: 'DB-2026-0013' }, '督办员', '2026-04-01');
    expect(again.item).toEqual(closed);
    expect(again.newItem).toMatchObject({
      id: 'DB-2026-0013',
      registeredOn: '2026-04-01',
      state: '待审批',
      linkedId: 'DB-2026-0012',
      section: SECTION,
      level: closed.level,
      source: closed.source,
      kind: closed.kind,
      content: '校领导批示：增设热水计量',
      assignedOn: null,
      closedOn: null,
      grade: null,
      returnCount: 0,
    });
  });
});

describe('property: random action sequences', () => {
  const dayOf = (iso: string) => dayNumberFromCivil(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)), Number(iso.slice(8, 10)));
  const isoOf = (n: number) => {
    const { y, m, d } = civilFromDayNumber(n);
    return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  };
  const text = fc.oneof(fc.constantFrom('', ' ', '正常内容', '=SUM(A1)', '字'.repeat(1001)), fc.string({ maxLength: 8 }));
  const stepArb = fc.record({
    // Mostly pick an action some role may take now, so sequences get deep (to 已销号 and beyond);
    // sometimes anything at all, by anyone.
    onOffer: fc.integer({ min: 0, max: 9 }).map((n) => n < 8),
    type: fc.oneof(fc.constantFrom<string>(...ACTION_TYPES), fc.constant('撤销')),
    role: fc.constantFrom(...ROLES),
    otherSection: fc.boolean(),
    delta: fc.integer({ min: -1, max: 6 }),
    text,
    node: fc.constantFrom('1天反馈', '3天反馈', '落实反馈', '月度反馈', '周报'),
    grade: fc.constantFrom('优秀', '良好', '合格', '不合格', ''),
    level: fc.constantFrom('分管领导', '中心主任', '校长'),
    pick: fc.nat(),
    dateDelta: fc.integer({ min: -10, max: 90 }),
  });
  const reached = new Set<string>();

  test('never throw; state stays in WORKFLOW_STATES; counters never decrease; closedOn iff 已销号', () => {
    fc.assert(
      fc.property(fc.array(stepArb, { maxLength: 60, size: 'max' }), (steps) => {
        let item = registered();
        let day = dayOf('2026-03-04');
        const records: FeedbackRecord[] = [];
        for (const s of steps) {
          day += s.delta;
          const on = isoOf(day);
          const date = isoOf(day + s.dateDelta);
          let role: Role = s.role;
          let type = s.type;
          if (s.onOffer) {
            const offers = ROLES.flatMap((r) => allowedActions(item, r).map((a) => [r, a] as const));
            if (offers.length > 0) [role, type] = offers[s.pick % offers.length];
          }
          const unsigned = records.filter((r) => r.signedOn === null);
          const action = {
            type,
            assignedOn: date,
            node: s.node,
            content: s.text,
            reason: s.text,
            comment: s.text,
            nodes: s.text,
            evidence: s.text,
            grade: s.grade,
            level: s.level,
            deadline: date,
            newId: 'DB-2026-0099',
            record: unsigned.length > 0 ? unsigned[s.pick % unsigned.length] : unsignedReport(item),
          } as unknown as Action;
          const actor: Actor = { ...people[role], section: s.otherSection && !s.onOffer ? '膳食科' : SECTION };
          const before = deepFreeze(item);
          const allowed = allowedActions(before, role, actor.section);
          const r = applyAction(before, action, actor, on);
          if (!r.ok) {
            expect(typeof r.error.code).toBe('string');
            expect(r.error.message.length).toBeGreaterThan(0);
            continue;
          }
          // Whatever succeeded was on offer to that role.
          expect(allowed).toContain(type);
          const after = r.value.item;
          expect(WORKFLOW_STATES).toContain(after.state);
          expect(after.returnCount).toBeGreaterThanOrEqual(before.returnCount);
          expect(after.urgeCount).toBeGreaterThanOrEqual(before.urgeCount);
          expect(after.closedOn !== null).toBe(after.state === '已销号');
          expect(after.grade !== null).toBe(after.state === '已销号');
          // an application always carries its 佐证材料
          if (type === '申请办结') expect(after.evidence.trim()).not.toBe('');
          if (r.value.newItem) {
            expect(r.value.newItem.state).toBe('待审批');
            expect(r.value.newItem.linkedId).toBe(before.id);
            expect(after).toEqual(before);
          }
          for (const rec of r.value.records) {
            expect(rec.itemId).toBe(before.id);
            if (rec.signedOn === null) records.push(rec);
            else {
              const at = records.indexOf((action as { record: FeedbackRecord }).record);
              if (at >= 0) records[at] = rec;
              else records.push(rec);
            }
          }
          reached.add(after.state);
          if (after.returnCount > 0) reached.add('退回过');
          if (after.reportFinalOn) reached.add('落实反馈已审签');
          item = after;
        }
      }),
      { numRuns: 300 },
    );
  });

  test('the sequences above reached every state, a 退回 and a signed report', () => {
    for (const s of [...WORKFLOW_STATES.filter((x) => x !== '待审批'), '退回过', '落实反馈已审签']) expect(reached).toContain(s);
  });
});
