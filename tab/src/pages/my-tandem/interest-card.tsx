/** "Interested in the next cohort?": puts the person on the programme's interest list, or takes them off it. */
import { Button, makeStyles, MessageBar, MessageBarBody, Text } from '@fluentui/react-components';
import { useApp } from '../../app/app-context';
import { useT } from '../../i18n/i18n-context';
import { useAction } from '../../hooks/use-action';
import { useResource } from '../../hooks/use-resource';
import { Section } from '../../components/layout';
import { ErrorMessage } from '../../components/error-message';
import type { Phase, Programme } from '../../api/types';

const useStyles = makeStyles({ actions: { display: 'flex', gap: '8px', flexWrap: 'wrap' } });

/** The next cohort is a question once this one is running (before that, people join this one). */
export function offersInterest(phase: Phase): boolean {
  return phase === 'execution' || phase === 'steering' || phase === 'closed';
}

export function InterestCard({ programme }: { programme: Pick<Programme, 'id' | 'name'> }) {
  const s = useStyles();
  const { t, date } = useT();
  const { api } = useApp();
  const mine = useResource(() => api.myInterest(programme.id), [api, programme.id]);
  const register = useAction(async () => mine.set(await api.registerInterest(programme.id)));
  const withdraw = useAction(async () => {
    await api.withdrawInterest(programme.id);
    mine.set(undefined);
  });
  const busy = mine.loading || register.busy || withdraw.busy;
  return (
    <Section title={t('interest.title')} id="next-cohort">
      <ErrorMessage error={mine.error ?? register.error ?? withdraw.error} />
      {mine.data ? (
        <>
          <MessageBar intent="success" data-testid="interest-noted">
            <MessageBarBody>{t('interest.noted', { date: date(mine.data.registeredAt) })}</MessageBarBody>
          </MessageBar>
          <div className={s.actions}>
            <Button onClick={() => void withdraw.run()} disabled={busy}>
              {t('interest.withdraw')}
            </Button>
          </div>
        </>
      ) : (
        <>
          <Text>{t('interest.intro', { programme: programme.name })}</Text>
          <div className={s.actions}>
            <Button appearance="primary" onClick={() => void register.run()} disabled={busy}>
              {t('interest.register')}
            </Button>
          </div>
        </>
      )}
    </Section>
  );
}
