/**
 * `npm run package`: fills the `${{...}}` placeholders of appPackage/ from the environment,
 * validates the result against the shipped Teams schemas and writes build/appPackage.zip.
 *
 *   npm run package                                             # variables from the environment
 *   npm run package -- --env-file appPackage/.env.local.example # plus a dotenv file (environment wins)
 *   npm run package -- --out build/other.zip
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { parseEnv } from 'node:util';
import { fillPlaceholders, MissingVariablesError } from './placeholders';
import { schemaErrors } from './manifest-schema';
import { createZip, type ZipEntry } from './zip-writer';

const ROOT = resolve(__dirname, '../..');

export interface PackageOptions {
  appPackageDir?: string;
  env: Record<string, string | undefined>;
  outFile: string;
}

export class PackageError extends Error {}

interface Manifest {
  manifestVersion: string;
  icons: { color: string; outline: string; color32x32?: string };
  localizationInfo?: { defaultLanguageFile?: string; additionalLanguages?: { file: string }[] };
}

function readJson(file: string): unknown {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as unknown;
  } catch (err) {
    throw new PackageError(`${file} is not valid JSON: ${(err as Error).message}`);
  }
}

/** Builds the app package; returns the zip's entry names. */
export function buildAppPackage(options: PackageOptions): string[] {
  const dir = options.appPackageDir ?? join(ROOT, 'appPackage');
  const domain = options.env.TANDEM_DOMAIN?.trim();
  if (domain && !/^[a-z0-9.-]+(:\d+)?$/i.test(domain))
    throw new PackageError(`TANDEM_DOMAIN is a host name such as func-tandem-x.azurewebsites.net, got "${domain}".`);
  const template = readJson(join(dir, 'manifest.json'));
  const filled = fill(template, options.env, 'appPackage/manifest.json') as Manifest;
  const version = filled.manifestVersion;
  const errors = schemaErrors('manifest', version, filled);
  if (errors.length)
    throw new PackageError(`manifest.json does not match the ${version} schema:\n  ${errors.join('\n  ')}`);

  const entries: ZipEntry[] = [{ name: 'manifest.json', data: Buffer.from(JSON.stringify(filled, null, 2) + '\n') }];
  const languageFiles = [
    ...(filled.localizationInfo?.defaultLanguageFile ? [filled.localizationInfo.defaultLanguageFile] : []),
    ...(filled.localizationInfo?.additionalLanguages ?? []).map((l) => l.file),
  ];
  for (const file of languageFiles) {
    const localized = fill(readJson(join(dir, file)), options.env, `appPackage/${file}`);
    const problems = schemaErrors('localization', version, localized);
    if (problems.length)
      throw new PackageError(`${file} does not match the ${version} localization schema:\n  ${problems.join('\n  ')}`);
    entries.push({ name: file, data: Buffer.from(JSON.stringify(localized, null, 2) + '\n') });
  }
  const icons = [filled.icons.color, filled.icons.outline, filled.icons.color32x32].filter((f): f is string => !!f);
  for (const icon of icons) {
    const file = join(dir, icon);
    if (!existsSync(file)) throw new PackageError(`manifest.json names the icon ${icon}, but ${file} does not exist.`);
    entries.push({ name: icon, data: readFileSync(file) });
  }
  mkdirSync(dirname(options.outFile), { recursive: true });
  writeFileSync(options.outFile, createZip(entries));
  return entries.map((e) => e.name);
}

function fill(value: unknown, env: Record<string, string | undefined>, where: string): unknown {
  try {
    return fillPlaceholders(value, env, where);
  } catch (err) {
    if (err instanceof MissingVariablesError)
      throw new PackageError(
        `${err.message}\nSet them in the environment or pass --env-file (appPackage/.env.local.example lists them all).`,
      );
    throw err;
  }
}

/** Environment for the package: the dotenv file's values, overridden by the process environment. */
export function loadEnv(
  envFile: string | undefined,
  processEnv: NodeJS.ProcessEnv,
): Record<string, string | undefined> {
  if (!envFile) return { ...processEnv };
  if (!existsSync(envFile)) throw new PackageError(`The env file ${envFile} does not exist.`);
  return { ...parseEnv(readFileSync(envFile, 'utf8')), ...processEnv };
}

function parseArgs(argv: string[]): { envFile?: string; outFile: string } {
  let envFile: string | undefined;
  let outFile = join(ROOT, 'build', 'appPackage.zip');
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = argv[i + 1];
    if ((arg === '--env-file' || arg === '--out') && value) {
      if (arg === '--env-file') envFile = resolve(value);
      else outFile = resolve(value);
      i++;
    } else throw new PackageError(`Unknown argument "${arg}". Usage: npm run package -- [--env-file FILE] [--out ZIP]`);
  }
  return { ...(envFile ? { envFile } : {}), outFile };
}

if (require.main === module) {
  try {
    const args = parseArgs(process.argv.slice(2));
    const names = buildAppPackage({ env: loadEnv(args.envFile, process.env), outFile: args.outFile });
    console.log(`Wrote ${relative(process.cwd(), args.outFile)} (${names.join(', ')})`);
  } catch (err) {
    if (!(err instanceof PackageError)) throw err;
    console.error(err.message);
    process.exitCode = 1;
  }
}
