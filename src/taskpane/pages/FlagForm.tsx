import { Body1, Button } from '@fluentui/react-components';
import { useState } from 'react';
import { ui } from '../../i18n';
import { FormActions, FormSection } from '../components/FormSection';
import { useAct, type ActionFormProps } from '../hooks/useAct';

type Flag = '认定敷衍推诿' | '认定弄虚作假';

/** 认定敷衍推诿 / 认定弄虚作假 (督办员): each asks for confirmation before it is recorded. */
export function FlagForm({ item, op, flags }: ActionFormProps & { flags: readonly Flag[] }): JSX.Element {
  const act = useAct(item, op);
  const [asking, setAsking] = useState<Flag | null>(null);
  const c = ui.close;
  return (
    <FormSection id="flag" title={c.flagTitle}>
      {asking ? (
        <div role="group" aria-labelledby="flag-confirm">
          <Body1 id="flag-confirm">{c.confirm(c.flags[asking], item.id)}</Body1>
          <FormActions>
            <Button
              appearance="primary"
              disabled={op.busy}
              onClick={() =>
                void act(
                  { type: asking },
                  () => c.flagDone(item.id, c.flags[asking]),
                  () => setAsking(null),
                )
              }
            >
              {c.confirmYes}
            </Button>
            <Button onClick={() => setAsking(null)}>{c.confirmNo}</Button>
          </FormActions>
        </div>
      ) : (
        <FormActions>
          {flags.map((flag) => (
            <Button key={flag} disabled={op.busy} onClick={() => setAsking(flag)}>
              {c.flags[flag]}
            </Button>
          ))}
        </FormActions>
      )}
    </FormSection>
  );
}
