/** Inviting people: a whole department, or chosen people found in the directory. Invitations go out as cards in Teams. */
import { useId, useState } from 'react';
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
  tokens,
} from '@fluentui/react-components';
import { useApp } from '../../../app/app-context';
import { useT } from '../../../i18n/i18n-context';
import { useAction } from '../../../hooks/use-action';
import { useResource } from '../../../hooks/use-resource';
import { Section } from '../../../components/layout';
import { ErrorMessage } from '../../../components/error-message';
import type { DirectoryUser, InviteResult } from '../../../api/types';
import { useWorkspace } from '../workspace-data';

const useStyles = makeStyles({
  row: { display: 'flex', gap: '8px', alignItems: 'flex-end', flexWrap: 'wrap' },
  grow: { flex: '1 1 240px' },
  results: {
    listStyle: 'none',
    margin: 0,
    padding: 0,
    display: 'flex',
    flexDirection: 'column',
    gap: '2px',
    maxHeight: '280px',
    overflowY: 'auto',
  },
  meta: { color: tokens.colorNeutralForeground2 },
  part: { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
});

export function Invitations() {
  const s = useStyles();
  const { t } = useT();
  const { api } = useApp();
  const w = useWorkspace();
  const open = w.programme.phase === 'preparation' || w.programme.phase === 'matching';
  const departments = useResource(() => api.departments(), [api]);
  const [department, setDepartment] = useState('');
  const [query, setQuery] = useState('');
  const [found, setFound] = useState<DirectoryUser[] | undefined>();
  const [chosen, setChosen] = useState<string[]>([]);
  const [result, setResult] = useState<InviteResult | undefined>();
  const deptId = useId();
  const known = new Map(w.participants.map((p) => [p.userId, p.status]));
  const search = useAction(async () => {
    setFound((await api.searchDirectory(query.trim())).items);
  });
  const invite = useAction(async (input: { department: string } | { userIds: string[] }) => {
    setResult(await api.invite(w.programme.id, input));
    setChosen([]);
    await w.reload();
  });
  return (
    <Section title={t('invite.title')} level={3} id="invitations">
      {!open && (
        <MessageBar intent="info">
          <MessageBarBody>{t('invite.closed')}</MessageBarBody>
        </MessageBar>
      )}
      {result && (
        <MessageBar intent="success" data-testid="invite-result">
          <MessageBarBody>
            {t('invite.result', {
              invited: result.invited,
              already: result.alreadyInvited,
              not: result.notInvitable.length,
            })}
          </MessageBarBody>
        </MessageBar>
      )}
      <ErrorMessage error={invite.error ?? search.error ?? departments.error} />
      <h4 className={s.part}>{t('invite.byDepartment')}</h4>
      <div className={s.row}>
        <Field label={t('invite.department')} className={s.grow}>
          <Select id={deptId} value={department} onChange={(_, d) => setDepartment(d.value)} disabled={!open}>
            <option value="">{t('invite.chooseDepartment')}</option>
            {(departments.data ?? []).map((d) => (
              <option key={d} value={d}>
                {d}
              </option>
            ))}
          </Select>
        </Field>
        <Button disabled={!open || !department || invite.busy} onClick={() => void invite.run({ department })}>
          {t('invite.inviteDepartment')}
        </Button>
      </div>
      <h4 className={s.part}>{t('invite.byPerson')}</h4>
      <form
        className={s.row}
        onSubmit={(e) => {
          e.preventDefault();
          if (query.trim()) void search.run();
        }}
      >
        <Field label={t('invite.search')} className={s.grow}>
          <Input value={query} onChange={(_, d) => setQuery(d.value)} disabled={!open} data-testid="invite-search" />
        </Field>
        <Button type="submit" disabled={!open || !query.trim() || search.busy}>
          {t('invite.find')}
        </Button>
      </form>
      {found &&
        (found.length === 0 ? (
          <Text className={s.meta}>{t('invite.noneFound')}</Text>
        ) : (
          <>
            <ul className={s.results} data-testid="invite-results">
              {found.map((u) => {
                const status = known.get(u.id);
                return (
                  <li key={u.id}>
                    <Checkbox
                      checked={chosen.includes(u.id)}
                      disabled={!open || (status !== undefined && status !== 'left')}
                      onChange={(_, d) => setChosen((c) => (d.checked ? [...c, u.id] : c.filter((x) => x !== u.id)))}
                      label={
                        <span>
                          {u.displayName}{' '}
                          <span className={s.meta}>
                            {[u.jobTitle, u.department, u.officeLocation].filter(Boolean).join(' · ')}
                            {status && status !== 'left' ? ` · ${t('invite.already')}` : ''}
                          </span>
                        </span>
                      }
                    />
                  </li>
                );
              })}
            </ul>
            <div>
              <Button
                appearance="primary"
                disabled={!open || chosen.length === 0 || invite.busy}
                onClick={() => void invite.run({ userIds: chosen })}
                data-testid="invite-chosen"
              >
                {t('invite.inviteChosen', { n: chosen.length })}
              </Button>
            </div>
          </>
        ))}
    </Section>
  );
}
