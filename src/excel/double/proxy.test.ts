import { createExcelDouble } from './index';

const notLoaded = (prop: string) =>
  expect.objectContaining({
    name: 'RichApi.Error',
    code: 'PropertyNotLoaded',
    message: `The property '${prop}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
  });

function seeded() {
  const xl = createExcelDouble({ sheets: ['台账', '设置'], workbookName: '13710督办台账.xlsx' });
  xl.workbook.sheet('台账').setValues('A1:B3', [
    ['编号', '事项'],
    ['D-001', '修路灯'],
    ['D-002', '换门锁'],
  ]);
  return xl;
}

describe('load / sync proxy semantics', () => {
  test('reading a property before load+sync throws PropertyNotLoaded', async () => {
    const xl = seeded();
    await xl.run(async (context) => {
      const range = context.workbook.worksheets.getItem('台账').getRange('A1:B3');
      expect(() => range.values).toThrow(notLoaded('values'));
      range.load('values');
      // Loaded but not yet synced: still not available.
      expect(() => range.values).toThrow(notLoaded('values'));
      await context.sync();
      expect(range.values).toEqual([
        ['编号', '事项'],
        ['D-001', '修路灯'],
        ['D-002', '换门锁'],
      ]);
      // Only what was loaded is readable.
      expect(() => range.address).toThrow(notLoaded('address'));
      expect(() => range.rowCount).toThrow(expect.objectContaining({ debugInfo: expect.objectContaining({ errorLocation: 'Range.rowCount' }) }));
    });
  });

  test("load('a,b'), load(['a']), load({ select }), load(Interfaces), load() all work", async () => {
    const xl = seeded();
    await xl.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem('台账');
      const a = sheet.getRange('A1:B2').load('address, rowCount');
      const b = sheet.getRange('B2').load(['text', 'columnIndex']);
      const c = sheet.getRange('A2').load({ select: 'values,rowIndex' });
      const d = sheet.getRange('A1').load({ values: true, format: { fill: { color: true } } });
      const e = sheet.getRange('A3').load();
      const f = sheet.getRange('A1').load('format/font/bold');
      await context.sync();
      expect([a.address, a.rowCount]).toEqual(['台账!A1:B2', 2]);
      expect([b.text, b.columnIndex]).toEqual([[['修路灯']], 1]);
      expect([c.values, c.rowIndex]).toEqual([[['D-001']], 1]);
      expect([d.values, d.format.fill.color]).toEqual([[['编号']], '#FFFFFF']);
      expect([e.values, e.address, e.columnCount]).toEqual([[['D-002']], '台账!A3', 1]);
      expect(() => e.format.fill.color).toThrow(notLoaded('color')); // load() loads scalars, not navigation
      expect(f.format.font.bold).toBe(false);
    });
  });

  test("collections: items/name, load('name') meaning items/name, items unavailable before load", async () => {
    const xl = seeded();
    await xl.run(async (context) => {
      const sheets = context.workbook.worksheets;
      expect(() => sheets.items).toThrow(notLoaded('items'));
      sheets.load('items/name');
      const again = context.workbook.worksheets.load('name,visibility');
      await context.sync();
      expect(sheets.items.map((s) => s.name)).toEqual(['台账', '设置']);
      expect(again.items.map((s) => [s.name, s.visibility])).toEqual([
        ['台账', 'Visible'],
        ['设置', 'Visible'],
      ]);
      expect(() => sheets.items[0].position).toThrow(notLoaded('position'));
    });
  });

  test('unknown properties fail loudly at load()', async () => {
    const xl = seeded();
    await xl.run(async (context) => {
      const range = context.workbook.worksheets.getItem('台账').getRange('A1');
      expect(() => range.load('style')).toThrow(expect.objectContaining({ code: 'NotImplemented' }));
    });
  });

  test('workbook name, isNullObject, getCount()', async () => {
    const xl = seeded();
    await xl.run(async (context) => {
      context.workbook.load('name');
      const missing = context.workbook.worksheets.getItemOrNullObject('日历');
      const present = context.workbook.worksheets.getItemOrNullObject('设置');
      const count = context.workbook.worksheets.getCount();
      expect(() => missing.isNullObject).toThrow(notLoaded('isNullObject'));
      expect(() => count.value).toThrow(expect.objectContaining({ code: 'ValueNotLoaded' }));
      await context.sync();
      expect(context.workbook.name).toBe('13710督办台账.xlsx');
      expect(missing.isNullObject).toBe(true);
      expect(present.isNullObject).toBe(false);
      expect(count.value).toBe(2);
    });
  });

  test('getItem of a missing sheet fails at the sync that uses it, with ItemNotFound', async () => {
    const xl = seeded();
    await expect(
      xl.run(async (context) => {
        const sheet = context.workbook.worksheets.getItem('日历');
        sheet.load('name'); // no error yet: object paths are lazy
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: 'ItemNotFound', debugInfo: { errorLocation: 'WorksheetCollection.getItem' } });
    // An unused getItem never fails.
    await expect(xl.run(async (context) => void context.workbook.worksheets.getItem('日历'))).resolves.toBeUndefined();
  });

  test('queued writes and reads execute in call order within one sync', async () => {
    const xl = seeded();
    await xl.run(async (context) => {
      const cell = context.workbook.worksheets.getItem('台账').getRange('C1');
      const before = context.workbook.worksheets.getItem('台账').getRange('C1').load('values');
      cell.values = [['状态']];
      const after = context.workbook.worksheets.getItem('台账').getRange('C1').load('values');
      cell.values = [['状态2']];
      const last = context.workbook.worksheets.getItem('台账').getRange('C1').load('values');
      await context.sync();
      expect(before.values).toEqual([['']]);
      expect(after.values).toEqual([['状态']]);
      expect(last.values).toEqual([['状态2']]);
      // A value you set is readable locally (office.js keeps it), before any load.
      expect(cell.values).toEqual([['状态2']]);
    });
    expect(xl.workbook.sheet('台账').getValues('C1')).toEqual([['状态2']]);
  });

  test('nothing reaches the workbook before sync', async () => {
    const xl = seeded();
    await xl.run(async (context) => {
      context.workbook.worksheets.getItem('台账').getRange('A2').values = [['X']];
      expect(xl.workbook.sheet('台账').getValues('A2')).toEqual([['D-001']]);
      await context.sync();
      expect(xl.workbook.sheet('台账').getValues('A2')).toEqual([['X']]);
    });
  });

  test('round trips: explicit syncs, the implicit final sync only when something is pending', async () => {
    const xl = seeded();
    await xl.run(async (context) => {
      context.workbook.worksheets.getItem('台账').getRange('A1').load('values');
      await context.sync();
    });
    expect(xl.stats.syncs).toBe(1);
    await xl.run(async (context) => {
      context.workbook.worksheets.getItem('台账').getRange('A4').values = [['D-003']];
    });
    expect(xl.stats.syncs).toBe(2); // Excel.run synced the pending write at the end
    await xl.run(async () => 42);
    expect(xl.stats.syncs).toBe(2);
    await xl.run(async (context) => {
      await context.sync(); // empty sync: counted as a sync, but no round trip
    });
    expect(xl.stats.syncs).toBe(3);
    expect(xl.stats.roundTrips).toBe(2);
    expect(xl.stats.runs).toBe(4);
    expect(xl.workbook.sheet('台账').getValues('A4')).toEqual([['D-003']]);
    xl.stats.reset();
    expect([xl.stats.syncs, xl.stats.roundTrips, xl.stats.runs]).toEqual([0, 0, 0]);
  });

  test('a proxy from a finished run throws InvalidObjectPath; loaded values stay readable', async () => {
    const xl = seeded();
    let leaked: Excel.Range | undefined;
    await xl.run(async (context) => {
      leaked = context.workbook.worksheets.getItem('台账').getRange('A2').load('values');
      await context.sync();
    });
    expect(leaked!.values).toEqual([['D-001']]);
    await xl.run(async (context) => {
      expect(() => {
        leaked!.values = [['X']];
      }).toThrow(expect.objectContaining({ code: 'InvalidObjectPath' }));
      expect(() => leaked!.load('address')).toThrow(expect.objectContaining({ code: 'InvalidObjectPath' }));
      expect(() => context.workbook.tables.add(leaked!, true)).toThrow(expect.objectContaining({ code: 'InvalidObjectPath' }));
    });
    expect(xl.workbook.sheet('台账').getValues('A2')).toEqual([['D-001']]);
  });

  test('read-only properties cannot be set; the batch must return a promise', async () => {
    const xl = seeded();
    await xl.run(async (context) => {
      const r = context.workbook.worksheets.getItem('台账').getRange('A1') as unknown as { address: string };
      expect(() => {
        r.address = 'B2';
      }).toThrow(expect.objectContaining({ code: 'CannotUpdateReadOnlyProperty' }));
    });
    await expect(xl.run((() => 1) as unknown as () => Promise<number>)).rejects.toMatchObject({ code: 'RunMustReturnPromise' });
  });

  test('set() and toJSON()', async () => {
    const xl = seeded();
    await xl.run(async (context) => {
      const r = context.workbook.worksheets.getItem('台账').getRange('A1:B1');
      r.set({ format: { fill: { color: 'yellow' }, font: { bold: true } } });
      r.load('address, format/fill/color');
      await context.sync();
      expect(r.toJSON()).toEqual({ address: '台账!A1:B1', format: { fill: { color: '#FFFF00' }, font: { bold: true } } });
    });
    expect(xl.workbook.sheet('台账').cellAt('B1')).toMatchObject({ fill: '#FFFF00', bold: true });
  });
});
