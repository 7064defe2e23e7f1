#ifndef TENET_CLIBXML2_SHIM_H
#define TENET_CLIBXML2_SHIM_H
#include <libxml/xmlversion.h>
/* Debian's libxml2 is built with ICU, so encoding.h would pull in the system's <unicode/ucnv.h>.
 * Swift's Foundation carries its own ICU headers, and Clang refuses a module graph that holds both
 * definitions of UErrorCode: every target that imports Foundation next to TenetXML would fail to
 * build. Hiding ICU only drops the two trailing uconv pointers from xmlCharEncodingHandler, which
 * Swift never allocates or reads. */
#undef LIBXML_ICU_ENABLED
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlreader.h>
#include <libxml/xmlwriter.h>
#include <libxml/xmlschemas.h>

/* libxml2 exposes xmlFree as a global function pointer, which Swift imports awkwardly. */
static inline void tenet_xml_free(void *pointer) { xmlFree(pointer); }
#endif
