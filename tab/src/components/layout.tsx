/** Page building blocks in the Teams look: page header, sections (cards), a loading state, an empty state. */
import { useId, type ReactNode } from 'react';
import { makeStyles, mergeClasses, Spinner, Text, tokens } from '@fluentui/react-components';

const useStyles = makeStyles({
  page: {
    display: 'flex',
    flexDirection: 'column',
    gap: '16px',
    padding: '20px 24px 40px',
    maxWidth: '1200px',
    margin: '0 auto',
    boxSizing: 'border-box',
    width: '100%',
    '@media (max-width: 600px)': { padding: '12px 12px 32px' },
  },
  header: { display: 'flex', flexWrap: 'wrap', alignItems: 'flex-end', gap: '12px', justifyContent: 'space-between' },
  title: {
    margin: 0,
    fontSize: tokens.fontSizeBase600,
    lineHeight: tokens.lineHeightBase600,
    fontWeight: tokens.fontWeightSemibold,
  },
  subtitle: { color: tokens.colorNeutralForeground2, marginTop: '4px', display: 'block' },
  actions: { display: 'flex', gap: '8px', flexWrap: 'wrap' },
  section: {
    backgroundColor: tokens.colorNeutralBackground1,
    borderRadius: tokens.borderRadiusLarge,
    boxShadow: tokens.shadow4,
    padding: '16px 20px',
    display: 'flex',
    flexDirection: 'column',
    gap: '12px',
    minWidth: 0,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorTransparentStroke}`,
  },
  sectionHead: { display: 'flex', alignItems: 'center', justifyContent: 'space-between', gap: '8px', flexWrap: 'wrap' },
  sectionTitle: {
    margin: 0,
    fontSize: tokens.fontSizeBase400,
    lineHeight: tokens.lineHeightBase400,
    fontWeight: tokens.fontWeightSemibold,
  },
  grid: { display: 'grid', gap: '16px', gridTemplateColumns: 'repeat(auto-fit, minmax(320px, 1fr))' },
  loading: { padding: '48px', display: 'flex', justifyContent: 'center' },
  empty: {
    padding: '24px 8px',
    textAlign: 'center',
    color: tokens.colorNeutralForeground2,
    display: 'flex',
    flexDirection: 'column',
    gap: '6px',
    alignItems: 'center',
  },
  muted: { color: tokens.colorNeutralForeground2 },
});

export function Page({ children, label }: { children: ReactNode; label?: string }) {
  const s = useStyles();
  return (
    <div className={s.page} aria-label={label}>
      {children}
    </div>
  );
}

export function PageHeader({
  title,
  subtitle,
  actions,
}: {
  title: ReactNode;
  subtitle?: ReactNode;
  actions?: ReactNode;
}) {
  const s = useStyles();
  return (
    <div className={s.header}>
      <div>
        <h1 className={s.title}>{title}</h1>
        {subtitle && <Text className={s.subtitle}>{subtitle}</Text>}
      </div>
      {actions && <div className={s.actions}>{actions}</div>}
    </div>
  );
}

export function Section({
  title,
  actions,
  children,
  className,
  id,
  level = 2,
}: {
  title?: ReactNode;
  actions?: ReactNode;
  children: ReactNode;
  className?: string;
  id?: string;
  level?: 2 | 3;
}) {
  const s = useStyles();
  const Heading = level === 2 ? 'h2' : 'h3';
  const generated = useId();
  const headingId = id ? `${id}-title` : generated;
  return (
    <section className={mergeClasses(s.section, className)} id={id} aria-labelledby={title ? headingId : undefined}>
      {(title || actions) && (
        <div className={s.sectionHead}>
          {title && (
            <Heading className={s.sectionTitle} id={headingId}>
              {title}
            </Heading>
          )}
          {actions && <div className={s.actions}>{actions}</div>}
        </div>
      )}
      {children}
    </section>
  );
}

export function Grid({ children }: { children: ReactNode }) {
  return <div className={useStyles().grid}>{children}</div>;
}

export function Loading({ label }: { label: string }) {
  return (
    <div className={useStyles().loading}>
      <Spinner label={label} />
    </div>
  );
}

export function Empty({ title, children }: { title: ReactNode; children?: ReactNode }) {
  const s = useStyles();
  return (
    <div className={s.empty}>
      <Text weight="semibold">{title}</Text>
      {children && <Text>{children}</Text>}
    </div>
  );
}

export function Muted({ children }: { children: ReactNode }) {
  return <Text className={useStyles().muted}>{children}</Text>;
}
