import sharp from 'sharp';

/** The demo story's lead photo: drawn here, at seed time (no third-party image ships with Newsdesk). */
export const DEMO_PHOTO = {
  fileName: 'port-alder-quay.jpg',
  caption: 'Grain barges wait at the north quay of Port Alder as the Sarn River runs low. An illustration drawn for the Newsdesk demo.',
  credit: 'Newsdesk demo',
  creator: 'Newsdesk',
  alt: 'Barges moored on a low river at dusk, with grain silos and hills behind under an orange sky',
} as const;

const SCENE = `<svg xmlns="http://www.w3.org/2000/svg" width="1800" height="1200" viewBox="0 0 1800 1200">
  <defs>
    <linearGradient id="sky" x1="0" y1="0" x2="0" y2="1">
      <stop offset="0" stop-color="#1d3557"/><stop offset="0.5" stop-color="#b5566b"/><stop offset="0.8" stop-color="#f28f5c"/><stop offset="1" stop-color="#f6bd60"/>
    </linearGradient>
    <linearGradient id="water" x1="0" y1="0" x2="0" y2="1">
      <stop offset="0" stop-color="#f2a65a"/><stop offset="0.4" stop-color="#6d597a"/><stop offset="1" stop-color="#1d3557"/>
    </linearGradient>
  </defs>
  <rect width="1800" height="1200" fill="url(#sky)"/>
  <circle cx="1260" cy="660" r="80" fill="#ffd68a" opacity="0.85"/>
  <path d="M0 640 L180 560 L400 620 L620 520 L880 610 L1120 540 L1380 600 L1600 530 L1800 590 L1800 800 L0 800 Z" fill="#3d405b"/>
  <g fill="#2b2d42">
    <rect x="1320" y="470" width="70" height="260" rx="8"/><rect x="1400" y="440" width="70" height="290" rx="8"/><rect x="1480" y="480" width="70" height="250" rx="8"/>
    <rect x="1300" y="720" width="300" height="40"/>
  </g>
  <rect y="760" width="1800" height="440" fill="url(#water)"/>
  <g fill="#ffd68a" opacity="0.5">
    <rect x="1180" y="800" width="160" height="6" rx="3"/><rect x="1210" y="840" width="100" height="5" rx="2"/><rect x="1150" y="890" width="220" height="6" rx="3"/>
  </g>
  <path d="M0 760 L1800 760 L1800 790 L0 790 Z" fill="#2b2d42"/>
  <g fill="#14213d">
    <path d="M260 860 L760 860 L720 930 L300 930 Z"/><rect x="320" y="820" width="120" height="40"/>
    <path d="M800 900 L1200 900 L1170 960 L830 960 Z"/><rect x="1050" y="865" width="90" height="35"/>
  </g>
  <path d="M0 1080 C400 1040 800 1110 1200 1060 C1450 1030 1650 1070 1800 1050 L1800 1200 L0 1200 Z" fill="#0b132b" opacity="0.7"/>
</svg>`;

/** A JPEG of the scene, carrying its caption and credit in XMP as an agency photo would. */
export async function demoPhotoBytes(): Promise<Buffer> {
  const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  const xmp = [
    '<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">',
    '<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:photoshop="http://ns.adobe.com/photoshop/1.0/" xmlns:Iptc4xmpCore="http://iptc.org/std/Iptc4xmpCore/1.0/xmlns/">',
    `<dc:description><rdf:Alt><rdf:li xml:lang="x-default">${escape(DEMO_PHOTO.caption)}</rdf:li></rdf:Alt></dc:description>`,
    `<dc:creator><rdf:Seq><rdf:li>${escape(DEMO_PHOTO.creator)}</rdf:li></rdf:Seq></dc:creator>`,
    `<photoshop:Credit>${escape(DEMO_PHOTO.credit)}</photoshop:Credit>`,
    `<Iptc4xmpCore:AltTextAccessibility><rdf:Alt><rdf:li xml:lang="x-default">${escape(DEMO_PHOTO.alt)}</rdf:li></rdf:Alt></Iptc4xmpCore:AltTextAccessibility>`,
    '</rdf:Description></rdf:RDF></x:xmpmeta>',
  ].join('');
  return sharp(Buffer.from(SCENE)).jpeg({ quality: 88 }).withXmp(xmp).toBuffer();
}
