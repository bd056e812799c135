/**
 * "Next cohort from this one": a new draft with this programme's topics and guides, frame, training
 * modules, settings and co-managers, and (in the same step) invitations for its interest list.
 */
import { useState } from 'react';
import {
  Button,
  Checkbox,
  Field,
  Input,
  Link,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Text,
  tokens,
} from '@fluentui/react-components';
import { useApp } from '../../../app/app-context';
import { useT } from '../../../i18n/i18n-context';
import { useAction } from '../../../hooks/use-action';
import { useResource } from '../../../hooks/use-resource';
import { Section } from '../../../components/layout';
import { ErrorMessage } from '../../../components/error-message';
import type { CloneResult } from '../../../api/manage-endpoints';
import { useWorkspace } from '../workspace-data';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: '12px', alignItems: 'flex-start' },
  name: { width: 'min(420px, 100%)' },
  meta: { color: tokens.colorNeutralForeground2 },
});

/** The console's address for a programme (a full load, so the programme list shows the new one). */
function programmeHref(id: string): string {
  const url = new URL(location.href);
  url.searchParams.set('view', 'programmes');
  url.searchParams.set('programme', id);
  return url.href;
}

export function NextCohort() {
  const s = useStyles();
  const { t } = useT();
  const { api } = useApp();
  const w = useWorkspace();
  const id = w.programme.id;
  const count = useResource(() => api.interestCount(id), [api, id]);
  const [name, setName] = useState(`${w.programme.name} (2)`);
  const [invite, setInvite] = useState(true);
  const [result, setResult] = useState<CloneResult>();
  const listed = count.data?.count ?? 0;
  const clone = useAction(async () => {
    setResult(await api.cloneProgramme(id, { name: name.trim(), inviteInterested: invite && listed > 0 }));
  });
  return (
    <Section title={t('nextCohort.title')} level={3} id="next-cohort">
      <Text className={s.meta}>{t('nextCohort.intro')}</Text>
      <ErrorMessage error={clone.error} />
      {result ? (
        <MessageBar intent="success" data-testid="next-cohort-result">
          <MessageBarBody>
            {t('nextCohort.done', { name: result.programme.name })}{' '}
            {result.invited && t('nextCohort.invited', { n: result.invited.invited })}{' '}
            <Link href={programmeHref(result.programme.id)}>
              {t('nextCohort.open', { name: result.programme.name })}
            </Link>
          </MessageBarBody>
        </MessageBar>
      ) : (
        <form
          className={s.form}
          onSubmit={(e) => {
            e.preventDefault();
            void clone.run();
          }}
        >
          <Field label={t('nextCohort.name')} className={s.name} required>
            <Input value={name} maxLength={120} onChange={(_, d) => setName(d.value)} data-testid="next-cohort-name" />
          </Field>
          <Checkbox
            label={t('nextCohort.invite', { n: listed })}
            checked={invite && listed > 0}
            disabled={listed === 0}
            onChange={(_, d) => setInvite(Boolean(d.checked))}
            data-testid="next-cohort-invite"
          />
          <Button
            type="submit"
            appearance="primary"
            disabled={!name.trim() || clone.busy}
            data-testid="next-cohort-create"
          >
            {t('nextCohort.create')}
          </Button>
        </form>
      )}
    </Section>
  );
}
