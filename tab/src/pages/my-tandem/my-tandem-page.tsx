/**
 * My tandem: for everyone. My status in each programme, my partner and why we were paired, my next
 * meetings, the session guide, my feedback and self-assessments, my profile, and my data.
 */
import { useState } from 'react';
import { makeStyles, Text, tokens, mergeClasses } from '@fluentui/react-components';
import { useApp } from '../../app/app-context';
import { useT } from '../../i18n/i18n-context';
import { useResource } from '../../hooks/use-resource';
import { Page, PageHeader, Loading, Empty, Section } from '../../components/layout';
import { ErrorMessage } from '../../components/error-message';
import { StatusBadge } from '../../components/badges';
import type { Me } from '../../api/types';
import { loadOverview } from './overview-data';
import { StatusCard } from './status-card';
import { PartnerCard } from './partner-card';
import { MeetingsCard } from './meetings-card';
import { GuideCard } from './guide-card';
import { FeedbackCard } from './feedback-card';
import { AssessmentCard } from './assessment-card';
import { ProfileCard } from './profile-card';
import { MyDataCard } from './my-data-card';
import { ConsentCard } from './consent-card';
import { InterestCard, offersInterest } from './interest-card';
// The API's rule (a pure function of core): no "next cohort?" offer while taking part in this one.
import { isTakingPart } from '@tandem/core/model/interest';

const useStyles = makeStyles({
  columns: {
    display: 'grid',
    gap: '16px',
    gridTemplateColumns: 'minmax(0, 3fr) minmax(0, 2fr)',
    alignItems: 'start',
    '@media (max-width: 900px)': { gridTemplateColumns: 'minmax(0, 1fr)' },
  },
  column: { display: 'flex', flexDirection: 'column', gap: '16px', minWidth: 0 },
  chooser: { display: 'flex', gap: '8px', flexWrap: 'wrap', listStyle: 'none', margin: 0, padding: 0 },
  choice: {
    display: 'flex',
    flexDirection: 'column',
    alignItems: 'flex-start',
    gap: '4px',
    padding: '10px 14px',
    borderRadius: tokens.borderRadiusLarge,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
    cursor: 'pointer',
    font: 'inherit',
    textAlign: 'start',
    ':hover': { backgroundColor: tokens.colorNeutralBackground1Hover },
  },
  chosen: {
    border: `${tokens.strokeWidthThick} solid ${tokens.colorBrandStroke1}`,
    padding: '9px 13px',
  },
});

const ORDER: Record<string, number> = { invited: 0, 'opted-in': 1, paused: 2, left: 3 };

export function sortEnrollments(list: Me['enrollments']): Me['enrollments'] {
  const closed = (e: Me['enrollments'][number]) => (e.phase === 'closed' ? 1 : 0);
  return [...list].sort(
    (a, b) =>
      closed(a) - closed(b) ||
      (ORDER[a.status] ?? 9) - (ORDER[b.status] ?? 9) ||
      a.programmeName.localeCompare(b.programmeName),
  );
}

function ProgrammeOverview({ programmeId }: { programmeId: string }) {
  const s = useStyles();
  const { t } = useT();
  const { api } = useApp();
  const overview = useResource(() => loadOverview(api, programmeId), [api, programmeId]);
  if (!overview.data) {
    return overview.error ? (
      <ErrorMessage error={overview.error} onRetry={() => void overview.reload()} />
    ) : (
      <Loading label={t('common.loading')} />
    );
  }
  const o = overview.data;
  const reload = overview.reload;
  const takingPart = o.participant.status !== 'invited' && o.participant.status !== 'left';
  return (
    <div className={s.columns}>
      <div className={s.column}>
        <StatusCard overview={o} onChange={reload} />
        {takingPart && <PartnerCard overview={o} onChange={reload} />}
        {takingPart && <MeetingsCard overview={o} onChange={reload} />}
        {takingPart && <FeedbackCard overview={o} onChange={reload} />}
      </div>
      <div className={s.column}>
        <GuideCard overview={o} />
        {takingPart && <AssessmentCard overview={o} onChange={reload} />}
        <ProfileCard overview={o} onChange={reload} />
        {o.participant.consent && o.participant.status !== 'left' && <ConsentCard overview={o} onChange={reload} />}
        {offersInterest(o.programme.phase) && !isTakingPart(o.participant, o.programme.phase) && (
          <InterestCard programme={o.programme} />
        )}
      </div>
    </div>
  );
}

export function MyTandemPage() {
  const s = useStyles();
  const { t } = useT();
  const { me } = useApp();
  const enrollments = sortEnrollments(me.enrollments);
  const [chosen, setChosen] = useState<string | undefined>(enrollments[0]?.programmeId);
  const selected = enrollments.find((e) => e.programmeId === chosen) ?? enrollments[0];
  const first = (me.displayName ?? '').split(/\s+/)[0];
  return (
    <Page>
      <PageHeader
        title={t('myTandem.title')}
        subtitle={first ? t('myTandem.hello', { name: first }) : t('myTandem.helloAnon')}
      />
      {enrollments.length === 0 ? (
        <Section>
          <Empty title={t('myTandem.none')}>{t('myTandem.noneHint')}</Empty>
        </Section>
      ) : (
        <>
          {enrollments.length > 1 && (
            <nav aria-label={t('myTandem.programmes')}>
              <ul className={s.chooser}>
                {enrollments.map((e) => (
                  <li key={e.programmeId}>
                    <button
                      type="button"
                      className={mergeClasses(s.choice, selected?.programmeId === e.programmeId && s.chosen)}
                      aria-current={selected?.programmeId === e.programmeId ? 'true' : undefined}
                      onClick={() => setChosen(e.programmeId)}
                    >
                      <Text weight="semibold">{e.programmeName}</Text>
                      <span style={{ display: 'flex', gap: 6 }}>
                        <StatusBadge kind="status" value={e.status} />
                        <StatusBadge kind="phase" value={e.phase} />
                      </span>
                    </button>
                  </li>
                ))}
              </ul>
            </nav>
          )}
          {selected && <ProgrammeOverview key={selected.programmeId} programmeId={selected.programmeId} />}
        </>
      )}
      <MyDataCard />
    </Page>
  );
}
