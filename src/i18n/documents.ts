/**
 * zh-CN strings of the 公文 documents (督办通知单, 催办单, 督查报告 .docx, 催办 messages) and of the
 * task pane's 文书 section (src/domain/documents/, src/documents/, src/excel/documentSheets.ts,
 * src/taskpane/pages/DocumentsPanel.tsx).
 */
export const documents = {
  // ------------------------------------------------------------------ document text
  noticeTitle: '督办通知单',
  urgeTitle: '催办单',
  sectionUrgeTitle: '催办单（科室汇总）',
  /** 「蓝色催办」 … */
  colourLabel: (colour: string) => `${colour}色催办`,
  colourMeaning: {
    蓝: '临近时限',
    黄: '已逾期',
    红: '多次催办仍未落实或列入不落实典型事项',
  } as const,
  docNumberLabel: '编号',
  to: (section: string) => `${section}：`,
  noticeLead: (date: string) =>
    `根据“13710”监督问效工作制度，现将下列事项于${date}交办你科室，请按时间节点研究部署、反馈落实情况，经分管领导审签后报党政办公室（运行监督科）。`,
  urgeLead: (n: number) => `下列督办事项未按“13710”时间节点落实反馈，现予第${n}次催办，请抓紧办理并按要求反馈。`,
  sectionUrgeLead: (section: string, n: number) => `${section}承办的下列${n}项督办事项未按“13710”时间节点落实反馈，现予催办，请抓紧办理并按要求反馈。`,
  fields: {
    itemId: '督办编号',
    content: '事项内容',
    requirement: '目标任务/工作要求',
    source: '来源类别',
    level: '交办层级',
    kind: '事项类型',
    section: '承办科室',
    coSections: '协办科室',
    first: '第一责任人',
    inCharge: '分管责任人',
    direct: '直接责任人',
    assignedOn: '交办日期',
    due1: '1天研究部署反馈',
    due3: '3天初步落实反馈',
    deadline: '办结时限',
    status: '预警状态',
    overdue: '逾期情况',
    urgeCount: '催办次数',
    colour: '催办等级',
    report: '反馈要求',
    replyBy: '反馈时限',
  },
  none: '—',
  byDate: (d: string) => `${d}前`,
  /** what to report at each node (通知单) */
  nodeReports: {
    '1': '研究部署情况（1天内）',
    '3': '初步落实情况（3天内）',
    F: '落实解决情况（办结时限前）',
  } as const,
  /** what to report on a 催办 */
  urgeReport: (nodes: string) => `补报${nodes}，说明未按期落实的原因、下一步措施和完成时间`,
  urgeReportNoMissed: '报送最新落实进展，说明能否按办结时限完成',
  nodeNames: { '1': '1天研究部署反馈', '3': '3天初步落实反馈', F: '落实反馈' } as const,
  extensionDeadline: (d: string) => `延期完成时限（${d}）`,
  overdueText: (days: number, unit: string, node: string) => `${node}已逾期${days}${unit}`,
  nearText: (date: string) => `将于${date}到期`,
  notOverdue: '未逾期',
  workdays: '个工作日',
  days: '天',
  nth: (n: number) => `第${n}次`,
  signHeading: '签收',
  signLines: ['签收人：', '签收日期：', '承办科室（盖章）：'] as const,
  issuedBy: (office: string, date: string) => [office, date] as const,
  tableHeaders: ['序号', '督办编号', '事项内容', '滞后节点', '逾期', '催办等级'] as const,
  // ------------------------------------------------------------------ 督查报告 公文
  reportTitle: (label: string) => `关于${label}“13710”督办事项督查情况的通报`,
  reportIntro: (from: string, to: string, end: string) =>
    `根据“13710”监督问效工作制度，党政办公室（运行监督科）对${from}至${to}督办事项落实情况进行了督查（数据截至${end}）。现将有关情况通报如下：`,
  totalsTitle: '表1  总体情况',
  sectionTableTitle: '表2  分科室情况',
  sourceTableTitle: '表3  分来源类别情况',
  attachmentsLabel: '附件：',
  attachmentNames: ['1. 问题清单', '2. 不落实典型事项清单'] as const,
  attachmentHeading: (n: number) => `附件${n}`,
  issueTitle: '问题清单',
  nonImplTitle: '不落实典型事项清单',
  issueHeaders: ['序号', '编号', '事项内容', '整改责任科室', '责任人', '整改期限'] as const,
  nonImplHeaders: ['序号', '编号', '承办科室', '问题线索', '问责建议'] as const,
  emptyList: '（无）',
  ccLabel: '抄送：',
  printedBy: (organ: string, date: string) => [organ, `${date}印发`] as const,
  /** 2026年11月25日 */
  chineseDate: (d: string) => `${Number(d.slice(0, 4))}年${Number(d.slice(5, 7))}月${Number(d.slice(8, 10))}日`,
  /** 2026年11月 */
  chineseMonth: (d: string) => `${Number(d.slice(0, 4))}年${Number(d.slice(5, 7))}月`,
  // ------------------------------------------------------------------ file names
  files: {
    notice: (id: string) => `督办通知单-${id}.docx`,
    urge: (id: string) => `催办单-${id}.docx`,
    sectionUrge: (section: string, date: string) => `催办单-${section}-${date}.docx`,
    report: (label: string) => `督查报告-${label}.docx`,
  },
  // ------------------------------------------------------------------ printable sheets
  sheets: {
    notice: '督办通知单',
    urge: '催办单',
  },
  // ------------------------------------------------------------------ task pane
  pane: {
    title: '文书（Word）',
    hint: '生成可直接打印、发送的督办通知单、三色催办单和督查报告公文（.docx）；催办消息可复制到企业微信、钉钉。',
    item: '事项',
    section: '科室',
    chooseItem: '请选择事项',
    chooseSection: '请选择科室',
    noticeDocx: '下载督办通知单',
    urgeDocx: '下载催办单',
    sectionUrgeDocx: '下载科室催办单',
    sectionUrgeSheet: '写入科室催办单工作表',
    reportDocx: '下载督查报告（公文）',
    noticeSheet: '写入通知单工作表',
    urgeSheet: '写入催办单工作表',
    message: '催办消息',
    sectionMessage: '科室催办消息',
    copy: '复制',
    copied: '已复制',
    copyFailed: '无法访问剪贴板，请手动选择文字复制。',
    noOverdue: (section: string) => `${section}当前没有逾期或临近的事项。`,
    noRound: '督查报告工作表还没有督查轮次：请先在上方“生成”，再下载公文。',
    downloaded: (name: string) => `已生成 ${name}`,
    sheetWritten: (sheet: string) => `已写入工作表“${sheet}”（已设置 A4 打印）。`,
    colourIs: (label: string) => `催办等级：${label}`,
  },
  // ------------------------------------------------------------------ 设置 notes (schema)
  settings: {
    督办文号格式:
      '督办通知单、催办单的编号格式：{年} 为事项编号的年份，{号} 为事项序号（催办单为“序号-催办次数”，科室催办单为催办日期月日）。默认 后勤督〔{年}〕{号}号。',
    报告文号格式: '督查报告公文的文号格式：{年} 为统计区间的年份，{号} 为统计区间的月份。默认 后勤督查〔{年}〕{号}号。',
    发文机关标志: '督查报告公文版头的发文机关标志（红色），如“后勤服务中心文件”。',
    发文机关: '督查报告落款与通知单、催办单的署名单位。',
    主送机关: '督查报告的主送机关。',
    抄送机关: '督查报告版记的抄送机关；留空则不印抄送。',
    印发机关: '督查报告版记的印发机关。',
    红色催办次数:
      '三色催办规则：本次催办是该事项第 N 次催办且 N 达到此数，或事项当日列入不落实典型事项清单，为红色；否则逾期为黄色，临近及其他为蓝色。默认 2（第二次催办起为红色）。',
    催办反馈工作日: '催办单要求的反馈时限：催办日期后的工作日数。默认 1。',
  },
} as const;
