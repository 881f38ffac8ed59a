#include "text/city_names.h"

#include <gtest/gtest.h>

namespace storyfuse {
namespace {

TEST(CityNamesTest, KnowsIcuExemplarCities) {
  const CityNames& c = CityNames::Get();
  EXPECT_GT(c.size(), 300u);
  EXPECT_TRUE(c.IsCity("Kyiv"));
  EXPECT_TRUE(c.IsCity("Kuala Lumpur"));
  EXPECT_TRUE(c.IsCity("KUALA LUMPUR"));
  EXPECT_TRUE(c.IsCity("Vincennes"));  // "Vincennes, Indiana" in ICU
  EXPECT_FALSE(c.IsCity("Kuala"));
  EXPECT_FALSE(c.IsCity("Velmora"));
  EXPECT_TRUE(c.MayStartCity("Kuala"));
  EXPECT_TRUE(c.MayStartCity("Port"));
  EXPECT_FALSE(c.MayStartCity("Lumpur"));
}

}  // namespace
}  // namespace storyfuse
