/**
 * Opening links and files the way the host allows. Inside Teams, Outlook and the Microsoft 365 app a
 * link opens with `app.openLink()` (a frame's own `target="_blank"` or a download is not reliable
 * there, and on mobile does nothing); standalone the browser does it. The Teams host registers its
 * opener at boot (host/teams-host.ts).
 */
export type LinkOpener = (url: string) => Promise<void>;

let opener: LinkOpener | undefined;

/** Called once by the host that needs its own way of opening links (Teams). */
export function setLinkOpener(open: LinkOpener | undefined): void {
  opener = open;
}

/** True when links must go through the host (the page is inside Teams). */
export function hostOpensLinks(): boolean {
  return opener !== undefined;
}

/** An absolute URL for a path of this origin (`/api/v1/downloads/…`); absolute URLs stay as they are. */
export function absoluteUrl(url: string, origin = typeof location === 'undefined' ? '' : location.origin): string {
  return new URL(url, origin || 'http://localhost').href;
}

/** Opens a web page (a meeting link, a course) in a new window, through the host inside Teams. */
export async function openLink(url: string): Promise<void> {
  const href = absoluteUrl(url);
  if (opener) return opener(href);
  window.open(href, '_blank', 'noopener,noreferrer');
}

/**
 * Fetches a file the API serves with `Content-Disposition: attachment` from a one-time link: inside
 * Teams through the host (the browser downloads it), standalone by following the link in this page
 * (the attachment downloads; the page stays).
 */
export async function openDownload(url: string): Promise<void> {
  const href = absoluteUrl(url);
  if (opener) return opener(href);
  const a = document.createElement('a');
  a.href = href;
  a.rel = 'noopener';
  document.body.appendChild(a);
  a.click();
  a.remove();
}
