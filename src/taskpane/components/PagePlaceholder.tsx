import { Body1, MessageBar, MessageBarBody, MessageBarTitle, makeStyles, Text, tokens } from '@fluentui/react-components';
import { ui, type PageId } from '../../i18n';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  heading: { margin: 0 },
});

/** A working page that is not built yet: its name, what it will do, and a "coming" note. */
export function PagePlaceholder({ page }: { page: PageId }): JSX.Element {
  const styles = useStyles();
  return (
    <section className={styles.root} aria-labelledby={`page-${page}-title`}>
      <Text as="h2" size={400} weight="semibold" id={`page-${page}-title`} className={styles.heading}>
        {ui.pages[page]}
      </Text>
      <Body1>{ui.pageIntro[page]}</Body1>
      <MessageBar intent="info">
        <MessageBarBody>
          <MessageBarTitle>{ui.coming.title}</MessageBarTitle>
          {ui.coming.body}
        </MessageBarBody>
      </MessageBar>
    </section>
  );
}
