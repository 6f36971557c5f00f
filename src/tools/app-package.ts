import { mkdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { AppManifestUtils, type AppManifest } from '@microsoft/app-manifest';
import AdmZip from 'adm-zip';
import { COLOR_SIZE, OUTLINE_SIZE } from './icons';
import { readPng } from './png';
import { GUID } from '../guards';

const ROOT = join(__dirname, '..', '..');
export const MANIFEST_DIR = join(ROOT, 'manifest');
export const DEFAULT_OUTPUT = join(ROOT, 'app-package', 'MeetNow.zip');
/** Used when MicrosoftAppId is not set, so that a fresh clone packages (for a look, not for upload). */
export const DEVELOPMENT_APP_ID = '5c4b1d5e-2a7f-4c1b-9a5e-1d2c3b4a5f60';
const SCHEMA = join(ROOT, 'node_modules', '@microsoft', 'app-manifest', 'build', 'json-schemas', 'teams', 'v1.30', 'MicrosoftTeams.schema.json');

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

/** The Teams v1.30 schema bundled in @microsoft/app-manifest, read the way the library reads it (no download). */
export function bundledSchema(): Record<string, unknown> {
  const raw = readFileSync(SCHEMA, 'utf8');
  return JSON.parse(raw.replace(/\\a/g, '\\u0007').replace(/\\v/g, '\\u000b')) as Record<string, unknown>;
}

/** Schema errors, plus the icon rules the schema cannot express (sizes, a white-on-transparent outline). */
export async function validatePackage(manifest: Record<string, unknown>, manifestDir = MANIFEST_DIR): Promise<string[]> {
  const errors = await AppManifestUtils.validateAgainstSchema(
    manifest as unknown as AppManifest,
    bundledSchema() as unknown as Parameters<typeof AppManifestUtils.validateAgainstSchema>[1],
  );
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

/** The zip Teams accepts: manifest.json and both icons at the root. */
export function writeZip(manifest: Record<string, unknown>, output: string, manifestDir = MANIFEST_DIR): void {
  const icons = manifest.icons as { color: string; outline: string };
  const zip = new AdmZip();
  zip.addFile('manifest.json', Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`, 'utf8'));
  zip.addFile(icons.color, readFileSync(join(manifestDir, icons.color)));
  zip.addFile(icons.outline, readFileSync(join(manifestDir, icons.outline)));
  mkdirSync(dirname(output), { recursive: true });
  zip.writeZip(output);
}

async function main(): Promise<void> {
  const output = resolve(process.argv[2] ?? DEFAULT_OUTPUT);
  const { manifest, appId, warnings } = buildManifest(process.env);
  for (const warning of warnings) process.stderr.write(`warning: ${warning}\n`);
  const errors = await validatePackage(manifest);
  if (errors.length > 0) {
    process.stderr.write(`The manifest does not validate against the Teams v1.30 schema:\n${errors.map((error) => `  - ${error}`).join('\n')}\n`);
    process.exit(1);
  }
  writeZip(manifest, output);
  process.stdout.write(`Teams app package for bot ${appId} (manifest ${String(manifest.manifestVersion)}, version ${String(manifest.version)}), valid against the bundled schema: ${output}\n`);
}

if (require.main === module) {
  main().catch((error: unknown) => {
    process.stderr.write(`npm run package failed: ${(error as Error).message}\n`);
    process.exit(1);
  });
}
