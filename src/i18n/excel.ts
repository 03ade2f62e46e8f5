/** zh-CN messages of the Excel adapter (src/excel): what the user sees when a workbook action fails. */
export const excel = {
  itemNotFound: (id: string) => `台账中找不到编号为“${id}”的事项：可能已被他人删除或修改了编号，请刷新后重试。`,
  recordNotFound: (opId: string) => `反馈记录中找不到操作ID为“${opId}”的记录，请刷新后重试。`,
  rowInvalid: (first: string, more: number) => (more > 0 ? `${first}（另有 ${more} 处问题）` : first),
  notInitialised: '当前工作簿还没有督办台账，请先点击“初始化台账”。',
  /** An action would write a 台账 column an older ledger does not have yet (佐证材料 at 申请办结). */
  columnMissing: (column: string, action: string) => `台账缺少“${column}”列，请先点击“初始化台账”升级台账，再${action}。`,
  syncFailed: (detail: string) => `写入工作簿失败：${detail}。已填写的内容已保留，可点击“重试”。`,
  protectedSheet: (sheet: string) => `“${sheet}”表受保护且密码不符，请在“设置”表填写正确的保护密码。`,
  alreadyDone: '该操作已经完成（同一操作ID已记入操作日志），未重复写入。',
  /** 初始化台账 (initialise.ts): what was created or repaired, and why nothing was written. */
  initialise: {
    emptySheetBuilt: (s: string) => `${s}：在空白工作表上建立结构`,
    tableWrapped: (s: string, t: string) => `${s}：恢复表格“${t}”`,
    tableBuilt: (s: string, t: string) => `${s}：重建表格“${t}”`,
    tableUnrepairable: (s: string, t: string) => `${s}：找不到表格“${t}”，且该位置已有其他内容，未自动修复，请手工处理。`,
    columnAdded: (s: string, c: string) => `${s}：补充“${c}”列`,
    formulaColumn: (s: string, c: string) => `${s}：恢复“${c}”列公式`,
    validation: (s: string, c: string) => `${s}：恢复“${c}”列数据验证`,
    conditionalFormat: (s: string, what: string) => `${s}：恢复条件格式（${what}）`,
    tintNarrowed: (s: string) => `${s}：状态底色改为只标“编号”至“承办科室”和“预警状态”（删除旧的整行底色，重算更快）`,
    colorScale: '色阶',
    blockColumn: (s: string, c: string) => `${s}：恢复当月考核区“${c}”列`,
    cellFormula: (s: string, a: string) => `${s}：恢复 ${a} 单元格公式`,
    cellText: (s: string, a: string) => `${s}：恢复 ${a} 单元格内容`,
    settingRow: (n: string) => `设置：恢复“${n}”行`,
    settingValidation: (n: string) => `设置：为“${n}”加上数据验证（已填的值不变）`,
    settingRowBlocked: (n: string, r: number) => `设置：缺少“${n}”行，而第 ${r} 行已被其他内容占用，未自动修复。`,
    name: (n: string) => `恢复名称“${n}”`,
    protection: (s: string) => `${s}：恢复工作表保护`,
    version: (from: number | null, to: number) => `设置：结构版本 ${from ?? '（空）'} → ${to}`,
    newerVersion: (v: number, supported: number) =>
      `此台账的结构版本为 ${v}，高于本加载项支持的 ${supported}。为免把新结构改回旧结构，未做任何修改；请先更新加载项。`,
    passwordRequired: (sheets: readonly string[]) => `工作表“${sheets.join('”“')}”设有保护密码：请在“设置”表“保护密码”中填写，或输入密码后重试。未做任何修改。`,
    wrongPassword: '工作表保护密码不正确，初始化台账未完成。已尽量恢复工作表保护，请核对密码后重试。',
    readFailed: (detail: string) => `读取工作簿失败，未做任何修改：${detail}`,
    writeFailed: (detail: string) => `初始化台账未完成：${detail}。已尽量恢复工作表保护，请检查后重试。`,
  },
  logActions: {
    register: '立项',
    renumber: '重新编号',
  },
} as const;
