/** @jest-environment jsdom */
import '../../../test/support/jsdom-shims';
import '@testing-library/jest-dom';
import { configure, screen, within } from '@testing-library/react';
import { makeItem } from '../../domain/testing/itemFactory';
import { ui } from '../../i18n';
import type { RoleChoice } from '../roleStore';
import { FakeLedgerService } from '../testing/fakeLedgerService';
import { choose, control, form, pick, press, ready, renderApp, requireForm, type } from '../testing/renderApp';

configure({ defaultHidden: true });
jest.setTimeout(20_000);

const rp = ui.report;
const TODAY = '2026-03-16'; // a Monday
const SECTION = '工程管理科';

async function open(service: FakeLedgerService, role: RoleChoice | null) {
  renderApp(service, { page: 'report', role });
  await ready();
}

function nodeOptions(): string[] {
  return Array.from(control<HTMLSelectElement>(rp.node).options).map((o) => o.value);
}

function pickerOrder(): string[] {
  return Array.from(document.querySelectorAll('button[data-item]')).map((b) => b.getAttribute('data-item') ?? '');
}

describe('反馈', () => {
  it('a 科室 reports a node, its 分管领导 signs it, and the node is no longer offered', async () => {
    const service = new FakeLedgerService({
      today: TODAY,
      items: [makeItem({ id: 'DB-2026-0001', section: SECTION, state: '已交办', assignedOn: TODAY, registeredOn: TODAY })],
    });
    await open(service, { role: '科室', section: SECTION, name: '经办人乙' });
    pick('DB-2026-0001');
    expect(nodeOptions()).toEqual(['1天反馈', '3天反馈', '落实反馈']);

    press(rp.submit);
    expect(screen.getByText(ui.validation.required(rp.content))).toBeInTheDocument();
    expect(service.calls.some((c) => c.method === 'act')).toBe(false);

    type(rp.content, '已召开专题会研究部署，明确专人负责');
    press(rp.submit);
    expect(await screen.findByText(rp.done('DB-2026-0001', '1天反馈'))).toBeInTheDocument();
    expect(service.item('DB-2026-0001')?.state).toBe('办理中');
    expect(service.records).toHaveLength(1);
    expect(service.records[0]).toMatchObject({ type: '1天反馈', signedOn: null, content: '已召开专题会研究部署，明确专人负责' });
    await ready();
    expect(control(rp.content)).toHaveValue('');
    // Not yet signed: 1天反馈 is still open.
    expect(nodeOptions()).toContain('1天反馈');

    // The 分管领导 of 工程管理科 signs it.
    choose(ui.role.label, '分管领导');
    choose(ui.role.leader, '李副主任');
    expect(form('feedback')).toBeNull();
    const sign = requireForm('sign');
    expect(within(sign).getByText(rp.record('DB-2026-0001', '1天反馈', TODAY))).toBeInTheDocument();
    press(rp.sign, sign);
    expect(await screen.findByText(rp.signDone('DB-2026-0001', '1天反馈'))).toBeInTheDocument();
    expect(service.item('DB-2026-0001')?.report1On).toBe(TODAY);
    expect(service.records[0]).toMatchObject({ signer: '李副主任', signedOn: TODAY });
    await ready();
    expect(within(requireForm('sign')).getByText(rp.signEmpty)).toBeInTheDocument();

    // Back as the 科室: only the nodes still open are offered.
    choose(ui.role.label, '科室');
    choose(ui.role.section, SECTION);
    expect(nodeOptions()).toEqual(['3天反馈', '落实反馈']);
  });

  it('offers 月度反馈 only under an approved plan', async () => {
    const service = new FakeLedgerService({
      today: TODAY,
      items: [makeItem({ id: 'DB-2026-0001', report1On: '2026-03-03', extensionApprovedOn: '2026-03-09', extensionDeadline: '2026-05-30' })],
    });
    await open(service, { role: '科室', section: SECTION, name: '经办人乙' });
    pick('DB-2026-0001');
    expect(nodeOptions()).toEqual(['3天反馈', '落实反馈', '月度反馈']);
    choose(rp.node, '月度反馈');
    type(rp.content, '三月进展：已完成管网勘测');
    press(rp.submit);
    expect(await screen.findByText(rp.done('DB-2026-0001', '月度反馈'))).toBeInTheDocument();
    expect(service.calls.find((c) => c.method === 'act')?.action).toEqual({
      type: '反馈',
      node: '月度反馈',
      content: '三月进展：已完成管网勘测',
    });
  });

  it('lists my section’s open items first, most urgent first, and searches 编号/科室/内容', async () => {
    const service = new FakeLedgerService({
      today: TODAY,
      items: [
        // 正常: 1 and 3 reported, a 30-day deadline
        makeItem({ id: 'DB-2026-0001', kind: '重大复杂', assignedOn: '2026-03-09', report1On: '2026-03-10', report3On: '2026-03-12' }),
        // 逾期 from 03-03: 9 working days
        makeItem({ id: 'DB-2026-0002', assignedOn: '2026-03-02' }),
        // 临近: 交办 today, 1天反馈 due tomorrow
        makeItem({ id: 'DB-2026-0003', assignedOn: TODAY, registeredOn: TODAY, content: '食堂油烟管道清洗' }),
        // 逾期 from 03-13: 1 working day
        makeItem({ id: 'DB-2026-0004', assignedOn: '2026-03-12' }),
        // another section, very overdue
        makeItem({ id: 'DB-2026-0005', section: '物业管理科', assignedOn: '2026-02-02' }),
        // closed and pending items are not on this page
        makeItem({ id: 'DB-2026-0006', state: '已销号', closedOn: '2026-03-10', reportFinalOn: '2026-03-09' }),
        makeItem({ id: 'DB-2026-0007', state: '待审批', assignedOn: null }),
      ],
    });
    await open(service, { role: '科室', section: SECTION, name: '经办人乙' });
    expect(pickerOrder()).toEqual(['DB-2026-0002', 'DB-2026-0004', 'DB-2026-0003', 'DB-2026-0001', 'DB-2026-0005']);
    // 逾期天数 in the unit 设置 逾期天数计法 names (工作日 by default), as the report and the lists word it
    expect(screen.getByText('逾期9个工作日')).toBeInTheDocument();

    type(ui.picker.search, '油烟');
    expect(pickerOrder()).toEqual(['DB-2026-0003']);
    type(ui.picker.search, '物业');
    expect(pickerOrder()).toEqual(['DB-2026-0005']);
    type(ui.picker.search, '0004');
    expect(pickerOrder()).toEqual(['DB-2026-0004']);

    // Another section's item: the 科室 may look, but is offered nothing.
    type(ui.picker.search, '');
    pick('DB-2026-0005');
    expect(screen.getByTestId('item-summary')).toHaveAttribute('data-item', 'DB-2026-0005');
    expect(form('feedback')).toBeNull();
    expect(screen.getByText(ui.item.noActions)).toBeInTheDocument();
  });

  it('role gating: the 督办员 may 催办 but not report; the 分管领导 only signs', async () => {
    const items = [makeItem({ id: 'DB-2026-0001' })];
    await open(new FakeLedgerService({ today: TODAY, items }), { role: '督办员', name: '督办员甲' });
    pick('DB-2026-0001');
    expect(form('feedback')).toBeNull();
    expect(form('urge')).not.toBeNull();
    expect(form('urge-section')).not.toBeNull();
    expect(form('sign')).toBeNull();

    choose(ui.role.label, '分管领导');
    choose(ui.role.leader, '李副主任');
    expect(form('feedback')).toBeNull();
    expect(form('urge')).toBeNull();
    expect(form('sign')).not.toBeNull();
  });

  it('催办: one item, or every overdue item of a section at once', async () => {
    const service = new FakeLedgerService({
      today: TODAY,
      items: [
        makeItem({ id: 'DB-2026-0001', assignedOn: '2026-03-02' }),
        makeItem({ id: 'DB-2026-0002', assignedOn: '2026-03-05' }),
        makeItem({ id: 'DB-2026-0003', assignedOn: TODAY, registeredOn: TODAY }),
        makeItem({ id: 'DB-2026-0004', section: '物业管理科', assignedOn: '2026-03-02' }),
      ],
    });
    await open(service, { role: '督办员', name: '钱督办' });
    pick('DB-2026-0003');
    const one = requireForm('urge');
    type(ui.urge.content, '请今日内报送1天反馈', one);
    press(ui.urge.one, one);
    expect(await screen.findByText(ui.urge.oneDone('DB-2026-0003'))).toBeInTheDocument();
    expect(service.item('DB-2026-0003')).toMatchObject({ urgeCount: 1, lastUrgedOn: TODAY });
    expect(service.records.at(-1)).toMatchObject({ type: '催办', signer: '钱督办', content: '请今日内报送1天反馈' });
    await ready();

    const all = requireForm('urge-section');
    expect(control<HTMLSelectElement>(ui.urge.section, all).value).toBe(SECTION); // the open item's section
    press(ui.urge.all, all);
    expect(await screen.findByText(ui.urge.allDone(SECTION, ['DB-2026-0001', 'DB-2026-0002']))).toBeInTheDocument();
    expect(service.calls.find((c) => c.method === 'urgeOverdue')).toMatchObject({ section: SECTION, content: '' });
    expect(service.item('DB-2026-0004')?.urgeCount).toBe(0);
  });
});
