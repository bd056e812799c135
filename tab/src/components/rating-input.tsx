/** A 1–5 rating as a row of labelled radio buttons (keyboard and screen-reader friendly). */
import { Radio, RadioGroup } from '@fluentui/react-components';
import { useT } from '../i18n/i18n-context';
import type { MessageKey } from '../i18n/translate';

export function RatingInput({
  value,
  onChange,
  labelledBy,
  scale = 'rating',
}: {
  value: number | undefined;
  onChange(value: number): void;
  labelledBy?: string;
  /** Session ratings (poor … excellent) or self-assessed skill (beginner … expert). */
  scale?: 'rating' | 'skill';
}) {
  const { t } = useT();
  return (
    <RadioGroup
      layout="horizontal"
      value={value ? String(value) : ''}
      onChange={(_, d) => onChange(Number(d.value))}
      aria-labelledby={labelledBy}
    >
      {[1, 2, 3, 4, 5].map((n) => (
        <Radio key={n} value={String(n)} label={t(`${scale}.${n}` as MessageKey)} />
      ))}
    </RadioGroup>
  );
}

/** Five small squares, filled up to the value: a compact, text-labelled display of a rating. */
export function RatingDots({ value, label }: { value: number; label: string }) {
  return (
    <span role="img" aria-label={label} style={{ display: 'inline-flex', gap: 2, verticalAlign: 'middle' }}>
      {[1, 2, 3, 4, 5].map((n) => (
        <span
          key={n}
          style={{
            width: 10,
            height: 10,
            borderRadius: 2,
            background: n <= value ? 'var(--colorBrandBackground)' : 'var(--colorNeutralBackground5)',
            border: '1px solid var(--colorNeutralStroke1)',
          }}
        />
      ))}
    </span>
  );
}
