import { Button } from '@fluentui/react-components';
import { ui } from '../../i18n';
import { FormActions, FormSection } from '../components/FormSection';
import { useAct, type ActionFormProps } from '../hooks/useAct';

/** 初核 (督办员): the office checks the application; 退回 is the other answer (ReturnForm). */
export function CheckForm({ item, op }: ActionFormProps): JSX.Element {
  const act = useAct(item, op);
  return (
    <FormSection id="check" title={ui.close.checkTitle}>
      <FormActions>
        <Button appearance="primary" disabled={op.busy} onClick={() => void act({ type: '初核' }, () => ui.close.checkDone(item.id))}>
          {ui.close.check}
        </Button>
      </FormActions>
    </FormSection>
  );
}
