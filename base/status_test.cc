#include "base/status.h"

#include <gtest/gtest.h>

namespace storyfuse {
namespace {

Status FailIfNegative(int x) {
  if (x < 0) return Status::InvalidArgument("negative");
  return Status::Ok();
}

Status Chain(int x) {
  STORYFUSE_RETURN_IF_ERROR(FailIfNegative(x));
  return Status::NotFound("reached end");
}

TEST(StatusTest, OkAndErrors) {
  EXPECT_TRUE(Status::Ok().ok());
  EXPECT_EQ(Status::Ok().ToString(), "OK");
  Status s = Status::IoError("cannot open a.txt");
  EXPECT_FALSE(s.ok());
  EXPECT_EQ(s.code(), Status::Code::kIoError);
  EXPECT_EQ(s.ToString(), "I/O error: cannot open a.txt");
  EXPECT_EQ(s.WithContext("x.html").message(), "x.html: cannot open a.txt");
}

TEST(StatusTest, ReturnIfErrorPropagatesFirstError) {
  EXPECT_EQ(Chain(-1).code(), Status::Code::kInvalidArgument);
  EXPECT_EQ(Chain(1).code(), Status::Code::kNotFound);
}

Result<int> HalfOf(int x) {
  if (x % 2 != 0) return Status::InvalidArgument("odd");
  return x / 2;
}

// Quarters through two fallible steps, declaring and reassigning.
Result<int> QuarterOf(int x) {
  STORYFUSE_ASSIGN_OR_RETURN(int half, HalfOf(x));
  int quarter = 0;
  STORYFUSE_ASSIGN_OR_RETURN(quarter, HalfOf(half));
  return quarter;
}

TEST(ResultTest, AssignOrReturnPropagatesErrorsAndAssignsValues) {
  EXPECT_EQ(QuarterOf(12).value(), 3);
  EXPECT_EQ(QuarterOf(6).status().message(), "odd");  // the second step fails
  EXPECT_EQ(QuarterOf(5).status().message(), "odd");  // the first step fails
}

#ifndef NDEBUG
TEST(ResultDeathTest, ValueOfAnErrorAsserts) {
  Result<int> bad(Status::Corruption("bad"));
  EXPECT_DEATH((void)bad.value(), "value\\(\\) of an error Result");
}
#endif

TEST(ResultTest, HoldsValueOrStatus) {
  Result<int> good(7);
  ASSERT_TRUE(good.ok());
  EXPECT_EQ(*good, 7);
  Result<int> bad(Status::Corruption("bad"));
  EXPECT_FALSE(bad.ok());
  EXPECT_EQ(bad.status().message(), "bad");
}

}  // namespace
}  // namespace storyfuse
