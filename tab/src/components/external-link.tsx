/** A link to another site (a Teams meeting, a course): a new window standalone, `app.openLink()` inside Teams. */
import type { ReactNode } from 'react';
import { Link } from '@fluentui/react-components';
import { hostOpensLinks, openLink } from '../host/links';

export function ExternalLink({
  href,
  children,
  ...rest
}: {
  href: string;
  children: ReactNode;
  'data-testid'?: string;
}) {
  return (
    <Link
      href={href}
      target="_blank"
      rel="noopener noreferrer"
      onClick={(event) => {
        if (!hostOpensLinks()) return;
        event.preventDefault();
        void openLink(href);
      }}
      {...rest}
    >
      {children}
    </Link>
  );
}
