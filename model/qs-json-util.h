/* qs-json-util.h: small helpers the JSON writers of the model share. */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* Sets @member to @value, or to null when @value is NULL. */
void qs_json_add_string_or_null (JsonBuilder *builder,
                                 const char  *member,
                                 const char  *value);
/* Sets @member to @index, or to null when it is negative (none). */
void qs_json_add_index_or_null  (JsonBuilder *builder,
                                 const char  *member,
                                 int          index);

G_END_DECLS
