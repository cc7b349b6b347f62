import { XMLValidator } from 'fast-xml-parser';
import { toXml } from './xml';
import { carriesInXml } from '../http/xml-text';

describe('Open311 XML', () => {
  it('stays well-formed when stored text holds characters XML 1.0 cannot carry: each becomes U+FFFD', () => {
    const xml = toXml('service_requests', [{ description: 'bell\u0007 nul\u0000 <b>&"\'', status_notes: 'half \ud800 a pair' }]);
    expect(XMLValidator.validate(xml)).toBe(true);
    expect(carriesInXml(xml)).toBe(true);
    expect(xml).toContain('<description>bell\uFFFD nul\uFFFD &lt;b&gt;&amp;&quot;&apos;</description>');
  });

  it('keeps tabs, line breaks and characters beyond the BMP', () => {
    const xml = toXml('service_requests', [{ description: '第一行\n\t第二行 😀' }]);
    expect(xml).toContain('<description>第一行\n\t第二行 😀</description>');
  });

  it.each(['constructor', '__proto__', 'toString'])(
    'names the items of a list called %s "item", not after an inherited property',
    (name) => {
      const xml = toXml(name, ['a']);
      expect(XMLValidator.validate(xml)).toBe(true);
      expect(xml).toContain(`<${name}><item>a</item></${name}>`);
    },
  );
});
