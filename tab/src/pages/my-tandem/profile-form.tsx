/**
 * The profile and preferences form: role, topics, interests, languages, time zone, weekdays, times
 * and an optional testimonial. Opting in adds the consent text and its checkbox; editing leaves it out.
 */
import { useState, type FormEvent, type ReactNode } from 'react';
import {
  Button,
  Checkbox,
  Field,
  Input,
  makeStyles,
  Radio,
  RadioGroup,
  Select,
  Textarea,
  tokens,
} from '@fluentui/react-components';
import type { Topic } from '../../api/types';
import { useT } from '../../i18n/i18n-context';
import { topicName } from '@tandem/core/model/topic-names';
import type { MessageKey } from '../../i18n/translate';
import {
  draftErrors,
  LANGUAGE_CHOICES,
  TIME_CHOICES,
  TIME_ZONES,
  toggle,
  WEEKDAY_CHOICES,
  type DraftErrors,
  type ProfileDraft,
} from './profile-options';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: '14px' },
  row: { display: 'flex', flexWrap: 'wrap', columnGap: '4px' },
  consent: {
    padding: '12px',
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground2,
    display: 'flex',
    flexDirection: 'column',
    gap: '6px',
  },
  buttons: { display: 'flex', gap: '8px', flexWrap: 'wrap' },
  fieldset: { border: 'none', margin: 0, padding: 0, minWidth: 0 },
  legend: { fontWeight: tokens.fontWeightSemibold, padding: 0, marginBottom: '4px', fontSize: tokens.fontSizeBase300 },
  error: { color: tokens.colorPaletteRedForeground1, fontSize: tokens.fontSizeBase200 },
});

function Choices({ legend, error, children }: { legend: string; error?: string | undefined; children: ReactNode }) {
  const s = useStyles();
  return (
    <fieldset className={s.fieldset}>
      <legend className={s.legend}>{legend}</legend>
      <div className={s.row}>{children}</div>
      {error && (
        <div className={s.error} role="alert">
          {error}
        </div>
      )}
    </fieldset>
  );
}

export interface ProfileFormProps {
  topics: Topic[];
  initial: ProfileDraft;
  /** Shown for opting in: the consent text version the person agrees to. */
  consentVersion?: string;
  submitLabel: string;
  busy?: boolean;
  onSubmit(draft: ProfileDraft): void;
  onCancel?: () => void;
  /** Field errors the API returned (keys as the API names them). */
  serverErrors?: Record<string, string[]> | undefined;
}

export function ProfileForm(props: ProfileFormProps) {
  const s = useStyles();
  const { t, lang } = useT();
  const [d, setD] = useState<ProfileDraft>(props.initial);
  const [consent, setConsent] = useState(false);
  const [shown, setShown] = useState<DraftErrors>({});
  const set = <K extends keyof ProfileDraft>(key: K, value: ProfileDraft[K]) =>
    setD((cur) => ({ ...cur, [key]: value }));
  const msg = (key: keyof DraftErrors): string | undefined => {
    const own = shown[key];
    const server = props.serverErrors?.[`profile.${key}`] ?? props.serverErrors?.[key];
    return own ? t(own as MessageKey) : server?.join('; ');
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const errors = draftErrors(d);
    if (props.consentVersion && !consent) errors.consent = 'profile.error.consent';
    setShown(errors);
    if (Object.keys(errors).length === 0) props.onSubmit(d);
  };

  const zones = TIME_ZONES.includes(d.timeZone) ? TIME_ZONES : [d.timeZone, ...TIME_ZONES];
  return (
    <form className={s.form} onSubmit={submit} noValidate aria-label={props.submitLabel}>
      <Field label={t('profile.role')} validationMessage={msg('role')} required>
        <RadioGroup
          value={d.role}
          onChange={(_, v) => set('role', v.value as ProfileDraft['role'])}
          layout="horizontal"
        >
          <Radio value="mentor" label={t('profile.role.mentor')} />
          <Radio value="mentee" label={t('profile.role.mentee')} />
        </RadioGroup>
      </Field>
      {d.role === 'mentor' && (
        <Choices legend={t('profile.teachTopics')} error={msg('teachTopics')}>
          {props.topics.map((topic) => (
            <Checkbox
              key={topic.id}
              label={topicName(topic, lang)}
              checked={d.teachTopics.includes(topic.id)}
              onChange={(_, v) => set('teachTopics', toggle(d.teachTopics, topic.id, Boolean(v.checked)))}
            />
          ))}
        </Choices>
      )}
      {d.role === 'mentee' && (
        <Choices legend={t('profile.learnTopics')} error={msg('learnTopics')}>
          {props.topics.map((topic) => (
            <Checkbox
              key={topic.id}
              label={topicName(topic, lang)}
              checked={d.learnTopics.includes(topic.id)}
              onChange={(_, v) => set('learnTopics', toggle(d.learnTopics, topic.id, Boolean(v.checked)))}
            />
          ))}
        </Choices>
      )}
      <Field label={t('profile.interests')} hint={t('profile.interestsHint')} validationMessage={msg('interests')}>
        <Input value={d.interests} onChange={(_, v) => set('interests', v.value)} maxLength={400} />
      </Field>
      <Choices legend={t('profile.languages')} error={msg('languages')}>
        {LANGUAGE_CHOICES.map((code) => (
          <Checkbox
            key={code}
            label={t(`language.${code}` as MessageKey)}
            checked={d.languages.includes(code)}
            onChange={(_, v) => set('languages', toggle(d.languages, code, Boolean(v.checked)))}
          />
        ))}
      </Choices>
      <Field label={t('profile.timeZone')}>
        <Select value={d.timeZone} onChange={(_, v) => set('timeZone', v.value)}>
          {zones.map((z) => (
            <option key={z} value={z}>
              {z.replace(/_/g, ' ')}
            </option>
          ))}
        </Select>
      </Field>
      <Choices legend={t('profile.weekdays')} error={msg('weekdays')}>
        {WEEKDAY_CHOICES.map((day) => (
          <Checkbox
            key={day}
            label={t(`weekday.${day}`)}
            checked={d.weekdays.includes(day)}
            onChange={(_, v) => set('weekdays', toggle(d.weekdays, day, Boolean(v.checked)))}
          />
        ))}
      </Choices>
      <Choices legend={t('profile.times')}>
        {TIME_CHOICES.map((time) => (
          <Checkbox
            key={time}
            label={t(`time.${time}`)}
            checked={d.times.includes(time)}
            onChange={(_, v) => set('times', toggle(d.times, time, Boolean(v.checked)))}
          />
        ))}
      </Choices>
      <Field
        label={t('profile.testimonial')}
        hint={t('profile.testimonialHint')}
        validationMessage={msg('testimonial')}
      >
        <Textarea
          value={d.testimonial}
          onChange={(_, v) => set('testimonial', v.value)}
          maxLength={280}
          resize="vertical"
        />
      </Field>
      {d.testimonial.trim() && (
        <Checkbox
          checked={d.testimonialConsent}
          onChange={(_, v) => set('testimonialConsent', Boolean(v.checked))}
          label={t('profile.testimonialConsent')}
        />
      )}
      {props.consentVersion && (
        <div className={s.consent}>
          <strong>{t('optIn.consentTitle')}</strong>
          <span>{t('optIn.consentText', { version: props.consentVersion })}</span>
          <Field validationMessage={shown.consent ? t(shown.consent as MessageKey) : undefined}>
            <Checkbox
              checked={consent}
              onChange={(_, v) => setConsent(Boolean(v.checked))}
              label={t('optIn.consent')}
            />
          </Field>
        </div>
      )}
      <div className={s.buttons}>
        <Button appearance="primary" type="submit" disabled={props.busy}>
          {props.submitLabel}
        </Button>
        {props.onCancel && (
          <Button type="button" onClick={props.onCancel} disabled={props.busy}>
            {t('common.cancel')}
          </Button>
        )}
      </div>
    </form>
  );
}
