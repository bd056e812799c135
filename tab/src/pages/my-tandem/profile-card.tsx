/** My profile and preferences as the matching sees them, editable while the programme runs. */
import { useState } from 'react';
import { Button, makeStyles, MessageBar, MessageBarBody, Text, tokens } from '@fluentui/react-components';
import { useApp } from '../../app/app-context';
import { useT } from '../../i18n/i18n-context';
import { useAction } from '../../hooks/use-action';
import { Section } from '../../components/layout';
import { ErrorMessage } from '../../components/error-message';
import { ApiError } from '../../api/problem';
import { ProfileForm } from './profile-form';
import { draftOf, profileOf } from './profile-options';
import { topicNames, type Overview } from './overview-data';

const useStyles = makeStyles({
  list: { display: 'grid', gridTemplateColumns: 'minmax(110px, auto) 1fr', gap: '6px 12px', margin: 0 },
  dt: { color: tokens.colorNeutralForeground2 },
  dd: { margin: 0 },
});

export function ProfileCard({ overview, onChange }: { overview: Overview; onChange(): Promise<void> }) {
  const s = useStyles();
  const { t, tk, list, lang } = useT();
  const { api } = useApp();
  const [editing, setEditing] = useState(false);
  const [saved, setSaved] = useState(false);
  const { participant: p, programme } = overview;
  const names = topicNames(programme, lang);
  const save = useAction(async (draft: ReturnType<typeof draftOf>) => {
    const { role: _role, ...changes } = profileOf(draft);
    await api.updateProfile(
      programme.id,
      { ...changes, role: draft.role || undefined, testimonial: draft.testimonial.trim() || null },
      p.etag,
    );
    setEditing(false);
    setSaved(true);
    await onChange();
  });
  if (p.status === 'invited' || p.status === 'left' || !p.role) return null;
  const topics = (p.role === 'mentor' ? p.teachTopics : p.learnTopics) ?? [];
  const rows: [string, string][] = [
    [t('profile.roleShort'), t(`role.${p.role}`)],
    [
      t(p.role === 'mentor' ? 'profile.teachShort' : 'profile.learnShort'),
      list(topics.map((id) => names[id] ?? id)) || '–',
    ],
    [t('profile.interestsShort'), list(p.interests ?? []) || '–'],
    [t('profile.languagesShort'), list((p.languages ?? []).map((l) => tk(`language.${l}`)))],
    [t('profile.timeZoneShort'), (p.timeZone ?? '').replace(/_/g, ' ')],
    [t('profile.weekdaysShort'), list((p.weekdays ?? []).map((d) => tk(`weekday.${d}`)))],
    [t('profile.timesShort'), list((p.times ?? []).map((x) => tk(`time.${x}`))) || '–'],
  ];
  return (
    <Section
      title={t('profile.title')}
      id="profile"
      actions={
        !editing && programme.phase !== 'closed' ? (
          <Button size="small" onClick={() => setEditing(true)}>
            {t('profile.edit')}
          </Button>
        ) : undefined
      }
    >
      {saved && !editing && (
        <MessageBar intent="success">
          <MessageBarBody>{t('profile.saved')}</MessageBarBody>
        </MessageBar>
      )}
      {editing ? (
        <>
          <ErrorMessage error={save.error} onDismiss={save.clearError} />
          <ProfileForm
            topics={programme.topics}
            initial={draftOf(p, p.locale)}
            submitLabel={t('profile.save')}
            busy={save.busy}
            onSubmit={(d) => void save.run(d)}
            onCancel={() => setEditing(false)}
            serverErrors={save.error instanceof ApiError ? save.error.problem.errors : undefined}
          />
        </>
      ) : (
        <dl className={s.list}>
          {rows.map(([term, value]) => (
            <div key={term} style={{ display: 'contents' }}>
              <dt className={s.dt}>{term}</dt>
              <dd className={s.dd}>{value}</dd>
            </div>
          ))}
          {p.testimonial && (
            <>
              <dt className={s.dt}>{t('profile.testimonialShort')}</dt>
              <dd className={s.dd}>
                <Text italic>“{p.testimonial}”</Text>{' '}
                <Text size={200} data-testid="testimonial-quoting">
                  ({t(p.testimonialConsentAt ? 'profile.testimonialQuoted' : 'profile.testimonialNotQuoted')})
                </Text>
              </dd>
            </>
          )}
        </dl>
      )}
    </Section>
  );
}
