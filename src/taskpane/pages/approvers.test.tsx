/** @jest-environment jsdom */
/** Issue #13 item 8: approvers see what they approve — the item at 审批, its 办结情况 and reports at 初核 and 审定. */
import '../../../test/support/jsdom-shims';
import '@testing-library/jest-dom';
import { configure, within } from '@testing-library/react';
import { makeItem, makeRecord } from '../../domain/testing/itemFactory';
import { ui } from '../../i18n';
import { FakeLedgerService } from '../testing/fakeLedgerService';
import { pick, ready, renderApp } from '../testing/renderApp';

configure({ defaultHidden: true });
jest.setTimeout(20_000);

const TODAY = '2026-03-16'; // a Monday
const i = ui.item;
const fact = (scope: Element, term: string) => scope.querySelector(`[data-fact="${term}"]`)?.textContent;

describe('approvers see what they approve', () => {
  it('the 中心主任’s 待审批 list shows 来源, 层级, 类型, 目标任务 and the dates 交办 today would give', async () => {
    const service = new FakeLedgerService({
      today: TODAY,
      items: [
        makeItem({
          id: 'DB-2026-0009',
          state: '待审批',
          assignedOn: null,
          source: '学校重点工作、重点建设项目',
          level: '校党委、行政交办',
          kind: '一般',
          requirement: '月底前完成全部路灯更换并验收',
        }),
      ],
    });
    renderApp(service, { page: 'register', role: { role: '中心主任' } });
    await ready();
    const row = document.querySelector('[data-pending="DB-2026-0009"]')!;
    expect(fact(row, i.source)).toBe('学校重点工作、重点建设项目');
    expect(fact(row, i.level)).toBe('校党委、行政交办');
    expect(fact(row, i.kind)).toBe('一般');
    expect(fact(row, i.requirement)).toBe('月底前完成全部路灯更换并验收');
    expect(fact(row, i.explicitDeadline)).toBe(i.defaultDeadline);
    // 交办 Mon 03-16, 自然日顺延: 1天 03-17, 3天 03-19, 7天 03-23
    expect(fact(row, i.ifToday(i.due1))).toBe('2026-03-17');
    expect(fact(row, i.ifToday(i.due3))).toBe('2026-03-19');
    expect(fact(row, i.ifToday(i.deadline))).toBe('2026-03-23');
  });

  it('at 审定 the 分管领导 sees the 办结情况 and the section’s reports, signed or not', async () => {
    const ID = 'DB-2026-0001';
    const service = new FakeLedgerService({
      today: TODAY,
      items: [
        makeItem({
          id: ID,
          state: '已初核',
          report1On: '2026-03-03',
          report3On: '2026-03-05',
          appliedOn: '2026-03-09',
          checkedOn: '2026-03-10',
          progress: '路灯已全部更换并验收',
        }),
      ],
      records: [
        {
          ...makeRecord({ itemId: ID, type: '1天反馈', date: '2026-03-03', content: '已召开专题会部署', signer: '李副主任', signedOn: '2026-03-03' }),
          opId: 'op-1',
        },
        { ...makeRecord({ itemId: ID, type: '落实反馈', date: '2026-03-09', content: '更换完毕，附验收单' }), opId: 'op-2' },
      ],
    });
    renderApp(service, { page: 'close', role: { role: '分管领导', leader: '李副主任' } });
    await ready();
    pick(ID);
    const card = document.querySelector('[data-testid="item-summary"]')!;
    expect(fact(card, i.closure)).toBe('路灯已全部更换并验收');
    expect(fact(card, i.appliedOn)).toBe('2026-03-09');
    const records = within(card as HTMLElement).getByTestId('item-records');
    const lines = Array.from(records.querySelectorAll('li')).map((li) => li.textContent);
    expect(lines).toEqual([
      `${i.record('落实反馈', '2026-03-09')} · ${i.unsigned}更换完毕，附验收单`,
      `${i.record('1天反馈', '2026-03-03')} · ${i.signed('李副主任', '2026-03-03')}已召开专题会部署`,
    ]);
  });
});
