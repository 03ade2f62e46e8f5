import { WARNING_STATUSES } from '../domain/types';
import { sheetSpec } from './schema';
import { STATUS_COLOURS } from './statusColours';

describe('预警状态 colours: one table', () => {
  test("the 台账's conditional-format tints are the table's fills (the ledger and the charts cannot drift apart)", () => {
    const rules = sheetSpec('台账').conditionalFormats.flatMap((f) => f.rules);
    const seen = new Set<string>();
    for (const rule of rules) {
      const status = /^\$[A-Z]+2="([^"]+)"$/.exec(String((rule as { formula?: string }).formula))?.[1];
      if (!status) continue; // the 逾期天数 cell's bold rules: same tints, checked through the row rules
      seen.add(status);
      expect(`#${String((rule as { fill?: string }).fill).slice(2)}`).toBe(STATUS_COLOURS[status as keyof typeof STATUS_COLOURS].fill);
    }
    // every status the ledger tints (未交办 stays white: no rule)
    expect([...seen].sort()).toEqual(WARNING_STATUSES.filter((s) => s !== '未交办').sort());
  });

  test('the hues the issue names: 正常 green, 临近 yellow, 逾期 red, 延期 blue, the rest grey', () => {
    const hue = (hex: string) => {
      const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
      if (Math.max(r, g, b) - Math.min(r, g, b) < 16) return 'grey';
      if (r > g && g > b && g > 150) return 'yellow';
      if (r > g && r > b) return 'red';
      if (g > r && g > b) return 'green';
      return 'blue';
    };
    const series = Object.fromEntries(WARNING_STATUSES.map((s) => [s, hue(STATUS_COLOURS[s].series)]));
    expect(series).toEqual({ 未交办: 'grey', 正常: 'green', 临近: 'yellow', 逾期: 'red', 延期: 'blue', 按期办结: 'grey', 逾期办结: 'red' });
  });
});
