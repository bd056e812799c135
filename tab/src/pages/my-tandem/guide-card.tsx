/** The session guide: what a pair could cover in a session on its topic, then the programme's other topics. */
import { makeStyles, Text, tokens } from '@fluentui/react-components';
import { useT } from '../../i18n/i18n-context';
import { topicName } from '@tandem/core/model/topic-names';
import { Section, Empty } from '../../components/layout';
import { currentPair, type Overview } from './overview-data';

const useStyles = makeStyles({
  lead: {
    padding: '12px',
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground2,
    display: 'flex',
    flexDirection: 'column',
    gap: '4px',
  },
  more: { display: 'flex', flexDirection: 'column', gap: '6px' },
  summary: { cursor: 'pointer', fontWeight: tokens.fontWeightSemibold, padding: '4px 0' },
});

export function GuideCard({ overview }: { overview: Overview }) {
  const s = useStyles();
  const { t, lang } = useT();
  const { programme, participant } = overview;
  const pair = currentPair(overview.pairs);
  const mine = participant.role === 'mentor' ? participant.teachTopics : participant.learnTopics;
  const leadId = pair?.topicId ?? mine?.[0];
  const withGuide = programme.topics.filter((topic) => topic.guide);
  const lead = withGuide.find((topic) => topic.id === leadId) ?? withGuide[0];
  const others = withGuide.filter((topic) => topic !== lead);
  return (
    <Section title={t('guide.title')} id="guide">
      {!lead ? (
        <Empty title={t('guide.none')} />
      ) : (
        <>
          <div className={s.lead} data-testid="session-guide">
            <Text weight="semibold">{lead.name}</Text>
            <Text>{lead.guide?.[lang]}</Text>
          </div>
          {others.length > 0 && (
            <details className={s.more}>
              <summary className={s.summary}>{t('guide.others')}</summary>
              {others.map((topic) => (
                <div key={topic.id} className={s.lead} style={{ marginTop: 6 }}>
                  <Text weight="semibold">{topicName(topic, lang)}</Text>
                  <Text>{topic.guide?.[lang]}</Text>
                </div>
              ))}
            </details>
          )}
        </>
      )}
    </Section>
  );
}
