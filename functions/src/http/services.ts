/** The request-scoped view of the process's services: the use cases' ports and the token validator. */
import { getServices, type Services } from '../composition';
import { UnavailableError } from '../core/errors';
import type { AppDeps } from '@tandem/app';
import type { TokenValidator } from '../ports/auth';

export async function requestServices(): Promise<{ deps: AppDeps; auth: TokenValidator }> {
  let services: Services;
  try {
    services = await getServices();
  } catch (err) {
    throw new UnavailableError(
      `Tandem could not start its services (${err instanceof Error ? err.message : String(err)}).`,
    );
  }
  return { deps: services.app, auth: services.auth };
}
