/**
 * A mentor's training, module by module: each module's title, text and link in the reader's language,
 * and a button to tick it; trained once every module is ticked (the same as the bot's checklist card).
 */
import { Button, makeStyles, Text, tokens } from '@fluentui/react-components';
import { ExternalLink } from '../../components/external-link';
import type { Participant, Programme } from '../../api/types';
import { useApp } from '../../app/app-context';
import { useT } from '../../i18n/i18n-context';
import { useAction } from '../../hooks/use-action';
import { ErrorMessage } from '../../components/error-message';

const useStyles = makeStyles({
  list: { margin: 0, padding: 0, listStyle: 'none', display: 'flex', flexDirection: 'column', gap: '8px' },
  module: {
    padding: '10px 12px',
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground2,
    display: 'flex',
    flexDirection: 'column',
    gap: '4px',
  },
  done: { color: tokens.colorPaletteGreenForeground1 },
  row: { display: 'flex', gap: '8px', alignItems: 'center', flexWrap: 'wrap' },
});

export function TrainingChecklist({
  programme,
  participant,
  onChange,
}: {
  programme: Pick<Programme, 'id' | 'trainingModules'>;
  participant: Pick<Participant, 'trainingModulesDone' | 'trainingCompletedAt' | 'status'>;
  onChange(): Promise<void>;
}) {
  const s = useStyles();
  const { t, lang, date } = useT();
  const { api } = useApp();
  const modules = programme.trainingModules ?? [];
  const done = participant.trainingModulesDone ?? {};
  const tick = useAction(async (moduleId: string) => {
    await api.completeTrainingModule(programme.id, moduleId);
    await onChange();
  });
  if (!modules.length) return null;
  const ticked = modules.filter((m) => done[m.id]).length;
  const canTick = participant.status === 'opted-in' || participant.status === 'paused';
  return (
    <section aria-label={t('myTraining.title')} data-testid="training-checklist">
      <Text weight="semibold" block>
        {t('myTraining.title')} · {t('myTraining.progress', { done: ticked, total: modules.length })}
      </Text>
      <ErrorMessage error={tick.error} onDismiss={tick.clearError} />
      <ol className={s.list}>
        {modules.map((m, i) => {
          const at = done[m.id];
          return (
            <li key={m.id} className={s.module}>
              <Text weight="semibold">
                {i + 1}. {m.title[lang] || m.title.en}
              </Text>
              {(m.text[lang] || m.text.en) && <Text>{m.text[lang] || m.text.en}</Text>}
              <div className={s.row}>
                {m.link && <ExternalLink href={m.link}>{t('myTraining.open')}</ExternalLink>}
                {at ? (
                  <Text className={s.done}>{t('myTraining.doneOn', { date: date(at) })}</Text>
                ) : (
                  canTick && (
                    <Button
                      size="small"
                      appearance="primary"
                      onClick={() => void tick.run(m.id)}
                      disabled={tick.busy}
                      aria-label={t('myTraining.tickAria', { title: m.title[lang] || m.title.en })}
                    >
                      {t('myTraining.tick')}
                    </Button>
                  )
                )}
              </div>
            </li>
          );
        })}
      </ol>
    </section>
  );
}
