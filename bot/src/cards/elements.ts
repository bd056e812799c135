/**
 * Typed builders for the Adaptive Card 1.5 elements Tandem uses. Cards are plain JSON data; these
 * helpers keep the shape right (labels on inputs, verbs on actions, an Action.Submit fallback on
 * every Action.Execute for Teams clients without Universal Actions).
 */
export type Json = string | number | boolean | null | Json[] | { [key: string]: Json };
export type CardElement = { type: string; [key: string]: unknown };
export type CardAction = { type: string; title: string; [key: string]: unknown };

export interface AdaptiveCard {
  type: 'AdaptiveCard';
  $schema: string;
  version: '1.5';
  body: CardElement[];
  actions?: CardAction[];
  refresh?: { action: CardAction; userIds?: string[] };
  msteams?: { width: 'Full' };
}

/** The data every Tandem action carries: the verb (also inside, for the Action.Submit fallback) and ids. */
export type ActionData = { verb: string; [key: string]: Json };

const SCHEMA = 'http://adaptivecards.io/schemas/adaptive-card.json';

function clean<T extends Record<string, unknown>>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

/**
 * NOTE: no `lang` property: adaptivecards 3.0.x validates it with a global regex whose state leaks
 * between calls (every second card fails); dates and numbers are formatted by the bot instead.
 */
export function card(
  body: CardElement[],
  actions: CardAction[] = [],
  refresh?: { action: CardAction; userIds?: string[] },
): AdaptiveCard {
  return clean({
    type: 'AdaptiveCard' as const,
    $schema: SCHEMA,
    version: '1.5' as const,
    body,
    ...(actions.length ? { actions } : {}),
    refresh,
  }) as AdaptiveCard;
}

export function heading(text: string): CardElement {
  return { type: 'TextBlock', text, wrap: true, size: 'Large', weight: 'Bolder', style: 'heading' };
}

export function subheading(text: string): CardElement {
  return { type: 'TextBlock', text, wrap: true, size: 'Medium', weight: 'Bolder', spacing: 'Medium' };
}

export function text(value: string, options: { subtle?: boolean; italic?: boolean; color?: string } = {}): CardElement {
  return clean({
    type: 'TextBlock',
    text: value,
    wrap: true,
    isSubtle: options.subtle,
    color: options.color,
    ...(options.italic ? { text: `_${value}_` } : {}),
  });
}

export function notice(value: string, kind: 'good' | 'attention' | 'accent' = 'accent'): CardElement {
  return { type: 'Container', style: kind, items: [text(value)], bleed: false, spacing: 'Medium' };
}

export function facts(rows: Array<[string, string | undefined]>): CardElement {
  return {
    type: 'FactSet',
    facts: rows.filter((r): r is [string, string] => Boolean(r[1])).map(([title, value]) => ({ title, value })),
  };
}

export function bullets(items: string[]): CardElement {
  return text(items.map((i) => `- ${i}`).join('\n'));
}

export function container(items: CardElement[], style?: 'emphasis' | 'good' | 'attention' | 'accent'): CardElement {
  return clean({ type: 'Container', items, style });
}

export interface Choice {
  title: string;
  value: string;
}

interface InputOptions {
  isRequired?: boolean;
  errorMessage?: string;
}

export function choiceSet(
  id: string,
  label: string,
  choices: Choice[],
  options: InputOptions & { multi?: boolean; value?: string | string[]; style?: 'compact' | 'expanded' } = {},
): CardElement {
  const value = Array.isArray(options.value) ? options.value.join(',') : options.value;
  return clean({
    type: 'Input.ChoiceSet',
    id,
    label,
    choices: choices.map((c) => ({ title: c.title, value: c.value })),
    isMultiSelect: options.multi,
    style: options.style ?? 'expanded',
    value: value || undefined,
    isRequired: options.isRequired,
    errorMessage: options.errorMessage,
  });
}

export function textInput(
  id: string,
  label: string,
  options: InputOptions & { multiline?: boolean; placeholder?: string; value?: string; maxLength?: number } = {},
): CardElement {
  return clean({
    type: 'Input.Text',
    id,
    label,
    isMultiline: options.multiline,
    placeholder: options.placeholder,
    value: options.value || undefined,
    maxLength: options.maxLength ?? 280,
    isRequired: options.isRequired,
    errorMessage: options.errorMessage,
  });
}

/** A checkbox: `label` names the question (screen readers, required marker), `title` sits next to the box. */
export function toggle(
  id: string,
  label: string,
  title: string,
  options: InputOptions & { value?: boolean } = {},
): CardElement {
  return clean({
    type: 'Input.Toggle',
    id,
    label,
    title,
    value: options.value ? 'true' : 'false',
    valueOn: 'true',
    valueOff: 'false',
    isRequired: options.isRequired,
    errorMessage: options.errorMessage,
  });
}

/**
 * An Action.Execute with `verb` and data; its Action.Submit fallback carries the verb in its data, so
 * older clients reach the same handler through a message activity.
 */
export function execute(
  title: string,
  data: ActionData,
  options: { style?: 'positive' | 'destructive'; validate?: boolean } = {},
): CardAction {
  const associatedInputs = options.validate === false ? 'none' : 'auto';
  return clean({
    type: 'Action.Execute',
    title,
    verb: data.verb,
    data,
    style: options.style,
    associatedInputs,
    fallback: clean({ type: 'Action.Submit', title, data, style: options.style, associatedInputs }),
  }) as CardAction;
}

export function showCard(title: string, inner: { body: CardElement[]; actions?: CardAction[] }): CardAction {
  return {
    type: 'Action.ShowCard',
    title,
    card: { type: 'AdaptiveCard', body: inner.body, ...(inner.actions ? { actions: inner.actions } : {}) },
  };
}

export function openUrl(title: string, url: string): CardAction {
  return { type: 'Action.OpenUrl', title, url };
}

export function actionSet(actions: CardAction[]): CardElement {
  return { type: 'ActionSet', actions };
}

/** `refresh` so Teams shows the current state whenever the card is viewed (1:1 chats refresh for everyone). */
export function refreshWith(data: ActionData, userIds: string[]): { action: CardAction; userIds: string[] } {
  return {
    action: { type: 'Action.Execute', title: 'refresh', verb: data.verb, data },
    userIds: userIds.map((id) => `8:orgid:${id}`),
  };
}
