/**
 * A project the codemod cannot use as it is: broken JSON in a tsconfig, a missing `extends`,
 * unknown options, no TypeScript or one without the compiler API. The CLI prints the message and
 * exits with 2. A module of its own, so that the CLI can name it without loading TypeScript.
 */
export class ProjectError extends Error {}
