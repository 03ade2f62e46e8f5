import type { IsoDate, WarningStatus, WorkflowState } from '../domain/types';

/** The sample workbook the browser preview shows: a few 台账 rows, as a clerk would see them. */
export const SAMPLE_WORKBOOK_NAME = '示例督办台账.xlsx（预览）';

/** The sample workbook's sheets: a ledger that has not been fully initialised yet. */
export const SAMPLE_SHEETS = ['台账', '反馈记录', '科室人员', '日历', '设置'] as const;

export interface SampleRow {
  id: string;
  content: string;
  section: string;
  assignedOn: IsoDate | null;
  state: WorkflowState;
  warning: WarningStatus;
}

export const SAMPLE_ROWS: readonly SampleRow[] = [
  {
    id: 'DB-2026-0019',
    content: '第一教学楼屋面漏水维修',
    section: '维修中心',
    assignedOn: '2026-09-28',
    state: '已销号',
    warning: '逾期办结',
  },
  {
    id: 'DB-2026-0022',
    content: '校园主干道路灯更换',
    section: '物业管理科',
    assignedOn: '2026-10-12',
    state: '已销号',
    warning: '按期办结',
  },
  {
    id: 'DB-2026-0027',
    content: '巡察整改：物资采购台账规范化',
    section: '综合科',
    assignedOn: '2026-10-09',
    state: '办理中',
    warning: '延期',
  },
  {
    id: 'DB-2026-0031',
    content: '学生公寓热水系统报修响应慢问题整改',
    section: '公寓管理科',
    assignedOn: '2026-11-02',
    state: '办理中',
    warning: '逾期',
  },
  {
    id: 'DB-2026-0035',
    content: '校党委交办：食堂食品安全专项检查',
    section: '饮食服务科',
    assignedOn: '2026-11-16',
    state: '办理中',
    warning: '临近',
  },
  {
    id: 'DB-2026-0036',
    content: '冬季供暖设备检修',
    section: '能源动力科',
    assignedOn: '2026-11-18',
    state: '已交办',
    warning: '正常',
  },
  {
    id: 'DB-2026-0038',
    content: '后勤中心年度工作计划任务分解',
    section: '党政办公室',
    assignedOn: null,
    state: '待审批',
    warning: '未交办',
  },
];

/** 预警状态 colours (SPEC §1): fill and text, as the ledger's conditional formats will show them. */
export const WARNING_COLOURS: Record<WarningStatus, { fill: string; text: string }> = {
  未交办: { fill: '#FFFFFF', text: '#605E5C' },
  正常: { fill: '#C6EFCE', text: '#006100' },
  临近: { fill: '#FFEB9C', text: '#9C5700' },
  逾期: { fill: '#FFC7CE', text: '#9C0006' },
  延期: { fill: '#DDEBF7', text: '#1F4E79' },
  按期办结: { fill: '#E7E6E6', text: '#3B3838' },
  逾期办结: { fill: '#E7E6E6', text: '#C00000' },
};
