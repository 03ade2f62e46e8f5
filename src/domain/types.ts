/**
 * The vocabulary of the 13710 ledger: raw fields as people type them into 台账,
 * and the enumerations the seed document (SPEC.md) defines. Pure types, no logic.
 * See docs/rules.md for the exact meaning of every field.
 */

/** A plain local date `YYYY-MM-DD`. Never a JS Date with a time zone. */
export type IsoDate = string;

export const COUNTING_MODES = ['自然日顺延', '工作日', '自然日'] as const;
export type CountingMode = (typeof COUNTING_MODES)[number];

export const OVERDUE_COUNTINGS = ['工作日', '自然日'] as const;
export type OverdueCounting = (typeof OVERDUE_COUNTINGS)[number];

export const ITEM_KINDS = ['一般', '重大复杂'] as const;
export type ItemKind = (typeof ITEM_KINDS)[number];

export const ASSIGN_LEVELS = ['校党委、行政交办', '中心党总支、中心交办', '台账其他任务'] as const;
export type AssignLevel = (typeof ASSIGN_LEVELS)[number];

/** 来源类别 1–10, as the seed document lists them. */
export const SOURCE_CATEGORIES = [
  '上级机关/主管部门文件、会议、工作部署',
  '校党委会/校长办公会等会议决议',
  '学校重点工作、重点建设项目',
  '上级及学校主要领导批示、交办',
  '上级职能部门要求的重要工作',
  '巡视、巡察、审计整改问题',
  '后勤中心各类会议决议',
  '后勤中心重大事项、目标任务、工作计划',
  '后勤中心安全稳定及其他专项工作',
  '其他',
] as const;
export type SourceCategory = (typeof SOURCE_CATEGORIES)[number];

/** Workflow states (办理状态; docs/rules.md). */
export const WORKFLOW_STATES = ['待审批', '已交办', '办理中', '申请办结', '已初核', '已销号'] as const;
export type WorkflowState = (typeof WORKFLOW_STATES)[number];

export const GRADES = ['优秀', '良好', '合格', '不合格'] as const;
export type Grade = (typeof GRADES)[number];

/** 预警状态, docs/rules.md. */
export const WARNING_STATUSES = ['未交办', '正常', '临近', '逾期', '延期', '按期办结', '逾期办结'] as const;
export type WarningStatus = (typeof WARNING_STATUSES)[number];

/** Roles of people who act on the ledger. */
export const ROLES = ['督办员', '科室', '分管领导', '中心主任'] as const;
export type Role = (typeof ROLES)[number];

/** One 台账 row's raw (hand-filled or add-in-written) fields. Computed columns are not here. */
export interface LedgerItem {
  /** 编号, e.g. DB-2026-0042 */
  id: string;
  /** 立项日期 */
  registeredOn: IsoDate | null;
  /** 来源类别 */
  source: SourceCategory | string;
  /** 交办层级 */
  level: AssignLevel;
  /** 事项内容 */
  content: string;
  /** 目标任务/工作要求 */
  requirement: string;
  /** 承办科室 */
  section: string;
  /** 协办科室 */
  coSections: string;
  /** 事项类型 */
  kind: ItemKind;
  /** 交办日期 (the 13710 clock starts; day 0) */
  assignedOn: IsoDate | null;
  /** 完成时限 set explicitly by a leader (overrides the 7/30-day default) */
  explicitDeadline: IsoDate | null;
  /** 延期批准日: the 分管领导 approved an extension plan on this day */
  extensionApprovedOn: IsoDate | null;
  /** 延期完成时限: the plan's final time node */
  extensionDeadline: IsoDate | null;
  /** 延期节点: the plan's intermediate time nodes, free text kept as typed */
  extensionNodes: string;
  /** 1天反馈日: day the 1-day report (研究部署) was signed off */
  report1On: IsoDate | null;
  /** 3天反馈日: day the 3-day report (初步落实) was signed off */
  report3On: IsoDate | null;
  /** 落实反馈日: day the 7-day / 1-month report (落实情况) was signed off */
  reportFinalOn: IsoDate | null;
  /** 最近进展 */
  progress: string;
  /** 办理状态 */
  state: WorkflowState;
  /** 申请办结日 */
  appliedOn: IsoDate | null;
  /** 初核日期 */
  checkedOn: IsoDate | null;
  /** 审定日期 */
  approvedOn: IsoDate | null;
  /** 销号日期 */
  closedOn: IsoDate | null;
  /** 评价等级 */
  grade: Grade | null;
  /** 退回次数 */
  returnCount: number;
  /** 催办次数 */
  urgeCount: number;
  /** 最近催办日 */
  lastUrgedOn: IsoDate | null;
  /** 敷衍推诿认定日 (set by the office) */
  perfunctoryOn: IsoDate | null;
  /** 弄虚作假认定日 (set by the office) */
  falsifiedOn: IsoDate | null;
  /** 关联编号 (重新立项: the earlier item) */
  linkedId: string;
  /** 备注 */
  note: string;
  /**
   * 佐证材料: what shows the work was done (a link, or file names), given with 申请办结 (the seed:
   * 落实情况要见人见事、见根见效) and checked at 初核 and 审定; kept through a 退回 for the section to amend.
   */
  evidence: string;
}

/** 科室人员: one row per section. */
export interface SectionPeople {
  /** 科室 */
  section: string;
  /** 科长 */
  chief: string;
  /** 分管副职 (the section's 分管领导) */
  deputy: string;
}

/**
 * 反馈记录 types: node reports, monthly reports under a plan, and the other dated events on an item.
 * 审签退回 is a 分管领导 sending one unsigned report back with a comment (signOffReturn.ts): not a
 * 退回 (no deduction, not counted by the 不落实 rule), and the report it names never counts.
 */
export const RECORD_TYPES = ['1天反馈', '3天反馈', '落实反馈', '月度反馈', '催办', '退回', '升级', '审签退回'] as const;
export type RecordType = (typeof RECORD_TYPES)[number];

/** One 反馈记录 row. */
export interface FeedbackRecord {
  /** 编号 of the item */
  itemId: string;
  /** 类型 */
  type: RecordType;
  /** 日期 (reported / issued) */
  date: IsoDate;
  /** 内容 */
  content: string;
  /** 审签人 (for reports) or 经办人 */
  signer: string;
  /** 审签日期: a report counts only once signed */
  signedOn: IsoDate | null;
}
