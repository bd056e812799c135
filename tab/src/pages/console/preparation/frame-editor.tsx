/** The programme's details and frame, editable as far as the phase allows (the frame is fixed once pairs meet). */
import { useState } from 'react';
import { Button, makeStyles, MessageBar, MessageBarBody, Text, tokens } from '@fluentui/react-components';
import { useApp } from '../../../app/app-context';
import { topicName } from '@tandem/core/model/topic-names';
import { useT } from '../../../i18n/i18n-context';
import { useAction } from '../../../hooks/use-action';
import { Section } from '../../../components/layout';
import { ErrorMessage } from '../../../components/error-message';
import { BasicsFields, DatesFields, FrameFields, SettingsFields, TopicsFields } from '../programme-fields';
import {
  draftOfProgramme,
  frameEditable,
  programmeDraftErrors,
  remainingErrors,
  programmeInput,
  type DraftErrors,
  type ProgrammeDraft,
} from '../programme-draft';
import { useWorkspace } from '../workspace-data';

const useStyles = makeStyles({
  stack: { display: 'flex', flexDirection: 'column', gap: '16px' },
  part: { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
  buttons: { display: 'flex', gap: '8px' },
  summary: { display: 'grid', gridTemplateColumns: 'auto 1fr', gap: '4px 12px', margin: 0 },
  dt: { color: tokens.colorNeutralForeground2 },
  dd: { margin: 0 },
});

export function FrameEditor() {
  const s = useStyles();
  const { t, list, date, lang } = useT();
  const { api } = useApp();
  const w = useWorkspace();
  const p = w.programme;
  const [draft, setDraft] = useState<ProgrammeDraft | undefined>();
  const [errors, setErrors] = useState<DraftErrors>({});
  const [saved, setSaved] = useState(false);
  const frameOpen = frameEditable(p.phase);
  const save = useAction(async (d: ProgrammeDraft) => {
    const input = programmeInput(d);
    const { topics, cadence, mentorCapacity, trainingRequired, ...rest } = input;
    const body = frameOpen ? { ...rest, topics, cadence, mentorCapacity, trainingRequired } : rest;
    w.setProgramme(await api.updateProgramme(p.id, body, p.etag));
    setDraft(undefined);
    setSaved(true);
  });
  const set = <K extends keyof ProgrammeDraft>(key: K, value: ProgrammeDraft[K]) =>
    setDraft((d) => (d ? { ...d, [key]: value } : d));
  if (!draft) {
    return (
      <Section
        title={t('frame.title')}
        level={3}
        id="frame"
        actions={
          p.phase !== 'closed' ? (
            <Button size="small" onClick={() => setDraft(draftOfProgramme(p))}>
              {t('frame.edit')}
            </Button>
          ) : undefined
        }
      >
        {saved && (
          <MessageBar intent="success">
            <MessageBarBody>{t('frame.saved')}</MessageBarBody>
          </MessageBar>
        )}
        {p.description && <Text>{p.description}</Text>}
        <dl className={s.summary}>
          <dt className={s.dt}>{t('create.topics')}</dt>
          <dd className={s.dd}>{list(p.topics.map((x) => topicName(x, lang)))}</dd>
          <dt className={s.dt}>{t('create.cadence')}</dt>
          <dd className={s.dd}>
            {t('create.cadenceText', {
              sessions: p.cadence.sessions,
              minutes: p.cadence.sessionMinutes,
              weeks: p.cadence.intervalWeeks,
              weekday: t(`weekday.${p.cadence.weekday}`),
            })}
          </dd>
          <dt className={s.dt}>{t('frame.dates')}</dt>
          <dd className={s.dd}>
            {p.kickoffAt ? date(p.kickoffAt) : '–'} → {p.closingAt ? date(p.closingAt) : '–'}
          </dd>
          <dt className={s.dt}>{t('frame.settings')}</dt>
          <dd className={s.dd}>
            {t(p.mentorCapacity === 2 ? 'programmeForm.capacity2' : 'programmeForm.capacity1')} ·{' '}
            {t(p.trainingRequired ? 'frame.trainingOn' : 'frame.trainingOff')} ·{' '}
            {t('frame.threshold', { k: p.anonymityThreshold })}
          </dd>
        </dl>
      </Section>
    );
  }
  const fields = { draft, set, errors: remainingErrors(errors, draft) };
  return (
    <Section title={t('frame.title')} level={3} id="frame">
      {!frameOpen && (
        <MessageBar intent="info">
          <MessageBarBody>{t('frame.frozen')}</MessageBarBody>
        </MessageBar>
      )}
      <form
        className={s.stack}
        onSubmit={(e) => {
          e.preventDefault();
          const found = programmeDraftErrors(draft);
          setErrors(found);
          if (Object.keys(found).length === 0) void save.run(draft);
        }}
      >
        <h4 className={s.part}>{t('create.step.basics')}</h4>
        <BasicsFields {...fields} />
        <h4 className={s.part}>{t('create.step.topics')}</h4>
        <TopicsFields {...fields} disabled={!frameOpen} />
        <h4 className={s.part}>{t('create.step.frame')}</h4>
        <FrameFields {...fields} disabled={!frameOpen} />
        <DatesFields {...fields} />
        <h4 className={s.part}>{t('create.step.settings')}</h4>
        <SettingsFields {...fields} disabled={!frameOpen} />
        <ErrorMessage error={save.error} onDismiss={save.clearError} />
        <div className={s.buttons}>
          <Button appearance="primary" type="submit" disabled={save.busy}>
            {t('common.save')}
          </Button>
          <Button onClick={() => setDraft(undefined)}>{t('common.cancel')}</Button>
        </div>
      </form>
    </Section>
  );
}
