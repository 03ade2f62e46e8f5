import type { WarningStatus } from '../domain/types';

/** 预警状态 colours (SPEC §1), the same fills the ledger's conditional formats use. */
export const WARNING_COLOURS: Record<WarningStatus, { fill: string; text: string }> = {
  未交办: { fill: '#FFFFFF', text: '#605E5C' },
  正常: { fill: '#C6EFCE', text: '#006100' },
  临近: { fill: '#FFEB9C', text: '#9C5700' },
  逾期: { fill: '#FFC7CE', text: '#9C0006' },
  延期: { fill: '#DDEBF7', text: '#1F4E79' },
  按期办结: { fill: '#E7E6E6', text: '#3B3838' },
  逾期办结: { fill: '#E7E6E6', text: '#C00000' },
};

export function isWarningStatus(v: unknown): v is WarningStatus {
  return typeof v === 'string' && v in WARNING_COLOURS;
}
