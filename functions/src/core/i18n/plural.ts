/**
 * Plural forms in message templates, shared by the bot's and the tab's translators. A template may
 * hold ICU-style blocks `{n, plural, =0 {none} one {# person} other {# people}}`: the branch is chosen
 * by an exact `=N` match, else by `Intl.PluralRules` of the language (its category: zero, one, two,
 * few, many, other), else `other`; `#` in the branch is the number in the language's notation.
 * Ordinary `{name}` placeholders inside a branch are left for the caller to fill.
 */

/** Replaces every plural block of `template`; a block whose count is missing or not a number is left as it is. */
export function selectPlurals(template: string, locale: string, params: Record<string, unknown>): string {
  if (!template.includes(', plural,')) return template;
  let out = '';
  let i = 0;
  while (i < template.length) {
    const match = /\{(\w+), plural,/.exec(template.slice(i));
    if (!match) break;
    const start = i + match.index;
    const end = closingBrace(template, start);
    if (end < 0) break;
    out += template.slice(i, start);
    const whole = template.slice(start, end + 1);
    const value = params[match[1] ?? ''];
    out += typeof value === 'number' ? chooseBranch(whole.slice(match[0].length, -1), value, locale) : whole;
    i = end + 1;
  }
  return out + template.slice(i);
}

/** The index of the `}` that closes the `{` at `open`, or -1. */
function closingBrace(text: string, open: number): number {
  let depth = 0;
  for (let j = open; j < text.length; j++) {
    if (text[j] === '{') depth++;
    else if (text[j] === '}' && --depth === 0) return j;
  }
  return -1;
}

const rulesCache = new Map<string, Intl.PluralRules>();
const numberCache = new Map<string, Intl.NumberFormat>();

function chooseBranch(body: string, value: number, locale: string): string {
  const branches = new Map<string, string>();
  let j = 0;
  while (j < body.length) {
    const selector = /^\s*(=\d+|zero|one|two|few|many|other)\s*\{/.exec(body.slice(j));
    if (!selector) break;
    const open = j + selector[0].length - 1;
    const close = closingBrace(body, open);
    if (close < 0) break;
    branches.set(selector[1] ?? '', body.slice(open + 1, close));
    j = close + 1;
  }
  let rules = rulesCache.get(locale);
  if (!rules) rulesCache.set(locale, (rules = new Intl.PluralRules(locale)));
  let numbers = numberCache.get(locale);
  if (!numbers) numberCache.set(locale, (numbers = new Intl.NumberFormat(locale)));
  const chosen = branches.get(`=${value}`) ?? branches.get(rules.select(value)) ?? branches.get('other') ?? '';
  const formatted = numbers.format(value);
  return chosen.replace(/#/g, formatted);
}

/** The `{name}` placeholders a template needs, plural blocks counted by their variable (for catalogue checks). */
export function placeholdersOf(template: string): string[] {
  const names = new Set<string>();
  for (const m of template.matchAll(/\{(\w+)(?:\}|, plural,)/g)) if (m[1]) names.add(m[1]);
  return [...names].sort();
}
