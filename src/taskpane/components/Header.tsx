import { Caption1, makeStyles, Text, tokens } from '@fluentui/react-components';
import { ui } from '../../i18n';

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXXS,
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalL}`,
    backgroundColor: tokens.colorPaletteRedBackground3,
    color: tokens.colorNeutralForegroundOnBrand,
  },
  title: { color: 'inherit', margin: 0 },
  subtitle: { color: 'inherit', opacity: 0.9 },
});

export function Header(): JSX.Element {
  const styles = useStyles();
  return (
    <header className={styles.root}>
      <Text as="h1" size={500} weight="semibold" className={styles.title}>
        {ui.app.title}
      </Text>
      <Caption1 className={styles.subtitle}>{ui.app.subtitle}</Caption1>
    </header>
  );
}
