/**
 * The education pages' whole stylesheet, inlined in every page (one request, no JavaScript).
 * Colours meet WCAG 2.1 AA: text #1b1f24 on white is 16:1, links #0b5cad 6.4:1, muted #4a5560 7.4:1.
 */
export const educationCss = `
*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%}
body{margin:0;font:1.0625rem/1.6 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1b1f24;background:#fff}
a{color:#0b5cad;text-underline-offset:2px}
a:hover{color:#083f77}
a:focus-visible,summary:focus-visible{outline:3px solid #b35c00;outline-offset:2px;border-radius:2px}
.skip{position:absolute;left:.5rem;top:-3rem;background:#fff;padding:.5rem .75rem;border:2px solid #0b5cad;z-index:1}
.skip:focus{top:.5rem}
header,footer{background:#f3f6f9;border-bottom:1px solid #d5dde5}
footer{border-top:1px solid #d5dde5;border-bottom:0;margin-top:2.5rem}
.wrap{max-width:46rem;margin:0 auto;padding:0 1rem}
.brand{font-weight:700;font-size:1.125rem;color:#1b1f24;text-decoration:none;display:inline-block;padding:.75rem 0 .25rem}
nav ul{list-style:none;margin:0;padding:0 0 .75rem;display:flex;flex-wrap:wrap;gap:.25rem 1rem}
nav a{display:inline-block;padding:.25rem 0}
main{display:block;padding:1.25rem 0}
h1{font-size:1.75rem;line-height:1.25;margin:.5rem 0 1rem}
h2{font-size:1.35rem;line-height:1.3;margin:2rem 0 .5rem}
h3{font-size:1.125rem;margin:1.5rem 0 .25rem}
.lead{font-size:1.125rem}
.muted,.url{color:#4a5560;font-size:.9375rem}
.url{overflow-wrap:anywhere}
.cite{font-size:.75rem;line-height:0}
.cite a{padding:0 .1rem}
dl.facts{display:grid;grid-template-columns:minmax(8rem,max-content) 1fr;gap:.35rem 1rem;margin:1rem 0}
dl.facts dt{font-weight:600}
dl.facts dd{margin:0}
@media (max-width:30rem){dl.facts{grid-template-columns:1fr}dl.facts dd{margin-bottom:.5rem}}
.badge{display:inline-block;font-size:.8125rem;font-weight:600;background:#fff4e0;color:#6b3a00;border:1px solid #e0b36b;border-radius:.25rem;padding:0 .35rem;margin-left:.25rem}
.note{border-left:4px solid #0b5cad;background:#eef4fb;padding:.5rem .9rem;margin:1rem 0}
.alert{border-left:4px solid #a3191c;background:#fdecec;padding:.5rem .9rem;margin:1rem 0}
.cta{display:flex;flex-wrap:wrap;gap:.75rem;margin:1.5rem 0;padding:0;list-style:none}
.cta a{display:inline-block;padding:.6rem 1rem;border:2px solid #0b5cad;border-radius:.375rem;font-weight:600;text-decoration:none}
.cta a.primary{background:#0b5cad;color:#fff}
.cta a.primary:hover{background:#083f77}
.sources ol{padding-left:1.5rem}
.sources li{margin:.35rem 0;scroll-margin-top:1rem}
.sources li:target{background:#fff4e0}
details{border:1px solid #d5dde5;border-radius:.375rem;padding:.5rem .9rem;margin:.5rem 0}
summary{font-weight:600;cursor:pointer}
ul.cards{list-style:none;padding:0}
ul.cards>li{border-top:1px solid #d5dde5;padding:.75rem 0}
code{font:.9375rem/1.5 ui-monospace,Menlo,Consolas,monospace}
.static-form{display:grid;gap:.25rem;max-width:28rem;margin:1rem 0}
.static-form label{font-weight:600;margin-top:.5rem}
.static-form fieldset{border:1px solid #d5dde5;border-radius:.375rem;padding:.5rem .9rem;margin:.75rem 0 0;min-width:0}
.static-form legend{font-weight:600;padding:0 .25rem}
.static-form label.choice{display:block;font-weight:400;margin:0;padding:.3rem 0}
.static-form textarea{font:inherit;padding:.4rem .5rem;border:1px solid #5f6b77;border-radius:.25rem;width:100%}
.static-form [aria-invalid=true]{border-color:#a3191c;border-width:2px}
.badge-critical{background:#fdecec;color:#7d1214;border-color:#d98b8d}
.badge-info{background:#f3f6f9;color:#1b1f24;border-color:#b8c2cc}
.field-error{color:#a3191c;font-weight:600;margin:.25rem 0}
.answer{border:1px solid #d5dde5;border-left:6px solid #0b5cad;border-radius:.375rem;padding:.25rem 1rem .75rem;margin:1rem 0}
.answer-may-suit{border-left-color:#1f7a4d}
.answer-clinician-review{border-left-color:#b35c00}
.answer-not-suitable{border-left-color:#a3191c}
.static-form input,.static-form select{font:inherit;padding:.4rem .5rem;border:1px solid #5f6b77;border-radius:.25rem;background:#fff;color:#1b1f24}
.static-form button{font:inherit;font-weight:600;margin-top:1rem;padding:.6rem 1rem;border:2px solid #0b5cad;border-radius:.375rem;background:#0b5cad;color:#fff;cursor:pointer}
`;
