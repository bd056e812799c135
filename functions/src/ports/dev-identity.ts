/**
 * The local development identity provider's sign-in choices, as the `demo-accounts` state record
 * holds them and its account list returns them: a shared type of local/ and the standalone tab, kept
 * here so that the tab never imports local/.
 */
export interface DemoAccount {
  /** What the account shows off: a mentee and a mentor with a live pair, a programme manager, HR. */
  kind: 'mentee' | 'mentor' | 'manager' | 'hr';
  userId: string;
  displayName: string;
  /** Entra app roles the local identity provider puts in the token's `roles` claim. */
  roles: string[];
}
