/**
 * The interest list for the next cohort: who said they want to take part, since when and through
 * which channel, and the action to invite the chosen people into a programme open for invitations.
 */
import { useId, useMemo, useState } from 'react';
import {
  Button,
  Checkbox,
  Field,
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
import { Empty, Loading, Section } from '../../../components/layout';
import { ErrorMessage } from '../../../components/error-message';
import { DataTable } from '../../../components/data-table';
import type { InviteResult } from '../../../api/types';
import type { InterestEntry } from '../../../api/interest-endpoints';
import { useWorkspace } from '../workspace-data';

const useStyles = makeStyles({
  row: { display: 'flex', gap: '8px', alignItems: 'flex-end', flexWrap: 'wrap' },
  grow: { flex: '1 1 240px' },
  meta: { color: tokens.colorNeutralForeground2 },
});

/** People a manager may still invite from the list: in the directory and not yet invited to `to`. */
export function invitableFrom(entries: readonly InterestEntry[], to: string): InterestEntry[] {
  return entries.filter((e) => e.invitable && !e.invitedTo?.some((i) => i.programmeId === to));
}

export function InterestList() {
  const s = useStyles();
  const { t, date } = useT();
  const { api } = useApp();
  const w = useWorkspace();
  const id = w.programme.id;
  const list = useResource(() => api.interestList(id), [api, id]);
  const programmes = useResource(() => api.programmes(), [api]);
  const [to, setTo] = useState('');
  const [chosen, setChosen] = useState<string[]>([]);
  const [result, setResult] = useState<InviteResult | undefined>();
  const targetId = useId();
  const open = useMemo(
    () => (programmes.data ?? []).filter((p) => p.phase === 'preparation' || p.phase === 'matching'),
    [programmes.data],
  );
  const names = useMemo(() => new Map((programmes.data ?? []).map((p) => [p.id, p.name])), [programmes.data]);
  const entries = list.data ?? [];
  const candidates = to ? invitableFrom(entries, to) : [];
  const invite = useAction(async () => {
    setResult(await api.inviteInterested(id, { to, userIds: chosen }));
    setChosen([]);
    await list.reload();
  });
  const toggle = (userId: string, on: boolean) =>
    setChosen((c) => (on ? [...new Set([...c, userId])] : c.filter((x) => x !== userId)));
  return (
    <Section title={t('interest.listTitle')} level={3} id="interest-list">
      <ErrorMessage error={list.error ?? programmes.error ?? invite.error} />
      {result && (
        <MessageBar intent="success" data-testid="interest-invite-result">
          <MessageBarBody>
            {t('invite.result', {
              invited: result.invited,
              already: result.alreadyInvited,
              not: result.notInvitable.length,
            })}
          </MessageBarBody>
        </MessageBar>
      )}
      {!list.data ? (
        !list.error && <Loading label={t('common.loading')} />
      ) : entries.length === 0 ? (
        <Empty title={t('interest.none')} />
      ) : (
        <>
          <Text>{t('interest.listIntro', { n: entries.length })}</Text>
          <div className={s.row}>
            <Field
              label={t('interest.target')}
              className={s.grow}
              hint={open.length ? undefined : t('interest.noTarget')}
            >
              <Select
                id={targetId}
                value={to}
                onChange={(_, d) => {
                  setTo(d.value);
                  setChosen([]);
                }}
                disabled={open.length === 0}
                data-testid="interest-target"
              >
                <option value="">{t('interest.chooseTarget')}</option>
                {open.map((p) => (
                  <option key={p.id} value={p.id}>
                    {p.name}
                  </option>
                ))}
              </Select>
            </Field>
            <Button
              disabled={!to || candidates.length === 0}
              onClick={() => setChosen(candidates.map((c) => c.userId))}
            >
              {t('interest.chooseAll', { n: candidates.length })}
            </Button>
            <Button
              appearance="primary"
              disabled={!to || chosen.length === 0 || invite.busy}
              onClick={() => void invite.run()}
              data-testid="interest-invite"
            >
              {t('interest.invite', { n: chosen.length })}
            </Button>
          </div>
          <DataTable
            testId="interest-table"
            rowKey={(e) => e.userId}
            rows={entries}
            columns={[
              {
                key: 'choose',
                header: <span className={s.meta}>{t('interest.choose')}</span>,
                cell: (e) => (
                  <Checkbox
                    aria-label={t('interest.chooseOne', { name: e.displayName })}
                    checked={chosen.includes(e.userId)}
                    disabled={!to || !candidates.includes(e)}
                    onChange={(_, d) => toggle(e.userId, Boolean(d.checked))}
                  />
                ),
              },
              {
                key: 'who',
                header: t('interest.person'),
                cell: (e) => (
                  <span>
                    {e.displayName}{' '}
                    <span className={s.meta}>
                      {[e.jobTitle, e.department].filter(Boolean).join(' · ')}
                      {e.invitable ? '' : ` · ${t('interest.notInvitable')}`}
                    </span>
                  </span>
                ),
              },
              { key: 'since', header: t('interest.since'), cell: (e) => date(e.registeredAt) },
              { key: 'via', header: t('interest.via'), cell: (e) => t(`interest.via.${e.source}`) },
              {
                key: 'invited',
                header: t('interest.invitedTo'),
                cell: (e) => (e.invitedTo ?? []).map((i) => names.get(i.programmeId) ?? i.programmeId).join(', '),
              },
            ]}
          />
        </>
      )}
    </Section>
  );
}
