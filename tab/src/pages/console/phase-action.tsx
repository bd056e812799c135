/**
 * The programme's next step as one clear action (start preparation, start matching, …), with what
 * it means in a confirmation; closing early is possible from any phase.
 */
import { useState } from 'react';
import { Button, makeStyles, Text, tokens } from '@fluentui/react-components';
import { useApp } from '../../app/app-context';
import { useT } from '../../i18n/i18n-context';
import type { MessageKey, Params } from '../../i18n/translate';
import { useAction } from '../../hooks/use-action';
import { ErrorMessage } from '../../components/error-message';
import { ConfirmDialog } from '../../components/confirm-dialog';
import type { Phase } from '../../api/types';
import { unpublishedProposals, useWorkspace } from './workspace-data';

const NEXT: Partial<Record<Phase, Phase>> = {
  draft: 'preparation',
  preparation: 'matching',
  matching: 'execution',
  execution: 'steering',
  steering: 'closed',
};

const useStyles = makeStyles({
  bar: {
    display: 'flex',
    alignItems: 'center',
    gap: '12px',
    flexWrap: 'wrap',
    padding: '10px 12px',
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  hint: { flex: '1 1 260px', color: tokens.colorNeutralForeground1 },
});

export function PhaseAction() {
  const s = useStyles();
  const { t } = useT();
  const { api } = useApp();
  const w = useWorkspace();
  const [asking, setAsking] = useState<Phase | undefined>();
  const phase = w.programme.phase;
  const next = NEXT[phase];
  const optedIn = w.participants.filter((p) => p.status === 'opted-in').length;
  const pending = unpublishedProposals(w.pairs).length;
  const published = w.pairs.filter(
    (p) => p.publishedAt && ['proposed', 'confirmed', 'active'].includes(p.status),
  ).length;
  const move = useAction(async (to: Phase) => {
    w.setProgramme(await api.changePhase(w.programme.id, to, w.programme.etag));
    setAsking(undefined);
    await w.reload();
  });
  const hint: [MessageKey, Params] | [MessageKey] =
    phase === 'draft'
      ? ['phaseAction.hint.draft']
      : phase === 'preparation'
        ? ['phaseAction.hint.preparation', { optedIn }]
        : phase === 'matching'
          ? pending
            ? ['phaseAction.hint.matchingPending', { pending }]
            : ['phaseAction.hint.matching', { published }]
          : phase === 'execution'
            ? ['phaseAction.hint.execution']
            : phase === 'steering'
              ? ['phaseAction.hint.steering']
              : ['phaseAction.hint.closed'];
  const blocked = phase === 'matching' && (published === 0 || pending > 0);
  return (
    <div className={s.bar}>
      <Text className={s.hint}>{t(hint[0], hint[1])}</Text>
      {next && (
        <Button
          appearance="primary"
          onClick={() => setAsking(next)}
          disabled={blocked || move.busy}
          data-testid="phase-next"
        >
          {t(`phaseAction.to.${next}` as MessageKey)}
        </Button>
      )}
      {phase === 'matching' && <Button onClick={() => setAsking('preparation')}>{t('phaseAction.back')}</Button>}
      {/* A draft has nothing to close early: no invitations, no pairs. */}
      {phase !== 'closed' && phase !== 'draft' && next !== 'closed' && (
        <Button appearance="subtle" onClick={() => setAsking('closed')}>
          {t('phaseAction.cancel')}
        </Button>
      )}
      <ErrorMessage error={move.error} onDismiss={move.clearError} />
      <ConfirmDialog
        open={asking !== undefined}
        title={asking ? t(`phaseAction.to.${asking}` as MessageKey) : ''}
        confirmLabel={asking ? t(`phaseAction.to.${asking}` as MessageKey) : ''}
        onConfirm={() => asking && void move.run(asking)}
        onCancel={() => setAsking(undefined)}
        busy={move.busy}
        danger={asking === 'closed'}
      >
        {asking
          ? t(`phaseAction.explain.${asking === 'closed' && next !== 'closed' ? 'cancel' : asking}` as MessageKey)
          : null}
      </ConfirmDialog>
    </div>
  );
}
