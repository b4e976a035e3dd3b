/* bench-import.c: import time and peak memory per sample plan.
 *
 *   bench-import [-n ROUNDS] [FILE.txt…]
 *
 * Without files it imports every seed in $QS_SHARED_DIR/seeds.  Prints one
 * line per file: size, median and fastest import time, and the process's
 * peak resident memory after that file (VmHWM, else getrusage ru_maxrss).
 * Files are run smallest first, so each peak is that file's or a smaller
 * one's. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>

#include <glib/gstdio.h>

#include "qs-model.h"

static int
compare_double (gconstpointer a,
                gconstpointer b)
{
  double x = *(const double *) a;
  double y = *(const double *) b;

  return x < y ? -1 : x > y ? 1 : 0;
}

static int
compare_size (gconstpointer a,
              gconstpointer b)
{
  GStatBuf sa;
  GStatBuf sb;

  if (g_stat (*(const char * const *) a, &sa) != 0 || g_stat (*(const char * const *) b, &sb) != 0)
    return 0;
  return sa.st_size < sb.st_size ? -1 : sa.st_size > sb.st_size ? 1 : 0;
}

/* The peak resident memory.  getrusage's ru_maxrss survives exec, so under
 * a test runner it shows the runner's own peak; Linux's VmHWM belongs to
 * this program alone, and is used when there is one. */
static long
peak_rss_kib (void)
{
  g_autofree char *status = NULL;
  struct rusage usage;

  if (g_file_get_contents ("/proc/self/status", &status, NULL, NULL))
    {
      const char *hwm = strstr (status, "VmHWM:");

      if (hwm != NULL)
        return (long) g_ascii_strtoll (hwm + strlen ("VmHWM:"), NULL, 10);
    }
  if (getrusage (RUSAGE_SELF, &usage) != 0)
    return -1;
  return usage.ru_maxrss;   /* KiB on Linux */
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GOptionContext) context = g_option_context_new ("[FILE.txt…] — time the importer");
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) rest = NULL;
  int rounds = 50;
  const GOptionEntry entries[] = {
    { "rounds", 'n', 0, G_OPTION_ARG_INT, &rounds, "Imports per file (default 50)", "N" },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &rest, NULL, NULL },
    { NULL }
  };

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      fprintf (stderr, "bench-import: %s\n", error->message);
      return 2;
    }
  rounds = CLAMP (rounds, 1, 10000);

  if (rest != NULL)
    for (guint i = 0; rest[i] != NULL; i++)
      g_ptr_array_add (files, g_strdup (rest[i]));
  else
    {
      const char *shared = g_getenv ("QS_SHARED_DIR");
      g_autofree char *seeds = shared ? g_build_filename (shared, "seeds", NULL) : NULL;
      g_autoptr(GDir) dir = seeds ? g_dir_open (seeds, 0, NULL) : NULL;
      const char *name;

      if (dir == NULL)
        {
          printf ("bench-import: no sample plans (QS_SHARED_DIR/seeds is absent); nothing to time\n");
          return 0;
        }
      while ((name = g_dir_read_name (dir)) != NULL)
        if (g_str_has_suffix (name, ".txt"))
          g_ptr_array_add (files, g_build_filename (seeds, name, NULL));
    }
  g_ptr_array_sort (files, compare_size);

  printf ("%-28s %9s %10s %10s %12s\n", "file", "size KiB", "median ms", "best ms", "peak RSS MiB");
  for (guint f = 0; f < files->len; f++)
    {
      const char *path = g_ptr_array_index (files, f);
      g_autofree char *data = NULL;
      g_autofree char *base = g_path_get_basename (path);
      g_autofree double *times = g_new0 (double, rounds);
      gsize length = 0;

      if (!g_file_get_contents (path, &data, &length, &error))
        {
          fprintf (stderr, "bench-import: %s\n", error->message);
          return 1;
        }
      for (int r = 0; r < rounds; r++)
        {
          gint64 start = g_get_monotonic_time ();
          g_autoptr(QsImportReport) report = NULL;
          g_autoptr(QsPlan) plan = qs_import_text_data (data, length, base, &report, &error);

          times[r] = (g_get_monotonic_time () - start) / 1000.0;
          if (plan == NULL)
            {
              fprintf (stderr, "bench-import: %s\n", error->message);
              return 1;
            }
        }
      qsort (times, rounds, sizeof (double), (int (*) (const void *, const void *)) compare_double);
      printf ("%-28s %9.1f %10.2f %10.2f %12.1f\n", base, length / 1024.0,
              times[rounds / 2], times[0], peak_rss_kib () / 1024.0);
    }
  return 0;
}
