import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import AdmZip from 'adm-zip';
import { colorIcon, outlineIcon } from '../../src/tools/icons';
import { readPng } from '../../src/tools/png';
import { CATALOGS } from '../../src/i18n/catalog';

// @microsoft/app-manifest requires strip-bom 5, an ES module that jest's CommonJS runtime cannot load (node itself
// can, so the compiled tool needs no help): give it the same one-liner before loading the tool.
const appManifestDir = dirname(require.resolve('@microsoft/app-manifest/package.json'));
jest.doMock(require.resolve('strip-bom', { paths: [appManifestDir] }), () => ({
  __esModule: true,
  default: (text: string) => text.replace(/^\uFEFF/, ''),
}));
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { buildManifest, DEVELOPMENT_APP_ID, languageFiles, translatableStrings, validatePackage, writeZip } = require('../../src/tools/app-package') as typeof import('../../src/tools/app-package');

const APP_ID = '0e4b8b5c-1f0a-4d6b-9a3e-7c2d1b0a9f8e';
const MANIFEST_DIR = join(__dirname, '..', '..', 'manifest');
const readJson = (path: string) => JSON.parse(readFileSync(path, 'utf8')) as Record<string, string>;

describe('the Teams app package', () => {
  it('fills the app and bot ids from MicrosoftAppId and validates against the bundled v1.30 schema', async () => {
    const { manifest, warnings } = buildManifest({ MicrosoftAppId: APP_ID });
    expect(warnings).toEqual([]);
    expect(manifest.manifestVersion).toBe('1.30');
    expect(manifest.id).toBe(APP_ID);
    const [bot] = manifest.bots as Array<{ botId: string; scopes: string[]; commandLists: Array<{ scopes: string[]; commands: Array<{ title: string }> }> }>;
    expect(bot?.botId).toBe(APP_ID);
    expect(bot?.scopes.sort()).toEqual(['groupChat', 'personal', 'team']);
    for (const scope of ['personal', 'team', 'groupChat']) {
      const list = bot?.commandLists.find((candidate) => candidate.scopes.includes(scope));
      expect(list?.commands.map((command) => command.title)).toEqual(['meet', 'help']);
    }
    expect(await validatePackage(manifest)).toEqual([]);
  });

  it('declares the compose-box action startMeeting on the same bot, in the compose box, the command box and a message’s … menu', async () => {
    const { manifest } = buildManifest({ MicrosoftAppId: APP_ID });
    const extensions = manifest.composeExtensions as Array<{ botId: string; commands: Array<Record<string, unknown>> }>;
    expect(extensions).toHaveLength(1);
    expect(extensions[0]?.botId).toBe(APP_ID);
    expect(extensions[0]?.commands).toEqual([
      { id: 'startMeeting', type: 'action', fetchTask: true, context: ['compose', 'commandBox', 'message'], title: expect.any(String), description: expect.any(String) },
    ]);
    const [command] = extensions[0]?.commands ?? [];
    expect(await validatePackage(manifest)).toEqual([]);
    // The schema allows 10 commands of 32-character titles: one over that is refused, so the check above has teeth.
    const tooLong = { ...manifest, composeExtensions: [{ ...extensions[0], commands: [{ ...command, title: 'x'.repeat(33) }] }] };
    expect((await validatePackage(tooLong)).join('\n')).toMatch(/composeExtensions\/0\/commands\/0\/title/);
  });

  it('speaks German, French, Spanish and Japanese: one file each, translating every string of the manifest', () => {
    const { manifest } = buildManifest({ MicrosoftAppId: APP_ID });
    expect(manifest.localizationInfo).toMatchObject({ defaultLanguageTag: 'en' });
    expect(languageFiles(manifest).map((language) => language.languageTag)).toEqual(['de', 'fr', 'es', 'ja']);
    const english = translatableStrings(manifest);
    expect([...english.keys()]).toEqual(expect.arrayContaining(['name.full', 'description.full', 'bots[0].commandLists[2].commands[1].description', 'composeExtensions[0].commands[0].title']));
    for (const { languageTag, file } of languageFiles(manifest)) {
      const strings = readJson(join(MANIFEST_DIR, file));
      expect([file, Object.keys(strings).filter((key) => key !== '$schema').sort()]).toEqual([file, [...english.keys()].sort()]);
      // Translated, not copied: only the product name stays the same.
      expect([file, [...english].filter(([key, text]) => strings[key] === text).map(([key]) => key)]).toEqual([file, ['name.short']]);
      expect(strings.$schema).toBe('https://developer.microsoft.com/en-us/json-schemas/teams/v1.30/MicrosoftTeams.Localization.schema.json');
      expect(languageTag).toBe(file.replace('.json', ''));
    }
  });

  it('shows in each language’s command menu the words the bot reads in that language', () => {
    const { manifest } = buildManifest({ MicrosoftAppId: APP_ID });
    const menus = (strings: Record<string, string>) => [0, 1, 2].map((list) => [strings[`bots[0].commandLists[${list}].commands[0].title`], strings[`bots[0].commandLists[${list}].commands[1].title`]]);
    expect(menus(Object.fromEntries(translatableStrings(manifest)))).toEqual(Array(3).fill(['meet', 'help']));
    for (const { languageTag, file } of languageFiles(manifest)) {
      const catalog = CATALOGS[languageTag];
      expect([file, menus(readJson(join(MANIFEST_DIR, file)))]).toEqual([file, Array(3).fill([catalog?.['command.meet'], catalog?.['command.help']])]);
    }
  });

  it('refuses a language file the localization schema refuses, that misses or invents a string, or that is not JSON', async () => {
    const { manifest } = buildManifest({ MicrosoftAppId: APP_ID });
    const dir = mkdtempSync(join(tmpdir(), 'meetnow-manifest-'));
    cpSync(MANIFEST_DIR, dir, { recursive: true });
    const edit = (file: string, change: (strings: Record<string, string>) => void) => {
      const strings = readJson(join(dir, file));
      change(strings);
      writeFileSync(join(dir, file), JSON.stringify(strings));
    };
    edit('de.json', (strings) => (strings['composeExtensions[0].commands[0].title'] = 'Eine Teams-Besprechung jetzt starten'));
    edit('fr.json', (strings) => delete strings['bots[0].commandLists[1].commands[1].title']);
    edit('es.json', (strings) => (strings['bots[0].commandLists[3].commands[0].title'] = 'reunión'));
    writeFileSync(join(dir, 'ja.json'), '{ "name.short": "MeetNow", ');
    const errors = await validatePackage(manifest, dir);
    expect(errors).toEqual([
      expect.stringMatching(/^de\.json \(de\): \/composeExtensions\[0\]\.commands\[0\]\.title must NOT have more than 32 characters/),
      'fr.json (fr) does not translate bots[0].commandLists[1].commands[1].title',
      expect.stringMatching(/^es\.json \(es\): .*must NOT have additional properties.*bots\[0\]\.commandLists\[3\]/),
      'es.json (es) translates bots[0].commandLists[3].commands[0].title, which the manifest does not have',
      expect.stringMatching(/^ja\.json \(ja\) cannot be read: /),
    ]);
    expect(await validatePackage(manifest)).toEqual([]);
  });

  it('uses a fixed development id with a warning when MicrosoftAppId is not set', () => {
    const { manifest, warnings } = buildManifest({});
    expect(manifest.id).toBe(DEVELOPMENT_APP_ID);
    expect(warnings.join(' ')).toContain('MicrosoftAppId');
  });

  it('reports what the schema refuses', async () => {
    const { manifest } = buildManifest({ MicrosoftAppId: APP_ID });
    const broken = { ...manifest, manifestVersion: '1.30', bots: [{ botId: 'not-a-guid', scopes: ['everywhere'] }] };
    delete (broken as Record<string, unknown>).developer;
    const errors = await validatePackage(broken);
    expect(errors.length).toBeGreaterThan(0);
    expect(errors.join('\n')).toMatch(/developer|scopes|botId/);
  });

  it('has a 192×192 colour icon and a 32×32 white-on-transparent outline icon, and the committed ones are current', () => {
    const color = readPng(colorIcon());
    const outline = readPng(outlineIcon());
    expect([color.width, color.height, outline.width, outline.height]).toEqual([192, 192, 32, 32]);
    const pixels = outline.rgba as Uint8Array;
    const alphas = new Set<number>();
    for (let i = 0; i < pixels.length; i += 4) {
      expect([pixels[i], pixels[i + 1], pixels[i + 2]]).toEqual([255, 255, 255]);
      alphas.add(pixels[i + 3] as number);
    }
    expect(alphas.has(0)).toBe(true);
    expect(alphas.has(255)).toBe(true);
    expect(readFileSync(join(MANIFEST_DIR, 'color.png')).equals(colorIcon())).toBe(true);
    expect(readFileSync(join(MANIFEST_DIR, 'outline.png')).equals(outlineIcon())).toBe(true);
  });

  it('writes a zip with manifest.json, the icons and the language files at its root', () => {
    const { manifest } = buildManifest({ MicrosoftAppId: APP_ID });
    const output = join(mkdtempSync(join(tmpdir(), 'meetnow-package-')), 'MeetNow.zip');
    writeZip(manifest, output);
    const zip = new AdmZip(output);
    expect(zip.getEntries().map((entry) => entry.entryName).sort()).toEqual(['color.png', 'de.json', 'es.json', 'fr.json', 'ja.json', 'manifest.json', 'outline.png']);
    expect(JSON.parse(zip.readAsText('manifest.json'))).toEqual(manifest);
    for (const file of ['de.json', 'es.json', 'fr.json', 'ja.json']) expect(zip.readFile(file)?.equals(readFileSync(join(MANIFEST_DIR, file)))).toBe(true);
  });

  it('`npm run package` (the compiled tool) validates and writes the zip, warning without MicrosoftAppId', async () => {
    const output = join(mkdtempSync(join(tmpdir(), 'meetnow-package-')), 'app.zip');
    const env = { ...process.env };
    delete env.MicrosoftAppId;
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [join(__dirname, '..', '..', 'dist', 'tools', 'app-package.js'), output], { env });
    expect(stdout).toContain('valid against the bundled schema');
    expect(stderr).toContain('warning: MicrosoftAppId is not set');
    expect(stdout).toContain('languages en, de, fr, es, ja');
    expect(new AdmZip(output).getEntry('manifest.json')).not.toBeNull();
  });
});
