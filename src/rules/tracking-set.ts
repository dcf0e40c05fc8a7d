// Small queries over the tracking candidates that several rules share.
import type { TrackingCandidate } from './rule.ts';

/** Tracking deployments the main template itself deploys (the only correct place), named `pid-…`. */
export function topLevelTrackingDeployments(candidates: readonly TrackingCandidate[]): TrackingCandidate[] {
  return candidates.filter((c) => c.isDeployment && c.attributable && c.entry.placement === 'top-level');
}

/** Tracking deployments wherever they are (rules on their shape apply to all of them). */
export function trackingDeployments(candidates: readonly TrackingCandidate[]): TrackingCandidate[] {
  return candidates.filter((c) => c.isDeployment);
}
