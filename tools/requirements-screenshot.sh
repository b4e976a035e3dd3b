#!/bin/bash
# Screenshots of the requirements editor and the indicator catalog window
# (issue 5) under Xvfb, like tools/screenshot.sh.
#
# Usage: tools/requirements-screenshot.sh OUTDIR [BUILDDIR]
#
# BUILDDIR (default _build) must have the ui and model libraries and the
# translations built (`ninja -C BUILDDIR ui/libqs-ui.a qingshan-gmo`).  A
# small driver, compiled here against those libraries, shows one state of
# a window per run (the sample municipal plan's requirements, the form,
# a group, the catalog with a user's additions …) and the screen is grabbed
# with ImageMagick's `import`.  Shots are taken in each language of
# QS_SCREENSHOT_LANGS (default "zh_CN.UTF-8") and named <lang>-NN-<what>.png.
set -euo pipefail

out=${1:?usage: tools/requirements-screenshot.sh OUTDIR [BUILDDIR]}
root=$(cd "$(dirname "$0")/.." && pwd)
build=$(cd "${2:-$root/_build}" && pwd)
langs=${QS_SCREENSHOT_LANGS:-zh_CN.UTF-8}

for tool in xvfb-run import cc pkg-config; do
  command -v "$tool" >/dev/null || { echo "requirements-screenshot.sh: $tool is missing" >&2; exit 1; }
done
[ -f "$build/ui/libqs-ui.a" ] || { echo "requirements-screenshot.sh: $build/ui/libqs-ui.a is not built" >&2; exit 1; }

mkdir -p "$out"
out=$(cd "$out" && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

cat > "$tmp/driver.c" <<'EOF'
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <locale.h>

#include "qs-catalog.h"
#include "qs-catalog-window.h"
#include "qs-requirement.h"
#include "qs-requirements-editor.h"
#include "qs-ui.h"

static GtkWidget *
find_named (GtkWidget  *root,
            const char *name)
{
  if (g_strcmp0 (gtk_widget_get_name (root), name) == 0)
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_named (child, name);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* Acts as a user would: on the window as shown, not before it is mapped. */
static void
wait_until_shown (GtkWidget *window)
{
  gint64 until;

  while (!gtk_widget_get_mapped (window))
    g_main_context_iteration (NULL, TRUE);
  until = g_get_monotonic_time () + G_USEC_PER_SEC / 2;
  while (g_get_monotonic_time () < until)
    g_main_context_iteration (NULL, FALSE);
}

static void
set_text (GtkWidget  *root,
          const char *name,
          const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (find_named (root, name)), text);
}

static guint
index_of (QsPlan     *plan,
          const char *id)
{
  GListModel *list = G_LIST_MODEL (qs_plan_get_requirements (plan));

  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(QsRequirement) r = g_list_model_get_item (list, i);

      if (g_strcmp0 (qs_requirement_get_id (r), id) == 0)
        return i;
    }
  return 0;
}

static void
requirements (const char  *step,
              QsWorkspace *workspace)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (g_getenv ("QS_SOURCE_DIR"), "resources", "samples",
                                            "municipal-2016-2020-004.qsplan", NULL);
  QsPlan *plan = qs_plan_xml_read_file (path, &error);
  g_autoptr(QsCatalog) catalog = qs_catalog_new_default (&error);
  GtkWidget *editor;

  g_assert_no_error (error);
  editor = qs_requirements_editor_new (NULL, plan, workspace, catalog);
  gtk_window_set_default_size (GTK_WINDOW (editor), 760, 880);
  gtk_window_present (GTK_WINDOW (editor));
  wait_until_shown (editor);

  if (g_str_equal (step, "list"))
    {
      adw_expander_row_set_expanded (ADW_EXPANDER_ROW (find_named (editor, "requirement:zl3-pm25-urban")), TRUE);
    }
  else if (g_str_equal (step, "form") || g_str_equal (step, "error") || g_str_equal (step, "indicator"))
    {
      gtk_widget_activate_action (editor, "requirements.add", NULL);
      set_text (editor, "indicator-search", "PM2.5");
      g_signal_emit_by_name (find_named (editor, "indicator-search"), "activate");
      set_text (editor, "figure-row", g_str_equal (step, "error") ? "abc≤" : "≤35");
      set_text (editor, "source-row", "专栏3");
      gtk_check_button_set_active (GTK_CHECK_BUTTON (find_named (editor, "district:大渡口区")), TRUE);
      if (g_str_equal (step, "error"))
        gtk_widget_activate_action (editor, "requirements.apply", NULL);
      if (g_str_equal (step, "indicator"))
        {
          GtkWidget *button = gtk_widget_get_ancestor (find_named (editor, "indicator-search"),
                                                       GTK_TYPE_POPOVER);

          gtk_popover_popup (GTK_POPOVER (button));
          set_text (editor, "indicator-search", "覆盖率");
        }
    }
  else if (g_str_equal (step, "edit"))
    {
      gtk_widget_activate_action (editor, "requirements.edit", "u", index_of (plan, "zl3-pm25-urban"));
    }
  else if (g_str_equal (step, "group"))
    {
      gtk_widget_activate_action (editor, "requirements.edit", "u", index_of (plan, "zl3-pm25-urban"));
      gtk_widget_activate_action (editor, "requirements.edit-group", NULL);
    }
  g_object_unref (plan);
}

static void
catalog (const char  *step,
         QsWorkspace *workspace)
{
  static const char extensions[] =
    "{\"format\": \"qingshan-catalog\", \"version\": 1, \"indicators\": ["
    " {\"id\": \"forest_coverage\", \"aliases\": [\"林木覆盖率\"]},"
    " {\"id\": \"soil_safe_use_rate\", \"name\": \"受污染耕地安全利用率\","
    "  \"aliases\": [\"受污染耕地安全利用率\"], \"unit\": \"%\", \"better\": \"higher\","
    "  \"field\": \"环境风险\", \"binding\": true}]}";
  g_autoptr(GError) error = NULL;
  GtkWidget *window;

  if (!qs_workspace_set_catalog_extensions (workspace, extensions, &error))
    g_error ("%s", error->message);
  window = qs_catalog_window_new (NULL, workspace);
  gtk_window_set_default_size (GTK_WINDOW (window), 1300, 820);
  gtk_window_present (GTK_WINDOW (window));
  wait_until_shown (window);

  if (g_str_equal (step, "search"))
    set_text (window, "catalog-search", "覆盖率");
  else if (g_str_equal (step, "new"))
    {
      gtk_widget_activate_action (window, "catalog.new-entry", NULL);
      set_text (window, "new-name-row", "农村生活污水治理率");
      set_text (window, "new-id-row", "Rural Sewage");
      set_text (window, "new-unit-row", "%");
      gtk_widget_activate_action (window, "catalog.create-entry", NULL);
    }
  else if (g_str_equal (step, "alias-error"))
    {
      GtkColumnView *view = GTK_COLUMN_VIEW (find_named (window, "catalog-view"));
      GListModel *model = G_LIST_MODEL (gtk_column_view_get_model (view));

      for (guint i = 0; i < g_list_model_get_n_items (model); i++)
        {
          g_autoptr(QsCatalogEntry) entry = g_list_model_get_item (model, i);

          if (g_str_equal (qs_catalog_entry_get_id (entry), "forest_coverage"))
            gtk_selection_model_select_item (GTK_SELECTION_MODEL (model), i, TRUE);
        }
      set_text (window, "alias-entry", "森林蓄积量");
      gtk_widget_activate_action (window, "catalog.add-alias", NULL);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("qs-shot-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "workspace.qsdb", NULL);
  g_autoptr(QsWorkspace) workspace = NULL;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("QS_LOCALEDIR"));
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  gtk_init ();
  adw_init ();
  qs_ui_init ();

  workspace = qs_workspace_open (path, TRUE, &error);
  g_assert_no_error (error);
  if (g_str_equal (argv[1], "requirements"))
    requirements (argv[2], workspace);
  else
    catalog (argv[2], workspace);

  /* Tell the session the state is on screen (after transitions end). */
  {
    gint64 until = g_get_monotonic_time () + G_USEC_PER_SEC;

    while (g_get_monotonic_time () < until)
      g_main_context_iteration (NULL, FALSE);
    g_file_set_contents (g_getenv ("QS_READY"), "", 0, NULL);
  }
  for (;;)
    g_main_context_iteration (NULL, TRUE);
  return 0;
}
EOF

libs=$(find "$build/ui" "$build/model" -name 'libqs-*.a' | tr '\n' ' ')
# shellcheck disable=SC2086
cc -o "$tmp/driver" "$tmp/driver.c" -I"$build" -I"$root/model" -I"$root/ui" \
  $(pkg-config --cflags gtk4 libadwaita-1 json-glib-1.0) \
  -Wl,--start-group $libs -Wl,--end-group \
  $(pkg-config --libs gtk4 libadwaita-1 json-glib-1.0 libxml-2.0 sqlite3 pangocairo) -lm

cat > "$tmp/session.sh" <<'EOF'
#!/bin/bash
set -euo pipefail
n=0
while read -r window step; do
  n=$((n + 1))
  rm -f "$QS_READY"
  "$QS_DRIVER" "$window" "$step" &
  pid=$!
  for _ in $(seq 1 150); do
    [ -e "$QS_READY" ] && break
    sleep 0.2
  done
  sleep 0.5
  import -window root "$QS_SHOT_DIR/$QS_SHOT_PREFIX-$(printf %02d $n)-$window-$step.png"
  kill "$pid"
  wait "$pid" 2>/dev/null || true
done <<'STEPS'
requirements list
requirements form
requirements indicator
requirements error
requirements group
catalog all
catalog search
catalog new
catalog alias-error
STEPS
EOF
chmod +x "$tmp/session.sh"

for lang in $langs; do
  prefix=$(echo "${lang%%.*}" | tr '[:upper:]_' '[:lower:]-')
  [ "$prefix" = c ] && prefix=en
  env -u WAYLAND_DISPLAY -u DISPLAY \
    LANG="$lang" LC_ALL="$lang" LANGUAGE= \
    GSETTINGS_BACKEND=memory GSETTINGS_SCHEMA_DIR="$build/resources" \
    QS_LOCALEDIR="$build/po" QS_SOURCE_DIR="$root" GDK_BACKEND=x11 GSK_RENDERER=cairo \
    GTK_A11Y=none NO_AT_BRIDGE=1 ADW_DISABLE_PORTAL=1 \
    TMPDIR="$tmp" QS_READY="$tmp/ready" QS_DRIVER="$tmp/driver" QS_SHOT_DIR="$out" QS_SHOT_PREFIX="$prefix" \
    xvfb-run -a -s "-screen 0 1400x900x24" "$tmp/session.sh"
done

ls -1 "$out"/*.png
