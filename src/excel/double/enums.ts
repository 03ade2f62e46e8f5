/**
 * The Excel enums the double understands, with Office's string values. In Office these live on the
 * global `Excel` namespace (office.js); in Node/jest and in the preview page there is no such global,
 * so adapter code that writes `Excel.InsertShiftDirection.down` needs `installExcelGlobals()` first.
 * (Plain string literals such as 'Down' work everywhere.)
 */
export const excelEnums = {
  ConditionalFormatType: {
    custom: 'Custom',
    dataBar: 'DataBar',
    colorScale: 'ColorScale',
    iconSet: 'IconSet',
    topBottom: 'TopBottom',
    presetCriteria: 'PresetCriteria',
    containsText: 'ContainsText',
    cellValue: 'CellValue',
  },
  ConditionalCellValueOperator: {
    invalid: 'Invalid',
    between: 'Between',
    notBetween: 'NotBetween',
    equalTo: 'EqualTo',
    notEqualTo: 'NotEqualTo',
    greaterThan: 'GreaterThan',
    lessThan: 'LessThan',
    greaterThanOrEqual: 'GreaterThanOrEqual',
    lessThanOrEqual: 'LessThanOrEqual',
  },
  InsertShiftDirection: { down: 'Down', right: 'Right' },
  DeleteShiftDirection: { up: 'Up', left: 'Left' },
  ClearApplyTo: {
    all: 'All',
    formats: 'Formats',
    contents: 'Contents',
    hyperlinks: 'Hyperlinks',
    removeHyperlinks: 'RemoveHyperlinks',
    resetContents: 'ResetContents',
  },
  SheetVisibility: { visible: 'Visible', hidden: 'Hidden', veryHidden: 'VeryHidden' },
  EventSource: { local: 'Local', remote: 'Remote' },
  DataChangeType: {
    unknown: 'Unknown',
    rangeEdited: 'RangeEdited',
    rowInserted: 'RowInserted',
    rowDeleted: 'RowDeleted',
    columnInserted: 'ColumnInserted',
    columnDeleted: 'ColumnDeleted',
    cellInserted: 'CellInserted',
    cellDeleted: 'CellDeleted',
  },
  DataValidationType: {
    none: 'None',
    wholeNumber: 'WholeNumber',
    decimal: 'Decimal',
    list: 'List',
    date: 'Date',
    time: 'Time',
    textLength: 'TextLength',
    custom: 'Custom',
    inconsistent: 'Inconsistent',
    mixedCriteria: 'MixedCriteria',
  },
  ErrorCodes: {
    accessDenied: 'AccessDenied',
    apiNotFound: 'ApiNotFound',
    generalException: 'GeneralException',
    insertDeleteConflict: 'InsertDeleteConflict',
    invalidArgument: 'InvalidArgument',
    invalidOperation: 'InvalidOperation',
    invalidReference: 'InvalidReference',
    itemAlreadyExists: 'ItemAlreadyExists',
    itemNotFound: 'ItemNotFound',
    nonBlankCellOffSheet: 'NonBlankCellOffSheet',
    notImplemented: 'NotImplemented',
    requestAborted: 'RequestAborted',
    responsePayloadSizeLimitExceeded: 'ResponsePayloadSizeLimitExceeded',
  },
} as const;

/**
 * Defines a global `Excel` holding the enums above when none exists (Node, jest, the preview page).
 * It has no `run`: adapter code must go through the injected `ExcelRun`. Returns true if installed.
 */
export function installExcelGlobals(): boolean {
  const g = globalThis as unknown as { Excel?: unknown };
  if (g.Excel !== undefined) return false;
  g.Excel = { ...excelEnums };
  return true;
}
