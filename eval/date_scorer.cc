#include "eval/date_scorer.h"

#include <algorithm>
#include <nlohmann/json.hpp>
#include <numeric>

namespace storyfuse {
namespace {

bool Digits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// "YYYY", "YYYY-MM" or "YYYY-MM-DD" exactly.
bool IsIsoDatePrefix(std::string_view v) {
  if (v.size() != 4 && v.size() != 7 && v.size() != 10) return false;
  if (!Digits(v.substr(0, 4))) return false;
  if (v.size() >= 7 && (v[4] != '-' || !Digits(v.substr(5, 2)))) return false;
  if (v.size() == 10 && (v[7] != '-' || !Digits(v.substr(8, 2)))) return false;
  return true;
}

bool Overlaps(CpSpan a, CpSpan b) { return std::max(a.begin, b.begin) < std::min(a.end, b.end); }

}  // namespace

Result<DateDocument> ParseDateDocument(std::string_view line) {
  nlohmann::json j = nlohmann::json::parse(line, nullptr, /*allow_exceptions=*/false);
  if (!j.is_object()) return Status::Corruption("not a JSON object");
  DateDocument doc;
  for (const char* key : {"id", "dct", "text"}) {
    if (!j.contains(key) || !j[key].is_string()) return Status::Corruption(std::string("no string field ") + key);
  }
  doc.id = j["id"].get<std::string>();
  doc.dct = j["dct"].get<std::string>();
  doc.text = j["text"].get<std::string>();
  if (!j.contains("timexes") || !j["timexes"].is_array()) return Status::Corruption("no timexes array");
  for (const nlohmann::json& t : j["timexes"]) {
    if (!t.is_object() || !t.contains("start") || !t.contains("end") || !t["start"].is_number_unsigned() ||
        !t["end"].is_number_unsigned() || !t.contains("type") || !t["type"].is_string() || !t.contains("value") ||
        !t["value"].is_string()) {
      return Status::Corruption("timex without start, end, type and value");
    }
    GoldTimex g;
    g.span = {t["start"].get<uint32_t>(), t["end"].get<uint32_t>()};
    g.type = t["type"].get<std::string>();
    g.value = t["value"].get<std::string>();
    doc.timexes.push_back(std::move(g));
  }
  return doc;
}

std::string CalendarValue(const GoldTimex& t) {
  if (t.type == "DATE" && IsIsoDatePrefix(t.value)) return t.value;
  if (t.type == "TIME" && t.value.size() >= 10 && IsIsoDatePrefix(std::string_view(t.value).substr(0, 10))) {
    return t.value.substr(0, 10);
  }
  return "";
}

double DateScores::Precision() const {
  size_t p = true_positives + false_positives;
  return p == 0 ? 0.0 : static_cast<double>(true_positives) / p;
}

double DateScores::Recall() const { return gold == 0 ? 0.0 : static_cast<double>(true_positives) / gold; }

double DateScores::F1() const {
  double p = Precision(), r = Recall();
  return p + r == 0 ? 0.0 : 2 * p * r / (p + r);
}

DateScores& DateScores::operator+=(const DateScores& o) {
  gold += o.gold;
  true_positives += o.true_positives;
  false_positives += o.false_positives;
  ignored += o.ignored;
  return *this;
}

std::vector<DateOutcome> DateScorer::Add(const std::vector<GoldTimex>& gold,
                                         const std::vector<PredictedDate>& predicted, std::vector<int>* paired) {
  std::vector<std::string> calendar;
  for (const GoldTimex& g : gold) {
    calendar.push_back(CalendarValue(g));
    if (!calendar.back().empty()) ++scores_.gold;
  }
  std::vector<size_t> order(predicted.size());
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(),
                   [&](size_t a, size_t b) { return predicted[a].span.begin < predicted[b].span.begin; });
  std::vector<DateOutcome> out(predicted.size(), DateOutcome::kIgnored);
  if (paired != nullptr) paired->assign(predicted.size(), -1);
  // "First" is by start too, whatever order the file lists gold in.
  std::vector<size_t> gold_order(gold.size());
  std::iota(gold_order.begin(), gold_order.end(), 0);
  std::stable_sort(gold_order.begin(), gold_order.end(),
                   [&](size_t a, size_t b) { return gold[a].span.begin < gold[b].span.begin; });
  std::vector<bool> taken(gold.size(), false);
  for (size_t p : order) {
    bool any = false, any_calendar = false;
    int pick = -1;
    for (size_t g : gold_order) {
      if (!Overlaps(predicted[p].span, gold[g].span)) continue;
      any = true;
      if (calendar[g].empty()) continue;
      any_calendar = true;
      if (!taken[g] && pick < 0) pick = static_cast<int>(g);
    }
    if (any && !any_calendar) {
      ++scores_.ignored;
      continue;
    }
    if (pick >= 0) {
      taken[pick] = true;
      if (paired != nullptr) (*paired)[p] = pick;
    }
    bool right = pick >= 0 && calendar[pick] == predicted[p].value;
    out[p] = right ? DateOutcome::kTruePositive : DateOutcome::kFalsePositive;
    ++(right ? scores_.true_positives : scores_.false_positives);
  }
  return out;
}

}  // namespace storyfuse
