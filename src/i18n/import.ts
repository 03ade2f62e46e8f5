/**
 * zh-CN texts of 导入科室台账: the messages of the pure preview (src/domain/import), of the Excel
 * apply / undo (src/excel/importApply.ts, importUndo.ts), the 操作日志 lines they write, and the
 * task pane's import panel.
 */

/** The name the pasted block goes by in messages (it is not a sheet of the workbook). */
const SHEET = '粘贴内容';

const at = (row: number, col = '') => `${SHEET} 第${row}行${col ? ` ${col}列` : ''}`;

export const importText = {
  sheet: SHEET,

  /** The header line and the columns (one message per column, never per row). */
  headers: {
    noHeaders: `${SHEET}：第一行应为列名（如“事项内容”“承办科室”“完成时限”），请连同列名行一起复制`,
    /** "奇怪列（C列）、说明（F列）" */
    ignoredList: (items: readonly { header: string; column: string }[]) => items.map((x) => `${x.header}（${x.column}列）`).join('、'),
    ignored: (list: string) => `以下列不是台账的填写列，未导入：${list}`,
    duplicate: (header: string, col: string, target: string, first: string) =>
      `${at(1, col)}：“${header}”与 ${first}列 都对应台账的“${target}”，只导入 ${first}列`,
    extraCells: (row: number, n: number) => `${at(row)}：多出 ${n} 个没有列名的单元格，未导入`,
    missingRequired: (header: string) => `${SHEET}没有“${header}”列，新增的行缺少这一必填项：请在下方“未粘贴的列”中为它选择取值，或在复制的内容中加上该列`,
  },

  /** How a pasted column maps to the ledger (shown in the preview, one dropdown per column). */
  mapping: {
    title: '列的对应',
    hint: '每一列导入到台账的哪一列，可以改；不是台账的列可以“并入备注”（写成“列名：内容”）或“不导入”。确认导入时记住这些选择（设置“导入列映射”），下次自动使用。',
    label: (col: string, header: string) => `${col}列“${header}”`,
    hints: {
      exact: '列名与台账相同',
      synonym: '按常用叫法识别',
      chosen: '按您的选择',
      serial: '序号列，不导入',
      ignored: '不是台账的列，不导入',
      note: '并入备注，写成“列名：内容”',
      skipped: '按您的选择不导入',
      duplicate: (first: string, target: string) => `${first}列已对应“${target}”，此列不导入`,
    },
  },

  /** What a cell was read as (the pasted text is what the user sees; these say how it was understood). */
  cells: {
    serialDate: (v: string, iso: string) => `“${v}”是 Excel 的日期序号，已按 ${iso} 识别`,
    yearless: (v: string, iso: string, year: number) => `“${v}”没有写年份，已按 ${year} 年识别为 ${iso}`,
    sourceAlias: (v: string, name: string) => `“${v}”已按来源类别“${name}”识别`,
    sectionAlias: (v: string, name: string) => `“${v}”已按科室“${name}”导入`,
    sectionSuggestion: (name: string) => `是否为“${name}”？`,
    assignedToday: (iso: string) => `未填写交办日期，已交办的事项按今天 ${iso} 记为交办日期`,
  },

  /** The values new rows get when the block leaves them blank. */
  defaults: {
    registeredOn: (iso: string) => `立项日期：今天（${iso}）；交办日期早于今天的行取交办日期`,
    state: (state: string) => `办理状态：${state}`,
    column: (header: string, value: string) => `${header}：${value}`,
  },

  duplicates: {
    sameIdInBlock: (row: number, id: string, rows: readonly number[]) =>
      `${at(row)}：编号“${id}”在粘贴内容中出现多次（第${rows.join('、')}行），这些行都不导入`,
    sameContentExisting: (row: number, id: string) => `${at(row)}：事项内容和承办科室与台账中的 ${id} 相同，疑似重复登记，未导入`,
    sameContentInBlock: (row: number, first: number) => `${at(row)}：事项内容和承办科室与粘贴的第${first}行相同，疑似重复，未导入`,
  },

  /** Apply and undo. */
  apply: {
    changedSincePreview: (id: string) => `${id} 在预览之后被修改过，未导入该行，请重新预览`,
    idTakenSincePreview: (id: string) => `编号 ${id} 在预览之后已被他人使用，未导入该行，请重新预览`,
    rowGone: (id: string) => `${id} 已不在台账中，未导入该行`,
    rowInvalid: (id: string, msg: string) => `${id} 导入后不合规：${msg}`,
    changedSinceImport: (id: string) => `${id} 在导入之后又被修改过，未撤销该行`,
    updatedRowGone: (id: string) => `${id} 已不在台账中，无法恢复导入前的内容`,
    nothingToUndo: '操作日志中没有这次导入的记录，无法撤销',
  },

  /** 操作日志: 动作 and the readable 变更前 / 变更后 of each line. */
  log: {
    added: '导入新增',
    updated: '导入更新',
    undone: '撤销导入',
    /** 变更后 of undoing an added row */
    removedRow: '已删除导入新增的这一行',
    /** a blank cell in 变更前 / 变更后 */
    blank: '（空）',
  },

  /** 选择科室的 .xlsx (src/taskpane/components/ImportFilePicker.tsx). */
  file: {
    label: '或者选择科室的 Excel 文件（.xlsx），在本机读取，不上传',
    pick: '选择 .xlsx 文件…',
    reading: '正在读取文件…',
    sheet: '工作表',
    sheetOption: (name: string, rows: number): string => `${name}（${rows} 行）`,
    read: (file: string, sheet: string, rows: number): string =>
      `已读取“${file}”的工作表“${sheet}”：列名行以下 ${rows} 行，已放入上面的文本框并预览（行号即该工作表的行号；改动文本框后改为从列名行算起）。`,
    /** how messages name a picked file's sheet */
    origin: (file: string, sheet: string): string => `《${file}》${sheet}`,
    notXlsx: (file: string): string => `“${file}”不是 .xlsx 文件；.xls 或 WPS 文件请先在 Excel 中“另存为”.xlsx 再选择，或直接复制粘贴。`,
    unreadable: (file: string): string => `无法读取“${file}”：文件可能已损坏或设有密码；请在 Excel 中打开后复制粘贴要导入的行。`,
    noRows: (file: string): string => `“${file}”的工作表中没有可导入的行（需要一行列名和下面的事项行）。`,
  },

  /** The task pane's panel (src/taskpane/components/ImportPanel.tsx). */
  panel: {
    title: '导入科室台账',
    hint: '在科室的 Excel 表中选中要导入的行（第一行为列名，如“事项内容”“责任科室”“完成时间”）复制后粘贴到下面。序号列不导入；编号已在台账中的行为更新，其余为新增。预览不修改工作簿，点击“确认导入”才写入。',
    text: '粘贴的内容',
    placeholder: '从 Excel 复制的行（含列名行）',
    assigned: '这些事项已经交办（新增行的办理状态记为“已交办”，否则为“待审批”）',
    defaultsTitle: '未粘贴的列',
    defaultsHint: '新增行中这些列为空时取下面的值。',
    noDefault: '（不设默认值）',
    preview: '预览',
    previewBusy: '正在预览…',
    previewFailed: '预览未完成',
    empty: '请先粘贴要导入的内容（第一行为列名）。',
    resultTitle: '预览结果',
    counts: { add: '新增', update: '更新', unchanged: '未变', errors: '有错误的行', duplicates: '重复' },
    countsLabel: '各类行数',
    defaultsUsedTitle: '新增行的默认值',
    problemsTitle: '列名与格式问题',
    errorsTitle: '错误（这些行不会导入）',
    notesTitle: '按以下方式识别',
    duplicatesTitle: '重复（这些行不会导入）',
    updatesTitle: '将更新的内容',
    updateHeading: (id: string, row: number): string => `${id}（粘贴的第${row}行）`,
    change: (header: string, before: string, after: string): string => `${header}：${before} → ${after}`,
    blank: '（空）',
    useSuggestion: (from: string, to: string): string => `把“${from}”按“${to}”导入`,
    confirm: '确认导入',
    nothing: '没有可导入的新增或更新行。',
    applied: (added: readonly string[], updated: number, skipped: number): string =>
      `已导入：新增 ${added.length} 行${added.length > 0 ? `（${shortList(added)}）` : ''}，更新 ${updated} 行${skipped > 0 ? `，未导入 ${skipped} 行` : ''}。`,
    skippedTitle: '未导入的行',
    undo: '撤销本次导入',
    undone: (removed: number, restored: number, already: number, skipped: number): string =>
      `已撤销本次导入：删除新增的 ${removed} 行，恢复更新的 ${restored} 行${already > 0 ? `，${already} 行已是导入前的内容` : ''}${skipped > 0 ? `，${skipped} 行在导入后又被修改，未撤销` : ''}。`,
  },
};

/** "A、B、C" or "A、B、C 等 12 项". */
function shortList(ids: readonly string[]): string {
  return ids.length <= 3 ? ids.join('、') : `${ids.slice(0, 3).join('、')} 等 ${ids.length} 项`;
}
