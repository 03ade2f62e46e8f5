import { Badge, type BadgeProps } from '@fluentui/react-components';
import type { WarningStatus } from '../../domain/types';

const COLOURS: Record<WarningStatus, BadgeProps['color']> = {
  未交办: 'subtle',
  正常: 'success',
  临近: 'warning',
  逾期: 'danger',
  延期: 'brand',
  按期办结: 'informative',
  逾期办结: 'severe',
};

/** 预警状态 as a coloured badge (colours as in the ledger: green, yellow, red, blue, grey). */
export function StatusBadge({ status, label }: { status: WarningStatus; label?: string }): JSX.Element {
  return (
    <Badge appearance="tint" size="small" color={COLOURS[status]} data-status={status}>
      {label ?? status}
    </Badge>
  );
}
