import type { Store } from '../ports/store';
import type { Clock } from '../ports/clock';
import type { Messenger } from '../ports/messenger';
import type { DirectoryReader } from '../ports/directory';
import type { Booking } from './booking';

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
}
