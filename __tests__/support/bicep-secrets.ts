// A workspace of Bicep templates with planted secure values in every form Bicep declares them
// (issue 11, item 3): `@secure()` string and object parameters, user-defined types declared
// `@secure()` (directly, through an alias, as array items, imported by name and by wildcard from
// another file, an object type's `@secure()` property, a secure object type), .bicepparam values
// given to them, and a value a module deployment passes to its file's secure parameter. Each flows
// into a tracking name, a condition, a location, a copy count or a module's name, and through a
// variable. `b/main.bicep` has no tracking deployment, so `fix` inserts one just below secure
// defaults (the diff's context lines).
import type { TempWorkspace } from './temp-workspace.ts';

export const BICEP_GUID = '4f3c9a7e-1b2d-4c5e-8f90-a1b2c3d4e5f6';

/** Long, unique values: each must be masked and never shown. */
export const BICEP_PLANTED = {
  plain: 'Planted-Bicep-Plain-Secret-Qa11',
  plainObject: 'Planted-Bicep-PlainObject-Secret-Wb22',
  udt: 'Planted-Bicep-Udt-Secret-Ec33',
  alias: 'Planted-Bicep-Alias-Secret-Rd44',
  nested: 'Planted-Bicep-Nested-Secret-Tf55',
  items: 'Planted-Bicep-Items-Secret-Yg66',
  udtObject: 'Planted-Bicep-UdtObject-Secret-Uh77',
  inline: 'Planted-Bicep-Inline-Secret-Ij88',
  imported: 'Planted-Bicep-Imported-Secret-Ok99',
  wildcard: 'Planted-Bicep-Wildcard-Secret-Pl10',
  fromFile: 'Planted-Bicep-ParamFile-Secret-Az21',
  fromFileObject: 'Planted-Bicep-ParamFileObject-Secret-Sx32',
  passed: 'Planted-Bicep-ModulePassed-Secret-Dc43',
  sasDefault: 'sv=2022-11-02&sr=c&sig=PlantedBicepSasSig54',
};
/** Committed defaults too short or too obviously placeholders to mask: never shown, never masked. */
export const BICEP_UNMASKED = ['pass', 'json', 'true', 'changeme-please'];

const P = BICEP_PLANTED;
const DEPLOYMENTS = "'Microsoft.Resources/deployments@2021-04-01'";
const EMPTY = "{ '$schema': 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#', contentVersion: '1.0.0.0', resources: [] }";

function lines(...text: string[]): string {
  return `${text.join('\n')}\n`;
}

function tracking(symbol: string, head: string, body: string[]): string[] {
  return [`resource ${symbol} ${DEPLOYMENTS} = ${head}{`, ...body.map((l) => `  ${l}`), `  properties: { mode: 'Incremental', template: ${EMPTY} }`, '}'];
}

export function writeBicepSecrets(ws: TempWorkspace): void {
  ws.write('a/types.bicep', lines('@export()', '@secure()', 'type exported = string'));
  ws.write(
    'a/main.bicep',
    lines(
      "import { exported as importedSecret } from './types.bicep'",
      "import * as shared from './types.bicep'",
      '',
      '@secure()',
      'type secretString = string',
      'type alias = secretString',
      'type creds = {',
      '  user: string',
      '  @secure()',
      '  password: string',
      '}',
      '@secure()',
      'type secretObject = {',
      '  value: string',
      '}',
      '',
      '@secure()',
      `param plain string = '${P.plain}'`,
      '@secure()',
      `param plainObject object = { value: '${P.plainObject}' }`,
      `param udt secretString = '${P.udt}'`,
      `param aliased alias = '${P.alias}'`,
      `param nested creds = { user: 'someone', password: '${P.nested}' }`,
      `param items secretString[] = [ '${P.items}' ]`,
      `param udtObject secretObject = { value: '${P.udtObject}' }`,
      'param inline {',
      '  @secure()',
      '  pw: string',
      `} = { pw: '${P.inline}' }`,
      `param imported importedSecret = '${P.imported}'`,
      `param wildcard shared.exported = '${P.wildcard}'`,
      'param fromFile secretString',
      '@secure()',
      'param fromFileObject object',
      `param short1 secretString = '${BICEP_UNMASKED[0]}'`,
      '@secure()',
      `param short2 string = '${BICEP_UNMASKED[1]}'`,
      '@secure()',
      `param short3 string = '${BICEP_UNMASKED[2]}'`,
      '@secure()',
      `param placeholder string = '${BICEP_UNMASKED[3]}'`,
      '',
      "var derived = '${plain}-derived'",
      '',
      ...tracking('t1', '', ["name: 'pid-${derived}'", 'location: plainObject.value']),
      ...tracking('t2', "if (nested.password == 'x') ", ["name: 'pid-${udt}-${aliased}'"]),
      ...tracking('t3', '[for i in range(0, length(items[0])): ', ["name: 'pid-${udtObject.value}-${inline.pw}-${i}'"]).map((l) => (l === '}' ? '}]' : l)),
      ...tracking('t4', '', ["name: 'pid-${imported}-${wildcard}'"]),
      ...tracking('t5', '', ["name: 'pid-${fromFile}-${fromFileObject.k}'"]),
      ...tracking('t6', '', ["name: 'pid-${short1}${short2}${short3}${placeholder}'"]),
      "module tracked './mod.bicep' = {",
      "  name: 'pid-${udt}'",
      `  params: { passed: '${P.passed}', fromParent: udt }`,
      '}',
    ),
  );
  ws.write('a/main.bicepparam', lines("using './main.bicep'", `param fromFile = '${P.fromFile}'`, `param fromFileObject = { k: '${P.fromFileObject}' }`));
  ws.write(
    'a/mod.bicep',
    lines('@secure()', 'param passed string', 'param fromParent string', ...tracking('inner', '', ["name: 'pid-${passed}'", 'location: fromParent'])),
  );
  // Fix inserts a tracking deployment before the first resource: just below these defaults.
  ws.write(
    'b/main.bicep',
    lines(
      '@secure()',
      `param _artifactsLocationSasToken string = '${P.sasDefault}'`,
      '@secure()',
      "param shortSecret string = 'pw'",
      "resource sa 'Microsoft.Storage/storageAccounts@2023-01-01' = {",
      "  name: 'sa1'",
      "  location: 'westeurope'",
      '}',
    ),
  );
}
