/** A minimal XML reader for the tests: elements, text and entities (no attributes, CDATA or namespaces). */
export type XmlNode = { name: string; children: XmlNode[]; text: string };

export function parseXml(xml: string): XmlNode {
  const body = xml.replace(/^<\?xml[^>]*\?>\s*/, '');
  const stack: XmlNode[] = [{ name: '#root', children: [], text: '' }];
  const tokens = body.match(/<[^>]+>|[^<]+/g) ?? [];
  for (const token of tokens) {
    const top = stack[stack.length - 1];
    if (token.startsWith('</')) {
      const name = token.slice(2, -1).trim();
      if (top.name !== name) throw new Error(`</${name}> closes <${top.name}>`);
      stack.pop();
    } else if (token.startsWith('<')) {
      const selfClosing = token.endsWith('/>');
      const name = token.slice(1, selfClosing ? -2 : -1).trim();
      if (!/^[A-Za-z_][\w.-]*$/.test(name)) throw new Error(`bad element name ${name}`);
      const node: XmlNode = { name, children: [], text: '' };
      top.children.push(node);
      if (!selfClosing) stack.push(node);
    } else {
      top.text += token
        .replace(/&lt;/g, '<')
        .replace(/&gt;/g, '>')
        .replace(/&quot;/g, '"')
        .replace(/&apos;/g, "'")
        .replace(/&amp;/g, '&');
    }
  }
  if (stack.length !== 1 || stack[0].children.length !== 1) throw new Error('not one well-formed document element');
  return stack[0].children[0];
}

/** Element → JSON the way GeoReport v2 maps them: a list element's children become an array. */
export function toJson(node: XmlNode, lists: readonly string[]): unknown {
  if (lists.includes(node.name)) return node.children.map((c) => toJson(c, lists));
  if (node.children.length === 0) return node.text;
  return Object.fromEntries(node.children.map((c) => [c.name, toJson(c, lists)]));
}
