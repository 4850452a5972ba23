/* docx_xml.h — (private to the DOCX reader) the few libxml2 reader calls every part of a
 * Word document is read with. Elements are matched by local name in WordprocessingML's
 * namespace (transitional or strict), whatever prefix the file uses. */
#ifndef GONGFU_DOCX_XML_H
#define GONGFU_DOCX_XML_H

#include <stddef.h>
#include <libxml/xmlreader.h>

/* A reader over a part, with no network, no DTD and no entity expansion; NULL if out of
 * memory. */
xmlTextReaderPtr docx_xml_open(const char *buf, size_t n);
/* xmlTextReaderRead: 1 node read, 0 at the end, -1 for XML that is not well formed. */
int docx_xml_next(xmlTextReaderPtr r);
/* Is the current node in the WordprocessingML namespace? */
int docx_xml_is_w(xmlTextReaderPtr r);
/* The attribute of the current element with this local name, any namespace; malloc'd or
 * NULL. */
char *docx_xml_attr(xmlTextReaderPtr r, const char *local);
/* The same as an integer, or dflt when absent or not a number. */
int docx_xml_int(xmlTextReaderPtr r, const char *local, int dflt);

#endif
