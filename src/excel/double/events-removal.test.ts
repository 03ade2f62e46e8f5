/**
 * EventHandlerResult.remove() is queued on the request context that registered the handler
 * (office.js 1.1.110 EventHandlers.remove; https://learn.microsoft.com/javascript/api/office/officeextension.eventhandlerresult):
 * removal works only through Excel.run(result.context, …).
 */
import { createExcelDouble } from './index';

async function registered() {
  const xl = createExcelDouble({ sheets: ['台账'] });
  const seen: string[] = [];
  let result: OfficeExtension.EventHandlerResult<Excel.WorksheetSelectionChangedEventArgs> | undefined;
  await xl.run(async (context) => {
    result = context.workbook.worksheets.getItem('台账').onSelectionChanged.add(async (e: Excel.WorksheetSelectionChangedEventArgs) => {
      seen.push(e.address);
    });
    await context.sync();
  });
  return { xl, seen, result: result! };
}

describe('EventHandlerResult.remove()', () => {
  test('called inside a new Excel.run it is never sent: the handler keeps firing', async () => {
    const { xl, seen, result } = await registered();
    await xl.run(async (context) => {
      result.remove();
      await context.sync();
    });
    expect(xl.events.handlerCount).toBe(1);
    await xl.events.select('台账', 'B2');
    expect(seen).toEqual(['B2']);
  });

  test('sent with the next sync of the registering context: Excel.run(result.context, …)', async () => {
    const { xl, seen, result } = await registered();
    await xl.runOn(result.context, async (context) => {
      result.remove();
      await context.sync();
    });
    expect(xl.events.handlerCount).toBe(0);
    await xl.events.select('台账', 'B2');
    expect(seen).toEqual([]);
  });

  test('a context of another double is refused', async () => {
    const { result } = await registered();
    const other = createExcelDouble();
    await expect(other.runOn(result.context, async () => undefined)).rejects.toMatchObject({ code: 'InvalidRequestContext' });
  });
});
