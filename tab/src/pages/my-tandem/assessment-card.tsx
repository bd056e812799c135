/** My self-assessment per topic at the start and at the end of the programme, and the change between them. */
import { useState } from 'react';
import { Button, makeStyles, Text, tokens } from '@fluentui/react-components';
import { useApp } from '../../app/app-context';
import { useT } from '../../i18n/i18n-context';
import { topicName } from '@tandem/core/model/topic-names';
import { useAction } from '../../hooks/use-action';
import { Section, Empty } from '../../components/layout';
import { ErrorMessage } from '../../components/error-message';
import { RatingDots, RatingInput } from '../../components/rating-input';
import type { MentorGain } from '../../api/types';
import type { Overview } from './overview-data';
// The API's rule itself (a pure function of core): the end one opens in the week of the last session.
import { endAssessmentOpensAt, isAssessmentOpen } from '@tandem/core/model/outcomes';

type Kind = 'start' | 'end';

/** What mentors are asked at the end besides the topics (core/model MENTOR_GAINS). */
const MENTOR_GAINS: MentorGain[] = ['leadership', 'seniorPerspective'];

const useStyles = makeStyles({
  table: { width: '100%', borderCollapse: 'collapse', fontSize: tokens.fontSizeBase300 },
  th: {
    textAlign: 'start',
    fontWeight: tokens.fontWeightSemibold,
    padding: '4px 8px 4px 0',
    color: tokens.colorNeutralForeground2,
  },
  td: { padding: '6px 8px 6px 0', borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}` },
  form: { display: 'flex', flexDirection: 'column', gap: '10px' },
  topic: { display: 'flex', flexDirection: 'column', gap: '2px' },
  actions: { display: 'flex', gap: '8px' },
});

function AssessmentForm({ overview, kind, onDone }: { overview: Overview; kind: Kind; onDone(): Promise<void> }) {
  const s = useStyles();
  const { t, lang } = useT();
  const { api } = useApp();
  const stored = overview.assessments.find((a) => a.kind === kind);
  const [ratings, setRatings] = useState<Record<string, number>>(stored?.ratings ?? {});
  const [gains, setGains] = useState<Partial<Record<MentorGain, number>>>(stored?.gains ?? {});
  const asksGains = kind === 'end' && overview.participant.role === 'mentor';
  const save = useAction(async () => {
    await api.submitAssessment(overview.programme.id, kind, ratings, asksGains ? gains : undefined);
    await onDone();
  });
  const complete = overview.programme.topics.every((topic) => ratings[topic.id]);
  return (
    <form
      className={s.form}
      onSubmit={(e) => {
        e.preventDefault();
        if (complete) void save.run();
      }}
    >
      <Text>{t(kind === 'start' ? 'assessment.startIntro' : 'assessment.endIntro')}</Text>
      {overview.programme.topics.map((topic) => (
        <div key={topic.id} className={s.topic}>
          <Text weight="semibold" id={`assess-${kind}-${topic.id}`}>
            {topicName(topic, lang)}
          </Text>
          <RatingInput
            scale="skill"
            value={ratings[topic.id]}
            onChange={(v) => setRatings((r) => ({ ...r, [topic.id]: v }))}
            labelledBy={`assess-${kind}-${topic.id}`}
          />
        </div>
      ))}
      {asksGains && (
        <>
          <Text weight="semibold">{t('assessment.gainsTitle')}</Text>
          <Text size={200}>{t('assessment.gainsIntro')}</Text>
          {MENTOR_GAINS.map((gain) => (
            <div key={gain} className={s.topic}>
              <Text id={`gain-${gain}`}>{t(`assessment.gain.${gain}`)}</Text>
              <RatingInput
                scale="skill"
                value={gains[gain]}
                onChange={(v) => setGains((g) => ({ ...g, [gain]: v }))}
                labelledBy={`gain-${gain}`}
              />
            </div>
          ))}
        </>
      )}
      <ErrorMessage error={save.error} onDismiss={save.clearError} />
      <div className={s.actions}>
        <Button appearance="primary" type="submit" disabled={!complete || save.busy}>
          {t('assessment.save')}
        </Button>
      </div>
    </form>
  );
}

export function AssessmentCard({ overview, onChange }: { overview: Overview; onChange(): Promise<void> }) {
  const s = useStyles();
  const { t, date, lang } = useT();
  const { now } = useApp();
  const [editing, setEditing] = useState<Kind | undefined>();
  const { programme, participant } = overview;
  const start = overview.assessments.find((a) => a.kind === 'start');
  const end = overview.assessments.find((a) => a.kind === 'end');
  const takingPart = participant.status === 'opted-in' || participant.status === 'paused';
  const endOpensAt = endAssessmentOpensAt(overview.meetings);
  const openKinds = (['start', 'end'] as const).filter(
    (k) => takingPart && isAssessmentOpen(k, programme.phase, endOpensAt, now()),
  );
  const endLater =
    takingPart && programme.phase === 'execution' && !openKinds.includes('end') && endOpensAt !== undefined;
  const done = async () => {
    setEditing(undefined);
    await onChange();
  };
  return (
    <Section title={t('assessment.title')} id="assessments">
      {editing ? (
        <AssessmentForm overview={overview} kind={editing} onDone={done} />
      ) : !start && !end ? (
        <Empty title={t('assessment.none')}>
          {openKinds.length ? t('assessment.noneOpen') : t('assessment.noneLater')}
        </Empty>
      ) : (
        <table className={s.table}>
          <thead>
            <tr>
              <th className={s.th} scope="col">
                {t('assessment.topic')}
              </th>
              <th className={s.th} scope="col">
                {t('assessment.start')}
              </th>
              <th className={s.th} scope="col">
                {t('assessment.end')}
              </th>
            </tr>
          </thead>
          <tbody>
            {programme.topics.map((topic) => {
              const a = start?.ratings[topic.id];
              const b = end?.ratings[topic.id];
              return (
                <tr key={topic.id}>
                  <th className={s.td} scope="row" style={{ fontWeight: 'normal', textAlign: 'start' }}>
                    {topicName(topic, lang)}
                  </th>
                  <td className={s.td}>
                    {a ? <RatingDots value={a} label={t('assessment.valueAria', { value: a })} /> : '–'}
                  </td>
                  <td className={s.td}>
                    {b ? <RatingDots value={b} label={t('assessment.valueAria', { value: b })} /> : '–'}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      {!editing && endLater && endOpensAt && (
        <Text size={200} data-testid="end-assessment-opens">
          {t('assessment.endOpens', { date: date(endOpensAt) })}
        </Text>
      )}
      {!editing && openKinds.length > 0 && (
        <div className={s.actions}>
          {openKinds.map((k) => (
            <Button
              key={k}
              onClick={() => setEditing(k)}
              appearance={overview.assessments.some((a) => a.kind === k) ? 'secondary' : 'primary'}
            >
              {t(overview.assessments.some((a) => a.kind === k) ? `assessment.edit.${k}` : `assessment.give.${k}`)}
            </Button>
          ))}
        </div>
      )}
    </Section>
  );
}
