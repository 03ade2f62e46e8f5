/** @jest-environment jsdom */
import '../../../test/support/jsdom-shims';
import '@testing-library/jest-dom';
import { configure, screen } from '@testing-library/react';
import { makeItem } from '../../domain/testing/itemFactory';
import { ui } from '../../i18n';
import type { RoleChoice } from '../roleStore';
import { FakeLedgerService } from '../testing/fakeLedgerService';
import { choose, control, form, pick, press, ready, renderApp, requireForm, type } from '../testing/renderApp';

configure({ defaultHidden: true });
jest.setTimeout(30_000);

const c = ui.close;
const TODAY = '2026-03-16';
const SECTION = '工程管理科';
const ID = 'DB-2026-0001';

async function open(service: FakeLedgerService, role: RoleChoice) {
  renderApp(service, { page: 'close', role });
  await ready();
  pick(ID);
}

function as(role: RoleChoice): void {
  choose(ui.role.label, role.role);
  if (role.section) choose(ui.role.section, role.section);
  if (role.leader) choose(ui.role.leader, role.leader);
  if (role.name) type(ui.role.name, role.name);
}

/** Which action forms the page shows now. */
function forms(): string[] {
  return Array.from(document.querySelectorAll('[data-form]')).map((f) => f.getAttribute('data-form') ?? '');
}

async function done(message: string): Promise<void> {
  expect(await screen.findByText(message)).toBeInTheDocument();
  await ready();
}

const SECTION_ROLE: RoleChoice = { role: '科室', section: SECTION, name: '经办人乙' };
const OFFICE: RoleChoice = { role: '督办员', name: '督办员甲' };
const LEADER: RoleChoice = { role: '分管领导', leader: '李副主任' };

describe('销号', () => {
  it('申请办结 (佐证材料 required) → 初核 → 退回 (reason required) → 申请办结 (佐证材料 kept) → 初核 → 审定', async () => {
    const service = new FakeLedgerService({
      today: TODAY,
      items: [makeItem({ id: ID, section: SECTION, report1On: '2026-03-03', report3On: '2026-03-05' })],
    });
    await open(service, SECTION_ROLE);
    expect(forms()).toEqual(['apply', 'escalate']);

    type(c.applyContent, '路灯已全部更换并验收');
    press(c.apply);
    expect(screen.getByText(ui.validation.required(c.applyEvidenceName))).toBeInTheDocument();
    expect(service.calls.some((call) => call.method === 'act')).toBe(false);
    type(c.applyEvidence, '=HYPERLINK("x")');
    expect(screen.getByText(ui.validation.formulaLike(c.applyEvidenceName, '='))).toBeInTheDocument();
    type(c.applyEvidence, '路灯验收单.pdf');
    press(c.apply);
    await done(c.applyDone(ID));
    expect(service.item(ID)).toMatchObject({ state: '申请办结', appliedOn: TODAY, progress: '路灯已全部更换并验收', evidence: '路灯验收单.pdf' });
    expect(forms()).toEqual([]);
    expect(screen.getByText(ui.item.noActions)).toBeInTheDocument();

    as(OFFICE);
    expect(forms()).toEqual(['check', 'return', 'flag']);
    press(c.check);
    await done(c.checkDone(ID));
    expect(service.item(ID)?.state).toBe('已初核');
    expect(forms()).toEqual(['flag']);

    as(LEADER);
    expect(forms()).toEqual(['approve', 'return']);
    press(c.return);
    expect(screen.getByText(ui.validation.required(c.reason))).toBeInTheDocument();
    expect(service.item(ID)?.state).toBe('已初核');
    type(c.reason, '缺少验收照片');
    press(c.return);
    await done(c.returnDone(ID));
    expect(service.item(ID)).toMatchObject({ state: '办理中', returnCount: 1, appliedOn: null, checkedOn: null });
    expect(service.records.at(-1)).toMatchObject({ type: '退回', content: '缺少验收照片', signer: '李副主任' });

    // 退回 kept 佐证材料: the form starts with it, the section amends it
    as(SECTION_ROLE);
    expect(control(c.applyEvidence)).toHaveValue('路灯验收单.pdf');
    type(c.applyEvidence, '路灯验收单.pdf、https://pan.example.com/s/ld-photos');
    press(c.apply);
    await done(c.applyDone(ID));
    expect(service.item(ID)?.evidence).toBe('路灯验收单.pdf、https://pan.example.com/s/ld-photos');
    as(OFFICE);
    press(c.check);
    await done(c.checkDone(ID));

    as(LEADER);
    press(c.approve);
    expect(screen.getByText(ui.validation.choose(c.grade))).toBeInTheDocument();
    choose(c.grade, '良好');
    press(c.approve);
    await done(c.approveDone(ID, '良好'));
    expect(service.item(ID)).toMatchObject({ state: '已销号', closedOn: TODAY, grade: '良好', returnCount: 1 });
    expect(forms()).toEqual([]);

    // Each step was its own user action: distinct opIds.
    const ops = service.opIds();
    expect(new Set(ops).size).toBe(ops.length);
  });

  it('the 督办员 may 退回 at 初核', async () => {
    const service = new FakeLedgerService({
      today: TODAY,
      items: [makeItem({ id: ID, state: '申请办结', appliedOn: '2026-03-09', report1On: '2026-03-03', report3On: '2026-03-05' })],
    });
    await open(service, OFFICE);
    type(c.reason, '材料不全');
    press(c.return);
    await done(c.returnDone(ID));
    // the clerk's own name, not 「党政办公室」
    expect(service.records.at(-1)).toMatchObject({ type: '退回', signer: '督办员甲' });
  });

  it('重新立项 makes a new linked item from a closed one', async () => {
    const service = new FakeLedgerService({
      today: TODAY,
      items: [makeItem({ id: ID, state: '已销号', closedOn: '2026-03-10', reportFinalOn: '2026-03-09', grade: '优秀' })],
    });
    await open(service, OFFICE);
    expect(forms()).toEqual(['reopen', 'flag']);
    press(c.reopen);
    expect(screen.getByText(ui.validation.required(c.reopenContent))).toBeInTheDocument();
    type(c.reopenContent, '校领导新批示：路灯增加节能改造');
    press(c.reopen);
    await done(c.reopenDone('DB-2026-0002', ID));
    expect(service.item('DB-2026-0002')).toMatchObject({ state: '待审批', linkedId: ID, content: '校领导新批示：路灯增加节能改造' });
    expect(control(c.reopenContent)).toHaveValue('');
  });

  it('延期方案 (分管领导): a deadline not before today, then the item is 延期', async () => {
    const service = new FakeLedgerService({ today: TODAY, items: [makeItem({ id: ID, report1On: '2026-03-03' })] });
    await open(service, LEADER);
    expect(forms()).toEqual(['extension', 'escalate']);
    press(c.extension);
    expect(screen.getByText(ui.validation.choose(c.extensionDeadline))).toBeInTheDocument();
    type(c.extensionDeadline, '2026-03-01');
    expect(screen.getByText(ui.validation.dateBeforeToday(c.extensionDeadline, TODAY))).toBeInTheDocument();
    type(c.extensionDeadline, '2026-05-31');
    type(c.extensionNodes, '4月15日完成设计；5月31日完工');
    press(c.extension);
    await done(c.extensionDone(ID, '2026-05-31'));
    expect(service.item(ID)).toMatchObject({ extensionApprovedOn: TODAY, extensionDeadline: '2026-05-31' });
    expect(screen.getByTestId('item-summary')).toHaveTextContent('延期');
  });

  it('升级: a 科室 may only go to its 分管领导, with a reason', async () => {
    const service = new FakeLedgerService({ today: TODAY, items: [makeItem({ id: ID })] });
    await open(service, SECTION_ROLE);
    const escalate = requireForm('escalate');
    expect(Array.from(control<HTMLSelectElement>(c.escalateLevel, escalate).options).map((o) => o.value)).toEqual(['分管领导']);
    press(c.escalate, escalate);
    expect(screen.getByText(ui.validation.required(c.escalateContent))).toBeInTheDocument();
    type(c.escalateContent, '涉及校外供电单位，需中心协调', escalate);
    press(c.escalate, escalate);
    await done(c.escalateDone(ID, '分管领导'));
    expect(service.records.at(-1)).toMatchObject({ type: '升级', content: '升级至分管领导：涉及校外供电单位，需中心协调' });
  });

  it('认定 asks for confirmation; a flag set once is not offered again', async () => {
    const service = new FakeLedgerService({ today: TODAY, items: [makeItem({ id: ID })] });
    await open(service, OFFICE);
    press(c.flags.认定弄虚作假);
    expect(screen.getByText(c.confirm(c.flags.认定弄虚作假, ID))).toBeInTheDocument();
    press(c.confirmNo);
    expect(service.calls.some((call) => call.method === 'act')).toBe(false);

    press(c.flags.认定弄虚作假);
    press(c.confirmYes);
    await done(c.flagDone(ID, c.flags.认定弄虚作假));
    expect(service.item(ID)?.falsifiedOn).toBe(TODAY);
    expect(screen.queryByText(c.flags.认定弄虚作假)).toBeNull();
    expect(screen.getByText(c.flags.认定敷衍推诿)).toBeInTheDocument();
    expect(form('flag')).not.toBeNull();
  });
});
