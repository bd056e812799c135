/**
 * The Functions app's entry point (package.json "main"): loading it registers every function with
 * `app.http` / `app.timer`. The Azure Functions host and the local host (npm start) load this same file.
 */
import { app } from '@azure/functions';
import { loadConfig } from './config';

// Fail fast: settings the app must not run with (a bot id without a credential, a loopback identity
// provider in Azure…) stop the app as it loads, with the reason in the host's log, instead of
// failing every request later.
loadConfig();

app.setup({ enableHttpStream: false });

import './http/health';
import './http/tab-static';
import './http/consent';
import './http/messages';
import './timers/outbox-dispatch';
import './timers/invitee-reach';
import './timers/org-sync';
import './http/api';
import './timers/daily';
import './timers/outlook';
import './http/graph-notifications';
