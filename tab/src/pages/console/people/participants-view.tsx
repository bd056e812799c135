/**
 * Everyone invited to the programme, by name, department, role, where they stand, their pair and
 * whether Tandem reaches them in Teams; filter, search, CSV export, and the manager's steps after
 * publishing (find a partner, end a pair without blame, send a message). It shows what a manager
 * must act on ("needs a new partner"), never ratings, feedback, or who ended or declined a pair.
 */
import { useEffect, useState } from 'react';
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
import type { MessageKey } from '../../../i18n/translate';
import { useAction } from '../../../hooks/use-action';
import { useResource } from '../../../hooks/use-resource';
import { Empty, Loading, Section } from '../../../components/layout';
import { ErrorMessage } from '../../../components/error-message';
import { DataTable } from '../../../components/data-table';
import { Badge } from '../../../components/badges';
import { ConfirmDialog } from '../../../components/confirm-dialog';
import { download } from '../../../components/download';
import type { ParticipantRow, ParticipantsFilter } from '../../../api/manage-endpoints';
import { useWorkspace } from '../workspace-data';
import { MessageDialog, type MessageTarget } from './message-dialog';

const STATUSES = ['invited', 'opted-in', 'trained', 'matched', 'confirmed', 'active', 'paused', 'left'] as const;
const STATUS_TONES = {
  invited: 'warning',
  'opted-in': 'informative',
  trained: 'informative',
  matched: 'warning',
  confirmed: 'brand',
  active: 'success',
  paused: 'informative',
  left: 'subtle',
} as const;
const APP_TONES = {
  installed: 'success',
  pending: 'informative',
  blocked: 'danger',
  uninstalled: 'warning',
  failed: 'danger',
  'not-installed': 'subtle',
} as const;

const useStyles = makeStyles({
  filters: { display: 'flex', gap: '8px', alignItems: 'flex-end', flexWrap: 'wrap' },
  search: { flex: '1 1 220px' },
  meta: { color: tokens.colorNeutralForeground2 },
  cell: { display: 'flex', flexDirection: 'column', gap: '4px', alignItems: 'flex-start' },
  actions: { display: 'flex', gap: '4px', flexWrap: 'wrap' },
  foot: { display: 'flex', gap: '12px', alignItems: 'center', flexWrap: 'wrap' },
});

/** Waits until typing pauses before searching (one request per pause, not per key). */
function useSettled(value: string, ms = 300): string {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return settled;
}

export function ParticipantsView() {
  const s = useStyles();
  const { t } = useT();
  const { api } = useApp();
  const w = useWorkspace();
  const id = w.programme.id;
  const [search, setSearch] = useState('');
  const [status, setStatus] = useState<ParticipantsFilter['status']>();
  const [role, setRole] = useState<ParticipantsFilter['role']>();
  const [needsOnly, setNeedsOnly] = useState(false);
  const settled = useSettled(search.trim());
  const filter: ParticipantsFilter = {
    ...(status ? { status } : {}),
    ...(role ? { role } : {}),
    ...(settled ? { search: settled } : {}),
    ...(needsOnly ? { needsNewPartner: true } : {}),
  };
  const key = JSON.stringify(filter);
  const first = useResource(() => api.participantsView(id, filter), [api, id, key]);
  const [more, setMore] = useState<{ rows: ParticipantRow[]; token?: string }>();
  useEffect(() => setMore(undefined), [first.data]);
  const rows = [...(first.data?.items ?? []), ...(more?.rows ?? [])];
  const token = more ? more.token : first.data?.continuationToken;
  const loadMore = useAction(async () => {
    if (!token) return;
    const page = await api.participantsView(id, filter, token);
    setMore((m) => ({
      rows: [...(m?.rows ?? []), ...page.items],
      ...(page.continuationToken ? { token: page.continuationToken } : {}),
    }));
  });
  const exportCsv = useAction(() => download(api, { kind: 'participants', programmeId: id, ...filter }));

  const [notice, setNotice] = useState<string>();
  const [ending, setEnding] = useState<{ pairId: string; a: string; b: string }>();
  const [messaging, setMessaging] = useState<MessageTarget>();
  const refresh = async () => {
    await Promise.all([first.reload(), w.reload()]);
  };
  const rematch = useAction(async (row: ParticipantRow) => {
    const result = await api.rematchPerson(id, row.userId);
    setNotice(t(result.proposals.length ? 'people.rematchDone' : 'people.rematchNone', { name: row.displayName }));
    await refresh();
  });
  const endPair = useAction(async (pairId: string) => {
    const result = await api.endPair(id, pairId);
    setEnding(undefined);
    setNotice(t('people.endDone', { n: result.rematched.length }));
    await refresh();
  });
  const published = Boolean(w.programme.publishedAt) && ['matching', 'execution'].includes(w.programme.phase);
  const running = w.programme.phase !== 'draft' && w.programme.phase !== 'closed';

  return (
    <Section
      title={t('people.title')}
      id="participants-view"
      actions={
        <Button onClick={() => void exportCsv.run()} disabled={exportCsv.busy} data-testid="participants-export">
          {t('people.export')}
        </Button>
      }
    >
      <Text className={s.meta}>{t('people.intro')}</Text>
      <div className={s.filters} role="search">
        <Field label={t('people.search')} className={s.search}>
          <Input value={search} onChange={(_, d) => setSearch(d.value)} data-testid="participants-search" />
        </Field>
        <Field label={t('people.status')}>
          <Select
            value={status ?? ''}
            onChange={(_, d) => setStatus((d.value || undefined) as ParticipantsFilter['status'])}
            data-testid="participants-status"
          >
            <option value="">{t('people.allStatuses')}</option>
            {STATUSES.map((x) => (
              <option key={x} value={x}>
                {t(`people.status.${x}`)}
              </option>
            ))}
          </Select>
        </Field>
        <Field label={t('people.role')}>
          <Select
            value={role ?? ''}
            onChange={(_, d) => setRole((d.value || undefined) as ParticipantsFilter['role'])}
            data-testid="participants-role"
          >
            <option value="">{t('people.allRoles')}</option>
            <option value="mentor">{t('role.mentor')}</option>
            <option value="mentee">{t('role.mentee')}</option>
          </Select>
        </Field>
        <Checkbox
          label={t('people.needsPartnerOnly')}
          checked={needsOnly}
          onChange={(_, d) => setNeedsOnly(Boolean(d.checked))}
          data-testid="participants-needs-partner"
        />
      </div>
      <ErrorMessage error={first.error ?? loadMore.error ?? exportCsv.error ?? rematch.error ?? endPair.error} />
      {notice && (
        <MessageBar intent="success" data-testid="participants-notice">
          <MessageBarBody>{notice}</MessageBarBody>
        </MessageBar>
      )}
      {!first.data ? (
        !first.error && <Loading label={t('common.loading')} />
      ) : rows.length === 0 && !token ? (
        <Empty title={t('people.none')} />
      ) : (
        <>
          <DataTable
            testId="participants-table"
            rowKey={(r) => r.userId}
            rows={rows}
            columns={[
              {
                key: 'person',
                header: t('people.col.person'),
                cell: (r) => (
                  <span className={s.cell}>
                    <span>{r.displayName}</span>
                    <span className={s.meta}>{[r.jobTitle, r.department].filter(Boolean).join(' · ')}</span>
                  </span>
                ),
              },
              { key: 'role', header: t('people.col.role'), cell: (r) => (r.role ? t(`role.${r.role}`) : '–') },
              {
                key: 'status',
                header: t('people.col.status'),
                cell: (r) => (
                  <span className={s.cell}>
                    <Badge tone={STATUS_TONES[r.status]}>{t(`people.status.${r.status}`)}</Badge>
                    {r.needsNewPartner && <Badge tone="warning">{t('people.needsPartner')}</Badge>}
                    {r.training && (
                      <span className={s.meta}>
                        {t('people.training', { done: r.training.done, of: r.training.of })}
                      </span>
                    )}
                  </span>
                ),
              },
              {
                key: 'pair',
                header: t('people.col.pair'),
                cell: (r) =>
                  r.pairs.length ? (
                    <span className={s.cell}>
                      {r.pairs.map((p) => (
                        <span key={p.pairId}>
                          {p.partnerName}{' '}
                          <span className={s.meta}>({t(`people.pairStatus.${p.status}` as MessageKey)})</span>
                        </span>
                      ))}
                    </span>
                  ) : (
                    <span className={s.meta}>{t('people.noPair')}</span>
                  ),
              },
              {
                key: 'app',
                header: t('people.col.app'),
                cell: (r) => <Badge tone={APP_TONES[r.appInstall]}>{t(`people.app.${r.appInstall}`)}</Badge>,
              },
              {
                key: 'actions',
                header: t('people.col.actions'),
                cell: (r) => (
                  <span className={s.actions}>
                    {published && r.needsNewPartner && (
                      <Button
                        size="small"
                        appearance="primary"
                        disabled={rematch.busy}
                        onClick={() => void rematch.run(r)}
                        data-testid={`rematch-${r.userId}`}
                      >
                        {t('people.rematch')}
                      </Button>
                    )}
                    {published &&
                      r.pairs.map((p) => (
                        <Button
                          key={p.pairId}
                          size="small"
                          onClick={() => setEnding({ pairId: p.pairId, a: r.displayName, b: p.partnerName })}
                          aria-label={t('people.endPairWith', { name: p.partnerName })}
                          data-testid={`end-pair-${r.userId}-${p.pairId}`}
                        >
                          {t('people.endPair')}
                        </Button>
                      ))}
                    {running && r.status !== 'left' && (
                      <Button
                        size="small"
                        appearance="subtle"
                        onClick={() => setMessaging({ person: r })}
                        data-testid={`message-${r.userId}`}
                      >
                        {t('people.message')}
                      </Button>
                    )}
                  </span>
                ),
              },
            ]}
          />
          <div className={s.foot}>
            <Text className={s.meta} data-testid="participants-count">
              {t('people.count', { n: rows.length })}
            </Text>
            {token && (
              <Button onClick={() => void loadMore.run()} disabled={loadMore.busy} data-testid="participants-more">
                {t('people.loadMore')}
              </Button>
            )}
          </div>
        </>
      )}
      <ConfirmDialog
        open={Boolean(ending)}
        title={t('people.endTitle')}
        confirmLabel={t('people.endPair')}
        danger
        busy={endPair.busy}
        onCancel={() => setEnding(undefined)}
        onConfirm={() => ending && void endPair.run(ending.pairId)}
      >
        {ending && <Text>{t('people.endText', { a: ending.a, b: ending.b })}</Text>}
      </ConfirmDialog>
      <MessageDialog
        target={messaging}
        onClose={() => setMessaging(undefined)}
        onSent={(n) => {
          setMessaging(undefined);
          setNotice(t('people.messageSent', { n }));
        }}
      />
    </Section>
  );
}
