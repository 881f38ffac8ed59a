#include "text/country_names.h"

#include <gtest/gtest.h>

namespace storyfuse {
namespace {

TEST(CountryNamesTest, KnowsIcuNamesAndShortForms) {
  const CountryNames& c = CountryNames::Get();
  EXPECT_EQ(c.Country("Malaysia"), "Malaysia");
  EXPECT_EQ(c.Country("Saudi Arabia"), "Saudi Arabia");
  EXPECT_EQ(c.Country("U.S."), "United States");
  EXPECT_EQ(c.Country("US"), "United States");
  EXPECT_EQ(c.Country("the United States"), "United States");
  EXPECT_EQ(c.Country("Britain"), "United Kingdom");
  EXPECT_EQ(c.Country("Myanmar"), "Myanmar");
  EXPECT_EQ(c.Country("Kuala Lumpur"), "");
  EXPECT_EQ(c.Country("MALAYSIA"), "Malaysia");
  EXPECT_TRUE(c.MayStartCountry("Saudi"));
  EXPECT_TRUE(c.MayStartCountry("United"));
  EXPECT_TRUE(c.MayStartCountry("U.S."));
  EXPECT_TRUE(c.MayStartCountry("The"));
  EXPECT_FALSE(c.MayStartCountry("Kuala"));
  EXPECT_FALSE(c.MayStartCountry("Arabia"));
  EXPECT_EQ(c.Country("Lavrov"), "");
}

TEST(CountryNamesTest, DerivesDemonyms) {
  const CountryNames& c = CountryNames::Get();
  EXPECT_EQ(c.CountryOfDemonym("Russian"), "Russia");
  EXPECT_EQ(c.CountryOfDemonym("Ukrainian"), "Ukraine");
  EXPECT_EQ(c.CountryOfDemonym("Chinese"), "China");
  EXPECT_EQ(c.CountryOfDemonym("Israeli"), "Israel");
  EXPECT_EQ(c.CountryOfDemonym("Malaysian"), "Malaysia");
  EXPECT_EQ(c.CountryOfDemonym("German"), "Germany");
  EXPECT_EQ(c.CountryOfDemonym("Japanese"), "Japan");
  EXPECT_EQ(c.CountryOfDemonym("South Korean"), "South Korea");
  EXPECT_EQ(c.CountryOfDemonym("British"), "United Kingdom");
  EXPECT_EQ(c.CountryOfDemonym("Rubio"), "");
  EXPECT_TRUE(c.IsRegionAdjective("Asian"));
}

}  // namespace
}  // namespace storyfuse
