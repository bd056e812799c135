/**
 * A chart with its table alternative: the chart is drawn by default, one press shows the same
 * figures as a table (for screen readers, for copying, and for people who read tables better).
 */
import { useState, type ReactNode } from 'react';
import { Button, makeStyles, Text, tokens } from '@fluentui/react-components';
import { Section } from '../layout';
import { useT } from '../../i18n/i18n-context';

const useStyles = makeStyles({
  description: { color: tokens.colorNeutralForeground2 },
  note: { color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200 },
});

export function ChartCard({
  title,
  description,
  chart,
  table,
  note,
  legend,
  id,
}: {
  title: string;
  description?: ReactNode;
  chart: ReactNode;
  table: ReactNode;
  note?: ReactNode;
  legend?: ReactNode;
  id: string;
}) {
  const s = useStyles();
  const { t } = useT();
  const [asTable, setAsTable] = useState(false);
  return (
    <Section
      title={title}
      id={id}
      level={2}
      actions={
        <Button
          size="small"
          appearance="subtle"
          aria-pressed={asTable}
          onClick={() => setAsTable((v) => !v)}
          data-testid={`${id}-toggle`}
        >
          {asTable ? t('chart.showChart') : t('chart.showTable')}
        </Button>
      }
    >
      {description && <Text className={s.description}>{description}</Text>}
      {asTable ? (
        table
      ) : (
        <>
          {legend}
          {chart}
        </>
      )}
      {note && <Text className={s.note}>{note}</Text>}
    </Section>
  );
}

export function Legend({ items }: { items: { name: string; color: string }[] }) {
  return (
    <ul style={{ display: 'flex', gap: 16, flexWrap: 'wrap', margin: 0, padding: 0, listStyle: 'none', fontSize: 12 }}>
      {items.map((i) => (
        <li key={i.name} style={{ display: 'inline-flex', alignItems: 'center', gap: 6 }}>
          <span
            aria-hidden
            style={{
              width: 12,
              height: 12,
              borderRadius: 2,
              background: i.color,
              border: '1px solid var(--colorNeutralStroke1)',
            }}
          />
          {i.name}
        </li>
      ))}
    </ul>
  );
}
