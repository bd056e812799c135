/**
 * One programme in the console, as a guided flow through its four steps: the stepper shows where the
 * programme is and opens each step's tools; the bar below says what comes next.
 */
import { useCallback, useMemo, useState } from 'react';
import { makeStyles, Text, tokens } from '@fluentui/react-components';
import { useApp } from '../../app/app-context';
import { useT } from '../../i18n/i18n-context';
import { useResource } from '../../hooks/use-resource';
import { Loading, Section } from '../../components/layout';
import { ErrorMessage } from '../../components/error-message';
import { PhaseSteps, type Step } from '../../components/phase-steps';
import { StatusBadge } from '../../components/badges';
import type { Phase } from '../../api/types';
import { loadWorkspace, WorkspaceProvider, type Workspace } from './workspace-data';
import { PhaseAction } from './phase-action';
import { FrameEditor } from './preparation/frame-editor';
import { Invitations } from './preparation/invitations';
import { OptInFunnel } from './preparation/funnel';
import { MentorTraining } from './preparation/training';
import { MatchingBoard } from './matching/matching-board';
import { PairsAndMeetings } from './execution/pairs-meetings';
import { AnnouncementComposer } from './steering/announcement-composer';
import { AuditLog } from './steering/audit-log';
import { InterestList } from './steering/interest-list';

const useStyles = makeStyles({
  stack: { display: 'flex', flexDirection: 'column', gap: '16px', minWidth: 0 },
  head: { display: 'flex', alignItems: 'center', gap: '10px', flexWrap: 'wrap' },
  title: { margin: 0, fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold },
  two: {
    display: 'grid',
    gap: '16px',
    gridTemplateColumns: 'minmax(0, 1fr) minmax(0, 1fr)',
    alignItems: 'start',
    '@media (max-width: 1100px)': { gridTemplateColumns: 'minmax(0, 1fr)' },
  },
  intro: { color: tokens.colorNeutralForeground2 },
});

export function stepOf(phase: Phase): Step {
  return phase === 'draft' ? 'preparation' : phase === 'closed' ? 'steering' : phase;
}

export function ProgrammeWorkspace({ programmeId }: { programmeId: string }) {
  const s = useStyles();
  const { t } = useT();
  const { api } = useApp();
  const data = useResource(() => loadWorkspace(api, programmeId), [api, programmeId]);
  const [step, setStep] = useState<Step | undefined>();
  const setProgramme = data.set;
  const workspace = useMemo<Workspace | undefined>(() => {
    if (!data.data) return undefined;
    const names = new Map(data.data.participants.map((p) => [p.userId, p.displayName]));
    return {
      ...data.data,
      name: (id: string) => names.get(id) ?? id,
      reload: data.reload,
      setProgramme: (programme) => setProgramme((cur) => ({ ...(cur ?? data.data!), programme })),
    };
  }, [data.data, data.reload, setProgramme]);
  const select = useCallback((x: Step) => setStep(x), []);
  if (!workspace) {
    return data.error ? (
      <ErrorMessage error={data.error} onRetry={() => void data.reload()} />
    ) : (
      <Loading label={t('common.loading')} />
    );
  }
  const p = workspace.programme;
  const shown = step ?? stepOf(p.phase);
  return (
    <WorkspaceProvider value={workspace}>
      <div className={s.stack}>
        <Section>
          <div className={s.head}>
            <h2 className={s.title} data-testid="workspace-title">
              {p.name}
            </h2>
            <StatusBadge kind="phase" value={p.phase} />
          </div>
          <PhaseSteps phase={p.phase} selected={shown} onSelect={select} label={t('workspace.steps')} />
          <Text className={s.intro}>{t(`workspace.intro.${shown}`)}</Text>
          <PhaseAction />
        </Section>
        {shown === 'preparation' && (
          <>
            <div className={s.two}>
              <Invitations />
              <div className={s.stack}>
                <OptInFunnel />
                <MentorTraining />
              </div>
            </div>
            <FrameEditor />
          </>
        )}
        {shown === 'matching' && <MatchingBoard />}
        {shown === 'execution' && <PairsAndMeetings />}
        {shown === 'steering' && (
          <>
            <AnnouncementComposer />
            <InterestList />
            <AuditLog />
          </>
        )}
      </div>
    </WorkspaceProvider>
  );
}
