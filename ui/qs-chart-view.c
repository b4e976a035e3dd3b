/* qs-chart-view.c: a widget that draws one chart with a chart renderer.
 *
 * The renderers are GTK-free (ui/charts): the view hands them a cairo
 * context from its snapshot, keeps the trace of the last drawing for
 * keyboard navigation, and asks qs_chart_hit_test() what lies under the
 * pointer for the tooltip.  The theme follows AdwStyleManager.
 */
#define G_LOG_DOMAIN "qs-chart-view"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "qs-chart-view.h"

struct _QsChartView
{
  GtkWidget             parent_instance;

  QsChartTracedFunc     render;
  gpointer              data;
  GDestroyNotify        free_data;
  QsChartViewThemeFunc  theme_func;
  char                 *title;
  char                 *description;
  char                 *unit;

  QsChartTrace         *trace;      /* of the last drawing */
  int                   selected;   /* point chosen with the keyboard, or -1 */
};

G_DEFINE_FINAL_TYPE (QsChartView, qs_chart_view, GTK_TYPE_WIDGET)

/* A render function and its data, as qs_chart_export() wants them. */
typedef struct
{
  QsChartTracedFunc render;
  gconstpointer     data;
} ExportData;

static void
export_render_cb (cairo_t       *cr,
                  double         width,
                  double         height,
                  gconstpointer  user_data)
{
  const ExportData *export = user_data;

  export->render (cr, width, height, export->data, NULL);
}

static gboolean
style_is_dark (void)
{
  return adw_style_manager_get_dark (adw_style_manager_get_default ());
}

static void
apply_theme (QsChartView *self)
{
  if (self->theme_func != NULL && self->data != NULL)
    self->theme_func (self->data, qs_chart_view_get_theme (self));
}

static void
clear_chart (QsChartView *self)
{
  if (self->free_data != NULL && self->data != NULL)
    self->free_data (self->data);
  self->data = NULL;
  self->free_data = NULL;
  self->render = NULL;
  self->theme_func = NULL;
  self->selected = -1;
  g_clear_pointer (&self->trace, qs_chart_trace_free);
}

static char *
point_tooltip (QsChartView        *self,
               const QsChartPoint *point)
{
  g_autofree char *unit = NULL;

  /* A figure with words ("由重庆市下达") takes no unit after it. */
  if (self->unit != NULL && *self->unit && point->value_text != NULL &&
      g_regex_match_simple ("[0-9]$", point->value_text, 0, 0))
    unit = g_strdup_printf (g_str_equal (self->unit, "%") ? "%s" : " %s", self->unit);
  return g_strdup_printf ("%s · %s\n%s%s", point->category ? point->category : "",
                          point->series ? point->series : "",
                          point->value_text ? point->value_text : "", unit ? unit : "");
}

static QsChartPoint *
selected_point (QsChartView *self)
{
  if (self->trace == NULL || self->selected < 0 || (guint) self->selected >= self->trace->points->len)
    return NULL;
  return g_ptr_array_index (self->trace->points, self->selected);
}

/* The keyboard's point: a ring around it and its figure in a callout, so
 * that the values can be read without a pointer. */
static void
draw_selection (QsChartView *self,
                cairo_t     *cr,
                double       width)
{
  const QsChartTheme *theme = qs_chart_view_get_theme (self);
  QsChartPoint *point = selected_point (self);
  g_autofree char *text = NULL;
  PangoLayout *layout;
  PangoFontDescription *font;
  int tw, th;
  double x, y, pad = 6;

  if (point == NULL)
    return;

  cairo_save (cr);
  cairo_new_path (cr);   /* the renderer may leave a current point */
  cairo_set_source_rgb (cr, 0.21, 0.52, 0.89);   /* the GNOME accent blue */
  cairo_set_line_width (cr, 2.5);
  if (point->box.width > 12)
    cairo_rectangle (cr, point->box.x - 2, point->box.y - 2, point->box.width + 4, point->box.height + 4);
  else
    cairo_arc (cr, point->x, point->y, 8, 0, 2 * G_PI);
  cairo_stroke (cr);

  text = point_tooltip (self, point);
  layout = pango_cairo_create_layout (cr);
  font = pango_font_description_from_string (QS_CHART_FONT_FAMILY);
  pango_font_description_set_absolute_size (font, theme->font_size * 0.9 * PANGO_SCALE);
  pango_layout_set_font_description (layout, font);
  pango_layout_set_text (layout, text, -1);
  pango_layout_get_pixel_size (layout, &tw, &th);
  x = CLAMP (point->x + 12, 2, MAX (2, width - tw - 2 * pad - 2));
  y = MAX (2, point->y - th - 2 * pad - 10);
  cairo_rectangle (cr, x, y, tw + 2 * pad, th + 2 * pad);
  cairo_set_source_rgba (cr, theme->text.red, theme->text.green, theme->text.blue, 0.92);
  cairo_fill (cr);
  cairo_set_source_rgb (cr, theme->background.red, theme->background.green, theme->background.blue);
  cairo_move_to (cr, x + pad, y + pad);
  pango_cairo_show_layout (cr, layout);
  pango_font_description_free (font);
  g_object_unref (layout);
  cairo_restore (cr);
}

/* Callbacks */

static void
dark_changed_cb (QsChartView *self)
{
  apply_theme (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static gboolean
key_pressed_cb (QsChartView           *self,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                GtkEventControllerKey *controller)
{
  guint n = self->trace ? self->trace->points->len : 0;

  if (n == 0)
    return FALSE;
  switch (keyval)
    {
    case GDK_KEY_Right:
    case GDK_KEY_Down:
    case GDK_KEY_KP_Right:
    case GDK_KEY_KP_Down:
      self->selected = self->selected < 0 ? 0 : MIN (self->selected + 1, (int) n - 1);
      break;
    case GDK_KEY_Left:
    case GDK_KEY_Up:
    case GDK_KEY_KP_Left:
    case GDK_KEY_KP_Up:
      self->selected = self->selected < 0 ? 0 : MAX (self->selected - 1, 0);
      break;
    case GDK_KEY_Home:
      self->selected = 0;
      break;
    case GDK_KEY_End:
      self->selected = n - 1;
      break;
    case GDK_KEY_Escape:
      if (self->selected < 0)
        return FALSE;
      self->selected = -1;
      break;
    default:
      return FALSE;
    }
  gtk_widget_queue_draw (GTK_WIDGET (self));
  return TRUE;
}

static void
focus_leave_cb (QsChartView *self)
{
  if (self->selected >= 0)
    {
      self->selected = -1;
      gtk_widget_queue_draw (GTK_WIDGET (self));
    }
}

/* Overrides */

static void
qs_chart_view_snapshot (GtkWidget   *widget,
                        GtkSnapshot *snapshot)
{
  QsChartView *self = QS_CHART_VIEW (widget);
  double width = gtk_widget_get_width (widget);
  double height = gtk_widget_get_height (widget);
  cairo_t *cr;

  if (self->render == NULL || width < 1 || height < 1)
    return;

  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  g_clear_pointer (&self->trace, qs_chart_trace_free);
  self->trace = qs_chart_trace_new ();
  self->render (cr, width, height, self->data, self->trace);
  if (self->selected >= (int) self->trace->points->len)
    self->selected = -1;
  if (gtk_widget_has_focus (widget))
    draw_selection (self, cr, width);
  cairo_destroy (cr);
}

static gboolean
qs_chart_view_query_tooltip (GtkWidget  *widget,
                             int         x,
                             int         y,
                             gboolean    keyboard_tooltip,
                             GtkTooltip *tooltip)
{
  QsChartView *self = QS_CHART_VIEW (widget);
  g_autofree char *text = NULL;

  if (keyboard_tooltip)
    {
      QsChartPoint *point = selected_point (self);

      if (point == NULL)
        return FALSE;
      text = point_tooltip (self, point);
    }
  else
    text = qs_chart_view_dup_tooltip_text_at (self, x, y);
  if (text == NULL)
    return FALSE;
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

static void
qs_chart_view_measure (GtkWidget      *widget,
                       GtkOrientation  orientation,
                       int             for_size,
                       int            *minimum,
                       int            *natural,
                       int            *minimum_baseline,
                       int            *natural_baseline)
{
  /* Small enough for a side pane; the renderers lay out any size. */
  *minimum = orientation == GTK_ORIENTATION_HORIZONTAL ? 280 : 220;
  *natural = orientation == GTK_ORIENTATION_HORIZONTAL ? 640 : 420;
}

static void
qs_chart_view_dispose (GObject *object)
{
  QsChartView *self = QS_CHART_VIEW (object);

  clear_chart (self);
  G_OBJECT_CLASS (qs_chart_view_parent_class)->dispose (object);
}

static void
qs_chart_view_finalize (GObject *object)
{
  QsChartView *self = QS_CHART_VIEW (object);

  g_free (self->title);
  g_free (self->description);
  g_free (self->unit);
  G_OBJECT_CLASS (qs_chart_view_parent_class)->finalize (object);
}

static void
qs_chart_view_class_init (QsChartViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = qs_chart_view_dispose;
  object_class->finalize = qs_chart_view_finalize;
  widget_class->snapshot = qs_chart_view_snapshot;
  widget_class->query_tooltip = qs_chart_view_query_tooltip;
  widget_class->measure = qs_chart_view_measure;

  gtk_widget_class_set_css_name (widget_class, "chartview");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
qs_chart_view_init (QsChartView *self)
{
  GtkEventController *key = gtk_event_controller_key_new ();
  GtkEventController *focus = gtk_event_controller_focus_new ();

  self->selected = -1;
  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  gtk_widget_set_hexpand (GTK_WIDGET (self), TRUE);
  gtk_widget_set_vexpand (GTK_WIDGET (self), TRUE);

  g_signal_connect_swapped (key, "key-pressed", G_CALLBACK (key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), key);
  g_signal_connect_swapped (focus, "leave", G_CALLBACK (focus_leave_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), focus);

  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (dark_changed_cb), self, G_CONNECT_SWAPPED);
}

/* Public API */

/**
 * qs_chart_view_new:
 *
 * Returns: a new, empty chart view.
 */
GtkWidget *
qs_chart_view_new (void)
{
  return g_object_new (QS_TYPE_CHART_VIEW, NULL);
}

/**
 * qs_chart_view_set_chart:
 *
 * Shows @data drawn by @render, replacing (and freeing) the chart shown.
 */
void
qs_chart_view_set_chart (QsChartView       *self,
                         QsChartTracedFunc  render,
                         gpointer           data,
                         GDestroyNotify     free_data,
                         const char        *title,
                         const char        *description)
{
  g_return_if_fail (QS_IS_CHART_VIEW (self));

  clear_chart (self);
  self->render = render;
  self->data = render ? data : NULL;
  self->free_data = render ? free_data : NULL;
  if (render == NULL && free_data != NULL && data != NULL)
    free_data (data);
  g_free (self->title);
  self->title = g_strdup (render ? title : NULL);
  g_free (self->description);
  self->description = g_strdup (render ? description : NULL);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  self->title ? self->title : _("Chart"),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  self->description ? self->description : "",
                                  -1);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
qs_chart_view_set_theme_func (QsChartView          *self,
                              QsChartViewThemeFunc  func)
{
  g_return_if_fail (QS_IS_CHART_VIEW (self));

  self->theme_func = func;
  apply_theme (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

gpointer
qs_chart_view_get_data (QsChartView *self)
{
  g_return_val_if_fail (QS_IS_CHART_VIEW (self), NULL);
  return self->data;
}

const char *
qs_chart_view_get_title (QsChartView *self)
{
  g_return_val_if_fail (QS_IS_CHART_VIEW (self), NULL);
  return self->title;
}

const char *
qs_chart_view_get_description (QsChartView *self)
{
  g_return_val_if_fail (QS_IS_CHART_VIEW (self), NULL);
  return self->description;
}

void
qs_chart_view_set_unit (QsChartView *self,
                        const char  *unit)
{
  g_return_if_fail (QS_IS_CHART_VIEW (self));
  g_free (self->unit);
  self->unit = g_strdup (unit);
}

const QsChartTheme *
qs_chart_view_get_theme (QsChartView *self)
{
  g_return_val_if_fail (QS_IS_CHART_VIEW (self), NULL);
  return style_is_dark () ? qs_chart_theme_dark () : qs_chart_theme_light ();
}

/**
 * qs_chart_view_hit:
 *
 * Returns: (transfer full) (nullable): the data point at (@x, @y), laid out
 *   at the view's size.
 */
QsChartPoint *
qs_chart_view_hit (QsChartView *self,
                   double       x,
                   double       y)
{
  double width, height;

  g_return_val_if_fail (QS_IS_CHART_VIEW (self), NULL);

  width = gtk_widget_get_width (GTK_WIDGET (self));
  height = gtk_widget_get_height (GTK_WIDGET (self));
  if (self->render == NULL || width < 1 || height < 1)
    return NULL;
  return qs_chart_hit_test (self->render, self->data, width, height, x, y);
}

char *
qs_chart_view_dup_tooltip_text_at (QsChartView *self,
                                   double       x,
                                   double       y)
{
  g_autoptr(QsChartPoint) point = NULL;

  g_return_val_if_fail (QS_IS_CHART_VIEW (self), NULL);

  point = qs_chart_view_hit (self, x, y);
  return point ? point_tooltip (self, point) : NULL;
}

gboolean
qs_chart_view_export (QsChartView  *self,
                      const char   *path,
                      double        width,
                      double        height,
                      GError      **error)
{
  ExportData export;

  g_return_val_if_fail (QS_IS_CHART_VIEW (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (self->render == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                   _("There is no chart to export: choose an indicator row with figures first"));
      return FALSE;
    }
  export.render = self->render;
  export.data = self->data;
  return qs_chart_export (path, width, height, export_render_cb, &export, error);
}
