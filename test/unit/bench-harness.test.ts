import { ActivityStream, guidFor, makeUsers } from '../../bench/lib/activity';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { npmStartNodeArgs } from '../../bench/lib/proc';
import { markdownTable, median } from '../../bench/lib/report';

describe('benchmark harness (npm run bench)', () => {
  it('sends Teams-shaped /meet activities from many users, each with its own activity id', () => {
    const stream = new ActivityStream('http://127.0.0.1:9/teams/', guidFor('tenant'), makeUsers('t', 3), 'run');
    const bodies = Array.from({ length: 6 }, () => JSON.parse(stream.body()) as { id: string; text: string; from: { aadObjectId: string }; conversation: { tenantId: string } });
    expect(new Set(bodies.map((b) => b.id)).size).toBe(6);
    expect(new Set(bodies.map((b) => b.from.aadObjectId)).size).toBe(3);
    expect(bodies[0]?.text).toMatch(/^\/meet /);
    expect(bodies[0]?.conversation.tenantId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-a[0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('prints its figures as a Markdown table', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 2, 3])).toBe(2.5);
    expect(markdownTable(['a', 'b'], [['1', 22]]).split('\n')).toEqual(['| a   | b   |', '|-----|-----|', '| 1   | 22  |']);
  });

  it('runs MeetNow with the node options of npm start, which the Docker image uses too', () => {
    const root = join(__dirname, '..', '..');
    const args = npmStartNodeArgs(join(root, 'package.json'));
    expect(args).toContain('--max-old-space-size=1024');
    expect(args).toContain('--max-semi-space-size=32');
    const cmd = /^CMD (\[.*\])$/m.exec(readFileSync(join(root, 'Dockerfile'), 'utf8'))?.[1];
    expect(JSON.parse(cmd ?? '[]')).toEqual(['node', ...args, 'dist/index.js']);
  });
});
