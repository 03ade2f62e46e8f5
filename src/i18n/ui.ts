/**
 * Every string the task pane and the browser preview show (zh-CN). Components never hold
 * literal text; they read it from here. Sheet names are data (src/excel/ledgerSheets.ts), and so
 * is the preview's sample ledger (src/preview/sampleLedger.ts).
 */
export const ui = {
  app: {
    title: '13710督办台账',
    subtitle: '后勤服务中心 · “13710”监督问效',
  },

  /** The pages of the task pane, in navigation order (see src/taskpane/pages.ts). */
  pages: {
    overview: '概览',
    register: '立项交办',
    report: '反馈',
    close: '销号',
    lists: '清单与报告',
    scores: '综评',
  },
  nav: {
    label: '功能页面',
  },

  /** What each working page will do; shown while the page is still being built. */
  pageIntro: {
    overview: '查看当前工作簿与台账各工作表的状态。',
    register: '登记督办事项，经中心主任审批后当日交办，启动“13710”计时。',
    report: '登记1天、3天、7天/1个月节点反馈及方案期内的月度进展，分管领导审签后生效。',
    close: '申请办结 → 初核 → 审定，审定通过即销号；退回时记录原因。',
    lists: '生成督查报告、问题清单和不落实典型事项清单。',
    scores: '按月计算各科室五个维度的综合评价得分及扣分。',
  },
  coming: {
    title: '功能建设中',
    body: '此页面将在后续版本中提供。',
  },

  status: {
    title: '工作簿状态',
    workbook: '当前工作簿',
    loading: '正在读取工作簿…',
    failed: '无法读取工作簿',
    refresh: '刷新',
    sheetsTitle: '台账工作表',
    present: '已存在',
    missing: '缺失',
    summary: (present: number, total: number): string => `${total} 个工作表中已有 ${present} 个`,
    allPresent: '台账工作表齐全。',
  },

  init: {
    button: '初始化台账',
    hint: '即将提供：一键创建缺失的工作表、表格、公式与数据验证，已有数据不会被改动。',
  },

  preview: {
    documentTitle: '13710督办台账 · 浏览器预览',
    banner: '浏览器预览：左侧为示例台账，右侧为任务窗格（未连接 Excel，数据为示例）。',
    sheetTab: '台账',
    taskPane: '任务窗格',
    columns: {
      id: '编号',
      content: '事项内容',
      section: '承办科室',
      assignedOn: '交办日期',
      state: '办理状态',
      warning: '预警状态',
    },
  },
} as const;

export type PageId = keyof typeof ui.pages;
