/** Mentor training: which mentors are trained (a condition for matching when the programme requires it). */
import { Button } from '@fluentui/react-components';
import { useApp } from '../../../app/app-context';
import { useT } from '../../../i18n/i18n-context';
import { useAction } from '../../../hooks/use-action';
import { Section, Empty } from '../../../components/layout';
import { ErrorMessage } from '../../../components/error-message';
import { DataTable } from '../../../components/data-table';
import { Badge } from '../../../components/badges';
import { useWorkspace } from '../workspace-data';
import { TrainingModulesEditor } from './training-modules';

export function MentorTraining() {
  const { t, date } = useT();
  const { api } = useApp();
  const w = useWorkspace();
  const mentors = w.participants
    .filter((p) => p.role === 'mentor' && (p.status === 'opted-in' || p.status === 'paused'))
    .sort(
      (a, b) =>
        Number(Boolean(a.trainingCompletedAt)) - Number(Boolean(b.trainingCompletedAt)) ||
        a.displayName.localeCompare(b.displayName),
    );
  const trained = mentors.filter((m) => m.trainingCompletedAt).length;
  // Modules ticked of the programme's current modules (as the API's trainingProgress counts them).
  const modules = w.programme.trainingModules ?? [];
  const mark = useAction(async (userId: string) => {
    await api.recordTraining(w.programme.id, userId);
    await w.reload();
  });
  return (
    <Section title={t('training.title')} level={3} id="training">
      {!w.programme.trainingRequired && <span>{t('training.notRequired')}</span>}
      <TrainingModulesEditor />
      <ErrorMessage error={mark.error} onDismiss={mark.clearError} />
      {mentors.length === 0 ? (
        <Empty title={t('training.none')} />
      ) : (
        <DataTable
          caption={t('training.summary', { trained, all: mentors.length })}
          rowKey={(m) => m.userId}
          rows={mentors}
          columns={[
            { key: 'name', header: t('training.mentor'), cell: (m) => m.displayName },
            {
              key: 'status',
              header: t('training.status'),
              cell: (m) => (
                <>
                  {m.trainingCompletedAt ? (
                    <Badge tone="success">{t('training.done', { date: date(m.trainingCompletedAt) })}</Badge>
                  ) : (
                    <Badge tone="warning">{t('training.open')}</Badge>
                  )}
                  {modules.length > 0 && (
                    <div>
                      {t('training.modulesDone', {
                        done: modules.filter((x) => m.trainingModulesDone?.[x.id]).length,
                        total: modules.length,
                      })}
                    </div>
                  )}
                </>
              ),
            },
            {
              key: 'action',
              header: <span className="visually-hidden">{t('training.action')}</span>,
              cell: (m) =>
                m.trainingCompletedAt ? null : (
                  <Button
                    size="small"
                    onClick={() => void mark.run(m.userId)}
                    disabled={mark.busy}
                    aria-label={t('training.markAria', { name: m.displayName })}
                  >
                    {t('training.mark')}
                  </Button>
                ),
            },
          ]}
        />
      )}
    </Section>
  );
}
