import type { DoctorReport } from './doctor';
import type { CheckStatus } from './doctor-check';

const MARKS: Record<CheckStatus, string> = { pass: '✔', fail: '✘', warn: '!', skip: '-', info: 'i' };
const COLORS: Record<CheckStatus, string> = { pass: '\x1b[32m', fail: '\x1b[31m', warn: '\x1b[33m', skip: '\x1b[90m', info: '\x1b[36m' };
const RESET = '\x1b[0m';

/** The doctor's findings for a person: one line per check, each failure followed by its fix. */
export function renderDoctorReport(report: DoctorReport, options: { color?: boolean } = {}): string {
  const paint = (status: CheckStatus, text: string) => (options.color === true ? `${COLORS[status]}${text}${RESET}` : text);
  const width = Math.max(...report.checks.map((check) => check.title.length));
  const lines = [
    report.embedded
      ? 'MeetNow doctor: no Graph credentials configured, checking the embedded Entra + Graph emulator'
      : 'MeetNow doctor: checking the configured Entra app, tenant and Microsoft Graph',
    '',
  ];
  for (const check of report.checks) {
    lines.push(`${paint(check.status, MARKS[check.status])} ${check.title.padEnd(width)}  ${check.detail}`);
    if (check.fix !== undefined && check.fix.length > 0) {
      lines.push(`  ${' '.repeat(width)}  Fix:`);
      for (const step of check.fix) lines.push(`  ${' '.repeat(width)}    ${step}`);
    }
  }
  const failures = report.checks.filter((check) => check.status === 'fail').length;
  const warnings = report.checks.filter((check) => check.status === 'warn').length;
  lines.push('');
  lines.push(
    failures === 0
      ? paint('pass', `All checks passed${warnings > 0 ? ` (${warnings} warning${warnings === 1 ? '' : 's'})` : ''}.`)
      : paint('fail', `${failures} problem${failures === 1 ? '' : 's'} found: follow the fix under each ✘ and run the doctor again.`),
  );
  return `${lines.join('\n')}\n`;
}
