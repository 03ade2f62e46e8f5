import { responsibleFor } from './responsibility';
import type { AssignLevel, SectionPeople } from './types';

const people: SectionPeople = { section: '总务科', chief: '王科长', deputy: '李副主任' };
const director = '张主任';

describe('responsibleFor: the responsibility matrix of docs/rules.md', () => {
  test.each<[AssignLevel, SectionPeople | undefined, { first: string; inCharge: string; direct: string }]>([
    ['校党委、行政交办', people, { first: '张主任', inCharge: '李副主任', direct: '王科长' }],
    ['中心党总支、中心交办', people, { first: '李副主任', inCharge: '', direct: '王科长' }],
    ['台账其他任务', people, { first: '王科长', inCharge: '', direct: '李副主任' }],
    // Unknown section: the section's names are empty; the 中心主任 does not depend on the section.
    ['校党委、行政交办', undefined, { first: '张主任', inCharge: '', direct: '' }],
    ['中心党总支、中心交办', undefined, { first: '', inCharge: '', direct: '' }],
    ['台账其他任务', undefined, { first: '', inCharge: '', direct: '' }],
  ])('%s, %j', (level, p, expected) => {
    expect(responsibleFor(level, p, director)).toEqual(expected);
  });

  test('a section row with empty names yields empty names, never undefined', () => {
    const blank: SectionPeople = { section: '膳食科', chief: '', deputy: '' };
    expect(responsibleFor('台账其他任务', blank, director)).toEqual({ first: '', inCharge: '', direct: '' });
  });

  test('an unknown level (bad data) names nobody', () => {
    expect(responsibleFor('其他' as AssignLevel, people, director)).toEqual({ first: '', inCharge: '', direct: '' });
  });
});
