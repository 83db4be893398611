#!/usr/bin/env python3
"""Generates a synthetic but realistic JSON Lines news corpus for benchmarks.

Usage:
  python3 tools/gen_corpus.py --size-mb 50 --out /tmp/corpus.jsonl [--seed 1]

Every output line is one article:
  {"id", "url", "outlet", "published", "title", "text"}   (published: YYYY-MM-DD)

The articles are built from real ones: the five seed articles
(seeds/0*.txt, plain text) and the 413 ECB+ articles (ecbplus/topic_*.jsonl).
Each generated article starts from one source article and varies it, so that
the corpus is not one text repeated (which would flatter caches and branch
predictors):
  * numbers (digits, "at least 20", number words such as "three") get other
    plausible values of the same magnitude and format; hedges ("at least",
    "more than", "nearly") are sometimes exchanged;
  * weekdays and month names are rotated consistently within the article,
    ordinals and times get other values, years are shifted to match the
    generated publication date, and a date line is rewritten to that date;
  * person and place names (pools collected from capitalized tokens of the
    sources themselves) are swapped consistently within the article;
  * paragraphs are dropped or swapped, sentences from other articles about
    the same event are spliced in, some articles gain a dateline, and "said"
    sometimes becomes "added"/"noted";
  * outlets, URLs and publication dates (2008-2020) vary.
The sentences stay those of the originals, lightly varied, so the text stays
news-like (including the page debris the seeds carry).

The output is streamed (one article at a time), so the size can be 1 GB or
more; the result is deterministic for a given --seed and sources.
1 MB here is 1,000,000 bytes; generation stops at the first article that
reaches the requested size.
"""

import argparse
import datetime
import glob
import json
import math
import os
import random
import re
import sys
import time
import unicodedata

_REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
_SEED_DIRS = [os.path.join(_REPO, "testdata", "caracas"),
              os.path.join(_REPO, "testdata", "seeds"), "/work/shared/seeds"]
_ECB_DIRS = [os.path.join(_REPO, "testdata", "ecbplus"),
             os.path.join(_REPO, "testdata", "corpora", "ecbplus"),
             "/work/shared/corpora/ecbplus"]

# ---------------------------------------------------------------- word lists
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday",
            "Saturday", "Sunday"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July",
          "August", "September", "October", "November", "December"]
MONTH_ABBR = ["Jan.", "Feb.", "March", "April", "May", "June", "July", "Aug.",
              "Sept.", "Oct.", "Nov.", "Dec."]
_MONTH_INDEX = {m: i for i, m in enumerate(MONTHS)}
_MONTH_INDEX.update({m.rstrip("."): i for i, m in enumerate(MONTH_ABBR)})
_MONTH_INDEX.update({"Sep": 8, "Jun": 5, "Jul": 6, "Apr": 3, "Mar": 2})

_SMALL = ["zero", "one", "two", "three", "four", "five", "six", "seven",
          "eight", "nine", "ten", "eleven", "twelve", "thirteen", "fourteen",
          "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty"]
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
         "seventy": 70, "eighty": 80, "ninety": 90}
_TENS_BY_VAL = {v: k for k, v in _TENS.items()}
_WORD_VAL = {w: i for i, w in enumerate(_SMALL)}
_WORD_VAL.update(_TENS)
_VAGUE = ["dozens", "scores", "hundreds", "thousands"]
HEDGES = ["at least", "more than", "nearly", "about", "some", "around",
          "up to", "almost", "over"]
SAID_ALTS = ["added", "noted", "stated", "explained"]
# Light word choice variation: each key may become one of its alternatives
# (chosen once per article). Entries are substitutable in almost any context.
LEX = {
    "officials": ["authorities"], "authorities": ["officials"],
    "could": ["might"], "residents": ["locals", "people"],
    "began": ["started"], "started": ["began"],
    "the country": ["the nation"], "wanted to": ["sought to"],
    "tried to": ["attempted to"], "is expected to": ["is likely to"],
    "are expected to": ["are likely to"], "quickly": ["swiftly", "rapidly"],
    "immediately": ["promptly", "at once"], "because of": ["due to"],
    "despite": ["in spite of"], "a number of": ["several"],
    "spokesman": ["spokesperson"], "spokeswoman": ["spokesperson"],
    "blaze": ["fire"], "large": ["big", "major"], "approximately": ["about"],
    "also ": [""], "But ": ["However, ", "Still, "], "However, ": ["But "],
    "police said": ["police say", "according to police"],
    "injured": ["hurt", "wounded"], "on the scene": ["at the scene"],
    "announced": ["said"], "killed": ["killed"],
}
del LEX["killed"]
del LEX["announced"]

# Capitalized words that are never names by themselves.
_FUNCTION_CAPS = set("""
A An The In On At Of To For From By With As And Or But Nor So Yet If When While
After Before Since Until Because Although Though This That These Those There
Here His Her Hers Their Theirs Our Its My Your We I He She It They You Who Whom
What Which Where Why How Not No Yes All Any Some Many Most Much More Each Every
Both Either Neither Other Another One Two Three Four Five Six Seven Eight Nine
Ten First Second Third Last Next Old Also Even Just Only Still Then Now
Today Tonight Yesterday Tomorrow Meanwhile However Instead Despite During
Under Over About Against Among Between Into Through Without Within Across
Around Near Outside Inside Like Unlike According Mr Mrs Ms Dr Sr Jr St Per
Photo Photos Video Read Click Share Comment Comments Print Adjust Source Related
Advertisement Image Images Getty Reuters AP AFP Associated Press Copyright
Please Sign Subscribe Follow Email Updated Posted Published Story Stories Editor
Reporting Writing Contributed Additional Caption Note Breaking Live Watch
""".split())
_TITLE_CUES = set("""
president vice secretary minister prime premier senator sen rep representative
gov governor mayor judge justice chief general gen col colonel lt lieutenant
sgt sergeant capt captain officer detective sheriff deputy dr mr mrs ms miss
sir lord king queen prince princess pope saint st coach ambassador director
leader spokesman spokeswoman spokesperson actor actress singer rapper star
chairman chairwoman chancellor ceo founder manager pitcher quarterback player
striker defender goalkeeper attorney lawyer prosecutor commissioner chairman
agent reporter correspondent host comedian musician model designer producer
pastor reverend rev father bishop cardinal adm admiral sheikh president-elect
undersheriff trooper commodore moviemaker filmmaker officer patrolman sir dame
""".split())
_ORG_MARKERS = set("""
Center Centre Department Dept University College School Hospital Church
Company Corp Corporation Inc Ltd Association Council Committee Party Police
Court House Senate Congress Parliament Ministry Office Agency Bank Group News
Times Post Journal Magazine Service Services Institute Foundation Club Team
Airlines Airways Airport Street Avenue Road Hotel Stadium Museum Army Navy
Force Forces Guard Assembly Embassy Republic Union Organization Organisation
Observatory Network Records Studios Pictures Festival Awards Award Games Cup
League Series Championship Championships Open Tour Prize Commission Board
Authority Administration Bureau Unit Division Fund Trust Society Press Radio
Television TV Channel Show Prison Jail Penitentiary Academy Institute Mall
Market Exchange Motors Systems Technologies Software Labs Project Program
Programme Survey Geological Museum Theatre Theater Arena Hall Tower Bridge
Treatment Marshals Festival Administration Boulevard Highway Station Ave Rd
Advisors Partners Holdings Capital Gardens Journal-Constitution Herald Sox
""".split())
_PLACE_MARKERS = set("""
Beach City County Valley Island Islands Springs Heights Bay Lake Falls Hills
Park Harbor Harbour Coast Peninsula Province State Region Mountains River
Ridge Point Creek Gulf Sea Ocean Desert Port Fort Mount San Santa Los Las New
North South East West Northern Southern Eastern Western Upper Lower Central
America Americas Latin Africa Asia Europe Middle Kingdom Emirates Arabia
""".split())
_NOT_NAME = (_FUNCTION_CAPS | set(WEEKDAYS) | {d + "s" for d in WEEKDAYS} |
             set(MONTHS) | {m.rstrip(".") for m in MONTH_ABBR})

# ------------------------------------------------------------------ patterns
_UC = "A-ZÀ-ÖØ-Þ"
_LC = "a-zß-öø-ÿ"
_CAP_TOKEN = (rf"[{_UC}][{_LC}]+(?:[{_UC}][{_LC}]+)?"
              rf"(?:['’][{_UC}][{_LC}]+)?(?:-[{_UC}][{_LC}]+)?")
_CAP_SEQ = re.compile(rf"(?<![\w.’'-])({_CAP_TOKEN}(?: {_CAP_TOKEN})*)(?![\w’'-])")
_LOWER_WORD = re.compile(rf"\b[{_LC}]+\b")
_PREV_WORD = re.compile(r"([A-Za-z][A-Za-z-]*)\.?\s+$")
_PERSON_AFTER = re.compile(
    r"\s*(?:,\s*(?:\d{1,3}\s*,|who\b|a\b|an\b|the\b)|\s(?:said|says|told|added|"
    r"wrote|announced|tweeted|explained|noted|insisted|denied|claimed|asked)\b)")
_PLACE_BEFORE = re.compile(r"\b(?:in|near|outside|across|visited)\s$")
_DEMONYM = re.compile(r"(?:an|ans|ese|ish|i|ic|ks|men|ch)$")
_URL = re.compile(r"(?:https?://|www\.)\S+")
_THE_BEFORE = re.compile(r"\b[Tt]he\s$")
_ADJ_AFTER = re.compile(
    r"\s(?!(?:of|and|or|on|in|to|for|is|was|has|had|have|are|were|will|would|"
    r"said|says|at|by|with|from|as|that|who|which|but|after|before|since|"
    r"during|where|when|last|this|on)\b)[a-z]")

_MONTH_ALT = "|".join(MONTHS + ["Jan", "Feb", "Mar", "Apr", "Jun", "Jul",
                                "Aug", "Sept", "Sep", "Oct", "Nov", "Dec"])
_WEEKDAY_ALT = "|".join(WEEKDAYS)
_NUMWORD_ALT = "|".join(sorted(
    [w for w in _SMALL[2:]] + list(_TENS), key=len, reverse=True))
_TENS_ALT = "|".join(_TENS)
_UNITS_ALT = "|".join(_SMALL[1:10])
_AMPM = r"(?:\s?[AaPp]\.\s?[Mm]\.|\s?[AaPp][Mm]\b)"

# A paragraph that is only a date (optionally with weekday and/or time) is the
# article's date line: it is rewritten to the generated publication date.
_DATELINE_RE = re.compile(
    rf"^\s*(?:(?P<t>\d{{1,2}}:\s?\d{{2}}{_AMPM}?)\s*(?:[,|-]\s*)?)?"
    rf"(?P<wd>(?:{_WEEKDAY_ALT}),?\s+)?"
    rf"(?P<mon>{_MONTH_ALT})(?P<dot>\.?)\s+(?P<day>\d{{1,2}}),?\s+(?P<yr>\d{{4}})"
    rf"(?:\s*(?:[,|-]\s*)?(?P<t2>\d{{1,2}}:\s?\d{{2}}{_AMPM}?))?\s*$")
_DATELINE_DMY_RE = re.compile(
    rf"^\s*(?P<wd>(?:{_WEEKDAY_ALT}),?\s+)?(?P<day>\d{{1,2}})\s+"
    rf"(?P<mon>{_MONTH_ALT})(?P<dot>\.?),?\s+(?P<yr>\d{{4}})"
    rf"(?:\s*(?:[,|-]\s*)?(?P<t2>\d{{1,2}}:\s?\d{{2}}{_AMPM}?))?\s*$")
_ISO_LINE_RE = re.compile(r"^\s*date (\d{4})-(\d{2})-(\d{2})\b")

_SLOT_PATTERNS = [
    ("date", rf"\b(?:{_MONTH_ALT})\.?\s\d{{1,2}}(?:,?\s\d{{4}})?(?![\d:])"),
    ("time", rf"\b\d{{1,2}}:\s?\d{{2}}{_AMPM}?|\b\d{{1,2}}\s?(?:[ap]m|[ap]\.\s?m\.)(?!\w)"),
    ("ord", r"\b\d{1,3}(?:st|nd|rd|th)\b"),
    ("hedge", rf"\b(?:[Aa]t least|[Mm]ore than|[Nn]early|[Aa]lmost|[Aa]bout|"
              rf"[Ss]ome|[Aa]round|[Uu]p to|[Oo]ver)(?= (?:\$?\d|(?:{_NUMWORD_ALT})\b))"),
    ("num", r"(?<![\w/:.,])\d{1,3}(?:,\d{3})+(?:\.\d+)?(?![\w/]|[.,:]\d)"
            r"|(?<![\w/:.,])\d+(?:\.\d+)?(?![\w/]|[.,:]\d)"),
    ("nwc", rf"\b(?:{_TENS_ALT})-(?:{_UNITS_ALT})\b"),
    ("nw", rf"\b(?:{_NUMWORD_ALT})\b(?!-)"),
    ("nwc", rf"\b(?:{'|'.join(t.capitalize() for t in _TENS)})-(?:{_UNITS_ALT})\b"),
    ("nw", rf"\b(?:{'|'.join(w.capitalize() for w in _SMALL[2:] + list(_TENS))})\b(?!-)"),
    ("vague", r"\b(?:[Dd]ozens|[Ss]cores|[Hh]undreds|[Tt]housands)(?= of\b)"),
    ("wd", rf"\b(?:{_WEEKDAY_ALT})s?\b"),
    ("mon", rf"\b(?:{'|'.join(MONTHS)})\b"),
    ("said", r"\bsaid\b(?! to\b| that it was\b)"),
    ("lex", r"\b(?:%s)(?!n['’]t|-)(?<! )\b|(?<![\w“\"])(?:%s)" % (
        "|".join(re.escape(k) for k in sorted(LEX, key=len, reverse=True)
                 if not k.endswith(" ")),
        "|".join(re.escape(k) for k in LEX if k.endswith(" ")))),
]

_ABBREV = set("""U.S. U.K. U.N. Mr. Mrs. Ms. Dr. St. Gen. Sen. Rep. Gov. Lt. Col.
Sgt. Capt. Jr. Sr. Inc. Co. Corp. No. Jan. Feb. Aug. Sept. Sep. Oct. Nov. Dec.
D.C. vs. Ft. Mt. Prof. Rev. Ave. Blvd. Adm. Maj. Cpl. Pvt. Det. Supt. Insp.
a.m. p.m. a. p. m. U. S. L.A. N.Y. Calif. Fla. Tex. Ariz. Wash. Mass. Penn.""".split())
_SENT_END = re.compile(r"[.!?][”\"’')\]]*\s+(?=[“\"‘(\[]?[A-Z0-9À-Þ])")


def split_sentences(par):
    """Cheap sentence splitter (enough to splice sentences between articles)."""
    out, start = [], 0
    for m in _SENT_END.finditer(par):
        end = m.start() + 1
        head = par[start:end]
        last = head.rsplit(None, 1)[-1] if head.strip() else ""
        if last in _ABBREV or re.fullmatch(r"[A-Z]\.", last) or len(head) < 12:
            continue
        out.append(par[start:m.end()].rstrip())
        start = m.end()
    tail = par[start:].strip()
    if tail:
        out.append(tail)
    return out


# ------------------------------------------------------------------- sources
class Source:
    __slots__ = ("sid", "group", "title", "paras", "sep", "base_year",
                 "title_is_lead", "title_tpl", "para_tpls", "outlet", "text")


def _seed_title(paras):
    debris = ("Democracy Dies", "Adjust Comment Print", "Latin America")
    for p in paras[:6]:
        words = p.split()
        if (5 <= len(words) <= 25 and len(p) <= 160 and not p.endswith(".")
                and not any(d in p for d in debris)):
            return p
    first = _ISO_LINE_RE.sub("", paras[0]).strip() if paras else "News"
    return split_sentences(first)[0][:160] if first else "News"


def load_sources(seed_dir, ecb_dir):
    sources = []
    seed_outlets = {"000": "mcclatchydc.com", "001": "washingtonpost.com",
                    "002": "", "003": "washingtonpost.com",
                    "004": "aljazeera.com"}
    for path in sorted(glob.glob(os.path.join(seed_dir, "0*.txt"))):
        with open(path, encoding="utf-8") as f:
            raw = f.read()
        paras = [p.strip() for p in re.split(r"\n\s*\n", raw) if p.strip()]
        s = Source()
        s.sid = "seed" + os.path.basename(path)[:3]
        s.group = "seeds"
        s.title = _seed_title(paras)
        s.paras = paras
        s.sep = "\n\n"
        s.base_year = 2019
        s.title_is_lead = False
        s.outlet = seed_outlets.get(os.path.basename(path)[:3], "")
        s.text = raw
        sources.append(s)
    files = glob.glob(os.path.join(ecb_dir, "topic_*.jsonl"))
    files.sort(key=lambda p: int(re.sub(r"\D", "", os.path.basename(p)) or 0))
    for path in files:
        with open(path, encoding="utf-8") as f:
            for line in f:
                if not line.strip():
                    continue
                d = json.loads(line)
                paras = [p.strip() for p in d["text"].split("\n") if p.strip()]
                if not paras:
                    continue
                s = Source()
                s.sid = d["id"]
                s.group = "t%s%s" % (d.get("topic", ""),
                                     "+" if d["id"].endswith("plus") else "")
                s.title = (d.get("title") or paras[0]).strip()
                s.paras = paras
                s.sep = "\n"
                s.title_is_lead = paras[0] == s.title
                s.outlet = d.get("outlet", "")
                years = re.findall(r"(?<!\d)(?:19[89]\d|20[0-2]\d)(?!\d)",
                                   d.get("url", "") + " " + d["text"])
                if years:
                    # Most frequent year (ties: the earliest), independent of
                    # set order so that output is deterministic.
                    s.base_year = int(max(sorted(set(years)), key=years.count))
                else:
                    s.base_year = 2012 if s.group.endswith("+") else 2008
                s.text = d["text"]
                sources.append(s)
    return sources


# -------------------------------------------------------------- name pools
def _runs(text):
    """Yields (run_tokens, start, end, cue_before) for capitalized runs, with
    function words, weekdays, months and title words cut out."""
    for m in _CAP_SEQ.finditer(text):
        toks = m.group(1).split(" ")
        pos = m.start()
        cur, cur_start, cue = [], pos, False
        prev = _PREV_WORD.search(text, max(0, pos - 30), pos)
        prev_cue = bool(prev and prev.group(1).lower() in _TITLE_CUES)
        for t in toks:
            if t in _NOT_NAME or t.lower() in _TITLE_CUES:
                if cur:
                    yield cur, cur_start, pos - 1, cue
                cur = []
                prev_cue = t.lower() in _TITLE_CUES
            else:
                if not cur:
                    cur_start, cue = pos, prev_cue
                cur.append(t)
            pos += len(t) + 1
        if cur:
            yield cur, cur_start, pos - 1, cue


def _headline_case(line):
    words = [w for w in line.split() if w[:1].isalpha()]
    caps = sum(1 for w in words if w[0].isupper())
    return len(words) >= 4 and caps > 0.6 * len(words)


def _is_person_run(toks, common):
    if any(t in _ORG_MARKERS or t in _PLACE_MARKERS for t in toks):
        return False
    first, last = toks[0], toks[-1]
    return not (common(last) or common(first) or len(last) < 3
                or first.endswith("ly"))


def _is_place_run(toks, common):
    if any(t in _ORG_MARKERS for t in toks):
        return False
    if len(toks) == 2 and not any(t in _PLACE_MARKERS for t in toks):
        return False
    if any(common(t) and t not in _PLACE_MARKERS for t in toks):
        return False
    return not all(common(t) or t in _PLACE_MARKERS for t in toks)


def build_pools(sources):
    """Collects person and place names from capitalized runs of the sources
    (no external gazetteer): a person is a 2-3 token run introduced by a title
    word, reused by surname alone, or followed by "said"/", 33,"; a place is a
    run seen after "in"/"near" whose words are not ordinary lowercase words."""
    vocab = set()
    for s in sources:
        vocab.update(_LOWER_WORD.findall(_URL.sub(" ", s.text)))
        vocab.update(_LOWER_WORD.findall(s.title))

    def common(tok):
        return tok.lower() in vocab

    persons = {}       # "First Last" -> (first, last)
    place_hits = {}    # place -> count of place-like contexts
    cap_count = {}     # run string -> occurrences
    adj_count = {}     # run string -> occurrences followed by a lowercase word
    after_the = set()  # runs seen after "the" (teams, organizations)
    for s in sources:
        # Headline-case lines ("Obama Reverses Bush Policy") give junk runs.
        text = "\n".join(l for l in (s.title + "\n" + s.text).split("\n")
                         if not _headline_case(l))
        runs = list(_runs(text))
        singles = {}
        for toks, st, en, cue in runs:
            key = " ".join(toks)
            cap_count[key] = cap_count.get(key, 0) + 1
            if _ADJ_AFTER.match(text, en):
                adj_count[key] = adj_count.get(key, 0) + 1
            if _THE_BEFORE.search(text, max(0, st - 6), st):
                after_the.add(key)
            if len(toks) == 1:
                singles[toks[0]] = singles.get(toks[0], 0) + 1
        for toks, st, en, cue in runs:
            key = " ".join(toks)
            if 2 <= len(toks) <= 3 and _is_person_run(toks, common):
                if (cue or singles.get(toks[-1]) or
                        _PERSON_AFTER.match(text, en)):
                    persons[key] = (toks[0], toks[-1])
            if (len(toks) <= 2 and _is_place_run(toks, common) and
                    _PLACE_BEFORE.search(text, max(0, st - 12), st)):
                place_hits[key] = place_hits.get(key, 0) + 1
    persons = {k: v for k, v in persons.items() if k not in after_the}
    firsts = {v[0] for v in persons.values()}
    lasts = {v[1] for v in persons.values()}
    places = sorted(p for p, n in place_hits.items()
                    if cap_count.get(p, 0) >= 2
                    and not (adj_count.get(p, 0) * 2 >= cap_count[p]
                             and _DEMONYM.search(p))
                    and not any(t in firsts or t in lasts for t in p.split(" ")))
    place_tokens = {t for p in places for t in p.split(" ")}
    # Drop persons whose first name is a place or another person's surname
    # ("Atlanta Braves", "Obama Reverses"), or whose surname is a place.
    person_list = sorted((k, v) for k, v in persons.items()
                         if not any(t in place_tokens for t in k.split(" "))
                         and v[0] not in lasts)
    surnames = sorted({v[1] for _, v in person_list})
    return person_list, surnames, places


# ---------------------------------------------------------------- templates
def _compile_slot_regex(names):
    parts = []
    if names:
        alt = "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
        parts.append("(?P<name>(?<![\\w’'-])(?:%s)(?![\\w-]|['’][\\w]{2}))" % alt)
    counts = {}
    for kind, pat in _SLOT_PATTERNS:
        counts[kind] = counts.get(kind, 0) + 1
        gname = kind if counts[kind] == 1 else "%s_%d" % (kind, counts[kind])
        parts.append("(?P<%s>%s)" % (gname, pat))
    return re.compile("|".join(parts))


def _template(text, rx, name_kind):
    """Splits text into literal strings and slots (kind, payload)."""
    m = _DATELINE_RE.match(text)
    if m:
        return [("pubdate", m.groupdict())]
    m = _DATELINE_DMY_RE.match(text)
    if m:
        g = m.groupdict()
        g["dmy"] = True
        return [("pubdate", g)]
    out, pos = [], 0
    for m in rx.finditer(text):
        if m.start() > pos:
            out.append(text[pos:m.start()])
        kind = m.lastgroup.split("_")[0]
        tok = m.group()
        if kind == "name":
            out.append(name_kind[tok])
        elif kind == "num":
            out.append(_num_slot(tok, text[m.start() - 1:m.start()],
                                 text[m.end():m.end() + 12]))
        else:
            out.append((kind, tok))
        pos = m.end()
    if pos < len(text):
        out.append(text[pos:])
    # Merge adjacent literals.
    merged = []
    for p in out:
        if isinstance(p, str) and merged and isinstance(merged[-1], str):
            merged[-1] += p
        else:
            merged.append(p)
    return merged


_WORDABLE_AFTER = re.compile(
    r" (?!(?:percent|per|million|billion|trillion|mph|km|kg|lb|ft|cm|mm|am|pm|"
    r"a\.|p\.|[a-z]\b))[a-z]")


def _num_slot(tok, before="", after=""):
    """A number: (value, decimals, has_commas, zero-pad width, original,
    may-be-spelled-out)."""
    plain = tok.replace(",", "")
    if re.fullmatch(r"(?:19[0-9]\d|20[0-3]\d)", tok):
        return ("year", int(tok))
    if "." in plain:
        ip, fp = plain.split(".")
        return ("num", (float(plain), len(fp), "," in tok, 0, tok, False))
    width = len(tok) if tok.startswith("0") and len(tok) > 1 else 0
    wordable = (before not in ("$", "£", "€", "#", "-", "/") and
                bool(_WORDABLE_AFTER.match(after)))
    return ("num", (int(plain), 0, "," in tok, width, tok, wordable))


def prepare(sources, persons, surnames, places):
    full_names = [k for k, _ in persons]
    first_last = dict(persons)
    for s in sources:
        blob = s.title + "\n" + s.text
        name_kind = {}
        for n in full_names:
            if n in blob:
                name_kind[n] = ("pfull", first_last[n] + (n,))
        for n in surnames:
            if n in blob and n not in name_kind:
                name_kind[n] = ("psur", n)
        for n in places:
            if n in blob and n not in name_kind:
                name_kind[n] = ("place", n)
        rx = _compile_slot_regex(list(name_kind))
        s.title_tpl = _template(s.title, rx, name_kind)
        s.para_tpls = [[_template(sent, rx, name_kind)
                        for sent in split_sentences(p)] or [[p]]
                       for p in s.paras]
        s.text = None  # not needed any more


# ------------------------------------------------------------------ filling
def _num_words(v):
    if v < len(_SMALL):
        return _SMALL[v]
    t, u = divmod(v, 10)
    return _TENS_BY_VAL[t * 10] + ("-" + _SMALL[u] if u else "")


def _round_sig(v, sig):
    if v <= 0:
        return v
    mag = 10 ** max(0, int(math.floor(math.log10(v))) + 1 - sig)
    return int(round(v / mag) * mag)


class Ctx:
    """Per-article variation state: all substitutions are consistent inside
    one generated article."""
    __slots__ = ("rng", "memo", "wd_shift", "mon_shift", "year_delta",
                 "pub", "persons", "places", "pmap", "plmap", "said_p",
                 "hedge_p", "keep_p", "num_style")

    def __init__(self, rng, pub, year_delta, persons, places):
        self.rng = rng
        self.memo = {}
        self.wd_shift = rng.randrange(7)
        self.mon_shift = rng.randrange(12) if rng.random() < 0.7 else 0
        self.year_delta = year_delta
        self.pub = pub
        self.persons = persons
        self.places = places
        self.pmap = {}
        self.plmap = {}
        self.said_p = rng.choice((0.0, 0.1, 0.25))
        self.hedge_p = rng.choice((0.0, 0.2, 0.4))
        self.keep_p = rng.choice((0.15, 0.3, 0.5))
        # 0: numbers as in the source, 1: spell out one to nine, 2: digits.
        self.num_style = rng.choice((0, 0, 1, 2))


def _vary_int(ctx, v):
    rng = ctx.rng
    if rng.random() < ctx.keep_p or v == 0:
        return v
    if v <= 3:
        return rng.randint(1, 6)
    if v <= 20:
        d = max(2, v // 2)
        return max(1, v + rng.randint(-d, d))
    digits = len(str(v))
    sig = max(1, digits - (len(str(v)) - len(str(v).rstrip("0"))))
    nv = int(round(v * math.exp(rng.gauss(0.0, 0.35))))
    return max(1, _round_sig(nv, min(sig, digits)))


def f_num(ctx, payload):
    v, decimals, commas, width, tok, wordable = payload
    key = ("n", tok)
    r = ctx.memo.get(key)
    if r is not None:
        if wordable and ctx.num_style == 1 and r.isdigit() and 0 < int(r) < 10:
            return _SMALL[int(r)]
        return r
    if decimals:
        if ctx.rng.random() < ctx.keep_p:
            r = tok
        else:
            nv = abs(v * math.exp(ctx.rng.gauss(0.0, 0.25)))
            r = ("{:,.%df}" if commas else "{:.%df}") % decimals
            r = r.format(nv)
    else:
        nv = _vary_int(ctx, v)
        r = "{:,}".format(nv) if commas else str(nv).zfill(width)
    ctx.memo[key] = r
    # AP style (this outlet spells out one to nine).
    if wordable and ctx.num_style == 1 and r.isdigit() and 0 < int(r) < 10:
        return _SMALL[int(r)]
    return r


def f_year(ctx, y):
    return str(y + ctx.year_delta)


def f_ord(ctx, tok):
    r = ctx.memo.get(("o", tok))
    if r is None:
        v = int(re.match(r"\d+", tok).group())
        nv = ctx.rng.randint(1, 28) if v <= 31 else _vary_int(ctx, v)
        suf = "th" if 10 <= nv % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(nv % 10, "th")
        r = "%d%s" % (nv, suf)
        ctx.memo[("o", tok)] = r
    return r


def f_time(ctx, tok):
    rng = ctx.rng
    m = re.match(r"(\d{1,2})(:\s?)(\d{2})(.*)$", tok)
    if m is None:  # "6am", "9 p.m."
        m = re.match(r"(\d{1,2})(.*)$", tok)
        return "%d%s" % (rng.randint(1, 12), m.group(2))
    h = int(m.group(1))
    nh = rng.randint(0, 23) if (h > 12 or h == 0) and not m.group(4) else rng.randint(1, 12)
    minute = rng.choice((0, 0, 15, 30, 45, rng.randrange(60)))
    return "%d%s%02d%s" % (nh, m.group(2), minute, m.group(4))


def _shift_month(ctx, name):
    idx = _MONTH_INDEX[name.rstrip(".")]
    j = (idx + ctx.mon_shift) % 12
    return MONTH_ABBR[j] if name.endswith(".") or name in ("Sep", "Sept") else MONTHS[j]


def f_date(ctx, tok):
    m = re.match(r"([A-Za-z]+\.?)(\s)(\d{1,2})(?:(,?\s)(\d{4}))?$", tok)
    mon = _shift_month(ctx, m.group(1))
    day = ctx.rng.randint(1, 28)
    day_s = ("%02d" % day) if m.group(3).startswith("0") else str(day)
    out = mon + m.group(2) + day_s
    if m.group(5):
        out += m.group(4) + str(int(m.group(5)) + ctx.year_delta)
    return out


def f_mon(ctx, tok):
    return _shift_month(ctx, tok)


def f_wd(ctx, tok):
    plural = tok.endswith("s")
    base = tok[:-1] if plural else tok
    out = WEEKDAYS[(WEEKDAYS.index(base) + ctx.wd_shift) % 7]
    return out + "s" if plural else out


def _case_like(src, word):
    return word[0].upper() + word[1:] if src[0].isupper() else word


def f_nw(ctx, tok):
    key = ("w", tok)
    r = ctx.memo.get(key)
    if r is None:
        rng = ctx.rng
        v = _WORD_VAL[tok.lower()]
        if rng.random() < ctx.keep_p:
            r = tok
        else:
            lo, hi = max(2, v // 2), min(99, max(4, v * 2))
            nv = rng.randint(lo, hi)
            if nv > 20 and rng.random() < 0.6:
                nv = nv // 10 * 10
            r = _case_like(tok, _num_words(nv))
        ctx.memo[key] = r
    if ctx.num_style == 2 and r[0].islower():  # digits style: "3 people"
        return str(_words_value(r))
    return r


def f_nwc(ctx, tok):
    r = ctx.memo.get(("c", tok))
    if r is None:
        r = _case_like(tok, _num_words(ctx.rng.randint(21, 99))) \
            if ctx.rng.random() >= ctx.keep_p else tok
        ctx.memo[("c", tok)] = r
    if ctx.num_style == 2 and r[0].islower():
        return str(_words_value(r))
    return r


def _words_value(w):
    if "-" in w:
        t, u = w.split("-")
        return _TENS[t] + _WORD_VAL[u]
    return _WORD_VAL[w]


def f_vague(ctx, tok):
    if ctx.rng.random() < 0.5:
        return tok
    return _case_like(tok, ctx.rng.choice(_VAGUE))


def f_hedge(ctx, tok):
    if ctx.rng.random() >= ctx.hedge_p:
        return tok
    return _case_like(tok, ctx.rng.choice(HEDGES))


def f_lex(ctx, tok):
    r = ctx.memo.get(("l", tok))
    if r is None:
        r = tok if ctx.rng.random() < 0.5 else ctx.rng.choice(LEX[tok])
        ctx.memo[("l", tok)] = r
    return r


def f_said(ctx, tok):
    if ctx.rng.random() >= ctx.said_p:
        return tok
    return ctx.rng.choice(SAID_ALTS)


def _person_for(ctx, surname):
    p = ctx.pmap.get(surname)
    if p is None:
        if ctx.rng.random() < 0.25:
            p = (None, surname)
        else:
            p = ctx.rng.choice(ctx.persons)
        ctx.pmap[surname] = p
    return p


def f_pfull(ctx, payload):
    first, last, orig = payload
    p = _person_for(ctx, last)
    if p[0] is None:
        return orig
    return p[0] + " " + p[1]


def f_psur(ctx, surname):
    return _person_for(ctx, surname)[1]


def f_place(ctx, place):
    r = ctx.plmap.get(place)
    if r is None:
        r = place if ctx.rng.random() < 0.25 else ctx.rng.choice(ctx.places)
        ctx.plmap[place] = r
    return r


def f_pubdate(ctx, g):
    pub = ctx.pub
    rng = ctx.rng
    abbr = bool(g.get("dot")) or (g["mon"] in ("Sept", "Sep") or len(g["mon"]) == 3
                                  and g["mon"] != "May")
    mon = MONTH_ABBR[pub.month - 1] if abbr else MONTHS[pub.month - 1]
    day = ("%02d" % pub.day) if g["day"].startswith("0") else str(pub.day)
    if g.get("dmy"):
        s = "%s %s %d" % (day, mon, pub.year)
    else:
        s = "%s %s, %d" % (mon, day, pub.year)
    if g.get("wd"):
        s = WEEKDAYS[pub.weekday()] + ", " + s
    t = g.get("t") or g.get("t2")
    if t:
        tt = f_time(ctx, t)
        s = (tt + " " + s) if g.get("t") else (s + " " + tt)
    return s


FILL = {"num": f_num, "year": f_year, "ord": f_ord, "time": f_time,
        "date": f_date, "mon": f_mon, "wd": f_wd, "nw": f_nw, "nwc": f_nwc,
        "vague": f_vague, "hedge": f_hedge, "said": f_said, "lex": f_lex,
        "pfull": f_pfull,
        "psur": f_psur, "place": f_place, "pubdate": f_pubdate}


def render(ctx, tpl):
    out = []
    for p in tpl:
        if p.__class__ is str:
            out.append(p)
        else:
            out.append(FILL[p[0]](ctx, p[1]))
    return "".join(out)


# ------------------------------------------------------------- generation
_OUTLET_SUFFIXES = ["times", "herald", "post", "tribune", "news", "daily",
                    "gazette", "observer", "chronicle", "journal", "record",
                    "star", "sun", "express", "courier", "dispatch"]
_TLDS = [".com"] * 6 + [".net", ".org", ".co.uk", ".com.au", ".ca", ".ie"]


def _ascii_slug(s):
    s = unicodedata.normalize("NFKD", s).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", s.lower()).strip("-")


_STRAIGHT = str.maketrans({"“": '"', "”": '"', "„": '"', "‘": "'", "’": "'"})
_DASHES = (" — ", " - ", " -- ", " – ")
_US_RE = re.compile(r"\bU\. ?S\.(?= (?:[a-z]|(?!(?:He|She|It|They|The|In|But|A|We|I|"
                    r"This|That|There)\b)[A-Z]))")
_PERCENT_RE = re.compile(r"(\d) ?(?:percent|per cent)\b")


_OPEN_DQ = re.compile(r'(^|[\s(\[—-])"')
_APOS = re.compile(r"(?<=[A-Za-z])'(?=[A-Za-z])")
_CONTRACTION = re.compile(r"\b(did|was|were|is|are|has|have|had|does|do|could|"
                          r"would|should)n['’]t\b|\b(ca|wo)n['’]t\b", re.I)
_UNCONTRACT = {"ca": "cannot", "wo": "will not"}


def _uncontract(m):
    if m.group(1):
        return m.group(1) + " not"
    w = _UNCONTRACT[m.group(2).lower()]
    return w if m.group(2)[0].islower() else w.capitalize()


def _restyle(text, style):
    """House style of an outlet: quotes, contractions, dashes, "U.S."/"US",
    percent."""
    quotes, dash, us, pct = style
    if quotes == 1:
        text = text.translate(_STRAIGHT)
    elif quotes == 2 and ('"' in text or "'" in text):
        text = _OPEN_DQ.sub("\\1“", text).replace('"', "”")
        text = _APOS.sub("’", text)
    elif quotes == 3:
        text = _CONTRACTION.sub(_uncontract, text)
    if dash and " — " in text:
        text = text.replace(" — ", _DASHES[dash])
    if us and "U" in text:
        text = _US_RE.sub("US" if us == 1 else "United States", text)
    if pct and "per" in text:
        text = _PERCENT_RE.sub(r"\1%" if pct == 1 else r"\1 per cent", text)
    return text


def _outlet_name(outlet):
    host = re.sub(r"^(?:www|news|edition|articles|m)\.", "", outlet)
    base = host.split(".")[0]
    return base.capitalize() if len(base) > 4 else base.upper()


def _is_date_para(par):
    first = par[0] if par else None
    return bool(first) and isinstance(first[0], tuple) and first[0][0] == "pubdate"


class Generator:
    def __init__(self, sources, persons, surnames, places, seed):
        self.rng = random.Random(seed)
        self.sources = sources
        self.persons = [v for _, v in persons] or [("John", "Smith")]
        self.places = places or ["Springfield"]
        self.by_group = {}
        for s in sources:
            self.by_group.setdefault(s.group, []).append(s)
        real = sorted({s.outlet for s in sources if s.outlet})
        synth = set()
        rng = random.Random(seed * 7919 + 1)
        while len(synth) < 300 and self.places:
            base = _ascii_slug(rng.choice(self.places)).replace("-", "")
            if not base:
                continue
            name = rng.choice(("", "the")) + base + rng.choice(_OUTLET_SUFFIXES)
            synth.add(name + rng.choice(_TLDS))
        self.outlets = real + sorted(synth)
        self.n_real_outlets = len(real)
        self.day0 = datetime.date(2008, 1, 1).toordinal()
        self.ndays = datetime.date(2020, 12, 31).toordinal() - self.day0 + 1

    def _outlet(self):
        rng = self.rng
        if rng.random() < 0.5 and self.n_real_outlets:
            o = self.outlets[rng.randrange(self.n_real_outlets)]
        else:
            o = rng.choice(self.outlets)
        return o

    def _dateline(self, pub):
        """"CARACAS — ", "Houston, Texas (Reuters) - ", "BERLIN, March 4 (AFP) -"."""
        rng = self.rng
        place = rng.choice(self.places)
        if rng.random() < 0.6:
            place = place.upper()
        if rng.random() < 0.3:
            place += ", %s %d" % (MONTH_ABBR[pub.month - 1], pub.day)
        if rng.random() < 0.4:
            place += " (%s)" % rng.choice(("AP", "Reuters", "AFP", "CNN", "UPI",
                                           "dpa", "Xinhua"))
        return place + rng.choice((" — ", " - ", " -- ", ": "))

    def _url(self, outlet, pub, title, n):
        rng = self.rng
        slug = "-".join(_ascii_slug(title).split("-")[:10]) or "story"
        host = outlet if outlet.count(".") >= 2 or rng.random() < 0.5 else "www." + outlet
        style = rng.randrange(5)
        if style == 0:
            path = "/%d/%02d/%02d/%s/" % (pub.year, pub.month, pub.day, slug)
        elif style == 1:
            path = "/news/%s-%d" % (slug, 1000000 + n)
        elif style == 2:
            path = "/%s/%d/%s/%s.html" % (rng.choice(("world", "us", "local",
                                                       "news", "politics", "sport",
                                                       "entertainment")),
                                          pub.year, MONTHS[pub.month - 1][:3].lower(), slug)
        elif style == 3:
            path = "/article/%s?id=%d" % (slug, rng.randrange(10 ** 7, 10 ** 8))
        else:
            path = "/%d/%02d/%s-%d%02d%02d%06d.html" % (
                pub.year, pub.month, slug, pub.year % 100, pub.month, pub.day,
                rng.randrange(10 ** 6))
        return "https://" + host + path

    def article(self, n):
        rng = self.rng
        src = rng.choice(self.sources)
        pub = datetime.date.fromordinal(self.day0 + rng.randrange(self.ndays))
        ctx = Ctx(rng, pub, pub.year - src.base_year, self.persons, self.places)

        paras = [list(p) for p in src.para_tpls]
        title_line = False
        if src.title_is_lead and paras:
            paras.pop(0)
            title_line = rng.random() < 0.8
        # Keep the first body paragraph in place most of the time; drop and
        # swap the others.
        body = paras
        if len(body) > 2:
            # The head: date lines and the lead paragraph.
            h = 0
            while h < len(body) - 1 and _is_date_para(body[h]):
                h += 1
            h = h + 1 if rng.random() < 0.75 else h
            head, rest = body[:h], body[h:]
            drop_p = rng.choice((0.0, 0.1, 0.2, 0.3))
            rest = [p for p in rest if rng.random() >= drop_p] or rest[:1]
            for i in range(len(rest) - 1):
                if rng.random() < 0.15:
                    rest[i], rest[i + 1] = rest[i + 1], rest[i]
            body = head + rest
        # Splice sentences from other articles about the same event.
        group = self.by_group[src.group]
        if len(group) > 1:
            n_splice = rng.choice((0, 1, 1, 2, 2, 3, 4))
            if len(body) < 4:
                n_splice = max(n_splice, 2)
            for _ in range(n_splice):
                other = rng.choice(group)
                if other is src or not other.para_tpls:
                    continue
                op = rng.choice(other.para_tpls)
                k = rng.randrange(len(op))
                sents = op[k:k + rng.choice((1, 1, 2))]
                pos = rng.randint(1, len(body)) if body else 0
                if src.sep == "\n\n" and body and rng.random() < 0.5:
                    tgt = min(pos, len(body) - 1)
                    body[tgt] = body[tgt] + sents
                else:
                    body.insert(pos, list(sents))
        title = render(ctx, src.title_tpl)
        out_paras = [title] if title_line else []
        for p in body:
            out_paras.append(" ".join(render(ctx, s) for s in p))
        # Dateline on the first substantial paragraph.
        if rng.random() < 0.4:
            for i in range(len(out_paras) - len(body), len(out_paras)):
                par = out_paras[i]
                if (len(par) > 80 and par[0].isalpha() and par[0].isupper()
                        and " — " not in par[:40]):
                    out_paras[i] = self._dateline(pub) + par
                    break
        if not out_paras or all(len(p) < 40 for p in out_paras):
            out_paras.insert(0, title)
        text = src.sep.join(out_paras)
        outlet = self._outlet()
        if rng.random() < 0.5:
            style = (rng.randrange(4), rng.randrange(4), rng.randrange(3),
                     rng.randrange(3))
            text = _restyle(text, style)
            title = _restyle(title, style)
        if rng.random() < 0.2:
            title = title + rng.choice((" - ", " | ", " — ")) + _outlet_name(outlet)
        return {
            "id": "gen%07d-%s" % (n, src.sid),
            "url": self._url(outlet, pub, title, n),
            "outlet": outlet,
            "published": pub.isoformat(),
            "title": title,
            "text": text,
        }


def _first_dir(cands, pattern):
    for d in cands:
        if glob.glob(os.path.join(d, pattern)):
            return d
    return cands[-1]


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--size-mb", type=float, default=50.0,
                    help="target size in MB (10^6 bytes); default 50")
    ap.add_argument("--out", required=True, help="output .jsonl path, or - for stdout")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--seeds-dir", default=None,
                    help="directory with the seed articles 0*.txt")
    ap.add_argument("--ecbplus-dir", default=None,
                    help="directory with ECB+ topic_*.jsonl")
    ap.add_argument("-v", "--verbose", action="store_true",
                    help="print pool sizes")
    args = ap.parse_args(argv)

    seed_dir = args.seeds_dir or _first_dir(_SEED_DIRS, "0*.txt")
    ecb_dir = args.ecbplus_dir or _first_dir(_ECB_DIRS, "topic_*.jsonl")
    t0 = time.time()
    sources = load_sources(seed_dir, ecb_dir)
    if not sources:
        sys.exit("gen_corpus: no source articles in %s or %s" % (seed_dir, ecb_dir))
    persons, surnames, places = build_pools(sources)
    prepare(sources, persons, surnames, places)
    if args.verbose:
        print("gen_corpus: %d sources, %d persons, %d places (%.2fs)"
              % (len(sources), len(persons), len(places), time.time() - t0),
              file=sys.stderr)
    gen = Generator(sources, persons, surnames, places, args.seed)

    target = int(args.size_mb * 1_000_000)
    if args.out == "-":
        out = sys.stdout.buffer
        tmp = None
    else:
        d = os.path.dirname(os.path.abspath(args.out))
        os.makedirs(d, exist_ok=True)
        tmp = args.out + ".tmp%d" % os.getpid()
        out = open(tmp, "wb", buffering=1 << 20)
    written = n = 0
    dumps = json.dumps
    try:
        while written < target:
            line = (dumps(gen.article(n), ensure_ascii=False) + "\n").encode("utf-8")
            out.write(line)
            written += len(line)
            n += 1
        out.flush()
        if tmp:
            out.close()
            os.replace(tmp, args.out)  # never leave a half-written corpus behind
    except BaseException:
        if tmp:
            out.close()
            try:
                os.unlink(tmp)
            except OSError:
                pass
        raise
    dt = time.time() - t0
    print("gen_corpus: wrote %d articles, %d bytes (%.1f MB) to %s in %.1fs (seed %d)"
          % (n, written, written / 1e6, args.out, dt, args.seed), file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
