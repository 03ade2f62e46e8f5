/**
 * Errors shaped like Office.js's `OfficeExtension.Error` (a RichApi.Error): `name`, `code`,
 * `message`, `debugInfo` (`{ code, message, errorLocation? }`), `httpStatusCode`,
 * `traceMessages`, `innerError`. Messages are copied from office.js 1.1.110
 * (node_modules/@microsoft/office-js/dist/excel-web-16.00.debug.js, `CoreUtility.s_resourceStringValues`
 * and `ResourceStrings`) where office.js itself produces the error on the client; host-side messages
 * (ItemNotFound, InvalidArgument, AccessDenied, ...) are the ones reported in OfficeDev issue threads.
 *
 * Adapter code must branch on `error.code`, never on the message (messages are localized in Excel).
 */

export type DoubleErrorCode =
  | 'PropertyNotLoaded'
  | 'ValueNotLoaded'
  | 'InvalidObjectPath'
  | 'InvalidRequestContext'
  | 'RunMustReturnPromise'
  | 'CannotUpdateReadOnlyProperty'
  | 'ItemNotFound'
  | 'ItemAlreadyExists'
  | 'InvalidArgument'
  | 'InvalidOperation'
  | 'InvalidReference'
  | 'AccessDenied'
  | 'GeneralException'
  | 'ConnectionFailure'
  | 'NotImplemented'
  | 'NonBlankCellOffSheet'
  | 'InsertDeleteConflict'
  | 'RequestPayloadSizeLimitExceeded'
  | 'ResponsePayloadSizeLimitExceeded';

export interface DoubleDebugInfo {
  code: string;
  message: string;
  errorLocation?: string;
  statement?: string;
  [key: string]: unknown;
}

const HTTP_STATUS: Partial<Record<DoubleErrorCode, number>> = {
  AccessDenied: 401,
  ConnectionFailure: 500,
  GeneralException: 500,
  InvalidArgument: 400,
  InvalidObjectPath: 400,
  InvalidRequestContext: 400,
  ValueNotLoaded: 400,
  PropertyNotLoaded: 400,
  ItemNotFound: 404,
  ItemAlreadyExists: 409,
  RequestPayloadSizeLimitExceeded: 413,
  ResponsePayloadSizeLimitExceeded: 413,
};

/** An error like the one Office.js throws (`OfficeExtension.Error`, name "RichApi.Error"). */
export class DoubleExcelError extends Error {
  readonly code: string;
  readonly debugInfo: DoubleDebugInfo;
  readonly httpStatusCode: number;
  readonly traceMessages: string[] = [];
  readonly innerError: unknown = null;

  constructor(code: DoubleErrorCode | string, message: string, errorLocation?: string, extra?: Record<string, unknown>) {
    super(message);
    Object.setPrototypeOf(this, DoubleExcelError.prototype);
    this.name = 'RichApi.Error';
    this.code = code;
    this.debugInfo = { code, message, ...(errorLocation ? { errorLocation } : {}), ...(extra ?? {}) };
    this.httpStatusCode = HTTP_STATUS[code as DoubleErrorCode] ?? 500;
  }

  override toString(): string {
    return `${this.code}: ${this.message}`;
  }
}

export const MESSAGES = {
  propertyNotLoaded: (p: string) =>
    `The property '${p}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
  valueNotLoaded:
    'The value of the result object has not been loaded yet. Before reading the value property, call "context.sync()" on the associated request context.',
  invalidObjectPath: (path: string) =>
    `The object path '${path}' isn't working for what you're trying to do. If you're using the object across multiple "context.sync" calls and outside the sequential execution of a ".run" batch, please use the "context.trackedObjects.add()" and "context.trackedObjects.remove()" methods to manage the object's lifetime.`,
  invalidRequestContext: 'Cannot use the object across different request contexts.',
  runMustReturnPromise:
    'The batch function passed to the ".run" method didn\'t return a promise. The function must return a promise, so that any automatically-tracked objects can be released at the completion of the batch operation. Typically, you return a promise by returning the response from "context.sync()".',
  readOnly: (p: string) => `The property '${p}' is read-only and it cannot be updated.`,
  itemNotFound: "The requested resource doesn't exist.",
  itemAlreadyExists: 'A resource with the same name or identifier already exists.',
  invalidArgument: 'The argument is invalid or missing or has an incorrect format.',
  shapeMismatch: "The number of rows or columns in the input array doesn't match the size or dimensions of the range.",
  // Microsoft Graph (same Excel service) answers a write to a locked cell with AccessDenied and this
  // message (microsoftgraph/microsoft-graph-docs#4546). Excel's UI text for the same case is
  // "The cell or chart you're trying to change is on a protected sheet."; match on the code.
  accessDenied: 'You cannot perform the requested operation.',
  generalException: 'An internal error has occurred.',
  invalidOperation: 'The operation is invalid for the object or the object is in an invalid state.',
  invalidReference: "This reference isn't valid for the current operation.",
  tableShift: 'This operation is not allowed. The operation is attempting to shift cells in a table on your worksheet.',
  offSheet: "Microsoft Excel can't insert new cells because it would push non-empty cells off the end of the worksheet.",
  requestTooLarge:
    'The request payload size has exceeded the limit. Please refer to the documentation: "https://docs.microsoft.com/office/dev/add-ins/concepts/resource-limits-and-performance-optimization#excel-add-ins".',
  responseTooLarge:
    'The response payload size has exceeded the limit. Please refer to the documentation: "https://docs.microsoft.com/office/dev/add-ins/concepts/resource-limits-and-performance-optimization#excel-add-ins".',
  notModelled: (what: string) => `Excel double: ${what} is not modelled. Extend src/excel/double if the adapter needs it.`,
};

export const err = {
  itemNotFound: (loc?: string) => new DoubleExcelError('ItemNotFound', MESSAGES.itemNotFound, loc),
  alreadyExists: (loc?: string) => new DoubleExcelError('ItemAlreadyExists', MESSAGES.itemAlreadyExists, loc),
  invalidArgument: (loc?: string, message = MESSAGES.invalidArgument) => new DoubleExcelError('InvalidArgument', message, loc),
  accessDenied: (loc?: string) => new DoubleExcelError('AccessDenied', MESSAGES.accessDenied, loc),
  invalidOperation: (loc?: string, message = MESSAGES.invalidOperation) => new DoubleExcelError('InvalidOperation', message, loc),
  invalidReference: (loc?: string) => new DoubleExcelError('InvalidReference', MESSAGES.invalidReference, loc),
  notModelled: (what: string) => new DoubleExcelError('NotImplemented', MESSAGES.notModelled(what)),
};
