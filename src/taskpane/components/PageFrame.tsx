import { Body1, makeStyles, Text, tokens } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import { ui, type PageId } from '../../i18n';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  heading: { margin: 0 },
});

/** A page: its heading (h2, named by the ribbon button), a one-line intro, then its content. */
export function PageFrame({ page, children }: { page: PageId; children?: ReactNode }): JSX.Element {
  const styles = useStyles();
  return (
    <section className={styles.root} aria-labelledby={`page-${page}-title`}>
      <Text as="h2" size={400} weight="semibold" id={`page-${page}-title`} className={styles.heading}>
        {ui.pages[page]}
      </Text>
      <Body1>{ui.pageIntro[page]}</Body1>
      {children}
    </section>
  );
}
