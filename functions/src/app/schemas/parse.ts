/**
 * Turns zod's verdict into the domain's InvalidError with one list of messages per field, so the
 * API (problem+json `errors`) and the bot (card validation) report bad input the same way.
 */
import type { z } from 'zod';
import { collectFieldErrors, InvalidError, type FieldErrors } from '../../core/errors';

export type InputPart = 'body' | 'query' | 'route';

const WHAT: Record<InputPart, string> = {
  body: 'The request body',
  query: 'The query string',
  route: 'The address',
};

export function fieldErrors(error: z.ZodError): FieldErrors {
  const { fields, add: addField } = collectFieldErrors();
  const add = (path: string, message: string) => addField(path || '(root)', message);
  for (const issue of error.issues) {
    const path = issue.path.map(String).join('.');
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) add(path ? `${path}.${key}` : key, 'is not a known field');
    } else {
      add(path, issue.message);
    }
  }
  return fields;
}

/** Parses `value` with `schema`; throws InvalidError naming every bad field. */
export function parseInput<S extends z.ZodType>(schema: S, value: unknown, part: InputPart = 'body'): z.output<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const fields = fieldErrors(result.error);
  const names = Object.keys(fields);
  const list = names.slice(0, 5).join(', ') + (names.length > 5 ? ', …' : '');
  throw new InvalidError(`${WHAT[part]} is not valid (${list}).`, fields);
}
