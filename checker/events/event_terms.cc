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
std::vector<Word> Words(absl::string_view sentence) {
  std::vector<Word> words;
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
  return words;
}

// `word` folded: lower case without diacritics, without a possessive "'s".
std::string FoldWord(absl::string_view word) {
  bool ascii = true;
  for (char c : word) ascii = ascii && (static_cast<unsigned char>(c) & 0x80) == 0;
  std::string folded = ascii ? absl::AsciiStrToLower(word) : FoldForMatching(word);
  if (folded.size() > 2 && folded.compare(folded.size() - 2, 2, "'s") == 0) {
    folded.resize(folded.size() - 2);
  }
  return folded;
}

}  // namespace

uint32_t EventTermHash(absl::string_view folded) {
  uint32_t h = 2166136261u;  // FNV-1a
  for (char c : folded) {
    h ^= static_cast<unsigned char>(c);
    h *= 16777619u;
  }
  return h;
}

EventTermFinder::EventTermFinder(const Rules& rules) : rules_(rules.proto().events()) {
  for (const std::string& w : rules_.stopwords()) stopwords_.insert(FoldForMatching(w));
  for (const std::string& w : rules_.not_label_words()) not_label_words_.insert(FoldForMatching(w));
}

EventTerms EventTermFinder::Find(const Document& doc) const {
  const Article& article = doc.article();
  absl::flat_hash_map<std::string, uint32_t> weight;
  absl::flat_hash_map<std::string, int> name_count;
  std::vector<std::string> name_order;  // first occurrence
  auto add = [&](const std::string& term, int w) {
    if (w > 0) weight[term] += static_cast<uint32_t>(w);
  };
  auto scan = [&](absl::string_view sentence, bool headline) {
    const std::vector<Word> words = Words(sentence);
    std::string name;  // the run of capitalized words being read
    int name_words = 0;
    auto end_name = [&] {
      if (name_words > 0 && name_words <= 4) {
        if (name_count[name]++ == 0) name_order.push_back(name);
      }
      name.clear();
      name_words = 0;
    };
    for (size_t i = 0; i < words.size(); ++i) {
      const Word& w = words[i];
      if (w.year) {
        end_name();
        add(std::string("y") + std::string(w.text), rules_.year_weight());
        continue;
      }
      const std::string folded = FoldWord(w.text);
      const bool stop = folded.size() < 3 || stopwords_.contains(folded);
      const bool is_name = !headline && i > 0 && w.capitalized;
      if (is_name && !(name_words == 0 && (stop || not_label_words_.contains(folded)))) {
        if (name_words > 0 && !w.joined) end_name();
        if (name_words > 0) name += ' ';
        name.append(w.text.data(), w.text.size());
        ++name_words;
      } else {
        end_name();
      }
      if (stop) continue;
      if (headline) {
        add(folded, rules_.headline_weight());
      } else {
        add(folded, is_name ? rules_.name_weight() : rules_.word_weight());
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
  std::vector<std::pair<uint32_t, uint32_t>> hashed;  // (hash, weight)
  hashed.reserve(weight.size());
  for (const auto& [term, w] : weight) hashed.emplace_back(EventTermHash(term), w);
  std::sort(hashed.begin(), hashed.end(), [](const auto& a, const auto& b) {
    return a.second != b.second ? a.second > b.second : a.first < b.first;
  });
  const size_t keep = std::min(hashed.size(), static_cast<size_t>(std::max(1, rules_.max_terms())));
  hashed.resize(keep);
  std::sort(hashed.begin(), hashed.end());
  EventTerms terms;
  for (size_t i = 0; i < hashed.size(); ++i) {
    if (i > 0 && hashed[i].first == hashed[i - 1].first) {  // a hash collision: one term
      terms.set_counts(terms.counts_size() - 1,
                       terms.counts(terms.counts_size() - 1) + hashed[i].second);
      continue;
    }
    terms.add_terms(hashed[i].first);
    terms.add_counts(hashed[i].second);
  }
  std::stable_sort(
      name_order.begin(), name_order.end(),
      [&](const std::string& a, const std::string& b) { return name_count[a] > name_count[b]; });
  for (size_t i = 0; i < name_order.size() && i < kMaxNames; ++i) terms.add_names(name_order[i]);
  return terms;
}

}  // namespace crosscheck
