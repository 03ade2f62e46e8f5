/**
 * The sections of a university logistics service centre (后勤服务中心) with example names, used
 * to fill 科室人员 in a new ledger. The office replaces the names with its own; nothing depends on
 * them except the sample data.
 */
import type { SectionPeople } from '../domain/types';

export interface SectionRow extends SectionPeople {
  note: string;
}

export const DEFAULT_SECTIONS: readonly SectionRow[] = [
  { section: '党政办公室（运行监督科）', chief: '陈志刚', deputy: '李文华', note: '督办工作牵头科室：立项登记、督促检查、汇总报告' },
  { section: '综合科', chief: '赵明', deputy: '李文华', note: '' },
  { section: '财务科', chief: '孙丽', deputy: '刘建国', note: '' },
  { section: '工程管理科', chief: '周海涛', deputy: '王振宇', note: '' },
  { section: '维修服务科', chief: '吴国强', deputy: '王振宇', note: '' },
  { section: '物业管理科', chief: '郑晓燕', deputy: '张宏伟', note: '' },
  { section: '饮食服务科', chief: '冯卫东', deputy: '张宏伟', note: '' },
  { section: '学生公寓管理科', chief: '何静', deputy: '刘建国', note: '' },
  { section: '能源管理科', chief: '马俊', deputy: '王振宇', note: '' },
  { section: '校园环境科', chief: '朱雪梅', deputy: '张宏伟', note: '' },
  { section: '采购与资产管理科', chief: '胡斌', deputy: '刘建国', note: '' },
];

/** 中心主任 of the example data. */
export const DEFAULT_DIRECTOR = '杨光明';
