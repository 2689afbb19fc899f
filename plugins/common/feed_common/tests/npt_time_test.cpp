#include <catch2/catch.hpp>

#include "castkit/feed/npt_time.hpp"
#include "castkit/feed/seconds.hpp"

using namespace castkit::feed;

TEST_CASE("NPT times in the forms Podlove Simple Chapters uses") {
  CHECK(parse_npt("00:00:00") == 0);
  CHECK(parse_npt("00:03:07.250") == 187250);
  CHECK(parse_npt("08:26") == 506000);
  CHECK(parse_npt("12:42.345") == 762345);
  CHECK(parse_npt("90") == 90000);
  CHECK(parse_npt("1:02:03.5") == 3723500);
  CHECK(parse_npt("01:02:03.123456") == 3723123);
  CHECK_FALSE(parse_npt(""));
  CHECK_FALSE(parse_npt("aa:bb"));
  CHECK_FALSE(parse_npt("00:61"));
  CHECK_FALSE(parse_npt("1:2:3:4"));
  CHECK_FALSE(parse_npt("12."));
  CHECK(format_npt(187250) == "00:03:07.250");
  CHECK(format_npt(360000000) == "100:00:00.000");
}

TEST_CASE("decimal seconds both ways") {
  std::string out;
  for (castkit::Millis ms : {0LL, 1500LL, 187250LL, 1001LL, 60000LL}) {
    out.clear();
    append_seconds(out, ms);
    CHECK(parse_seconds(out) == ms);
  }
  out.clear();
  append_seconds(out, 187250);
  CHECK(out == "187.25");
  out.clear();
  append_seconds(out, -1500);
  append_seconds(out, 1);
  append_seconds(out, 9223372036854775807LL);
  CHECK(out == "-1.50.0019223372036854775.807");
  CHECK(parse_seconds("33.833") == 33833);
  CHECK(parse_seconds(" 60.0 ") == 60000);
  CHECK_FALSE(parse_seconds("-1"));
  CHECK_FALSE(parse_seconds("1e400"));
  CHECK_FALSE(parse_seconds("ten"));
}
