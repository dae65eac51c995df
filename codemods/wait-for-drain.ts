import { findIgnoredBackpressure } from "../src/core/ignored-backpressure.js";
import { getBackpressureRewrite } from "../src/core/rewrites.js";
import type { Transform } from "../src/codemod/transform.js";

/**
 * `s.write(chunk)` in an async loop → wait for `"drain"` (or the stream closing) when it returns
 * `false`. Every loop the strict config reports: waiting for `"drain"` is never wrong.
 */
export default {
  name: "wait-for-drain",
  rule: "no-ignored-backpressure",
  findSites: (sourceFile, context) =>
    findIgnoredBackpressure(sourceFile, context, { checkAllLoops: true }).map((finding) => ({
      node: finding.node,
      rewrite: getBackpressureRewrite(finding, context),
    })),
} satisfies Transform;
