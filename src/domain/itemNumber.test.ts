import fc from 'fast-check';
import { formatItemNumber, newOperationId, nextItemNumber, parseItemNumber, resolveCollisions } from './itemNumber';

describe('parseItemNumber / formatItemNumber', () => {
  test.each<[string, { year: number; seq: number } | null]>([
    ['DB-2026-0001', { year: 2026, seq: 1 }],
    ['DB-2026-0042', { year: 2026, seq: 42 }],
    ['DB-2026-9999', { year: 2026, seq: 9999 }],
    ['DB-2026-10000', { year: 2026, seq: 10000 }],
    ['DB-2026-123456', { year: 2026, seq: 123456 }],
    ['DB-2026-0000', null],
    ['DB-2026-00042', null],
    ['DB-2026-42', null],
    ['db-2026-0042', null],
    [' DB-2026-0042', null],
    ['DB-26-0042', null],
    ['XX-2026-0042', null],
    ['', null],
  ])('%j → %j', (id, expected) => {
    expect(parseItemNumber(id)).toEqual(expected);
  });

  test('format pads to four digits and grows past 9999', () => {
    expect(formatItemNumber(2026, 1)).toBe('DB-2026-0001');
    expect(formatItemNumber(2026, 9999)).toBe('DB-2026-9999');
    expect(formatItemNumber(2026, 10000)).toBe('DB-2026-10000');
  });

  test('property: parse(format(y, n)) = {y, n}', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1000, max: 9999 }), fc.integer({ min: 1, max: 10_000_000 }), (year, seq) => {
        expect(parseItemNumber(formatItemNumber(year, seq))).toEqual({ year, seq });
      }),
    );
  });
});

describe('nextItemNumber', () => {
  test.each<[string[], number, string]>([
    [[], 2026, 'DB-2026-0001'],
    [['DB-2026-0001', 'DB-2026-0007', 'DB-2026-0003'], 2026, 'DB-2026-0008'],
    [['DB-2025-0100', 'DB-2026-0002'], 2026, 'DB-2026-0003'],
    [['DB-2025-0100'], 2026, 'DB-2026-0001'],
    [['DB-2026-9999'], 2026, 'DB-2026-10000'],
    [['DB-2026-10000', 'DB-2026-9999'], 2026, 'DB-2026-10001'],
    [['garbage', '', 'DB-2026-xx', '2026-0005'], 2026, 'DB-2026-0001'],
    // Hand-typed variants still occupy their number (reading too little would hand out a taken one).
    [[' db-2026-0041 ', 'DB-2026-42', 'ＤB-2026-0050'], 2026, 'DB-2026-0043'],
  ])('%j, %p → %p', (existing, year, expected) => {
    expect(nextItemNumber(existing, year)).toBe(expected);
  });

  test('ignores non-string entries', () => {
    expect(nextItemNumber([null, 5, 'DB-2026-0002'] as unknown as string[], 2026)).toBe('DB-2026-0003');
  });
});

describe('resolveCollisions', () => {
  test('no duplicates → nothing to do', () => {
    expect(
      resolveCollisions([
        { id: 'DB-2026-0001', opId: 'op-a' },
        { id: 'DB-2026-0002', opId: 'op-b' },
      ]),
    ).toEqual([]);
  });

  test('two people took the same number: the earlier op keeps it, the other gets max+1', () => {
    const rows = [
      { id: 'DB-2026-0001', opId: 'op-20261125T090000-aaaa' },
      { id: 'DB-2026-0002', opId: 'op-20261125T100001-zzzz' },
      { id: 'DB-2026-0002', opId: 'op-20261125T100000-k3f9' },
    ];
    expect(resolveCollisions(rows)).toEqual([{ opId: 'op-20261125T100001-zzzz', oldId: 'DB-2026-0002', newId: 'DB-2026-0003', index: 1 }]);
  });

  test('three-way collision and a second collided id: fresh numbers in a fixed order', () => {
    const rows = [
      { id: 'DB-2026-0005', opId: 'op-c' },
      { id: 'DB-2026-0005', opId: 'op-a' },
      { id: 'DB-2026-0005', opId: 'op-b' },
      { id: 'DB-2026-0004', opId: 'op-z' },
      { id: 'DB-2026-0004', opId: 'op-y' },
      { id: 'DB-2025-0009', opId: 'op-q' },
      { id: 'DB-2025-0009', opId: 'op-p' },
    ];
    expect(resolveCollisions(rows)).toEqual([
      { opId: 'op-q', oldId: 'DB-2025-0009', newId: 'DB-2025-0010', index: 5 },
      { opId: 'op-z', oldId: 'DB-2026-0004', newId: 'DB-2026-0006', index: 3 },
      { opId: 'op-b', oldId: 'DB-2026-0005', newId: 'DB-2026-0007', index: 2 },
      { opId: 'op-c', oldId: 'DB-2026-0005', newId: 'DB-2026-0008', index: 0 },
    ]);
  });

  test('the verdict does not depend on the order the rows were read in', () => {
    const rows = [
      { id: 'DB-2026-0005', opId: 'op-c' },
      { id: 'DB-2026-0005', opId: 'op-a' },
      { id: 'DB-2026-0004', opId: 'op-z' },
      { id: 'DB-2026-0004', opId: 'op-y' },
    ];
    const strip = (xs: ReturnType<typeof resolveCollisions>) =>
      xs.map(({ opId, oldId, newId }) => ({ opId, oldId, newId })).sort((a, b) => (a.opId < b.opId ? -1 : 1));
    expect(strip(resolveCollisions([...rows].reverse()))).toEqual(strip(resolveCollisions(rows)));
  });

  test('duplicated malformed ids are left to validation', () => {
    expect(
      resolveCollisions([
        { id: '', opId: 'a' },
        { id: '', opId: 'b' },
        { id: 'x', opId: 'c' },
        { id: 'x', opId: 'd' },
      ]),
    ).toEqual([]);
  });

  test('property: after resolution ids are unique, one winner per id (smallest opId) keeps it unchanged', () => {
    const rowArb = fc.record({
      id: fc.oneof(
        fc.integer({ min: 1, max: 8 }).map((n) => formatItemNumber(2026, n)),
        fc.integer({ min: 1, max: 3 }).map((n) => formatItemNumber(2025, n)),
        fc.constantFrom('', 'bogus', 'DB-2026-12'),
      ),
      opId: fc.string({ minLength: 1, maxLength: 6 }),
    });
    fc.assert(
      fc.property(fc.array(rowArb, { maxLength: 30 }), (rows) => {
        const changes = resolveCollisions(rows);
        const byIndex = new Map(changes.map((c) => [c.index, c]));
        const after = rows.map((r, i) => byIndex.get(i)?.newId ?? r.id);
        const wellFormed = after.filter((id) => parseItemNumber(id));
        expect(new Set(wellFormed).size).toBe(wellFormed.length);
        for (const c of changes) {
          expect(rows[c.index].id).toBe(c.oldId);
          expect(rows[c.index].opId).toBe(c.opId);
          // A changed row had a twin that kept the id, with an opId that sorts no later.
          const keeper = rows.findIndex((r, i) => r.id === c.oldId && !byIndex.has(i));
          expect(keeper).toBeGreaterThanOrEqual(0);
          expect(rows[keeper].opId <= c.opId).toBe(true);
          // Fresh numbers are of the same year and beyond every number already present.
          const oldN = parseItemNumber(c.oldId)!;
          const newN = parseItemNumber(c.newId)!;
          expect(newN.year).toBe(oldN.year);
          expect(rows.some((r) => r.id === c.newId)).toBe(false);
          if (newN.year === 2026 && rows.some((r) => r.id === 'DB-2026-12')) expect(newN.seq).toBeGreaterThan(12);
        }
        // Every well-formed id present before is still present (its winner kept it).
        for (const r of rows) if (parseItemNumber(r.id)) expect(after).toContain(r.id);
      }),
    );
  });
});

describe('newOperationId', () => {
  test('UTC timestamp plus four base-36 characters', () => {
    const seq = [0.56, 0.1, 0.42, 0.25];
    let i = 0;
    const id = newOperationId(new Date(Date.UTC(2026, 10, 25, 23, 30, 0)), () => seq[i++]);
    expect(id).toBe('op-20261125T233000-k3f9');
  });

  test('survives bad inputs', () => {
    expect(newOperationId(new Date(NaN), () => NaN)).toBe('op-19700101T000000-0000');
    expect(newOperationId(new Date(0), () => 1)).toBe('op-19700101T000000-zzzz');
  });

  test('property: well-formed and sortable by time', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2099-12-31T23:59:59Z'), noInvalidDate: true }),
        fc.integer({ min: 1, max: 1_000_000 }),
        (d, later) => {
          const a = newOperationId(d, Math.random);
          const b = newOperationId(new Date(d.getTime() + later * 1000), Math.random);
          expect(a).toMatch(/^op-\d{8}T\d{6}-[0-9a-z]{4}$/);
          expect(a.slice(0, 18) < b.slice(0, 18)).toBe(true);
        },
      ),
    );
  });
});
