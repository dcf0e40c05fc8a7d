// Every documented ARM template function name (learn.microsoft.com, "Template functions" and its
// per-area pages). Functions here that are not implemented evaluate to Unknown; a name that is
// neither implemented nor listed (nor list*, see registry.ts) is reported as an unknown function.
export const DOCUMENTED_FUNCTIONS: readonly string[] = [
  // any / array
  'array', 'concat', 'contains', 'createArray', 'empty', 'first', 'flatten', 'indexFromEnd', 'indexOf', 'intersection',
  'last', 'lastIndexOf', 'length', 'max', 'min', 'range', 'skip', 'take', 'tryGet', 'tryIndexFromEnd', 'union',
  // CIDR
  'parseCidr', 'cidrSubnet', 'cidrHost',
  // comparison
  'coalesce', 'equals', 'greater', 'greaterOrEquals', 'less', 'lessOrEquals',
  // date
  'dateTimeAdd', 'dateTimeFromEpoch', 'dateTimeToEpoch', 'utcNow',
  // deployment
  'deployer', 'deployment', 'environment', 'parameters', 'variables',
  // lambda
  'filter', 'groupBy', 'lambda', 'lambdaVariables', 'map', 'mapValues', 'reduce', 'sort', 'toObject',
  // logical
  'and', 'bool', 'false', 'if', 'not', 'or', 'true',
  // numeric
  'add', 'copyIndex', 'div', 'float', 'int', 'mod', 'mul', 'sub',
  // object
  'createObject', 'items', 'json', 'null', 'shallowMerge',
  // resource
  'extensionResourceId', 'listAccountSas', 'listKeys', 'listSecrets', 'managementGroupResourceId', 'pickZones', 'providers',
  'reference', 'references', 'resourceId', 'subscriptionResourceId', 'tenantResourceId', 'toLogicalZone', 'toLogicalZones',
  'toPhysicalZone', 'toPhysicalZones',
  // scope
  'managementGroup', 'resourceGroup', 'subscription', 'tenant',
  // string
  'base64', 'base64ToJson', 'base64ToString', 'dataUri', 'dataUriToString', 'endsWith', 'format', 'guid', 'join',
  'newGuid', 'padLeft', 'replace', 'split', 'startsWith', 'string', 'substring', 'toLower', 'toUpper', 'trim',
  'uniqueString', 'uri', 'uriComponent', 'uriComponentToString',
  // compiled .bicepparam files
  'externalInputs',
];
