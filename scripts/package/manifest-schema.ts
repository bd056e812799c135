/**
 * Validates a Teams app manifest and its localization files against the JSON schemas that
 * `@microsoft/app-manifest` ships (draft-04, checked with ajv-draft-04), offline.
 */
import Ajv from 'ajv-draft-04';
import type { ValidateFunction } from 'ajv';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

export type SchemaKind = 'manifest' | 'localization';

const FILES: Record<SchemaKind, string> = {
  manifest: 'MicrosoftTeams.schema.json',
  localization: 'MicrosoftTeams.Localization.schema.json',
};

/** Folder of the Teams schemas inside the installed @microsoft/app-manifest package. */
export function teamsSchemaRoot(): string {
  return join(dirname(require.resolve('@microsoft/app-manifest/package.json')), 'build', 'json-schemas', 'teams');
}

/** The numbered manifest versions the package ships (not devPreview), oldest first. */
export function shippedManifestVersions(): string[] {
  return readdirSync(teamsSchemaRoot())
    .filter((d) => /^v\d+\.\d+$/.test(d))
    .map((d) => d.slice(1))
    .sort((a, b) => compareVersions(a, b));
}

export function compareVersions(a: string, b: string): number {
  const [am = 0, an = 0] = a.split('.').map(Number);
  const [bm = 0, bn = 0] = b.split('.').map(Number);
  return am - bm || an - bn;
}

const compiled = new Map<string, ValidateFunction>();

function validator(kind: SchemaKind, version: string): ValidateFunction {
  const key = `${kind}@${version}`;
  const cached = compiled.get(key);
  if (cached) return cached;
  const file = join(teamsSchemaRoot(), `v${version}`, FILES[kind]);
  if (!existsSync(file)) throw new Error(`@microsoft/app-manifest ships no ${kind} schema for version ${version}.`);
  // NOTE: the shipped localization schemas contain patterns such as `\b]\.description$` that are
  // valid JavaScript regular expressions only without the `u` flag, so patterns compile without it.
  const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
  ajv.addFormat('uri', (value: string) => URL.canParse(value));
  const validate = ajv.compile(JSON.parse(readFileSync(file, 'utf8')) as object);
  compiled.set(key, validate);
  return validate;
}

/** Schema errors as readable lines ("/bots/0/botId must match pattern ..."); empty when valid. */
export function schemaErrors(kind: SchemaKind, version: string, document: unknown): string[] {
  const validate = validator(kind, version);
  if (validate(document)) return [];
  return (validate.errors ?? []).map(
    (e) => `${e.instancePath || '/'} ${e.message ?? 'is invalid'}${e.params ? ` ${JSON.stringify(e.params)}` : ''}`,
  );
}
