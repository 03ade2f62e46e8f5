/**
 * zh-CN text about the Excel the add-in runs in: what a build lacks (requirement sets), and the 自检
 * (self-check) page. See docs/excel-platforms.md.
 */
export const platform = {
  /** 初始化台账 without ExcelApiOnline 1.1: the password flag cannot be read beforehand. */
  passwordUnknown: (sheets: readonly string[]) =>
    `初始化台账未完成：解除工作表“${sheets.join('”“')}”的保护时被拒绝，其中有设了保护密码的工作表。此版本的 Excel 不能预先查明工作表是否设有密码（需要 ExcelApiOnline 1.1，仅网页版 Excel 提供）。请在“设置”表“保护密码”中填写正确的密码后重试；已尽量恢复工作表保护。`,
  /** Any action that hit a member this Excel lacks (ApiNotFound). */
  apiMissing: (detail: string) => `此版本的 Excel 缺少本加载项需要的功能（${detail}）。请使用 Microsoft 365 版、网页版或 Office 2021 及更高版本的 Excel。`,
} as const;
