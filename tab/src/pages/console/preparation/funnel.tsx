/** The opt-in funnel so far: who was invited, who is in, who paused or left, by role. */
import { useT } from '../../../i18n/i18n-context';
import { Section } from '../../../components/layout';
import { BarList } from '../../../components/charts/bar-list';
import { useWorkspace } from '../workspace-data';

export function OptInFunnel() {
  const { t } = useT();
  const w = useWorkspace();
  const people = w.participants;
  const count = (f: (p: (typeof people)[number]) => boolean) => people.filter(f).length;
  const inNow = (p: (typeof people)[number]) => p.status === 'opted-in' || p.status === 'paused';
  const bars = [
    { label: t('funnel.invited'), value: people.length },
    { label: t('funnel.answered'), value: count((p) => p.status !== 'invited') },
    { label: t('funnel.optedIn'), value: count(inNow) },
    { label: t('funnel.mentors'), value: count((p) => inNow(p) && p.role === 'mentor') },
    { label: t('funnel.mentees'), value: count((p) => inNow(p) && p.role === 'mentee') },
    {
      label: t('funnel.trained'),
      value: count((p) => inNow(p) && p.role === 'mentor' && Boolean(p.trainingCompletedAt)),
    },
    { label: t('funnel.left'), value: count((p) => p.status === 'left') },
  ];
  return (
    <Section title={t('funnel.title')} level={3} id="opt-in-funnel">
      <BarList label={t('funnel.aria', { invited: people.length, optedIn: count(inNow) })} bars={bars} />
    </Section>
  );
}
