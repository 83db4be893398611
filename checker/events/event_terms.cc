#include "checker/events/event_terms.h"

#include <algorithm>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/ascii.h"
#include "absl/strings/string_view.h"
#include "checker/base/text_fold.h"

namespace crosscheck {
namespace {

constexpr uint32_t kFnvBasis = 2166136261u;

// One byte into an FNV-1a hash.
uint32_t FnvStep(uint32_t h, unsigned char c) { return (h ^ c) * 16777619u; }

bool IsAsciiLetter(char c) { return absl::ascii_isalpha(static_cast<unsigned char>(c)); }
bool IsWordByte(char c) { return IsAsciiLetter(c) || (static_cast<unsigned char>(c) & 0x80) != 0; }

// One word of a sentence as the scanner finds it.
struct Word {
  absl::string_view text;
  bool year = false;
  bool capitalized = false;
  // Whether only a single space separates it from the previous word (so
  // that two capitalized words form one name).
  bool joined = false;
};

// The words of `sentence`: runs of letters (and of UTF-8 multibyte
// characters), with inner apostrophes and hyphens, and four-digit years.
// A tokenizer, not a pattern: one pass over the bytes.
void Words(absl::string_view sentence, std::vector<Word>* out) {
  std::vector<Word>& words = *out;
  words.clear();
  size_t i = 0;
  size_t previous_end = absl::string_view::npos;
  const size_t n = sentence.size();
  while (i < n) {
    const char c = sentence[i];
    if (IsWordByte(c)) {
      size_t j = i + 1;
      while (j < n) {
        if (IsWordByte(sentence[j])) {
          ++j;
        } else if ((sentence[j] == '\'' || sentence[j] == '-') && j + 1 < n &&
                   IsWordByte(sentence[j + 1])) {
          j += 2;
        } else {
          break;
        }
      }
      Word w;
      w.text = sentence.substr(i, j - i);
      w.capitalized = absl::ascii_isupper(static_cast<unsigned char>(c));
      w.joined = previous_end != absl::string_view::npos && previous_end + 1 == i &&
                 sentence[previous_end] == ' ';
      words.push_back(w);
      previous_end = j;
      i = j;
    } else if (absl::ascii_isdigit(static_cast<unsigned char>(c))) {
      size_t j = i;
      while (j < n && absl::ascii_isdigit(static_cast<unsigned char>(sentence[j]))) ++j;
      const bool alone =
          (i == 0 || !absl::ascii_isalnum(static_cast<unsigned char>(sentence[i - 1]))) &&
          (j == n || !absl::ascii_isalnum(static_cast<unsigned char>(sentence[j])));
      if (j - i == 4 && alone) {
        const absl::string_view digits = sentence.substr(i, 4);
        if (digits >= "1900" && digits <= "2039") {
          Word w;
          w.text = digits;
          w.year = true;
          words.push_back(w);
        }
      }
      previous_end = absl::string_view::npos;
      i = j;
    } else {
      if (c != ' ') previous_end = absl::string_view::npos;
      ++i;
    }
  }
}

// The FNV-1a hash of `word` folded (lower case, without diacritics, without
// a possessive "'s"), and its folded length in bytes. ASCII words (nearly
// all) are folded byte by byte, without allocating.
std::pair<uint32_t, size_t> FoldedHash(absl::string_view word) {
  // Typographic apostrophes (U+2018, U+2019) are the only non-ASCII bytes of
  // most English words that have any ("Lanka’s"): folded here; any other
  // non-ASCII word goes through ICU.
  std::string folded_storage;
  absl::string_view folded = word;
  bool ascii = true;
  for (size_t i = 0; i < word.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(word[i]);
    if (c < 0x80) continue;
    if (c == 0xE2 && i + 2 < word.size() && static_cast<unsigned char>(word[i + 1]) == 0x80 &&
        (static_cast<unsigned char>(word[i + 2]) == 0x98 ||
         static_cast<unsigned char>(word[i + 2]) == 0x99)) {
      i += 2;
      continue;
    }
    ascii = false;
    break;
  }
  if (!ascii) {
    folded_storage = FoldForMatching(word);
    folded = folded_storage;
  } else if (folded.find('\xE2') != absl::string_view::npos) {
    folded_storage.reserve(word.size());
    for (size_t i = 0; i < word.size(); ++i) {
      if (static_cast<unsigned char>(word[i]) == 0xE2) {
        folded_storage.push_back('\'');
        i += 2;
      } else {
        folded_storage.push_back(word[i]);
      }
    }
    folded = folded_storage;
  }
  size_t n = folded.size();
  if (n > 2 && folded[n - 2] == '\'' && (folded[n - 1] == 's' || folded[n - 1] == 'S')) n -= 2;
  uint32_t h = kFnvBasis;
  for (size_t i = 0; i < n; ++i) {
    h = FnvStep(h, absl::ascii_tolower(static_cast<unsigned char>(folded[i])));
  }
  return {h, n};
}

}  // namespace

uint32_t EventTermHash(absl::string_view folded) {
  uint32_t h = kFnvBasis;  // FNV-1a
  for (char c : folded) h = FnvStep(h, static_cast<unsigned char>(c));
  return h;
}

EventTermFinder::EventTermFinder(const Rules& rules) : rules_(rules.proto().events()) {
  for (const std::string& w : rules_.stopwords()) stopwords_.insert(FoldedHash(w).first);
  for (const std::string& w : rules_.not_label_words()) {
    not_label_words_.insert(FoldedHash(w).first);
  }
}

EventTerms EventTermFinder::Find(const Document& doc) const {
  const Article& article = doc.article();
  // Scratch kept per thread: an article's maps are cleared, not reallocated.
  thread_local absl::flat_hash_map<uint32_t, uint32_t> weight;  // term -> weighted count
  weight.clear();
  struct Name {
    absl::string_view text;  // its first occurrence
    int count = 0;
    int order = 0;
  };
  thread_local absl::flat_hash_map<uint32_t, Name> names;  // hash of the name as written
  names.clear();
  thread_local std::vector<Word> words;
  auto add = [&](uint32_t term, int w) {
    if (w > 0) weight[term] += static_cast<uint32_t>(w);
  };
  auto scan = [&](absl::string_view sentence, bool headline) {
    Words(sentence, &words);
    const char* name_begin = nullptr;  // the run of capitalized words being read
    const char* name_end = nullptr;
    int name_words = 0;
    auto end_name = [&] {
      if (name_words > 0 && name_words <= 4) {
        const absl::string_view text(name_begin, static_cast<size_t>(name_end - name_begin));
        Name& n = names[EventTermHash(text)];
        if (n.count++ == 0) {
          n.text = text;
          n.order = static_cast<int>(names.size());
        }
      }
      name_words = 0;
    };
    for (size_t i = 0; i < words.size(); ++i) {
      const Word& w = words[i];
      if (w.year) {
        end_name();
        uint32_t h = EventTermHash("y");  // "y2013"
        for (char c : w.text) h = FnvStep(h, static_cast<unsigned char>(c));
        add(h, rules_.year_weight());
        continue;
      }
      const auto [term, length] = FoldedHash(w.text);
      const bool stop = length < 3 || stopwords_.contains(term);
      const bool is_name = !headline && i > 0 && w.capitalized;
      if (is_name && !(name_words == 0 && (stop || not_label_words_.contains(term)))) {
        if (name_words > 0 && !w.joined) end_name();
        if (name_words == 0) name_begin = w.text.data();
        name_end = w.text.data() + w.text.size();
        ++name_words;
      } else {
        end_name();
      }
      if (stop) continue;
      if (headline) {
        add(term, rules_.headline_weight());
      } else {
        add(term, is_name ? rules_.name_weight() : rules_.word_weight());
      }
    }
    end_name();
  };
  const absl::string_view text(article.text());
  if (!article.title().empty()) {
    scan(article.title(), /*headline=*/true);
  } else if (doc.sentences_size() > 0) {
    const Span& s = doc.sentences(0).span();
    scan(text.substr(s.begin(), s.end() - s.begin()), /*headline=*/true);
  }
  for (const Sentence& s : doc.sentences()) {
    if (s.section() == SECTION_BOILERPLATE) continue;
    scan(text.substr(s.span().begin(), s.span().end() - s.span().begin()), /*headline=*/false);
  }

  // The weightiest terms (ties by hash: the same terms whatever the order
  // of the map).
  std::vector<std::pair<uint32_t, uint32_t>> hashed(weight.begin(), weight.end());
  const size_t keep = std::min(hashed.size(), static_cast<size_t>(std::max(1, rules_.max_terms())));
  auto heavier = [](const auto& a, const auto& b) {
    return a.second != b.second ? a.second > b.second : a.first < b.first;
  };
  std::partial_sort(hashed.begin(), hashed.begin() + static_cast<std::ptrdiff_t>(keep),
                    hashed.end(), heavier);
  hashed.resize(keep);
  std::sort(hashed.begin(), hashed.end());
  EventTerms terms;
  terms.mutable_terms()->Reserve(static_cast<int>(keep));
  terms.mutable_counts()->Reserve(static_cast<int>(keep));
  for (const auto& [term, w] : hashed) {
    terms.add_terms(term);
    terms.add_counts(w);
  }
  // The most frequent names, first seen first among equals.
  std::vector<const Name*> ranked;
  ranked.reserve(names.size());
  for (const auto& [hash, n] : names) ranked.push_back(&n);
  std::sort(ranked.begin(), ranked.end(), [](const Name* a, const Name* b) {
    return a->count != b->count ? a->count > b->count : a->order < b->order;
  });
  for (size_t i = 0; i < ranked.size() && i < kMaxNames; ++i) {
    terms.add_names(std::string(ranked[i]->text));
  }
  return terms;
}

}  // namespace crosscheck
