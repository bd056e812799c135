/** The demo's sign-in choices for the local development identity provider (standalone tab). */
export interface DemoAccount {
  /** What the account shows off: a mentee and a mentor with a live pair, a programme manager, HR. */
  kind: 'mentee' | 'mentor' | 'manager' | 'hr';
  userId: string;
  displayName: string;
  /** Entra app roles the local identity provider puts in the token's `roles` claim. */
  roles: string[];
}

export const DEMO_ACCOUNTS_STATE_ID = 'demo-accounts';
