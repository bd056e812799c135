/**
 * A post about the programme to a Teams channel where the app is installed (internal communication
 * beyond the programme): German and English on one card, with the interest-list button. The
 * manager picks the channel from the teams the bot was added to (GET /team-channels).
 */
import { useState } from 'react';
import {
  Button,
  Checkbox,
  Field,
  Input,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Select,
  Text,
  Textarea,
} from '@fluentui/react-components';
import { useApp } from '../../../app/app-context';
import { useT } from '../../../i18n/i18n-context';
import { useAction } from '../../../hooks/use-action';
import { useResource } from '../../../hooks/use-resource';
import { Empty, Loading, Section } from '../../../components/layout';
import { ErrorMessage } from '../../../components/error-message';
import { ConfirmDialog } from '../../../components/confirm-dialog';
import { useWorkspace } from '../workspace-data';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: '12px' },
  languages: {
    display: 'grid',
    gap: '16px',
    gridTemplateColumns: 'minmax(0, 1fr) minmax(0, 1fr)',
    '@media (max-width: 800px)': { gridTemplateColumns: 'minmax(0, 1fr)' },
  },
  language: { display: 'flex', flexDirection: 'column', gap: '8px', minWidth: 0 },
});

type Part = { title: string; text: string };
const filled = (p: Part) => p.title.trim().length > 0 && p.text.trim().length > 0;
const trimmed = (p: Part) => ({ title: p.title.trim(), text: p.text.trim() });

export function ChannelPost() {
  const s = useStyles();
  const { t } = useT();
  const { api } = useApp();
  const w = useWorkspace();
  const channels = useResource(() => api.teamChannels(), [api]);
  const [channelId, setChannelId] = useState('');
  const [de, setDe] = useState<Part>({ title: '', text: '' });
  const [en, setEn] = useState<Part>({ title: '', text: '' });
  const [withQuotes, setWithQuotes] = useState(false);
  const [asking, setAsking] = useState(false);
  const [posted, setPosted] = useState<string | undefined>();
  const items = channels.data?.items ?? [];
  const chosen = items.find((c) => c.channelId === channelId) ?? items[0];
  const label = (c: (typeof items)[number]) =>
    t('channelPost.option', { team: c.teamName ?? c.teamId, channel: c.channelName ?? t('channelPost.general') });
  const allowed = w.programme.phase !== 'draft' && w.programme.phase !== 'closed';
  const ready = allowed && chosen !== undefined && (filled(de) || filled(en));
  const post = useAction(async () => {
    if (!chosen) return;
    await api.postToChannel(w.programme.id, {
      channelId: chosen.channelId,
      ...(filled(de) ? { de: trimmed(de) } : {}),
      ...(filled(en) ? { en: trimmed(en) } : {}),
      testimonials: withQuotes,
    });
    setPosted(label(chosen));
    setAsking(false);
    setDe({ title: '', text: '' });
    setEn({ title: '', text: '' });
  });
  const languagePart = (lang: 'de' | 'en', part: Part, set: (p: Part) => void) => (
    <fieldset className={s.language} data-testid={`channel-post-${lang}`}>
      <legend>{t(lang === 'de' ? 'channelPost.german' : 'channelPost.english')}</legend>
      <Field label={t('channelPost.postTitle')}>
        <Input value={part.title} onChange={(_, d) => set({ ...part, title: d.value })} maxLength={120} />
      </Field>
      <Field label={t('channelPost.postText')}>
        <Textarea
          value={part.text}
          onChange={(_, d) => set({ ...part, text: d.value })}
          maxLength={2000}
          resize="vertical"
        />
      </Field>
    </fieldset>
  );
  return (
    <Section title={t('channelPost.title')} level={3} id="channel-post">
      <Text>{t('channelPost.intro')}</Text>
      {channels.error ? (
        <ErrorMessage error={channels.error} onRetry={() => void channels.reload()} />
      ) : !channels.data ? (
        <Loading label={t('common.loading')} />
      ) : items.length === 0 ? (
        <Empty title={t('channelPost.none')} />
      ) : (
        <form
          className={s.form}
          onSubmit={(e) => {
            e.preventDefault();
            if (ready) setAsking(true);
          }}
        >
          {posted && (
            <MessageBar intent="success" data-testid="channel-posted">
              <MessageBarBody>{t('channelPost.posted', { channel: posted })}</MessageBarBody>
            </MessageBar>
          )}
          <ErrorMessage error={post.error} onDismiss={post.clearError} />
          <Field label={t('channelPost.channel')}>
            <Select
              value={chosen?.channelId ?? ''}
              onChange={(_, d) => setChannelId(d.value)}
              data-testid="channel-post-channel"
            >
              {items.map((c) => (
                <option key={c.channelId} value={c.channelId}>
                  {label(c)}
                </option>
              ))}
            </Select>
          </Field>
          <div className={s.languages}>
            {languagePart('de', de, setDe)}
            {languagePart('en', en, setEn)}
          </div>
          <Text size={200}>{t('channelPost.oneLanguage')}</Text>
          <Checkbox
            checked={withQuotes}
            onChange={(_, d) => setWithQuotes(Boolean(d.checked))}
            label={t('channelPost.testimonials')}
          />
          <div>
            <Button appearance="primary" type="submit" disabled={!ready || post.busy} data-testid="channel-post-send">
              {t('channelPost.post')}
            </Button>
          </div>
        </form>
      )}
      <ConfirmDialog
        open={asking}
        title={chosen ? t('channelPost.confirmTitle', { channel: label(chosen) }) : ''}
        confirmLabel={t('channelPost.post')}
        onConfirm={() => void post.run()}
        onCancel={() => setAsking(false)}
        busy={post.busy}
      >
        {t('channelPost.confirmText')}
      </ConfirmDialog>
    </Section>
  );
}
