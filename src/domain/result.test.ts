import { andThen, displayValue, err, isErr, isOk, mapResult, ok, unwrapOr } from './result';

describe('Result helpers', () => {
  test('ok / err / guards', () => {
    expect(ok(1)).toEqual({ ok: true, value: 1 });
    expect(err('x', '错误')).toEqual({ ok: false, error: { code: 'x', message: '错误' } });
    expect(isOk(ok(1))).toBe(true);
    expect(isErr(err('x', 'y'))).toBe(true);
  });

  test('mapResult, andThen and unwrapOr pass failures through', () => {
    expect(mapResult(ok(2), (n) => n * 2)).toEqual(ok(4));
    expect(mapResult(err<number>('x', 'y'), (n) => n * 2)).toEqual(err('x', 'y'));
    expect(andThen(ok(2), (n) => (n > 1 ? ok(n) : err('small', '太小')))).toEqual(ok(2));
    expect(andThen(ok(0), (n) => (n > 1 ? ok(n) : err('small', '太小')))).toEqual(err('small', '太小'));
    expect(unwrapOr(err<number>('x', 'y'), 7)).toBe(7);
  });
});

describe('displayValue', () => {
  test.each<[unknown, string]>([
    [null, ''],
    [undefined, ''],
    ['文字', '文字'],
    [3.5, '3.5'],
    [true, 'true'],
    [new Date(Date.UTC(2026, 2, 5)), '2026-03-05'],
    [new Date(NaN), '无效日期'],
    [{ a: 1 }, '{"a":1}'],
    [Symbol('s'), 'Symbol(s)'],
    [10n, '10'],
  ])('%p → %p', (raw, expected) => {
    expect(displayValue(raw)).toBe(expected);
  });

  test('shortens long text by code points, never splitting a surrogate pair', () => {
    expect(displayValue('字'.repeat(50), 40)).toBe('字'.repeat(40) + '…');
    expect(displayValue('𠀀'.repeat(50), 3)).toBe('𠀀𠀀𠀀…');
  });

  test('never throws', () => {
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    const hostile = {
      toJSON: () => {
        throw new Error('boom');
      },
    };
    expect(displayValue(cyclic)).toBe('（无法显示的内容）');
    expect(displayValue(hostile)).toBe('（无法显示的内容）');
  });
});
