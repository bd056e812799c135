/** The programme's recent changes (who did what, when), for the programme manager. */
import { useApp } from '../../../app/app-context';
import { useT } from '../../../i18n/i18n-context';
import { useResource } from '../../../hooks/use-resource';
import { Section, Loading, Empty } from '../../../components/layout';
import { ErrorMessage } from '../../../components/error-message';
import { DataTable } from '../../../components/data-table';
import { useWorkspace } from '../workspace-data';
import type { Audit } from '../../../api/types';

export function AuditLog() {
  const { t, tk, has, dateTime } = useT();
  const { api } = useApp();
  const w = useWorkspace();
  const audit = useResource(() => api.audit(w.programme.id), [api, w.programme.id, w.programme.etag]);
  const actor = (a: { actor: string; actorName?: string }) =>
    a.actor.startsWith('timer:') || a.actor.startsWith('job:') ? t('audit.system') : (a.actorName ?? w.name(a.actor));
  const what = (a: Audit) => {
    const from = a.details?.from;
    const to = a.details?.to;
    // A phase change says which: "moved the programme from Preparation to Matching".
    if (a.action === 'programme.phase' && typeof from === 'string' && typeof to === 'string')
      return t('audit.action.programme.phaseFromTo', { from: tk(`phase.${from}`), to: tk(`phase.${to}`) });
    return has(`audit.action.${a.action}`) ? tk(`audit.action.${a.action}`) : a.action;
  };
  return (
    <Section title={t('audit.title')} level={3} id="audit">
      {audit.error ? (
        <ErrorMessage error={audit.error} />
      ) : !audit.data ? (
        <Loading label={t('common.loading')} />
      ) : audit.data.items.length === 0 ? (
        <Empty title={t('audit.none')} />
      ) : (
        <DataTable
          rowKey={(a) => a.id}
          rows={[...audit.data.items].sort((a, b) => b.at.localeCompare(a.at)).slice(0, 50)}
          columns={[
            { key: 'at', header: t('audit.when'), cell: (a) => dateTime(a.at) },
            { key: 'who', header: t('audit.who'), cell: (a) => actor(a) },
            {
              key: 'what',
              header: t('audit.what'),
              cell: (a) => what(a),
            },
          ]}
        />
      )}
    </Section>
  );
}
