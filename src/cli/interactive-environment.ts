// Ink draws only the final frame when it believes it runs in CI (is-in-ci reads CI, CONTINUOUS_INTEGRATION and
// CI_* when ink loads). kview is interactive by definition: on a terminal it must draw, so those variables are
// dropped for this process. Setting CI=false instead would also switch colours off (supports-color reads CI).
// This module is imported first by the entry point, so it runs before ink's module code in the bundle, which is
// what lets the single executable (one file, no bin/ wrapper) behave like `bin/kview`.
if (process.stdout.isTTY) {
  for (const name of Object.keys(process.env)) {
    if (name === 'CI' || name === 'CONTINUOUS_INTEGRATION' || name.startsWith('CI_')) delete process.env[name];
  }
}
