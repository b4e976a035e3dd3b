/* qs-chart.c: what the chart renderers share. */
#define G_LOG_DOMAIN "qs-chart"

#include "config.h"

#include <math.h>
#include <string.h>

#include <cairo-pdf.h>
#include <cairo-svg.h>

#include "qs-chart-private.h"

#define RGB(hex) { ((hex) >> 16 & 0xff) / 255.0, ((hex) >> 8 & 0xff) / 255.0, ((hex) & 0xff) / 255.0 }

/* Okabe & Ito (2008), ordered so that the first colours differ most in
 * lightness too: blue, orange, bluish green, vermillion, reddish purple,
 * sky blue, yellow. */
static const QsChartTheme light_theme = {
  .background = RGB (0xffffff),
  .text = RGB (0x1f2328),
  .muted = RGB (0x59636e),
  .grid = RGB (0xe3e6ea),
  .axis = RGB (0x8c959f),
  .baseline_bar = RGB (0xa8b0b8),
  .requirement = RGB (0x000000),
  .band = RGB (0x009e73),
  .status_ok = RGB (0x009e73),
  .status_warning = RGB (0xe69f00),
  .status_error = RGB (0xd55e00),
  .status_none = RGB (0x0072b2),
  .series = {
    RGB (0x0072b2), RGB (0xe69f00), RGB (0x009e73), RGB (0xd55e00),
    RGB (0xcc79a7), RGB (0x56b4e9), RGB (0xf0e442),
  },
  .font_family = QS_CHART_FONT_FAMILY,
  .font_size = 13.0,
};

/* On a dark background the light members of the palette lead. */
static const QsChartTheme dark_theme = {
  .background = RGB (0x1e1e1e),
  .text = RGB (0xf0f0f0),
  .muted = RGB (0xb0b5ba),
  .grid = RGB (0x3a3d41),
  .axis = RGB (0x70767c),
  .baseline_bar = RGB (0x6e767e),
  .requirement = RGB (0xffffff),
  .band = RGB (0x009e73),
  .status_ok = RGB (0x009e73),
  .status_warning = RGB (0xe69f00),
  .status_error = RGB (0xd55e00),
  .status_none = RGB (0x56b4e9),
  .series = {
    RGB (0x56b4e9), RGB (0xe69f00), RGB (0x009e73), RGB (0xf0e442),
    RGB (0xcc79a7), RGB (0xd55e00), RGB (0x0072b2),
  },
  .font_family = QS_CHART_FONT_FAMILY,
  .font_size = 13.0,
};

static const char * const status_names[] = { "none", "ok", "warning", "error" };

const QsChartTheme *
qs_chart_theme_light (void)
{
  return &light_theme;
}

const QsChartTheme *
qs_chart_theme_dark (void)
{
  return &dark_theme;
}

const char *
qs_chart_status_to_string (QsChartStatus status)
{
  g_return_val_if_fail ((guint) status < G_N_ELEMENTS (status_names), NULL);
  return status_names[status];
}

gboolean
qs_chart_status_from_string (const char    *str,
                             QsChartStatus *status)
{
  for (guint i = 0; str != NULL && i < G_N_ELEMENTS (status_names); i++)
    if (g_ascii_strcasecmp (str, status_names[i]) == 0)
      {
        *status = (QsChartStatus) i;
        return TRUE;
      }
  return FALSE;
}

/* ---- trace ------------------------------------------------------------- */

static void
text_item_free (gpointer data)
{
  QsChartTextItem *item = data;

  g_free (item->text);
  g_free (item);
}

QsChartTrace *
qs_chart_trace_new (void)
{
  QsChartTrace *trace = g_new0 (QsChartTrace, 1);

  trace->texts = g_ptr_array_new_with_free_func (text_item_free);
  trace->points = g_ptr_array_new_with_free_func ((GDestroyNotify) qs_chart_point_free);
  return trace;
}

void
qs_chart_trace_free (QsChartTrace *trace)
{
  if (trace == NULL)
    return;
  g_ptr_array_unref (trace->texts);
  g_ptr_array_unref (trace->points);
  g_free (trace);
}

QsChartPoint *
qs_chart_point_copy (const QsChartPoint *point)
{
  QsChartPoint *copy = g_memdup2 (point, sizeof *point);

  copy->series = g_strdup (point->series);
  copy->category = g_strdup (point->category);
  copy->value_text = g_strdup (point->value_text);
  return copy;
}

void
qs_chart_point_free (QsChartPoint *point)
{
  if (point == NULL)
    return;
  g_free (point->series);
  g_free (point->category);
  g_free (point->value_text);
  g_free (point);
}

gboolean
qs_chart_rect_overlaps (const QsChartRect *a,
                        const QsChartRect *b,
                        double             slack)
{
  return a->x + a->width - slack > b->x && b->x + b->width - slack > a->x &&
         a->y + a->height - slack > b->y && b->y + b->height - slack > a->y;
}

QsChartPoint *
qs_chart_trace_hit (QsChartTrace *trace,
                    double        x,
                    double        y,
                    double        radius)
{
  QsChartPoint *best = NULL;
  double best_d = radius * radius;

  g_return_val_if_fail (trace != NULL, NULL);

  for (guint i = 0; i < trace->points->len; i++)
    {
      QsChartPoint *p = g_ptr_array_index (trace->points, i);
      double d = (p->x - x) * (p->x - x) + (p->y - y) * (p->y - y);

      if (x >= p->box.x && x <= p->box.x + p->box.width &&
          y >= p->box.y && y <= p->box.y + p->box.height)
        d = MIN (d, 0);
      if (d <= best_d)
        {
          best = p;
          best_d = d;
        }
    }
  return best ? qs_chart_point_copy (best) : NULL;
}

/* ---- ticks ----------------------------------------------------------------- */

double
qs_chart_nice_ticks (double  min,
                     double  max,
                     int     target,
                     double *axis_min,
                     double *axis_max)
{
  double span, raw, magnitude, step, residual;

  if (!isfinite (min) || !isfinite (max))
    min = 0, max = 1;
  if (max < min)
    {
      double t = min;
      min = max;
      max = t;
    }
  if (max - min < 1e-12)
    {
      double pad = fabs (max) > 1e-12 ? fabs (max) * 0.1 : 1.0;

      min -= pad;
      max += pad;
    }
  span = max - min;
  raw = span / MAX (target, 1);
  magnitude = pow (10, floor (log10 (raw)));
  residual = raw / magnitude;
  if (residual <= 1.0)
    step = magnitude;
  else if (residual <= 2.0)
    step = 2 * magnitude;
  else if (residual <= 5.0)
    step = 5 * magnitude;
  else
    step = 10 * magnitude;

  *axis_min = floor (min / step + 1e-9) * step;
  *axis_max = ceil (max / step - 1e-9) * step;
  return step;
}

char *
qs_chart_format_tick (double value,
                      double step)
{
  int decimals = 0;

  if (step > 0 && step < 1)
    decimals = (int) ceil (-log10 (step) - 1e-9);
  if (fabs (value) < step * 1e-6)
    value = 0;
  return g_strdup_printf ("%.*f", decimals, value);
}

char *
qs_chart_format_number (double value)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  /* Up to four decimals, without trailing zeros (88.3, 9.2693, 75000). */
  g_ascii_formatd (buf, sizeof buf, "%.4f", value);
  if (strchr (buf, '.') != NULL)
    {
      char *end = buf + strlen (buf) - 1;

      while (*end == '0')
        *end-- = '\0';
      if (*end == '.')
        *end = '\0';
    }
  return g_strdup (buf);
}

char *
qs_chart_unit_suffix (const char *unit)
{
  if (unit == NULL || *unit == '\0')
    return g_strdup ("");
  if (g_str_equal (unit, "%") || g_str_equal (unit, "％"))
    return g_strdup ("%");
  return g_strconcat (" ", unit, NULL);
}

/* ---- canvas ----------------------------------------------------------------- */

void
qs_chart_canvas_init (QsChartCanvas      *canvas,
                      cairo_t            *cr,
                      double              width,
                      double              height,
                      const QsChartTheme *theme,
                      QsChartTrace       *trace)
{
  cairo_font_options_t *options;

  memset (canvas, 0, sizeof *canvas);
  canvas->cr = cr;
  canvas->width = width;
  canvas->height = height;
  canvas->theme = theme ? theme : qs_chart_theme_light ();
  canvas->trace = trace;
  canvas->context = pango_cairo_create_context (cr);
  /* Metrics must not depend on the surface, so that a chart measured for
   * hit testing on an image lays out exactly as it draws on a PDF. */
  options = cairo_font_options_create ();
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (canvas->context, options);
  cairo_font_options_destroy (options);
  pango_context_set_round_glyph_positions (canvas->context, FALSE);
  canvas->layout = pango_layout_new (canvas->context);
  canvas->placed = g_array_new (FALSE, FALSE, sizeof (QsChartRect));
  if (trace != NULL)
    {
      trace->plot.x = trace->plot.y = trace->plot.width = trace->plot.height = 0;
    }
}

void
qs_chart_canvas_clear (QsChartCanvas *canvas)
{
  g_clear_object (&canvas->layout);
  g_clear_object (&canvas->context);
  g_clear_pointer (&canvas->placed, g_array_unref);
}

void
qs_chart_set_color (cairo_t            *cr,
                    const QsChartColor *color,
                    double              alpha)
{
  cairo_set_source_rgba (cr, color->red, color->green, color->blue, alpha);
}

void
qs_chart_layout_text (QsChartCanvas *canvas,
                      const char    *text,
                      double         scale,
                      gboolean       bold,
                      double         max_width,
                      int            max_lines)
{
  PangoFontDescription *desc = pango_font_description_new ();

  pango_font_description_set_family_static (desc, canvas->theme->font_family);
  pango_font_description_set_absolute_size (desc, canvas->theme->font_size * scale * PANGO_SCALE);
  pango_font_description_set_weight (desc, bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
  pango_layout_set_font_description (canvas->layout, desc);
  pango_font_description_free (desc);

  if (max_width > 0)
    {
      pango_layout_set_width (canvas->layout, (int) (max_width * PANGO_SCALE));
      pango_layout_set_wrap (canvas->layout, PANGO_WRAP_WORD_CHAR);
      pango_layout_set_height (canvas->layout, -MAX (max_lines, 1));
      pango_layout_set_ellipsize (canvas->layout, PANGO_ELLIPSIZE_END);
    }
  else
    {
      pango_layout_set_width (canvas->layout, -1);
      pango_layout_set_height (canvas->layout, -1);
      pango_layout_set_ellipsize (canvas->layout, PANGO_ELLIPSIZE_NONE);
    }
  pango_layout_set_alignment (canvas->layout, PANGO_ALIGN_LEFT);
  pango_layout_set_text (canvas->layout, text, -1);
}

void
qs_chart_text_size (QsChartCanvas *canvas,
                    const char    *text,
                    double         scale,
                    gboolean       bold,
                    double        *width,
                    double        *height)
{
  PangoRectangle logical;

  qs_chart_layout_text (canvas, text, scale, bold, -1, 1);
  pango_layout_get_extents (canvas->layout, NULL, &logical);
  if (width)
    *width = (double) logical.width / PANGO_SCALE;
  if (height)
    *height = (double) logical.height / PANGO_SCALE;
}

static void
record_text (QsChartCanvas     *canvas,
             const char        *text,
             QsChartTextRole    role,
             const QsChartRect *rect)
{
  g_array_append_val (canvas->placed, *rect);
  if (canvas->trace != NULL)
    {
      QsChartTextItem *item = g_new0 (QsChartTextItem, 1);

      item->text = g_strdup (text);
      item->role = role;
      item->rect = *rect;
      g_ptr_array_add (canvas->trace->texts, item);
    }
}

QsChartRect
qs_chart_draw_text (QsChartCanvas      *canvas,
                    const char         *text,
                    double              x,
                    double              y,
                    double              xalign,
                    double              yalign,
                    double              scale,
                    gboolean            bold,
                    const QsChartColor *color,
                    double              max_width,
                    int                 max_lines,
                    QsChartTextRole     role)
{
  PangoRectangle logical;
  QsChartRect rect;
  double w, h;

  qs_chart_layout_text (canvas, text, scale, bold, max_width, max_lines);
  if (max_width > 0)
    pango_layout_set_alignment (canvas->layout,
                                xalign > 0.75 ? PANGO_ALIGN_RIGHT :
                                xalign > 0.25 ? PANGO_ALIGN_CENTER : PANGO_ALIGN_LEFT);
  pango_layout_get_extents (canvas->layout, NULL, &logical);
  w = (double) logical.width / PANGO_SCALE;
  h = (double) logical.height / PANGO_SCALE;

  rect.x = x - xalign * w;
  rect.y = y - yalign * h;
  rect.width = w;
  rect.height = h;

  cairo_save (canvas->cr);
  if (role == QS_CHART_TEXT_VALUE && memcmp (color, &canvas->theme->background, sizeof *color) != 0)
    {
      /* A backing in the background colour keeps a figure legible where
       * it crosses a line or grid (a stroked glyph halo costs ten times
       * the whole chart). */
      cairo_save (canvas->cr);
      qs_chart_set_color (canvas->cr, &canvas->theme->background, 0.8);
      cairo_rectangle (canvas->cr, rect.x - 1, rect.y + 1, rect.width + 2, rect.height - 2);
      cairo_fill (canvas->cr);
      cairo_restore (canvas->cr);
    }
  /* The layout's own x offset (alignment inside a wrapped width). */
  cairo_move_to (canvas->cr, rect.x - (double) logical.x / PANGO_SCALE,
                 rect.y - (double) logical.y / PANGO_SCALE);
  qs_chart_set_color (canvas->cr, color, 1.0);
  pango_cairo_show_layout (canvas->cr, canvas->layout);
  cairo_restore (canvas->cr);

  record_text (canvas, text, role, &rect);
  return rect;
}

static gboolean
rect_inside (const QsChartRect *inner,
             const QsChartRect *outer)
{
  return inner->x >= outer->x - 0.01 && inner->y >= outer->y - 0.01 &&
         inner->x + inner->width <= outer->x + outer->width + 0.01 &&
         inner->y + inner->height <= outer->y + outer->height + 0.01;
}

gboolean
qs_chart_place_label (QsChartCanvas      *canvas,
                      const char         *text,
                      const double       *candidates,
                      guint               n,
                      const QsChartRect  *bounds,
                      double              scale,
                      const QsChartColor *color)
{
  double w, h;

  qs_chart_text_size (canvas, text, scale, FALSE, &w, &h);
  for (guint i = 0; i < n; i++)
    {
      const double *c = candidates + 4 * i;
      QsChartRect rect = { c[0] - c[2] * w, c[1] - c[3] * h, w, h };
      gboolean clear = rect_inside (&rect, bounds);

      for (guint j = 0; clear && j < canvas->placed->len; j++)
        clear = !qs_chart_rect_overlaps (&rect, &g_array_index (canvas->placed, QsChartRect, j), 0);
      if (clear)
        {
          qs_chart_draw_text (canvas, text, c[0], c[1], c[2], c[3], scale, FALSE, color, -1, 1,
                              QS_CHART_TEXT_VALUE);
          return TRUE;
        }
    }
  return FALSE;
}

void
qs_chart_reserve (QsChartCanvas     *canvas,
                  const QsChartRect *rect)
{
  g_array_append_val (canvas->placed, *rect);
}

char *
qs_chart_one_line (const char *text)
{
  GString *s = g_string_new (NULL);

  for (const char *p = text ? text : ""; *p; p++)
    if (*p != '\n' && *p != '\r')
      g_string_append_c (s, *p);
  return g_string_free (s, FALSE);
}

void
qs_chart_add_point (QsChartCanvas     *canvas,
                    const char        *series,
                    const char        *category,
                    const char        *value_text,
                    double             value,
                    double             x,
                    double             y,
                    const QsChartRect *box)
{
  QsChartPoint *point;

  if (canvas->trace == NULL)
    return;
  point = g_new0 (QsChartPoint, 1);
  point->series = g_strdup (series);
  point->category = g_strdup (category);
  point->value_text = g_strdup (value_text);
  point->value = value;
  point->x = x;
  point->y = y;
  if (box != NULL)
    point->box = *box;
  else
    point->box = (QsChartRect) { x - 6, y - 6, 12, 12 };
  g_ptr_array_add (canvas->trace->points, point);
}

void
qs_chart_draw_background (QsChartCanvas *canvas)
{
  cairo_save (canvas->cr);
  qs_chart_set_color (canvas->cr, &canvas->theme->background, 1.0);
  cairo_rectangle (canvas->cr, 0, 0, canvas->width, canvas->height);
  cairo_fill (canvas->cr);
  cairo_restore (canvas->cr);
}

double
qs_chart_draw_title (QsChartCanvas *canvas,
                     const char    *title,
                     const char    *subtitle)
{
  double margin = canvas->theme->font_size * 1.2;
  double y = margin;
  QsChartRect r;

  if (title != NULL && *title)
    {
      r = qs_chart_draw_text (canvas, title, margin, y, 0, 0, 1.3, TRUE, &canvas->theme->text,
                              canvas->width - 2 * margin, 1, QS_CHART_TEXT_TITLE);
      y += r.height + 2;
    }
  if (subtitle != NULL && *subtitle)
    {
      r = qs_chart_draw_text (canvas, subtitle, margin, y, 0, 0, 0.92, FALSE, &canvas->theme->muted,
                              canvas->width - 2 * margin, 1, QS_CHART_TEXT_TITLE);
      y += r.height;
    }
  return y + canvas->theme->font_size * 0.6;
}

void
qs_chart_draw_marker (cairo_t            *cr,
                      QsChartSwatch       swatch,
                      const QsChartColor *color,
                      const QsChartColor *fill,
                      double              x,
                      double              y,
                      double              size)
{
  cairo_save (cr);
  cairo_new_path (cr);
  switch (swatch)
    {
    case QS_CHART_SWATCH_MARKER:
      cairo_move_to (cr, x, y - size);
      cairo_line_to (cr, x + size, y);
      cairo_line_to (cr, x, y + size);
      cairo_line_to (cr, x - size, y);
      cairo_close_path (cr);
      qs_chart_set_color (cr, fill, 1.0);
      cairo_fill_preserve (cr);
      qs_chart_set_color (cr, color, 1.0);
      cairo_set_line_width (cr, 2.0);
      cairo_stroke (cr);
      break;
    case QS_CHART_SWATCH_BAR:
      cairo_rectangle (cr, x - size, y - size, 2 * size, 2 * size);
      qs_chart_set_color (cr, color, 1.0);
      cairo_fill (cr);
      break;
    case QS_CHART_SWATCH_LINE:
    case QS_CHART_SWATCH_DASHED:
    default:
      cairo_arc (cr, x, y, size * 0.8, 0, 2 * G_PI);
      qs_chart_set_color (cr, color, 1.0);
      cairo_fill_preserve (cr);
      qs_chart_set_color (cr, fill, 1.0);
      cairo_set_line_width (cr, 1.5);
      cairo_stroke (cr);
      break;
    }
  cairo_restore (cr);
}

static void
draw_swatch (QsChartCanvas           *canvas,
             const QsChartLegendItem *item,
             double                   x,
             double                   cy,
             double                   w)
{
  cairo_t *cr = canvas->cr;

  cairo_save (cr);
  switch (item->swatch)
    {
    case QS_CHART_SWATCH_LINE:
      qs_chart_set_color (cr, item->color, 1.0);
      cairo_set_line_width (cr, 2.5);
      cairo_move_to (cr, x, cy);
      cairo_line_to (cr, x + w, cy);
      cairo_stroke (cr);
      qs_chart_draw_marker (cr, item->swatch, item->color, &canvas->theme->background, x + w / 2, cy, 4.5);
      break;
    case QS_CHART_SWATCH_DASHED:
      {
        static const double dashes[] = { 6, 4 };

        qs_chart_set_color (cr, item->color, 1.0);
        cairo_set_line_width (cr, 2.0);
        cairo_set_dash (cr, dashes, 2, 0);
        cairo_move_to (cr, x, cy);
        cairo_line_to (cr, x + w, cy);
        cairo_stroke (cr);
      }
      break;
    case QS_CHART_SWATCH_MARKER:
      qs_chart_draw_marker (cr, item->swatch, item->color, &canvas->theme->background, x + w / 2, cy, 5.5);
      break;
    case QS_CHART_SWATCH_BAR:
    default:
      qs_chart_set_color (cr, item->color, 1.0);
      cairo_rectangle (cr, x + w / 2 - 7, cy - 6, 14, 12);
      cairo_fill (cr);
      break;
    }
  cairo_restore (cr);
}

double
qs_chart_draw_legend (QsChartCanvas           *canvas,
                      const QsChartLegendItem *items,
                      guint                    n_items,
                      double                   x0,
                      double                   x1,
                      double                   y)
{
  double swatch_w = 24, gap = 6, spacing = 18;
  double x = x0, line_h = 0;

  for (guint i = 0; i < n_items; i++)
    {
      double w, h, item_w;

      qs_chart_text_size (canvas, items[i].label, 0.92, FALSE, &w, &h);
      item_w = swatch_w + gap + w;
      if (x > x0 && x + item_w > x1)
        {
          x = x0;
          y += line_h + 4;
        }
      line_h = MAX (line_h, h);
      draw_swatch (canvas, &items[i], x, y + h / 2, swatch_w);
      qs_chart_draw_text (canvas, items[i].label, x + swatch_w + gap, y, 0, 0, 0.92, FALSE,
                          &canvas->theme->text, MAX (x1 - x - swatch_w - gap, 10), 1,
                          QS_CHART_TEXT_LEGEND);
      x += item_w + spacing;
    }
  return n_items > 0 ? y + line_h + canvas->theme->font_size * 0.6 : y;
}

double
qs_chart_notes_height (QsChartCanvas *canvas,
                       const char    *notes,
                       double         width)
{
  PangoRectangle logical;

  if (notes == NULL || *notes == '\0')
    return 0;
  qs_chart_layout_text (canvas, notes, 0.85, FALSE, width, 3);
  pango_layout_get_extents (canvas->layout, NULL, &logical);
  return (double) logical.height / PANGO_SCALE;
}

void
qs_chart_draw_notes (QsChartCanvas *canvas,
                     const char    *notes,
                     double         x,
                     double         y,
                     double         width)
{
  if (notes == NULL || *notes == '\0')
    return;
  qs_chart_draw_text (canvas, notes, x, y, 0, 0, 0.85, FALSE, &canvas->theme->muted, width, 3,
                      QS_CHART_TEXT_NOTE);
}

double
qs_chart_ticks_width (QsChartCanvas *canvas,
                      double         axis_min,
                      double         axis_max,
                      double         step,
                      double        *label_h)
{
  double tick_w = 0;

  for (double v = axis_min; v <= axis_max + step * 0.01; v += step)
    {
      g_autofree char *t = qs_chart_format_tick (v, step);
      double w;

      qs_chart_text_size (canvas, t, 0.9, FALSE, &w, label_h);
      tick_w = MAX (tick_w, w);
    }
  return tick_w;
}

void
qs_chart_draw_value_grid (QsChartCanvas      *canvas,
                          const QsChartRect  *plot,
                          double              axis_min,
                          double              axis_max,
                          double              step,
                          const QsChartColor *base_color)
{
  cairo_t *cr = canvas->cr;

  cairo_set_line_width (cr, 1.0);
  for (double v = axis_min; v <= axis_max + step * 0.01; v += step)
    {
      g_autofree char *t = qs_chart_format_tick (v, step);
      double tick_y = plot->y + plot->height - (v - axis_min) / (axis_max - axis_min) * plot->height;
      double y = round (tick_y) + 0.5;

      qs_chart_set_color (cr, v == axis_min ? base_color : &canvas->theme->grid, 1.0);
      cairo_move_to (cr, plot->x, y);
      cairo_line_to (cr, plot->x + plot->width, y);
      cairo_stroke (cr);
      qs_chart_draw_text (canvas, t, plot->x - 8, tick_y, 1, 0.5, 0.9, FALSE, &canvas->theme->muted, -1, 1,
                          QS_CHART_TEXT_AXIS);
    }
}

void
qs_chart_draw_requirement (QsChartCanvas     *canvas,
                           const QsChartRect *plot,
                           const QsChartRect *bounds,
                           double             y,
                           const char        *name,
                           const char        *text,
                           const char        *suffix,
                           double             inset)
{
  static const double dashes[] = { 7, 5 };
  cairo_t *cr = canvas->cr;
  g_autofree char *label = g_strdup_printf ("%s %s%s", name, text, suffix);
  double candidates[] = {
    plot->x + plot->width - inset, y - 3, 1, 1,
    plot->x + plot->width - inset, y + 3, 1, 0,
    plot->x + inset, y - 3, 0, 1,
    plot->x + inset, y + 3, 0, 0,
  };

  cairo_save (cr);
  qs_chart_set_color (cr, &canvas->theme->requirement, 0.85);
  cairo_set_line_width (cr, 1.8);
  cairo_set_dash (cr, dashes, 2, 0);
  cairo_move_to (cr, plot->x, y);
  cairo_line_to (cr, plot->x + plot->width, y);
  cairo_stroke (cr);
  cairo_restore (cr);
  qs_chart_place_label (canvas, label, candidates, 4, bounds, 0.85, &canvas->theme->text);
}

void
qs_chart_describe_heading (GString    *s,
                           const char *kind,
                           const char *indicator,
                           const char *unit,
                           guint       n_districts)
{
  g_string_append_printf (s, "%s：%s", kind, indicator);
  if (unit && *unit)
    g_string_append_printf (s, "（单位：%s）", unit);
  g_string_append_printf (s, "，%u个地区。", n_districts);
}

/* ---- export ---------------------------------------------------------------- */

gboolean
qs_chart_export (const char         *path,
                 double              width,
                 double              height,
                 QsChartRenderFunc   render,
                 gconstpointer       data,
                 GError            **error)
{
  g_autofree char *lower = NULL;
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;
  gboolean png;

  g_return_val_if_fail (path != NULL && render != NULL, FALSE);

  if (width < 50 || height < 50 || width > 20000 || height > 20000)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   "%s: a chart must be between 50 and 20000 units wide and high (asked %g × %g)",
                   path, width, height);
      return FALSE;
    }
  lower = g_ascii_strdown (path, -1);
  png = g_str_has_suffix (lower, ".png");
  if (png)
    surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, (int) ceil (width), (int) ceil (height));
  else if (g_str_has_suffix (lower, ".svg"))
    surface = cairo_svg_surface_create (path, width, height);
  else if (g_str_has_suffix (lower, ".pdf"))
    surface = cairo_pdf_surface_create (path, width, height);
  else
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   "%s: unknown chart format; name the file .png, .svg or .pdf", path);
      return FALSE;
    }

  cr = cairo_create (surface);
  render (cr, width, height, data);
  status = cairo_status (cr);
  cairo_destroy (cr);
  /* Finishing writes a vector file out; an image is written after. */
  if (status == CAIRO_STATUS_SUCCESS && png)
    status = cairo_surface_write_to_png (surface, path);
  cairo_surface_finish (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "%s: cannot write the chart: %s",
                   path, cairo_status_to_string (status));
      return FALSE;
    }
  return TRUE;
}

/* ---- indicator matching ----------------------------------------------------- */

static char *
bare_name (const char *name)
{
  GString *s = g_string_new (NULL);
  int depth = 0;

  for (const char *p = name ? name : ""; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == 0xFF08 || c == '(')
        depth++;
      else if (c == 0xFF09 || c == ')')
        depth = MAX (depth - 1, 0);
      else if (depth == 0 && !g_unichar_isspace (c) && c != 0xA0 && c != 0x3000)
        g_string_append_unichar (s, c);
    }
  return g_string_free (s, FALSE);
}

gboolean
qs_chart_indicator_matches (QsCatalog  *catalog,
                            const char *wanted_id,
                            const char *wanted_name,
                            const char *row_id,
                            const char *row_name)
{
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;

  if (wanted_id != NULL)
    {
      if (row_id != NULL)
        return g_str_equal (wanted_id, row_id);
      if (catalog != NULL && row_name != NULL)
        {
          QsCatalogEntry *entry = qs_catalog_lookup_name (catalog, row_name);

          if (entry != NULL)
            return g_str_equal (wanted_id, qs_catalog_entry_get_id (entry));
        }
    }
  if (wanted_name == NULL || row_name == NULL)
    return FALSE;
  a = bare_name (wanted_name);
  b = bare_name (row_name);
  return *a != '\0' && g_str_equal (a, b);
}

QsChartPoint *
qs_chart_hit_test (QsChartTracedFunc  render,
                   gconstpointer      data,
                   double             width,
                   double             height,
                   double             x,
                   double             y)
{
  g_autoptr(QsChartTrace) trace = qs_chart_trace_new ();
  cairo_surface_t *surface;
  cairo_t *cr;

  /* A one-pixel surface: the layout is computed, almost nothing drawn. */
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1, 1);
  cr = cairo_create (surface);
  render (cr, width, height, data, trace);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  return qs_chart_trace_hit (trace, x, y, 10);
}

void
qs_chart_resolve_indicator (QsCatalog  *catalog,
                            const char *indicator,
                            char      **id,
                            char      **name,
                            char      **unit)
{
  QsCatalogEntry *entry = NULL;

  if (catalog != NULL && indicator != NULL)
    {
      entry = qs_catalog_lookup_id (catalog, indicator);
      if (entry == NULL)
        entry = qs_catalog_lookup_name (catalog, indicator);
    }
  *id = entry ? g_strdup (qs_catalog_entry_get_id (entry)) : NULL;
  *name = g_strdup (entry ? qs_catalog_entry_get_name (entry) : indicator);
  if (unit != NULL)
    *unit = entry && qs_catalog_entry_get_unit (entry) ? g_strdup (qs_catalog_entry_get_unit (entry)) : NULL;
}
