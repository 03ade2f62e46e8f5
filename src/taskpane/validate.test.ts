import { ui } from '../i18n';
import { checkChoice, checkDate, checkText, collectErrors, hasErrors, LIMITS } from './validate';

const v = ui.validation;

describe('client-side validation', () => {
  it('takes its limits from the sheet columns', () => {
    expect(LIMITS).toMatchObject({ content: 500, requirement: 1000, record: 1000, extensionNodes: 100, escalation: 980 });
  });

  it('checks text: required, length in characters (not UTF-16 units), formula-like starts', () => {
    const rule = { label: '事项内容', max: 3, required: true };
    expect(checkText('', rule)).toBe(v.required('事项内容'));
    expect(checkText('   ', rule)).toBe(v.required('事项内容'));
    expect(checkText('', { ...rule, required: false })).toBeNull();
    expect(checkText('路灯修', rule)).toBeNull();
    expect(checkText('𠀀𠀀𠀀', rule)).toBeNull(); // three characters outside the BMP
    expect(checkText('路灯维修', rule)).toBe(v.tooLong('事项内容', 3, 4));
    for (const lead of ['=', '+', '-', '@']) expect(checkText(`${lead}1`, rule)).toBe(v.formulaLike('事项内容', lead));
    // leading spaces, full-width too, hide nothing
    expect(checkText(' \u3000=1', { ...rule, max: 10 })).toBe(v.formulaLike('事项内容', '='));
    expect(checkText('１+1', rule)).toBeNull();
  });

  it('checks choices and dates', () => {
    expect(checkChoice('', '来源类别')).toBe(v.choose('来源类别'));
    expect(checkChoice('其他', '来源类别')).toBeNull();
    expect(checkDate('', '完成时限', '2026-03-02')).toBeNull();
    expect(checkDate('', '完成时限', '2026-03-02', true)).toBe(v.choose('完成时限'));
    expect(checkDate('2026-02-30', '完成时限', '2026-03-02')).toBe(v.badDate('完成时限'));
    expect(checkDate('2026-03-01', '完成时限', '2026-03-02')).toBe(v.dateBeforeToday('完成时限', '2026-03-02'));
    expect(checkDate('2026-03-02', '完成时限', '2026-03-02')).toBeNull();
  });

  it('collects the failing fields only', () => {
    const errors = collectErrors({ a: null, b: '请填写B' });
    expect(errors).toEqual({ b: '请填写B' });
    expect(hasErrors(errors)).toBe(true);
    expect(hasErrors(collectErrors({ a: null }))).toBe(false);
  });
});
