// The tree-sitter runtime and both grammars load from their packages (and, bundled, from dist/).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createSyntaxParser } from '../../src/parse/tree-sitter/load.ts';

test('the Bicep grammar parses a resource declaration without error nodes', async () => {
  const parser = await createSyntaxParser('bicep');
  const tree = parser.parse("resource pid 'Microsoft.Resources/deployments@2021-04-01' = {\n  name: 'pid-x'\n}\n");
  assert.ok(tree);
  assert.equal(tree.rootNode.hasError, false);
  assert.equal(tree.rootNode.firstNamedChild?.type, 'resource_declaration');
  assert.deepEqual(tree.rootNode.firstNamedChild?.startPosition, { row: 0, column: 0 });
});

test('the Terraform grammar parses a provider block, and a second parser shares the loaded grammar', async () => {
  const first = await createSyntaxParser('terraform');
  const second = await createSyntaxParser('terraform');
  assert.notEqual(first, second);
  const tree = second.parse('provider "azurerm" {\n  partner_id = "x"\n  features {}\n}\n');
  assert.ok(tree);
  assert.equal(tree.rootNode.hasError, false);
  assert.equal(tree.rootNode.firstNamedChild?.firstNamedChild?.type, 'block');
});

test('broken Bicep gives error nodes, not an exception', async () => {
  const parser = await createSyntaxParser('bicep');
  const tree = parser.parse("resource pid 'x' = {\n  name: \n");
  assert.ok(tree);
  assert.equal(tree.rootNode.hasError, true);
});
