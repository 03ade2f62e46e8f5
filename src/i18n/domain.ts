/**
 * Every zh-CN message the domain core produces. The domain modules never contain prose of their
 * own: they call these entries, so wording is reviewed (and could be translated) in one place.
 * Parametrised messages are functions; values shown to the user arrive already rendered as text.
 */
export const domain = {
  /** Dates typed into a cell (parseDate.ts). `v` is the value as the user typed it. */
  date: {
    unrecognised: (v: string, example: string) => `“${v}”不是可识别的日期，请写成 ${example} 的形式`,
    impossible: (v: string, why: string) => `“${v}”不是有效日期（${why}）`,
    noSuchMonth: (m: number) => `月份应为 1–12，没有 ${m} 月`,
    noSuchDay: (y: number, m: number, d: number, max: number) =>
      `${y}年${m}月没有${d}日，该月只有 ${max} 天`,
    noSuchTime: '时间部分不正确',
    yearTooEarly: (y: number) => `${y} 年早于 1900 年，Excel 无法表示`,
    yearless: (v: string, example: string) => `“${v}”缺少年份，请写成 ${example} 的形式`,
    twoDigitYear: (v: string, example: string) => `“${v}”的年份不是四位数，请写完整的年份，如 ${example}`,
    dayFirst: (v: string, example: string) =>
      `“${v}”的年、月、日顺序容易误读，请按“年-月-日”写成 ${example} 的形式`,
    missingDay: (v: string, example: string) => `“${v}”缺少月或日，请写完整的年月日，如 ${example}`,
    compact: (v: string, example: string) => `“${v}”没有分隔符，请写成 ${example} 的形式`,
    outOfRange: (v: string) => `“${v}”超出 Excel 能表示的日期范围（1900-01-01 至 9999-12-31）`,
    fakeLeapDay: (v: string) => `“${v}”是 Excel 虚构的 1900-02-29，不是真实日期`,
    notADate: (v: string, example: string) => `“${v}”不是日期，请写成 ${example} 的形式`,
  },

  /** One cell of a hand-filled sheet (validation.ts). */
  cell: {
    /** Where an error is: 「台账 第12行 N列（交办日期）」. The column letter may be unknown. */
    where: (sheet: string, row: number, column: string, header: string) =>
      `${sheet} 第${row}行${column ? ` ${column}列` : ''}（${header}）`,
    /** `where` + body, the form every cell message takes. */
    at: (where: string, body: string) => `${where}：${body}`,
    required: '必须填写',
    requiredUnlessPending: '除“待审批”事项外必须填写交办日期',
    notText: (v: string) => `“${v}”不是文字内容，无法识别`,
    cellError: (v: string) => `单元格显示错误值 ${v}，请先改正公式或内容`,
    tooLong: (max: number, actual: number) => `内容过长：最多 ${max} 字，现有 ${actual} 字`,
    formulaLike: (first: string) =>
      `内容以“${first}”开头，Excel 会把它当作公式；请在前面加一个中文字符或空格，或删去“${first}”`,
    badEnum: (v: string, options: string) => `“${v}”不是可选值，应为：${options}`,
    badSource: (v: string) => `“${v}”不是来源类别；请填 1–10 的编号或对应的类别名称`,
    sourceMismatch: (v: string, n: number, name: string) =>
      `“${v}”的编号与文字不一致：${n} 号来源类别是“${name}”`,
    enumTrimmed: (v: string, value: string) => `“${v}”前后有空格，已按“${value}”识别（单元格未改动）`,
    sourceNormalised: (v: string, value: string) => `“${v}”已按来源类别“${value}”识别（单元格未改动）`,
    unknownSection: (v: string) => `“${v}”不在“科室人员”表的科室名单中`,
    unknownSectionSpaces: (v: string) => `“${v}”前后有空格，与“科室人员”表的科室名称不一致`,
    unknownCoSection: (name: string) => `协办科室“${name}”不在“科室人员”表的科室名单中`,
    badCount: (v: string) => `“${v}”不是有效次数，应为 0 或正整数`,
    implausibleYear: (iso: string, min: number, max: number) =>
      `日期 ${iso} 不在 ${min}–${max} 年之间，请检查是否输错`,
    beforeAssigned: (what: string, iso: string, assigned: string) => `${what} ${iso} 早于交办日期 ${assigned}`,
    closedNeedsDate: '办理状态为“已销号”，必须填写销号日期',
    closedDateButOpen: (state: string) => `已填写销号日期，但办理状态为“${state}”；销号日期只在“已销号”时填写`,
    gradeOnlyWhenClosed: (state: string) => `评价等级在审定销号后才填写，当前办理状态为“${state}”`,
    appliedNeedsDate: (state: string) => `办理状态为“${state}”，必须填写申请办结日`,
    checkedNeedsDate: '办理状态为“已初核”，必须填写初核日期',
    signedBeforeDate: (signed: string, date: string) => `审签日期 ${signed} 早于反馈日期 ${date}`,
    signerWithoutDate: '已填写审签人，但没有审签日期',
    dateWithoutSigner: '已填写审签日期，但没有审签人',
    unknownItem: (v: string) => `编号“${v}”在台账中找不到`,
  },

  /** The §4 workflow (workflow.ts). */
  workflow: {
    wrongState: (state: string, action: string, hint: string) =>
      `当前状态为“${state}”，不能${action}${hint ? '；' + hint : ''}`,
    wrongRole: (action: string, roles: string, role: string) =>
      `“${action}”须由${roles}办理，当前身份为“${role}”`,
    wrongRoleInState: (action: string, state: string, roles: string, role: string) =>
      `事项处于“${state}”时，“${action}”须由${roles}办理，当前身份为“${role}”`,
    noSection: '科室身份须注明所在科室',
    otherSection: (itemSection: string, actorSection: string) =>
      `科室只能办理本科室的事项：该事项由“${itemSection}”承办，当前为“${actorSection}”`,
    badDate: (what: string, v: string) => `${what}“${v}”不是有效日期（应为 YYYY-MM-DD）`,
    backdated: (on: string, label: string, latest: string) =>
      `办理日期 ${on} 早于该事项的${label} ${latest}，不能倒签`,
    unknownAction: (v: string) => `无法识别的操作“${v}”`,
    noActorName: '须注明办理人姓名',
    badRole: (v: string) => `“${v}”不是可识别的身份，应为 督办员、科室、分管领导 或 中心主任`,
    textFormulaLike: (what: string, first: string) =>
      `${what}以“${first}”开头，写入表格后 Excel 会把它当作公式；请在前面加一个中文字符，或删去“${first}”`,
    textTooLong: (what: string, max: number, actual: number) => `${what}过长：最多 ${max} 字，现有 ${actual} 字`,
    needAssignedOn: '审批同意即交办，须填写交办日期',
    assignedBeforeRegistered: (assigned: string, registered: string) =>
      `交办日期 ${assigned} 早于立项日期 ${registered}`,
    deadlineBeforeAssigned: (deadline: string, assigned: string) =>
      `完成时限 ${deadline} 早于交办日期 ${assigned}`,
    needContent: (what: string) => `${what}须填写内容`,
    badReportType: (v: string) => `“${v}”不是反馈节点，应为 1天反馈、3天反馈、落实反馈或月度反馈`,
    monthlyNeedsPlan: '月度反馈只适用于已批准延期方案的事项',
    recordNotReport: (type: string) => `“${type}”记录不需要审签，只有节点反馈才审签`,
    recordOtherItem: (recordItem: string, item: string) => `这条反馈属于“${recordItem}”，不是“${item}”`,
    recordAlreadySigned: (signer: string, on: string) => `这条反馈已由${signer}于 ${on} 审签`,
    signBeforeReport: (on: string, date: string) => `审签日期 ${on} 早于反馈日期 ${date}`,
    closedNoSign: '事项已销号，不能再审签反馈；销号后的审签会改变办结认定',
    badGrade: (v: string) => `审定须给出评价等级（优秀、良好、合格、不合格），当前为“${v}”`,
    needReason: '退回须写明理由',
    needSignOffComment: '审签退回须写明退回意见，告诉科室要改什么',
    badExtensionDeadline: (v: string) => `延期完成时限“${v}”不是有效日期`,
    extensionInPast: (deadline: string, on: string) => `延期完成时限 ${deadline} 早于批准日 ${on}`,
    badEscalationLevel: (v: string) => `“${v}”不是升级层级，应为 分管领导 或 中心主任`,
    escalationNotYours: (role: string, level: string) => `“${role}”不能把事项升级到“${level}”`,
    alreadyFlagged: (what: string, on: string) => `该事项已于 ${on} 认定为${what}`,
    registerMissing: (field: string) => `立项须填写${field}`,
    registerBadEnum: (field: string, v: string) => `立项的${field}“${v}”不是可选值`,
    /** Record contents the workflow writes into 反馈记录. */
    urgeDefault: '请按时限办理并反馈',
    escalationContent: (level: string, content: string) => `升级至${level}：${content}`,
    /** 审签退回 (signOffReturn.ts parses it back: keep the two in step). */
    signOffReturnContent: (node: string, reportDate: string, comment: string) => `${node}（${reportDate}）退回：${comment}`,
    /** What must happen before an action becomes possible, appended to wrongState. */
    hint: {
      审批同意: '只有“待审批”的事项才需审批',
      开始办理: '只有“已交办”的事项才能接收办理',
      反馈: '节点反馈只在“已交办”或“办理中”时报送',
      审签: '事项尚未交办，没有可审签的反馈',
      审签退回: '只能退回已交办、尚未销号事项的待审签反馈',
      催办: '只能催办已交办、尚未销号的事项',
      申请办结: '需先接收办理，在“办理中”时申请办结',
      初核: '需科室先申请办结',
      审定: '需先申请办结并经初核',
      退回: '只能退回“申请办结”或“已初核”的事项',
      延期方案: '延期方案只在“已交办”或“办理中”时批准',
      升级: '只有“已交办”或“办理中”的事项才能升级',
      重新立项: '只有“已销号”的事项才能重新立项；未销号的事项请继续督办',
      认定敷衍推诿: '事项尚未交办',
      认定弄虚作假: '事项尚未交办',
    } as Record<string, string>,
  },
} as const;
