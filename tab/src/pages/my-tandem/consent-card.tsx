/**
 * My consent: the wording I agreed to (in my language, with its version and date), and withdrawing
 * it — which leaves the programme and erases my data in it (POST …/participants/me/consent/withdraw).
 */
import { useState } from 'react';
import { Button, MessageBar, MessageBarBody, Text } from '@fluentui/react-components';
import { useApp } from '../../app/app-context';
import { useT } from '../../i18n/i18n-context';
import { useAction } from '../../hooks/use-action';
import { useResource } from '../../hooks/use-resource';
import { Section } from '../../components/layout';
import { ErrorMessage } from '../../components/error-message';
import { IrreversibleConfirmDialog } from '../../components/confirm-dialog';
import type { Overview } from './overview-data';

export function ConsentCard({ overview, onChange }: { overview: Overview; onChange(): Promise<void> }) {
  const { t, lang, date } = useT();
  const { api, reloadMe } = useApp();
  const id = overview.programme.id;
  const consent = useResource(() => api.myConsent(id), [api, id]);
  const [asking, setAsking] = useState(false);
  const [withdrawn, setWithdrawn] = useState(false);
  const withdraw = useAction(async () => {
    await api.withdrawConsent(id);
    setAsking(false);
    setWithdrawn(true);
    await Promise.all([onChange(), reloadMe()]);
  });
  if (withdrawn)
    return (
      <MessageBar intent="success">
        <MessageBarBody>{t('consent.withdrawn')}</MessageBarBody>
      </MessageBar>
    );
  const agreed = consent.data?.agreed;
  if (!agreed) return consent.error ? <ErrorMessage error={consent.error} /> : null;
  const params = { date: date(agreed.at), version: agreed.textVersion };
  return (
    <Section title={t('consent.title')} id="my-consent">
      <Text block>{t(agreed.text ? 'consent.agreed' : 'consent.unrecorded', params)}</Text>
      {agreed.text && (
        <Text block italic data-testid="consent-text">
          {lang === 'de' ? agreed.text.de : agreed.text.en}
        </Text>
      )}
      <ErrorMessage error={withdraw.error} />
      <div>
        <Button onClick={() => setAsking(true)}>{t('consent.withdraw')}</Button>
      </div>
      <IrreversibleConfirmDialog
        open={asking}
        title={t('consent.withdrawTitle')}
        text={t('consent.withdrawText')}
        confirmLabel={t('consent.withdrawConfirm')}
        onConfirm={() => void withdraw.run()}
        onCancel={() => setAsking(false)}
        busy={withdraw.busy}
      />
    </Section>
  );
}
