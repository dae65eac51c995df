// Deliberately buggy: test/runtime/proof.test.ts lints it with the plugin, runs it as a child
// process whose stdout is a pipe, and runs the codemod on it.
/* eslint-disable flush/no-shutdown-before-flush */
/* eslint-disable @typescript-eslint/require-await -- async as the code it stands for is: the codemod's rewrite may await in it */

/** Prints a report and exits from inside a helper, not at the end of the program. */
async function emitReport(size: number): Promise<void> {
  process.stdout.write(Buffer.alloc(size, 0x62));
  process.exit(0);
}

await emitReport(Number(process.argv[2]));
process.stderr.write("not reached\n");
