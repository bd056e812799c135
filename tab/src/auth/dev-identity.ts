/**
 * Standalone sign-in through the local development identity provider (functions/src/local/dev-idp):
 * the demo accounts to choose from and a signed token for one of them. Only ever used outside Teams.
 */
import type { DemoAccount } from '@tandem/ports/dev-identity';

export type { DemoAccount };

export interface DevIdentity {
  accounts(): Promise<DemoAccount[]>;
  token(account: DemoAccount): Promise<{ token: string; expiresAt: number }>;
}
