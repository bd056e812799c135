import type { Store } from '../ports/store';
import type { Clock } from '../ports/clock';
import type { Messenger } from '../ports/messenger';
import type { DirectoryReader } from '../ports/directory';
import type { Booking } from './booking';
import type { CalendarWatchPort } from '../ports/calendar-watch';

/** Outlook → Tandem: reading Tandem's events back, and where Graph posts change notifications. */
export interface OutlookWatch {
  watch: CalendarWatchPort;
  /** Public https URL of the webhook (GRAPH_NOTIFICATION_URL); unset → no subscriptions, read-back only. */
  notificationUrl?: string;
}
import type { TeamsAppInstaller } from '../ports/teams-apps';
import type { CalendarPort } from '../ports/calendar';
import type { Matcher } from '../ports/matcher';

/** Rules the organisation sets for every programme (from the app's configuration). */
export interface AppPolicy {
  /** No programme's anonymity threshold may be lower (ANONYMITY_THRESHOLD_FLOOR, default 5). */
  anonymityFloor: number;
}

/** What every use case gets: ports only, so the API, the bot and the timers call them the same way. */
export interface AppDeps {
  store: Store;
  clock: Clock;
  messenger: Messenger;
  directory: DirectoryReader;
  booking: Booking;
  /** The organisation's rules; absent means the defaults. */
  policy?: AppPolicy;
  /** Outlook read-back and change notifications; absent (Graph not configured) → nothing is read back. */
  outlook?: OutlookWatch;
  /** Installs Tandem for invitees (Graph); absent when Graph or TEAMS_APP_ID is not configured. */
  teamsApps?: TeamsAppInstaller;
  /** Reads mailbox settings, to flag invitees whose calendar Tandem may not book (absent: not checked). */
  mailboxes?: Pick<CalendarPort, 'mailboxSettings'>;
  /** Solves matching runs: the helper threads in production, `inlineMatcher` (same result) elsewhere. */
  matcher: Matcher;
  /**
   * TEAMS_APP_ID, the Teams app's manifest id: deep links to the tab use it until the org catalog's
   * own id is known. Absent → no "Open Tandem" button.
   */
  teamsAppId?: string;
}
