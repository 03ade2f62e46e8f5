import type { ItemStatus } from '../../domain/status';
import { useReadyLedger } from '../hooks/useLedger';
import { statusText } from '../ledgerView';
import { StatusBadge } from './StatusBadge';

/** An item's 预警状态 badge, 逾期 with its 逾期天数 in the unit the workbook's 设置 names. */
export function ItemStatusBadge({ status }: { status: ItemStatus }): JSX.Element {
  const { snapshot } = useReadyLedger();
  return <StatusBadge status={status.status} label={statusText(status, snapshot.settings.overdueCounting)} />;
}
