// A shape Node makes safe: test/runtime/proof.test.ts checks that no-shutdown-before-flush leaves
// it alone and, running it as a child process whose stdout is a pipe, that the parent gets it all.

/** A short status line, then exit: an empty pipe takes it whole, at once. */
function main(): void {
  process.stdout.write("report written to out.json\n");
  process.exit(0);
}

main();
