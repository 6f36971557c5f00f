import { mkdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { AppManifestUtils, type AppManifest } from '@microsoft/app-manifest';
import AdmZip from 'adm-zip';
import { COLOR_SIZE, OUTLINE_SIZE } from './icons';
import { readPng } from './png';
import { GUID, isRecord } from '../guards';

const ROOT = join(__dirname, '..', '..');
export const MANIFEST_DIR = join(ROOT, 'manifest');
export const DEFAULT_OUTPUT = join(ROOT, 'app-package', 'MeetNow.zip');
/** Used when MicrosoftAppId is not set, so that a fresh clone packages (for a look, not for upload). */
export const DEVELOPMENT_APP_ID = '5c4b1d5e-2a7f-4c1b-9a5e-1d2c3b4a5f60';
const SCHEMA_VERSION = '1.30';
const SCHEMAS = join(ROOT, 'node_modules', '@microsoft', 'app-manifest', 'build', 'json-schemas', 'teams', `v${SCHEMA_VERSION}`);
type Schema = Parameters<typeof AppManifestUtils.validateAgainstSchema>[1];

export interface BuiltManifest {
  manifest: Record<string, unknown>;
  appId: string;
  warnings: string[];
}

/** The manifest template with the ids filled in from the environment (MicrosoftAppId) and the package version. */
export function buildManifest(env: NodeJS.ProcessEnv, manifestDir = MANIFEST_DIR): BuiltManifest {
  const warnings: string[] = [];
  const configured = env.MicrosoftAppId?.trim() ?? '';
  if (configured !== '' && !GUID.test(configured)) throw new Error(`MicrosoftAppId must be the Azure Bot's app id (a GUID), not "${configured}"`);
  const appId = configured === '' ? DEVELOPMENT_APP_ID : configured.toLowerCase();
  if (configured === '') {
    warnings.push(`MicrosoftAppId is not set: the package uses the development id ${DEVELOPMENT_APP_ID}. Set MicrosoftAppId to your Azure Bot's app id before uploading it to Teams.`);
  }
  const { version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
  const template = readFileSync(join(manifestDir, 'manifest.json'), 'utf8');
  const filled = template.replaceAll('{{APP_ID}}', appId).replaceAll('{{BOT_ID}}', appId).replaceAll('{{VERSION}}', version);
  return { manifest: JSON.parse(filled) as Record<string, unknown>, appId, warnings };
}

/** A Teams v1.30 schema bundled in @microsoft/app-manifest, read the way the library reads it (no download). */
export function bundledSchema(file = 'MicrosoftTeams.schema.json'): Record<string, unknown> {
  const raw = readFileSync(join(SCHEMAS, file), 'utf8');
  return JSON.parse(raw.replace(/\\a/g, '\\u0007').replace(/\\v/g, '\\u000b')) as Record<string, unknown>;
}

/**
 * The localization file schema (https://learn.microsoft.com/microsoftteams/platform/resources/schema/localization-schema).
 * Two of its key patterns end in `\b]`: a lone `]` is a literal in a plain JavaScript pattern but a syntax error
 * in the unicode mode ajv compiles patterns in, so it is escaped (the same pattern, now compilable).
 */
function localizationSchema(): Record<string, unknown> {
  const schema = bundledSchema('MicrosoftTeams.Localization.schema.json');
  const patterns = isRecord(schema.patternProperties) ? schema.patternProperties : {};
  return { ...schema, patternProperties: Object.fromEntries(Object.entries(patterns).map(([key, value]) => [key.replaceAll('\\b]', '\\b\\]'), value])) };
}

/** The files of `localizationInfo.additionalLanguages`, one per language (https://learn.microsoft.com/microsoftteams/platform/concepts/build-and-test/apps-localization). */
export function languageFiles(manifest: Record<string, unknown>): Array<{ languageTag: string; file: string }> {
  const info = isRecord(manifest.localizationInfo) ? manifest.localizationInfo : {};
  return Array.isArray(info.additionalLanguages) ? (info.additionalLanguages as Array<{ languageTag: string; file: string }>) : [];
}

/** Every language the package speaks, the manifest's own first. */
function languageTags(manifest: Record<string, unknown>): string[] {
  const info = isRecord(manifest.localizationInfo) ? manifest.localizationInfo : {};
  return [String(info.defaultLanguageTag), ...languageFiles(manifest).map((language) => language.languageTag)];
}

/**
 * The manifest's strings a language file translates, by the key it uses for them (`name.short`,
 * `bots[0].commandLists[1].commands[0].title`): the localization schema's own keys and key patterns decide.
 */
export function translatableStrings(manifest: Record<string, unknown>, schema = localizationSchema()): Map<string, string> {
  const named = Object.keys(isRecord(schema.properties) ? schema.properties : {}).filter((key) => key !== '$schema' && key !== 'localizationKeys');
  const patterns = Object.keys(isRecord(schema.patternProperties) ? schema.patternProperties : {}).map((pattern) => new RegExp(pattern, 'u'));
  const strings = new Map<string, string>();
  const walk = (value: unknown, path: string): void => {
    if (typeof value === 'string' && (named.includes(path) || patterns.some((pattern) => pattern.test(path)))) strings.set(path, value);
    else if (Array.isArray(value)) value.forEach((item, index) => walk(item, `${path}[${index}]`));
    else if (isRecord(value)) for (const [key, item] of Object.entries(value)) walk(item, path === '' ? key : `${path}.${key}`);
  };
  walk(manifest, '');
  return strings;
}

/** What is wrong with each language file: unreadable, refused by the schema, for another manifest version, or not translating exactly the manifest's strings. */
async function languageFileErrors(manifest: Record<string, unknown>, manifestDir: string): Promise<string[]> {
  const schema = localizationSchema();
  const expected = [...translatableStrings(manifest, schema).keys()];
  const errors: string[] = [];
  for (const { languageTag, file } of languageFiles(manifest)) {
    let strings: unknown;
    try {
      strings = JSON.parse(readFileSync(join(manifestDir, file), 'utf8'));
    } catch (error) {
      errors.push(`${file} (${languageTag}) cannot be read: ${(error as Error).message}`);
      continue;
    }
    if (!isRecord(strings)) {
      errors.push(`${file} (${languageTag}) must be a JSON object of translated strings`);
      continue;
    }
    const refused = await AppManifestUtils.validateAgainstSchema(strings as unknown as AppManifest, schema as unknown as Schema);
    errors.push(...refused.map((error) => `${file} (${languageTag}): ${error}`));
    // The manifest and its localization files must be of the same version (the page above).
    if (typeof strings.$schema !== 'string' || !strings.$schema.includes(`/v${String(manifest.manifestVersion)}/`)) {
      errors.push(`${file} (${languageTag}): $schema must be the v${String(manifest.manifestVersion)} localization schema, like the manifest`);
    }
    const keys = Object.keys(strings).filter((key) => key !== '$schema');
    for (const key of expected.filter((key) => !keys.includes(key))) errors.push(`${file} (${languageTag}) does not translate ${key}`);
    for (const key of keys.filter((key) => !expected.includes(key))) errors.push(`${file} (${languageTag}) translates ${key}, which the manifest does not have`);
  }
  return errors;
}

/** Schema errors, plus the icon rules the schema cannot express (sizes, a white-on-transparent outline). */
export async function validatePackage(manifest: Record<string, unknown>, manifestDir = MANIFEST_DIR): Promise<string[]> {
  const errors = await AppManifestUtils.validateAgainstSchema(manifest as unknown as AppManifest, bundledSchema() as unknown as Schema);
  errors.push(...(await languageFileErrors(manifest, manifestDir)));
  const icons = manifest.icons as { color: string; outline: string };
  const color = readPng(readFileSync(join(manifestDir, icons.color)));
  if (color.width !== COLOR_SIZE || color.height !== COLOR_SIZE) errors.push(`icons.color must be ${COLOR_SIZE}×${COLOR_SIZE}, is ${color.width}×${color.height}`);
  const outline = readPng(readFileSync(join(manifestDir, icons.outline)));
  if (outline.width !== OUTLINE_SIZE || outline.height !== OUTLINE_SIZE) errors.push(`icons.outline must be ${OUTLINE_SIZE}×${OUTLINE_SIZE}, is ${outline.width}×${outline.height}`);
  if (outline.rgba === undefined) errors.push('icons.outline must be an 8-bit RGBA PNG (white on transparent)');
  else {
    let transparent = 0;
    for (let i = 0; i < outline.rgba.length; i += 4) {
      const alpha = outline.rgba[i + 3] ?? 0;
      if (alpha === 0) transparent += 1;
      else if (outline.rgba[i] !== 255 || outline.rgba[i + 1] !== 255 || outline.rgba[i + 2] !== 255) {
        errors.push('icons.outline must be white on transparent: it has a coloured pixel');
        break;
      }
    }
    if (transparent === 0) errors.push('icons.outline must have a transparent background');
  }
  return errors;
}

/** The zip Teams accepts: manifest.json, both icons and the language files at the root. */
export function writeZip(manifest: Record<string, unknown>, output: string, manifestDir = MANIFEST_DIR): void {
  const icons = manifest.icons as { color: string; outline: string };
  const zip = new AdmZip();
  zip.addFile('manifest.json', Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`, 'utf8'));
  zip.addFile(icons.color, readFileSync(join(manifestDir, icons.color)));
  zip.addFile(icons.outline, readFileSync(join(manifestDir, icons.outline)));
  for (const { file } of languageFiles(manifest)) zip.addFile(file, readFileSync(join(manifestDir, file)));
  mkdirSync(dirname(output), { recursive: true });
  zip.writeZip(output);
}

async function main(): Promise<void> {
  const output = resolve(process.argv[2] ?? DEFAULT_OUTPUT);
  const { manifest, appId, warnings } = buildManifest(process.env);
  for (const warning of warnings) process.stderr.write(`warning: ${warning}\n`);
  const errors = await validatePackage(manifest);
  if (errors.length > 0) {
    process.stderr.write(`The app package does not validate against the Teams v${SCHEMA_VERSION} schemas:\n${errors.map((error) => `  - ${error}`).join('\n')}\n`);
    process.exit(1);
  }
  writeZip(manifest, output);
  process.stdout.write(`Teams app package for bot ${appId} (manifest ${String(manifest.manifestVersion)}, version ${String(manifest.version)}, languages ${languageTags(manifest).join(', ')}), valid against the bundled schemas: ${output}\n`);
}

if (require.main === module) {
  main().catch((error: unknown) => {
    process.stderr.write(`npm run package failed: ${(error as Error).message}\n`);
    process.exit(1);
  });
}
