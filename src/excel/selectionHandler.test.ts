/**
 * The task pane's selection handler (LedgerService.onSelectItem) against what Office does:
 * - a Ctrl+click selection has several areas ("B2:C2,E3"); Worksheet.getRange refuses that address,
 *   so the handler reads the item of the first area;
 * - EventHandlerResult.remove() is queued on the context that added the handler, so the pane removes
 *   it with Excel.run(result.context, …) (the double's runOn); a new Excel.run would never send it.
 */
import { makeItem } from '../domain/testing/itemFactory';
import { createLedgerService } from './ledgerGateway';
import { ledgerFixture } from './testing/ledgerFixture';

const items = ['0001', '0002'].map((s) => makeItem({ id: `DB-2026-${s}` }));

test('the double refuses a multi-area address in getRange, as Excel does', async () => {
  const xl = ledgerFixture({ items });
  await expect(
    xl.run(async (context) => {
      context.workbook.worksheets.getItem('台账').getRange('B2:C2,E3').load('address');
      await context.sync();
    }),
  ).rejects.toMatchObject({ code: 'InvalidArgument' });
});

test('a multi-area selection reports the item of its first area, without a handler error', async () => {
  const xl = ledgerFixture({ items });
  const svc = createLedgerService(xl.run, { runOn: xl.runOn });
  const seen: (string | null)[] = [];
  await svc.onSelectItem((id) => seen.push(id));
  await xl.events.select('台账', 'B3:C3,E2');
  await xl.events.select('台账', 'A2,A3');
  expect(seen).toEqual(['DB-2026-0002', 'DB-2026-0001']);
  expect(xl.events.errors).toEqual([]);
});

test('unsubscribing removes the handler on the context that added it: no more reports', async () => {
  const xl = ledgerFixture({ items });
  const svc = createLedgerService(xl.run, { runOn: xl.runOn });
  const seen: (string | null)[] = [];
  const off = await svc.onSelectItem((id) => seen.push(id));
  expect(xl.events.handlerCount).toBe(1);
  off();
  await new Promise((resolve) => setTimeout(resolve, 0));
  expect(xl.events.handlerCount).toBe(0);
  await xl.events.select('台账', 'E3');
  expect(seen).toEqual([]);
});
