/**
 * 落实主体 (docs/rules.md "Responsibility"): who answers for an item, by 交办层级.
 * Names come from the 科室人员 sheet and the 中心主任 setting, so a change of people is one edit
 * there; this module only encodes the matrix of the seed document §四.
 */
import type { AssignLevel, SectionPeople } from './types';

export interface Responsible {
  /** 第一责任人 */
  first: string;
  /** 分管责任人 (only for items 交办 by the university) */
  inCharge: string;
  /** 直接责任人 */
  direct: string;
}

/**
 * The three 责任人 of an item. `people` is the row of the item's 承办科室; undefined when the
 * section is not on the 科室人员 sheet, and then the section's names are empty (the 中心主任
 * still is first responsible for university items: that does not depend on the section).
 */
export function responsibleFor(level: AssignLevel, people: SectionPeople | undefined, director: string): Responsible {
  const chief = people?.chief ?? '';
  const deputy = people?.deputy ?? '';
  switch (level) {
    case '校党委、行政交办':
      return { first: director, inCharge: deputy, direct: chief };
    case '中心党总支、中心交办':
      return { first: deputy, inCharge: '', direct: chief };
    case '台账其他任务':
      return { first: chief, inCharge: '', direct: deputy };
    default:
      // An unknown level (bad data that slipped past validation): name nobody rather than guess.
      return { first: '', inCharge: '', direct: '' };
  }
}
