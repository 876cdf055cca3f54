/**
 * Visits every element of a Lightning tree, `root` included, through the child list Lightning
 * keeps (without creating one on elements that have none, as the public `childList` would).
 */
export interface TreeElement {
  __childList?: { _items?: TreeElement[] } | null;
}

export const forEachElement = <E extends TreeElement>(root: E, visit: (element: E) => void): void => {
  const stack: E[] = [root];
  while (stack.length) {
    const element = stack.pop()!;
    visit(element);
    const children = element.__childList?._items as E[] | undefined;
    if (children) for (let i = 0; i < children.length; i++) stack.push(children[i]!);
  }
};
