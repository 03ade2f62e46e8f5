/** zh-CN messages of the Excel adapter (src/excel): what the user sees when a workbook action fails. */
export const excel = {
  itemNotFound: (id: string) => `台账中找不到编号为“${id}”的事项：可能已被他人删除或修改了编号，请刷新后重试。`,
  recordNotFound: (opId: string) => `反馈记录中找不到操作ID为“${opId}”的记录，请刷新后重试。`,
  rowInvalid: (first: string, more: number) => (more > 0 ? `${first}（另有 ${more} 处问题）` : first),
  notInitialised: '当前工作簿还没有督办台账，请先点击“初始化台账”。',
  syncFailed: (detail: string) => `写入工作簿失败：${detail}。已填写的内容已保留，可点击“重试”。`,
  protectedSheet: (sheet: string) => `“${sheet}”表受保护且密码不符，请在“设置”表填写正确的保护密码。`,
  alreadyDone: '该操作已经完成（同一操作ID已记入操作日志），未重复写入。',
  logActions: {
    register: '立项',
    renumber: '重新编号',
  },
} as const;
