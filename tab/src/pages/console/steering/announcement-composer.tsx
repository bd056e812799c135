/**
 * Step 4 (and any time after the draft): an announcement to the programme's people, with a live
 * preview of the card they will get in Teams. Sent through the bot's queue.
 */
import { useState } from 'react';
import {
  Button,
  Field,
  Input,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Select,
  Text,
  Textarea,
  tokens,
} from '@fluentui/react-components';
import { useApp } from '../../../app/app-context';
import { useT } from '../../../i18n/i18n-context';
import type { MessageKey } from '../../../i18n/translate';
import { useAction } from '../../../hooks/use-action';
import { Section } from '../../../components/layout';
import { ErrorMessage } from '../../../components/error-message';
import { ConfirmDialog } from '../../../components/confirm-dialog';
import { TandemLogo } from '../../../components/logo';
import { useWorkspace } from '../workspace-data';

const AUDIENCES = ['all', 'opted-in', 'mentors', 'mentees'] as const;
type Audience = (typeof AUDIENCES)[number];

const useStyles = makeStyles({
  columns: {
    display: 'grid',
    gap: '16px',
    gridTemplateColumns: 'minmax(0, 1fr) minmax(0, 1fr)',
    '@media (max-width: 800px)': { gridTemplateColumns: 'minmax(0, 1fr)' },
  },
  form: { display: 'flex', flexDirection: 'column', gap: '12px' },
  previewWrap: { display: 'flex', flexDirection: 'column', gap: '6px' },
  chat: {
    padding: '16px',
    borderRadius: tokens.borderRadiusLarge,
    backgroundColor: tokens.colorNeutralBackground3,
    display: 'flex',
    gap: '10px',
    alignItems: 'flex-start',
  },
  card: {
    flexGrow: 1,
    backgroundColor: tokens.colorNeutralBackground1,
    borderRadius: tokens.borderRadiusMedium,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    padding: '14px 16px',
    display: 'flex',
    flexDirection: 'column',
    gap: '8px',
    minWidth: 0,
  },
  eyebrow: { color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200 },
  cardTitle: { fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold, overflowWrap: 'anywhere' },
  cardText: { whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' },
  cardButton: {
    alignSelf: 'flex-start',
    padding: '4px 12px',
    borderRadius: tokens.borderRadiusMedium,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    fontWeight: tokens.fontWeightSemibold,
    fontSize: tokens.fontSizeBase300,
  },
  buttons: { display: 'flex', gap: '8px' },
});

export function AnnouncementComposer() {
  const s = useStyles();
  const { t, lang: uiLang } = useT();
  const { api } = useApp();
  const w = useWorkspace();
  const [title, setTitle] = useState('');
  const [text, setText] = useState('');
  // Bilingual: the text's language and, optionally, the same in the other one; each person gets theirs.
  const [lang, setLang] = useState<'de' | 'en'>(uiLang === 'de' ? 'de' : 'en');
  const other = lang === 'de' ? 'en' : 'de';
  const [trTitle, setTrTitle] = useState('');
  const [trText, setTrText] = useState('');
  const translated = trTitle.trim().length > 0 && trText.trim().length > 0;
  const [audience, setAudience] = useState<Audience>('all');
  const [asking, setAsking] = useState(false);
  const [sent, setSent] = useState<number | undefined>();
  const allowed = w.programme.phase !== 'draft' && w.programme.phase !== 'closed';
  const recipients = w.participants.filter((p) =>
    audience === 'all'
      ? p.status !== 'left'
      : p.status === 'opted-in' &&
        (audience === 'opted-in' || p.role === (audience === 'mentors' ? 'mentor' : 'mentee')),
  ).length;
  const send = useAction(async () => {
    const main = { title: title.trim(), text: text.trim() };
    const result = await api.announce(w.programme.id, {
      ...main,
      audience,
      ...(translated
        ? { translations: { [lang]: main, [other]: { title: trTitle.trim(), text: trText.trim() } } }
        : {}),
    });
    setSent(result.recipients);
    setAsking(false);
    setTitle('');
    setText('');
    setTrTitle('');
    setTrText('');
  });
  const halfTranslated = trTitle.trim().length > 0 !== trText.trim().length > 0;
  const ready = allowed && title.trim().length > 0 && text.trim().length > 0 && !halfTranslated;
  return (
    <Section title={t('announce.title')} level={3} id="announcements">
      {!allowed && (
        <MessageBar intent="info">
          <MessageBarBody>{t('announce.notNow')}</MessageBarBody>
        </MessageBar>
      )}
      {sent !== undefined && (
        <MessageBar intent="success" data-testid="announcement-sent">
          <MessageBarBody>{t('announce.sent', { n: sent })}</MessageBarBody>
        </MessageBar>
      )}
      <ErrorMessage error={send.error} onDismiss={send.clearError} />
      <div className={s.columns}>
        <form
          className={s.form}
          onSubmit={(e) => {
            e.preventDefault();
            if (ready) setAsking(true);
          }}
        >
          <Field label={t('announce.titleField')} required>
            <Input value={title} onChange={(_, d) => setTitle(d.value)} maxLength={120} disabled={!allowed} />
          </Field>
          <Field label={t('announce.text')} required hint={t('announce.textHint')}>
            <Textarea
              value={text}
              onChange={(_, d) => setText(d.value)}
              maxLength={2000}
              rows={6}
              resize="vertical"
              disabled={!allowed}
            />
          </Field>
          <Field label={t('announce.language')}>
            <Select
              value={lang}
              onChange={(_, d) => setLang(d.value === 'de' ? 'de' : 'en')}
              disabled={!allowed}
              data-testid="announce-language"
            >
              <option value="de">{t('announce.language.de')}</option>
              <option value="en">{t('announce.language.en')}</option>
            </Select>
          </Field>
          <Field label={t(`announce.translationTitle.${other}` as MessageKey)} hint={t('announce.translationHint')}>
            <Input
              value={trTitle}
              onChange={(_, d) => setTrTitle(d.value)}
              maxLength={120}
              disabled={!allowed}
              data-testid="announce-translation-title"
            />
          </Field>
          <Field
            label={t(`announce.translationText.${other}` as MessageKey)}
            validationMessage={halfTranslated ? t('announce.translationBoth') : undefined}
          >
            <Textarea
              value={trText}
              onChange={(_, d) => setTrText(d.value)}
              maxLength={2000}
              rows={4}
              resize="vertical"
              disabled={!allowed}
              data-testid="announce-translation-text"
            />
          </Field>
          <Field label={t('announce.audience')} hint={t('announce.recipients', { n: recipients })}>
            <Select value={audience} onChange={(_, d) => setAudience(d.value as Audience)} disabled={!allowed}>
              {AUDIENCES.map((a) => (
                <option key={a} value={a}>
                  {t(`announce.audience.${a}` as MessageKey)}
                </option>
              ))}
            </Select>
          </Field>
          <div className={s.buttons}>
            <Button appearance="primary" type="submit" disabled={!ready || send.busy}>
              {t('announce.send')}
            </Button>
          </div>
        </form>
        <div className={s.previewWrap}>
          <Text weight="semibold" id="announce-preview-label">
            {t('announce.preview')}
          </Text>
          <div
            className={s.chat}
            role="group"
            aria-labelledby="announce-preview-label"
            data-testid="announcement-preview"
          >
            <TandemLogo size={32} />
            <div className={s.card}>
              <span className={s.eyebrow}>{w.programme.name}</span>
              <span className={s.cardTitle}>{title.trim() || t('announce.previewTitle')}</span>
              <span className={s.cardText}>{text.trim() || t('announce.previewText')}</span>
              <span className={s.cardButton} aria-hidden>
                {t('announce.previewButton')}
              </span>
            </div>
          </div>
        </div>
      </div>
      <ConfirmDialog
        open={asking}
        title={t('announce.confirmTitle')}
        confirmLabel={t('announce.send')}
        onConfirm={() => void send.run()}
        onCancel={() => setAsking(false)}
        busy={send.busy}
      >
        {t('announce.confirmText', { n: recipients })}
      </ConfirmDialog>
    </Section>
  );
}
