// The README's eslint.config.js, word for word but for one line: this example lives inside the
// plugin's repository and lints with the plugin built in ../dist (`npm run build`), where your
// project writes `import flush from "eslint-plugin-flush";`.
import { defineConfig } from "eslint/config";
import tseslint from "typescript-eslint";
import flush from "../dist/src/index.js";

export default defineConfig(
  tseslint.configs.base,
  { files: ["**/*.{ts,tsx,mts,cts}"] },
  {
    languageOptions: {
      parserOptions: {
        projectService: { allowDefaultProject: ["eslint.config.js"] },
        tsconfigRootDir: import.meta.dirname,
      },
    },
  },
  flush.configs.recommended,
);
