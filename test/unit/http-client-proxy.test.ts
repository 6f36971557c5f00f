import { UndiciHttpClient } from '../../src/http/http-client';
import { MeetNowError } from '../../src/errors';

describe('UndiciHttpClient through a proxy that cannot be reached', () => {
  it('names the proxy by host (never its password) when its name does not resolve', async () => {
    const http = new UndiciHttpClient({ proxy: { httpsProxy: 'http://heidi:hunter2@proxy.does-not-exist.invalid:8080' }, defaultTimeoutMs: 5_000 });
    try {
      const failure = await http.send({ method: 'GET', url: 'https://graph.example.test/v1.0/' }).catch((error: unknown) => error);
      expect(failure).toBeInstanceOf(MeetNowError);
      expect((failure as MeetNowError).code).toBe('network');
      expect((failure as MeetNowError).message).toMatch(/^GET graph\.example\.test failed: the proxy proxy\.does-not-exist\.invalid:8080 could not be reached \((ENOTFOUND|EAI_AGAIN)\)$/);
      expect((failure as MeetNowError).message).not.toContain('hunter2');
    } finally {
      await http.close();
    }
  });
});
