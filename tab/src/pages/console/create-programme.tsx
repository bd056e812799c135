/**
 * Creating a programme as a short guided flow: basics, topics with their session guides, the frame
 * of the meetings, and the settings with a review. The new programme starts as a draft; its
 * workspace then leads through the four steps.
 */
import { useState } from 'react';
import { Button, makeStyles, Text, tokens } from '@fluentui/react-components';
import { useApp } from '../../app/app-context';
import { useT } from '../../i18n/i18n-context';
import type { MessageKey } from '../../i18n/translate';
import { useAction } from '../../hooks/use-action';
import { Section } from '../../components/layout';
import { ErrorMessage } from '../../components/error-message';
import { BasicsFields, DatesFields, FrameFields, SettingsFields, TopicsFields } from './programme-fields';
import {
  emptyDraft,
  programmeDraftErrors,
  remainingErrors,
  programmeInput,
  type DraftErrors,
  type ProgrammeDraft,
} from './programme-draft';

const STEPS = ['basics', 'topics', 'frame', 'settings'] as const;
type WizardStep = (typeof STEPS)[number];

/** Which fields each step owns, so Next only complains about the step's own fields. */
const OWNED: Record<WizardStep, string[]> = {
  basics: ['name'],
  topics: ['topics'],
  frame: ['intervalWeeks', 'sessionMinutes', 'sessions', 'windowEnd', 'closingDate'],
  settings: ['anonymityThreshold', 'organizerAddress'],
};

const useStyles = makeStyles({
  steps: { display: 'flex', gap: '8px', listStyle: 'none', margin: 0, padding: 0, flexWrap: 'wrap' },
  step: { color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200 },
  current: { color: tokens.colorBrandForeground1, fontWeight: tokens.fontWeightSemibold },
  buttons: { display: 'flex', gap: '8px', justifyContent: 'flex-end', flexWrap: 'wrap' },
  review: { display: 'grid', gridTemplateColumns: 'auto 1fr', gap: '4px 12px', margin: 0 },
  dt: { color: tokens.colorNeutralForeground2 },
  dd: { margin: 0 },
});

export function CreateProgramme({ onCancel, onCreated }: { onCancel(): void; onCreated(id: string): void }) {
  const s = useStyles();
  const { t, list } = useT();
  const { api } = useApp();
  const [step, setStep] = useState<WizardStep>('basics');
  const [draft, setDraft] = useState<ProgrammeDraft>(emptyDraft);
  const [errors, setErrors] = useState<DraftErrors>({});
  const set = <K extends keyof ProgrammeDraft>(key: K, value: ProgrammeDraft[K]) =>
    setDraft((d) => ({ ...d, [key]: value }));
  const index = STEPS.indexOf(step);
  const create = useAction(async () => {
    const created = await api.createProgramme(programmeInput(draft));
    onCreated(created.id);
  });
  const check = (upTo: number) => {
    const all = programmeDraftErrors(draft);
    const owned = STEPS.slice(0, upTo + 1).flatMap((x) => OWNED[x]);
    const mine = Object.fromEntries(
      Object.entries(all).filter(([k]) => owned.some((o) => k === o || k.startsWith(`${o}.`))),
    );
    setErrors(mine);
    return Object.keys(mine).length === 0;
  };
  const fields = { draft, set, errors: remainingErrors(errors, draft) };
  return (
    <Section title={t('create.title')} id="create-programme">
      <ol className={s.steps} aria-label={t('create.steps')}>
        {STEPS.map((x, i) => (
          <li key={x} className={i === index ? s.current : s.step} aria-current={i === index ? 'step' : undefined}>
            {i + 1}. {t(`create.step.${x}` as MessageKey)}
          </li>
        ))}
      </ol>
      <Text>{t(`create.intro.${step}` as MessageKey)}</Text>
      {step === 'basics' && <BasicsFields {...fields} />}
      {step === 'topics' && <TopicsFields {...fields} />}
      {step === 'frame' && (
        <>
          <FrameFields {...fields} />
          <DatesFields {...fields} />
        </>
      )}
      {step === 'settings' && (
        <>
          <SettingsFields {...fields} />
          <dl className={s.review} aria-label={t('create.review')}>
            <dt className={s.dt}>{t('programmeForm.name')}</dt>
            <dd className={s.dd}>{draft.name}</dd>
            <dt className={s.dt}>{t('create.topics')}</dt>
            <dd className={s.dd}>{list(draft.topics.map((x) => x.name).filter(Boolean))}</dd>
            <dt className={s.dt}>{t('create.cadence')}</dt>
            <dd className={s.dd}>
              {t('create.cadenceText', {
                sessions: draft.sessions,
                minutes: draft.sessionMinutes,
                weeks: draft.intervalWeeks,
                weekday: t(`weekday.${draft.weekday}`),
              })}
            </dd>
          </dl>
        </>
      )}
      <ErrorMessage error={create.error} onDismiss={create.clearError} />
      <div className={s.buttons}>
        <Button onClick={onCancel}>{t('common.cancel')}</Button>
        {index > 0 && <Button onClick={() => setStep(STEPS[index - 1] as WizardStep)}>{t('common.back')}</Button>}
        {index < STEPS.length - 1 ? (
          <Button
            appearance="primary"
            onClick={() => check(index) && setStep(STEPS[index + 1] as WizardStep)}
            data-testid="wizard-next"
          >
            {t('common.next')}
          </Button>
        ) : (
          <Button
            appearance="primary"
            disabled={create.busy}
            onClick={() => check(index) && void create.run()}
            data-testid="wizard-create"
          >
            {t('create.submit')}
          </Button>
        )}
      </div>
    </Section>
  );
}
