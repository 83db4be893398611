#include "checker/events/places.h"

#include <algorithm>
#include <deque>
#include <string>
#include <utility>
#include <vector>

#include "absl/hash/hash.h"
#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"
#include "checker/base/re2_util.h"
#include "checker/base/text_fold.h"

namespace crosscheck {
namespace {

// A capitalized name at the start of the text: capitalized words, with the
// small words of names between them ("Dar es Salaam", "Rio de Janeiro").
// Up to three capitalized words in a row.
const LazyRE2 kCapitalizedRun = {R"(\b(\p{Lu}[\p{L}'.-]*(?:\s\p{Lu}[\p{L}'.-]*){0,2}))"};

const LazyRE2 kName = {
    R"(^(\p{Lu}[\p{L}\p{M}.\-]*(?:[ \t]+(?:(?:es|de|del|da|di|do|dos|du|el|al|la|le|van|von|bin)[ \t]+)?\p{Lu}[\p{L}\p{M}.\-]*)*))"};
// What may sit between a possessive and the place it owns ("Iran's
// southern Qeshm island").
const LazyRE2 kPossessive = {R"(^(?:'s|’s)\s+(?:[a-z\-]+\s+){0,3})"};
const LazyRE2 kComma = {R"(^,\s*)"};
const LazyRE2 kInside = {R"(^\s+(?:on|in)\s+(?:the\s+)?)"};
const LazyRE2 kOf = {R"(^\s+of\s+)"};
const LazyRE2 kLowerWord = {R"(^\s+([a-z]+))"};
// A dateline opens the text: "NAIROBI, Kenya (AP) — ", "TROY, Mich. -- ".
const LazyRE2 kDateline = {
    R"(^\s*(\p{Lu}[\p{Lu} .'\-]*\p{Lu})(?:,\s*(\p{Lu}[\p{L} .]*?))?\s*(?:\([^)]{1,40}\)\s*)?(?:--|[\-–—])\s)"};

RE2::Options CaseSensitive() {
  RE2::Options o;
  o.set_log_errors(false);
  o.set_max_mem(8 << 20);
  return o;
}

// "NAIROBI" -> "Nairobi"; names with lower-case letters are kept.
std::string Display(absl::string_view name) {
  std::string s(name);
  bool has_lower = false;
  for (char c : s) has_lower |= absl::ascii_islower(c);
  if (has_lower) return s;
  bool start = true;
  for (char& c : s) {
    if (absl::ascii_isalpha(c)) {
      c = start ? c : absl::ascii_tolower(c);
      start = false;
    } else {
      start = true;
    }
  }
  return s;
}

// True when most words of `text` are capitalized: a headline in title case,
// where capitals do not mark names.
bool TitleCase(absl::string_view text) {
  int words = 0, capitalized = 0;
  for (absl::string_view w : absl::StrSplit(text, ' ', absl::SkipEmpty())) {
    if (!absl::ascii_isalpha(w[0])) continue;
    ++words;
    capitalized += absl::ascii_isupper(w[0]) ? 1 : 0;
  }
  return words >= 4 && capitalized * 10 >= words * 7;
}

void AppendUnique(const std::string& key, std::vector<std::string>* chain) {
  if (!key.empty() && std::find(chain->begin(), chain->end(), key) == chain->end()) {
    chain->push_back(key);
  }
}

}  // namespace

PlaceFinder::PlaceFinder(const Rules& rules) {
  const PlaceRules& p = rules.proto().places();
  for (const PlaceEntry& e : p.places()) {
    vocabulary_.emplace(FoldForMatching(e.name()), &e);
    for (const std::string& a : e.aliases()) vocabulary_.emplace(FoldForMatching(a), &e);
  }
  for (const std::string& w : p.not_places()) not_places_.insert(FoldForMatching(w));
  for (const std::string& t : p.types()) types_.insert(FoldForMatching(t));
  if (!p.locative().empty()) {
    auto re = std::make_unique<RE2>(CompactLetters(absl::StrCat("(?:", p.locative(), ")$")),
                                    CaseSensitive());
    if (re->ok()) locative_ = std::move(re);
  }
  if (!p.speech().empty()) {
    auto re = std::make_unique<RE2>(CompactLetters(absl::StrCat("(?:", p.speech(), ")$")),
                                    CaseSensitive());
    if (re->ok()) speech_ = std::move(re);
  }
}

const PlaceEntry* PlaceFinder::Lookup(absl::string_view name) const {
  auto it = vocabulary_.find(FoldForMatching(name));
  return it == vocabulary_.end() ? nullptr : it->second;
}

std::string PlaceFinder::TimeZoneOf(absl::string_view name) const {
  const PlaceEntry* e = Lookup(name);
  for (int depth = 0; e != nullptr && depth < 8; ++depth) {
    if (!e->time_zone().empty()) return e->time_zone();
    if (e->parent().empty()) break;
    e = Lookup(e->parent());
  }
  return "";
}

std::string PlaceFinder::TimeZoneOf(const Place& place) const {
  if (place.key().empty()) return "";
  std::string zone = TimeZoneOf(place.key());
  for (int i = 0; zone.empty() && i < place.within_size(); ++i) zone = TimeZoneOf(place.within(i));
  return zone;
}

std::string PlaceFinder::KeyOf(absl::string_view name) const {
  if (const PlaceEntry* e = Lookup(name)) return FoldForMatching(e->name());
  return FoldForMatching(name);
}

void PlaceFinder::AddAncestors(const std::string& key, std::vector<std::string>* chain) const {
  const PlaceEntry* e = Lookup(key);
  for (int depth = 0; e != nullptr && !e->parent().empty() && depth < 8; ++depth) {
    AppendUnique(FoldForMatching(e->parent()), chain);
    e = Lookup(e->parent());
  }
}

// A name read at a position of a text.
struct PlaceFinder::NameAt {
  std::string name;    // the name proper: "Qeshm" of "Qeshm Island"
  size_t end = 0;      // where it ends in the text, place types included
  bool typed = false;  // a place type followed it ("island")
};

bool PlaceFinder::ReadName(absl::string_view text, size_t pos, NameAt* out) const {
  re2::StringPiece rest = Piece(text.substr(pos));
  re2::StringPiece raw;
  if (!RE2::Consume(&rest, *kName, &raw)) return false;
  std::vector<std::string> words = absl::StrSplit(View(raw), ' ', absl::SkipEmpty());
  // The name proper: without trailing sentence periods and place types
  // ("Qeshm Island"); a word that is not a place ("in February", "in the
  // Washington Post") makes it no place at all.
  bool typed = false;
  for (std::string& w : words) {
    std::string bare = FoldForMatching(absl::StripSuffix(w, "."));
    if (not_places_.contains(bare)) return false;
  }
  while (!words.empty()) {
    std::string& w = words.back();
    while (absl::EndsWith(w, ".") && !Lookup(w)) w.pop_back();
    if (w.empty()) {
      words.pop_back();
    } else if (types_.contains(FoldForMatching(w)) && words.size() > 1) {
      words.pop_back();
      typed = true;
    } else {
      break;
    }
  }
  if (words.empty()) return false;
  // A title-case headline capitalizes every word: only the vocabulary's
  // names are names there.
  if (TitleCase(text)) {
    size_t known = 0;
    for (size_t n = words.size(); n > 0 && known == 0; --n) {
      if (Lookup(absl::StrJoin(words.begin(), words.begin() + n, " "))) known = n;
    }
    if (known == 0) return false;
    words.resize(known);
  }
  // Where the name ends in the text (type words and trailers included).
  size_t end = static_cast<size_t>(rest.data() - text.data());
  {
    const char* name_end = View(raw).data();
    absl::string_view all = View(raw);
    size_t found = all.find(words.back());
    name_end += found == absl::string_view::npos ? all.size() : found + words.back().size();
    if (!typed) end = static_cast<size_t>(name_end - text.data());
  }
  // Lower-case place types after it: "Qeshm island".
  re2::StringPiece after = Piece(text.substr(end));
  re2::StringPiece lower;
  if (RE2::PartialMatch(after, *kLowerWord, &lower) && types_.contains(std::string(View(lower)))) {
    end = static_cast<size_t>(View(lower).data() + lower.size() - text.data());
    typed = true;
  }
  out->name = absl::StrJoin(words, " ");
  out->end = end;
  out->typed = typed;
  return true;
}

absl::optional<PlaceMention> PlaceFinder::ParseOwned(absl::string_view text, size_t pos,
                                                     const NameAt& owner_name,
                                                     const std::string& key) const {
  auto owned_after = [&](const LazyRE2& link) -> absl::optional<PlaceMention> {
    re2::StringPiece after = Piece(text.substr(owner_name.end));
    if (!RE2::Consume(&after, *link)) return absl::nullopt;
    std::vector<std::string> owner = {key};
    AddAncestors(key, &owner);
    absl::optional<PlaceMention> inner =
        ParseAt(text, static_cast<size_t>(after.data() - text.data()), owner);
    if (inner) inner->begin = pos;
    return inner;
  };
  // "Iran's Qeshm island": the possessive owns the next name.
  if (absl::optional<PlaceMention> owned = owned_after(kPossessive)) return owned;
  // "the Persian Gulf Island of Qeshm".
  if (owner_name.typed) return owned_after(kOf);
  return absl::nullopt;
}

void PlaceFinder::AddContainersAfter(absl::string_view text, const std::string& key, size_t* end,
                                     std::vector<std::string>* chain) const {
  // "Troy, Michigan", "Brooklyn, New York": a known place after a comma.
  for (int hops = 0; hops < 3; ++hops) {
    re2::StringPiece after = Piece(text.substr(*end));
    if (!RE2::Consume(&after, *kComma)) break;
    re2::StringPiece next;
    re2::StringPiece probe = after;
    if (!RE2::Consume(&probe, *kName, &next)) break;
    std::vector<std::string> w = absl::StrSplit(View(next), ' ', absl::SkipEmpty());
    const PlaceEntry* known = nullptr;
    size_t used = 0;
    for (size_t n = w.size(); n > 0 && known == nullptr; --n) {
      known = Lookup(absl::StrJoin(w.begin(), w.begin() + n, " "));
      used = n;
    }
    if (known == nullptr) break;
    std::string container = FoldForMatching(known->name());
    if (container == key) break;
    AppendUnique(container, chain);
    AddAncestors(container, chain);
    absl::string_view taken = View(next);
    size_t last = taken.find(w[used - 1]);
    *end = static_cast<size_t>(taken.data() + last + w[used - 1].size() - text.data());
  }
  // "Dargahan on Qeshm island", "East Flatbush in Brooklyn".
  re2::StringPiece after = Piece(text.substr(*end));
  if (RE2::Consume(&after, *kInside)) {
    if (auto outer = ParseAt(text, static_cast<size_t>(after.data() - text.data()), {})) {
      if (outer->place.key() != key) {
        AppendUnique(outer->place.key(), chain);
        for (const std::string& k : outer->place.within()) AppendUnique(k, chain);
        *end = outer->end;
      }
    }
  }
}

absl::optional<PlaceMention> PlaceFinder::ParseAt(absl::string_view text, size_t pos,
                                                  std::vector<std::string> within) const {
  NameAt name;
  if (!ReadName(text, pos, &name)) return absl::nullopt;
  const std::string key = KeyOf(name.name);
  if (absl::optional<PlaceMention> owned = ParseOwned(text, pos, name, key)) return owned;
  size_t end = name.end;
  std::vector<std::string> chain;
  AddAncestors(key, &chain);
  AddContainersAfter(text, key, &end, &chain);
  for (const std::string& k : within) {
    AppendUnique(k, &chain);
    AddAncestors(k, &chain);
  }
  chain.erase(std::remove(chain.begin(), chain.end(), key), chain.end());
  // A known place shows its own name ("Iranian", "Mich." -> Iran, Michigan).
  PlaceMention m;
  const PlaceEntry* known = Lookup(name.name);
  m.place.set_name(known != nullptr && known->name().find('(') == std::string::npos
                       ? known->name()
                       : Display(name.name));
  m.place.set_key(key);
  for (const std::string& k : chain) m.place.add_within(k);
  m.begin = pos;
  m.end = end;
  return m;
}

std::vector<PlaceMention> PlaceFinder::Find(absl::string_view text) const {
  std::vector<PlaceMention> found;
  if (locative_ == nullptr) return found;
  size_t pos = 0;
  while (pos < text.size()) {
    // The next capitalized word that starts a word.
    size_t p = pos;
    for (; p < text.size(); ++p) {
      unsigned char c = static_cast<unsigned char>(text[p]);
      bool upper = absl::ascii_isupper(c) || c >= 0xC3;  // Latin capitals in UTF-8 too
      bool starts = p == 0 || !absl::ascii_isalnum(text[p - 1]);
      if (upper && starts) break;
    }
    if (p >= text.size()) break;
    size_t window = p > 120 ? p - 120 : 0;
    absl::string_view before = text.substr(window, p - window);
    re2::StringPiece adjective;
    absl::optional<PlaceMention> m;
    const bool cue = locative_->NumberOfCapturingGroups() > 0
                         ? RE2::PartialMatch(Piece(before), *locative_, &adjective)
                         : RE2::PartialMatch(Piece(before), *locative_);
    if (cue && !(speech_ != nullptr && RE2::PartialMatch(Piece(before), *speech_))) {
      // "the southern Iranian island of Qeshm": the adjective's country.
      std::vector<std::string> within;
      if (!adjective.empty()) {
        if (const PlaceEntry* e = Lookup(absl::StripAsciiWhitespace(View(adjective)))) {
          within.push_back(FoldForMatching(e->name()));
        }
      }
      m = ParseAt(text, p, within);
    }
    if (m) {
      pos = std::max(m->end, p + 1);
      found.push_back(std::move(*m));
    } else {
      // Skip the rest of this word.
      for (pos = p + 1; pos < text.size() && !absl::ascii_isspace(text[pos]); ++pos) {
      }
    }
  }
  return found;
}

ArticlePlaces PlaceFinder::ForArticle(const Document& doc) const {
  ArticlePlaces result;
  const std::string& text = doc.article().text();
  auto learn = [&](const PlaceMention& m) {
    std::vector<std::string>& chain = result.within[m.place.key()];
    for (const std::string& k : m.place.within()) AppendUnique(k, &chain);
  };
  int body = 0;
  absl::optional<Place> dateline, headline, lead, named;
  for (const Sentence& s : doc.sentences()) {
    if (s.section() == SECTION_BOILERPLATE || s.section() == SECTION_CAPTION) continue;
    absl::string_view sentence(text.data() + s.span().begin(),
                               static_cast<size_t>(s.span().end() - s.span().begin()));
    if (s.section() != SECTION_HEADLINE && body++ == 0) {
      // The dateline of the first paragraph.
      re2::StringPiece city, region;
      if (RE2::PartialMatch(Piece(sentence), *kDateline, &city, &region) &&
          !not_places_.contains(FoldForMatching(View(city)))) {
        Place own;
        own.set_name(Display(View(city)));
        own.set_key(KeyOf(View(city)));
        std::vector<std::string> chain;
        AddAncestors(own.key(), &chain);
        if (!region.empty()) {
          if (const PlaceEntry* e = Lookup(absl::StripAsciiWhitespace(View(region)))) {
            std::string container = FoldForMatching(e->name());
            AppendUnique(container, &chain);
            AddAncestors(container, &chain);
          }
        }
        chain.erase(std::remove(chain.begin(), chain.end(), own.key()), chain.end());
        for (const std::string& k : chain) own.add_within(k);
        dateline = own;
      }
    }
    for (const PlaceMention& m : Find(sentence)) {
      learn(m);
      absl::optional<Place>& first = s.section() == SECTION_HEADLINE ? headline : lead;
      if (!first) first = m.place;
    }
    // Failing those, a place of the vocabulary named anywhere in the
    // headline or lead, cue or not: "A Vancouver man", "suburban Detroit".
    if (!named) {
      re2::StringPiece rest = Piece(sentence), run;
      while (!named && RE2::FindAndConsume(&rest, *kCapitalizedRun, &run)) {
        std::vector<std::string> words = absl::StrSplit(View(run), ' ', absl::SkipEmpty());
        // Every run of words within it, longest first: "A Vancouver".
        for (size_t i = 0; i < words.size() && !named; ++i) {
          for (size_t n = words.size(); n > i && !named; --n) {
            std::string candidate = absl::StrJoin(words.begin() + i, words.begin() + n, " ");
            while (absl::EndsWith(candidate, ".") || absl::EndsWith(candidate, ",")) {
              candidate.pop_back();
            }
            if (candidate.empty() || not_places_.contains(FoldForMatching(candidate))) continue;
            if (const PlaceEntry* e = Lookup(candidate)) {
              Place p;
              p.set_name(e->name());
              p.set_key(KeyOf(e->name()));
              std::vector<std::string> chain;
              AddAncestors(p.key(), &chain);
              for (const std::string& k : chain) p.add_within(k);
              named = p;
            }
          }
        }
      }
    }
    if (body >= 3) break;  // the lead: headline and first sentences
  }
  // A dateline names the article's place; else its headline; else its lead.
  result.own = dateline ? dateline : headline ? headline : lead ? lead : named;
  if (result.own) {
    result.own->set_source(PLACE_SOURCE_ARTICLE);
    learn(PlaceMention{*result.own, 0, 0});
  }
  return result;
}

void PlaceFinder::Locate(const ArticlePlaces& article, absl::string_view sentence,
                         absl::string_view match, Claim* claim) const {
  const size_t mb = static_cast<size_t>(match.data() - sentence.data());
  const size_t me = mb + match.size();
  const PlaceMention* best = nullptr;
  size_t best_distance = 0;
  std::vector<PlaceMention> mentions = Find(sentence);
  for (const PlaceMention& m : mentions) {
    size_t gap_begin = std::min(m.end, me), gap_end = std::max(m.begin, mb);
    size_t distance = gap_end > gap_begin ? gap_end - gap_begin : 0;
    // A place in the claim's own clause beats a nearer one across a comma.
    if (gap_end > gap_begin &&
        sentence.substr(gap_begin, gap_end - gap_begin).find_first_of(",;") !=
            absl::string_view::npos) {
      distance += 1000;
    }
    if (best == nullptr || distance < best_distance) {
      best = &m;
      best_distance = distance;
    }
  }
  // What the article said a place lies in, elsewhere; and whether the place
  // is placed at all: a name neither the vocabulary nor the text puts
  // anywhere ("Stadiou Street", "Marfin Bank") may lie in any other place,
  // so it cannot tell events apart.
  auto placed = [&](Place* place) {
    auto it = article.within.find(place->key());
    if (it != article.within.end()) {
      std::vector<std::string> chain(place->within().begin(), place->within().end());
      for (const std::string& k : it->second) AppendUnique(k, &chain);
      place->clear_within();
      for (const std::string& k : chain) place->add_within(k);
    }
    return place->within_size() > 0 || Lookup(place->name()) != nullptr;
  };
  Place place;
  if (best != nullptr) {
    place = best->place;
    place.set_source(PLACE_SOURCE_SENTENCE);
  }
  if (best == nullptr || !placed(&place)) {
    if (!article.own) return;
    place = *article.own;
    if (!placed(&place)) return;
  }
  *claim->mutable_place() = std::move(place);
}

void PlaceHierarchy::Add(const Place& place) {
  if (place.key().empty()) return;
  {
    absl::MutexLock lock(&mu_);
    compatible_.clear();
  }
  auto& parents = parents_[place.key()];
  for (const std::string& k : place.within()) parents.insert(k);
}

bool PlaceHierarchy::Within(const std::string& key, const std::string& ancestor) const {
  std::deque<std::string> queue = {key};
  absl::flat_hash_set<std::string> seen = {key};
  while (!queue.empty()) {
    std::string k = std::move(queue.front());
    queue.pop_front();
    if (k == ancestor) return true;
    auto it = parents_.find(k);
    if (it == parents_.end()) continue;
    for (const std::string& p : it->second) {
      if (seen.insert(p).second) queue.push_back(p);
    }
  }
  return false;
}

bool PlaceHierarchy::Compatible(const Place& a, const Place& b) const {
  if (a.key().empty() || b.key().empty() || a.key() == b.key()) return true;
  for (const std::string& k : a.within()) {
    if (k == b.key()) return true;
  }
  for (const std::string& k : b.within()) {
    if (k == a.key()) return true;
  }
  // The learned hierarchy can be large and tangled (a corpus of many
  // stories): each pair of keys is searched once, remembered by the pair's
  // hash (a collision would need two 64-bit hashes to collide).
  const uint64_t ha = absl::Hash<absl::string_view>{}(a.key());
  const uint64_t hb = absl::Hash<absl::string_view>{}(b.key());
  const uint64_t key = ha < hb ? ha * 0x9E3779B97F4A7C15ULL + hb : hb * 0x9E3779B97F4A7C15ULL + ha;
  {
    absl::ReaderMutexLock lock(&mu_);
    auto it = compatible_.find(key);
    if (it != compatible_.end()) return it->second;
  }
  const bool compatible = Within(a.key(), b.key()) || Within(b.key(), a.key());
  absl::MutexLock lock(&mu_);
  compatible_.emplace(key, compatible);
  return compatible;
}

std::string PlaceHierarchy::Describe(const Place& place) {
  if (place.within().empty()) return place.name();
  std::string container = place.within(0);
  bool start = true;
  for (char& c : container) {
    if (start && absl::ascii_isalpha(c)) c = absl::ascii_toupper(c);
    start = c == ' ' || c == '-';
  }
  return absl::StrCat(place.name(), ", ", container);
}

}  // namespace crosscheck
