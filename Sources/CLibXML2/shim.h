#ifndef TENET_CLIBXML2_SHIM_H
#define TENET_CLIBXML2_SHIM_H
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlreader.h>
#include <libxml/xmlwriter.h>
#include <libxml/xmlschemas.h>

/* libxml2 exposes xmlFree as a global function pointer, which Swift imports awkwardly. */
static inline void tenet_xml_free(void *pointer) { xmlFree(pointer); }
#endif
