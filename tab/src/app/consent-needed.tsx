/**
 * Signing in inside Teams needs the person (their consent, or a prompt of their organisation's
 * sign-in policy): a button opens Entra ID's page in Teams' authentication popup, then the tab tries again.
 */
import { Button, MessageBar, MessageBarBody, Text } from '@fluentui/react-components';
import { useT } from '../i18n/i18n-context';
import { useAction } from '../hooks/use-action';
import { Page, PageHeader, Section } from '../components/layout';

export function ConsentNeeded({ consent, onDone }: { consent: () => Promise<void>; onDone: () => void }) {
  const { t } = useT();
  const run = useAction(async () => {
    await consent();
    onDone();
  });
  return (
    <Page>
      <PageHeader title={t('signInConsent.title')} />
      <Section>
        <Text>{t('signInConsent.text')}</Text>
        {run.error !== undefined && (
          <MessageBar intent="warning" role="alert">
            <MessageBarBody>{t('signInConsent.notGiven')}</MessageBarBody>
          </MessageBar>
        )}
        <div>
          <Button appearance="primary" onClick={() => void run.run()} disabled={run.busy} data-testid="consent">
            {t('signInConsent.button')}
          </Button>
        </div>
      </Section>
    </Page>
  );
}
