// Runs chrono-node on {"id","dct","text"} JSON Lines and writes TIMEX3-shaped
// results ({"id","timexes":[{begin,end,text,type,value}]}, UTF-8 byte
// offsets) so that score_timex.py scores chrono the way it scores
// `crosscheck timex`. Benchmark tooling only.
//
//   node chrono_timex.js IN.jsonl OUT.jsonl [SECONDS]
//
// Prints "docs=N seconds=S" on stderr: passes of chrono.parse over every
// document, repeated until SECONDS (default 2) of wall time have gone by,
// after node has started, chrono is loaded, the file is read and one pass
// (the one written to OUT) has warmed up the JIT. The same exclusions hold
// for crosscheck's figure (checker/timex_benchmark --corpus).
'use strict';
const fs = require('fs');
const chrono = require('chrono-node');

const [input, output, secondsArg] = process.argv.slice(2);
const minSeconds = Number(secondsArg || 2);
const docs = fs.readFileSync(input, 'utf8').split('\n').filter((l) => l.trim())
    .map((l) => JSON.parse(l));

const pad = (n, w = 2) => String(n).padStart(w, '0');

// The TIMEX3 value of a chrono component, as precise as chrono says it knows:
// a known hour gives a time, a known day or weekday a date, a known month
// alone a month, a known year alone a year; implied parts come from the DCT.
function timex(result) {
  const c = result.start;
  const date = c.date();
  const y = pad(date.getFullYear(), 4), m = pad(date.getMonth() + 1), d = pad(date.getDate());
  if (/^\s*now\s*$/i.test(result.text)) return {type: 'DATE', value: 'PRESENT_REF'};
  if (c.isCertain('hour')) {
    return {type: 'TIME', value: `${y}-${m}-${d}T${pad(date.getHours())}:${pad(date.getMinutes())}`};
  }
  if (c.isCertain('day') || c.isCertain('weekday')) return {type: 'DATE', value: `${y}-${m}-${d}`};
  if (c.isCertain('month')) return {type: 'DATE', value: `${y}-${m}`};
  if (c.isCertain('year')) return {type: 'DATE', value: y};
  return {type: 'DATE', value: `${y}-${m}-${d}`};  // "today", "3 days ago": a day
}

function parseDoc(doc) {
  const [yy, mm, dd] = doc.dct.split('-').map(Number);
  const ref = new Date(yy, mm - 1, dd, 12, 0, 0);
  return chrono.parse(doc.text, ref);
}

const out = [];
for (const doc of docs) {
  const timexes = parseDoc(doc).map((r) => {
    const begin = Buffer.byteLength(doc.text.slice(0, r.index), 'utf8');
    const end = begin + Buffer.byteLength(r.text, 'utf8');
    return {begin, end, text: r.text, ...timex(r)};
  });
  out.push(JSON.stringify({id: doc.id, timexes}));
}
fs.writeFileSync(output, out.join('\n') + '\n');

let sink = 0;
let passes = 0;
const start = process.hrtime.bigint();
let seconds = 0;
while (seconds < minSeconds) {
  for (const doc of docs) sink += parseDoc(doc).length;
  ++passes;
  seconds = Number(process.hrtime.bigint() - start) / 1e9;
}
process.stderr.write(`docs=${docs.length * passes} seconds=${seconds} results=${sink}\n`);
