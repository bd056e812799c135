/**
 * The header outside Teams: who is signed in (a visible switcher between the demo's participant,
 * programme manager and HR accounts), language and theme. Inside Teams, Teams provides all three.
 */
import { makeStyles, Select, tokens, Text, Label } from '@fluentui/react-components';
import { useId } from 'react';
import { useT } from '../i18n/i18n-context';
import type { Lang } from '../i18n/translate';
import { THEME_NAMES, type ThemeName } from '../theme/themes';
import type { DemoSession } from '../host/standalone-host';
import { TandemLogo } from '../components/logo';

export interface StandaloneControls {
  session: DemoSession | undefined;
  signInError: unknown;
  themeName: ThemeName;
  setThemeName(name: ThemeName): void;
  setLang(lang: Lang): void;
  switchAccount(userId: string): void;
}

const useStyles = makeStyles({
  bar: {
    display: 'flex',
    alignItems: 'center',
    gap: '16px',
    flexWrap: 'wrap',
    padding: '8px 24px',
    backgroundColor: tokens.colorNeutralBackground1,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    '@media (max-width: 600px)': { padding: '8px 12px' },
  },
  brand: { display: 'flex', alignItems: 'center', gap: '8px', marginInlineEnd: 'auto' },
  name: { fontWeight: tokens.fontWeightSemibold, fontSize: tokens.fontSizeBase400 },
  tag: {
    fontSize: tokens.fontSizeBase100,
    color: tokens.colorNeutralForeground2,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
    padding: '0 6px',
  },
  control: { display: 'flex', alignItems: 'center', gap: '6px' },
  account: { minWidth: '260px' },
});

export function StandaloneBar({ controls }: { controls: StandaloneControls }) {
  const s = useStyles();
  const { t, lang } = useT();
  const accountId = useId();
  const langId = useId();
  const themeId = useId();
  const session = controls.session;
  return (
    <header className={s.bar}>
      <div className={s.brand}>
        <TandemLogo size={28} />
        <Text className={s.name}>Tandem</Text>
        <span className={s.tag}>{t('standalone.badge')}</span>
      </div>
      {session && (
        <div className={s.control}>
          <Label htmlFor={accountId}>{t('standalone.signedInAs')}</Label>
          <Select
            id={accountId}
            className={s.account}
            value={session.current.userId}
            onChange={(_, d) => controls.switchAccount(d.value)}
            data-testid="account-switcher"
          >
            {session.accounts.map((a) => (
              <option key={a.userId} value={a.userId}>
                {t(`standalone.kind.${a.kind}`)} – {a.displayName}
              </option>
            ))}
          </Select>
        </div>
      )}
      <div className={s.control}>
        <Label htmlFor={langId}>{t('standalone.language')}</Label>
        <Select id={langId} value={lang} onChange={(_, d) => controls.setLang(d.value === 'de' ? 'de' : 'en')}>
          <option value="en">English</option>
          <option value="de">Deutsch</option>
        </Select>
      </div>
      <div className={s.control}>
        <Label htmlFor={themeId}>{t('standalone.theme')}</Label>
        <Select
          id={themeId}
          value={controls.themeName}
          onChange={(_, d) => controls.setThemeName(THEME_NAMES.find((n) => n === d.value) ?? 'default')}
          data-testid="theme-switcher"
        >
          {THEME_NAMES.map((n) => (
            <option key={n} value={n}>
              {t(`standalone.themeName.${n}`)}
            </option>
          ))}
        </Select>
      </div>
    </header>
  );
}
