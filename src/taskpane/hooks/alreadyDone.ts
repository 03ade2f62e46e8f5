import { ok, type Result } from '../../domain/result';

/**
 * 督查轮次 and 冻结考核 answer a repeated opId with the refusal `already-done` (the first attempt was
 * written, its answer lost). For the pane that is success without an outcome: null.
 */
export async function doneOnce<T>(call: Promise<Result<T>>): Promise<Result<T | null>> {
  const result = await call;
  return !result.ok && result.error.code === 'already-done' ? ok(null) : result;
}
