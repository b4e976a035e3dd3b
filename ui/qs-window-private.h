/* qs-window-private.h: shared between qs-window.c and qs-window-actions.c. */
#pragma once

#include "qs-plan-list-model.h"
#include "qs-window.h"

G_BEGIN_DECLS

struct _QsWindow
{
  AdwApplicationWindow  parent_instance;

  QsWorkspace          *workspace;
  QsPlan               *plan;
  gint64                plan_id;
  GSettings            *settings;

  GListStore           *plans;            /* of QsPlanItem, in sidebar order */
  GtkStringFilter      *filter;
  GtkFilterListModel   *filtered;
  QsPlanListModel      *sidebar_model;
  GtkSingleSelection   *sidebar_selection;
  guint                 selecting : 1;    /* the selection is being set from code */
  guint                 dirty : 1;        /* the open plan has edits not yet saved */
  guint                 autosave_id;

  /* Keeping in step with other windows, instances and the CLI (qs-window-sync.c). */
  GBytes               *synced;           /* the open plan as last read from or written to the workspace */
  guint                 poll_id;
  guint                 retry_id;
  guint                 saving : 1;
  guint                 conflict_open : 1;

  AdwToastOverlay      *toast_overlay;
  GtkStack             *main_stack;
  AdwLeaflet           *leaflet;
  GtkWidget            *sidebar_box;
  GtkToggleButton      *search_button;
  GtkSearchBar         *search_bar;
  GtkSearchEntry       *search_entry;
  GtkStack             *sidebar_stack;
  GtkListView          *plan_list_view;
  AdwWindowTitle       *content_title;
  GtkToggleButton      *check_button;
  GtkStack             *content_stack;
  QsPlanEditor         *editor;
  AdwStatusPage        *plan_error_page;
  AdwStatusPage        *workspace_error_page;
};

void _qs_window_class_add_actions (GtkWidgetClass *widget_class);
void _qs_window_update_actions    (QsWindow       *self);
void _qs_window_update_undo_actions (QsWindow     *self);
void _qs_window_class_add_tool_actions (GtkWidgetClass *widget_class);
void _qs_window_update_tool_actions    (QsWindow       *self);

void     _qs_window_set_plan               (QsWindow     *self,
                                            QsPlan       *plan,
                                            gint64        id);
void     _qs_window_sync_start             (QsWindow     *self);
void     _qs_window_sync_stop              (QsWindow     *self);
void     _qs_window_sync_remember          (QsWindow     *self);
gboolean _qs_window_sync_may_save          (QsWindow     *self);
gboolean _qs_window_sync_handle_save_error (QsWindow     *self,
                                            const GError *error);

G_END_DECLS
