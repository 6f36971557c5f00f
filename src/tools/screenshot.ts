import { mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { startMeetNow } from '../index';
import { startPlayground } from './playground';

const ROOT = join(__dirname, '..', '..');
export const DEFAULT_SCREENSHOT = join(ROOT, 'docs', 'playground-meeting-card.png');
export const DEFAULT_COMPOSE_SCREENSHOT = join(ROOT, 'docs', 'playground-compose-box.png');
export const DEFAULT_SCHEDULED_SCREENSHOT = join(ROOT, 'docs', 'playground-scheduled-meeting.png');
export const DEFAULT_CANCELLED_SCREENSHOT = join(ROOT, 'docs', 'playground-cancelled-meeting.png');
/** Debian's Chromium (DESIGN §7): test tools' own browser downloads do not work here. */
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const CHROMIUM_FLAGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

/** Types a message into the Playground's chat like a person and sends it. */
async function say(page: Page, text: string): Promise<void> {
  const composer = page.locator('[data-lexical-editor="true"]').first();
  await composer.focus();
  await composer.pressSequentially(text);
  await page.keyboard.press('Enter');
}

/**
 * A scheduled meeting and its cancellation: `/meet tomorrow 3pm for 45m Budget review` becomes an event in
 * the organizer's calendar (SCHEDULED_MEETINGS=calendar, the default) whose card offers "Cancel meeting";
 * the page is saved, the button clicked (the Playground sends the `adaptiveCard/action` invoke of its
 * Action.Execute), and the page saved again once the card's message reads "Meeting cancelled" in place.
 */
async function scheduledMeetingScreenshots(page: Page, scheduledOutput: string, cancelledOutput: string): Promise<void> {
  await say(page, '/meet tomorrow 3pm for 45m Budget review');
  const cancel = page.getByRole('button', { name: 'Cancel meeting', exact: true }).last();
  await cancel.waitFor({ timeout: 30_000 });
  await cancel.scrollIntoViewIfNeeded();
  await page.screenshot({ path: scheduledOutput });
  process.stdout.write(`wrote ${scheduledOutput}\n`);
  await cancel.click();
  const cancelled = page.getByText('Meeting cancelled', { exact: true }).last();
  await cancelled.waitFor({ timeout: 30_000 });
  await cancelled.scrollIntoViewIfNeeded();
  await page.screenshot({ path: cancelledOutput });
  process.stdout.write(`wrote ${cancelledOutput}\n`);
}

/**
 * The compose box: the Playground's "Message extension" panel runs the action command `startMeeting`
 * (composeExtension/fetchTask), the dialog is filled in and submitted (composeExtension/submitAction), and
 * the page is saved once the meeting card sits in the message being written.
 */
async function composeBoxScreenshot(page: Page, output: string): Promise<void> {
  await page.getByRole('button', { name: 'Trigger Message Extension App' }).click();
  await page.getByText('Action Command', { exact: true }).click();
  await page.getByRole('textbox', { name: 'Command ID' }).fill('startMeeting');
  await page.getByRole('button', { name: 'Create', exact: true }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Subject').fill('Design review');
  await dialog.getByRole('button', { name: 'Create meeting' }).click();
  await page.getByText('Design review', { exact: true }).first().waitFor({ timeout: 30_000 });
  // The dialog fades out after the submit: the picture is of the compose box, not of the fading dialog.
  await dialog.waitFor({ state: 'hidden' });
  await page.screenshot({ path: output });
  process.stdout.write(`wrote ${output}\n`);
}

/**
 * `npm run screenshot`: the bot and the Playground on free loopback ports, headless Chromium types
 * `/meet Quarterly numbers` into the Playground's personal chat like a person, waits for the meeting card
 * and saves the page; then a scheduled meeting, its cancellation, and a meeting started from the compose box.
 */
async function main(): Promise<void> {
  const output = resolve(process.argv[2] ?? DEFAULT_SCREENSHOT);
  const composeOutput = resolve(process.argv[3] ?? DEFAULT_COMPOSE_SCREENSHOT);
  const scheduledOutput = resolve(process.argv[4] ?? DEFAULT_SCHEDULED_SCREENSHOT);
  const cancelledOutput = resolve(process.argv[5] ?? DEFAULT_CANCELLED_SCREENSHOT);
  const bot = await startMeetNow({ ...process.env, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'warn', METRICS_PORT: 'off' });
  const playground = await startPlayground({ botEndpoint: `http://127.0.0.1:${bot.port}/api/messages`, port: 0 });
  // A browser that cannot start must not leave the Playground and the bot running behind this process.
  try {
    const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_FLAGS });
    try {
      const page = await browser.newPage({ viewport: { width: 1280, height: 1000 }, locale: 'en-US', timezoneId: 'UTC' });
      await page.goto(playground.url);
      // The Playground tells the bot the reader is in UTC: the browser too, so the clock and the card agree.
      // The welcome card arrives when the Playground installs the app; then speak in the chat.
      await page.getByText('Hi, I’m MeetNow').first().waitFor({ timeout: 30_000 });
      await say(page, '/meet Quarterly numbers');
      const join = page.getByText('Join meeting', { exact: true }).first();
      await join.waitFor({ timeout: 30_000 });
      await join.scrollIntoViewIfNeeded();
      mkdirSync(dirname(output), { recursive: true });
      await page.screenshot({ path: output });
      process.stdout.write(`wrote ${output}\n`);
      await scheduledMeetingScreenshots(page, scheduledOutput, cancelledOutput);
      await composeBoxScreenshot(page, composeOutput);
    } finally {
      await browser.close();
    }
  } finally {
    await playground.close();
    await bot.close();
  }
}

if (require.main === module) {
  main().catch((error: unknown) => {
    process.stderr.write(`npm run screenshot failed: ${(error as Error).message}\n`);
    process.exit(1);
  });
}
