/* main.c: starts the Qingshan application. */
#define G_LOG_DOMAIN "qingshan"

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <stdlib.h>

#include "qs-application.h"
#include "qs-ui.h"

/* TRUE when this binary is the one in the build tree, not an installed copy. */
static gboolean
running_uninstalled (void)
{
#ifdef QS_BUILD_ROOT
  g_autofree char *exe = g_file_read_link ("/proc/self/exe", NULL);
  g_autofree char *exe_real = NULL;
  g_autofree char *root_real = NULL;
  g_autofree char *root_prefix = NULL;

  if (exe == NULL)
    return FALSE;
  exe_real = realpath (exe, NULL);
  root_real = realpath (QS_BUILD_ROOT, NULL);
  if (exe_real == NULL || root_real == NULL)
    return FALSE;
  root_prefix = g_strconcat (root_real, G_DIR_SEPARATOR_S, NULL);
  return g_str_has_prefix (exe_real, root_prefix);
#else
  return FALSE;
#endif
}

/* An uninstalled build finds its translations and settings schema in the
 * build tree (`meson devenv` sets the same variables). */
static void
setup_uninstalled_environment (void)
{
#ifdef QS_BUILD_ROOT
  if (!running_uninstalled ())
    return;
  if (g_getenv ("QS_LOCALEDIR") == NULL)
    g_setenv ("QS_LOCALEDIR", QS_BUILD_ROOT G_DIR_SEPARATOR_S "po", TRUE);
  if (g_getenv ("GSETTINGS_SCHEMA_DIR") == NULL)
    g_setenv ("GSETTINGS_SCHEMA_DIR", QS_BUILD_ROOT G_DIR_SEPARATOR_S "resources", TRUE);
#endif
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(QsApplication) app = NULL;
  const char *localedir;

  setup_uninstalled_environment ();

  localedir = g_getenv ("QS_LOCALEDIR");
  if (localedir == NULL || localedir[0] == '\0')
    localedir = LOCALEDIR;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  g_set_application_name (_("Qingshan"));
  qs_ui_init ();

  app = qs_application_new ();
  return g_application_run (G_APPLICATION (app), argc, argv);
}
