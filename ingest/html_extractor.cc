#include "ingest/html_extractor.h"

#include <libxml/HTMLparser.h>
#include <libxml/tree.h>

#include <cstring>

namespace storyfuse {
namespace {

void CollectParagraphs(xmlNode* node, std::string* out) {
  for (xmlNode* n = node; n != nullptr; n = n->next) {
    if (n->type == XML_ELEMENT_NODE && std::strcmp(reinterpret_cast<const char*>(n->name), "p") == 0) {
      xmlChar* content = xmlNodeGetContent(n);
      if (content != nullptr) {
        if (!out->empty()) out->append("\n\n");
        out->append(reinterpret_cast<const char*>(content));
        xmlFree(content);
      }
      continue;
    }
    CollectParagraphs(n->children, out);
  }
}

}  // namespace

// First version: every <p> in document order.
Status HtmlExtractor::Extract(Article* article) {
  htmlDocPtr doc = htmlReadMemory(article->input.data(), static_cast<int>(article->input.size()),
                                  nullptr, "UTF-8",
                                  HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
                                      HTML_PARSE_NONET);
  if (doc == nullptr) return Status::InvalidArgument("cannot parse HTML");
  CollectParagraphs(xmlDocGetRootElement(doc), &article->text);
  xmlFreeDoc(doc);
  if (article->text.empty()) return Status::InvalidArgument("no article text in HTML");
  return Status::Ok();
}

}  // namespace storyfuse
