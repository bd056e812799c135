/**
 * The programme console (Programme.Manage): every programme with its phase, a guided flow to create
 * one, and the chosen programme's workspace.
 */
import { useCallback, useState } from 'react';
import { Button, makeStyles, mergeClasses, Text, tokens } from '@fluentui/react-components';
import { useApp } from '../../app/app-context';
import { useT } from '../../i18n/i18n-context';
import { useResource } from '../../hooks/use-resource';
import { Page, PageHeader, Loading, Empty, Section } from '../../components/layout';
import { ErrorMessage } from '../../components/error-message';
import { StatusBadge } from '../../components/badges';
import type { Programme } from '../../api/types';
import { CreateProgramme } from './create-programme';
import { ProgrammeWorkspace } from './workspace';
import { StuckWork } from './stuck-work';

const useStyles = makeStyles({
  layout: {
    display: 'grid',
    gap: '16px',
    gridTemplateColumns: '260px minmax(0, 1fr)',
    alignItems: 'start',
    '@media (max-width: 900px)': { gridTemplateColumns: 'minmax(0, 1fr)' },
  },
  list: { listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: '4px' },
  item: {
    width: '100%',
    display: 'flex',
    flexDirection: 'column',
    alignItems: 'flex-start',
    gap: '4px',
    padding: '8px 10px',
    borderRadius: tokens.borderRadiusMedium,
    border: `${tokens.strokeWidthThin} solid transparent`,
    backgroundColor: 'transparent',
    color: tokens.colorNeutralForeground1,
    font: 'inherit',
    textAlign: 'start',
    cursor: 'pointer',
    ':hover': { backgroundColor: tokens.colorNeutralBackground1Hover },
  },
  current: {
    backgroundColor: tokens.colorBrandBackground2,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorBrandStroke2}`,
  },
});

/** The programme a manager most likely wants to work on: the earliest one that is not closed. */
export function defaultProgrammeId(list: Programme[]): string | undefined {
  const order: Record<string, number> = { matching: 0, preparation: 1, execution: 2, draft: 3, steering: 4, closed: 5 };
  return [...list].sort((a, b) => (order[a.phase] ?? 9) - (order[b.phase] ?? 9))[0]?.id;
}

export function ConsolePage() {
  const s = useStyles();
  const { t } = useT();
  const { api, nav } = useApp();
  const programmes = useResource(() => api.programmes(), [api]);
  const [creating, setCreating] = useState(false);
  const setProgrammes = programmes.set;
  // The list's badge follows a phase change in the workspace at once, without reloading the list.
  const onProgrammeChanged = useCallback(
    (changed: Programme) =>
      setProgrammes((cur) => (cur ?? []).map((p) => (p.id === changed.id ? { ...p, ...changed } : p))),
    [setProgrammes],
  );
  const list = programmes.data ?? [];
  const selectedId = list.some((p) => p.id === nav.programmeId) ? nav.programmeId : defaultProgrammeId(list);
  return (
    <Page>
      <PageHeader
        title={t('console.title')}
        subtitle={t('console.subtitle')}
        actions={
          <Button
            appearance="primary"
            onClick={() => setCreating(true)}
            disabled={creating}
            data-testid="new-programme"
          >
            {t('console.new')}
          </Button>
        }
      />
      {programmes.error ? (
        <ErrorMessage error={programmes.error} onRetry={() => void programmes.reload()} />
      ) : !programmes.data ? (
        <Loading label={t('common.loading')} />
      ) : (
        <div className={s.layout}>
          <Section title={t('console.programmes')} id="programme-list">
            {list.length === 0 ? (
              <Empty title={t('console.none')} />
            ) : (
              <ul className={s.list}>
                {list.map((p) => (
                  <li key={p.id}>
                    <button
                      type="button"
                      className={mergeClasses(s.item, p.id === selectedId && !creating && s.current)}
                      aria-current={p.id === selectedId && !creating ? 'true' : undefined}
                      onClick={() => {
                        setCreating(false);
                        nav.go('programmes', p.id);
                      }}
                      data-testid={`programme-${p.id}`}
                    >
                      <Text weight="semibold">{p.name}</Text>
                      <StatusBadge kind="phase" value={p.phase} />
                    </button>
                  </li>
                ))}
              </ul>
            )}
          </Section>
          {creating ? (
            <CreateProgramme
              onCancel={() => setCreating(false)}
              onCreated={(id) => {
                setCreating(false);
                void programmes.reload().then(() => nav.go('programmes', id));
              }}
            />
          ) : selectedId ? (
            <ProgrammeWorkspace key={selectedId} programmeId={selectedId} onProgrammeChanged={onProgrammeChanged} />
          ) : (
            <Section>
              <Empty title={t('console.none')}>{t('console.noneHint')}</Empty>
            </Section>
          )}
        </div>
      )}
      <StuckWork />
    </Page>
  );
}
