/**
 * One programme in the console, as a guided flow through its four steps: the stepper shows where the
 * programme is and opens each step's tools; the bar below says what comes next.
 */
import { useCallback, useMemo, useState } from 'react';
import { makeStyles, Text, ToggleButton, tokens } from '@fluentui/react-components';
import { useApp } from '../../app/app-context';
import { useT } from '../../i18n/i18n-context';
import { useResource } from '../../hooks/use-resource';
import { Loading, Section } from '../../components/layout';
import { ErrorMessage } from '../../components/error-message';
import { PhaseSteps, type Step } from '../../components/phase-steps';
import { StatusBadge } from '../../components/badges';
import type { Phase, Programme } from '../../api/types';
import { loadWorkspace, WorkspaceProvider, type Workspace } from './workspace-data';
import { PhaseAction } from './phase-action';
import { FrameEditor } from './preparation/frame-editor';
import { Invitations } from './preparation/invitations';
import { OptInFunnel } from './preparation/funnel';
import { MentorTraining } from './preparation/training';
import { MatchingBoard } from './matching/matching-board';
import { PairsAndMeetings } from './execution/pairs-meetings';
import { AnnouncementComposer } from './steering/announcement-composer';
import { ChannelPost } from './steering/channel-post';
import { AuditLog } from './steering/audit-log';
import { InterestList } from './steering/interest-list';
import { NextCohort } from './steering/next-cohort';
import { ParticipantsView } from './people/participants-view';
import { CoManagers } from './people/co-managers';

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

export function ProgrammeWorkspace({
  programmeId,
  onProgrammeChanged,
}: {
  programmeId: string;
  /** Told of every change to the programme (a new phase, a new name), so the programme list shows it too. */
  onProgrammeChanged?: (programme: Programme) => void;
}) {
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
      setProgramme: (programme) => {
        setProgramme((cur) => ({ ...(cur ?? data.data!), programme }));
        onProgrammeChanged?.(programme);
      },
    };
  }, [data.data, data.reload, setProgramme, onProgrammeChanged]);
  // The participants view sits beside the steps: choosing a step goes back to its tools.
  const [people, setPeople] = useState(false);
  const select = useCallback((x: Step) => {
    setStep(x);
    setPeople(false);
  }, []);
  if (!workspace) {
    return data.error ? (
      <ErrorMessage error={data.error} onRetry={() => void data.reload()} />
    ) : (
      <Loading label={t('common.loading')} />
    );
  }
  const p = workspace.programme;
  const shown = step ?? stepOf(p.phase);
  const tools = people ? undefined : shown;
  return (
    <WorkspaceProvider value={workspace}>
      <div className={s.stack}>
        <Section>
          <div className={s.head}>
            <h2 className={s.title} data-testid="workspace-title">
              {p.name}
            </h2>
            <StatusBadge kind="phase" value={p.phase} />
            <ToggleButton checked={people} onClick={() => setPeople((x) => !x)} data-testid="participants-toggle">
              {t('people.view.people')}
            </ToggleButton>
          </div>
          <PhaseSteps phase={p.phase} selected={shown} onSelect={select} label={t('workspace.steps')} />
          <Text className={s.intro}>{t(`workspace.intro.${shown}`)}</Text>
          <PhaseAction />
        </Section>
        {people && (
          <>
            <ParticipantsView />
            <CoManagers />
          </>
        )}
        {tools === 'preparation' && (
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
        {tools === 'matching' && <MatchingBoard />}
        {tools === 'execution' && <PairsAndMeetings />}
        {tools === 'steering' && (
          <>
            <AnnouncementComposer />
            <ChannelPost />
            <InterestList />
            <NextCohort />
            <AuditLog />
          </>
        )}
      </div>
    </WorkspaceProvider>
  );
}
