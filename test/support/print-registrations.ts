/**
 * Loads a Functions entry in the local host's way (`@azure/functions-core` resolved to the local shim)
 * and prints the names and triggers of the functions it registered, as JSON. Run in its own process:
 *   node --import tsx test/support/print-registrations.ts ENTRY
 */
import { installFunctionsCore } from '../../functions/src/local/install-functions-core';
import { registrations } from '../../functions/src/local/functions-core-shim';

installFunctionsCore();
const entry = process.argv[2];
if (!entry) throw new Error('usage: print-registrations.ts ENTRY');
// eslint-disable-next-line @typescript-eslint/no-require-imports
require(entry);
const found = registrations().map((r) => ({
  name: r.metadata.name,
  // Binding names are generated per load; what the host routes and schedules by is the rest.
  bindings: Object.values(r.metadata.bindings)
    .map(({ name: _name, ...binding }) => JSON.stringify(binding))
    .sort(),
}));
process.stdout.write(JSON.stringify(found.sort((a, b) => a.name.localeCompare(b.name))));
