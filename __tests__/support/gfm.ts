// A GitHub-flavoured Markdown parser for tests that read the job summary as GitHub does:
// mdast-util-from-markdown with the GFM extensions (tables, strikethrough, autolink literals).
// Loaded on demand; undefined when the devDependencies are not installed, and tests skip saying so.

export interface MdNode {
  type: string;
  value?: string;
  url?: string;
  depth?: number;
  children?: MdNode[];
}

export type ParseGfm = (markdown: string) => MdNode;

export const GFM_PACKAGES = 'mdast-util-from-markdown, mdast-util-gfm and micromark-extension-gfm (devDependencies)';

export async function loadGfm(): Promise<ParseGfm | undefined> {
  try {
    // Names in variables: TypeScript does not look for the packages' types when they are absent.
    const names = ['mdast-util-from-markdown', 'micromark-extension-gfm', 'mdast-util-gfm'];
    const [fromMarkdown, micromarkGfm, mdastGfm] = (await Promise.all(names.map((name) => import(name)))) as [
      { fromMarkdown: (text: string, options: unknown) => MdNode },
      { gfm: () => unknown },
      { gfmFromMarkdown: () => unknown },
    ];
    return (markdown) => fromMarkdown.fromMarkdown(markdown, { extensions: [micromarkGfm.gfm()], mdastExtensions: [mdastGfm.gfmFromMarkdown()] });
  } catch {
    return undefined;
  }
}

/** Every node of the tree, depth first. */
export function allNodes(node: MdNode): MdNode[] {
  return [node, ...(node.children ?? []).flatMap(allNodes)];
}

/** The text a node shows (text, inline code, and the text of its children). */
export function shownText(node: MdNode): string {
  if (node.type === 'text' || node.type === 'inlineCode') return node.value ?? '';
  return (node.children ?? []).map(shownText).join('');
}
