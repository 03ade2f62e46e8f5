/** @jest-environment jsdom */
/**
 * Issue #13 items 9 and 11: the actor is who typed (each role keeps its own 科室 and name on this
 * device; a blank name is asked for, never filled with the 科长's or 「党政办公室」), and a message
 * belongs to the role and item it was about.
 */
import '../../../test/support/jsdom-shims';
import '@testing-library/jest-dom';
import { configure, screen } from '@testing-library/react';
import { makeItem } from '../../domain/testing/itemFactory';
import { ui } from '../../i18n';
import { FakeLedgerService } from '../testing/fakeLedgerService';
import { choose, control, pick, press, ready, renderApp, type } from '../testing/renderApp';

configure({ defaultHidden: true });
jest.setTimeout(20_000);

const TODAY = '2026-03-16';
const SECTION = '工程管理科';
const c = ui.close;
const working = (id: string) => makeItem({ id, section: SECTION, report1On: '2026-03-03', report3On: '2026-03-05' });
const acts = (service: FakeLedgerService) => service.calls.filter((call) => call.method === 'act');

describe('the actor is who typed', () => {
  it('switching role brings back each role’s own 科室 and name', async () => {
    renderApp(new FakeLedgerService({ today: TODAY }), { page: 'close', role: { role: '科室', section: SECTION, name: '经办人乙' } });
    await ready();
    choose(ui.role.label, '督办员');
    expect(control(ui.role.name)).toHaveValue(''); // never used on this device: asked for, not guessed
    type(ui.role.name, '督办员甲');
    choose(ui.role.label, '科室');
    expect(control<HTMLSelectElement>(ui.role.section).value).toBe(SECTION);
    expect(control(ui.role.name)).toHaveValue('经办人乙');
    choose(ui.role.label, '督办员');
    expect(control(ui.role.name)).toHaveValue('督办员甲');
  });

  it('with the name blank an action is not sent: a Chinese message, the focus on the name; then it records the name typed', async () => {
    const service = new FakeLedgerService({ today: TODAY, items: [working('DB-2026-0001')] });
    renderApp(service, { page: 'close', role: { role: '科室', section: SECTION } });
    await ready();
    pick('DB-2026-0001');
    type(c.applyEvidence, '验收单.pdf');
    press(c.apply);
    expect(await screen.findByText(ui.role.needName)).toBeInTheDocument();
    expect(acts(service)).toHaveLength(0);
    expect(document.activeElement).toBe(control(ui.role.name));
    // nothing was sent, so there is nothing to retry
    expect(screen.queryByText(ui.op.retry)).toBeNull();

    type(ui.role.name, '经办人乙');
    press(c.apply);
    expect(await screen.findByText(c.applyDone('DB-2026-0001'))).toBeInTheDocument();
    expect(acts(service)[0].actor).toEqual({ role: '科室', section: SECTION, name: '经办人乙' }); // not 张科长
    expect(screen.queryByText(ui.role.needName)).toBeNull();
  });
});

describe('messages belong to their role and item', () => {
  it('a success message goes when the item or the role changes', async () => {
    const service = new FakeLedgerService({ today: TODAY, items: [working('DB-2026-0001'), working('DB-2026-0002')] });
    renderApp(service, { page: 'close', role: { role: '科室', section: SECTION, name: '经办人乙' } });
    await ready();
    pick('DB-2026-0001');
    type(c.applyEvidence, '验收单.pdf');
    press(c.apply);
    expect(await screen.findByText(c.applyDone('DB-2026-0001'))).toBeInTheDocument();
    await ready();
    press(ui.picker.change);
    pick('DB-2026-0002');
    expect(screen.queryByText(c.applyDone('DB-2026-0001'))).toBeNull();

    type(c.applyEvidence, '验收单.pdf');
    press(c.apply);
    expect(await screen.findByText(c.applyDone('DB-2026-0002'))).toBeInTheDocument();
    await ready();
    choose(ui.role.label, '分管领导');
    expect(screen.queryByText(c.applyDone('DB-2026-0002'))).toBeNull();
  });
});

describe('a refused 立项 shows where the problem is', () => {
  it('the first field in error takes the focus (and is scrolled to), not a message at the top', async () => {
    const scrolled: Element[] = [];
    const original = Element.prototype.scrollIntoView;
    Element.prototype.scrollIntoView = function (this: Element) {
      scrolled.push(this);
    };
    try {
      const service = new FakeLedgerService({ today: TODAY });
      renderApp(service, { page: 'register', role: { role: '督办员', name: '督办员甲' } });
      await ready();
      type(ui.register.content, '更换学生公寓路灯');
      press(ui.register.submit);
      // 来源类别 is the first field left empty
      const source = control<HTMLSelectElement>(ui.register.source);
      await screen.findByText(ui.validation.choose(ui.register.source));
      expect(document.activeElement).toBe(source);
      expect(scrolled).toContain(source);
      expect(service.calls.some((call) => call.method === 'register')).toBe(false);
    } finally {
      Element.prototype.scrollIntoView = original;
    }
  });
});
