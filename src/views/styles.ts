/**
 * The platform stylesheet, served from /assets/ (never inline, so the CSP can forbid inline
 * styles). Mobile first: one column, widening at 48rem. Colours meet WCAG AA contrast.
 */
export const stylesheet = `
:root {
  --ink: #1b1f24; --muted: #4d5561; --paper: #ffffff; --wash: #f4f6f8; --line: #d5dae0;
  --accent: #1f5f8b; --accent-ink: #ffffff; --focus: #c2410c; --danger: #a4161a;
  --radius: 0.5rem; --measure: 70ch;
  font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif;
  line-height: 1.55; color: var(--ink); background: var(--paper);
}
*, *::before, *::after { box-sizing: border-box; }
body { margin: 0; min-height: 100vh; display: flex; flex-direction: column; }
a { color: var(--accent); text-underline-offset: 0.15em; }
a:hover { text-decoration-thickness: 2px; }
:focus-visible { outline: 3px solid var(--focus); outline-offset: 2px; }
img { max-width: 100%; height: auto; }
.skip-link { position: absolute; left: -999px; top: 0; background: var(--paper); padding: 0.5rem 1rem; z-index: 10; }
.skip-link:focus { left: 0.5rem; top: 0.5rem; }
.site-header { background: var(--accent); color: var(--accent-ink); }
.site-header .inner, main, .site-footer .inner { width: 100%; max-width: 64rem; margin: 0 auto; padding: 0 1rem; }
.site-header .inner { display: flex; flex-wrap: wrap; align-items: center; justify-content: space-between; gap: 0.5rem 1.5rem; padding-block: 0.75rem; }
.site-header a { color: var(--accent-ink); text-decoration: none; }
.site-header a:hover, .site-header a[aria-current="page"] { text-decoration: underline; }
.brand { font-weight: 700; font-size: 1.25rem; letter-spacing: 0.02em; }
.site-nav ul { list-style: none; display: flex; flex-wrap: wrap; gap: 0.25rem 1rem; margin: 0; padding: 0; }
main { flex: 1; padding-block: 1.5rem 3rem; }
main > * { max-width: var(--measure); }
main > .wide { max-width: none; }
h1, h2, h3 { line-height: 1.2; margin: 1.5em 0 0.5em; }
h1 { font-size: clamp(1.75rem, 5vw, 2.5rem); margin-top: 0.5em; }
.lead { font-size: 1.15rem; color: var(--muted); }
.breadcrumb ol { list-style: none; display: flex; flex-wrap: wrap; gap: 0.25rem; margin: 0; padding: 0; font-size: 0.9rem; }
.breadcrumb li + li::before { content: "/"; margin-right: 0.25rem; color: var(--muted); }
.cards { list-style: none; padding: 0; margin: 1rem 0; display: grid; gap: 1rem; grid-template-columns: repeat(auto-fill, minmax(16rem, 1fr)); }
.card { border: 1px solid var(--line); border-radius: var(--radius); padding: 1rem 1.25rem; background: var(--paper); }
.card h2, .card h3 { margin-top: 0; font-size: 1.2rem; }
.card p { margin: 0.25rem 0; }
.meta { color: var(--muted); font-size: 0.95rem; }
.facts { display: grid; grid-template-columns: max-content 1fr; gap: 0.25rem 1rem; margin: 1rem 0; }
.facts dt { font-weight: 600; }
.facts dd { margin: 0; }
.badge { display: inline-block; font-size: 0.8rem; font-weight: 600; padding: 0.05rem 0.5rem; border-radius: 999px; background: var(--wash); border: 1px solid var(--line); color: var(--ink); }
.badge-overdue { background: var(--danger); color: #fff; border-color: var(--danger); }
.track-list { list-style: none; padding: 0; display: grid; gap: 0.5rem; }
.track-list li { padding: 0.5rem 0.75rem; background: var(--wash); border-radius: var(--radius); }
.swatch { vertical-align: baseline; }
.hero { background: var(--wash); border-radius: var(--radius); padding: 1.25rem 1.5rem; margin: 1rem 0 1.5rem; }
.hero p { margin: 0.25rem 0; }
.site-footer { border-top: 1px solid var(--line); background: var(--wash); font-size: 0.9rem; color: var(--muted); }
.site-footer .inner { padding-block: 1rem; }
.error-page { padding-block: 2rem; }
form { margin: 1rem 0; }
.field { margin: 0 0 1rem; }
.field label { display: block; font-weight: 600; margin-bottom: 0.25rem; }
.field input, .field select, .field textarea { width: 100%; max-width: 32rem; font: inherit; padding: 0.5rem 0.6rem; border: 1px solid #6b7280; border-radius: 0.35rem; background: var(--paper); color: var(--ink); }
.field-invalid input, .field-invalid select, .field-invalid textarea { border-color: var(--danger); border-width: 2px; }
.field-check label { display: inline; font-weight: 600; }
.field-check input { width: auto; }
.field input[type="color"] { width: 4rem; height: 2.5rem; padding: 0.15rem; }
.hint { margin: 0 0 0.25rem; color: var(--muted); font-size: 0.9rem; }
.field-error { margin: 0 0 0.25rem; color: var(--danger); font-weight: 600; }
.error-summary { border: 2px solid var(--danger); border-radius: var(--radius); padding: 0.75rem 1rem; margin: 1rem 0; }
.error-summary h2 { margin: 0 0 0.5rem; font-size: 1.1rem; color: var(--danger); }
.error-summary a { color: var(--danger); }
.notice { border-left: 0.35rem solid var(--accent); background: var(--wash); padding: 0.6rem 1rem; border-radius: 0 var(--radius) var(--radius) 0; }
.button, button { display: inline-block; font: inherit; font-weight: 600; padding: 0.5rem 1rem; border-radius: 0.35rem; border: 2px solid var(--accent); background: var(--accent); color: var(--accent-ink); cursor: pointer; text-decoration: none; }
.button-secondary { background: var(--paper); color: var(--accent); }
.button-danger { background: var(--paper); color: var(--danger); border-color: var(--danger); }
.inline-form { display: inline; margin: 0; }
table { border-collapse: collapse; width: 100%; margin: 1rem 0; }
th, td { text-align: left; padding: 0.4rem 0.6rem; border-bottom: 1px solid var(--line); vertical-align: top; }
.table-wrap { overflow-x: auto; position: relative; }
.console-nav ul { list-style: none; display: flex; flex-wrap: wrap; gap: 0.25rem 1.25rem; padding: 0; margin: 0 0 1rem; border-bottom: 1px solid var(--line); padding-bottom: 0.5rem; }
.secret { font-family: ui-monospace, monospace; word-break: break-all; background: var(--wash); padding: 0.5rem; border-radius: 0.35rem; }
td .inline-form .button { padding: 0.25rem 0.75rem; }
@media (min-width: 48rem) {
  main { padding-block: 2rem 4rem; }
}
@media print {
  .site-header, .site-footer, .skip-link { display: none; }
}
.visually-hidden { position: absolute; width: 1px; height: 1px; padding: 0; margin: -1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; border: 0; }
.outbox { list-style: none; padding: 0; display: grid; gap: 1rem; }
.mail-text { white-space: pre-wrap; overflow-wrap: anywhere; font-family: ui-monospace, monospace; font-size: 0.9rem; background: var(--wash); padding: 0.75rem; border-radius: 0.35rem; margin: 0.5rem 0 0; }
`;
