// TRANSITIONAL: why `fix` leaves the findings of rules not yet on the rule contract. Each entry
// moves into its rule's `meta.notFixable` when the rule is converted; then this module goes.
export const LEGACY_NOT_FIXABLE: Readonly<Record<string, string>> = {
  CUA002: 'which tracking deployment to delete, or how to drop the copy loop, is your call; fix never deletes a resource',
  CUA004: 'fix never moves a resource out of a nested template or a parent resource; it inserts the top-level one when there is none',
  CUA005: 'fix never edits a linked template or moves a resource out of it; it inserts the top-level one when there is none',
  CUA006: 'changing the type or name of a resource that is not a deployment could change what it does; fix leaves it to you',
  CUA010: 'the id is known only at deployment; fix does not rewrite expressions',
  CUA011: 'a condition may be a deliberate opt-out; fix does not remove or change it',
  CUA015: 'renaming a tracking deployment that may already be deployed is left to you',
  CUA016: 'fix does not rewrite expressions',
  CUA017: 'fix does not read remote templates',
};
