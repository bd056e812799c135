/** Who is asking, and the port that turns a bearer token into that person (adapters/auth). */

/** The authenticated person as the API, the bot or a timer hands them to a use case (plain data). */
export interface Caller {
  /** Entra object id (`oid`), the same id the directory and the participants use. */
  userId: string;
  /** Entra tenant id (`tid`). */
  tenantId: string;
  /** App roles from the token's `roles` claim. */
  roles: readonly string[];
  displayName?: string;
  /** `preferred_username` / UPN, shown in "signed in as". */
  username?: string;
}

/** Validates the API's bearer tokens. */
export interface TokenValidator {
  /** Throws UnauthorizedError (401) for any bad token, UnavailableError (503) when the JWKS cannot be read. */
  validate(authorization: string | null | undefined): Promise<Caller>;
}
