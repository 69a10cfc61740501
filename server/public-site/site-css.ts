/** The public site's only stylesheet: a newspaper page at reading width, light and dark. */
export const SITE_CSS = `
:root { color-scheme: light dark; --text: #1c1c1a; --muted: #5d5c57; --bg: #fbfaf7; --rule: #d9d7cf; --accent: #1f4e8c; }
@media (prefers-color-scheme: dark) { :root { --text: #ecebe6; --muted: #a8a69e; --bg: #161615; --rule: #3a3a36; --accent: #8cb4ff; } }
* { box-sizing: border-box; }
body { margin: 0; background: var(--bg); color: var(--text); font: 19px/1.6 Georgia, 'Iowan Old Style', 'Times New Roman', serif; }
a { color: var(--accent); }
header.site { border-bottom: 1px solid var(--rule); padding: 12px 20px; }
header.site .brand { font-weight: 700; font-size: 22px; color: var(--text); text-decoration: none; }
main { max-width: 680px; margin: 0 auto; padding: 24px 20px 64px; }
h1 { font-size: 40px; line-height: 1.15; margin: 16px 0 12px; }
h2 { font-size: 26px; line-height: 1.25; margin: 1.4em 0 0.5em; }
h3 { font-size: 21px; margin: 1.2em 0 0.4em; }
.standfirst { font-size: 22px; line-height: 1.4; color: var(--muted); margin: 0 0 16px; }
.byline { font: 14px/1.4 system-ui, sans-serif; color: var(--muted); border-bottom: 1px solid var(--rule); padding-bottom: 12px; }
.byline .author { font-weight: 700; color: var(--text); text-transform: uppercase; letter-spacing: 0.03em; }
.dateline { font-weight: 700; margin: 1em 0 0.25em; }
.body p { margin: 0 0 1em; }
.body blockquote { margin: 1.2em 0; padding-left: 1em; border-left: 3px solid var(--accent); font-style: italic; }
.body hr { width: 40%; margin: 2em auto; border: none; border-top: 1px solid var(--rule); }
.body figure, .lead-photo { margin: 1.5em 0; }
.body figure img, .lead-photo img { width: 100%; height: auto; display: block; }
figcaption .credit { font-size: 12px; letter-spacing: 0.03em; }
figcaption { font: 14px/1.45 system-ui, sans-serif; color: var(--muted); margin-top: 6px; }
.read-also { font-weight: 700; }
.corrections { margin-top: 2em; padding-top: 1em; border-top: 1px solid var(--rule); font-size: 16px; }
.corrections h2 { font-size: 18px; margin: 0 0 0.5em; }
.message { text-align: center; padding-top: 48px; }
`;
