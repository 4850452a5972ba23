/* docx_xml.c — reading the XML parts of a Word document. */
#include <stdlib.h>
#include <string.h>
#include "docx_xml.h"

xmlTextReaderPtr docx_xml_open(const char *buf, size_t n)
{
    if (n > (size_t)0x7FFFFFFF)
        return NULL;
    return xmlReaderForMemory(buf, (int)n, NULL, "UTF-8", XML_PARSE_NONET | XML_PARSE_NOERROR |
                                                             XML_PARSE_NOWARNING);
}

int docx_xml_next(xmlTextReaderPtr r)
{
    return xmlTextReaderRead(r);
}

int docx_xml_is_w(xmlTextReaderPtr r)
{
    const char *ns = (const char *)xmlTextReaderConstNamespaceUri(r);
    if (!ns)
        return 0;
    size_t n = strlen(ns);
    static const char *const tails[] = {"wordprocessingml/2006/main", "wordprocessingml/main"};
    for (size_t i = 0; i < 2; i++) {
        size_t k = strlen(tails[i]);
        if (n >= k && !strcmp(ns + n - k, tails[i]))
            return 1;
    }
    return 0;
}

char *docx_xml_attr(xmlTextReaderPtr r, const char *local)
{
    char *out = NULL;
    if (xmlTextReaderMoveToFirstAttribute(r) != 1)
        return NULL;
    do {
        const char *name = (const char *)xmlTextReaderConstLocalName(r);
        if (name && !strcmp(name, local)) {
            const char *v = (const char *)xmlTextReaderConstValue(r);
            out = strdup(v ? v : "");
            break;
        }
    } while (xmlTextReaderMoveToNextAttribute(r) == 1);
    xmlTextReaderMoveToElement(r);
    return out;
}

int docx_xml_int(xmlTextReaderPtr r, const char *local, int dflt)
{
    char *v = docx_xml_attr(r, local), *end;
    long k = v ? strtol(v, &end, 10) : 0;
    int ok = v && end != v && k > -1000000 && k < 1000000;
    free(v);
    return ok ? (int)k : dflt;
}
