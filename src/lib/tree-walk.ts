/**
 * A depth-first walk over a unist tree (mdast, nlcst), for the content checks that run on every
 * file of every build. It visits nodes in the order `unist-util-visit` does and understands the
 * same answers from the visitor, but costs a function call per node: unist-util-visit-parents 6.1
 * (lib/index.js, `factory`) builds a closure for every node and names it with
 * `Object.defineProperty(visit, 'name', …)`, which in a cold build's profile cost more than the
 * checks themselves.
 */
import type { Node, Parent } from 'unist';

/** Returned by a visitor: do not walk into this node's children. */
export const SKIP = 'skip';

/**
 * What a visitor may return, as with unist-util-visit: nothing (go on), `SKIP` (leave out this
 * node's children), an index (go on at that child of the parent, after this node's children), or
 * `[SKIP, index]` (both).
 */
export type WalkResult = void | undefined | typeof SKIP | number | readonly [typeof SKIP, number];

/** Called for each node, the tree's root first, with its index in its parent and the parent. */
export type Visitor<N extends Node> = (
  node: N,
  index: number | undefined,
  parent: (N & Parent) | undefined,
) => WalkResult;

function hasChildren(node: Node): node is Parent {
  return Array.isArray((node as Partial<Parent>).children);
}

function walkChildren<N extends Node>(parent: N & Parent, visitor: Visitor<N>): void {
  // The visitor may replace or remove children; the length is read again on every step.
  let index = 0;
  while (index >= 0 && index < parent.children.length) {
    const child = parent.children[index] as N;
    const result = visitor(child, index, parent);
    const skip = result === SKIP || (Array.isArray(result) && result[0] === SKIP);
    if (!skip && hasChildren(child)) walkChildren(child, visitor);
    index = typeof result === 'number' ? result : Array.isArray(result) ? (result[1] as number) : index + 1;
  }
}

/**
 * Walks `tree` depth-first, in document order (preorder), calling `visitor` on every node.
 * @param tree The root; the visitor sees it first, with no index and no parent.
 * @param visitor Return `SKIP` to leave a node's children out, or an index to go on at.
 */
export function walk<N extends Node>(tree: N, visitor: Visitor<N>): void {
  const result = visitor(tree, undefined, undefined);
  const skip = result === SKIP || (Array.isArray(result) && result[0] === SKIP);
  if (!skip && hasChildren(tree)) walkChildren(tree, visitor);
}
