import { Button } from '@fluentui/react-components';
import { ui } from '../../i18n';
import { FormActions } from '../components/FormSection';
import { useAct, type ActionFormProps } from '../hooks/useAct';

/** 开始办理 (科室): the section receives a 已交办 item (a first 反馈 does the same). */
export function StartWorkForm({ item, op }: ActionFormProps): JSX.Element {
  const act = useAct(item, op);
  return (
    <FormActions>
      <Button disabled={op.busy} onClick={() => void act({ type: '开始办理' }, () => ui.report.startDone(item.id))}>
        {ui.report.start}
      </Button>
    </FormActions>
  );
}
