import { loadConfig } from '../../src/config';
import { MeetNowError } from '../../src/errors';

function problems(env: NodeJS.ProcessEnv): string {
  try {
    loadConfig(env);
  } catch (error) {
    expect((error as MeetNowError).code).toBe('config_invalid');
    return (error as MeetNowError).message;
  }
  throw new Error('expected the configuration to be refused');
}

describe('HTTPS_PROXY, HTTP_PROXY and NO_PROXY', () => {
  it('are off unless a proxy is set; NO_PROXY alone changes nothing', () => {
    expect(loadConfig({}).proxy).toBeUndefined();
    expect(loadConfig({ NO_PROXY: 'localhost' }).proxy).toBeUndefined();
    expect(loadConfig({ HTTPS_PROXY: '  ', http_proxy: '' }).proxy).toBeUndefined();
  });

  it('are read as set, the trailing slash aside', () => {
    expect(loadConfig({ HTTPS_PROXY: 'http://proxy.corp.example:8080/', HTTP_PROXY: 'https://user:p%40ss@proxy.corp.example:3128', NO_PROXY: 'localhost,.corp.example' }).proxy).toEqual({
      httpsProxy: 'http://proxy.corp.example:8080',
      httpProxy: 'https://user:p%40ss@proxy.corp.example:3128',
      noProxy: 'localhost,.corp.example',
    });
    expect(loadConfig({ HTTP_PROXY: 'http://proxy.corp.example:8080' }).proxy).toEqual({ httpProxy: 'http://proxy.corp.example:8080' });
  });

  it('take the lower-case spelling when both are set, as curl and undici do; a blank one does not count', () => {
    const proxy = loadConfig({
      HTTPS_PROXY: 'http://upper.example:1',
      https_proxy: 'http://lower.example:2',
      HTTP_PROXY: 'http://upper.example:3',
      http_proxy: ' ',
      NO_PROXY: 'upper.example',
      no_proxy: 'lower.example',
    }).proxy;
    expect(proxy).toEqual({ httpsProxy: 'http://lower.example:2', httpProxy: 'http://upper.example:3', noProxy: 'lower.example' });
  });

  it('refuse anything but an http(s) URL, naming each variable and never echoing the value (it may hold a password)', () => {
    const message = problems({
      HTTPS_PROXY: 'proxy.corp.example:8080',
      http_proxy: 'socks5://heidi:hunter2@proxy.corp.example:1080',
      HTTP_PROXY: 'http://',
      https_proxy: 'http://heidi:hunter2@proxy.corp.example:8080',
    });
    for (const name of ['HTTPS_PROXY', 'http_proxy', 'HTTP_PROXY']) expect(message).toContain(`${name}: must be an absolute http:// or https:// proxy URL`);
    expect(message).not.toContain('https_proxy:');
    expect(message).not.toContain('hunter2');
  });
});
