// Debian's libxml2 is built with ICU; its headers would then include the system ICU headers,
// which clash with the ICU that Foundation bundles. The tests use no ICU encoder, so the
// declarations are left out.
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED
#include <libxml/HTMLparser.h>
#include <libxml/xmlerror.h>
#include <libxml/tree.h>
