// Deliberately buggy: test/runtime/top-level-await.test.ts runs the codemod on it in a project
// whose tsconfig sets no "module", and runs it as a child process whose stdout is a pipe.
/* eslint-disable flush/no-shutdown-before-flush */
import { setTimeout as delay } from "node:timers/promises";

// The file awaits at its top level already, so one more await is as valid as this one.
await delay(1);
process.stdout.write(Buffer.alloc(Number(process.argv[2]), 0x61));
process.exit(0);
