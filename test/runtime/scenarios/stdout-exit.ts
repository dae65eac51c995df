// Deliberately buggy: test/runtime/proof.test.ts lints it with the plugin, runs it as a child
// process whose stdout is a pipe, and runs the codemod on it.
/* eslint-disable flush/no-shutdown-before-flush */

/** A command-line tool that prints its report and exits. */
function main(): void {
  const size = Number(process.argv[2]);
  process.stdout.write(Buffer.alloc(size, 0x61));
  process.exit(0);
}

main();
