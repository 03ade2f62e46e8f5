import { Caption1, makeStyles, Text, tokens } from '@fluentui/react-components';
import { allowedActions } from '../../domain/workflow';
import { ui } from '../../i18n';
import { FormSection } from '../components/FormSection';
import { useReadyLedger } from '../hooks/useLedger';
import type { Operation } from '../hooks/useOperation';
import { ApproveRow } from './ApproveRow';
import { PendingFacts } from '../components/ItemFacts';

const useStyles = makeStyles({
  list: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  row: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
});

/** 待审批 items; the 中心主任 approves each (审批同意 = 交办 today, optional 完成时限). */
export function PendingApprovals({ op }: { op: Operation }): JSX.Element {
  const styles = useStyles();
  const { snapshot, choice } = useReadyLedger();
  const pending = snapshot.items.filter((i) => i.state === '待审批');
  return (
    <FormSection id="pending" title={ui.register.pendingTitle}>
      {pending.length === 0 && <Caption1>{ui.register.pendingEmpty}</Caption1>}
      <ul className={styles.list}>
        {pending.map((item) => (
          <li key={item.id} className={styles.row} data-pending={item.id}>
            <Text weight="semibold">
              {item.id} · {item.section}
            </Text>
            <Caption1>{item.content}</Caption1>
            <PendingFacts item={item} />
            {choice && allowedActions(item, choice.role, choice.section).includes('审批同意') && <ApproveRow item={item} op={op} />}
          </li>
        ))}
      </ul>
    </FormSection>
  );
}
