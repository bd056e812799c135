/**
 * The programme's mentor training modules (title, short text, optional https link, in German and
 * English), edited by the manager until matching ends; a mentor is trained once every module is ticked.
 */
import { useState } from 'react';
import { Button, Field, Input, makeStyles, Textarea, tokens } from '@fluentui/react-components';
import type { TrainingModule } from '../../../api/types';
import { useApp } from '../../../app/app-context';
import { useT } from '../../../i18n/i18n-context';
import { useAction } from '../../../hooks/use-action';
import { ErrorMessage } from '../../../components/error-message';
import { ExternalLink } from '../../../components/external-link';
import { frameEditable } from '../programme-draft';
import { useWorkspace } from '../workspace-data';

const useStyles = makeStyles({
  list: { margin: 0, paddingInlineStart: '20px', display: 'flex', flexDirection: 'column', gap: '4px' },
  module: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fit, minmax(220px, 1fr))',
    gap: '8px',
    padding: '10px',
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  stack: { display: 'flex', flexDirection: 'column', gap: '10px' },
  buttons: { display: 'flex', gap: '8px', flexWrap: 'wrap' },
});

/** Limits as the API checks them (core/model/training.ts TRAINING_LIMITS). */
const LIMITS = { modules: 12, title: 120, text: 1000, link: 2000 };

type Draft = TrainingModule & { link: string };

function newModuleId(taken: Draft[]): string {
  let n = taken.length + 1;
  while (taken.some((m) => m.id === `module-${n}`)) n++;
  return `module-${n}`;
}

/** Field errors of a draft module: both titles, an https link. */
export function moduleErrors(
  m: Draft,
): Partial<Record<'titleEn' | 'titleDe' | 'link', 'trainingModules.error.title' | 'trainingModules.error.link'>> {
  const e: ReturnType<typeof moduleErrors> = {};
  if (!m.title.en.trim()) e.titleEn = 'trainingModules.error.title';
  if (!m.title.de.trim()) e.titleDe = 'trainingModules.error.title';
  if (m.link.trim() && !/^https:\/\/[^\s]+$/i.test(m.link.trim())) e.link = 'trainingModules.error.link';
  return e;
}

export function TrainingModulesEditor() {
  const s = useStyles();
  const { t, lang } = useT();
  const { api } = useApp();
  const w = useWorkspace();
  const p = w.programme;
  const modules = p.trainingModules ?? [];
  const [draft, setDraft] = useState<Draft[] | undefined>();
  const [checked, setChecked] = useState(false);
  const save = useAction(async (d: Draft[]) => {
    const trainingModules = d.map(({ link, ...m }) => ({
      ...m,
      title: { en: m.title.en.trim(), de: m.title.de.trim() },
      text: { en: m.text.en.trim(), de: m.text.de.trim() },
      ...(link.trim() ? { link: link.trim() } : {}),
    }));
    w.setProgramme(await api.updateProgramme(p.id, { trainingModules }, p.etag));
    setDraft(undefined);
  });
  if (!draft) {
    return (
      <div className={s.stack} data-testid="training-modules">
        {modules.length ? (
          <ol className={s.list}>
            {modules.map((m) => (
              <li key={m.id}>
                {m.title[lang]}
                {m.link && (
                  <>
                    {' · '}
                    <ExternalLink href={m.link}>{t('trainingModules.link')}</ExternalLink>
                  </>
                )}
              </li>
            ))}
          </ol>
        ) : (
          <span>{t('trainingModules.none')}</span>
        )}
        {frameEditable(p.phase) && (
          <div className={s.buttons}>
            <Button size="small" onClick={() => setDraft(modules.map((m) => ({ ...m, link: m.link ?? '' })))}>
              {t('trainingModules.edit')}
            </Button>
          </div>
        )}
      </div>
    );
  }
  const set = (i: number, change: (m: Draft) => Draft) => setDraft((d) => d?.map((m, j) => (j === i ? change(m) : m)));
  const errorsOf = draft.map(moduleErrors);
  const invalid = errorsOf.some((e) => Object.keys(e).length > 0);
  const msg = (i: number, key: 'titleEn' | 'titleDe' | 'link') => {
    const e = errorsOf[i]?.[key];
    return checked && e ? t(e) : undefined;
  };
  return (
    <form
      className={s.stack}
      aria-label={t('trainingModules.title')}
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        setChecked(true);
        if (!invalid) void save.run(draft);
      }}
    >
      <ErrorMessage error={save.error} onDismiss={save.clearError} />
      {draft.map((m, i) => (
        <fieldset key={m.id} className={s.module} aria-label={t('trainingModules.module', { number: i + 1 })}>
          <Field label={t('trainingModules.titleEn')} required validationMessage={msg(i, 'titleEn')}>
            <Input
              value={m.title.en}
              maxLength={LIMITS.title}
              onChange={(_, v) => set(i, (x) => ({ ...x, title: { ...x.title, en: v.value } }))}
            />
          </Field>
          <Field label={t('trainingModules.titleDe')} required validationMessage={msg(i, 'titleDe')}>
            <Input
              value={m.title.de}
              maxLength={LIMITS.title}
              onChange={(_, v) => set(i, (x) => ({ ...x, title: { ...x.title, de: v.value } }))}
            />
          </Field>
          <Field label={t('trainingModules.textEn')}>
            <Textarea
              value={m.text.en}
              maxLength={LIMITS.text}
              onChange={(_, v) => set(i, (x) => ({ ...x, text: { ...x.text, en: v.value } }))}
            />
          </Field>
          <Field label={t('trainingModules.textDe')}>
            <Textarea
              value={m.text.de}
              maxLength={LIMITS.text}
              onChange={(_, v) => set(i, (x) => ({ ...x, text: { ...x.text, de: v.value } }))}
            />
          </Field>
          <Field
            label={t('trainingModules.linkLabel')}
            hint={t('trainingModules.linkHint')}
            validationMessage={msg(i, 'link')}
          >
            <Input
              type="url"
              value={m.link}
              maxLength={LIMITS.link}
              onChange={(_, v) => set(i, (x) => ({ ...x, link: v.value }))}
            />
          </Field>
          <div className={s.buttons}>
            <Button size="small" onClick={() => setDraft((d) => d?.filter((_, j) => j !== i))}>
              {t('trainingModules.remove')}
            </Button>
          </div>
        </fieldset>
      ))}
      <div className={s.buttons}>
        {draft.length < LIMITS.modules && (
          <Button
            size="small"
            onClick={() =>
              setDraft((d) => [
                ...(d ?? []),
                { id: newModuleId(d ?? []), title: { en: '', de: '' }, text: { en: '', de: '' }, link: '' },
              ])
            }
          >
            {t('trainingModules.add')}
          </Button>
        )}
        <Button appearance="primary" type="submit" disabled={save.busy}>
          {t('trainingModules.save')}
        </Button>
        <Button onClick={() => setDraft(undefined)} disabled={save.busy}>
          {t('common.cancel')}
        </Button>
      </div>
    </form>
  );
}
