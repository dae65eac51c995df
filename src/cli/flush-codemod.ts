#!/usr/bin/env node
import { runCli } from "./codemod-cli.js";

// `flush-codemod --dry src | head`: when the reader goes away, stop writing instead of crashing.
process.stdout.on("error", (error: NodeJS.ErrnoException) => {
  if (error.code !== "EPIPE") throw error;
});

process.exitCode = await runCli(process.argv.slice(2), {
  cwd: process.cwd(),
  stdout: process.stdout,
  stderr: process.stderr,
});
