/* qs-plan-json.h: the machine-readable JSON export (see README). */
#pragma once

#include <json-glib/json-glib.h>
#include "qs-plan.h"

G_BEGIN_DECLS

JsonNode *qs_plan_to_json      (QsPlan *plan);
/* Pretty-printed UTF-8 JSON text, with a trailing newline. */
char     *qs_plan_to_json_data (QsPlan *plan,
                                gsize  *length);

G_END_DECLS
