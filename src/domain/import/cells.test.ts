import { SOURCE_CATEGORIES } from '../types';
import { readSerialDate, readSourceAlias, readYearlessDate, suggestSection, trimCell } from './cells';

const [c1, c2, c3, c4, c5, c6, c7, c8, c9, c10] = SOURCE_CATEGORIES;

describe('readSourceAlias: 来源类别 as the seed document writes it', () => {
  test.each([
    ['上级机关、主管部门重要文件、会议与重要工作部署的贯彻落实情况', c1],
    ['学校党委会、校长办公会和其他专题工作会议重要决议事项和重要工作部署的完成落实情况', c2],
    ['学校重点工作、重点建设项目的落实情况', c3],
    ['上级及学校主要领导的批示、交办事项的落实情况', c4],
    ['上级职能部门要求的重要工作落实情况', c5],
    ['巡视、巡察、审计等要求整改落实的问题', c6],
    ['巡视、巡察、审计等要求整改落实的问题。', c6],
    ['后勤中心各类会议决议事项', c7],
    ['后勤中心各类会议决议事项的完成落实情况', c7],
    ['后勤中心重大事项、目标任务、工作计划等的落实情况', c8],
    ['后勤中心安全稳定及其他专项工作落实情况', c9],
    ['其他需要督查督办事项', c10],
    ['（六）', c6],
    ['(六)', c6],
    ['六', c6],
    ['6', c6],
    ['十', c10],
    ['10', c10],
    ['（六）巡视、巡察、审计等要求整改落实的问题', c6],
    ['(七) 后勤中心各类会议决议事项的完成落实情况', c7],
    ['六、巡视、巡察、审计整改问题', c6],
    ['巡视巡察审计整改问题', c6],
  ])('%j → %s', (typed, expected) => {
    expect(readSourceAlias(typed)).toBe(expected);
  });

  test.each([
    [c6, 'already the name: nothing to read'],
    ['领导交办', 'no category'],
    ['（六）其他需要督查督办事项', 'the number and the words disagree'],
    ['11', 'no eleventh category'],
    ['后勤中心', 'the start of three categories'],
    ['上级', 'too short to tell'],
  ])('%j → null (%s)', (typed) => {
    expect(readSourceAlias(typed)).toBeNull();
  });
});

describe('suggestSection: a typed 科室 close to a listed one', () => {
  const sections = ['学生公寓管理科', '物业管理科', '工程管理科', '饮食服务科', '党政办公室（运行监督科）'];
  test.each([
    ['公寓管理科', '学生公寓管理科'],
    ['工程科', '工程管理科'],
    ['饮食服务', '饮食服务科'],
    ['党政办公室', '党政办公室（运行监督科）'],
    ['物业管里科', '物业管理科'],
  ])('%j → %j', (typed, expected) => {
    expect(suggestSection(typed, sections)).toBe(expected);
  });

  test.each([
    ['管理科', 'three sections contain it: no coin toss'],
    ['保卫处', 'nothing close'],
    ['科', 'too short'],
  ])('%j → null (%s)', (typed) => {
    expect(suggestSection(typed, sections)).toBeNull();
  });

  // the centre's own sections: a name holding what was typed beats one a character away
  const centre = ['党政办公室（运行监督科）', '综合科', '财务科', '工程管理科', '维修服务科', '物业管理科', '饮食服务科'];
  test.each([
    ['服务科', null],
    ['维修服务', '维修服务科'],
    ['维修服物科', '维修服务科'],
    ['财物科', '财务科'],
  ])("among the centre's sections: %j → %j", (typed, expected) => {
    expect(suggestSection(typed, centre)).toBe(expected);
  });
});

describe('dates', () => {
  test.each([
    ['46335', '2026-11-09'],
    ['46335.5', '2026-11-09'],
    ['４６３３５', '2026-11-09'],
    ['36526', '2000-01-01'],
  ])('Excel serial %j → %s', (typed, iso) => {
    expect(readSerialDate(typed)).toBe(iso);
  });

  test.each(['5', '12345', '20261130', '2026-11-30', '99999'])('%j is not read as a serial', (typed) => {
    expect(readSerialDate(typed)).toBeNull();
  });

  test.each([
    ['11月30日', 2026, '2026-11-30'],
    ['11月30号', 2026, '2026-11-30'],
    ['11.30', 2026, '2026-11-30'],
    ['11/30', 2027, '2027-11-30'],
    ['２月２９日', 2028, '2028-02-29'],
  ])('year-less %j in %i → %s', (typed, year, iso) => {
    expect(readYearlessDate(typed, year)).toBe(iso);
  });

  test.each([
    ['2月29日', 2026],
    ['13月1日', 2026],
    ['2026-11-30', 2026],
    ['明天', 2026],
  ])('%j in %i → null', (typed, year) => {
    expect(readYearlessDate(typed, year)).toBeNull();
  });
});

test('trimCell: spaces of any width and zero-width characters at either end; inside kept', () => {
  expect(trimCell('\u3000 工程管理科\u3000\u200B')).toBe('工程管理科');
  expect(trimCell(' 第一行\n第二行 ')).toBe('第一行\n第二行');
  expect(trimCell('\uFEFF')).toBe('');
});
