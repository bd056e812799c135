/**
 * The page navigation, drawn like Teams' tab strip. Plain links (with `aria-current`), so it is
 * light, works with the keyboard and with middle-click, and keeps the address in sync.
 */
import { makeStyles, mergeClasses, tokens } from '@fluentui/react-components';

const useStyles = makeStyles({
  list: { display: 'flex', gap: '4px', listStyle: 'none', margin: 0, padding: 0 },
  link: {
    display: 'inline-block',
    padding: '10px 12px 8px',
    color: tokens.colorNeutralForeground2,
    textDecoration: 'none',
    fontSize: tokens.fontSizeBase300,
    borderBottom: `${tokens.strokeWidthThickest} solid transparent`,
    ':hover': { color: tokens.colorNeutralForeground1, borderBottomColor: tokens.colorNeutralStroke1 },
    ':focus-visible': {
      outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`,
      outlineOffset: '-2px',
    },
  },
  current: {
    color: tokens.colorNeutralForeground1,
    fontWeight: tokens.fontWeightSemibold,
    borderBottomColor: tokens.colorBrandStroke1,
    ':hover': { borderBottomColor: tokens.colorBrandStroke1 },
  },
});

export interface NavItem<V extends string> {
  value: V;
  label: string;
  href: string;
}

export function NavTabs<V extends string>({
  items,
  current,
  onSelect,
}: {
  items: NavItem<V>[];
  current: V;
  onSelect(v: V): void;
}) {
  const s = useStyles();
  return (
    <ul className={s.list}>
      {items.map((item) => (
        <li key={item.value}>
          <a
            href={item.href}
            className={mergeClasses(s.link, item.value === current && s.current)}
            aria-current={item.value === current ? 'page' : undefined}
            data-testid={`nav-${item.value}`}
            onClick={(e) => {
              if (e.metaKey || e.ctrlKey || e.shiftKey || e.button !== 0) return;
              e.preventDefault();
              onSelect(item.value);
            }}
          >
            {item.label}
          </a>
        </li>
      ))}
    </ul>
  );
}
