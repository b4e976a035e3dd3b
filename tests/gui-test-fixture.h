/* gui-test-fixture.h: the fixture shared by the GTK shell tests: a temporary
 * workspace, optionally holding two small plans built in code, and helpers
 * to show and destroy a window on it.
 */
#pragma once

#include <adwaita.h>

#include "qs-model.h"
#include "qs-window.h"

G_BEGIN_DECLS

typedef struct
{
  char        *dir;
  char        *path;
  QsWorkspace *workspace;
} Fixture;

/* gtk_test_init() in a locale every machine has, libadwaita, our resources. */
void      gui_test_init     (int           *argc,
                             char        ***argv);
void      run_pending       (void);
/* The shown top-level window of @type, or NULL. */
GtkWindow *find_toplevel    (GType          type);
QsPlan   *build_plan        (const char    *title,
                             const char    *region,
                             QsPlanLevel    level,
                             int            start_year);
void      fixture_set_up    (Fixture       *fixture,
                             gconstpointer  data);
void      fixture_tear_down (Fixture       *fixture,
                             gconstpointer  data);
QsWindow *new_window        (Fixture       *fixture);
void      destroy_window    (QsWindow      *window);

G_END_DECLS
