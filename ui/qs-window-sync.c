/* qs-window-sync.c: keeping the open plan in step with everyone else who
 * writes to the workspace: another window of this instance, a second
 * instance of the app, or qingshan-cli.
 *
 * SQLite keeps the file consistent; what it cannot do is tell a user that
 * the plan on screen is no longer the plan on disk.  So the window polls
 * the workspace (PRAGMA data_version, a cheap read) every two seconds and
 * before every save, and compares the stored plan with the state it last
 * read or wrote:
 *  - unchanged: nothing to do;
 *  - changed and no local edits: the new content is loaded, with a toast;
 *  - changed and local edits: the user chooses (a dialog) between loading
 *    the other content and keeping this window's edits; nothing is saved
 *    over the other edit before that choice.
 * A save that meets a lock held too long by another writer keeps the edits
 * in memory, says so, and tries again a moment later.
 */
#define G_LOG_DOMAIN "qs-window"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "qs-display.h"
#include "qs-window-private.h"

#define POLL_INTERVAL_SECONDS 2
#define BUSY_RETRY_SECONDS    3

static GBytes *
plan_state (QsPlan *plan)
{
  gsize length = 0;
  char *data;

  if (plan == NULL)
    return NULL;
  data = qs_plan_xml_write_data (plan, &length);
  /* A plan the writer refuses (a text over the size limit) has no state to
   * compare: the workspace refuses to store it as well. */
  if (data == NULL)
    return NULL;
  return g_bytes_new_take (data, length);
}

void
_qs_window_sync_remember (QsWindow *self)
{
  g_clear_pointer (&self->synced, g_bytes_unref);
  self->synced = plan_state (self->plan);
}

/* The open plan as the workspace holds it now, or NULL when it is gone or
 * cannot be read (the window then leaves it to the sidebar reload). */
static QsPlan *
load_stored (QsWindow *self)
{
  g_autoptr(GError) error = NULL;
  QsPlan *stored;

  if (self->workspace == NULL || self->plan_id <= 0)
    return NULL;
  stored = qs_workspace_load_plan (self->workspace, self->plan_id, &error);
  if (stored == NULL)
    g_debug ("Open plan %" G_GINT64_FORMAT " not readable: %s", self->plan_id, error->message);
  return stored;
}

static void
take_stored (QsWindow *self,
             QsPlan   *stored)
{
  gint64 id = self->plan_id;

  /* Not dirty any more: the stored content replaces the shown one. */
  self->dirty = FALSE;
  g_clear_handle_id (&self->autosave_id, g_source_remove);
  _qs_window_set_plan (self, stored, id);
  _qs_window_sync_remember (self);
}

static void
conflict_response_cb (AdwMessageDialog *dialog,
                      const char       *response,
                      QsWindow         *self)
{
  g_autoptr(QsPlan) stored = NULL;

  self->conflict_open = FALSE;
  if (g_strcmp0 (response, "reload") == 0)
    {
      stored = load_stored (self);
      if (stored != NULL)
        {
          take_stored (self, stored);
          qs_window_show_toast (self, _("Loaded the plan as saved elsewhere"));
        }
    }
  else if (g_strcmp0 (response, "keep") == 0)
    {
      /* The other content stays in the plan's saved versions; this window's
       * edits become the current content. */
      stored = load_stored (self);
      g_clear_pointer (&self->synced, g_bytes_unref);
      self->synced = plan_state (stored);
      self->dirty = TRUE;
      qs_window_save (self);
    }
}

static void
show_conflict (QsWindow *self)
{
  GtkWidget *dialog;
  g_autofree char *title = NULL;

  if (self->conflict_open)
    return;
  self->conflict_open = TRUE;
  title = qs_plan_dup_title_or_untitled (qs_plan_get_title (self->plan));
  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Plan Changed Elsewhere"), NULL);
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                  _("“%s” was saved by another window, another Qingshan or "
                                    "qingshan-cli while this window has edits not yet saved. "
                                    "Load the other content and drop these edits, or keep "
                                    "these edits and save them over it (the other content "
                                    "stays among the plan’s saved versions)."),
                                  title);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "reload", _("_Load Other Content"),
                                    "keep", _("_Keep My Edits"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "reload",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "keep");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "keep");
  g_signal_connect_object (dialog, "response", G_CALLBACK (conflict_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Compares the stored plan with what this window last synced.  Returns
 * TRUE when the window may go on (nothing changed, or the new content was
 * taken), FALSE when the user must choose first. */
static gboolean
check_open_plan (QsWindow *self)
{
  g_autoptr(QsPlan) stored = NULL;
  g_autoptr(GBytes) state = NULL;

  if (self->plan == NULL || self->plan_id <= 0 || self->synced == NULL)
    return TRUE;
  stored = load_stored (self);
  if (stored == NULL)
    return TRUE;
  state = plan_state (stored);
  if (state == NULL || g_bytes_equal (state, self->synced))
    return TRUE;

  if (!self->dirty)
    {
      take_stored (self, stored);
      qs_window_show_toast (self, _("This plan was changed elsewhere; its new content is shown"));
      return TRUE;
    }
  show_conflict (self);
  return FALSE;
}

static void
workspace_changed_cb (QsWindow    *self,
                      gint64       plan_id,
                      QsWorkspace *workspace)
{
  if (self->saving)
    return;
  if (plan_id == 0)
    {
      /* Another connection committed: plans may have come or gone. */
      qs_window_reload_plans (self);
      check_open_plan (self);
    }
  else if (plan_id == self->plan_id)
    {
      /* Another window of this instance saved the plan shown here. */
      check_open_plan (self);
    }
}

static gboolean
poll_cb (gpointer user_data)
{
  QsWindow *self = user_data;

  qs_workspace_poll_changes (self->workspace);
  return G_SOURCE_CONTINUE;
}

void
_qs_window_sync_start (QsWindow *self)
{
  if (self->workspace == NULL || self->poll_id != 0)
    return;
  g_signal_connect_object (self->workspace, "changed", G_CALLBACK (workspace_changed_cb), self,
                           G_CONNECT_SWAPPED);
  self->poll_id = g_timeout_add_seconds (POLL_INTERVAL_SECONDS, poll_cb, self);
}

void
_qs_window_sync_stop (QsWindow *self)
{
  g_clear_handle_id (&self->poll_id, g_source_remove);
  g_clear_handle_id (&self->retry_id, g_source_remove);
  if (self->workspace != NULL)
    g_signal_handlers_disconnect_by_func (self->workspace, workspace_changed_cb, self);
  g_clear_pointer (&self->synced, g_bytes_unref);
}

gboolean
_qs_window_sync_may_save (QsWindow *self)
{
  if (self->conflict_open)
    return FALSE;
  /* A commit by another connection since the last poll is seen now, so
   * that a save never lands on top of an edit this window has not seen. */
  qs_workspace_poll_changes (self->workspace);
  return !self->conflict_open && check_open_plan (self);
}

static gboolean
retry_cb (gpointer user_data)
{
  QsWindow *self = user_data;

  self->retry_id = 0;
  qs_window_save (self);
  return G_SOURCE_REMOVE;
}

gboolean
_qs_window_sync_handle_save_error (QsWindow     *self,
                                   const GError *error)
{
  if (!g_error_matches (error, QS_WORKSPACE_ERROR, QS_WORKSPACE_ERROR_BUSY))
    return FALSE;
  if (self->retry_id == 0)
    {
      qs_window_show_toast (self, _("Another Qingshan or qingshan-cli is writing to this "
                                    "workspace; your edits are kept and saved in a moment"));
      self->retry_id = g_timeout_add_seconds (BUSY_RETRY_SECONDS, retry_cb, self);
    }
  return TRUE;
}

gboolean
qs_window_sync_now (QsWindow *self)
{
  g_return_val_if_fail (QS_IS_WINDOW (self), FALSE);

  if (self->workspace == NULL)
    return FALSE;
  return qs_workspace_poll_changes (self->workspace);
}
