// ISO 8601 times: formatting, parsing, the edges of the calendar.
#include <catch2/catch.hpp>

#include "iso_time.hpp"

using namespace castkit::json;

TEST_CASE("times format as UTC with milliseconds only when needed") {
  CHECK(format_iso8601(0) == "1970-01-01T00:00:00Z");
  CHECK(format_iso8601(1'676'630'400'250) == "2023-02-17T10:40:00.250Z");
  CHECK(format_iso8601(-1) == "1969-12-31T23:59:59.999Z");
  CHECK(format_iso8601(951'782'400'000) == "2000-02-29T00:00:00Z");
}

TEST_CASE("formatting and parsing are inverse over the whole ISO range") {
  for (std::int64_t ms : {std::int64_t{-62'167'219'200'000}, std::int64_t{-1}, std::int64_t{0},
                          std::int64_t{1'622'550'600'500}, std::int64_t{253'402'300'799'999}}) {
    REQUIRE(fits_iso8601(ms));
    CHECK(parse_iso8601(format_iso8601(ms)) == ms);
  }
  CHECK_FALSE(fits_iso8601(-62'167'219'200'001));  // before year 0
  CHECK_FALSE(fits_iso8601(253'402'300'800'000));  // year 10000
}

TEST_CASE("offsets and short fractions are accepted and converted to UTC") {
  CHECK(parse_iso8601("2021-06-01T14:30:00+02:00") == 1'622'550'600'000);
  CHECK(parse_iso8601("2021-06-01T07:00:00-05:30") == 1'622'550'600'000);
  CHECK(parse_iso8601("2021-06-01T12:30:00.5Z") == 1'622'550'600'500);
  CHECK(parse_iso8601("2021-06-01T12:30:00.05Z") == 1'622'550'600'050);
}

TEST_CASE("malformed times and impossible days are refused") {
  for (const char* bad :
       {"", "2021-06-01", "2021-06-01T12:30:00", "2021-06-01 12:30:00Z", "2021-02-29T00:00:00Z",
        "2021-13-01T00:00:00Z", "2021-06-01T24:00:00Z", "2021-06-01T12:30:00.1234Z",
        "2021-06-01T12:30:00.Z", "2021-06-01T12:30:00Zjunk", "21-06-01T12:30:00Z",
        "2021-06-01T12:30:00+0200"})
    CHECK_FALSE(parse_iso8601(bad).has_value());
}
