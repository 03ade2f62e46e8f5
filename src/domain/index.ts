/**
 * The public API of the pure domain core (no Office.js, no DOM): vocabulary and settings, plain
 * dates and the working-day calendar, the 13710 clock and 预警状态, 落实主体, the workflow, input
 * validation, the 月度考核, the two lists and the 督查报告. Test helpers (./testing) are not exported.
 */
export * from './types';
export * from './settings';
export * from './result';
export * from './dates';
export * from './parseDate';
export * from './calendar';
export * from './clock';
export * from './status';
export * from './responsibility';
export * from './itemNumber';
export * from './workflow';
export * from './validation';
export * from './lists';
export * from './scoring';
export * from './report';
