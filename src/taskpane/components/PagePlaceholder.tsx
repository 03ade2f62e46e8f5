import { MessageBar, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import { ui, type PageId } from '../../i18n';
import { PageFrame } from './PageFrame';

/** A working page that is not built yet: its name, what it will do, and a "coming" note. */
export function PagePlaceholder({ page }: { page: PageId }): JSX.Element {
  return (
    <PageFrame page={page}>
      <MessageBar intent="info">
        <MessageBarBody>
          <MessageBarTitle>{ui.coming.title}</MessageBarTitle>
          {ui.coming.body}
        </MessageBarBody>
      </MessageBar>
    </PageFrame>
  );
}
