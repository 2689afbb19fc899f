// Reads every feed castkit wrote into DIR with podcast-partytime and checks the podcast: tags it
// sees (guid, chapters URL and type, transcripts, persons, funding, season and episode) against
// DIR/<feed>.expected.json. Exits 77 (CTest: skipped) when `npm ci` has not been run here.
"use strict";
const fs = require("fs");
const path = require("path");

let parseFeed;
try {
  ({ parseFeed } = require("podcast-partytime"));
} catch (error) {
  console.log(`SKIP: podcast-partytime is not installed (run \`npm ci\` in ${__dirname})`);
  process.exit(77);
}

const same = (a, b) => String(a ?? "").toLowerCase() === String(b ?? "").toLowerCase();

function check(file, expected, problems) {
  const name = path.basename(file);
  const feed = parseFeed(fs.readFileSync(file, "utf8"));
  if (!feed) {
    problems.push(`${name}: partytime could not parse the feed`);
    return;
  }
  if (expected.guid && feed.guid !== expected.guid) problems.push(`${name}: guid ${feed.guid}, expected ${expected.guid}`);
  const funding = feed.podcastFunding ?? [];
  expected.funding.forEach((f, i) => {
    if (!funding[i] || funding[i].url !== f.url || funding[i].message !== f.text)
      problems.push(`${name}: funding ${JSON.stringify(funding[i])}, expected ${JSON.stringify(f)}`);
  });
  // partytime leaves out items without an enclosure or a guid (its documented policy).
  const kept = expected.items.filter((item) => item.enclosure && item.guid);
  if (feed.items.length !== kept.length) {
    problems.push(`${name}: ${feed.items.length} items, expected ${kept.length}`);
    return;
  }
  kept.forEach((want, i) => {
    const item = feed.items[i];
    const where = `${name} item ${i + 1}`;
    if (want.chapters) {
      const got = item.podcastChapters;
      if (!got || got.url !== want.chapters.url || got.type !== want.chapters.type)
        problems.push(`${where}: chapters ${JSON.stringify(got)}, expected ${JSON.stringify(want.chapters)}`);
    }
    const transcripts = item.podcastTranscripts ?? [];
    if (transcripts.length !== want.transcripts.length)
      problems.push(`${where}: ${transcripts.length} transcripts, expected ${want.transcripts.length}`);
    want.transcripts.forEach((t, k) => {
      const got = transcripts[k] ?? {};
      const ok = got.url === t.url && got.type === t.type && (!t.language || got.language === t.language) &&
                 (!t.rel || got.rel === t.rel);
      if (!ok) problems.push(`${where}: transcript ${JSON.stringify(got)}, expected ${JSON.stringify(t)}`);
    });
    const people = item.podcastPeople ?? [];
    if (people.length !== want.persons.length)
      problems.push(`${where}: ${people.length} persons, expected ${want.persons.length}`);
    want.persons.forEach((p, k) => {
      const got = people[k] ?? {};
      // partytime normalises roles and groups to the taxonomy's capitalisation, and replaces
      // values outside the taxonomy by its defaults (Host, Cast).
      const taxonomy = p.in_taxonomy;
      const ok = got.name === p.name && (!taxonomy || !p.role || same(got.role, p.role)) &&
                 (!taxonomy || !p.group || same(got.group, p.group)) &&
                 (got.href ?? "") === p.href && (got.img ?? "") === p.img;
      if (!ok) problems.push(`${where}: person ${JSON.stringify(got)}, expected ${JSON.stringify(p)}`);
    });
    if (want.season !== null && item.podcastSeason?.number !== want.season)
      problems.push(`${where}: season ${JSON.stringify(item.podcastSeason)}, expected ${want.season}`);
    if (want.episode !== null && item.podcastEpisode?.number !== want.episode)
      problems.push(`${where}: episode ${JSON.stringify(item.podcastEpisode)}, expected ${want.episode}`);
  });
}

const dir = process.argv[2];
const feeds = fs.readdirSync(dir).filter((f) => f.endsWith(".xml")).sort();
const problems = [];
for (const feed of feeds) {
  const file = path.join(dir, feed);
  check(file, JSON.parse(fs.readFileSync(`${file}.expected.json`, "utf8")), problems);
}
problems.forEach((p) => console.log(p));
console.log(`podcast-partytime: ${feeds.length} feeds, ${problems.length} problems`);
process.exit(feeds.length && !problems.length ? 0 : 1);
