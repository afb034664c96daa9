/* cl-bundle-reader.c — placeholder until the reader lands */
#define G_LOG_DOMAIN "cl-bundle-reader"

#include "cl-bundle-reader.h"

G_DEFINE_QUARK (cl-bundle-error-quark, cl_bundle_error)

ClCaseload *
cl_bundle_read_node (JsonNode  *root,
                     GError   **error)
{
  g_set_error (error, CL_BUNDLE_ERROR, CL_BUNDLE_ERROR_INVALID, "not implemented yet");
  return NULL;
}

ClCaseload *
cl_bundle_read_data (const char  *data,
                     gssize       length,
                     GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();

  if (!json_parser_load_from_data (parser, data, length, error))
    return NULL;
  return cl_bundle_read_node (json_parser_get_root (parser), error);
}
