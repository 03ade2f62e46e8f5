/** zh-CN texts of 校验台账 (src/excel/audit.ts). */
export const audit = {
  /** 「台账 第5行 S列（预警状态）」, the same form as the domain's cell messages */
  where: (sheet: string, row: number, column: string, header: string) => `${sheet} 第${row}行${column ? ` ${column}列` : ''}（${header}）`,
  whereRow: (sheet: string, row: number) => `${sheet} 第${row}行`,
  whereRows: (sheet: string, first: number, last: number) => `${sheet} 第${first}–${last}行`,
  blankRows: (n: number) =>
    `表格中间有${n > 1 ? ` ${n} 个` : ''}空行（下面还有事项）；空行会使新立项的事项写在空行之后，请在 Excel 中删除${n > 1 ? '这些' : '该'}行（右键“删除”→“表格行”）`,
  whereArea: (sheet: string, address: string, header: string) => `${sheet} ${address}（${header}）`,
  at: (where: string, body: string) => `${where}：${body}`,
  duplicateId: (id: string, others: readonly number[]) => `编号“${id}”重复，另见第 ${others.join('、')} 行；编号必须唯一，请改正其中一个`,
  formulaOverwritten: '计算列的公式被改成了固定内容，该列不会再自动更新；请点击“初始化台账”修复公式（不影响已填写的内容）',
  formulaMissing: '计算列的公式被删除；请点击“初始化台账”修复公式',
  formulaDifferent: (found: string) => `计算列的公式与台账结构不一致（现为 ${found}）；请点击“初始化台账”修复公式`,
  columnMissing: (header: string) => `缺少“${header}”列；请点击“初始化台账”补充`,
  notInitialised: (tables: readonly string[]) => `找不到表格“${tables.join('”“')}”：当前工作簿还没有完整的督办台账，请先点击“初始化台账”。`,
  readFailed: (detail: string) => `读取工作簿失败，未做任何修改：${detail}`,
  summaryOk: (ledgerRows: number, recordRows: number) => `已校验台账 ${ledgerRows} 行、反馈记录 ${recordRows} 行，未发现问题。`,
  summary: (problems: number, rows: number) => `发现 ${problems} 处问题，涉及 ${rows} 行。`,
} as const;
