#include "site_profile.hpp"

#include <fnmatch.h>

#include <algorithm>
#include <filesystem>
#include <set>

#include <yaml-cpp/yaml.h>

#include "castkit/diagnostics.hpp"
#include "node_text.hpp"

namespace castkit::html {
namespace {

[[noreturn]] void fail_at(const std::string& file, const YAML::Node& node,
                          const std::string& message) {
  const YAML::Mark mark = node.Mark();
  fail_usage("site profile: " + message, file, static_cast<std::uint32_t>(mark.line + 1),
             static_cast<std::uint32_t>(mark.column + 1));
}

std::string scalar(const std::string& file, const YAML::Node& node, const std::string& what) {
  if (!node.IsScalar()) fail_at(file, node, what + " must be a string");
  return node.Scalar();
}

std::shared_ptr<pugi::xpath_query> compile(const std::string& file, const YAML::Node& node,
                                           const std::string& xpath) {
  try {
    return std::make_shared<pugi::xpath_query>(xpath.c_str());
  } catch (const pugi::xpath_exception& e) {
    fail_at(file, node,
            std::string("bad XPath \"") + xpath + "\": " + e.what() + " at character " +
                std::to_string(e.result().offset + 1));
  }
}

ValueType value_type(const std::string& file, const YAML::Node& node) {
  static const std::pair<const char*, ValueType> kTypes[] = {{"text", ValueType::text},
                                                             {"html", ValueType::html},
                                                             {"number", ValueType::number},
                                                             {"offset", ValueType::offset},
                                                             {"clock", ValueType::clock},
                                                             {"minutes", ValueType::minutes},
                                                             {"duration", ValueType::duration},
                                                             {"datetime", ValueType::datetime},
                                                             {"url", ValueType::url}};
  const std::string name = scalar(file, node, "type");
  for (const auto& [type_name, type] : kTypes)
    if (name == type_name) return type;
  fail_at(
      file, node,
      "unknown type \"" + name +
          "\" (expected text, html, number, offset, clock, minutes, duration, datetime or url)");
}

FieldRule field_rule(const std::string& file, const YAML::Node& node) {
  FieldRule rule;
  if (node.IsScalar()) {
    rule.xpath_text = node.Scalar();
    rule.xpath = compile(file, node, rule.xpath_text);
    return rule;
  }
  if (!node.IsMap()) fail_at(file, node, "a field is an XPath string or a mapping with xpath:");
  for (const auto& entry : node) {
    const std::string key = entry.first.Scalar();
    if (key == "xpath") {
      rule.xpath_text = scalar(file, entry.second, "xpath");
      rule.xpath = compile(file, entry.second, rule.xpath_text);
    } else if (key == "after") {
      rule.after = scalar(file, entry.second, "after");
    } else if (key == "before") {
      rule.before = scalar(file, entry.second, "before");
    } else if (key == "trim") {
      rule.trim = scalar(file, entry.second, "trim");
    } else if (key == "type") {
      rule.type = value_type(file, entry.second);
    } else {
      fail_at(file, entry.first,
              "unknown field option \"" + key + "\" (expected xpath, after, before, trim, type)");
    }
  }
  if (!rule.xpath) fail_at(file, node, "the field has no xpath:");
  return rule;
}

/// The fields each list accepts (what the extractor reads).
const std::map<std::string, std::set<std::string>>& list_fields() {
  static const std::map<std::string, std::set<std::string>> kLists = {
      {"persons", {"name", "role", "href", "img"}},
      {"sponsors", {"name", "url", "text"}},
      {"notes", {"title", "url"}},
      {"chapters", {"start", "end", "duration", "title", "url"}},
      {"transcript", {"speaker", "paragraphs", "anchor"}},
      {"keywords", {"text"}}};
  return kLists;
}

const std::set<std::string>& episode_fields() {
  static const std::set<std::string> kFields = {
      "title",       "subtitle", "show",      "link",     "guid",
      "description", "summary",  "published", "duration", "audio",
      "audio_type",  "image",    "number",    "season",   "episode_type"};
  return kFields;
}

ListRule list_rule(const std::string& file, const std::string& name, const YAML::Node& node) {
  if (!node.IsMap()) fail_at(file, node, name + " must be a mapping with each:");
  ListRule rule;
  const auto& allowed = list_fields().at(name);
  for (const auto& entry : node) {
    const std::string key = entry.first.Scalar();
    if (key == "each") {
      rule.each_text = scalar(file, entry.second, "each");
      rule.each = compile(file, entry.second, rule.each_text);
    } else if (key == "skip_first" || key == "skip_last") {
      const int count = entry.second.IsScalar() ? std::atoi(entry.second.Scalar().c_str()) : -1;
      if (count < 0 || !entry.second.IsScalar())
        fail_at(file, entry.second, key + " must be a count");
      (key == "skip_first" ? rule.skip_first : rule.skip_last) = count;
    } else if (allowed.count(key)) {
      rule.fields[key] = field_rule(file, entry.second);
    } else {
      std::string expected = "each, skip_first, skip_last";
      for (const auto& f : allowed) expected += ", " + f;
      fail_at(file, entry.first,
              "unknown key \"" + key + "\" in " + name + " (expected " + expected + ")");
    }
  }
  if (!rule.each) fail_at(file, node, name + " has no each:");
  return rule;
}

}  // namespace

SiteProfile load_profile(const std::string& path) {
  YAML::Node root;
  try {
    root = YAML::LoadFile(path);
  } catch (const YAML::ParserException& e) {
    fail_usage("site profile: " + e.msg, path, static_cast<std::uint32_t>(e.mark.line + 1),
               static_cast<std::uint32_t>(e.mark.column + 1));
  } catch (const YAML::Exception& e) {
    fail_usage("site profile: cannot read: " + e.msg, path);
  }
  if (!root.IsMap()) fail_at(path, root, "expected a mapping with name:, urls:, fields: ...");
  SiteProfile profile;
  profile.file = path;
  for (const auto& entry : root) {
    const std::string key = entry.first.Scalar();
    const YAML::Node& value = entry.second;
    if (key == "name") {
      profile.name = scalar(path, value, "name");
    } else if (key == "description") {
      profile.description = scalar(path, value, "description");
    } else if (key == "urls") {
      if (!value.IsSequence()) fail_at(path, value, "urls must be a list of patterns");
      for (const auto& item : value) profile.urls.push_back(scalar(path, item, "a URL pattern"));
    } else if (key == "signatures") {
      if (!value.IsSequence()) fail_at(path, value, "signatures must be a list");
      for (const auto& item : value) {
        Signature signature;
        if (item.IsMap() && item["meta"]) {
          signature.meta = scalar(path, item["meta"], "meta");
          signature.value = item["value"] ? scalar(path, item["value"], "value") : std::string();
        } else if (item.IsMap() && item["xpath"]) {
          signature.xpath_text = scalar(path, item["xpath"], "xpath");
          signature.xpath = compile(path, item["xpath"], signature.xpath_text);
        } else {
          fail_at(path, item, "a signature is {meta: NAME, value: TEXT} or {xpath: QUERY}");
        }
        profile.signatures.push_back(std::move(signature));
      }
    } else if (key == "fields") {
      if (!value.IsMap()) fail_at(path, value, "fields must be a mapping");
      for (const auto& field : value) {
        const std::string name = field.first.Scalar();
        if (!episode_fields().count(name)) {
          std::string expected;
          for (const auto& f : episode_fields()) expected += (expected.empty() ? "" : ", ") + f;
          fail_at(path, field.first, "unknown field \"" + name + "\" (expected " + expected + ")");
        }
        profile.fields[name] = field_rule(path, field.second);
      }
    } else if (list_fields().count(key)) {
      profile.lists[key] = list_rule(path, key, value);
    } else {
      fail_at(path, entry.first,
              "unknown key \"" + key +
                  "\" (expected name, description, urls, signatures, fields, persons, sponsors, "
                  "notes, chapters, transcript, keywords)");
    }
  }
  if (profile.name.empty()) fail_at(path, root, "the profile has no name:");
  return profile;
}

std::vector<SiteProfile> load_profiles(const std::vector<std::string>& directories) {
  std::vector<SiteProfile> out;
  std::set<std::string> names;
  for (const std::string& directory : directories) {
    std::error_code error;
    std::vector<std::string> files;
    for (const auto& entry : std::filesystem::directory_iterator(directory, error))
      if (entry.path().extension() == ".yaml" || entry.path().extension() == ".yml")
        files.push_back(entry.path().string());
    std::sort(files.begin(), files.end());
    for (const std::string& file : files) {
      SiteProfile profile = load_profile(file);
      if (names.insert(profile.name).second) out.push_back(std::move(profile));
    }
  }
  return out;
}

bool matches_url(const SiteProfile& profile, const std::string& url) {
  if (url.empty()) return false;
  return std::any_of(profile.urls.begin(), profile.urls.end(), [&](const std::string& pattern) {
    return ::fnmatch(pattern.c_str(), url.c_str(), 0) == 0;
  });
}

std::optional<std::string> matching_signature(const SiteProfile& profile,
                                              const pugi::xml_document& page) {
  for (const Signature& signature : profile.signatures) {
    if (signature.xpath) {
      if (!signature.xpath->evaluate_node_set(page).empty())
        return "signature xpath " + signature.xpath_text;
      continue;
    }
    for (pugi::xml_node meta : page.child("html").child("head").children("meta")) {
      const std::string_view key = meta.attribute("property") ? meta.attribute("property").value()
                                                              : meta.attribute("name").value();
      if (key != signature.meta) continue;
      const std::string content = collapse_whitespace(meta.attribute("content").value());
      if (signature.value.empty() || (content.size() == signature.value.size() &&
                                      contains_ignoring_case(content, signature.value)))
        return "signature meta " + signature.meta + "=" + content;
    }
  }
  return std::nullopt;
}

}  // namespace castkit::html
