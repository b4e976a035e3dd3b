/* fuzz-import.c: the text importer must survive any input: either a plan
 * (which then serialises and reads back) or a GError, never a crash. */
#include "config.h"

#include <stdint.h>

#include "qs-model.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(QsImportReport) report = NULL;
  g_autoptr(QsPlan) plan = qs_import_text_data ((const char *) data, size, "fuzz.txt", &report, &error);

  if (plan == NULL)
    {
      g_assert (error != NULL);
      return 0;
    }
  g_assert (error == NULL);
  {
    g_autofree char *text = qs_import_report_to_text (report);
    g_autofree char *json = qs_plan_to_json_data (plan, NULL);

    g_assert (text != NULL && json != NULL);
  }
  return 0;
}
