#include "analyze/averaged_sgd.h"

#include <gtest/gtest.h>

#include <cmath>
#include <map>
#include <string>
#include <vector>

namespace storyfuse {
namespace {

TEST(AveragedSgdTest, SelectedTakesTheUsedIndexesOrAll) {
  EXPECT_EQ(AveragedSgd::Selected(3, {}), (std::vector<size_t>{0, 1, 2}));
  EXPECT_EQ(AveragedSgd::Selected(4, {true, false, true}), (std::vector<size_t>{0, 2}));
}

TEST(AveragedSgdTest, OneUpdateByHand) {
  AveragedSgd sgd(/*learning_rate=*/0.5, /*l2=*/0, /*seed=*/1);
  std::vector<size_t> order = {0};
  sgd.StartPass(1, &order);  // rate 0.5 / 2
  sgd.Update({7, 9}, 2.0);   // each weight -0.5
  EXPECT_DOUBLE_EQ(sgd.Score({7, 9, 11}), -1.0);
  sgd.EndExample();
  std::map<std::string, double> got;
  sgd.Export({{7, "a"}, {11, "unused"}}, [&](const std::string& n, double w) { got[n] = w; });
  // The update came at step 1 of 2: the average keeps half of it.
  ASSERT_EQ(got.size(), 1u);
  EXPECT_DOUBLE_EQ(got["a"], -0.25);
}

// A separable logistic problem: the learned weights point the right way,
// and the same seed gives the same weights.
std::map<std::string, double> TrainToy(uint64_t seed) {
  struct Ex {
    std::vector<uint64_t> f;
    bool y;
  };
  std::vector<Ex> data = {{{1, 3}, true}, {{2, 3}, false}, {{1}, true}, {{2}, false}};
  AveragedSgd sgd(0.3, 0.001, seed);
  std::vector<size_t> order = AveragedSgd::Selected(data.size(), {});
  for (int pass = 0; pass < 20; ++pass) {
    sgd.StartPass(pass, &order);
    for (size_t i : order) {
      double p = 1 / (1 + std::exp(-sgd.Score(data[i].f)));
      sgd.Update(data[i].f, p - (data[i].y ? 1 : 0));
      sgd.EndExample();
    }
  }
  std::map<std::string, double> w;
  sgd.Export({{1, "good"}, {2, "bad"}, {3, "both"}}, [&](const std::string& n, double v) { w[n] = v; });
  return w;
}

TEST(AveragedSgdTest, LearnsASeparableProblemDeterministically) {
  std::map<std::string, double> w = TrainToy(20);
  EXPECT_GT(w["good"], 0.5);
  EXPECT_LT(w["bad"], -0.5);
  EXPECT_EQ(w, TrainToy(20));
}

}  // namespace
}  // namespace storyfuse
