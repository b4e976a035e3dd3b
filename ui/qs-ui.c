/* qs-ui.c: set-up shared by the application and the widget tests. */
#define G_LOG_DOMAIN "qs-ui"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "qingshan-resources.h"
#include "qingshan-samples.h"
#include "qs-ui.h"

void
qs_ui_init (void)
{
  static gsize initialized = 0;

  if (g_once_init_enter (&initialized))
    {
      qs_register_resource ();
      qs_samples_register_resource ();
      g_once_init_leave (&initialized, 1);
    }
}

GSettings *
qs_ui_settings_new (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APP_ID, TRUE);
  if (schema == NULL)
    {
      g_message ("The settings schema %s is not installed; preferences will not be kept", APP_ID);
      return NULL;
    }
  return g_settings_new_full (schema, NULL, NULL);
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return g_strcmp0 (*(const char * const *)a, *(const char * const *)b);
}

GStrv
qs_ui_list_samples (void)
{
  g_auto(GStrv) children = NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new ();

  children = g_resources_enumerate_children (QS_SAMPLES_RESOURCE_PATH,
                                             G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
  for (guint i = 0; children != NULL && children[i] != NULL; i++)
    if (g_str_has_suffix (children[i], ".qsplan"))
      g_ptr_array_add (names, g_strdup (children[i]));
  g_ptr_array_sort (names, compare_strings);
  g_ptr_array_add (names, NULL);
  return (GStrv)g_ptr_array_free (g_steal_pointer (&names), FALSE);
}

guint
qs_ui_add_sample_plans (QsWorkspace  *workspace,
                        GError      **error)
{
  g_auto(GStrv) names = qs_ui_list_samples ();
  g_autoptr(GError) first_error = NULL;
  guint added = 0;

  g_return_val_if_fail (QS_IS_WORKSPACE (workspace), 0);

  for (guint i = 0; names[i] != NULL; i++)
    {
      g_autofree char *path = g_strconcat (QS_SAMPLES_RESOURCE_PATH, names[i], NULL);
      g_autoptr(GBytes) bytes = NULL;
      g_autoptr(QsPlan) plan = NULL;
      g_autoptr(GError) local_error = NULL;
      gsize length = 0;
      const char *data;

      bytes = g_resources_lookup_data (path, G_RESOURCE_LOOKUP_FLAGS_NONE, &local_error);
      if (bytes != NULL)
        {
          data = g_bytes_get_data (bytes, &length);
          plan = qs_plan_xml_read_data (data, length, names[i], &local_error);
        }
      if (plan != NULL && qs_workspace_add_plan (workspace, plan, &local_error) > 0)
        {
          added++;
          continue;
        }

      g_warning ("Sample plan %s was not added: %s", names[i], local_error->message);
      if (first_error == NULL)
        first_error = g_steal_pointer (&local_error);
    }

  if (first_error != NULL)
    g_propagate_error (error, g_steal_pointer (&first_error));
  return added;
}
