// The `typescript` package, loaded with `require`. Importing a CommonJS package from an ES module
// makes Node scan its source for named exports first: 0.35 to 0.45 s for TypeScript's 9 MB, in
// every ESLint and codemod process. This CommonJS module hands TypeScript on without being
// scannable, and resolves `typescript` from here, as an import would: the project's own.
// eslint-disable-next-line @typescript-eslint/no-require-imports -- requiring it is the point
import ts = require("typescript");
export = ts;
