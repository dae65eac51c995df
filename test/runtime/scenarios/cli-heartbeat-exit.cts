// Deliberately buggy: test/runtime/liveness.test.ts lints it, runs it as a child process whose
// stdout is a pipe, and runs the codemod on it. A CommonJS script: no top-level await here.
/* eslint-disable flush/no-shutdown-before-flush */

// A heartbeat on stderr while the report is built: the interval keeps the event loop alive, so
// only exit() ends the program.
setInterval(() => process.stderr.write("."), 60_000);

const size = Number(process.argv[2]);
process.stdout.write(Buffer.alloc(size, 0x68));
process.exit(0);
