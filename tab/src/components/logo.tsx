/** Tandem's mark: two overlapping circles (two people, one pair), drawn in the theme's brand colours. */
import { tokens } from '@fluentui/react-components';

export function TandemLogo({ size = 24 }: { size?: number }) {
  return (
    <svg width={size} height={size} viewBox="0 0 32 32" aria-hidden focusable="false">
      <rect width="32" height="32" rx="7" fill={tokens.colorBrandBackground} />
      <circle cx="12.5" cy="16" r="6.5" fill="none" stroke={tokens.colorNeutralForegroundOnBrand} strokeWidth="2.6" />
      <circle
        cx="19.5"
        cy="16"
        r="6.5"
        fill="none"
        stroke={tokens.colorNeutralForegroundOnBrand}
        strokeWidth="2.6"
        opacity="0.8"
      />
    </svg>
  );
}
