/** @jest-environment jsdom */
import '../../../test/support/jsdom-shims';
import '@testing-library/jest-dom';
import { configure, screen } from '@testing-library/react';
import { makeItem } from '../../domain/testing/itemFactory';
import type { LedgerItem } from '../../domain/types';
import { ui } from '../../i18n';
import type { RoleChoice } from '../roleStore';
import { FakeLedgerService } from '../testing/fakeLedgerService';
import { pick, ready, renderApp } from '../testing/renderApp';

configure({ defaultHidden: true });
jest.setTimeout(30_000);

const TODAY = '2026-03-16';
const ID = 'DB-2026-0001';
const OFFICE: RoleChoice = { role: '督办员', name: '督办员甲' };
const LEADER: RoleChoice = { role: '分管领导', leader: '李副主任' };
const LINK = 'https://pan.example.com/s/13710-0001';

const applied = (over: Partial<LedgerItem> = {}) =>
  makeItem({ id: ID, state: '申请办结', appliedOn: '2026-03-09', report1On: '2026-03-03', report3On: '2026-03-05', progress: '路灯已全部更换', ...over });

async function summary(item: LedgerItem, role: RoleChoice): Promise<HTMLElement> {
  renderApp(new FakeLedgerService({ today: TODAY, items: [item] }), { page: 'close', role });
  await ready();
  pick(ID);
  return screen.getByTestId('item-summary');
}

const fact = (root: HTMLElement, term: string) => root.querySelector(`[data-fact="${term}"]`);

describe('ItemSummary: 佐证材料 at 初核 and 审定', () => {
  it('初核 (申请办结): a link, opening in a new tab, beside 办结情况', async () => {
    const card = await summary(applied({ evidence: LINK }), OFFICE);
    expect(fact(card, ui.item.closure)).toHaveTextContent('路灯已全部更换');
    const a = fact(card, ui.item.evidence)!.querySelector('a')!;
    expect(a).toHaveAttribute('href', LINK);
    expect(a).toHaveAttribute('target', '_blank');
    expect(a.getAttribute('rel')).toContain('noopener');
  });

  it('审定 (已初核): file names as plain text', async () => {
    const card = await summary(applied({ state: '已初核', checkedOn: '2026-03-10', evidence: '验收单.pdf、整改前后照片.zip' }), LEADER);
    const cell = fact(card, ui.item.evidence)!;
    expect(cell).toHaveTextContent('验收单.pdf、整改前后照片.zip');
    expect(cell.querySelector('a')).toBeNull();
  });

  it('an application without 佐证材料 (a ledger from before the column, or typed by hand): 未提供佐证材料', async () => {
    const card = await summary(applied(), OFFICE);
    expect(fact(card, ui.item.evidence)).toHaveTextContent(ui.item.noEvidence);
  });

  it('in work with nothing given: no 佐证材料 line', async () => {
    const working = await summary(makeItem({ id: ID }), OFFICE);
    expect(fact(working, ui.item.evidence)).toBeNull();
  });

  it('after a 退回 the kept 佐证材料 shows while the item is back in work', async () => {
    const card = await summary(makeItem({ id: ID, returnCount: 1, evidence: '验收单.pdf' }), OFFICE);
    expect(fact(card, ui.item.evidence)).toHaveTextContent('验收单.pdf');
  });
});
