import { existsSync } from "node:fs";
import { dirname, join } from "node:path";

import type { TypeOrValueSpecifier } from "../core/model/type-specifier.js";
import { ProjectError } from "./project-error.js";
import { importProjectModule } from "./project-module.js";

/** A rule's first option object, as the project's ESLint config gives it. */
export interface RuleOptions {
  readonly streamTypes?: readonly TypeOrValueSpecifier[];
  readonly [option: string]: unknown;
}

/** How the project's ESLint config sets one of this plugin's rules for one file. */
export interface RuleSetting {
  readonly enabled: boolean;
  readonly options: RuleOptions;
}

/** A file's settings of this plugin's rules by rule name; `undefined` where its config does not use the plugin. */
export type RuleSettingsLookup = (file: string) => ReadonlyMap<string, RuleSetting> | undefined;

const PLUGIN_NAME = "eslint-plugin-flush";

interface FlatConfig {
  plugins?: Record<string, { meta?: { name?: string } }>;
  rules?: Record<string, unknown>;
}

interface EslintModule {
  ESLint: new (options: { cwd: string }) => { calculateConfigForFile(file: string): Promise<FlatConfig | undefined> };
}

const FLAT_CONFIG_FILES = ["js", "mjs", "cjs", "ts", "mts", "cts"].map((extension) => `eslint.config.${extension}`);

/** Whether a flat config file stands in `directory` or above: ESLint looks for one there, and nowhere else. */
function hasConfigAbove(directory: string): boolean {
  for (let current = directory; ; current = dirname(current)) {
    if (FLAT_CONFIG_FILES.some((name) => existsSync(join(current, name)))) return true;
    if (dirname(current) === current) return false;
  }
}

/** The project's own ESLint, or `undefined` where it has none: then the codemod uses its defaults. */
async function importProjectEslint(cwd: string): Promise<EslintModule | undefined> {
  return (await importProjectModule("eslint", cwd)) as EslintModule | undefined;
}

function isOff(severity: unknown): boolean {
  return severity === 0 || severity === "off";
}

/** This plugin's rule settings in one file's computed config, under whatever name the config gave the plugin. */
function readSettings(config: FlatConfig): Map<string, RuleSetting> | undefined {
  const namespace = Object.entries(config.plugins ?? {}).find(([, plugin]) => plugin.meta?.name === PLUGIN_NAME)?.[0];
  if (namespace === undefined) return undefined;
  const settings = new Map<string, RuleSetting>();
  for (const [id, entry] of Object.entries(config.rules ?? {})) {
    if (!id.startsWith(`${namespace}/`)) continue;
    const [severity, options] = Array.isArray(entry) ? (entry as unknown[]) : [entry];
    settings.set(id.slice(namespace.length + 1), {
      enabled: !isOff(severity),
      options: typeof options === "object" && options !== null ? (options as RuleOptions) : {},
    });
  }
  return settings;
}

function isMissingConfig(error: unknown): boolean {
  return /could not find config file/i.test((error as Error).message);
}

/**
 * This plugin's rule settings for each of `files`, from the ESLint config the project's own ESLint
 * would use for it, so that the codemod rewrites what the project's lint reports (its
 * `streamTypes`, its options, the rules it turns off). A project without ESLint or without a config
 * gets `undefined` for every file. A config ESLint cannot load is a `ProjectError`.
 */
export async function loadRuleSettings(files: readonly string[], cwd: string): Promise<RuleSettingsLookup> {
  // Loading ESLint takes a fifth of a second: not for a project that has no config to read.
  const directories = new Set([cwd, ...files.map((file) => dirname(file))]);
  if (![...directories].some(hasConfigAbove)) return () => undefined;
  const eslintModule = await importProjectEslint(cwd);
  if (!eslintModule) return () => undefined;
  const eslint = new eslintModule.ESLint({ cwd });
  const byFile = new Map<string, Map<string, RuleSetting> | undefined>();
  for (const file of files) {
    let config: FlatConfig | undefined;
    try {
      config = await eslint.calculateConfigForFile(file);
    } catch (error) {
      if (isMissingConfig(error)) return () => undefined;
      throw new ProjectError(
        `ESLint cannot load the config for ${file}: ${(error as Error).message.split("\n")[0]}. ` +
          "Fix the ESLint config (`npx eslint --print-config <file>` shows the same error).",
      );
    }
    byFile.set(file, config ? readSettings(config) : undefined);
  }
  return (file) => byFile.get(file);
}
