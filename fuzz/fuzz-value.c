/* fuzz-value.c: the value grammar must read any bytes without harm. */
#include "config.h"

#include <stdint.h>
#include <string.h>

#include "qs-model.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autofree char *text = g_strndup ((const char *) data, size);
  g_autoptr(QsValue) value = qs_value_parse (text);
  g_autoptr(QsValue) copy = qs_value_copy (value);
  g_autofree char *description = qs_value_describe (value);

  /* The text as written always survives, whatever the reading. */
  g_assert (strcmp (value->text, text) == 0);
  g_assert (strcmp (copy->text, text) == 0);
  g_assert (qs_value_kind_to_string (value->kind) != NULL);
  g_assert (description != NULL);
  return 0;
}
