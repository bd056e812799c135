/** The demo's sign-in choices for the local development identity provider (standalone tab). */
export type { DemoAccount } from '../../ports/dev-identity';

export const DEMO_ACCOUNTS_STATE_ID = 'demo-accounts';
