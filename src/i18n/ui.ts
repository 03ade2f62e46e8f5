/**
 * Every string the task pane and the browser preview show (zh-CN). Components never hold
 * literal text; they read it from here. Sheet names are data (src/excel/ledgerSheets.ts), and so
 * is the preview's sample ledger (src/preview/previewWorkbook.ts).
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
    overview: '今日预警概况、本人负责的事项和工作簿状态。',
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
    initialised: '督办台账已初始化。',
    notInitialised: '尚未初始化督办台账。',
  },

  init: {
    button: '初始化台账',
    hint: '创建缺失的工作表、表格、公式与数据验证，修复被改动的公式与规则；已有数据不会被改动。',
    needed: '当前工作簿还没有完整的督办台账，请先初始化。',
    done: (created: readonly string[], repaired: readonly string[]): string =>
      [
        created.length ? `已创建：${created.join('、')}` : '',
        repaired.length ? `已修复：${repaired.join('、')}` : '',
      ]
        .filter((part) => part !== '')
        .join('；') || '台账结构完好，无需改动。',
  },

  /** Who is using the pane (remembered in this browser only). */
  role: {
    title: '当前身份',
    label: '身份',
    placeholder: '请选择身份',
    options: {
      督办员: '党政办公室（运行监督科）· 督办员',
      科室: '科室',
      分管领导: '分管领导',
      中心主任: '中心主任',
    },
    section: '所在科室',
    sectionPlaceholder: '请选择科室',
    leader: '分管领导姓名',
    leaderPlaceholder: '请选择姓名',
    name: '经办人姓名（可选）',
    note: '身份只保存在本机，不写入工作簿；页面只显示该身份可以办理的操作。',
    needRole: '请先在页面上方选择身份（科室须选择所在科室，分管领导须选择姓名）。',
    officeName: '党政办公室',
  },

  /** Reading the ledger (every page). */
  ledger: {
    loading: '正在读取台账…',
    failed: '无法读取台账',
    reload: '重新读取',
  },

  /** Result of a user action (every form). */
  op: {
    failedTitle: '操作未完成',
    thrown: (detail: string): string => `与工作簿同步失败：${detail}`,
    kept: '已填写的内容均已保留，可点击“重试”按原操作重新提交（不会重复登记）。',
    retry: '重试',
    doneTitle: '已完成',
    busy: '正在提交…',
  },

  /** Client-side checks, shown next to the field. */
  validation: {
    required: (label: string): string => `请填写${label}`,
    choose: (label: string): string => `请选择${label}`,
    tooLong: (label: string, max: number, actual: number): string => `${label}最多 ${max} 字，现有 ${actual} 字`,
    formulaLike: (label: string, first: string): string =>
      `${label}不能以“${first}”开头（Excel 会当作公式），请删去或在前面加一个中文字符`,
    badDate: (label: string): string => `${label}不是有效日期`,
    dateBeforeToday: (label: string, today: string): string => `${label}不能早于今天（${today}）`,
    dateBeforeAssigned: (label: string, assigned: string): string => `${label}不能早于交办日期（${assigned}）`,
  },

  /** The item picker and the selected item's summary. */
  picker: {
    search: '查找事项',
    searchPlaceholder: '输入编号、科室或事项内容',
    mine: '本人负责的未办结事项（紧急优先）',
    others: '其他事项',
    none: '没有符合条件的事项。',
    more: (n: number): string => `另有 ${n} 项未列出，请输入关键词缩小范围。`,
    hint: '请从列表中选择事项，或在“台账”工作表中选中事项所在行。',
    listLabel: '事项列表',
    change: '更换事项',
  },
  item: {
    title: (id: string): string => `事项 ${id}`,
    state: '办理状态',
    section: '承办科室',
    content: '事项内容',
    due1: '1天应报日',
    due3: '3天应报日',
    deadline: '办结时限',
    overdue: (days: number): string => `逾期 ${days} 天`,
    notAssigned: '尚未交办',
    noActions: '当前身份对该事项没有可以办理的操作。',
  },

  overview: {
    countsTitle: (today: string): string => `今日预警状态（${today}）`,
    myTitle: '我的未办结事项（逾期优先）',
    myEmpty: '没有未办结的事项。',
    rowErrorsTitle: (n: number): string => `台账中有 ${n} 处内容需要更正`,
    rowErrorsBody: '以下行未计入统计，请在工作簿中改正后刷新：',
    rowHeading: (sheet: string, row: number): string => `${sheet} 第${row}行`,
  },

  register: {
    formTitle: '登记督办事项',
    officeOnly: '立项由党政办公室（运行监督科）办理；请在页面上方选择“督办员”身份。',
    source: '来源类别',
    level: '交办层级',
    content: '事项内容',
    requirement: '目标任务/工作要求',
    section: '承办科室',
    coSections: '协办科室（可多选）',
    kind: '事项类型',
    deadline: '完成时限（可选，不填按“13710”默认时限）',
    deadlineLabel: '完成时限',
    deadlineNeedsApproval:
      '完成时限在中心主任审批同意时确定：请勾选“已报经中心主任同意”，或清空此项，由中心主任审批时填写。',
    assignedOn: '交办日期',
    assignedHint: '用于推算下列时限；审批同意即于当天交办。',
    choose: '请选择',
    directorAgreed: '已报经中心主任同意',
    directorAgreedHint: '勾选：立项后即记录中心主任审批同意，并于今天交办；不勾选：事项为“待审批”。',
    previewTitle: '交办后的时限与责任人（保存前预览）',
    due1: '1天部署反馈',
    due3: '3天初步反馈',
    deadlineDue: '办结时限',
    first: '第一责任人',
    inCharge: '分管责任人',
    direct: '直接责任人',
    nobody: '—',
    submit: '立项',
    submitAndAssign: '立项并交办',
    done: (id: string): string => `已立项：${id}（待中心主任审批）`,
    doneAssigned: (id: string, on: string): string => `已立项并交办：${id}（交办日期 ${on}）`,
    renumbered: (id: string): string => `原编号已被同时立项的事项占用，本事项编号为 ${id}。`,
    approveFailed: (id: string, message: string): string => `已立项 ${id}，但审批同意未完成：${message}`,
    pendingTitle: '待审批事项',
    pendingEmpty: '没有待审批的事项。',
    approve: '审批同意并交办',
    approveDeadline: '完成时限（可选）',
    approveDone: (id: string, on: string): string => `已审批同意并交办：${id}（交办日期 ${on}）`,
  },

  report: {
    formTitle: '节点反馈',
    node: '反馈节点',
    content: '反馈内容',
    submit: '提交反馈',
    done: (id: string, node: string): string => `已提交 ${id} 的${node}，待分管领导审签`,
    noOpenNode: '该事项的节点反馈均已审签，无需再报。',
    start: '接收办理',
    startDone: (id: string): string => `${id} 已接收办理`,
    signTitle: '待审签的反馈',
    signEmpty: '没有待审签的反馈。',
    sign: '审签',
    signDone: (id: string, type: string): string => `已审签 ${id} 的${type}`,
    record: (id: string, type: string, date: string): string => `${id} · ${type} · ${date}`,
  },

  urge: {
    title: '催办',
    content: '催办内容（可选）',
    one: '催办此事项',
    oneDone: (id: string): string => `已催办 ${id}`,
    section: '催办科室',
    all: '催办本科室全部逾期事项',
    allDone: (section: string, ids: readonly string[]): string =>
      ids.length ? `已催办${section} ${ids.length} 项逾期事项：${ids.join('、')}` : `${section}目前没有逾期事项，未发出催办。`,
  },

  close: {
    applyTitle: '申请办结',
    applyContent: '办结情况（可选）',
    apply: '申请办结',
    applyDone: (id: string): string => `${id} 已申请办结，待督办员初核`,
    checkTitle: '初核',
    check: '初核通过',
    checkDone: (id: string): string => `${id} 已初核，待分管领导审定`,
    approveTitle: '审定',
    grade: '评价等级',
    approve: '审定销号',
    approveDone: (id: string, grade: string): string => `${id} 已审定销号，评价等级：${grade}`,
    returnTitle: '退回',
    reason: '退回理由',
    return: '退回',
    returnDone: (id: string): string => `${id} 已退回，继续办理`,
    extensionTitle: '延期方案',
    extensionDeadline: '延期完成时限',
    extensionNodes: '时间节点（可选）',
    extension: '批准延期方案',
    extensionDone: (id: string, deadline: string): string => `已批准 ${id} 的延期方案，完成时限 ${deadline}，此后按月反馈`,
    escalateTitle: '升级',
    escalateLevel: '升级至',
    escalateContent: '升级事由',
    escalate: '升级',
    escalateDone: (id: string, level: string): string => `已将 ${id} 升级至${level}`,
    reopenTitle: '重新立项',
    reopenContent: '新的事项内容',
    reopenRequirement: '目标任务/工作要求（可选）',
    reopen: '重新立项',
    reopenDone: (id: string, from: string): string => `已重新立项 ${id}（关联 ${from}），待中心主任审批`,
    flagTitle: '认定',
    flags: { 认定敷衍推诿: '认定敷衍推诿', 认定弄虚作假: '认定弄虚作假' },
    confirm: (what: string, id: string): string => `确定对 ${id} ${what}吗？认定将计入不落实清单和月度考核。`,
    confirmYes: '确认认定',
    confirmNo: '取消',
    flagDone: (id: string, what: string): string => `已对 ${id} ${what}`,
  },

  /** 清单与报告: one supervision round (督查报告, 问题清单, 不落实清单). */
  lists: {
    officeOnly: '督查报告和两张清单由党政办公室（运行监督科）生成；请在页面上方选择“督办员”身份。',
    formTitle: '生成督查报告与清单',
    mode: '统计区间',
    modeMonth: '按月份',
    modeRange: '按起止日期',
    month: '统计月份',
    from: '开始日期',
    to: '结束日期',
    toBeforeFrom: '结束日期不能早于开始日期',
    fromAfterToday: (today: string): string => `开始日期不能晚于今天（${today}）`,
    periodHint: (from: string, to: string): string => `统计区间：${from} 至 ${to}`,
    generate: '生成',
    done: (sheet: string): string => `已生成督查报告、问题清单和不落实清单，并存档为“${sheet}”。`,
    alreadyDone: '上次提交的生成已经完成（工作簿中的督查报告和两张清单即为结果），未重复生成。',
    resultTitle: (from: string, to: string, asOf: string): string => `${from} 至 ${to}（数据截至 ${asOf}）`,
    totals: {
      items: '事项总数',
      open: '在办',
      overdue: '其中逾期',
      near: '其中临近',
      extended: '其中延期',
      notAssigned: '未交办',
      closed: '本期办结',
      onTimeClosed: '按期办结',
    },
    onTimeRate: '按期办结率',
    feedbackRate: '反馈及时率',
    rate: (rate: number | null, num: number, den: number): string =>
      rate === null ? '—（无应计事项）' : `${(Math.round(rate * 1000) / 10).toFixed(1)}%（${num}/${den}）`,
    issueCount: '问题清单',
    nonImplCount: '不落实清单',
    rows: (n: number): string => `${n} 项`,
    problemsTitle: '主要问题',
    noProblems: '本期未发现主要问题。',
    archive: '存档工作表',
    computeMs: '计算耗时',
    ms: (ms: number): string => `${Math.round(ms)} 毫秒`,
    skipped: (n: number): string => `台账中有 ${n} 处内容未通过校验，相关行未计入本轮统计；请在“概览”页校验台账并改正。`,
  },

  /** 综评: the month's scores by section. */
  scores: {
    month: '考核月份',
    tableLabel: (month: string): string => `${month} 各科室综合评价`,
    section: '科室',
    dims: {
      volume: '任务总量',
      feedback: '反馈实效',
      progress: '落实进度',
      effect: '落实效果',
      closure: '办结情况',
    },
    deductions: '扣分',
    total: '总分',
    rank: '排名',
    noDue: '无应办事项，按满分计',
    noDueMark: '*',
    legend: '标“*”的得分：该维度本月无应办事项，按满分计。',
    empty: '科室人员表中没有科室，无法计算综评。',
    asOf: (month: string, asOf: string): string => `${month} 月度考核，统计截至 ${asOf}；按台账原始字段实时计算。`,
    explainTitle: '各维度说明',
    explain: {
      volume: (w: number): string => `任务总量（${w}分）：本月承办事项数与承办最多的科室相比，按比例得分。`,
      feedback: (w: number): string => `反馈实效（${w}分）：本月到期的1天、3天、落实节点中按时反馈的比例。`,
      progress: (w: number): string => `落实进度（${w}分）：月末（或今天）仍在办的事项中未超过办结时限的比例。`,
      effect: (w: number): string => `落实效果（${w}分）：本月销号事项评价等级（优秀、良好等）的平均得分率。`,
      closure: (w: number): string => `办结情况（${w}分）：办结时限在本月的事项中按期办结的比例。`,
      deductions: (d: { nonImplementation: number; returned: number; missedReport: number; falsified: number }): string =>
        `扣分：不落实典型事项每件扣${d.nonImplementation}分，退回每次扣${d.returned}分，漏报每次扣${d.missedReport}分，弄虚作假每件扣${d.falsified}分；总分最低为0。`,
    },
    freeze: '冻结本月',
    freezeHint: '把本月各科室得分按数值存入“考核存档”；再次冻结会新增一个版本，旧版本保留。',
    frozen: (month: string, version: number): string => `已冻结 ${month} 月度考核，存入“考核存档”第 ${version} 版。`,
    alreadyFrozen: (month: string): string => `上次提交的冻结已经完成（${month}已存入“考核存档”），未重复冻结。`,
  },

  /** 校验台账 on 概览 (督办员). */
  audit: {
    title: '校验台账',
    button: '校验台账',
    hint: '逐行检查台账和反馈记录的内容与计算列公式；只读取，不修改工作簿。',
    busy: '正在校验…',
    failed: '校验未完成',
    retry: '重试',
    sheetHeading: (sheet: string, count: number): string => `${sheet}（${count} 处）`,
    rowHeading: (row: number): string => `第${row}行`,
    cell: (address: string, header: string): string => `${address} ${header}`,
    cellHint: '点击可在工作簿中选中该单元格',
    repairHint: '部分计算列的公式或表格结构已损坏，可用“初始化台账”修复（不改动已填写的内容）。',
    repair: '修复（初始化台账）',
  },

  preview: {
    documentTitle: '13710督办台账 · 浏览器预览',
    banner: '浏览器预览：左侧是内存中的示例台账工作簿（点击底部标签切换工作表，点击台账行可在任务窗格中打开该事项），右侧是真实的任务窗格。未连接 Excel；公式单元格显示的是领域核心算出的结果（与 LibreOffice 重算一致）。',
    loading: '正在生成示例台账……',
    sheetTabs: '工作表',
    sheetLabel: (sheet: string) => `工作表：${sheet}`,
    taskPane: '任务窗格',
  },
} as const;

export type PageId = keyof typeof ui.pages;
