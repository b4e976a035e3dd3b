/* qs-json-util.c: small helpers the JSON writers of the model share. */
#include "config.h"

#include "qs-json-util.h"

void
qs_json_add_string_or_null (JsonBuilder *builder,
                            const char  *member,
                            const char  *value)
{
  json_builder_set_member_name (builder, member);
  if (value != NULL)
    json_builder_add_string_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

void
qs_json_add_index_or_null (JsonBuilder *builder,
                           const char  *member,
                           int          index)
{
  json_builder_set_member_name (builder, member);
  if (index >= 0)
    json_builder_add_int_value (builder, index);
  else
    json_builder_add_null_value (builder);
}
