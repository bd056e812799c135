/** My data (GDPR): download everything Tandem stores about me, or erase it (totals in reports stay, without me). */
import { useState } from 'react';
import { Button, makeStyles, MessageBar, MessageBarBody, Text } from '@fluentui/react-components';
import { useApp } from '../../app/app-context';
import { useT } from '../../i18n/i18n-context';
import { useAction } from '../../hooks/use-action';
import { Section } from '../../components/layout';
import { ErrorMessage } from '../../components/error-message';
import { IrreversibleConfirmDialog } from '../../components/confirm-dialog';
import { download } from '../../components/download';

const useStyles = makeStyles({ actions: { display: 'flex', gap: '8px', flexWrap: 'wrap' } });

export function MyDataCard() {
  const s = useStyles();
  const { t } = useT();
  const { api, reloadMe } = useApp();
  const [asking, setAsking] = useState(false);
  const [erased, setErased] = useState(false);
  const exportData = useAction(() => download(api, { kind: 'my-data' }));
  const erase = useAction(async () => {
    await api.eraseMe();
    setAsking(false);
    setErased(true);
    await reloadMe();
  });
  return (
    <Section title={t('myData.title')} id="my-data">
      <Text>{t('myData.intro')}</Text>
      {erased && (
        <MessageBar intent="success">
          <MessageBarBody>{t('myData.erased')}</MessageBarBody>
        </MessageBar>
      )}
      <ErrorMessage error={exportData.error ?? erase.error} />
      <div className={s.actions}>
        <Button onClick={() => void exportData.run()} disabled={exportData.busy}>
          {t('myData.export')}
        </Button>
        <Button onClick={() => setAsking(true)}>{t('myData.erase')}</Button>
      </div>
      <IrreversibleConfirmDialog
        open={asking}
        title={t('myData.eraseTitle')}
        text={t('myData.eraseText')}
        confirmLabel={t('myData.eraseConfirm')}
        onConfirm={() => void erase.run()}
        onCancel={() => setAsking(false)}
        busy={erase.busy}
      />
    </Section>
  );
}
