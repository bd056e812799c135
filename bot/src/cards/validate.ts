/**
 * Checks a card as Teams will see it: the `adaptivecards` library at schema 1.5 (parse +
 * validateProperties: unknown elements, bad values, duplicate ids) and our own rules that the
 * library does not check (every Action.Execute has a verb, every input an id and a label, nothing
 * left un-templated, under Teams' 40 KB message limit).
 */
import type { AdaptiveCard } from './elements';

/** Teams rejects bot messages over 40 KB; the card is most of the message. */
export const MAX_CARD_BYTES = 40 * 1024;

interface AdaptiveCardsModule {
  AdaptiveCard: new () => {
    parse(json: unknown, context: unknown): void;
    validateProperties(): { validationEvents: Array<{ event: number; message: string }> };
  };
  SerializationContext: new (version: unknown) => {
    eventCount: number;
    getEventAt(i: number): { event: number; message: string };
  };
  Versions: { v1_5: unknown };
  ValidationEvent: Record<number, string>;
}

let library: AdaptiveCardsModule | undefined;
function adaptiveCards(): AdaptiveCardsModule {
  // NOTE: the package's "main" is a browser bundle; the UMD build under dist/ loads in Node.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  library ??= require('adaptivecards/dist/adaptivecards.js') as AdaptiveCardsModule;
  return library;
}

const HINT = 0;

/** Problems the adaptivecards library reports for the card at v1.5 (hints are not problems). */
export function libraryProblems(json: AdaptiveCard): string[] {
  const ac = adaptiveCards();
  const parsed = new ac.AdaptiveCard();
  const context = new ac.SerializationContext(ac.Versions.v1_5);
  parsed.parse(json, context);
  const problems: string[] = [];
  for (let i = 0; i < context.eventCount; i++) {
    const e = context.getEventAt(i);
    if (e.event !== HINT) problems.push(`${ac.ValidationEvent[e.event] ?? e.event}: ${e.message}`);
  }
  for (const e of parsed.validateProperties().validationEvents) {
    if (e.event !== HINT) problems.push(`${ac.ValidationEvent[e.event] ?? e.event}: ${e.message}`);
  }
  return problems;
}

type Node = Record<string, unknown>;

function walk(value: unknown, visit: (node: Node, path: string) => void, path = '$'): void {
  if (Array.isArray(value)) value.forEach((v, i) => walk(v, visit, `${path}[${i}]`));
  else if (value && typeof value === 'object') {
    visit(value as Node, path);
    for (const [k, v] of Object.entries(value)) walk(v, visit, `${path}.${k}`);
  }
}

const nonEmpty = (v: unknown) => typeof v === 'string' && v.trim().length > 0;

/**
 * Our own required-property checks; returns one message per problem. `templates: false` skips the
 * `${` rule for cards that carry people's own text (someone may type "${x}" into a field).
 */
export function ownProblems(json: AdaptiveCard, options: { templates?: boolean } = {}): string[] {
  const problems: string[] = [];
  const serialized = JSON.stringify(json);
  if (json.version !== '1.5') problems.push(`version is ${String(json.version)}, expected 1.5`);
  if (options.templates !== false && serialized.includes('${'))
    problems.push('a ${...} template expression was left in the card');
  const bytes = Buffer.byteLength(serialized, 'utf8');
  if (bytes >= MAX_CARD_BYTES) problems.push(`the card is ${bytes} bytes; Teams takes less than ${MAX_CARD_BYTES}`);
  walk(json, (node, path) => {
    const type = node.type;
    if (type === 'Action.Execute') {
      if (!nonEmpty(node.verb)) problems.push(`${path}: Action.Execute without a verb`);
      const data = node.data as Node | undefined;
      if (data && data.verb !== node.verb) problems.push(`${path}: data.verb differs from the verb`);
      const fallback = node.fallback as Node | undefined;
      if (fallback && typeof fallback === 'object' && (fallback.data as Node | undefined)?.verb !== node.verb)
        problems.push(`${path}: the Action.Submit fallback does not carry the verb`);
    }
    if (type === 'Action.Submit' && !nonEmpty((node.data as Node | undefined)?.verb))
      problems.push(`${path}: Action.Submit without a verb in its data`);
    if (typeof type === 'string' && type.startsWith('Input.')) {
      if (!nonEmpty(node.id)) problems.push(`${path}: ${type} without an id`);
      if (!nonEmpty(node.label)) problems.push(`${path}: ${type} ${String(node.id)} without a label`);
    }
    if (typeof type === 'string' && /^(TextBlock)$/.test(type) && !nonEmpty(node.text))
      problems.push(`${path}: empty TextBlock`);
  });
  return problems;
}

/** Every problem of the card (library and own checks); empty when Teams can show it. */
export function cardProblems(json: AdaptiveCard): string[] {
  return [...libraryProblems(json), ...ownProblems(json)];
}

export class InvalidCardError extends Error {}

/**
 * Throws with every problem listed; used before a card leaves the bot. Cards built by our builders
 * contain no templates, so here a "${" can only be someone's own text and is not a problem.
 */
export function assertValidCard(json: AdaptiveCard, name = 'card'): AdaptiveCard {
  const problems = [...libraryProblems(json), ...ownProblems(json, { templates: false })];
  if (problems.length) throw new InvalidCardError(`${name} is not a valid Teams card:\n- ${problems.join('\n- ')}`);
  return json;
}
