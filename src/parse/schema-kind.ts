// Which kind of JSON document a `$schema` names: a deployment template (any scope), told apart by
// content rather than by file name.

/** deploymentTemplate.json and its subscription, management group and tenant forms. */
const DEPLOYMENT_TEMPLATE_SCHEMA = /\/(?:subscription|managementGroup|tenant)?deploymentTemplate\.json/i;

export function isDeploymentTemplateSchema(schema: unknown): boolean {
  return typeof schema === 'string' && DEPLOYMENT_TEMPLATE_SCHEMA.test(schema);
}
