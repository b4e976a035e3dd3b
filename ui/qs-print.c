/* qs-print.c: printing a plan and Export PDF…, through the paginator.
 *
 * The print dialog is GTK's own (printers, Print to File, preview, page
 * setup) with a "Content" tab of ours for what to print; begin-print lays
 * the pages out on the chosen paper, request-page-setup turns the pages of
 * wide tables, draw-page draws one page.  Export PDF… asks the same
 * questions in a small window, then for a file, and writes the PDF with the
 * paginator directly (metadata, bookmarks, cut-down fonts). */
#define G_LOG_DOMAIN "qs-print"

#include "config.h"

#include <string.h>

#include <fontconfig/fontconfig.h>
#include <glib/gi18n-lib.h>
#include <adwaita.h>

#include "qs-chart-print.h"
#include "qs-display.h"
#include "qs-plan-check.h"
#include "qs-print.h"
#include "qs-ui.h"

/* The last print settings and page setup, for the next print of the session. */
static GtkPrintSettings *last_settings;
static GtkPageSetup *last_page_setup;

typedef struct
{
  QsPlan         *plan;
  QsWorkspace    *workspace;
  GObject        *shown_table;
  QsPrintOptions  options;
  char           *font_family;
  QsPaginator    *paginator;
  gboolean        has_municipal;

  /* The "Content" tab of the print dialog, or the export window. */
  GtkWidget      *scope_choice;      /* GtkDropDown or AdwComboRow */
  GtkWidget      *orientation_choice;
  GtkWidget      *status_check;      /* GtkCheckButton or GtkSwitch */
  AdwComboRow    *font_row;
  GtkWidget      *window;
  GtkWindow      *parent;
  GStrv           families;
} PrintJob;

static void
print_job_free (PrintJob *job)
{
  g_clear_object (&job->plan);
  g_clear_object (&job->workspace);
  g_clear_object (&job->shown_table);
  g_clear_object (&job->options.table);
  g_clear_object (&job->paginator);
  g_clear_object (&job->parent);
  g_free (job->font_family);
  g_strfreev (job->families);
  g_free (job);
}

static PrintJob *
print_job_new (GtkWindow   *parent,
               QsPlan      *plan,
               QsWorkspace *workspace,
               GObject     *shown_table)
{
  PrintJob *job = g_new0 (PrintJob, 1);

  job->plan = g_object_ref (plan);
  job->workspace = workspace != NULL ? g_object_ref (workspace) : NULL;
  job->shown_table = shown_table != NULL ? g_object_ref (shown_table) : NULL;
  job->parent = parent != NULL ? g_object_ref (parent) : NULL;
  qs_print_options_init (&job->options);
  /* With a table on screen, that table is what one most likely prints. */
  if (shown_table != NULL)
    {
      job->options.scope = QS_PRINT_SCOPE_TABLE;
      job->options.table = g_object_ref (shown_table);
    }
  if (workspace != NULL)
    {
      g_autoptr(QsPlan) municipal = qs_plan_check_find_municipal (plan, workspace, NULL);

      job->has_municipal = municipal != NULL;
    }
  return job;
}

/* Options */

void
qs_print_options_init (QsPrintOptions *options)
{
  g_return_if_fail (options != NULL);

  options->scope = QS_PRINT_SCOPE_PLAN;
  options->table = NULL;
  options->orientation = QS_PAGE_ORIENTATION_AUTO;
  options->status_column = FALSE;
  options->font_family = NULL;
  options->font_size = 0;
}

QsPaginator *
qs_print_create_paginator (QsPlan                *plan,
                           QsWorkspace           *workspace,
                           const QsPrintOptions  *options,
                           GError               **error)
{
  g_autoptr(QsPaginator) paginator = NULL;
  g_autoptr(GSettings) settings = NULL;
  g_autofree char *family = NULL;
  QsPrintOptions defaults;
  double size;

  g_return_val_if_fail (QS_IS_PLAN (plan), NULL);
  g_return_val_if_fail (workspace == NULL || QS_IS_WORKSPACE (workspace), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (options == NULL)
    {
      qs_print_options_init (&defaults);
      options = &defaults;
    }
  g_return_val_if_fail (options->scope != QS_PRINT_SCOPE_TABLE || options->table != NULL, NULL);

  paginator = qs_paginator_new (plan);
  switch (options->scope)
    {
    case QS_PRINT_SCOPE_INDICATOR_TABLES:
      qs_paginator_set_content (paginator, QS_PAGINATOR_CONTENT_INDICATOR_TABLES);
      break;
    case QS_PRINT_SCOPE_TABLE:
      qs_paginator_set_content (paginator, QS_PAGINATOR_CONTENT_ALL_TABLES);
      qs_paginator_set_table (paginator, options->table);
      break;
    case QS_PRINT_SCOPE_PLAN:
    default:
      qs_paginator_set_content (paginator, QS_PAGINATOR_CONTENT_PLAN);
      {
        g_autoptr(QsCatalog) catalog = qs_plan_check_load_catalog (workspace, NULL);

        if (catalog != NULL)
          qs_chart_print_install (paginator, plan, catalog);
      }
      break;
    }
  qs_paginator_set_orientation (paginator, options->orientation);

  family = g_strdup (options->font_family);
  size = options->font_size;
  if (family == NULL || size <= 0)
    settings = qs_ui_settings_new ();
  if (settings != NULL)
    {
      if (family == NULL)
        family = g_settings_get_string (settings, "print-font-family");
      if (size <= 0)
        size = g_settings_get_double (settings, "print-font-size");
    }
  qs_paginator_set_font (paginator, family, size);

  if (options->status_column)
    {
      g_autoptr(QsCheck) check = qs_plan_check_run (plan, workspace, NULL, error);

      if (check == NULL)
        return NULL;
      qs_paginator_set_check (paginator, check);
    }
  return g_steal_pointer (&paginator);
}

gboolean
qs_print_write_pdf (QsPlan                *plan,
                    QsWorkspace           *workspace,
                    const QsPrintOptions  *options,
                    const char            *path,
                    GError               **error)
{
  g_autoptr(QsPaginator) paginator = NULL;

  g_return_val_if_fail (QS_IS_PLAN (plan), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  paginator = qs_print_create_paginator (plan, workspace, options, error);
  if (paginator == NULL)
    return FALSE;
  return qs_paginator_export_pdf (paginator, path, error);
}

/* Fonts */

static gboolean
family_is_serif (const char *family)
{
  static const char *marks[] = { "Serif", "Song", "Ming", "Fangsong", "FangSong", "Kai", "宋", "明", "楷", NULL };

  for (guint i = 0; marks[i] != NULL; i++)
    if (strstr (family, marks[i]) != NULL)
      return TRUE;
  return FALSE;
}

static int
compare_families (gconstpointer a,
                  gconstpointer b)
{
  const char *x = *(const char * const *) a;
  const char *y = *(const char * const *) b;
  gboolean sx = family_is_serif (x), sy = family_is_serif (y);

  if (sx != sy)
    return sx ? -1 : 1;
  return g_utf8_collate (x, y);
}

GStrv
qs_print_list_cjk_families (void)
{
  FcPattern *pattern = FcPatternCreate ();
  FcLangSet *langs = FcLangSetCreate ();
  FcObjectSet *objects = FcObjectSetBuild (FC_FAMILY, NULL);
  FcFontSet *fonts;
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  GPtrArray *families = g_ptr_array_new ();

  FcLangSetAdd (langs, (const FcChar8 *) "zh-cn");
  FcPatternAddLangSet (pattern, FC_LANG, langs);
  fonts = FcFontList (NULL, pattern, objects);
  for (int i = 0; fonts != NULL && i < fonts->nfont; i++)
    {
      FcChar8 *family = NULL;

      /* The first name is the family's own (English) name. */
      if (FcPatternGetString (fonts->fonts[i], FC_FAMILY, 0, &family) != FcResultMatch ||
          !g_utf8_validate ((const char *) family, -1, NULL) ||
          g_hash_table_contains (seen, family))
        continue;
      g_hash_table_add (seen, family);
      g_ptr_array_add (families, g_strdup ((const char *) family));
    }
  g_ptr_array_sort (families, compare_families);
  g_ptr_array_add (families, NULL);
  if (fonts != NULL)
    FcFontSetDestroy (fonts);
  FcObjectSetDestroy (objects);
  FcLangSetDestroy (langs);
  FcPatternDestroy (pattern);
  return (GStrv) g_ptr_array_free (families, FALSE);
}

/* The print operation */

static void
begin_print_cb (GtkPrintOperation *operation,
                GtkPrintContext   *context,
                PrintJob          *job)
{
  g_autoptr(GError) error = NULL;
  PangoContext *pango_context;
  GtkPageSetup *setup = gtk_print_context_get_page_setup (context);
  double width = gtk_page_setup_get_paper_width (setup, GTK_UNIT_POINTS);
  double height = gtk_page_setup_get_paper_height (setup, GTK_UNIT_POINTS);
  guint n_pages;

  g_clear_object (&job->paginator);
  job->paginator = qs_print_create_paginator (job->plan, job->workspace, &job->options, &error);
  if (job->paginator == NULL)
    {
      /* (Only the check can fail: print without its column.) */
      g_warning ("Printing without the check column: %s", error->message);
      job->options.status_column = FALSE;
      job->paginator = qs_print_create_paginator (job->plan, job->workspace, &job->options, NULL);
    }
  pango_context = gtk_print_context_create_pango_context (context);
  n_pages = qs_paginator_paginate (job->paginator, pango_context, width, height);
  g_object_unref (pango_context);
  gtk_print_operation_set_n_pages (operation, MAX (n_pages, 1));
}

static void
request_page_setup_cb (GtkPrintOperation *operation,
                       GtkPrintContext   *context,
                       int                page_nr,
                       GtkPageSetup      *setup,
                       PrintJob          *job)
{
  gboolean landscape;

  if (job->paginator == NULL || page_nr < 0 || (guint) page_nr >= qs_paginator_get_n_pages (job->paginator))
    return;
  landscape = qs_paginator_get_page_size (job->paginator, page_nr, NULL, NULL);
  gtk_page_setup_set_orientation (setup, landscape ? GTK_PAGE_ORIENTATION_LANDSCAPE
                                                   : GTK_PAGE_ORIENTATION_PORTRAIT);
}

static void
draw_page_cb (GtkPrintOperation *operation,
              GtkPrintContext   *context,
              int                page_nr,
              PrintJob          *job)
{
  if (job->paginator == NULL || page_nr < 0 || (guint) page_nr >= qs_paginator_get_n_pages (job->paginator))
    return;
  qs_paginator_draw_page (job->paginator, gtk_print_context_get_cairo_context (context), page_nr);
}

/* The choices, in the order both dialogs show them. */
static const char **
scope_labels (PrintJob *job)
{
  static const char *labels[4];

  labels[0] = _("Whole Plan");
  labels[1] = _("Indicator Tables");
  labels[2] = job->shown_table != NULL ? _("This Table") : NULL;
  labels[3] = NULL;
  return labels;
}

static const char **
orientation_labels (void)
{
  static const char *labels[4];

  labels[0] = _("Automatic");
  labels[1] = _("Portrait");
  labels[2] = _("Landscape");
  labels[3] = NULL;
  return labels;
}

static guint
scope_index (PrintJob *job)
{
  switch (job->options.scope)
    {
    case QS_PRINT_SCOPE_INDICATOR_TABLES:
      return 1;
    case QS_PRINT_SCOPE_TABLE:
      return job->shown_table != NULL ? 2 : 0;
    case QS_PRINT_SCOPE_PLAN:
    default:
      return 0;
    }
}

static void
apply_scope_index (PrintJob *job,
                   guint     index)
{
  g_clear_object (&job->options.table);
  if (index == 2 && job->shown_table != NULL)
    {
      job->options.scope = QS_PRINT_SCOPE_TABLE;
      job->options.table = g_object_ref (job->shown_table);
    }
  else
    job->options.scope = index == 1 ? QS_PRINT_SCOPE_INDICATOR_TABLES : QS_PRINT_SCOPE_PLAN;
}

static const char *
status_explanation (PrintJob *job)
{
  return job->has_municipal
         ? _("Each row’s verdict against the municipal plan in the workspace")
         : _("No municipal plan in the workspace: only baselines and completion are checked");
}

static GtkWidget *
grid_label (const char *text)
{
  GtkWidget *label = gtk_label_new_with_mnemonic (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  return label;
}

static GObject *
create_custom_widget_cb (GtkPrintOperation *operation,
                         PrintJob          *job)
{
  GtkWidget *grid = gtk_grid_new ();
  GtkWidget *label;

  gtk_grid_set_row_spacing (GTK_GRID (grid), 12);
  gtk_grid_set_column_spacing (GTK_GRID (grid), 12);
  gtk_widget_set_margin_top (grid, 18);
  gtk_widget_set_margin_bottom (grid, 18);
  gtk_widget_set_margin_start (grid, 18);
  gtk_widget_set_margin_end (grid, 18);

  label = grid_label (_("_Print"));
  job->scope_choice = gtk_drop_down_new_from_strings (scope_labels (job));
  gtk_drop_down_set_selected (GTK_DROP_DOWN (job->scope_choice), scope_index (job));
  gtk_label_set_mnemonic_widget (GTK_LABEL (label), job->scope_choice);
  gtk_grid_attach (GTK_GRID (grid), label, 0, 0, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), job->scope_choice, 1, 0, 1, 1);

  label = grid_label (_("Table Page _Orientation"));
  job->orientation_choice = gtk_drop_down_new_from_strings (orientation_labels ());
  gtk_drop_down_set_selected (GTK_DROP_DOWN (job->orientation_choice), job->options.orientation);
  gtk_label_set_mnemonic_widget (GTK_LABEL (label), job->orientation_choice);
  gtk_grid_attach (GTK_GRID (grid), label, 0, 1, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), job->orientation_choice, 1, 1, 1, 1);

  job->status_check = gtk_check_button_new_with_mnemonic (_("Add a _Check Column"));
  gtk_check_button_set_active (GTK_CHECK_BUTTON (job->status_check), job->options.status_column);
  gtk_widget_set_sensitive (job->status_check, job->workspace != NULL);
  gtk_widget_set_tooltip_text (job->status_check, status_explanation (job));
  gtk_grid_attach (GTK_GRID (grid), job->status_check, 0, 2, 2, 1);

  return G_OBJECT (grid);
}

static void
custom_widget_apply_cb (GtkPrintOperation *operation,
                        GtkWidget         *widget,
                        PrintJob          *job)
{
  apply_scope_index (job, gtk_drop_down_get_selected (GTK_DROP_DOWN (job->scope_choice)));
  job->options.orientation = gtk_drop_down_get_selected (GTK_DROP_DOWN (job->orientation_choice));
  job->options.status_column = gtk_check_button_get_active (GTK_CHECK_BUTTON (job->status_check));
}

static void
show_error (GtkWindow    *parent,
            const char   *heading,
            const GError *error)
{
  GtkWidget *dialog = adw_message_dialog_new (parent, heading, error->message);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
done_cb (GtkPrintOperation       *operation,
         GtkPrintOperationResult  result,
         PrintJob                *job)
{
  if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    {
      g_autoptr(GError) error = NULL;

      gtk_print_operation_get_error (operation, &error);
      if (error != NULL)
        show_error (job->parent, _("The Plan Could Not Be Printed"), error);
    }
  else if (result == GTK_PRINT_OPERATION_RESULT_APPLY)
    {
      g_set_object (&last_settings, gtk_print_operation_get_print_settings (operation));
      g_set_object (&last_page_setup, gtk_print_operation_get_default_page_setup (operation));
    }
}

static GtkPrintOperation *
create_operation (PrintJob *job)
{
  GtkPrintOperation *operation = gtk_print_operation_new ();
  g_autofree char *title = qs_plan_dup_title_or_untitled (qs_plan_get_title (job->plan));
  g_autoptr(GtkPrintSettings) settings = last_settings != NULL ? gtk_print_settings_copy (last_settings)
                                                                : gtk_print_settings_new ();
  g_autoptr(GtkPageSetup) setup = NULL;
  g_autofree char *name = g_strconcat (title, ".pdf", NULL);
  const char *documents = g_get_user_special_dir (G_USER_DIRECTORY_DOCUMENTS);
  g_autofree char *file = g_build_filename (documents != NULL ? documents : g_get_home_dir (), name, NULL);
  g_autofree char *uri = g_filename_to_uri (file, NULL, NULL);

  if (last_page_setup != NULL)
    setup = gtk_page_setup_copy (last_page_setup);
  else
    {
      g_autoptr(GtkPaperSize) a4 = gtk_paper_size_new (GTK_PAPER_NAME_A4);

      setup = gtk_page_setup_new ();
      gtk_page_setup_set_paper_size_and_default_margins (setup, a4);
    }
  /* "Print to File" writes a PDF named after the plan. */
  if (uri != NULL)
    gtk_print_settings_set (settings, GTK_PRINT_SETTINGS_OUTPUT_URI, uri);
  gtk_print_settings_set (settings, GTK_PRINT_SETTINGS_OUTPUT_FILE_FORMAT, "pdf");

  gtk_print_operation_set_job_name (operation, title);
  gtk_print_operation_set_print_settings (operation, settings);
  gtk_print_operation_set_default_page_setup (operation, setup);
  /* The paginator keeps its own margins and works in points on the paper. */
  gtk_print_operation_set_use_full_page (operation, TRUE);
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_embed_page_setup (operation, TRUE);
  gtk_print_operation_set_allow_async (operation, TRUE);

  g_object_set_data_full (G_OBJECT (operation), "qs-print-job", job, (GDestroyNotify) print_job_free);
  g_signal_connect (operation, "begin-print", G_CALLBACK (begin_print_cb), job);
  g_signal_connect (operation, "request-page-setup", G_CALLBACK (request_page_setup_cb), job);
  g_signal_connect (operation, "draw-page", G_CALLBACK (draw_page_cb), job);
  g_signal_connect (operation, "done", G_CALLBACK (done_cb), job);
  return operation;
}

GtkPrintOperationResult
qs_print_run (GtkWindow                *parent,
              QsPlan                   *plan,
              QsWorkspace              *workspace,
              const QsPrintOptions     *options,
              GtkPrintOperationAction   action,
              const char               *export_filename,
              GError                  **error)
{
  g_autoptr(GtkPrintOperation) operation = NULL;
  PrintJob *job;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), GTK_PRINT_OPERATION_RESULT_ERROR);
  g_return_val_if_fail (QS_IS_PLAN (plan), GTK_PRINT_OPERATION_RESULT_ERROR);
  g_return_val_if_fail (action != GTK_PRINT_OPERATION_ACTION_EXPORT || export_filename != NULL,
                        GTK_PRINT_OPERATION_RESULT_ERROR);

  job = print_job_new (parent, plan, workspace, NULL);
  if (options != NULL)
    {
      job->options = *options;
      job->font_family = g_strdup (options->font_family);
      job->options.font_family = job->font_family;
      if (options->table != NULL)
        job->options.table = g_object_ref (options->table);
    }
  operation = create_operation (job);
  /* Run to the end here: the caller waits for the file. */
  gtk_print_operation_set_allow_async (operation, FALSE);
  if (export_filename != NULL)
    gtk_print_operation_set_export_filename (operation, export_filename);
  return gtk_print_operation_run (operation, action, parent, error);
}

void
qs_print_plan (GtkWindow   *parent,
               QsPlan      *plan,
               QsWorkspace *workspace,
               GObject     *shown_table)
{
  g_autoptr(GtkPrintOperation) operation = NULL;
  g_autoptr(GError) error = NULL;
  PrintJob *job;

  g_return_if_fail (parent == NULL || GTK_IS_WINDOW (parent));
  g_return_if_fail (QS_IS_PLAN (plan));
  g_return_if_fail (workspace == NULL || QS_IS_WORKSPACE (workspace));

  job = print_job_new (parent, plan, workspace, shown_table);
  operation = create_operation (job);
  gtk_print_operation_set_custom_tab_label (operation, _("Content"));
  g_signal_connect (operation, "create-custom-widget", G_CALLBACK (create_custom_widget_cb), job);
  g_signal_connect (operation, "custom-widget-apply", G_CALLBACK (custom_widget_apply_cb), job);
  if (gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG, parent, &error) ==
      GTK_PRINT_OPERATION_RESULT_ERROR && error != NULL)
    show_error (parent, _("The Plan Could Not Be Printed"), error);
}

/* Export PDF… */

static void
export_response_cb (GtkNativeDialog *chooser,
                    int              response,
                    PrintJob        *job)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *path = file != NULL ? g_file_get_path (file) : NULL;
      g_autoptr(GError) error = NULL;

      if (path == NULL)
        {
          g_set_error (&error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                       _("PDF files can only be written to local folders"));
          show_error (job->parent, _("The PDF Could Not Be Written"), error);
        }
      else if (!qs_print_write_pdf (job->plan, job->workspace, &job->options, path, &error))
        show_error (job->parent, _("The PDF Could Not Be Written"), error);
    }
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
  print_job_free (job);
}

static void
choose_file (PrintJob *job)
{
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autofree char *title = qs_plan_dup_title_or_untitled (qs_plan_get_title (job->plan));
  g_autofree char *name = NULL;

  chooser = gtk_file_chooser_native_new (_("Export PDF"), job->parent, GTK_FILE_CHOOSER_ACTION_SAVE,
                                         _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_filter_set_name (filter, _("PDF Documents"));
  gtk_file_filter_add_mime_type (filter, "application/pdf");
  gtk_file_filter_add_pattern (filter, "*.pdf");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  /* A file name cannot hold a slash. */
  g_strdelimit (title, "/", '-');
  if (job->options.scope == QS_PRINT_SCOPE_INDICATOR_TABLES)
    name = g_strdup_printf ("%s-%s.pdf", title, _("indicator tables"));
  else
    name = g_strconcat (title, ".pdf", NULL);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  g_signal_connect (chooser, "response", G_CALLBACK (export_response_cb), job);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
export_options_apply (PrintJob *job)
{
  guint font = adw_combo_row_get_selected (job->font_row);

  apply_scope_index (job, adw_combo_row_get_selected (ADW_COMBO_ROW (job->scope_choice)));
  job->options.orientation = adw_combo_row_get_selected (ADW_COMBO_ROW (job->orientation_choice));
  job->options.status_column = gtk_switch_get_active (GTK_SWITCH (job->status_check));
  if (job->families != NULL && font < g_strv_length (job->families))
    {
      g_free (job->font_family);
      job->font_family = g_strdup (job->families[font]);
      job->options.font_family = job->font_family;
    }
}

static void
export_clicked_cb (GtkButton *button,
                   PrintJob  *job)
{
  GtkWidget *window = job->window;

  export_options_apply (job);
  job->window = NULL;
  gtk_window_destroy (GTK_WINDOW (window));
  choose_file (job);
}

static void
export_window_destroy_cb (GtkWidget *window,
                          PrintJob  *job)
{
  /* Closed without exporting. */
  if (job->window == window)
    print_job_free (job);
}

static GtkWidget *
combo_row (const char  *title,
           const char **labels,
           guint        selected)
{
  AdwComboRow *row = ADW_COMBO_ROW (adw_combo_row_new ());
  g_autoptr(GtkStringList) model = gtk_string_list_new (labels);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (row), TRUE);
  adw_combo_row_set_model (row, G_LIST_MODEL (model));
  adw_combo_row_set_selected (row, selected);
  return GTK_WIDGET (row);
}

void
qs_print_export_pdf (GtkWindow   *parent,
                     QsPlan      *plan,
                     QsWorkspace *workspace,
                     GObject     *shown_table)
{
  PrintJob *job;
  g_autoptr(GSettings) settings = NULL;
  g_autofree char *current = NULL;
  GtkWidget *window, *box, *header, *cancel, *export, *page, *group, *row;
  guint font_index = 0;

  g_return_if_fail (parent == NULL || GTK_IS_WINDOW (parent));
  g_return_if_fail (QS_IS_PLAN (plan));
  g_return_if_fail (workspace == NULL || QS_IS_WORKSPACE (workspace));

  job = print_job_new (parent, plan, workspace, shown_table);
  settings = qs_ui_settings_new ();
  current = settings != NULL ? g_settings_get_string (settings, "print-font-family")
                             : g_strdup ("Noto Serif CJK SC");
  job->families = qs_print_list_cjk_families ();
  if (!g_strv_contains ((const char * const *) job->families, current))
    {
      /* The chosen font is not installed: keep it offered, first. */
      guint n = g_strv_length (job->families);

      job->families = g_renew (char *, job->families, n + 2);
      memmove (job->families + 1, job->families, (n + 1) * sizeof (char *));
      job->families[0] = g_strdup (current);
    }
  for (guint i = 0; job->families[i] != NULL; i++)
    if (g_strcmp0 (job->families[i], current) == 0)
      font_index = i;

  window = adw_window_new ();
  job->window = window;
  gtk_window_set_title (GTK_WINDOW (window), _("Export PDF"));
  gtk_window_set_modal (GTK_WINDOW (window), TRUE);
  gtk_window_set_transient_for (GTK_WINDOW (window), parent);
  gtk_window_set_default_size (GTK_WINDOW (window), 460, -1);
  gtk_window_set_destroy_with_parent (GTK_WINDOW (window), TRUE);

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  header = adw_header_bar_new ();
  adw_header_bar_set_show_end_title_buttons (ADW_HEADER_BAR (header), FALSE);
  adw_header_bar_set_show_start_title_buttons (ADW_HEADER_BAR (header), FALSE);
  cancel = gtk_button_new_with_mnemonic (_("_Cancel"));
  g_signal_connect_swapped (cancel, "clicked", G_CALLBACK (gtk_window_destroy), window);
  export = gtk_button_new_with_mnemonic (_("_Export…"));
  gtk_widget_add_css_class (export, "suggested-action");
  g_signal_connect (export, "clicked", G_CALLBACK (export_clicked_cb), job);
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), cancel);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), export);
  gtk_box_append (GTK_BOX (box), header);

  page = adw_preferences_page_new ();
  group = adw_preferences_group_new ();
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (group));

  job->scope_choice = combo_row (_("_Print"), scope_labels (job), scope_index (job));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), job->scope_choice);

  job->orientation_choice = combo_row (_("Table Page _Orientation"), orientation_labels (), job->options.orientation);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (job->orientation_choice),
                               _("Automatic turns tables too wide for an upright page"));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), job->orientation_choice);

  row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("_Check Column"));
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (row), TRUE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), status_explanation (job));
  job->status_check = gtk_switch_new ();
  gtk_widget_set_valign (job->status_check, GTK_ALIGN_CENTER);
  gtk_switch_set_active (GTK_SWITCH (job->status_check), job->options.status_column);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), job->status_check);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), job->status_check);
  gtk_widget_set_sensitive (row, workspace != NULL);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);

  job->font_row = ADW_COMBO_ROW (combo_row (_("Body Text _Font"), (const char **) job->families, font_index));
  adw_combo_row_set_use_subtitle (job->font_row, FALSE);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (job->font_row));

  gtk_widget_set_vexpand (page, TRUE);
  gtk_box_append (GTK_BOX (box), page);
  adw_window_set_content (ADW_WINDOW (window), box);
  g_signal_connect (window, "destroy", G_CALLBACK (export_window_destroy_cb), job);
  gtk_window_set_default_widget (GTK_WINDOW (window), export);
  gtk_window_present (GTK_WINDOW (window));
}
