// PrometheusText: writes metrics in the Prometheus text exposition format
// (version 0.0.4), what GET /metrics answers: per family a "# HELP" and a
// "# TYPE" line, then its samples, "name{label="value",...} number".
//
// Family names are the caller's constants ([a-zA-Z_:][a-zA-Z0-9_:]*, not
// checked); label values may hold anything and are escaped (\\, \", \n).
// Samples must follow their family's header, so call Family() once per
// family and then its Sample()s. Values; not thread-safe.
#ifndef STORYFUSE_SERVER_PROMETHEUS_TEXT_H_
#define STORYFUSE_SERVER_PROMETHEUS_TEXT_H_

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace storyfuse {

class PrometheusText {
 public:
  using Labels = std::vector<std::pair<std::string_view, std::string_view>>;

  // The media type to send it with.
  static constexpr std::string_view kContentType = "text/plain; version=0.0.4; charset=utf-8";

  // Starts a family: `type` is "counter", "gauge", "summary" or "histogram".
  void Family(std::string_view name, std::string_view type, std::string_view help);
  // One sample: `name` is the family's name or a suffixed one ("_sum",
  // "_count"). Integral values print without a fraction; NaN and infinities
  // as Prometheus spells them.
  void Sample(std::string_view name, const Labels& labels, double value);

  const std::string& text() const { return out_; }

 private:
  std::string out_;
};

}  // namespace storyfuse

#endif  // STORYFUSE_SERVER_PROMETHEUS_TEXT_H_
