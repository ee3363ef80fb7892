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
.facts { display: grid; grid-template-columns: minmax(0, max-content) minmax(0, 1fr); gap: 0.25rem 1rem; margin: 1rem 0; }
/* A long term wraps on a phone instead of pushing its value off the screen. */
.facts dt { max-width: 45vw; overflow-wrap: anywhere; }
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
/* Server-rendered SVG charts (src/features/attendees/charts.tsx): no inline style, the CSP stays strict. */
.chart { display: block; width: 100%; max-width: 40rem; height: auto; margin: 0.5rem 0; overflow: visible; }
/* Slanted labels reach below the drawing. */
.chart.crowded { margin-bottom: 3.5rem; }
.chart text { fill: var(--ink); font-size: 12px; }
.chart .grid { stroke: var(--line); stroke-width: 1; }
.chart .bar { fill: var(--accent); }
.chart .line { fill: none; stroke: var(--accent); stroke-width: 2.5; }
.chart-data { margin: 0 0 1.5rem; }
.chart-data summary { cursor: pointer; }
/* A DNS record value or a token is one long word: it breaks inside its cell rather than overflowing the table. */
td code { overflow-wrap: anywhere; word-break: break-all; }
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
/* A paged console list's Previous / Next (src/views/pager.tsx). */
.pager { display: flex; gap: 1rem; align-items: baseline; margin: 1rem 0; }
/* ---- Edition subsite (src/features/site): masthead, navigation, program grid, print ---- */
/* An edition's colours come from its theme stylesheet (--site-primary, --site-accent; see assets.ts). */
.has-masthead { background: var(--ink); }
.platform-bar .inner { padding-block: 0.35rem; font-size: 0.9rem; }
.platform-bar .brand { font-size: 1rem; }
.masthead { background: var(--site-primary, var(--accent)); border-bottom: 4px solid var(--site-accent, var(--focus)); }
.masthead-inner, .edition-nav ul { width: 100%; max-width: 64rem; margin: 0 auto; padding: 0 1rem; }
.masthead-inner { display: flex; align-items: center; gap: 1rem; padding-block: 1rem 0.5rem; }
.masthead-logo { height: 3.5rem; width: auto; background: #fff; border-radius: 0.35rem; padding: 0.25rem; }
.masthead-title { margin: 0; font-size: 1.4rem; font-weight: 700; line-height: 1.2; }
.masthead-meta { margin: 0.1rem 0 0; font-size: 0.95rem; }
.edition-nav ul { list-style: none; display: flex; flex-wrap: wrap; gap: 0 0.15rem; padding-block: 0 0.25rem; }
.edition-nav a { display: block; padding: 0.4rem 0.5rem; border-bottom: 3px solid transparent; }
.site-header .edition-nav a[aria-current="page"] { border-bottom-color: #fff; font-weight: 700; text-decoration: none; }
.site-header :focus-visible { outline-color: #fff; }
.actions { display: flex; flex-wrap: wrap; gap: 0.5rem; margin-top: 1rem; }
.hero-text p { margin: 0.75rem 0 0; }
.prose > :first-child { margin-top: 0; }
.back-link { margin: 0 0 0.5rem; font-size: 0.95rem; }
.back-link a::before { content: "← "; }
.callout { border-left: 0.35rem solid var(--site-accent, var(--accent)); background: var(--wash); padding: 0.25rem 1rem 0.5rem; border-radius: 0 var(--radius) var(--radius) 0; margin: 1.5rem 0; }
.callout h2 { margin-top: 0.5rem; font-size: 1.2rem; }
.key-dates dd { font-variant-numeric: tabular-nums; }
.speaker-list { list-style: none; padding: 0; columns: 2 18rem; column-gap: 2rem; }
.speaker-list li { break-inside: avoid; margin: 0 0 0.6rem; }
.speaker-list .meta { display: block; font-size: 0.9rem; }
.speaker-head { display: flex; flex-wrap: wrap; gap: 1rem; align-items: center; }
.speaker-head h1 { margin-bottom: 0.25rem; }
.speaker-photo { border-radius: 50%; object-fit: cover; }
.talk-list { padding-left: 1.25rem; }
.talk-list > li { margin-bottom: 1.5rem; }
.talk-list h3 { margin-top: 0.5rem; }
.plain-list { list-style: none; padding: 0; }
.history { list-style: none; padding: 0; }
.history li { padding: 0.4rem 0; border-bottom: 1px solid var(--line); }
.history-year { display: inline-block; min-width: 3.25rem; font-weight: 700; font-variant-numeric: tabular-nums; }
.lecture { border-top: 1px solid var(--line); margin-top: 2rem; }
.sponsor-list { list-style: none; padding: 0; display: grid; gap: 1rem; grid-template-columns: repeat(auto-fill, minmax(14rem, 1fr)); }
.sponsor-list img { max-height: 4rem; width: auto; }
.price { font-size: 1.4rem; font-weight: 700; }
.facts.compact { font-size: 0.95rem; }
@media (max-width: 30rem) {
  .key-dates { display: block; }
  .key-dates dd { margin-bottom: 0.5rem; }
}
/* The program: a list on a phone; from 710px (where two rooms fit, as in pretalx) a grid of a time column and one column per room. */
.program-tools { display: flex; flex-wrap: wrap; gap: 0.75rem 2rem; margin: 1rem 0; }
.pill-nav ul { list-style: none; display: flex; flex-wrap: wrap; gap: 0.5rem; margin: 0; padding: 0; }
.pill-nav a { display: inline-block; padding: 0.3rem 0.8rem; border: 1px solid var(--line); border-radius: 999px; background: var(--paper); color: var(--ink); text-decoration: none; }
.pill-nav a:hover { border-color: var(--accent); }
.pill-nav a[aria-current="page"] { background: var(--accent); border-color: var(--accent); color: var(--accent-ink); }
.pill-nav a[aria-current="page"] .swatch rect { stroke: #fff; }
.program-day { margin-top: 2rem; }
.program-day > h2 { border-bottom: 2px solid var(--ink); padding-bottom: 0.25rem; }
.program-day > h2 .meta { font-weight: 400; font-size: 1rem; }
.slots { list-style: none; margin: 0; padding: 0; }
.slot { border-top: 1px solid var(--line); padding: 0.75rem 0; }
.slot-head { display: none; }
.slot-time { margin: 0 0 0.5rem; font-weight: 700; font-variant-numeric: tabular-nums; }
.session { background: var(--wash); border-left: 4px solid var(--line); border-radius: 0 var(--radius) var(--radius) 0; padding: 0.6rem 0.9rem; margin: 0 0 0.5rem; overflow-wrap: anywhere; }
.session p { margin: 0.15rem 0; }
.session.kind-plenary, .session.kind-named_lecture, .session.kind-panel { border-left-color: var(--site-accent, var(--accent)); }
.session.kind-break, .session.kind-social { background: none; border-left-color: transparent; padding-block: 0.2rem; }
.session.kind-break .session-title, .session.kind-social .session-title { font-weight: 600; }
.session-time { font-size: 0.9rem; color: var(--muted); font-variant-numeric: tabular-nums; }
.session-kind { font-size: 0.85rem; font-weight: 700; color: var(--muted); }
.session-title { margin: 0.1rem 0 0.25rem; font-size: 1.1rem; }
.session-track, .session-chairs { font-size: 0.95rem; }
.session-talks { margin: 0.4rem 0 0; padding-left: 1.1rem; font-size: 0.95rem; }
.session-talks li + li { margin-top: 0.35rem; }
.talk-speakers { display: block; }
.session-talks li:only-child { list-style: none; margin-left: -1.1rem; }
.slot-head span { padding-left: calc(0.9rem + 4px); }
@media print, (min-width: 44.375rem) {
  .slot { display: grid; gap: 0.5rem 0.75rem; align-items: start; }
  .gridded .slot-head { display: grid; border-top: 0; padding-bottom: 0; font-weight: 700; color: var(--muted); }
  .slot-time { grid-column: 1; grid-row: 1; margin: 0.6rem 0 0; }
  .slot .session { margin: 0; }
  .slot .span { grid-column: 2 / -1; }
${Array.from({ length: 8 }, (_, i) => `  .slot .col-${i + 1} { grid-column: ${i + 2}; }\n  .cols-${i + 1} { grid-template-columns: 3.5rem repeat(${i + 1}, minmax(0, 1fr)); }`).join("\n")}
}
@media print {
  body { font-size: 10pt; }
  main { padding: 0; max-width: none; }
  main > * { max-width: none; }
  a { color: inherit; text-decoration: none; }
  .site-header.has-masthead { display: block; background: none; }
  .platform-bar, .edition-nav, .program-tools, .back-link, .actions, .button { display: none; }
  .masthead { background: none; border-bottom: 1px solid #000; }
  .masthead, .masthead a { color: #000; }
  .program-day { break-before: page; }
  .program-day:first-of-type { break-before: auto; }
  .program-day > h2 { break-after: avoid; }
  .slot-head { break-after: avoid; }
  .session { break-inside: avoid; background: none; border: 1px solid #999; }
  .session.kind-break, .session.kind-social { border: 0; }
  .session-time, .session-kind, .meta { color: #333; }
}
/* ---- Handover notes (src/features/handover): dossier, note page, threads, search, advice ---- */
.note-list { padding-left: 1.25rem; }
.note-list li { margin: 0.35rem 0; }
.badge-unread { background: var(--accent); border-color: var(--accent); color: var(--accent-ink); }
.badge-draft { background: var(--paper); border-style: dashed; }
.tag-list { list-style: none; display: flex; flex-wrap: wrap; gap: 0.35rem; padding: 0; margin: 0.5rem 0; }
.tag-list li { font-size: 0.85rem; padding: 0.05rem 0.55rem; border-radius: 999px; background: var(--wash); border: 1px solid var(--line); }
.thread { border-top: 1px solid var(--line); margin-top: 1.5rem; }
.thread h3 { font-size: 1.05rem; }
.messages { list-style: none; padding: 0; margin: 0; }
.messages li { border-left: 3px solid var(--line); padding: 0.25rem 0 0.25rem 0.75rem; margin: 0 0 0.75rem; }
.messages .meta { margin: 0; }
.message-text { white-space: pre-wrap; overflow-wrap: anywhere; margin: 0.25rem 0 0; }
.search-results { padding-left: 1.25rem; }
.search-results li { margin: 0 0 1rem; }
.snippet { margin: 0.25rem 0 0; color: var(--muted); overflow-wrap: anywhere; }
.snippet mark { background: #fde68a; color: var(--ink); padding: 0 0.1em; }
.copied-text-facts mark { background: #fde68a; color: var(--ink); padding: 0 0.1em; }
.note-advice { border-left: 0.35rem solid var(--focus); background: var(--wash); padding: 0.25rem 1rem 0.5rem; border-radius: 0 var(--radius) var(--radius) 0; margin: 1rem 0; }
.note-advice h2 { font-size: 1.1rem; margin-top: 0.5rem; }
.advice-list { margin: 0.25rem 0 0; padding-left: 1.1rem; font-size: 0.9rem; }
/* ---- Setup previews (src/features/setup): dates beside long labels ---- */
/* A placeholder or a zone name ("(Europe/Amsterdam)") breaks rather than widening the table past a phone. */
.moments-table th, .moments-table td { overflow-wrap: anywhere; }
`;
