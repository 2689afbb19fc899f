// Seconds, clock texts and datetime durations of transcript files.
#include <catch2/catch.hpp>

#include <cmath>
#include <limits>

#include "transcript_time.hpp"

using namespace castkit;
using namespace castkit::transcript;

TEST_CASE("float seconds round to the nearest millisecond") {
  CHECK(millis_from_seconds(0) == 0);
  CHECK(millis_from_seconds(0.5) == 500);
  CHECK(millis_from_seconds(0.75) == 750);
  CHECK(millis_from_seconds(2.25) == 2250);
  CHECK(millis_from_seconds(1.0005) == 1001);  // half a millisecond rounds up
  CHECK(millis_from_seconds(2.0049999) == 2005);
  CHECK(millis_from_seconds(0.0004) == 0);
  CHECK(millis_from_seconds(3599.9996) == 3600000);
  CHECK_FALSE(millis_from_seconds(-0.5));
  CHECK_FALSE(millis_from_seconds(std::nan("")));
  CHECK_FALSE(millis_from_seconds(std::numeric_limits<double>::infinity()));
  CHECK_FALSE(millis_from_seconds(1e300));
}

TEST_CASE("milliseconds print as the shortest seconds") {
  CHECK(seconds_from_millis(500) == 0.5);
  CHECK(seconds_from_millis(2100) == 2.1);
  for (Millis ms : {Millis{0}, Millis{1}, Millis{999}, Millis{2100}, Millis{3723456}})
    CHECK(millis_from_seconds(seconds_from_millis(ms)) == ms);
}

TEST_CASE("clock texts and datetime durations") {
  CHECK(clock_text(0) == "0:00");
  CHECK(clock_text(53000) == "0:53");
  CHECK(clock_text(102999) == "1:42");
  CHECK(clock_text(3723000) == "1:02:03");
  CHECK(duration_attribute(0) == "PT0S");
  CHECK(duration_attribute(53250) == "PT53.25S");
  CHECK(duration_attribute(3723004) == "PT1H2M3.004S");
  CHECK(duration_attribute(120000) == "PT2M");
}

TEST_CASE("reading <time> texts") {
  CHECK(parse_time("0:53") == 53000);
  CHECK(parse_time(" 10:17 ") == 617000);
  CHECK(parse_time("1:02:03") == 3723000);
  CHECK(parse_time("05:56.20") == 356200);
  CHECK(parse_time("PT1M2.5S") == 62500);
  CHECK(parse_time("PT1H") == 3600000);
  for (Millis ms : {Millis{0}, Millis{53250}, Millis{3723004}, Millis{120000}})
    CHECK(parse_time(duration_attribute(ms)) == ms);
  CHECK_FALSE(parse_time(""));
  CHECK_FALSE(parse_time("soon"));
  CHECK_FALSE(parse_time("1:2"));
  CHECK_FALSE(parse_time("PT"));
  CHECK_FALSE(parse_time("PTS"));
  CHECK_FALSE(parse_time("PT1S2M"));
  CHECK_FALSE(parse_time("PT1.2345S"));
  CHECK_FALSE(parse_time("PT9999999999H"));
}
