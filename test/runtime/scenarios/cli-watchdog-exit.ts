// Deliberately buggy: test/runtime/liveness.test.ts lints it, runs it as a child process whose
// stdout is a pipe, and runs the codemod on it.
/* eslint-disable flush/no-shutdown-before-flush */
/* eslint-disable @typescript-eslint/require-await -- async as the code it stands for is: the codemod's rewrite may await in it */

/** A command-line tool with a watchdog that fails the run if it hangs, and keeps the event loop alive. */
async function main(): Promise<void> {
  setTimeout(() => {
    process.stderr.write("watchdog: still running after a minute\n");
    process.exit(2);
  }, 60_000);
  const size = Number(process.argv[2]);
  process.stdout.write(Buffer.alloc(size, 0x77));
  process.exit(0);
}

await main();
