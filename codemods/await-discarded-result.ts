import { findDiscardedResults } from "../src/core/analysis/discarded-results.js";
import { getDiscardedResultRewrite } from "../src/core/fixes/rewrites.js";
import type { Transform } from "../src/codemod/transform.js";

/** `writer.write(x);`, `void fh.sync()`, `const _ = w.close()` → awaited, in async code. */
export default {
  name: "await-discarded-result",
  rule: "no-discarded-result",
  defaultOptions: {},
  findSites: (sourceFile, context) =>
    findDiscardedResults(sourceFile, context).map((result) => ({
      node: result.node,
      rewrite: getDiscardedResultRewrite(result, context),
    })),
} satisfies Transform;
