// Time values of castkit.yaml and output path templates.
#include <catch2/catch.hpp>

#include "project_build.hpp"
#include "time_values.hpp"

using namespace castkit;
using namespace castkit::host;

TEST_CASE("ISO 8601 dates and date-times become ms since the epoch, UTC") {
  CHECK(parse_iso8601("1970-01-01") == 0);
  CHECK(parse_iso8601("2023-02-09") == 1675900800000);
  CHECK(parse_iso8601("2023-02-09T12:00:00Z") == 1675944000000);
  CHECK(parse_iso8601("2023-02-09T12:00:00.250Z") == 1675944000250);
  CHECK(parse_iso8601("2023-02-09T13:00:00+01:00") == 1675944000000);
  CHECK(parse_iso8601("2023-02-09T07:00-05:00") == 1675944000000);
  CHECK(parse_iso8601("2024-02-29") == 1709164800000);
  CHECK_FALSE(parse_iso8601("2023-02-29"));
  CHECK_FALSE(parse_iso8601("2023-13-01"));
  CHECK_FALSE(parse_iso8601("2023-02-09T25:00:00Z"));
  CHECK_FALSE(parse_iso8601("09/02/2023"));
  CHECK_FALSE(parse_iso8601("2023-02-09T12:00:00Zjunk"));
}

TEST_CASE("clock values: HH:MM:SS, MM:SS, seconds, with milliseconds") {
  CHECK(parse_clock("1:02:03") == 3723000);
  CHECK(parse_clock("02:03.5") == 123500);
  CHECK(parse_clock("3723") == 3723000);
  CHECK(parse_clock("12.345") == 12345);
  CHECK_FALSE(parse_clock("1:75"));
  CHECK_FALSE(parse_clock("-3"));
  CHECK_FALSE(parse_clock("1:2:3:4"));
  CHECK_FALSE(parse_clock("soon"));
}

TEST_CASE("episode ids from titles, and output path templates") {
  CHECK(slug_of("Ship It! #89: Kaizen — 2023") == "ship-it-89-kaizen-2023");
  Episode e;
  e.number = 89;
  e.season = 2;
  CHECK(expand_path("episodes/{id}.vtt", "kaizen", &e, ConfigView()) == "episodes/kaizen.vtt");
  CHECK(expand_path("s{season}/{number}.srt", "x", &e, ConfigView()) == "s2/89.srt");
  e.number = 89.5;
  CHECK(expand_path("{number}.srt", "x", &e, ConfigView()) == "89.5.srt");
  CHECK_THROWS_AS(expand_path("{title}.srt", "x", &e, ConfigView()), Error);
  CHECK_THROWS_AS(expand_path("feed-{id}.xml", "", nullptr, ConfigView()), Error);
}
