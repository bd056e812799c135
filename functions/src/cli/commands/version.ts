import type { CliCommand } from '../command';
import { APP_VERSION } from '../../version';

/** `tandem version`: prints the app version. */
export const command: CliCommand = {
  async run() {
    console.log(APP_VERSION);
    return 0;
  },
};
