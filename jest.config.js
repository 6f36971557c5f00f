/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json' }] },
  testTimeout: 30000,
  // Jest 29's resolver does not follow chrono-node's `./*` export pattern that Node and TypeScript follow.
  moduleNameMapper: { '^chrono-node/(\\w+)$': '<rootDir>/node_modules/chrono-node/dist/cjs/locales/$1/index.js' },
  // With two cores Jest runs the suites in its own process; tests start child processes (bots, Redis, the
  // Agents Playground) and a straggler among them must not keep a finished run (and CI) waiting.
  forceExit: true,
  // Says how to install redis-server when the tests that need one were skipped (test/support/redis-server.ts).
  globalTeardown: '<rootDir>/test/support/redis-notice.ts',
};
