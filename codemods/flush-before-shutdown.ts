import { getShutdownRewrite } from "../src/core/fixes/rewrites.js";
import { findShutdownsBeforeFlush } from "../src/core/analysis/shutdown-before-flush.js";
import type { Transform } from "../src/codemod/transform.js";

/**
 * `s.write(d); s.destroy()` → end and wait first; `write(out); process.exit(n)` → wait for stdout
 * or stderr to take the output, then exit. Without a project config, every site the strict config
 * reports: waiting for the output is safe after any message. Streams typed `any` are listed for a
 * person, never rewritten.
 */
export default {
  name: "flush-before-shutdown",
  rule: "no-shutdown-before-flush",
  defaultOptions: { checkMessagesBeforeExit: true, checkUntypedStreams: true },
  findSites: (sourceFile, context, options) =>
    findShutdownsBeforeFlush(sourceFile, context, {
      checkMessagesBeforeExit: options.checkMessagesBeforeExit === true,
    }).map((finding) => ({
      node: finding.node,
      rewrite: getShutdownRewrite(finding, context),
    })),
} satisfies Transform;
