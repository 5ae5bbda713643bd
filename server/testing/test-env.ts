/**
 * The environment of every test: a cheap password hash and a fixed secret. vitest gives it to the test workers; the
 * global setup applies it to itself before it seeds the demo template, so that template's hashes are cheap too.
 */
export const TEST_ENV = {
  ARGON2_MEMORY_KIB: "8192",
  ARGON2_ITERATIONS: "1",
  AUTH_SECRET: "vitest-only-secret-of-at-least-32-characters",
};
