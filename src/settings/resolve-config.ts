// Merges settings in order of precedence: defaults ← configuration file ← matching `overrides`
// (in order) ← action inputs / command-line flags. Severities merge per rule; the other
// settings replace. Overrides match main templates by workspace-relative path.
import picomatch from 'picomatch';
import { DEFAULT_CHECK_SETTINGS, type CheckSettings } from '../engine/check-settings.ts';
import { normalizeTrackingId } from '../model/tracking-name.ts';
import { DEFAULT_TEMPLATE_PATTERNS } from '../workspace/discover.ts';
import type { CuaGuardConfig, SettingsLayer } from './config-types.ts';

export interface ResolvedSettings {
  /** Settings for templates no override matches. */
  base: CheckSettings;
  /** Settings for one main template (workspace-relative path). */
  settingsFor: (file: string) => CheckSettings;
  /**
   * Discovery patterns: the given `templates` globs (action input) or the configuration's
   * `include`, or the defaults; then the configuration's `exclude` as `!glob`.
   */
  patterns: (templates?: readonly string[]) => string[];
}

/** `folder`: the workspace-relative folder of the configuration file, which its globs are relative to. */
export function resolveSettings(config: CuaGuardConfig | undefined, explicit: SettingsLayer = {}, folder = ''): ResolvedSettings {
  const fromConfig = config ? configLayer(config) : {};
  const base = applyLayers(DEFAULT_CHECK_SETTINGS, [fromConfig, explicit]);
  const overrides = (config?.overrides ?? []).map((o) => ({ matches: globMatcher(o.files.map((glob) => anchorGlob(glob, folder))), layer: configLayer(o) }));
  const cache = new Map<string, CheckSettings>();
  return {
    base,
    settingsFor(file) {
      const matching = overrides.filter((o) => o.matches(file));
      if (matching.length === 0) return base;
      let settings = cache.get(file);
      if (!settings) {
        settings = applyLayers(DEFAULT_CHECK_SETTINGS, [fromConfig, ...matching.map((o) => o.layer), explicit]);
        cache.set(file, settings);
      }
      return settings;
    },
    patterns(templates = []) {
      const include = templates.length > 0 ? [...templates] : config?.include?.length ? config.include.map((glob) => anchorGlob(glob, folder)) : [];
      const exclude = (config?.exclude ?? []).map((glob) => `!${anchorGlob(glob.replace(/^!/, ''), folder)}`);
      if (include.length === 0 && exclude.length === 0) return [];
      return [...(include.length > 0 ? include : DEFAULT_TEMPLATE_PATTERNS), ...exclude];
    },
  };
}

/**
 * A glob of a configuration file in a subfolder, made relative to the workspace: a bare file name
 * matches at any depth below that folder, a path starts at that folder.
 */
export function anchorGlob(glob: string, folder: string): string {
  if (folder === '') return glob;
  const body = glob
    .trim()
    .replace(/\\/g, '/')
    .replace(/^(\.\/)+/, '');
  return body.includes('/') ? `${folder}/${body}` : `${folder}/**/${body}`;
}

export function applyLayers(start: CheckSettings, layers: readonly SettingsLayer[]): CheckSettings {
  let settings = start;
  for (const layer of layers) {
    settings = {
      ...settings,
      ...(layer.severities ? { severities: { ...settings.severities, ...layer.severities } } : {}),
      ...(layer.trackingIds ? { trackingIds: [...layer.trackingIds] } : {}),
      ...(layer.strictNames !== undefined ? { strictNames: layer.strictNames } : {}),
      ...(layer.maxTrackingResources !== undefined ? { maxTrackingResources: layer.maxTrackingResources } : {}),
      ...(layer.marketplacePackages !== undefined ? { marketplacePackages: layer.marketplacePackages } : {}),
    };
  }
  return settings;
}

function configLayer(source: Pick<CuaGuardConfig, 'rules' | 'trackingIds' | 'strictNames' | 'maxTrackingResources' | 'marketplacePackages'>): SettingsLayer {
  return {
    ...(source.rules ? { severities: source.rules } : {}),
    // The schema already checked each id; normalizing makes `pid-` and case not matter.
    ...(source.trackingIds ? { trackingIds: source.trackingIds.map((id) => normalizeTrackingId(id) ?? id) } : {}),
    ...(source.strictNames !== undefined ? { strictNames: source.strictNames } : {}),
    ...(source.maxTrackingResources !== undefined ? { maxTrackingResources: source.maxTrackingResources } : {}),
    ...(source.marketplacePackages !== undefined ? { marketplacePackages: source.marketplacePackages } : {}),
  };
}

/** Globs as in `templates`: relative to the workspace, any case, a bare file name matches at any depth. */
export function globMatcher(globs: readonly string[]): (file: string) => boolean {
  const normalized = globs.map((g) => {
    const body = g.trim().replace(/\\/g, '/').replace(/^\.\//, '');
    return body.includes('/') ? body : `**/${body}`;
  });
  return normalized.length > 0 ? picomatch(normalized, { nocase: true, dot: true }) : () => false;
}
