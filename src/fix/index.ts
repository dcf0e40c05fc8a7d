// Repairs: applies the fixes rules attach to their findings, and says why each finding left is
// left. Used by `cua-guard fix` and the action's `fix: suggest`.
export { fixWorkspace, fixWorkspaceLoadingGrammars, unifiedDiff, type FixFileResult, type FixReport, type FixRequest } from './fix-workspace.ts';
export { planTemplateFix, type FixChange, type FixInput, type FixNote, type FixPlan } from './plan-fix.ts';
export { trackingResource, trackingName, emptyTemplate, TRACKING_API_VERSION } from '../model/tracking-resource.ts';
export { detectStyle, detectEol, detectIndentUnit, type TextStyle } from './style.ts';
