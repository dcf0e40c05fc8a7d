// Configuration: `.cua-guard.json` (JSONC, validated against schema/cua-guard.schema.json),
// merged under action inputs and command-line flags into the run's settings (run-settings.ts).
export { CONFIG_FILE_NAME, type CuaGuardConfig, type ConfigOverride, type LoadedConfig, type SettingsLayer } from './config-types.ts';
export { ConfigError, isConfigError, type ConfigProblem } from './config-error.ts';
export { loadConfiguration, parseConfigText, type ConfigLocation } from './load-config.ts';
export { applyLayers, globMatcher, resolveSettings, type ResolvedSettings } from './resolve-config.ts';
