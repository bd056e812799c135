import { ConflictError } from '../errors';

/** A state machine given as the list of states each state may move to. */
export type TransitionTable<S extends string> = Readonly<Record<S, readonly S[]>>;

/** True when `from → to` is allowed by `table`. */
export function canTransition<S extends string>(table: TransitionTable<S>, from: S, to: S): boolean {
  return table[from].includes(to);
}

/** Throws a Conflict naming both states when `from → to` is not allowed. */
export function assertTransition<S extends string>(what: string, table: TransitionTable<S>, from: S, to: S): void {
  if (!canTransition(table, from, to)) {
    const allowed = table[from];
    const hint = allowed.length ? `allowed from ${from}: ${allowed.join(', ')}` : `${from} is final`;
    throw new ConflictError(`${what} cannot move from ${from} to ${to} (${hint})`);
  }
}
