/**
 * Step 2, matching: run the engine, review its proposals with score and reasons, and the people it
 * could not match with the reason why; lock, swap, exclude, run again, then publish to the people.
 */
import { useState } from 'react';
import {
  Button,
  makeStyles,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  Text,
  tokens,
} from '@fluentui/react-components';
import { useApp } from '../../../app/app-context';
import { topicNamesById } from '@tandem/core/model/topic-names';
import { useT } from '../../../i18n/i18n-context';
import { useAction } from '../../../hooks/use-action';
import { useResource } from '../../../hooks/use-resource';
import { Section, Empty } from '../../../components/layout';
import { ErrorMessage } from '../../../components/error-message';
import { ConfirmDialog } from '../../../components/confirm-dialog';
import { unpublishedProposals, useWorkspace } from '../workspace-data';
import { ProposalCard } from './proposal-card';
import { useMatchingJob } from './use-matching-job';

const useStyles = makeStyles({
  list: {
    listStyle: 'none',
    margin: 0,
    padding: 0,
    display: 'grid',
    gap: '10px',
    gridTemplateColumns: 'repeat(auto-fill, minmax(340px, 1fr))',
  },
  row: { display: 'flex', gap: '8px', alignItems: 'center', flexWrap: 'wrap' },
  swapBar: {
    position: 'sticky',
    bottom: '8px',
    zIndex: 1,
    display: 'flex',
    gap: '12px',
    alignItems: 'center',
    flexWrap: 'wrap',
    padding: '10px 14px',
    borderRadius: tokens.borderRadiusLarge,
    backgroundColor: tokens.colorNeutralBackground1,
    boxShadow: tokens.shadow16,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorBrandStroke1}`,
  },
  unmatched: { margin: 0, padding: 0, listStyle: 'none', display: 'flex', flexDirection: 'column', gap: '6px' },
  person: {
    display: 'flex',
    flexDirection: 'column',
    padding: '8px 10px',
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  meta: { color: tokens.colorNeutralForeground2 },
});

export function MatchingBoard() {
  const s = useStyles();
  const { t, tk, reason, number, lang } = useT();
  const { api } = useApp();
  const w = useWorkspace();
  const programme = w.programme;
  const run = useMatchingJob(api, programme.id, programme.matchingJobId, w.reload);
  const [selected, setSelected] = useState<string[]>([]);
  const [asking, setAsking] = useState<'publish' | { exclude: string } | undefined>();
  const proposals = unpublishedProposals(w.pairs).sort((a, b) => b.score - a.score);
  const awaiting = w.pairs.filter((p) => p.status === 'proposed' && p.publishedAt);
  const reviewable = programme.phase === 'matching' && !run.running && !programme.matchingJobId;
  const topicNames = topicNamesById(programme.topics, lang);
  const act = useAction(async (fn: () => Promise<unknown>) => {
    await fn();
    setAsking(undefined);
    await w.reload();
  });
  const lock = (pairId: string, locked: boolean, etag: string) =>
    act.run(() => api.lockPair(programme.id, pairId, locked, etag));
  const swap = () =>
    act.run(async () => {
      await api.swapPairs(programme.id, [selected[0] as string, selected[1] as string]);
      setSelected([]);
    });
  const publish = () =>
    act.run(async () => {
      const result = await api.publish(programme.id, programme.etag);
      w.setProgramme(result.programme);
    });
  const exclude = (pairId: string) => {
    const pair = w.pairs.find((p) => p.id === pairId);
    return pair ? act.run(() => api.excludePair(programme.id, pairId, pair.etag)) : Promise.resolve(false);
  };
  const result = run.job?.status === 'succeeded' ? run.job.result : undefined;
  // Cautions and the cost of manual changes come from the API (managers only), fresh after every change.
  const review = useResource(() => api.matchingReview(programme.id), [api, programme.id, w.pairs]).data;
  const cautioned = proposals.filter((p) => review?.cautions[p.id]?.length).length;

  return (
    <>
      <Section title={t('board.runTitle')} level={3} id="matching-run">
        <Text>{t('board.intro')}</Text>
        {programme.phase !== 'matching' && (
          <MessageBar intent="info">
            <MessageBarBody>{t('board.notMatchingPhase')}</MessageBarBody>
          </MessageBar>
        )}
        <div className={s.row}>
          <Button
            appearance="primary"
            onClick={() => void run.start()}
            disabled={!reviewable}
            data-testid="run-matching"
          >
            {t(proposals.length ? 'board.rerun' : 'board.run')}
          </Button>
          {run.running && <Spinner size="tiny" label={t('board.running')} />}
        </div>
        <ErrorMessage error={run.error} onDismiss={run.clearError} />
        {run.job?.status === 'failed' && (
          <MessageBar intent="error">
            <MessageBarBody>
              <MessageBarTitle>{t('board.failed')}</MessageBarTitle> {run.job.error}
            </MessageBarBody>
          </MessageBar>
        )}
        {result && (
          <MessageBar intent="success" layout="multiline" data-testid="matching-result">
            <MessageBarBody>
              {t('board.result', {
                pairs: result.pairs,
                locked: result.lockedPairs,
                unmatched: result.unmatched.length,
              })}{' '}
              {result.optimal && !review?.changed
                ? result.lockedPairs
                  ? t('board.optimalLocked', { locked: result.lockedPairs })
                  : t('board.optimal')
                : ''}
              {result.warnings.map((x) => (
                <div key={x.code}>{x.message}</div>
              ))}
            </MessageBarBody>
          </MessageBar>
        )}
        {review?.changed && proposals.length > 0 && (
          <MessageBar intent="warning" layout="multiline" data-testid="matching-cost">
            <MessageBarBody>
              {review.lastRun?.optimal
                ? t('board.cost', {
                    cost: number(review.cost, 1),
                    current: number(review.currentScore, 1),
                    optimum: number(review.lastRun.totalScore, 1),
                  })
                : t('board.costUnknown')}
            </MessageBarBody>
            <MessageBarActions>
              <Button onClick={() => void run.start()} disabled={!reviewable} data-testid="rerun-keeping-locks">
                {t('board.rerunKeepingLocks')}
              </Button>
            </MessageBarActions>
          </MessageBar>
        )}
      </Section>

      <Section
        title={t('board.proposals', { n: proposals.length })}
        level={3}
        id="proposals"
        actions={
          <Button
            appearance="primary"
            disabled={!reviewable || proposals.length === 0 || act.busy}
            onClick={() => setAsking('publish')}
            data-testid="publish"
          >
            {t('board.publish', { n: proposals.length })}
          </Button>
        }
      >
        <ErrorMessage error={act.error} onDismiss={act.clearError} />
        {review && cautioned > 0 && (
          <MessageBar intent="warning" layout="multiline" data-testid="cautions-summary">
            <MessageBarBody>
              {t('board.cautionsSummary', { n: cautioned, hours: review.timezoneHours, threshold: review.fitBelow })}
            </MessageBarBody>
          </MessageBar>
        )}
        {proposals.length === 0 ? (
          <Empty title={t('board.noProposals')}>{t('board.noProposalsHint')}</Empty>
        ) : (
          <ul className={s.list}>
            {proposals.map((pair) => (
              <ProposalCard
                key={pair.id}
                pair={pair}
                name={w.name}
                topicNames={topicNames}
                cautions={review?.cautions[pair.id] ?? []}
                selected={selected.includes(pair.id)}
                onSelect={(on) =>
                  setSelected((cur) =>
                    on ? [...cur.filter((x) => x !== pair.id), pair.id].slice(-2) : cur.filter((x) => x !== pair.id),
                  )
                }
                onLock={(locked) => void lock(pair.id, locked, pair.etag)}
                onExclude={() => setAsking({ exclude: pair.id })}
                busy={act.busy || !reviewable}
                readOnly={false}
              />
            ))}
          </ul>
        )}
        {selected.length > 0 && (
          <div className={s.swapBar} role="region" aria-label={t('board.swapRegion')}>
            <Text>{selected.length === 2 ? t('board.swapReady') : t('board.swapOne')}</Text>
            <Button
              appearance="primary"
              disabled={selected.length !== 2 || act.busy}
              onClick={() => void swap()}
              data-testid="swap"
            >
              {t('board.swap')}
            </Button>
            <Button onClick={() => setSelected([])}>{t('board.clearSelection')}</Button>
          </div>
        )}
      </Section>

      {result && result.unmatched.length > 0 && (
        <Section title={t('board.unmatched', { n: result.unmatched.length })} level={3} id="unmatched">
          <ul className={s.unmatched} data-testid="unmatched">
            {result.unmatched.map((u) => (
              <li key={u.userId} className={s.person}>
                <Text weight="semibold">
                  {w.name(u.userId)} <span className={s.meta}>· {tk(`role.${u.role}`)}</span>
                </Text>
                <Text className={s.meta}>{reason(u.reason, topicNames)}</Text>
              </li>
            ))}
          </ul>
        </Section>
      )}

      {awaiting.length > 0 && (
        <Section title={t('board.awaiting', { n: awaiting.length })} level={3} id="awaiting">
          <ul className={s.list}>
            {awaiting.map((pair) => (
              <ProposalCard
                key={pair.id}
                pair={pair}
                name={w.name}
                topicNames={topicNames}
                selected={false}
                onSelect={() => undefined}
                onLock={() => undefined}
                onExclude={() => undefined}
                busy
                readOnly
              />
            ))}
          </ul>
        </Section>
      )}

      <ConfirmDialog
        open={asking !== undefined}
        title={asking === 'publish' ? t('board.publishTitle', { n: proposals.length }) : t('board.excludeTitle')}
        confirmLabel={asking === 'publish' ? t('board.publish', { n: proposals.length }) : t('board.exclude')}
        onConfirm={() => (asking === 'publish' ? void publish() : asking ? void exclude(asking.exclude) : undefined)}
        onCancel={() => setAsking(undefined)}
        busy={act.busy}
      >
        {asking === 'publish' ? t('board.publishText') : t('board.excludeText')}
      </ConfirmDialog>
    </>
  );
}
