// guid() and uniqueString() against outputs published from the real ARM engine.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { armGuid, armUniqueString } from '../../src/expressions/index.ts';
import { uuidV5 } from '../../src/expressions/guid.ts';
import { Unknown } from '../../src/expressions/value.ts';
import { ev, value } from './helpers.ts';

test('uniqueString: outputs of real deployments and of the ARM engine library', () => {
  const vectors: [string[], string][] = [
    // KingslandConsulting/Kingsland.ArmLinter, src/Kingsland.ArmLinter/Functions/ArmFunctions_UniqueString.cs:
    // "example output" recorded by deploying a template with New-AzResourceGroupDeployment.
    [['aaa'], 'zavj67f3en4hc'],
    [['bbb'], 'w5eragfxe33cy'],
    [['zzz'], 'cryksdzzzawae'],
    [['xxx', 'yyy', 'zzz'], 'lghi7k5js7itq'],
    // Stack Overflow 43295720 "Azure ARM uniqueString function mimic": Azure.Deployments.Expression
    // (and the Azure Stack DLLs) give uniqueString('tyeth') = "zcztcwvu6iyg6".
    [['tyeth'], 'zcztcwvu6iyg6'],
    // Azure/bicep src/Bicep.Core.Samples/Files/baselines_bicepparam/Expressions/parameters.json
    // (.bicepparam values are computed with the real ARM expression engine).
    [['asd', 'asdf', 'asdf'], 'iizpqit7ih3cc'],
    // microsoft/commercial-marketplace-offer-deploy, test ArmFunctionsTests.cs, "valueFromArmTemplate"
    // (the later version of that test; an earlier version of the file carried another value).
    [
      [
        '/subscriptions/31e9f9a0-9fd2-4294-a0a3-0101246d9700/resourceGroups/rg-modm201-20230913120256/providers/Microsoft.Compute/virtualMachines/bobjacmodm201',
      ],
      'yvjxno3je5on2',
    ],
    // A public bash reimplementation (uniquestring.sh, "verified against Bicep uniqueString() output");
    // these cover input lengths that are a multiple of 8 and 4-byte tails.
    [['test'], 'rbgf3xv4ufgzg'],
    [['hello', 'world'], 'a7wkljktk6wne'],
    [['abc'], 'cgtzqvhu4i23s'],
    [['/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/my-rg'], 'bmg7c6xu4tw46'],
    [['foo', 'bar', 'baz'], 'xzi4ioaxtmth4'],
  ];
  for (const [args, expected] of vectors) assert.equal(armUniqueString(args), expected, args.join(', '));
});

test('uniqueString in expressions: 13 characters, arguments joined with a dash', () => {
  assert.equal(value("[uniqueString('asd', 'asdf', 'asdf')]"), 'iizpqit7ih3cc');
  assert.equal(value("[uniqueString('asd-asdf-asdf')]"), 'iizpqit7ih3cc');
  assert.match(String(value("[uniqueString('x')]")), /^[a-z2-7]{13}$/);
  const unknown = value('[uniqueString(resourceGroup().id)]');
  assert.ok(unknown instanceof Unknown);
  assert.equal(unknown.text, 'uniqueString(resourceGroup().id)');
  assert.equal(unknown.cause.kind === 'hash' && unknown.cause.fn, 'uniqueString');
  assert.equal(unknown.maxLength, 13);
  assert.match(ev('[uniqueString(1)]').errors[0]?.message ?? '', /expects string arguments/);
});

test('guid: output of the ARM engine', () => {
  // Azure/bicep src/Bicep.Core.Samples/Files/baselines_bicepparam/Expressions/parameters.json:
  // guid('asdf') = 228d27cc-6fdb-5934-b7ac-1efccebade04.
  assert.equal(armGuid(['asdf']), '228d27cc-6fdb-5934-b7ac-1efccebade04');
  assert.equal(value("[guid('asdf')]"), '228d27cc-6fdb-5934-b7ac-1efccebade04');
});

test('guid: RFC 4122 version 5 mechanics and the dash join', () => {
  // Python documentation example: uuid.uuid5(uuid.NAMESPACE_DNS, 'python.org').
  assert.equal(uuidV5('6ba7b810-9dad-11d1-80b4-00c04fd430c8', 'python.org'), '886313e1-3b8a-5372-9b90-0c9aee199e5d');
  const g = armGuid(['a', 'b']);
  assert.match(g, /^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  // ARM joins the arguments with '-' (JoinStringParametersWithDash) before hashing.
  assert.equal(g, armGuid(['a-b']));
  assert.notEqual(g, armGuid(['ab']));
  const unknown = value("[guid(resourceGroup().id, 'x')]");
  assert.ok(unknown instanceof Unknown && unknown.maxLength === 36);
  assert.equal(unknown.cause.kind === 'hash' && unknown.cause.fn, 'guid');
});
