// The style sheet of the HTML report (render_html.h), inlined in every page.
// Private to render_html. No url(), @import or web fonts: the page loads
// nothing. Verdict colors are custom properties (--c, --cbg) set by the
// v-<verdict> classes; value chips in timelines use c0..c5.
#ifndef CROSSCHECK_CHECKER_RENDER_RENDER_HTML_STYLE_H_
#define CROSSCHECK_CHECKER_RENDER_RENDER_HTML_STYLE_H_

namespace crosscheck {
namespace html_internal {

inline constexpr char kStyle[] = R"css(
:root{--ink:#1d2433;--muted:#5b6474;--line:#d8dde6;--bg:#f6f7f9;--card:#fff;
--contradiction:#b42318;--contradiction-bg:#fef3f2;--disputed:#7a2e98;--disputed-bg:#f8f0fc;
--discrepancy:#a15c07;--discrepancy-bg:#fffaeb;--update:#175cd3;--update-bg:#eff6ff;
--agreement:#067647;--agreement-bg:#ecfdf3;--unknown:#475467;--unknown-bg:#f2f4f7}
*{box-sizing:border-box}
html{background:var(--bg);color:var(--ink)}
body{margin:0 auto;max-width:76rem;padding:1.5rem 1.5rem 4rem;font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif}
h1{font-size:1.7rem;margin:0 0 .25rem}
h2{font-size:1.3rem;margin:2.5rem 0 .75rem;padding-bottom:.3rem;border-bottom:2px solid var(--line)}
h3{font-size:1.1rem;margin:1.75rem 0 .5rem}
h4{font-size:1rem;margin:0}
a{color:#1849a9}
code{font:12px/1.4 ui-monospace,"DejaVu Sans Mono",Menlo,Consolas,monospace;overflow-wrap:anywhere}
.muted,.lede{color:var(--muted)}
.lede{font-size:1.05rem;margin:.25rem 0 1rem}
.tiles{display:flex;flex-wrap:wrap;gap:.6rem;list-style:none;padding:0;margin:1rem 0}
.tile{display:block;min-width:9.5rem;padding:.55rem .9rem;border-radius:8px;border:1px solid var(--line);border-left:6px solid var(--c);background:var(--card);color:var(--ink);text-decoration:none}
.tile b{display:block;font-size:1.6rem;line-height:1.1;color:var(--c)}
.tile.zero{opacity:.55}
.tile.unreviewed{--c:var(--ink)}
.toc{display:flex;flex-wrap:wrap;gap:1rem;margin:.5rem 0 0;font-size:.95rem}
.v-contradiction{--c:var(--contradiction);--cbg:var(--contradiction-bg)}
.v-disputed{--c:var(--disputed);--cbg:var(--disputed-bg)}
.v-discrepancy{--c:var(--discrepancy);--cbg:var(--discrepancy-bg)}
.v-update{--c:var(--update);--cbg:var(--update-bg)}
.v-agreement{--c:var(--agreement);--cbg:var(--agreement-bg)}
.v-unknown{--c:var(--unknown);--cbg:var(--unknown-bg)}
.group-meaning{margin:-.25rem 0 .75rem;color:var(--muted)}
.badge{display:inline-block;padding:.05rem .5rem;border-radius:999px;background:var(--c);color:#fff;font-size:.78rem;font-weight:600;letter-spacing:.02em;text-transform:uppercase;text-decoration:none;white-space:nowrap}
.finding{background:var(--card);border:1px solid var(--line);border-top:4px solid var(--c);border-radius:8px;padding:1rem 1.1rem;margin:0 0 1.1rem}
.finding-head{display:flex;flex-wrap:wrap;align-items:baseline;gap:.4rem .6rem}
.finding-head .fid{margin-left:auto;color:var(--muted);font-size:.85rem}
.kind{color:var(--muted);font-weight:500}
.explanation{margin:.6rem 0}
.lean{margin:.4rem 0;padding:.35rem .6rem;background:var(--bg);border-radius:6px;font-size:.93rem}
.review{margin:.4rem 0;font-size:.9rem}
.review.none{color:var(--muted)}
.review.confirmed,.review.dismissed{padding:.3rem .6rem;border-left:3px solid var(--ink);background:var(--bg);border-radius:0 6px 6px 0}
.side{display:inline-block;vertical-align:middle;margin-left:.4rem;padding:0 .45rem;border-radius:4px;font-size:.75rem;font-weight:600;color:#fff}
.side.right{background:var(--agreement)}
.side.wrong{background:var(--contradiction)}
.claims{display:grid;grid-template-columns:repeat(auto-fit,minmax(17rem,1fr));gap:.8rem;margin-top:.8rem}
.claim{border:1px solid var(--line);border-radius:6px;padding:.7rem .8rem;background:var(--cbg)}
.claim-head{display:flex;flex-wrap:wrap;justify-content:space-between;gap:.25rem .75rem;font-size:.9rem}
.outlet{font-weight:600}
.value{font-size:1.2rem;font-weight:700;margin:.2rem 0 .1rem;color:var(--c)}
.value-note{font-size:.82rem;color:var(--muted)}
.attribution{display:flex;flex-wrap:wrap;gap:.3rem;list-style:none;padding:0;margin:.4rem 0}
.attribution li{font-size:.78rem;padding:0 .45rem;border-radius:4px;border:1px solid var(--line);background:var(--card)}
.attribution .hedged,.attribution .negated,.attribution .anonymous{border-color:var(--discrepancy);color:var(--discrepancy)}
blockquote{margin:.5rem 0;padding:.1rem 0 .1rem .75rem;border-left:3px solid var(--line);font-family:Georgia,"DejaVu Serif","Times New Roman",serif;font-size:.98rem;overflow-wrap:anywhere}
mark.claim-span{background:#fde68a;color:inherit;padding:0 .1em;border-bottom:2px solid var(--c)}
.provenance{font-size:.8rem;color:var(--muted);margin:0}
.copy-note{font-size:.8rem;color:var(--discrepancy);margin:.3rem 0 0}
.tl-wrap{overflow-x:auto;background:var(--card);border:1px solid var(--line);border-radius:8px;padding:.9rem 1rem .5rem;margin:.5rem 0 1rem}
.tl-meta{margin:0 0 .6rem;font-size:.92rem}
.tl{display:flex;align-items:flex-start;list-style:none;margin:0;padding:0;position:relative;border-top:3px solid var(--line);min-width:max-content}
.tl-day{position:relative;width:14.5rem;flex:0 0 auto;padding:.9rem .3rem 0 0}
.tl-day::before{content:"";position:absolute;top:-.5rem;left:0;width:.8rem;height:.8rem;border-radius:50%;background:var(--ink);border:2px solid var(--card)}
.tl-day time{font-weight:700}
.tl-gap{display:block;font-size:.78rem;color:var(--update)}
.tl-day ul{list-style:none;margin:.3rem 0 .5rem;padding:0}
.tl-day li{margin:0 0 .35rem;font-size:.88rem;line-height:1.3}
.chip{display:inline-block;padding:0 .4rem;border-radius:4px;font-weight:600;color:#fff}
.c0{background:#1d4ed8}.c1{background:#c2410c}.c2{background:#0f766e}.c3{background:#7e22ce}.c4{background:#be185d}.c5{background:#475467}
table{border-collapse:collapse;width:100%;background:var(--card);border:1px solid var(--line);font-size:.9rem}
th,td{text-align:left;vertical-align:top;padding:.4rem .6rem;border-bottom:1px solid var(--line)}
th{background:var(--bg);font-weight:600}
td.num,th.num{text-align:right;font-variant-numeric:tabular-nums}
.bar{position:relative;display:block;width:8rem;height:.6rem;margin-top:.25rem;background:var(--bg);border:1px solid var(--line);border-radius:3px}
.bar .band{position:absolute;top:0;bottom:0;background:#b2ccff}
.bar .pt{position:absolute;top:-.15rem;bottom:-.15rem;width:3px;background:var(--update)}
.reasons{margin:.2rem 0 0;padding-left:1.1rem;font-size:.85rem;color:var(--muted)}
.placeholder{border:1px dashed var(--line);border-radius:8px;padding:.6rem .9rem;color:var(--muted)}
.nowrap{white-space:nowrap}
details.fold>summary{cursor:pointer;color:#1849a9;margin:.25rem 0 .75rem;font-weight:600}
footer{margin-top:3rem;font-size:.85rem;color:var(--muted)}
@media print{html{background:#fff}.finding,.tl-wrap{break-inside:avoid}.toc{display:none}}
)css";

}  // namespace html_internal
}  // namespace crosscheck

#endif  // CROSSCHECK_CHECKER_RENDER_RENDER_HTML_STYLE_H_
