import awaitDiscardedResult from "../../codemods/await-discarded-result.js";
import flushBeforeShutdown from "../../codemods/flush-before-shutdown.js";
import waitForDrain from "../../codemods/wait-for-drain.js";
import type { Transform } from "./transform.js";

/** Every transform, in the order their rewrites are applied when they touch the same file. */
export const TRANSFORMS: readonly Transform[] = [flushBeforeShutdown, waitForDrain, awaitDiscardedResult];
