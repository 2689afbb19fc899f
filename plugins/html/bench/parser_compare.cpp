// Measures the two HTML parser candidates (gumbo, libxml2's HTML parser) on the same pages:
// parse alone, and parse + copy into pugixml, median of N runs; prints element counts and what
// an XPath query finds in each tree, so correctness differences show. Built on demand:
//   cmake --build BUILD --target castkit_html_parser_compare
//   BUILD/plugins/html/castkit_html_parser_compare 20 page.html...
#include <algorithm>
#include <cctype>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include <gumbo.h>
#include <libxml/HTMLparser.h>
#include <pugixml.hpp>

#include "castkit/plugin.hpp"
#include "html_document.hpp"
#include "html_importer.hpp"

namespace {

using Clock = std::chrono::steady_clock;

void gumbo_to_pugi(const GumboNode* root, pugi::xml_node into) {
  struct Frame {
    const GumboNode* node;
    pugi::xml_node parent;
  };
  std::vector<Frame> stack{{root, into}};
  while (!stack.empty()) {
    Frame frame = stack.back();
    stack.pop_back();
    const GumboNode* node = frame.node;
    if (node->type == GUMBO_NODE_ELEMENT) {
      const GumboElement& e = node->v.element;
      std::string name;
      if (e.tag == GUMBO_TAG_UNKNOWN) {
        GumboStringPiece original = e.original_tag;
        gumbo_tag_from_original_text(&original);
        name.assign(original.data, original.length);
        for (char& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      } else {
        name = gumbo_normalized_tagname(e.tag);
      }
      pugi::xml_node element = frame.parent.append_child(name.c_str());
      for (unsigned i = 0; i < e.attributes.length; ++i) {
        auto* a = static_cast<const GumboAttribute*>(e.attributes.data[i]);
        element.append_attribute(a->name).set_value(a->value);
      }
      for (unsigned i = e.children.length; i-- > 0;)
        stack.push_back({static_cast<const GumboNode*>(e.children.data[i]), element});
    } else if (node->type == GUMBO_NODE_TEXT || node->type == GUMBO_NODE_WHITESPACE ||
               node->type == GUMBO_NODE_CDATA) {
      frame.parent.append_child(pugi::node_pcdata).set_value(node->v.text.text);
    }
  }
}

double median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  return v[v.size() / 2];
}

template <class F>
double time_ms(int runs, F&& f) {
  std::vector<double> samples;
  for (int i = 0; i < runs; ++i) {
    auto t0 = Clock::now();
    f();
    samples.push_back(std::chrono::duration<double, std::milli>(Clock::now() - t0).count());
  }
  return median(samples);
}

std::size_t count(const pugi::xml_document& doc, const char* xpath) {
  return doc.select_nodes(xpath).size();
}

/// A host that fetches nothing (the comparison reads pages only).
class OfflineHost final : public castkit::Host {
 public:
  void report(const castkit::Diagnostic&) override {}
  void log(castkit::LogLevel, std::string_view) override {}
  castkit::FetchResponse fetch(const castkit::FetchRequest& r) override {
    throw castkit::Error(castkit::ErrorKind::io,
                         {castkit::Severity::error, r.url, 0, 0, "offline"});
  }
  std::vector<castkit::FetchResponse> fetch_all(
      const std::vector<castkit::FetchRequest>&) override {
    return {};
  }
};

/// What the scraper reads from `doc` (profile or generic chain), or the error it gives.
castkit::Show extract(const pugi::xml_document& doc, const std::string& name, std::string& error) {
  OfflineHost host;
  castkit::ConfigNode options;
  options.kind = castkit::ConfigNode::Kind::mapping;
  castkit::Context context{host, castkit::ConfigView(&options), castkit::ConfigView()};
  castkit::Input input;
  input.name = name;
  castkit::Show show;
  try {
    castkit::html::read_page(doc, input, show, context);
  } catch (const castkit::Error& e) {
    error = e.what();
  }
  return show;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 3) {
    std::fprintf(stderr, "usage: %s RUNS PAGE.html...\n", argv[0]);
    return 2;
  }
  const int runs = std::atoi(argv[1]);
  std::printf(
      "| page | bytes | libxml2 parse | libxml2+pugixml | gumbo parse | gumbo+pugixml | elements "
      "libxml2/gumbo | //p libxml2/gumbo | same episode "
      "|\n|---|---|---|---|---|---|---|---|---|\n");
  for (int i = 2; i < argc; ++i) {
    std::ifstream in(argv[i], std::ios::binary);
    const std::string bytes{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
    const int options = HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
                        HTML_PARSE_NONET | HTML_PARSE_COMPACT;
    const double xml_parse = time_ms(runs, [&] {
      xmlFreeDoc(
          htmlReadMemory(bytes.data(), static_cast<int>(bytes.size()), "", "UTF-8", options));
    });
    castkit::html::HtmlPage xml_page;
    const double xml_full =
        time_ms(runs, [&] { castkit::html::parse_page(bytes, "", argv[i], {}, xml_page); });
    const double gumbo_parse = time_ms(runs, [&] {
      GumboOutput* out =
          gumbo_parse_with_options(&kGumboDefaultOptions, bytes.data(), bytes.size());
      gumbo_destroy_output(&kGumboDefaultOptions, out);
    });
    pugi::xml_document gumbo_doc;
    const double gumbo_full = time_ms(runs, [&] {
      GumboOutput* out =
          gumbo_parse_with_options(&kGumboDefaultOptions, bytes.data(), bytes.size());
      gumbo_doc.reset();
      gumbo_to_pugi(out->root, gumbo_doc);
      gumbo_destroy_output(&kGumboDefaultOptions, out);
    });
    std::string name = argv[i];
    name = name.substr(name.rfind('/') + 1);
    std::string xml_error, gumbo_error;
    const castkit::Show from_xml = extract(xml_page.document, name, xml_error);
    const castkit::Show from_gumbo = extract(gumbo_doc, name, gumbo_error);
    const bool same = from_xml == from_gumbo && xml_error == gumbo_error;
    std::printf("| %s | %zu | %.1f ms | %.1f ms | %.1f ms | %.1f ms | %zu/%zu | %zu/%zu | %s |\n",
                name.c_str(), bytes.size(), xml_parse, xml_full, gumbo_parse, gumbo_full,
                count(xml_page.document, "//*"), count(gumbo_doc, "//*"),
                count(xml_page.document, "//p"), count(gumbo_doc, "//p"), same ? "yes" : "NO");
  }
}
