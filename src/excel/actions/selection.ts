/**
 * The pane and the 台账 selection: select an item's row, and follow the row the user selects. The
 * handler only reads: Office fires events in every co-author's add-in, and UI must not open from them.
 */
import { cellText } from '../cells';
import { LEDGER, type ActionDeps } from './shared';

export async function selectItem({ run }: ActionDeps, itemId: string): Promise<void> {
  await run(async (context) => {
    const table = context.workbook.tables.getItem(LEDGER);
    const hit = table.columns.getItem('编号').getRange().findOrNullObject(itemId, { completeMatch: true, matchCase: true });
    await context.sync();
    if (!hit.isNullObject) {
      table.getDataBodyRange().getIntersection(hit.getEntireRow()).select();
      await context.sync();
    }
  });
}

export async function onSelectItem({ run, runOn }: ActionDeps, handler: (itemId: string | null) => void): Promise<() => void> {
  // The handler only reads: Office fires events in every co-author's add-in and UI must not open
  // from them (learn.microsoft.com/office/dev/add-ins/excel/co-authoring-in-excel-add-ins); the
  // pane just shows the item of the selected row.
  const onSelect = async (e: Excel.WorksheetSelectionChangedEventArgs) => {
    // Ctrl+click selects several areas: the address lists them ("A1:B2,D4") and getRange
    // refuses that; the item is the one of the first area.
    const first = e.address.split(',')[0];
    const id = await run(async (context) => {
      const table = context.workbook.tables.getItem(LEDGER);
      const row = context.workbook.worksheets.getItem(LEDGER).getRange(first).getRow(0).getEntireRow();
      const cell = table.columns.getItem('编号').getDataBodyRange().getIntersectionOrNullObject(row).load('values');
      await context.sync();
      return cell.isNullObject ? null : cellText(cell.values[0]?.[0]).trim() || null;
    });
    handler(id);
  };
  let registered: OfficeExtension.EventHandlerResult<Excel.WorksheetSelectionChangedEventArgs> | null = null;
  await run(async (context) => {
    registered = context.workbook.worksheets.getItem(LEDGER).onSelectionChanged.add(onSelect);
    await context.sync();
  });
  return () => {
    const r = registered as OfficeExtension.EventHandlerResult<Excel.WorksheetSelectionChangedEventArgs> | null;
    if (!r) return;
    registered = null;
    // remove() is queued on the context that added the handler: sync that one.
    void runOn(r.context, async (context) => {
      r.remove();
      await context.sync();
    }).catch(() => undefined);
  };
}
