/** The programme form's four parts (basics, topics, frame, settings), shared by the create flow and the editor. */
import {
  Button,
  Checkbox,
  Field,
  Input,
  makeStyles,
  Radio,
  RadioGroup,
  Select,
  SpinButton,
  Textarea,
  tokens,
} from '@fluentui/react-components';
import { useT } from '../../i18n/i18n-context';
import type { MessageKey } from '../../i18n/translate';
import type { Weekday } from '../../api/types';
import type { DraftErrors, ProgrammeDraft } from './programme-draft';

const useStyles = makeStyles({
  stack: { display: 'flex', flexDirection: 'column', gap: '12px' },
  row: { display: 'grid', gap: '12px', gridTemplateColumns: 'repeat(auto-fit, minmax(160px, 1fr))' },
  topic: {
    display: 'flex',
    flexDirection: 'column',
    gap: '8px',
    padding: '12px',
    borderRadius: tokens.borderRadiusMedium,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  topicHead: { display: 'flex', gap: '8px', alignItems: 'flex-end' },
  grow: { flexGrow: 1 },
});

export interface FieldsProps {
  draft: ProgrammeDraft;
  set<K extends keyof ProgrammeDraft>(key: K, value: ProgrammeDraft[K]): void;
  errors: DraftErrors;
  disabled?: boolean;
}

function useMsg(errors: DraftErrors) {
  const { t } = useT();
  return (key: keyof DraftErrors) => (errors[key] ? t(errors[key] as MessageKey) : undefined);
}

export function BasicsFields({ draft, set, errors, disabled }: FieldsProps) {
  const s = useStyles();
  const { t } = useT();
  const msg = useMsg(errors);
  return (
    <div className={s.stack}>
      <Field label={t('programmeForm.name')} required validationMessage={msg('name')}>
        <Input
          value={draft.name}
          onChange={(_, v) => set('name', v.value)}
          maxLength={120}
          disabled={disabled}
          data-testid="programme-name"
        />
      </Field>
      <Field label={t('programmeForm.description')} hint={t('programmeForm.descriptionHint')}>
        <Textarea
          value={draft.description}
          onChange={(_, v) => set('description', v.value)}
          maxLength={2000}
          resize="vertical"
          disabled={disabled}
        />
      </Field>
    </div>
  );
}

export function TopicsFields({ draft, set, errors, disabled }: FieldsProps) {
  const s = useStyles();
  const { t } = useT();
  const msg = useMsg(errors);
  const update = (i: number, patch: Partial<ProgrammeDraft['topics'][number]>) =>
    set(
      'topics',
      draft.topics.map((x, j) => (j === i ? { ...x, ...patch } : x)),
    );
  return (
    <div className={s.stack}>
      {msg('topics') && (
        <Field validationMessage={msg('topics')}>
          <span />
        </Field>
      )}
      {draft.topics.map((topic, i) => (
        <fieldset key={i} className={s.topic} style={{ margin: 0 }}>
          <legend className="visually-hidden">{t('programmeForm.topicN', { n: i + 1 })}</legend>
          <div className={s.topicHead}>
            <Field
              label={t('programmeForm.topicName', { n: i + 1 })}
              className={s.grow}
              validationMessage={msg(`topics.${i}`)}
            >
              <Input
                value={topic.name}
                onChange={(_, v) => update(i, { name: v.value })}
                maxLength={80}
                disabled={disabled}
                data-testid={`topic-name-${i}`}
              />
            </Field>
            {draft.topics.length > 1 && !disabled && (
              <Button
                appearance="subtle"
                onClick={() =>
                  set(
                    'topics',
                    draft.topics.filter((_, j) => j !== i),
                  )
                }
                aria-label={t('programmeForm.removeTopic', { n: i + 1 })}
              >
                {t('programmeForm.remove')}
              </Button>
            )}
          </div>
          <Field label={t('programmeForm.topicNameDe')} hint={t('programmeForm.topicNameDeHint')}>
            <Input
              value={topic.nameDe ?? ''}
              onChange={(_, v) => update(i, { nameDe: v.value })}
              maxLength={80}
              disabled={disabled}
              data-testid={`topic-name-de-${i}`}
            />
          </Field>
          <Field label={t('programmeForm.guideEn')}>
            <Textarea
              value={topic.guideEn}
              onChange={(_, v) => update(i, { guideEn: v.value })}
              maxLength={1000}
              disabled={disabled}
            />
          </Field>
          <Field label={t('programmeForm.guideDe')}>
            <Textarea
              value={topic.guideDe}
              onChange={(_, v) => update(i, { guideDe: v.value })}
              maxLength={1000}
              disabled={disabled}
            />
          </Field>
        </fieldset>
      ))}
      {!disabled && draft.topics.length < 30 && (
        <div>
          <Button onClick={() => set('topics', [...draft.topics, { id: '', name: '', guideEn: '', guideDe: '' }])}>
            {t('programmeForm.addTopic')}
          </Button>
        </div>
      )}
    </div>
  );
}

const WEEKDAYS: Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri'];

export function FrameFields({ draft, set, errors, disabled }: FieldsProps) {
  const s = useStyles();
  const { t } = useT();
  const msg = useMsg(errors);
  const num = (key: 'intervalWeeks' | 'sessionMinutes' | 'sessions', min: number, max: number) => (
    <SpinButton
      value={draft[key]}
      min={min}
      max={max}
      disabled={disabled}
      onChange={(_, d) => {
        const v = d.value ?? Number(d.displayValue);
        if (Number.isFinite(v)) set(key, Math.round(v as number));
      }}
    />
  );
  return (
    <div className={s.stack}>
      <div className={s.row}>
        <Field label={t('programmeForm.interval')} validationMessage={msg('intervalWeeks')}>
          {num('intervalWeeks', 1, 8)}
        </Field>
        <Field label={t('programmeForm.weekday')}>
          <Select value={draft.weekday} onChange={(_, v) => set('weekday', v.value as Weekday)} disabled={disabled}>
            {WEEKDAYS.map((d) => (
              <option key={d} value={d}>
                {t(`weekday.${d}`)}
              </option>
            ))}
          </Select>
        </Field>
        <Field label={t('programmeForm.sessionMinutes')} validationMessage={msg('sessionMinutes')}>
          {num('sessionMinutes', 15, 240)}
        </Field>
        <Field label={t('programmeForm.sessions')} validationMessage={msg('sessions')}>
          {num('sessions', 1, 52)}
        </Field>
      </div>
      <div className={s.row}>
        <Field label={t('programmeForm.windowStart')}>
          <Input
            type="time"
            value={draft.windowStart}
            onChange={(_, v) => set('windowStart', v.value)}
            disabled={disabled}
          />
        </Field>
        <Field label={t('programmeForm.windowEnd')} validationMessage={msg('windowEnd')}>
          <Input
            type="time"
            value={draft.windowEnd}
            onChange={(_, v) => set('windowEnd', v.value)}
            disabled={disabled}
          />
        </Field>
      </div>
    </div>
  );
}

export function DatesFields({ draft, set, errors }: FieldsProps) {
  const s = useStyles();
  const { t } = useT();
  const msg = useMsg(errors);
  return (
    <>
      <div className={s.row}>
        <Field label={t('programmeForm.kickoff')} hint={t('programmeForm.dateHint')}>
          <Input type="date" value={draft.kickoffDate} onChange={(_, v) => set('kickoffDate', v.value)} />
        </Field>
        <Field label={t('programmeForm.startTime')} validationMessage={msg('kickoffTime')}>
          <Input type="time" value={draft.kickoffTime} onChange={(_, v) => set('kickoffTime', v.value)} />
        </Field>
        <Field label={t('programmeForm.eventMinutes')} validationMessage={msg('kickoffMinutes')}>
          <Input
            type="number"
            min={15}
            max={480}
            value={String(draft.kickoffMinutes)}
            onChange={(_, v) => set('kickoffMinutes', Number(v.value))}
          />
        </Field>
      </div>
      <div className={s.row}>
        <Field label={t('programmeForm.closing')} validationMessage={msg('closingDate')}>
          <Input type="date" value={draft.closingDate} onChange={(_, v) => set('closingDate', v.value)} />
        </Field>
        <Field label={t('programmeForm.startTime')} validationMessage={msg('closingTime')}>
          <Input type="time" value={draft.closingTime} onChange={(_, v) => set('closingTime', v.value)} />
        </Field>
        <Field label={t('programmeForm.eventMinutes')} validationMessage={msg('closingMinutes')}>
          <Input
            type="number"
            min={15}
            max={480}
            value={String(draft.closingMinutes)}
            onChange={(_, v) => set('closingMinutes', Number(v.value))}
          />
        </Field>
      </div>
      <Field
        label={t('programmeForm.timeZone')}
        hint={t('programmeForm.timeZoneHint')}
        validationMessage={msg('timeZone')}
      >
        <Input value={draft.timeZone} onChange={(_, v) => set('timeZone', v.value.trim())} />
      </Field>
    </>
  );
}

export function SettingsFields({
  draft,
  set,
  errors,
  disabled,
  thresholdDisabled,
}: FieldsProps & { thresholdDisabled?: boolean }) {
  const s = useStyles();
  const { t } = useT();
  const msg = useMsg(errors);
  return (
    <div className={s.stack}>
      <Field label={t('programmeForm.capacity')}>
        <RadioGroup
          layout="horizontal"
          value={String(draft.mentorCapacity)}
          onChange={(_, d) => set('mentorCapacity', d.value === '2' ? 2 : 1)}
          disabled={disabled}
        >
          <Radio value="1" label={t('programmeForm.capacity1')} />
          <Radio value="2" label={t('programmeForm.capacity2')} />
        </RadioGroup>
      </Field>
      <Checkbox
        checked={draft.trainingRequired}
        onChange={(_, d) => set('trainingRequired', Boolean(d.checked))}
        label={t('programmeForm.training')}
        disabled={disabled}
      />
      <Field
        label={t('programmeForm.threshold')}
        hint={t('programmeForm.thresholdHint')}
        validationMessage={msg('anonymityThreshold')}
      >
        <SpinButton
          value={draft.anonymityThreshold}
          min={2}
          max={100}
          disabled={thresholdDisabled}
          onChange={(_, d) => {
            const v = d.value ?? Number(d.displayValue);
            if (Number.isFinite(v)) set('anonymityThreshold', Math.round(v as number));
          }}
        />
      </Field>
      <Checkbox
        checked={draft.pairHealthNotices}
        onChange={(_, d) => set('pairHealthNotices', Boolean(d.checked))}
        label={t('programmeForm.pairHealthNotices')}
      />
      <Field
        label={t('programmeForm.retention')}
        hint={t('programmeForm.retentionHint')}
        validationMessage={msg('retentionMonths')}
      >
        <SpinButton
          value={draft.retentionMonths}
          min={1}
          max={36}
          onChange={(_, d) => {
            const v = d.value ?? Number(d.displayValue);
            if (Number.isFinite(v)) set('retentionMonths', Math.round(v as number));
          }}
        />
      </Field>
      <Field label={t('programmeForm.organizer')}>
        <RadioGroup
          value={draft.organizerKind}
          onChange={(_, d) => set('organizerKind', d.value === 'mailbox' ? 'mailbox' : 'mentee')}
        >
          <Radio value="mentee" label={t('programmeForm.organizerMentee')} />
          <Radio value="mailbox" label={t('programmeForm.organizerMailbox')} />
        </RadioGroup>
      </Field>
      {draft.organizerKind === 'mailbox' && (
        <Field label={t('programmeForm.mailbox')} validationMessage={msg('organizerAddress')}>
          <Input type="email" value={draft.organizerAddress} onChange={(_, v) => set('organizerAddress', v.value)} />
        </Field>
      )}
    </div>
  );
}
