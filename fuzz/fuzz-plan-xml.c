/* fuzz-plan-xml.c: the .qsplan reader must refuse or read any bytes safely;
 * whatever it reads must write back and read again to an equal plan. */
#include "config.h"

#include <stdint.h>

#include "qs-model.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

static void
quiet_log (const char     *domain,
           GLogLevelFlags  level,
           const char     *message,
           gpointer        user_data)
{
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  static gboolean initialised;
  g_autoptr(GError) error = NULL;
  g_autoptr(QsPlan) plan = NULL;

  if (!initialised)
    {
      g_log_set_default_handler (quiet_log, NULL);
      initialised = TRUE;
    }

  plan = qs_plan_xml_read_data ((const char *) data, size, "fuzz.qsplan", &error);
  if (plan == NULL)
    {
      g_assert (error != NULL);
      return 0;
    }

  {
    gsize length = 0;
    g_autofree char *xml = qs_plan_xml_write_data (plan, &length);
    g_autoptr(QsPlan) again = NULL;
    g_autoptr(GError) error2 = NULL;

    if (xml == NULL)
      return 0;   /* a plan the writer refuses (e.g. control characters) */
    again = qs_plan_xml_read_data (xml, length, "rewritten.qsplan", &error2);
    g_assert (again != NULL);
    g_assert (qs_plan_equal (plan, again, NULL));
  }
  return 0;
}
