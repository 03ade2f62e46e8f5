/** The 公文 documents' content (pure): model, settings and 文号, 三色催办 rule, 通知单 / 催办单 / 督查报告. */
export * from './model';
export * from './settings';
export * from './colour';
export * from './notices';
export * from './reportDocument';
