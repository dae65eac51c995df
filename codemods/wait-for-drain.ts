import { findIgnoredBackpressure } from "../src/core/analysis/ignored-backpressure.js";
import { getBackpressureRewrite } from "../src/core/fixes/rewrites.js";
import type { Transform } from "../src/codemod/transform.js";

/**
 * `s.write(chunk)` in an async loop or a `WritableStream` sink → wait for `"drain"` (or the stream
 * closing) when it returns `false`. Without a project config, every loop the strict config
 * reports: waiting for `"drain"` is never wrong.
 */
export default {
  name: "wait-for-drain",
  rule: "no-ignored-backpressure",
  defaultOptions: { checkAllLoops: true },
  findSites: (sourceFile, context, options) =>
    findIgnoredBackpressure(sourceFile, context, { checkAllLoops: options.checkAllLoops === true }).map((finding) => ({
      node: finding.node,
      rewrite: getBackpressureRewrite(finding, context),
    })),
} satisfies Transform;
