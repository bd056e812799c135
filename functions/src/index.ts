/**
 * The Functions app's entry point (package.json "main"): loading it registers every function with
 * `app.http` / `app.timer`. The Azure Functions host and the local host (npm start) load this same file.
 */
import { app } from '@azure/functions';

app.setup({ enableHttpStream: false });

import './http/health';
import './http/tab-static';
import './http/messages';
import './timers/outbox-dispatch';
import './timers/org-sync';
import './http/api';
import './timers/daily';
