#include <catch2/catch.hpp>

#include <charconv>

#include "feed_values.hpp"

using namespace castkit::rss;

namespace {
std::string rfc2822(std::int64_t ms) {
  std::string out;
  {
    castkit::feed::AppendBuffer buffer(out);
    append_rfc2822(buffer, ms);
  }
  return out;
}
std::string decimal(double value) {
  std::string out;
  {
    castkit::feed::AppendBuffer buffer(out);
    append_decimal(buffer, value);
  }
  return out;
}
/// What std::to_chars writes for `value` in its shortest form.
std::string shortest(double value) {
  char digits[32];
  return std::string(digits, std::to_chars(digits, digits + sizeof digits, value).ptr);
}
}  // namespace

TEST_CASE("RFC 822 dates with odd zones") {
  const std::int64_t expected = 1602217838000;  // 2020-10-09T04:30:38Z
  CHECK(parse_feed_date("Fri, 09 Oct 2020 04:30:38 GMT") == expected);
  CHECK(parse_feed_date("Fri, 09 Oct 2020 04:30:38 +0000") == expected);
  CHECK(parse_feed_date("Fri, 9 Oct 2020 00:30:38 EDT") == expected);
  CHECK(parse_feed_date("Thu, 08 Oct 2020 23:30:38 -0500") == expected);
  CHECK(parse_feed_date("Fri, 09 Oct 2020 06:30:38 +02:00") == expected);
  CHECK(parse_feed_date("09 October 2020 04:30:38 UT") == expected);
  CHECK(parse_feed_date("Fri, 09 Oct 20 04:30:38 Z") == expected);
  CHECK(parse_feed_date("fri, 09 oct 2020 04:30:38") == expected);
  CHECK(parse_feed_date("Fri, 09 Oct 2020 04:30:38 GMT+0000") == expected);
  CHECK(parse_feed_date("Thu, 08 Oct 2020 21:30:38 PDT") == expected);
  CHECK(parse_feed_date("Fri, 09 Oct 2020 04:30 GMT") == expected - 38000);
  CHECK(parse_feed_date("2020-10-09T04:30:38Z") == expected);
  CHECK(parse_feed_date("2020-10-08T22:30:38.000-0600") == expected);
  CHECK_FALSE(parse_feed_date("yesterday"));
  CHECK_FALSE(parse_feed_date("Fri, 09 Foo 2020 04:30:38 GMT"));
  CHECK_FALSE(parse_feed_date("Fri, 09 Oct 2020 04:30:38 XYZ"));
}

TEST_CASE("RFC 2822 output") {
  CHECK(rfc2822(1602217838000) == "Fri, 09 Oct 2020 04:30:38 +0000");
  CHECK(rfc2822(0) == "Thu, 01 Jan 1970 00:00:00 +0000");
  CHECK(rfc2822(951782400000) == "Tue, 29 Feb 2000 00:00:00 +0000");
  CHECK(rfc2822(-30636617104000) == "Fri, 01 Mar 999 12:34:56 +0000");
  CHECK(rfc2822(253407530096000) == "Wed, 01 Mar 10000 12:34:56 +0000");
  for (std::int64_t ms : {0LL, 951782400000LL, 1602217838000LL, 4102444799000LL})
    CHECK(parse_feed_date(rfc2822(ms)) == ms);
}

TEST_CASE("decimal numbers in their shortest form, whole ones too") {
  for (int i = 0; i <= 200000; ++i) REQUIRE(decimal(i) == shortest(i));
  CHECK(decimal(100000) == "1e+05");
  CHECK(decimal(3.5) == "3.5");
  CHECK(decimal(-0.0) == "-0");
  CHECK(decimal(-2) == "-2");
  CHECK(decimal(99999.5) == "99999.5");
  CHECK(decimal(1e300) == "1e+300");
}

TEST_CASE("durations as seconds, MM:SS and HH:MM:SS") {
  CHECK(parse_duration("3723") == 3723000);
  CHECK(parse_duration("3723.5") == 3723500);
  CHECK(parse_duration("62:03") == 3723000);
  CHECK(parse_duration("1:02:03") == 3723000);
  CHECK(parse_duration(" 01:02:03 ") == 3723000);
  CHECK(parse_duration("125:30") == 7530000);
  CHECK_FALSE(parse_duration(""));
  CHECK_FALSE(parse_duration("one hour"));
}

TEST_CASE("itunes:explicit and flags") {
  for (const char* yes : {"yes", "true", "explicit", "Yes", "TRUE"})
    CHECK(parse_explicit(yes) == true);
  for (const char* no : {"no", "false", "clean", "No", "Clean"}) CHECK(parse_explicit(no) == false);
  CHECK_FALSE(parse_explicit("maybe"));
  CHECK(parse_flag("yes") == true);
  CHECK(parse_flag("false") == false);
}
