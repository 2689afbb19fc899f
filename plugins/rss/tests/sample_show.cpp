#include "sample_show.hpp"

namespace castkit::rss::test {

Show full_show() {
  Show show;
  show.title = "Tom & Jerry's <Show> ]]> \x01\x0B end";
  show.link = "https://example.com/";
  show.description = "About <b>it</b> ]]> and more";
  show.language = "en";
  show.author = "Jane";
  show.owner_name = "Jane";
  show.owner_email = "jane@example.com";
  show.image = "https://example.com/art.jpg";
  show.categories = {{"Technology", {}}, {"News", {"Tech News"}}};
  show.explicit_content = false;
  show.type = "episodic";
  show.copyright = "2026 Jane";
  show.feed_url = "https://podnews.net/rss";
  show.locked = true;
  show.locked_owner = "jane@example.com";
  show.funding = {{"https://example.com/give", "Support us"}};
  show.persons = {{"Jane", "host", "cast", "", "https://example.com/jane", {}}};
  show.medium = "podcast";
  Episode ep;
  ep.guid = "ep-1";
  ep.title = "One \"quoted\" <b>bold</b> & \x02more";
  ep.link = "https://example.com/1";
  ep.description = "<p>Notes ]]> with CDATA end</p>";
  ep.published = 1602217838000;
  ep.duration = 3723000;
  ep.enclosure = Enclosure{"https://example.com/1.mp3", "audio/mpeg", 12345};
  ep.season = 2;
  ep.number = 7;
  ep.episode_type = "full";
  ep.explicit_content = true;
  ep.persons = {{"Guest Person", "guest", "cast", "https://example.com/g.jpg", "", {}}};
  ep.chapters_link =
      FileLink{"https://example.com/1.chapters.json", "application/json+chapters", "", "", {}};
  ep.transcript_links = {{"https://example.com/1.vtt", "text/vtt", "en", "captions", {}},
                         {"https://example.com/1.html", "text/html", "en", "", {}}};
  ep.soundbites = {{60000, 30500, "Best bit"}};
  ep.location = Location{"Austin, TX", "geo:30.2672,97.7431", "R113314"};
  ep.license = "cc-by-4.0";
  ep.chapters = {{0, std::nullopt, "Intro", "", "", true, std::nullopt, {}}};
  show.episodes.push_back(ep);
  Episode decimal = ep;
  decimal.guid = "ep-1.5";
  decimal.number = 1.5;
  decimal.chapters_link.reset();
  show.episodes.push_back(decimal);
  return show;
}

}  // namespace castkit::rss::test
