/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json' }] },
  testTimeout: 30000,
  // With two cores Jest runs the suites in its own process; tests start child processes (bots, Redis, the
  // Agents Playground) and a straggler among them must not keep a finished run (and CI) waiting.
  forceExit: true,
};
