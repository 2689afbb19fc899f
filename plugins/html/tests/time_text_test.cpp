// Times and dates as pages write them.
#include <catch2/catch.hpp>

#include "time_text.hpp"

using namespace castkit::html;

TEST_CASE("clock times") {
  CHECK(parse_clock("00:54") == 54000);
  CHECK(parse_clock("1:02:46") == 3766000);
  CHECK(parse_clock("[05:56]") == 356000);
  CHECK(parse_clock("00:11:44.26") == 704260);
  CHECK(parse_clock("75") == 75000);
  CHECK_FALSE(parse_clock("1:75"));
  CHECK_FALSE(parse_clock("1:2:3:4"));
  CHECK_FALSE(parse_clock("intro"));
  CHECK_FALSE(parse_clock(""));
}

TEST_CASE("offsets, durations and minutes") {
  CHECK(parse_offset("76") == 76000);
  CHECK(parse_offset("95.5") == 95500);
  CHECK(parse_offset("1:30") == 90000);
  CHECK(parse_iso_duration("PT1H2M30S") == 3750000);
  CHECK(parse_iso_duration("P1DT1S") == 86401000);
  CHECK(parse_iso_duration("PT0.5S") == 500);
  CHECK_FALSE(parse_iso_duration("P"));
  CHECK_FALSE(parse_iso_duration("PT5X"));
  CHECK(parse_minutes("63 minutes") == 3780000);
  CHECK_FALSE(parse_minutes("63 apples"));
}

TEST_CASE("dates") {
  CHECK(parse_iso_datetime("2023-02-15T12:00:00Z") == 1676462400000);
  CHECK(parse_iso_datetime("2024-03-05T10:00:00+01:00") == 1709629200000);
  CHECK(parse_iso_datetime("2024-03-05") == 1709596800000);
  CHECK_FALSE(parse_iso_datetime("March 5"));
  CHECK(parse_rfc822_datetime("Tue, 05 Mar 2024 09:00:00 GMT") == 1709629200000);
  CHECK(parse_rfc822_datetime("5 Mar 2024 04:00:00 -0500") == 1709629200000);
  CHECK_FALSE(parse_rfc822_datetime("yesterday"));
}

TEST_CASE("a timestamp leading a paragraph") {
  auto lead = leading_time("[05:56] Typically");
  REQUIRE(lead);
  CHECK(lead->time == 356000);
  CHECK(lead->length == 8);
  CHECK(leading_time("12:04 Second topic")->length == 6);
  CHECK_FALSE(leading_time("about 1:30 in the morning"));
  CHECK_FALSE(leading_time("12:04pm lunch"));
  CHECK_FALSE(leading_time("2024 was a year"));
}
