/**
 * The time commitment an invitation asks for, as the invitation card shows it: the programme's dates,
 * the cadence and n × minutes.
 */
import { makeStyles, Text, tokens } from '@fluentui/react-components';
import type { Programme } from '../../api/types';
import { useT } from '../../i18n/i18n-context';

const useStyles = makeStyles({
  box: {
    padding: '10px 12px',
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground2,
    display: 'flex',
    flexDirection: 'column',
    gap: '2px',
  },
});

export function Commitment({ programme }: { programme: Pick<Programme, 'cadence' | 'kickoffAt' | 'closingAt'> }) {
  const s = useStyles();
  const { t, date, number } = useT();
  const c = programme.cadence;
  const total = c.sessions * c.sessionMinutes;
  return (
    <div className={s.box} data-testid="commitment">
      <Text weight="semibold">{t('commitment.title')}</Text>
      {programme.kickoffAt && programme.closingAt && (
        <Text>{t('commitment.dates', { kickoff: date(programme.kickoffAt), closing: date(programme.closingAt) })}</Text>
      )}
      <Text>
        {t('commitment.cadence', {
          sessions: c.sessions,
          minutes: c.sessionMinutes,
          weeks: c.intervalWeeks,
          weekday: t(`weekday.${c.weekday}`),
        })}
      </Text>
      <Text size={200}>{t('commitment.total', { hours: number(total / 60, 1) })}</Text>
    </div>
  );
}
