/** The programme team: its creator and co-managers (who get its pair-health notices too); add and remove co-managers. */
import { useState } from 'react';
import { Button, Field, Input, makeStyles, Text, tokens } from '@fluentui/react-components';
import { useApp } from '../../../app/app-context';
import { useT } from '../../../i18n/i18n-context';
import { useAction } from '../../../hooks/use-action';
import { useResource } from '../../../hooks/use-resource';
import { Loading, Section } from '../../../components/layout';
import { ErrorMessage } from '../../../components/error-message';
import type { DirectoryUser } from '../../../api/types';
import { useWorkspace } from '../workspace-data';

const useStyles = makeStyles({
  list: { listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: '6px' },
  item: { display: 'flex', gap: '8px', alignItems: 'center', flexWrap: 'wrap' },
  meta: { color: tokens.colorNeutralForeground2 },
  row: { display: 'flex', gap: '8px', alignItems: 'flex-end', flexWrap: 'wrap' },
  grow: { flex: '1 1 200px' },
});

export function CoManagers() {
  const s = useStyles();
  const { t } = useT();
  const { api } = useApp();
  const w = useWorkspace();
  const id = w.programme.id;
  const team = useResource(() => api.programmeTeam(id), [api, id]);
  const [query, setQuery] = useState('');
  const [found, setFound] = useState<DirectoryUser[]>([]);
  const members = new Set((team.data ?? []).map((m) => m.userId));
  const search = useAction(async () => setFound((await api.searchDirectory(query.trim())).items));
  const change = useAction(async (userId: string, add: boolean) => {
    const programme = add ? await api.addCoManager(id, userId) : await api.removeCoManager(id, userId);
    w.setProgramme(programme);
    setFound([]);
    setQuery('');
    await team.reload();
  });
  return (
    <Section title={t('coManagers.title')} level={3} id="co-managers">
      <Text className={s.meta}>{t('coManagers.intro')}</Text>
      <ErrorMessage error={team.error ?? search.error ?? change.error} />
      {!team.data ? (
        !team.error && <Loading label={t('common.loading')} />
      ) : (
        <ul className={s.list} data-testid="co-manager-list">
          {team.data.map((m) => (
            <li key={m.userId} className={s.item}>
              <span>{m.displayName}</span>
              <span className={s.meta}>
                {[m.department, t(m.kind === 'creator' ? 'coManagers.creator' : 'coManagers.coManager')]
                  .filter(Boolean)
                  .join(' · ')}
              </span>
              {m.kind === 'co-manager' && w.programme.phase !== 'closed' && (
                <Button
                  size="small"
                  appearance="subtle"
                  disabled={change.busy}
                  onClick={() => void change.run(m.userId, false)}
                >
                  {t('coManagers.remove', { name: m.displayName })}
                </Button>
              )}
            </li>
          ))}
        </ul>
      )}
      {w.programme.phase !== 'closed' && (
        <form
          className={s.row}
          onSubmit={(e) => {
            e.preventDefault();
            if (query.trim()) void search.run();
          }}
        >
          <Field label={t('coManagers.search')} hint={t('coManagers.searchHint')} className={s.grow}>
            <Input value={query} onChange={(_, d) => setQuery(d.value)} data-testid="co-manager-search" />
          </Field>
          <Button type="submit" disabled={!query.trim() || search.busy}>
            {t('coManagers.find')}
          </Button>
        </form>
      )}
      {found.length > 0 && (
        <ul className={s.list}>
          {found
            .filter((u) => !members.has(u.id))
            .map((u) => (
              <li key={u.id} className={s.item}>
                <Button size="small" disabled={change.busy} onClick={() => void change.run(u.id, true)}>
                  {t('coManagers.add', { name: u.displayName })}
                </Button>
                <span className={s.meta}>{[u.jobTitle, u.department].filter(Boolean).join(' · ')}</span>
              </li>
            ))}
        </ul>
      )}
    </Section>
  );
}
