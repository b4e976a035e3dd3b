/* qs-paginator.c: pagination of plans and tables with pango and cairo.
 *
 * Pagination turns the plan into a list of pages, each a list of boxes
 * (a range of lines of a PangoLayout clipped to a rectangle, a rule, a page
 * reference of the table of contents, a custom block).  Drawing a page only
 * replays its boxes, so print preview, printing and PDF export agree to the
 * point. */
#include "config.h"

#define G_LOG_DOMAIN "qs-paginator"

#include <errno.h>
#include <math.h>
#include <string.h>
#include <unistd.h>

#include <cairo-pdf.h>
#include <fontconfig/fontconfig.h>
#include <glib/gstdio.h>
#include <hb-subset.h>
#include <pango/pangocairo.h>
#include <pango/pangofc-font.h>
#include <pango/pangofc-fontmap.h>

#include "qs-paginator.h"

#define MM (72.0 / 25.4)

/* GB/T 9704-like margins; landscape pages turn the sheet a quarter. */
#define MARGIN_TOP    (37 * MM)
#define MARGIN_BOTTOM (35 * MM)
#define MARGIN_LEFT   (28 * MM)
#define MARGIN_RIGHT  (26 * MM)
#define LMARGIN_TOP    (26 * MM)
#define LMARGIN_BOTTOM (28 * MM)
#define LMARGIN_LEFT   (37 * MM)
#define LMARGIN_RIGHT  (35 * MM)

#define CELL_PAD_X   4.0
#define CELL_PAD_Y   3.0
#define RULE_INNER   0.5
#define RULE_OUTER   0.75

typedef enum
{
  BOX_TEXT,
  BOX_RULE,
  BOX_PAGEREF,
  BOX_CUSTOM,
} BoxKind;

typedef struct
{
  BoxKind      kind;
  PangoLayout *layout;        /* TEXT, PAGEREF */
  double       ox, oy;        /* TEXT, PAGEREF: the layout's origin; RULE: start; CUSTOM: origin */
  double       cx, cy;        /* TEXT: clip origin; RULE: end; PAGEREF: right edge, leader y */
  double       cw, ch;        /* TEXT: clip size (cw < 0: no clip); CUSTOM: size; PAGEREF: text end x */
  int          first_line;    /* TEXT */
  int          n_lines;       /* TEXT: < 0 for all */
  double       line_width;    /* RULE */
  guint        target;        /* PAGEREF: anchor; CUSTOM: drawer */
  GObject     *block;         /* CUSTOM */
} Box;

typedef struct
{
  gboolean  landscape;
  gboolean  numbered;
  double    width;
  double    height;
  GArray   *boxes;
} Page;

typedef struct
{
  char   *title;
  int     parent;     /* anchor index, or -1 */
  int     page;       /* -1 until placed */
  double  y;
} Anchor;

typedef struct
{
  GType                  type;
  QsPaginatorMeasureFunc measure;
  QsPaginatorDrawFunc    draw;
  gpointer               user_data;
  GDestroyNotify         destroy;
} Drawer;

struct _QsPaginator
{
  GObject                parent_instance;

  QsPlan                *plan;
  QsPaginatorContent     content;
  QsPageOrientation      orientation;
  char                  *table_filter;
  GObject               *only_table;  /* print just this table, or NULL */
  char                  *font_family;
  char                  *heading_family;
  double                 font_size;

  char                  *status_header;
  QsPaginatorStatusFunc  status_func;
  gpointer               status_data;
  GDestroyNotify         status_destroy;

  GArray                *drawers;     /* of Drawer */

  /* The current pagination. */
  PangoContext          *context;
  GPtrArray             *pages;       /* of Page* */
  GArray                *anchors;     /* of Anchor */
  GHashTable            *section_anchors;  /* QsSection* → anchor index + 1 */
  double                 paper_width;
  double                 paper_height;
  gboolean               paginated;
};

G_DEFINE_FINAL_TYPE (QsPaginator, qs_paginator, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_PLAN,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_QUARK (qs-paginator-error-quark, qs_paginator_error)

/* A table as the paginator sees it: text cells on a grid. */
typedef struct
{
  char       *caption;
  char       *anchor_title;
  guint       n_cols;
  GPtrArray  *headers;        /* of char*, n_cols */
  GArray     *roles;          /* of QsColumnRole, n_cols */
  GPtrArray  *rows;           /* of GPtrArray of char*, n_cols each */
  GArray     *groups;         /* of guint: the first row of each row's category group */
  int         category_col;   /* merged down its rows, or -1 */
  GPtrArray  *notes;          /* of char* */
  gboolean    box;            /* a task box: one column, no header, frame only */
} TableSpec;

typedef struct
{
  QsPaginator *self;
  Page        *page;
  double       y;
  int          parent_anchor;
} Flow;

/* Geometry */

static void
page_margins (gboolean  landscape,
              double   *top,
              double   *right,
              double   *bottom,
              double   *left)
{
  *top = landscape ? LMARGIN_TOP : MARGIN_TOP;
  *right = landscape ? LMARGIN_RIGHT : MARGIN_RIGHT;
  *bottom = landscape ? LMARGIN_BOTTOM : MARGIN_BOTTOM;
  *left = landscape ? LMARGIN_LEFT : MARGIN_LEFT;
}

static double
page_left (Page *page)
{
  double t, r, b, l;

  page_margins (page->landscape, &t, &r, &b, &l);
  return l;
}

static double
page_top (Page *page)
{
  double t, r, b, l;

  page_margins (page->landscape, &t, &r, &b, &l);
  return t;
}

static double
page_bottom (Page *page)
{
  double t, r, b, l;

  page_margins (page->landscape, &t, &r, &b, &l);
  return page->height - b;
}

static double
page_content_width (Page *page)
{
  double t, r, b, l;

  page_margins (page->landscape, &t, &r, &b, &l);
  return page->width - l - r;
}

static double
paper_content_width (QsPaginator *self,
                     gboolean     landscape)
{
  double t, r, b, l;

  page_margins (landscape, &t, &r, &b, &l);
  return (landscape ? self->paper_height : self->paper_width) - l - r;
}

/* Pages and boxes */

static void
box_clear (gpointer data)
{
  Box *box = data;

  g_clear_object (&box->layout);
  g_clear_object (&box->block);
}

static void
page_free (gpointer data)
{
  Page *page = data;

  g_array_unref (page->boxes);
  g_free (page);
}

static void
anchor_clear (gpointer data)
{
  Anchor *anchor = data;

  g_free (anchor->title);
}

static void
drawer_clear (gpointer data)
{
  Drawer *drawer = data;

  if (drawer->destroy != NULL)
    drawer->destroy (drawer->user_data);
}

static void
flow_new_page (Flow     *flow,
               gboolean  landscape)
{
  QsPaginator *self = flow->self;
  Page *page = g_new0 (Page, 1);

  page->landscape = landscape;
  page->numbered = TRUE;
  page->width = landscape ? self->paper_height : self->paper_width;
  page->height = landscape ? self->paper_width : self->paper_height;
  page->boxes = g_array_new (FALSE, TRUE, sizeof (Box));
  g_array_set_clear_func (page->boxes, box_clear);
  g_ptr_array_add (self->pages, page);
  flow->page = page;
  flow->y = page_top (page);
}

static gboolean
flow_at_top (Flow *flow)
{
  return flow->y <= page_top (flow->page) + 0.5;
}

/* Starts a new page unless @height more points fit on this one. */
static void
flow_need (Flow   *flow,
           double  height)
{
  if (flow->y + height > page_bottom (flow->page) && !flow_at_top (flow))
    flow_new_page (flow, flow->page->landscape);
}

static void
flow_orient (Flow     *flow,
             gboolean  landscape)
{
  if (flow->page == NULL || flow->page->landscape != landscape)
    {
      if (flow->page != NULL && flow_at_top (flow) && flow->page->boxes->len == 0)
        {
          /* Turn the empty page rather than leave it blank. */
          Page *page = flow->page;

          page->landscape = landscape;
          page->width = landscape ? flow->self->paper_height : flow->self->paper_width;
          page->height = landscape ? flow->self->paper_width : flow->self->paper_height;
          flow->y = page_top (page);
        }
      else
        flow_new_page (flow, landscape);
    }
}

static void
add_text (Page        *page,
          PangoLayout *layout,
          double       ox,
          double       oy,
          double       cx,
          double       cy,
          double       cw,
          double       ch,
          int          first_line,
          int          n_lines)
{
  Box box = { 0 };

  box.kind = BOX_TEXT;
  box.layout = g_object_ref (layout);
  box.ox = ox;
  box.oy = oy;
  box.cx = cx;
  box.cy = cy;
  box.cw = cw;
  box.ch = ch;
  box.first_line = first_line;
  box.n_lines = n_lines;
  g_array_append_val (page->boxes, box);
}

static void
add_rule (Page   *page,
          double  x1,
          double  y1,
          double  x2,
          double  y2,
          double  width)
{
  Box box = { 0 };

  box.kind = BOX_RULE;
  box.ox = x1;
  box.oy = y1;
  box.cx = x2;
  box.cy = y2;
  box.line_width = width;
  g_array_append_val (page->boxes, box);
}

static int
add_anchor (QsPaginator *self,
            const char  *title,
            int          parent)
{
  Anchor anchor = { 0 };

  anchor.title = g_strdup (title != NULL && *title != '\0' ? title : "—");
  anchor.parent = parent;
  anchor.page = -1;
  g_array_append_val (self->anchors, anchor);
  return self->anchors->len - 1;
}

static void
place_anchor (Flow *flow,
              int   index)
{
  Anchor *anchor = &g_array_index (flow->self->anchors, Anchor, index);

  anchor->page = flow->self->pages->len - 1;
  anchor->y = flow->y;
}

/* Layouts */

/* Two faces only (body serif, bold heading sans, like 宋体 and 黑体): every
 * CJK face embedded costs cairo a read of its whole 20 MB CFF table. */
typedef enum
{
  FONT_BODY,
  FONT_BODY_BOLD,
  FONT_HEADING,
  FONT_HEADING_BOLD,
} FontKind;

static PangoLayout *
make_layout (QsPaginator    *self,
             FontKind        kind,
             double          size,
             const char     *text,
             double          width,
             PangoAlignment  align)
{
  PangoLayout *layout = pango_layout_new (self->context);
  g_autoptr(PangoFontDescription) desc = pango_font_description_new ();
  gboolean heading = kind == FONT_HEADING || kind == FONT_HEADING_BOLD;

  pango_font_description_set_family (desc, heading ? self->heading_family : self->font_family);
  pango_font_description_set_weight (desc, (kind == FONT_BODY_BOLD || kind == FONT_HEADING_BOLD)
                                           ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
  pango_font_description_set_size (desc, (int) (size * PANGO_SCALE));
  pango_layout_set_font_description (layout, desc);
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  if (width > 0)
    pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
  pango_layout_set_alignment (layout, align);
  pango_layout_set_text (layout, text != NULL ? text : "", -1);
  return layout;
}

/* At most @lines lines, the last one ending in "…" when cut. */
static void
limit_lines (PangoLayout *layout,
             int          lines)
{
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  pango_layout_set_height (layout, -lines);
}

static double
layout_width (PangoLayout *layout)
{
  PangoRectangle logical;

  pango_layout_get_extents (layout, NULL, &logical);
  return (double) (logical.x + logical.width) / PANGO_SCALE;
}

static double
layout_height (PangoLayout *layout)
{
  PangoRectangle logical;

  pango_layout_get_extents (layout, NULL, &logical);
  return (double) logical.height / PANGO_SCALE;
}

/* Line tops and bottoms in layout coordinates: pairs of doubles. */
static GArray *
layout_line_spans (PangoLayout *layout)
{
  GArray *spans = g_array_new (FALSE, FALSE, sizeof (double));
  PangoLayoutIter *iter = pango_layout_get_iter (layout);

  do
    {
      int y0, y1;
      double top, bottom;

      pango_layout_iter_get_line_yrange (iter, &y0, &y1);
      top = (double) y0 / PANGO_SCALE;
      bottom = (double) y1 / PANGO_SCALE;
      g_array_append_val (spans, top);
      g_array_append_val (spans, bottom);
    }
  while (pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);
  return spans;
}

#define SPAN_TOP(a, i)    g_array_index ((a), double, 2 * (i))
#define SPAN_BOTTOM(a, i) g_array_index ((a), double, 2 * (i) + 1)

/* Places @layout at @x, breaking it between lines across pages. */
static void
flow_layout (Flow        *flow,
             PangoLayout *layout,
             double       x,
             double       clip_width)
{
  g_autoptr(GArray) spans = layout_line_spans (layout);
  guint n = spans->len / 2;
  guint i = 0;

  while (i < n)
    {
      double avail = page_bottom (flow->page) - flow->y;
      double base = SPAN_TOP (spans, i);
      guint j = i;
      double height;

      while (j < n && SPAN_BOTTOM (spans, j) - base <= avail + 0.01)
        j++;
      if (j == i)
        {
          if (!flow_at_top (flow))
            {
              flow_new_page (flow, flow->page->landscape);
              continue;
            }
          /* A single line taller than the page: clip it. */
          j = i + 1;
        }
      height = MIN (avail, SPAN_BOTTOM (spans, j - 1) - base);
      add_text (flow->page, layout, x, flow->y - base,
                x - 2, flow->y, clip_width + 4, height, i, j - i);
      flow->y += height;
      i = j;
      if (i < n)
        flow_new_page (flow, flow->page->landscape);
    }
}

/* Numbers */

static gboolean
utf8_has_prefix_in (const char  *p,
                    const char **prefixes,
                    gsize       *length)
{
  for (guint i = 0; prefixes[i] != NULL; i++)
    if (g_str_has_prefix (p, prefixes[i]))
      {
        *length = strlen (prefixes[i]);
        return TRUE;
      }
  return FALSE;
}

/* TRUE when @text is a single number (with a comparison sign or a percent
 * sign); @anchor is the byte index of its decimal point, or of the end of
 * its digits, on which a column of numbers is aligned. */
static gboolean
parse_number (const char *text,
              gsize      *anchor)
{
  static const char *prefixes[] = {
    "<=", ">=", "≤", "≥", "<", ">", "＜", "＞", "~", "～", "约", "+", "-", "−", "±", NULL
  };
  static const char *suffixes[] = { "%", "％", "‰", NULL };
  const char *p = text;
  gsize len;
  gboolean digits = FALSE;

  while (*p == ' ')
    p++;
  if (utf8_has_prefix_in (p, prefixes, &len))
    p += len;
  while (g_ascii_isdigit (*p) || (*p == ',' && digits))
    {
      digits = TRUE;
      p++;
    }
  if (!digits)
    return FALSE;
  *anchor = p - text;
  if (*p == '.')
    {
      p++;
      if (!g_ascii_isdigit (*p))
        return FALSE;
      while (g_ascii_isdigit (*p))
        p++;
    }
  if (utf8_has_prefix_in (p, suffixes, &len))
    p += len;
  while (*p == ' ')
    p++;
  return *p == '\0';
}

static gboolean
role_is_value (QsColumnRole role)
{
  return role == QS_COLUMN_BASELINE || role == QS_COLUMN_TARGET || role == QS_COLUMN_ACTUAL ||
         role == QS_COLUMN_CHANGE;
}

static gboolean
role_is_prose (QsColumnRole role)
{
  return role == QS_COLUMN_NAME || role == QS_COLUMN_SUBNAME || role == QS_COLUMN_REMARK ||
         role == QS_COLUMN_OTHER;
}

/* Table specs */

static void
table_spec_free (TableSpec *spec)
{
  g_free (spec->caption);
  g_free (spec->anchor_title);
  g_ptr_array_unref (spec->headers);
  g_array_unref (spec->roles);
  g_ptr_array_unref (spec->rows);
  g_array_unref (spec->groups);
  g_ptr_array_unref (spec->notes);
  g_free (spec);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TableSpec, table_spec_free)

static TableSpec *
table_spec_new (const char *label,
                const char *caption)
{
  TableSpec *spec = g_new0 (TableSpec, 1);

  spec->caption = caption != NULL && *caption != '\0' ? g_strdup (caption)
                  : label != NULL && *label != '\0' ? g_strdup (label) : NULL;
  spec->anchor_title = g_strdup (spec->caption != NULL ? spec->caption : "表");
  spec->headers = g_ptr_array_new_with_free_func (g_free);
  spec->roles = g_array_new (FALSE, FALSE, sizeof (QsColumnRole));
  spec->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  spec->groups = g_array_new (FALSE, FALSE, sizeof (guint));
  spec->notes = g_ptr_array_new_with_free_func (g_free);
  spec->category_col = -1;
  return spec;
}

static void
table_spec_add_column (TableSpec    *spec,
                       const char   *header,
                       QsColumnRole  role)
{
  g_ptr_array_add (spec->headers, g_strdup (header != NULL ? header : ""));
  g_array_append_val (spec->roles, role);
  spec->n_cols++;
}

/* Adds a row of @n cells; cells beyond the table's columns are kept, joined
 * to the last column, so nothing written is lost on paper. */
static void
table_spec_add_row (TableSpec   *spec,
                    const char **cells,
                    guint        n)
{
  GPtrArray *row = g_ptr_array_new_with_free_func (g_free);
  guint group = spec->rows->len;

  for (guint c = 0; c < spec->n_cols; c++)
    {
      if (c + 1 == spec->n_cols && n > spec->n_cols)
        {
          GString *joined = g_string_new (NULL);

          for (guint k = c; k < n; k++)
            if (cells[k] != NULL && *cells[k] != '\0')
              {
                if (joined->len > 0)
                  g_string_append_c (joined, ' ');
                g_string_append (joined, cells[k]);
              }
          g_ptr_array_add (row, g_string_free (joined, FALSE));
        }
      else
        g_ptr_array_add (row, g_strdup (c < n && cells[c] != NULL ? cells[c] : ""));
    }
  g_ptr_array_add (spec->rows, row);
  g_array_append_val (spec->groups, group);
}

static const char *
spec_cell (TableSpec *spec,
           guint      row,
           guint      col)
{
  GPtrArray *cells = g_ptr_array_index (spec->rows, row);

  return g_ptr_array_index (cells, col);
}

static TableSpec *
table_spec_from_indicator_table (QsPaginator      *self,
                                 QsIndicatorTable *table)
{
  GListModel *columns = G_LIST_MODEL (qs_indicator_table_get_columns (table));
  GListModel *rows = G_LIST_MODEL (qs_indicator_table_get_rows (table));
  guint n_cols = g_list_model_get_n_items (columns);
  guint n_rows = g_list_model_get_n_items (rows);
  const char * const *notes = qs_indicator_table_get_notes (table);
  TableSpec *spec = table_spec_new (qs_indicator_table_get_label (table),
                                    qs_indicator_table_get_caption (table));
  int category_col = qs_indicator_table_find_column (table, QS_COLUMN_CATEGORY);
  g_autofree const char **cells = NULL;
  guint max_cells = n_cols;

  for (guint c = 0; c < n_cols; c++)
    {
      g_autoptr(QsTableColumn) column = g_list_model_get_item (columns, c);

      table_spec_add_column (spec, qs_table_column_get_header (column),
                             qs_table_column_get_role (column));
    }
  if (self->status_func != NULL)
    table_spec_add_column (spec, self->status_header, QS_COLUMN_STATUS);

  for (guint r = 0; r < n_rows; r++)
    {
      g_autoptr(QsIndicatorRow) row = g_list_model_get_item (rows, r);

      max_cells = MAX (max_cells, qs_indicator_row_get_n_cells (row));
    }
  cells = g_new0 (const char *, max_cells + 1);

  for (guint r = 0; r < n_rows; r++)
    {
      g_autoptr(QsIndicatorRow) row = g_list_model_get_item (rows, r);
      guint n = MAX (n_cols, qs_indicator_row_get_n_cells (row));
      g_autofree char *status = NULL;

      for (guint c = 0; c < n; c++)
        cells[c] = qs_indicator_row_get_cell (row, c);
      if (self->status_func != NULL)
        {
          /* The status goes in its own last column; extra cells, if any,
           * are joined to the status cell's left neighbour. */
          g_autoptr(GPtrArray) wide = g_ptr_array_new ();

          status = self->status_func (table, r, self->status_data);
          for (guint c = 0; c < n_cols; c++)
            g_ptr_array_add (wide, (gpointer) cells[c]);
          if (n > n_cols && n_cols > 0)
            {
              GString *joined = g_string_new (cells[n_cols - 1]);

              for (guint k = n_cols; k < n; k++)
                if (*cells[k] != '\0')
                  g_string_append_printf (joined, " %s", cells[k]);
              wide->pdata[n_cols - 1] = g_string_free (joined, FALSE);
            }
          g_ptr_array_add (wide, status != NULL ? status : "");
          table_spec_add_row (spec, (const char **) wide->pdata, wide->len);
          if (n > n_cols && n_cols > 0)
            g_free (wide->pdata[n_cols - 1]);
        }
      else
        table_spec_add_row (spec, cells, n);

      /* Rows merge down the category column when their category cell is
       * empty (merged) or repeats the group's, and the meaning agrees. */
      if (category_col >= 0 && r > 0)
        {
          g_autoptr(QsIndicatorRow) prev = g_list_model_get_item (rows, r - 1);
          const char *cell = qs_indicator_row_get_cell (row, category_col);
          guint prev_group = g_array_index (spec->groups, guint, r - 1);
          const char *group_cell = spec_cell (spec, prev_group, category_col);

          if ((*cell == '\0' || g_strcmp0 (cell, group_cell) == 0) &&
              *group_cell != '\0' &&
              g_strcmp0 (qs_indicator_row_get_category (row),
                         qs_indicator_row_get_category (prev)) == 0)
            g_array_index (spec->groups, guint, r) = prev_group;
        }
    }
  spec->category_col = category_col;

  for (guint i = 0; notes != NULL && notes[i] != NULL; i++)
    g_ptr_array_add (spec->notes, g_strdup (notes[i]));
  return spec;
}

/* A task table gives a box of items, a grid of columns, or both. */
static void
task_table_specs (QsTaskTable *table,
                  GPtrArray   *specs)
{
  GListModel *columns = G_LIST_MODEL (qs_task_table_get_columns (table));
  GListModel *rows = G_LIST_MODEL (qs_task_table_get_rows (table));
  GListModel *items = G_LIST_MODEL (qs_task_table_get_items (table));
  guint n_cols = g_list_model_get_n_items (columns);
  guint n_items = g_list_model_get_n_items (items);
  const char * const *notes = qs_task_table_get_notes (table);
  const char *label = qs_task_table_get_label (table);
  const char *caption = qs_task_table_get_caption (table);
  TableSpec *last = NULL;

  if (n_items > 0 || n_cols == 0)
    {
      TableSpec *spec = table_spec_new (label, caption);

      spec->box = TRUE;
      table_spec_add_column (spec, "", QS_COLUMN_OTHER);
      for (guint i = 0; i < n_items; i++)
        {
          g_autoptr(QsTaskItem) item = g_list_model_get_item (items, i);
          const char *text = qs_task_item_get_text (item);

          table_spec_add_row (spec, &text, 1);
        }
      g_ptr_array_add (specs, spec);
      last = spec;
    }
  if (n_cols > 0)
    {
      TableSpec *spec = table_spec_new (last == NULL ? label : NULL, last == NULL ? caption : NULL);
      guint n_rows = g_list_model_get_n_items (rows);

      if (last != NULL)
        {
          g_free (spec->anchor_title);
          spec->anchor_title = NULL;
        }
      for (guint c = 0; c < n_cols; c++)
        {
          g_autoptr(QsTableColumn) column = g_list_model_get_item (columns, c);

          table_spec_add_column (spec, qs_table_column_get_header (column),
                                 qs_table_column_get_role (column));
        }
      for (guint r = 0; r < n_rows; r++)
        {
          g_autoptr(QsTaskRow) row = g_list_model_get_item (rows, r);
          guint n = MAX (n_cols, qs_task_row_get_n_cells (row));
          g_autofree const char **cells = g_new0 (const char *, n + 1);

          for (guint c = 0; c < n; c++)
            cells[c] = qs_task_row_get_cell (row, c);
          table_spec_add_row (spec, cells, n);
        }
      g_ptr_array_add (specs, spec);
      last = spec;
    }
  for (guint i = 0; notes != NULL && notes[i] != NULL; i++)
    g_ptr_array_add (last->notes, g_strdup (notes[i]));
}

/* Tables on pages */

typedef struct
{
  QsPaginator *self;
  TableSpec   *spec;
  guint        n_cols;
  guint        n_rows;
  double       size;           /* table font size */
  PangoLayout **cells;         /* n_rows × n_cols, NULL for empty or merged */
  double      *anchor;         /* decimal anchor x of numeric cells, or -1 */
  PangoLayout **headers;
  double      *nat;
  double      *min;
  double      *width;          /* column widths, padding included */
  double      *colx;           /* n_cols + 1 */
  double      *max_int;        /* per column, for decimal alignment */
  double      *max_frac;
  double      *typical;        /* per column: the header's or most cells' width */
  double      *row_h;
  double       header_h;
  gboolean     has_header;
  PangoLayout *caption;
  PangoLayout *caption_cont;
  PangoLayout *mark;
} TableLayout;

static void
table_layout_clear (TableLayout *tl)
{
  for (guint i = 0; i < tl->n_rows * tl->n_cols; i++)
    g_clear_object (&tl->cells[i]);
  for (guint c = 0; c < tl->n_cols; c++)
    g_clear_object (&tl->headers[c]);
  g_free (tl->cells);
  g_free (tl->anchor);
  g_free (tl->headers);
  g_free (tl->nat);
  g_free (tl->min);
  g_free (tl->width);
  g_free (tl->colx);
  g_free (tl->max_int);
  g_free (tl->max_frac);
  g_free (tl->typical);
  g_free (tl->row_h);
  g_clear_object (&tl->caption);
  g_clear_object (&tl->caption_cont);
  g_clear_object (&tl->mark);
}

static gboolean
cell_is_merged (TableLayout *tl,
                guint        r,
                guint        c)
{
  return (int) c == tl->spec->category_col &&
         g_array_index (tl->spec->groups, guint, r) != r;
}

/* The width of the longest run of Latin letters and digits in @text, which
 * is not broken inside; CJK text breaks between any two characters. */
static double
longest_word_width (TableLayout *tl,
                    PangoLayout *scratch,
                    const char  *text)
{
  const char *best = NULL;
  gsize best_len = 0;
  const char *p = text;

  while (*p != '\0')
    {
      const char *start = p;

      while (*p != '\0' && (g_ascii_isalnum (*p) || *p == '.' || *p == '-' || *p == '_'))
        p++;
      if ((gsize) (p - start) > best_len)
        {
          best = start;
          best_len = p - start;
        }
      if (*p != '\0')
        p = g_utf8_next_char (p);
    }
  if (best_len < 3 || best_len > 40)
    return 0;
  pango_layout_set_text (scratch, best, best_len);
  return layout_width (scratch);
}

/* A header too wide for its column breaks after its year ("2020年" over
 * "现状值") rather than anywhere. */
static void
break_header (PangoLayout *layout,
              double       inner)
{
  const char *text = pango_layout_get_text (layout);
  const char *year = strstr (text, "年");
  g_autofree char *broken = NULL;

  if (layout_width (layout) <= inner || strchr (text, '\n') != NULL || year == NULL ||
      year[strlen ("年")] == '\0' || year == text)
    return;
  broken = g_strdup_printf ("%.*s\n%s", (int) (year - text + strlen ("年")), text, year + strlen ("年"));
  pango_layout_set_text (layout, broken, -1);
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y ? 1 : 0;
}

static void
table_measure (TableLayout *tl)
{
  QsPaginator *self = tl->self;
  TableSpec *spec = tl->spec;
  guint n = tl->n_cols;
  g_autoptr(PangoLayout) scratch = make_layout (self, FONT_BODY, tl->size, "", -1, PANGO_ALIGN_LEFT);
  g_autofree GArray **widths = NULL;
  /* Two characters a line at the least (bold ones are a little wider). */
  double two_em = 2.1 * tl->size + 0.5;

  tl->cells = g_new0 (PangoLayout *, (gsize) tl->n_rows * n);
  tl->anchor = g_new0 (double, (gsize) tl->n_rows * n);
  tl->headers = g_new0 (PangoLayout *, n);
  tl->nat = g_new0 (double, n);
  tl->min = g_new0 (double, n);
  tl->width = g_new0 (double, n);
  tl->colx = g_new0 (double, n + 1);
  tl->max_int = g_new0 (double, n);
  tl->max_frac = g_new0 (double, n);
  tl->typical = g_new0 (double, n);
  tl->row_h = g_new0 (double, tl->n_rows);
  widths = g_new0 (GArray *, n);
  for (guint c = 0; c < n; c++)
    widths[c] = g_array_new (FALSE, FALSE, sizeof (double));

  tl->has_header = !spec->box;
  for (guint c = 0; c < n && tl->has_header; c++)
    {
      const char *text = g_ptr_array_index (spec->headers, c);
      PangoLayout *layout = make_layout (self, FONT_HEADING_BOLD, tl->size, text, -1, PANGO_ALIGN_CENTER);
      double w = layout_width (layout);

      tl->headers[c] = layout;
      tl->nat[c] = MAX (tl->nat[c], w);
      /* The narrowest a header goes without breaking inside a word is as
       * broken after its year, or two characters a line. */
      pango_layout_set_text (scratch, text, -1);
      break_header (scratch, 0);
      if (g_strcmp0 (pango_layout_get_text (scratch), text) != 0 || strchr (text, '\n') != NULL)
        {
          const PangoFontDescription *body = pango_layout_get_font_description (scratch);
          g_autoptr(PangoFontDescription) saved = pango_font_description_copy (body);

          pango_layout_set_font_description (scratch, pango_layout_get_font_description (layout));
          tl->min[c] = MAX (tl->min[c], layout_width (scratch));
          pango_layout_set_font_description (scratch, saved);
        }
      else
        tl->min[c] = MAX (tl->min[c], MIN (w, two_em));
    }

  for (guint r = 0; r < tl->n_rows; r++)
    for (guint c = 0; c < n; c++)
      {
        const char *text = spec_cell (spec, r, c);
        QsColumnRole role = g_array_index (spec->roles, QsColumnRole, c);
        PangoLayout *layout;
        gsize anchor;
        double w;
        guint i = r * n + c;

        tl->anchor[i] = -1;
        if (*text == '\0' || cell_is_merged (tl, r, c))
          continue;
        layout = make_layout (self, FONT_BODY, tl->size, text, -1,
                              role_is_prose (role) ? PANGO_ALIGN_LEFT : PANGO_ALIGN_CENTER);
        tl->cells[i] = layout;
        w = layout_width (layout);
        tl->nat[c] = MAX (tl->nat[c], w);
        g_array_append_val (widths[c], w);
        if (role_is_value (role) && parse_number (text, &anchor))
          {
            PangoRectangle pos;

            /* Numbers do not break, and line up on their decimal point. */
            pango_layout_index_to_pos (layout, anchor, &pos);
            tl->anchor[i] = (double) pos.x / PANGO_SCALE;
            tl->max_int[c] = MAX (tl->max_int[c], tl->anchor[i]);
            tl->max_frac[c] = MAX (tl->max_frac[c], w - tl->anchor[i]);
            tl->min[c] = MAX (tl->min[c], w);
          }
        else if (!role_is_prose (role) && g_utf8_strlen (text, -1) <= 8 && strchr (text, ' ') == NULL)
          tl->min[c] = MAX (tl->min[c], w);  /* "<【75000】", "III类": short, kept whole */
        else
          tl->min[c] = MAX (tl->min[c], MAX (MIN (w, two_em),
                                             longest_word_width (tl, scratch, text)));
      }

  /* Decimal alignment may need a little more than the widest number. */
  for (guint c = 0; c < n; c++)
    tl->nat[c] = MAX (tl->nat[c], tl->max_int[c] + tl->max_frac[c]);

  /* A short column is as wide as its header and four cells in five: a
   * stray long text in it (a name in the number column) wraps instead. */
  for (guint c = 0; c < n; c++)
    {
      double typical = 0;

      g_array_sort (widths[c], compare_doubles);
      if (widths[c]->len > 0)
        {
          guint len = widths[c]->len;
          double p80 = g_array_index (widths[c], double, (len * 4) / 5 - (len % 5 == 0 ? 1 : 0));

          typical = MAX (p80, MIN (g_array_index (widths[c], double, len - 1), 4 * tl->size));
        }
      tl->typical[c] = MAX (typical, tl->max_int[c] + tl->max_frac[c]);
      g_array_unref (widths[c]);
    }
}

/* The width the table wants before it would rather wrap prose. */
static double
table_comfortable_width (TableLayout *tl)
{
  double sum = 0;

  for (guint c = 0; c < tl->n_cols; c++)
    {
      QsColumnRole role = g_array_index (tl->spec->roles, QsColumnRole, c);
      double w = tl->nat[c];

      /* Prose may wrap at eight characters; short columns may break their
       * header after its year but not their cells. */
      if (role_is_prose (role))
        w = MIN (w, MAX (tl->min[c], 8 * tl->size));
      else
        w = MIN (w, MAX (tl->min[c], tl->typical[c]));
      sum += w + 2 * CELL_PAD_X;
    }
  return sum;
}

static gboolean
column_is_prose (TableLayout *tl,
                 guint        c)
{
  return role_is_prose (g_array_index (tl->spec->roles, QsColumnRole, c));
}

/* Short columns (numbers, units, values, categories) get the width that
 * keeps their header on one line, within reason; prose columns share the
 * rest and wrap.  Only when even that fails do all columns shrink. */
static void
table_fit_columns (TableLayout *tl,
                   double       total)
{
  guint n = tl->n_cols;
  g_autofree double *want = g_new0 (double, n);
  double sum_want = 0, sum_min = 0, sum_prose_min = 0, sum_fixed = 0, sum_prose_extra = 0;

  for (guint c = 0; c < n; c++)
    {
      /* A huge cell should not starve the other columns. */
      tl->nat[c] = MIN (tl->nat[c] + 2 * CELL_PAD_X, total * 0.6);
      tl->min[c] = MIN (tl->min[c] + 2 * CELL_PAD_X, tl->nat[c]);
      tl->nat[c] = MAX (tl->nat[c], tl->min[c]);
      if (column_is_prose (tl, c))
        {
          want[c] = tl->nat[c];
          sum_prose_min += tl->min[c];
          sum_prose_extra += want[c] - tl->min[c];
        }
      else
        {
          double typical = tl->typical[c];

          if (tl->headers[c] != NULL)
            typical = MAX (typical, layout_width (tl->headers[c]));
          want[c] = MIN (tl->nat[c], MAX (tl->min[c], MIN (typical, 7 * tl->size) + 2 * CELL_PAD_X));
          sum_fixed += want[c];
        }
      sum_want += want[c];
      sum_min += tl->min[c];
    }

  for (guint c = 0; c < n; c++)
    {
      /* Room to spare goes to the prose, which then wraps less. */
      double share = sum_prose_min + sum_prose_extra > 0
                     ? (column_is_prose (tl, c) ? want[c] / (sum_prose_min + sum_prose_extra) : 0)
                     : (sum_want > 0 ? want[c] / sum_want : 1.0 / n);

      if (sum_want <= total)
        tl->width[c] = want[c] + (total - sum_want) * share;
      else if (sum_fixed + sum_prose_min <= total)
        tl->width[c] = !column_is_prose (tl, c) ? want[c]
                       : tl->min[c] + (total - sum_fixed - sum_prose_min) *
                                      (want[c] - tl->min[c]) / sum_prose_extra;
      else if (sum_min <= total && total - sum_min <= sum_prose_extra && sum_prose_extra > 0)
        tl->width[c] = tl->min[c] + (!column_is_prose (tl, c) ? 0
                                     : (total - sum_min) * (want[c] - tl->min[c]) / sum_prose_extra);
      else if (sum_min <= total)
        tl->width[c] = column_is_prose (tl, c) ? want[c]
                       : tl->min[c] + (total - sum_min - sum_prose_extra) * (want[c] - tl->min[c]) /
                                      (sum_want - sum_min - sum_prose_extra);
      else
        tl->width[c] = tl->min[c] * total / sum_min;
    }
  tl->colx[0] = 0;
  for (guint c = 0; c < n; c++)
    tl->colx[c + 1] = tl->colx[c] + tl->width[c];
}

static void
table_set_widths (TableLayout *tl)
{
  TableSpec *spec = tl->spec;
  guint n = tl->n_cols;

  for (guint c = 0; c < n; c++)
    {
      double inner = MAX (tl->width[c] - 2 * CELL_PAD_X, 1);

      if (tl->headers[c] != NULL)
        {
          break_header (tl->headers[c], inner + 0.5);
          pango_layout_set_width (tl->headers[c], (int) ((inner + 0.5) * PANGO_SCALE));
        }
      if (tl->max_int[c] + tl->max_frac[c] > inner)
        tl->max_int[c] = tl->max_frac[c] = 0;
    }

  tl->header_h = 0;
  for (guint c = 0; c < n && tl->has_header; c++)
    tl->header_h = MAX (tl->header_h, layout_height (tl->headers[c]) + 2 * CELL_PAD_Y);

  for (guint r = 0; r < tl->n_rows; r++)
    {
      double h = tl->size * 1.3 + 2 * CELL_PAD_Y;

      for (guint c = 0; c < n; c++)
        {
          guint i = r * n + c;
          double inner = MAX (tl->width[c] - 2 * CELL_PAD_X, 1);
          PangoLayout *layout = tl->cells[i];

          if (layout == NULL)
            continue;
          if (tl->anchor[i] >= 0 && tl->max_int[c] + tl->max_frac[c] > 0)
            ; /* Stays on one line, placed on its decimal point. */
          else
            {
              /* Half a point of slack (inside the padding) so that text
               * measured to fit exactly is not broken by rounding. */
              tl->anchor[i] = -1;
              pango_layout_set_width (layout, (int) ((inner + 0.5) * PANGO_SCALE));
            }
          if ((int) c != spec->category_col)
            h = MAX (h, layout_height (layout) + 2 * CELL_PAD_Y);
        }
      tl->row_h[r] = h;
    }

  /* A merged category taller than its rows stretches the group's last row. */
  if (spec->category_col >= 0)
    for (guint r = 0; r < tl->n_rows; r++)
      {
        guint first = g_array_index (spec->groups, guint, r);
        PangoLayout *layout = tl->cells[first * n + spec->category_col];
        double sum = 0;

        if (layout == NULL || (r + 1 < tl->n_rows && g_array_index (spec->groups, guint, r + 1) == first))
          continue;
        for (guint k = first; k <= r; k++)
          sum += tl->row_h[k];
        if (layout_height (layout) + 2 * CELL_PAD_Y > sum)
          tl->row_h[r] += layout_height (layout) + 2 * CELL_PAD_Y - sum;
      }
}

/* The x of a cell's layout origin within its column. */
static double
cell_x (TableLayout *tl,
        guint        r,
        guint        c)
{
  guint i = r * tl->n_cols + c;

  if (tl->anchor[i] >= 0)
    {
      double inner = tl->width[c] - 2 * CELL_PAD_X;
      double block = tl->max_int[c] + tl->max_frac[c];

      return tl->colx[c] + CELL_PAD_X + (inner - block) / 2 + tl->max_int[c] - tl->anchor[i];
    }
  return tl->colx[c] + CELL_PAD_X;
}

typedef struct
{
  TableLayout *tl;
  Flow        *flow;
  double       x0;
  double       table_top;
  int          seg_group;     /* category group of the current segment, or -1 */
  double       seg_top;
  guint        seg_box;       /* where the segment's boxes start, for reading order */
  guint        rows_on_page;
} TablePlacer;

static void
placer_close_segment (TablePlacer *tp)
{
  TableLayout *tl = tp->tl;
  int cat = tl->spec->category_col;
  PangoLayout *layout;
  double h, x, lh;

  if (tp->seg_group < 0)
    return;
  layout = tl->cells[tp->seg_group * tl->n_cols + cat];
  h = tp->flow->y - tp->seg_top;
  tp->seg_group = -1;
  if (layout == NULL || h <= 0)
    return;
  /* The merged category sits in the middle of its rows on this page; a
   * group that crosses a page shows its category again on the next. */
  x = tp->x0 + tl->colx[cat];
  lh = layout_height (layout);
  add_text (tp->flow->page, layout, x + CELL_PAD_X, tp->seg_top + MAX ((h - lh) / 2, CELL_PAD_Y),
            x, tp->seg_top, tl->width[cat], h, 0, -1);
  /* Draw the category before its rows, so that text extraction and screen
   * readers meet it first. */
  if (tp->seg_box < tp->flow->page->boxes->len - 1)
    {
      GArray *boxes = tp->flow->page->boxes;
      Box box = g_array_index (boxes, Box, boxes->len - 1);

      memmove (&g_array_index (boxes, Box, tp->seg_box + 1), &g_array_index (boxes, Box, tp->seg_box),
               (boxes->len - 1 - tp->seg_box) * sizeof (Box));
      g_array_index (boxes, Box, tp->seg_box) = box;
    }
}

static void
placer_open_segment (TablePlacer *tp,
                     guint        r)
{
  TableLayout *tl = tp->tl;
  int group;

  if (tl->spec->category_col < 0)
    return;
  group = g_array_index (tl->spec->groups, guint, r);
  if (group == tp->seg_group)
    return;
  placer_close_segment (tp);
  tp->seg_group = group;
  tp->seg_top = tp->flow->y;
  tp->seg_box = tp->flow->page->boxes->len;
}

static void
placer_start_page (TablePlacer *tp,
                   gboolean     continued)
{
  TableLayout *tl = tp->tl;
  Flow *flow = tp->flow;
  PangoLayout *caption = continued ? tl->caption_cont : tl->caption;
  double width = tl->colx[tl->n_cols];

  if (caption != NULL)
    {
      double h = layout_height (caption);

      add_text (flow->page, caption, tp->x0, flow->y, tp->x0 - 2, flow->y, width + 4, h, 0, -1);
      flow->y += h + 4;
    }
  tp->table_top = flow->y;
  tp->rows_on_page = 0;
  add_rule (flow->page, tp->x0, flow->y, tp->x0 + width, flow->y, RULE_OUTER);
  if (tl->has_header)
    {
      double h = tl->header_h;

      for (guint c = 0; c < tl->n_cols; c++)
        {
          double lh = layout_height (tl->headers[c]);
          double x = tp->x0 + tl->colx[c];

          add_text (flow->page, tl->headers[c], x + CELL_PAD_X, flow->y + MAX ((h - lh) / 2, CELL_PAD_Y),
                    x, flow->y, tl->width[c], h, 0, -1);
        }
      flow->y += h;
      add_rule (flow->page, tp->x0, flow->y, tp->x0 + width, flow->y, RULE_INNER);
    }
}

static void
placer_close_page (TablePlacer *tp)
{
  TableLayout *tl = tp->tl;
  Flow *flow = tp->flow;

  placer_close_segment (tp);
  for (guint c = 0; c <= tl->n_cols; c++)
    {
      gboolean outer = c == 0 || c == tl->n_cols;
      double x = tp->x0 + tl->colx[c];

      if (!outer && tl->spec->box)
        continue;
      add_rule (flow->page, x, tp->table_top, x, flow->y, outer ? RULE_OUTER : RULE_INNER);
    }
  add_rule (flow->page, tp->x0, flow->y, tp->x0 + tl->colx[tl->n_cols], flow->y, RULE_OUTER);
}

static void
placer_next_page (TablePlacer *tp)
{
  placer_close_page (tp);
  flow_new_page (tp->flow, tp->flow->page->landscape);
  placer_start_page (tp, TRUE);
}

/* The rule under row @r, broken at a category cell merged into the next row. */
static void
placer_row_rule (TablePlacer *tp,
                 guint        r)
{
  TableLayout *tl = tp->tl;
  int cat = tl->spec->category_col;
  double y = tp->flow->y;
  double right = tp->x0 + tl->colx[tl->n_cols];

  if (tl->spec->box || r + 1 >= tl->n_rows)
    return;
  if (cat >= 0 &&
      g_array_index (tl->spec->groups, guint, r + 1) == g_array_index (tl->spec->groups, guint, r))
    {
      if (cat > 0)
        add_rule (tp->flow->page, tp->x0, y, tp->x0 + tl->colx[cat], y, RULE_INNER);
      if ((guint) cat + 1 < tl->n_cols)
        add_rule (tp->flow->page, tp->x0 + tl->colx[cat + 1], y, right, y, RULE_INNER);
    }
  else
    add_rule (tp->flow->page, tp->x0, y, right, y, RULE_INNER);
}

static void
placer_place_row (TablePlacer *tp,
                  guint        r)
{
  TableLayout *tl = tp->tl;
  Flow *flow = tp->flow;
  double h = tl->row_h[r];

  placer_open_segment (tp, r);
  for (guint c = 0; c < tl->n_cols; c++)
    {
      PangoLayout *layout = tl->cells[r * tl->n_cols + c];
      double lh;

      if (layout == NULL || (int) c == tl->spec->category_col)
        continue;
      lh = layout_height (layout);
      add_text (flow->page, layout, tp->x0 + cell_x (tl, r, c), flow->y + (h - lh) / 2,
                tp->x0 + tl->colx[c], flow->y, tl->width[c], h, 0, -1);
    }
  flow->y += h;
  tp->rows_on_page++;
}

static void
unref_spans (gpointer data)
{
  if (data != NULL)
    g_array_unref (data);
}

/* A row taller than a page goes in slices, cut between lines, each but the
 * last marked so that the reader knows the cell goes on. */
static void
placer_split_row (TablePlacer *tp,
                  guint        r)
{
  TableLayout *tl = tp->tl;
  Flow *flow = tp->flow;
  double content = tl->row_h[r] - 2 * CELL_PAD_Y;
  double mark_h = layout_height (tl->mark) + 2;
  g_autoptr(GPtrArray) spans = g_ptr_array_new_with_free_func (unref_spans);
  GArray *tallest = NULL;
  double tallest_h = -1;
  double s = 0;

  for (guint c = 0; c < tl->n_cols; c++)
    {
      PangoLayout *layout = tl->cells[r * tl->n_cols + c];
      GArray *a = NULL;

      if (layout != NULL && (int) c != tl->spec->category_col)
        {
          a = layout_line_spans (layout);
          if (layout_height (layout) > tallest_h)
            {
              tallest_h = layout_height (layout);
              tallest = a;
            }
        }
      g_ptr_array_add (spans, a);
    }

  while (s < content - 0.01)
    {
      double avail, end, slice_h;
      gboolean last;

      if (tp->rows_on_page > 0 && page_bottom (flow->page) - flow->y < 4 * tl->size + 2 * CELL_PAD_Y + mark_h)
        placer_next_page (tp);
      placer_open_segment (tp, r);
      avail = MAX (page_bottom (flow->page) - flow->y - 2 * CELL_PAD_Y - mark_h, tl->size * 1.5);
      end = s;
      /* (Only a merged category may make a row this tall: then no cell has lines.) */
      for (guint i = 0; tallest != NULL && i < tallest->len / 2; i++)
        {
          if (SPAN_TOP (tallest, i) < s - 0.01)
            continue;
          if (SPAN_BOTTOM (tallest, i) - s <= avail)
            end = SPAN_BOTTOM (tallest, i);
          else
            break;
        }
      if (end <= s + 0.01)
        end = s + avail;
      last = end >= content - 0.01;
      if (last)
        end = content;
      slice_h = (end - s) + 2 * CELL_PAD_Y;

      for (guint c = 0; c < tl->n_cols; c++)
        {
          PangoLayout *layout = tl->cells[r * tl->n_cols + c];
          GArray *a = g_ptr_array_index (spans, c);
          int first = -1, count = 0;

          if (a == NULL)
            continue;
          for (guint i = 0; i < a->len / 2; i++)
            if (SPAN_TOP (a, i) >= s - 0.01 && SPAN_TOP (a, i) < end - 0.01)
              {
                if (first < 0)
                  first = i;
                count++;
              }
          if (count == 0)
            continue;
          add_text (flow->page, layout, tp->x0 + cell_x (tl, r, c), flow->y + CELL_PAD_Y - s,
                    tp->x0 + tl->colx[c], flow->y, tl->width[c], slice_h, first, count);
        }
      flow->y += slice_h;
      tp->rows_on_page++;
      s = end;
      if (!last)
        {
          double width = layout_width (tl->mark);
          double right = tp->x0 + tl->colx[tl->n_cols];

          add_text (flow->page, tl->mark, right - width - CELL_PAD_X, flow->y, right - width - CELL_PAD_X - 2,
                    flow->y, width + 4, mark_h, 0, -1);
          flow->y += mark_h;
          placer_next_page (tp);
        }
    }
}

static void
flow_table (Flow      *flow,
            TableSpec *spec,
            gboolean   own_page)
{
  QsPaginator *self = flow->self;
  TableLayout tl = { 0 };
  TablePlacer tp = { 0 };
  gboolean landscape;
  double width, fresh;
  double note_size;

  tl.self = self;
  tl.spec = spec;
  tl.n_cols = spec->n_cols;
  tl.n_rows = spec->rows->len;
  tl.size = self->font_size * 0.875;
  note_size = tl.size * 0.86;

  if (tl.n_cols == 0)
    {
      /* Nothing but a caption and notes: say so rather than print a void. */
      table_spec_add_column (spec, "", QS_COLUMN_OTHER);
      tl.n_cols = 1;
      spec->box = TRUE;
      if (tl.n_rows == 0)
        {
          const char *empty = "（空表）";

          table_spec_add_row (spec, &empty, 1);
          tl.n_rows = 1;
        }
    }

  table_measure (&tl);

  if (self->orientation == QS_PAGE_ORIENTATION_AUTO)
    landscape = !spec->box && table_comfortable_width (&tl) > paper_content_width (self, FALSE) + 0.5;
  else
    landscape = self->orientation == QS_PAGE_ORIENTATION_LANDSCAPE;

  if (own_page && flow->page != NULL && !flow_at_top (flow))
    flow_new_page (flow, landscape);
  flow_orient (flow, landscape);
  if (!flow_at_top (flow))
    flow->y += self->font_size * 0.5;

  width = page_content_width (flow->page);
  table_fit_columns (&tl, width);
  table_set_widths (&tl);
  /* A header never takes more than 40% of a page (it is clipped). */
  tl.header_h = MIN (tl.header_h, (page_bottom (flow->page) - page_top (flow->page)) * 0.4);

  if (spec->caption != NULL)
    {
      g_autofree char *cont = g_strdup_printf ("%s（续）", spec->caption);

      tl.caption = make_layout (self, FONT_HEADING_BOLD, self->font_size, spec->caption,
                                width, PANGO_ALIGN_CENTER);
      tl.caption_cont = make_layout (self, FONT_HEADING_BOLD, self->font_size, cont,
                                     width, PANGO_ALIGN_CENTER);
      /* A runaway caption is cut short rather than fill the page. */
      limit_lines (tl.caption, 4);
      limit_lines (tl.caption_cont, 4);
    }
  tl.mark = make_layout (self, FONT_BODY, note_size, "（接下页）", -1, PANGO_ALIGN_LEFT);

  /* Keep the caption and header with the first row. */
  fresh = page_bottom (flow->page) - page_top (flow->page);
  flow_need (flow, (tl.caption != NULL ? layout_height (tl.caption) + 4 : 0) + tl.header_h +
                   (tl.n_rows > 0 ? MIN (tl.row_h[0], fresh / 2) : 0));

  tp.tl = &tl;
  tp.flow = flow;
  tp.x0 = page_left (flow->page);
  tp.seg_group = -1;
  if (spec->anchor_title != NULL)
    {
      int anchor = add_anchor (self, spec->anchor_title, flow->parent_anchor);

      place_anchor (flow, anchor);
    }
  placer_start_page (&tp, FALSE);
  fresh = page_bottom (flow->page) - (tp.table_top + tl.header_h) -
          (tl.caption_cont != NULL ? layout_height (tl.caption_cont) - layout_height (tl.caption) : 0);

  for (guint r = 0; r < tl.n_rows; r++)
    {
      double h = tl.row_h[r];

      if (flow->y + h <= page_bottom (flow->page) + 0.01)
        placer_place_row (&tp, r);
      else if (h <= fresh && tp.rows_on_page > 0)
        {
          placer_next_page (&tp);
          placer_place_row (&tp, r);
        }
      else
        placer_split_row (&tp, r);
      if (r + 1 < tl.n_rows && flow->y + tl.row_h[r + 1] <= page_bottom (flow->page) + 0.01)
        placer_row_rule (&tp, r);
    }
  placer_close_page (&tp);

  if (spec->notes->len > 0)
    flow->y += 4;
  for (guint i = 0; i < spec->notes->len; i++)
    {
      g_autoptr(PangoLayout) note = make_layout (self, FONT_BODY, note_size,
                                                 g_ptr_array_index (spec->notes, i),
                                                 width, PANGO_ALIGN_LEFT);

      pango_layout_set_justify (note, TRUE);
      flow_layout (flow, note, tp.x0, width);
    }
  flow->y += self->font_size;
  table_layout_clear (&tl);
}

/* Which tables */

static gboolean
table_matches (QsPaginator *self,
               GObject     *block)
{
  const char *caption = NULL, *label = NULL;

  if (QS_IS_INDICATOR_TABLE (block))
    {
      caption = qs_indicator_table_get_caption (QS_INDICATOR_TABLE (block));
      label = qs_indicator_table_get_label (QS_INDICATOR_TABLE (block));
    }
  else if (QS_IS_TASK_TABLE (block))
    {
      if (self->content == QS_PAGINATOR_CONTENT_INDICATOR_TABLES)
        return FALSE;
      caption = qs_task_table_get_caption (QS_TASK_TABLE (block));
      label = qs_task_table_get_label (QS_TASK_TABLE (block));
    }
  else
    return FALSE;

  if (self->only_table != NULL)
    return block == self->only_table;
  if (self->table_filter == NULL || *self->table_filter == '\0')
    return TRUE;
  return (caption != NULL && strstr (caption, self->table_filter) != NULL) ||
         (label != NULL && strstr (label, self->table_filter) != NULL);
}

static void
collect_table_cb (QsSection *section,
                  GObject   *block,
                  gpointer   user_data)
{
  gpointer *data = user_data;
  QsPaginator *self = data[0];
  GPtrArray *tables = data[1];

  if (table_matches (self, block))
    g_ptr_array_add (tables, g_object_ref (block));
}

static GPtrArray *
collect_tables (QsPaginator *self)
{
  GPtrArray *tables = g_ptr_array_new_with_free_func (g_object_unref);
  gpointer data[2] = { self, tables };

  qs_plan_foreach_block (self->plan, collect_table_cb, data);
  return tables;
}

static void
flow_table_block (Flow     *flow,
                  GObject  *block,
                  gboolean  own_page)
{
  g_autoptr(GPtrArray) specs = g_ptr_array_new_with_free_func ((GDestroyNotify) table_spec_free);

  if (QS_IS_INDICATOR_TABLE (block))
    g_ptr_array_add (specs, table_spec_from_indicator_table (flow->self, QS_INDICATOR_TABLE (block)));
  else
    task_table_specs (QS_TASK_TABLE (block), specs);
  for (guint i = 0; i < specs->len; i++)
    flow_table (flow, g_ptr_array_index (specs, i), own_page && i == 0);
}

/* The whole plan */

static char *
section_heading (QsSection *section)
{
  const char *label = qs_section_get_label (section);
  const char *title = qs_section_get_title (section);
  g_autofree char *fallback = NULL;
  QsSectionKind kind = qs_section_get_kind (section);

  if (label == NULL && qs_section_get_number (section) > 0 &&
      kind != QS_SECTION_FRONT && kind != QS_SECTION_BACK)
    label = fallback = qs_section_format_label (kind, qs_section_get_number (section));
  if (title == NULL)
    title = "";
  if (label == NULL || *label == '\0')
    return g_strdup (title);
  /* "一、" and "（一）" run into the title; "第一章" takes a space. */
  if (g_str_has_suffix (label, "、") || g_str_has_suffix (label, "）") || g_str_has_suffix (label, ")"))
    return g_strconcat (label, title, NULL);
  return g_strconcat (label, " ", title, NULL);
}

static gboolean
section_in_contents (QsSection *section)
{
  QsSectionKind kind = qs_section_get_kind (section);

  return kind != QS_SECTION_SUBSECTION;
}

static void
collect_contents (QsPaginator *self,
                  QsSection   *section,
                  int          parent,
                  GPtrArray   *entries)
{
  GListModel *children = G_LIST_MODEL (qs_section_get_children (section));
  g_autofree char *heading = NULL;
  int anchor;

  if (!section_in_contents (section))
    return;
  heading = section_heading (section);
  /* An untitled section (a bare notice) has no line in the contents. */
  if (*heading != '\0')
    {
      anchor = add_anchor (self, heading, parent);
      g_hash_table_insert (self->section_anchors, section, GINT_TO_POINTER (anchor + 1));
      g_ptr_array_add (entries, section);
    }
  else
    anchor = parent;
  for (guint i = 0; i < g_list_model_get_n_items (children); i++)
    {
      g_autoptr(QsSection) child = g_list_model_get_item (children, i);

      collect_contents (self, child, anchor, entries);
    }
}

static void
flow_title_page (Flow *flow)
{
  QsPaginator *self = flow->self;
  Page *page = flow->page;
  double width = page_content_width (page);
  const char *title = qs_plan_get_title (self->plan);
  g_autoptr(PangoLayout) layout = NULL;
  g_autoptr(PangoLayout) sub = NULL;
  g_autofree char *period = NULL;
  GString *line = g_string_new (NULL);

  page->numbered = FALSE;
  layout = make_layout (self, FONT_HEADING_BOLD, self->font_size * 2, title, width, PANGO_ALIGN_CENTER);
  limit_lines (layout, 6);
  flow->y = page->height * 0.28;
  add_text (page, layout, page_left (page), flow->y, -1, -1, -1, -1, 0, -1);
  flow->y += layout_height (layout) + self->font_size * 3;

  if (qs_plan_get_start_year (self->plan) > 0)
    period = g_strdup_printf ("（%d—%d年）", qs_plan_get_start_year (self->plan),
                              qs_plan_get_end_year (self->plan));
  if (period != NULL)
    g_string_append (line, period);
  if (qs_plan_get_region (self->plan) != NULL && *qs_plan_get_region (self->plan) != '\0')
    g_string_append_printf (line, "%s%s", line->len > 0 ? "\n\n" : "", qs_plan_get_region (self->plan));
  sub = make_layout (self, FONT_BODY, self->font_size * 1.35, line->str, width, PANGO_ALIGN_CENTER);
  if (line->len > 0)
    add_text (page, sub, page_left (page), flow->y, -1, -1, -1, -1, 0, -1);
  g_string_free (line, TRUE);
}

static void
flow_contents (Flow      *flow,
               GPtrArray *entries)
{
  QsPaginator *self = flow->self;
  double width = page_content_width (flow->page);
  double num_w = self->font_size * 3;
  g_autoptr(PangoLayout) title = make_layout (self, FONT_HEADING_BOLD, self->font_size * 1.35,
                                              "目　录", width, PANGO_ALIGN_CENTER);

  add_text (flow->page, title, page_left (flow->page), flow->y, -1, -1, -1, -1, 0, -1);
  flow->y += layout_height (title) + self->font_size * 1.5;

  for (guint i = 0; i < entries->len; i++)
    {
      QsSection *section = g_ptr_array_index (entries, i);
      int anchor = GPOINTER_TO_INT (g_hash_table_lookup (self->section_anchors, section)) - 1;
      Anchor *a = &g_array_index (self->anchors, Anchor, anchor);
      gboolean top = a->parent < 0;
      double indent = top ? 0 : 2 * self->font_size;
      g_autoptr(PangoLayout) layout = make_layout (self, top ? FONT_HEADING_BOLD : FONT_BODY, self->font_size,
                                                   a->title, width - indent - num_w, PANGO_ALIGN_LEFT);
      g_autoptr(GArray) spans = NULL;
      double h;
      PangoLayoutLine *last;
      PangoRectangle logical;
      Box box = { 0 };

      limit_lines (layout, 3);
      spans = layout_line_spans (layout);
      h = layout_height (layout) * 1.6;
      last = pango_layout_get_line_readonly (layout, pango_layout_get_line_count (layout) - 1);
      flow_need (flow, h);
      pango_layout_line_get_extents (last, NULL, &logical);
      box.kind = BOX_PAGEREF;
      box.layout = g_object_ref (layout);
      box.ox = page_left (flow->page) + indent;
      box.oy = flow->y;
      box.cx = page_left (flow->page) + width;
      box.cy = flow->y + pango_layout_get_baseline (layout) / (double) PANGO_SCALE +
               SPAN_TOP (spans, spans->len / 2 - 1);
      box.cw = box.ox + (double) (logical.x + logical.width) / PANGO_SCALE;
      box.target = anchor;
      g_array_append_val (flow->page->boxes, box);
      flow->y += h;
    }
}

static void
flow_heading (Flow        *flow,
              QsSection   *section)
{
  QsPaginator *self = flow->self;
  QsSectionKind kind = qs_section_get_kind (section);
  double width = page_content_width (flow->page);
  g_autofree char *text = section_heading (section);
  g_autoptr(PangoLayout) layout = NULL;
  double before, after, indent = 0;
  gpointer anchor;

  switch (kind)
    {
    case QS_SECTION_FRONT:
    case QS_SECTION_CHAPTER:
    case QS_SECTION_BACK:
      layout = make_layout (self, FONT_HEADING_BOLD, self->font_size * 1.35, text,
                            width, PANGO_ALIGN_CENTER);
      before = 0;
      after = self->font_size * 1.2;
      break;
    case QS_SECTION_SECTION:
      layout = make_layout (self, FONT_HEADING_BOLD, self->font_size * 1.15, text, width, PANGO_ALIGN_LEFT);
      before = self->font_size;
      after = self->font_size * 0.6;
      break;
    case QS_SECTION_SUBSECTION:
    default:
      indent = 2 * self->font_size;
      layout = make_layout (self, FONT_HEADING_BOLD, self->font_size, text,
                            width - indent, PANGO_ALIGN_LEFT);
      before = self->font_size * 0.5;
      after = self->font_size * 0.3;
      break;
    }

  /* Keep a heading with two lines of what follows. */
  if (!flow_at_top (flow))
    flow->y += before;
  flow_need (flow, layout_height (layout) + self->font_size * 4);
  anchor = g_hash_table_lookup (self->section_anchors, section);
  if (anchor != NULL)
    place_anchor (flow, GPOINTER_TO_INT (anchor) - 1);
  flow_layout (flow, layout, page_left (flow->page) + indent, width - indent);
  flow->y += after;
}

static void
flow_paragraph (Flow        *flow,
                QsParagraph *paragraph)
{
  QsPaginator *self = flow->self;
  double width = page_content_width (flow->page);
  gboolean note = qs_paragraph_get_kind (paragraph) == QS_PARAGRAPH_NOTE;
  double size = note ? self->font_size * 0.875 : self->font_size;
  g_autoptr(PangoLayout) layout = make_layout (self, FONT_BODY, size, qs_paragraph_get_text (paragraph),
                                               width, PANGO_ALIGN_LEFT);

  pango_layout_set_justify (layout, TRUE);
  pango_layout_set_indent (layout, (int) (2 * size * PANGO_SCALE));
  pango_layout_set_line_spacing (layout, 1.5);
  flow_layout (flow, layout, page_left (flow->page), width);
}

static void
flow_custom (Flow    *flow,
             GObject *block)
{
  QsPaginator *self = flow->self;

  for (guint i = 0; i < self->drawers->len; i++)
    {
      Drawer *drawer = &g_array_index (self->drawers, Drawer, i);
      double width, height;
      Box box = { 0 };

      if (!g_type_is_a (G_OBJECT_TYPE (block), drawer->type))
        continue;
      width = page_content_width (flow->page);
      height = drawer->measure (block, width, drawer->user_data);
      /* A drawer may decline a block (nothing to draw for it). */
      if (height <= 0)
        return;
      height = CLAMP (height, 0, page_bottom (flow->page) - page_top (flow->page));
      flow_need (flow, height);
      box.kind = BOX_CUSTOM;
      box.block = g_object_ref (block);
      box.ox = page_left (flow->page);
      box.oy = flow->y;
      box.cw = width;
      box.ch = height;
      box.target = i;
      g_array_append_val (flow->page->boxes, box);
      flow->y += height + self->font_size * 0.5;
      return;
    }
}

static void
flow_section (Flow      *flow,
              QsSection *section)
{
  GListModel *blocks = G_LIST_MODEL (qs_section_get_blocks (section));
  GListModel *children = G_LIST_MODEL (qs_section_get_children (section));
  QsSectionKind kind = qs_section_get_kind (section);
  int saved_parent = flow->parent_anchor;
  gpointer anchor = g_hash_table_lookup (flow->self->section_anchors, section);

  if (kind == QS_SECTION_CHAPTER || kind == QS_SECTION_FRONT || kind == QS_SECTION_BACK)
    {
      if (!flow_at_top (flow) || flow->page->landscape)
        flow_new_page (flow, FALSE);
    }
  else
    flow_orient (flow, FALSE);
  flow_heading (flow, section);
  if (anchor != NULL)
    flow->parent_anchor = GPOINTER_TO_INT (anchor) - 1;

  for (guint i = 0; i < g_list_model_get_n_items (blocks); i++)
    {
      g_autoptr(GObject) block = g_list_model_get_item (blocks, i);

      if (QS_IS_PARAGRAPH (block))
        {
          flow_orient (flow, FALSE);
          flow_paragraph (flow, QS_PARAGRAPH (block));
        }
      else if (QS_IS_INDICATOR_TABLE (block) || QS_IS_TASK_TABLE (block))
        {
          flow_table_block (flow, block, FALSE);
          /* A chart of the table, when a drawer offers one, follows it. */
          flow_orient (flow, FALSE);
          flow_custom (flow, block);
        }
      else
        {
          flow_orient (flow, FALSE);
          flow_custom (flow, block);
        }
    }
  for (guint i = 0; i < g_list_model_get_n_items (children); i++)
    {
      g_autoptr(QsSection) child = g_list_model_get_item (children, i);

      flow_section (flow, child);
    }
  flow->parent_anchor = saved_parent;
}

static void
paginate_plan (Flow *flow)
{
  QsPaginator *self = flow->self;
  GListModel *lists[3] = {
    G_LIST_MODEL (qs_plan_get_front_matter (self->plan)),
    G_LIST_MODEL (qs_plan_get_chapters (self->plan)),
    G_LIST_MODEL (qs_plan_get_back_matter (self->plan)),
  };
  g_autoptr(GPtrArray) entries = g_ptr_array_new ();

  for (guint l = 0; l < G_N_ELEMENTS (lists); l++)
    for (guint i = 0; i < g_list_model_get_n_items (lists[l]); i++)
      {
        g_autoptr(QsSection) section = g_list_model_get_item (lists[l], i);

        collect_contents (self, section, -1, entries);
      }

  flow_new_page (flow, FALSE);
  flow_title_page (flow);
  if (entries->len > 0)
    {
      flow_new_page (flow, FALSE);
      flow_contents (flow, entries);
    }
  for (guint l = 0; l < G_N_ELEMENTS (lists); l++)
    for (guint i = 0; i < g_list_model_get_n_items (lists[l]); i++)
      {
        g_autoptr(QsSection) section = g_list_model_get_item (lists[l], i);

        flow_section (flow, section);
      }
}

static void
paginate_tables (Flow *flow)
{
  QsPaginator *self = flow->self;
  g_autoptr(GPtrArray) tables = collect_tables (self);

  if (tables->len == 0)
    {
      g_autoptr(PangoLayout) layout = NULL;

      flow_new_page (flow, FALSE);
      layout = make_layout (self, FONT_BODY, self->font_size, "（没有可打印的表格）",
                            page_content_width (flow->page), PANGO_ALIGN_CENTER);
      flow_layout (flow, layout, page_left (flow->page), page_content_width (flow->page));
      return;
    }
  /* One table per page (or run of pages), as tables are filed. */
  for (guint i = 0; i < tables->len; i++)
    flow_table_block (flow, g_ptr_array_index (tables, i), TRUE);
}

static void
clear_pagination (QsPaginator *self)
{
  g_ptr_array_set_size (self->pages, 0);
  g_array_set_size (self->anchors, 0);
  g_hash_table_remove_all (self->section_anchors);
  self->paginated = FALSE;
}

/* Drawing */

static void
draw_text_box (cairo_t *cr,
               Box     *box)
{
  PangoLayoutIter *iter;
  int i = 0;

  cairo_save (cr);
  if (box->cw >= 0)
    {
      cairo_rectangle (cr, box->cx, box->cy, box->cw, box->ch);
      cairo_clip (cr);
    }
  if (box->first_line == 0 && box->n_lines < 0)
    {
      cairo_move_to (cr, box->ox, box->oy);
      pango_cairo_show_layout (cr, box->layout);
      cairo_restore (cr);
      return;
    }
  iter = pango_layout_get_iter (box->layout);
  do
    {
      if (i >= box->first_line && (box->n_lines < 0 || i < box->first_line + box->n_lines))
        {
          PangoRectangle logical;
          PangoLayoutLine *line = pango_layout_iter_get_line_readonly (iter);

          pango_layout_iter_get_line_extents (iter, NULL, &logical);
          cairo_move_to (cr, box->ox + (double) logical.x / PANGO_SCALE,
                         box->oy + (double) pango_layout_iter_get_baseline (iter) / PANGO_SCALE);
          pango_cairo_show_layout_line (cr, line);
        }
      i++;
    }
  while (pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);
  cairo_restore (cr);
}

static void
draw_pageref (QsPaginator *self,
              cairo_t     *cr,
              Box         *box)
{
  Anchor *anchor = &g_array_index (self->anchors, Anchor, box->target);
  g_autofree char *number = g_strdup_printf ("%d", anchor->page + 1);
  g_autoptr(PangoLayout) layout = NULL;
  double w, dots_end;

  cairo_move_to (cr, box->ox, box->oy);
  pango_cairo_show_layout (cr, box->layout);
  if (anchor->page < 0)
    return;
  layout = pango_layout_new (self->context);
  pango_layout_set_font_description (layout, pango_layout_get_font_description (box->layout));
  pango_layout_set_text (layout, number, -1);
  w = layout_width (layout);
  cairo_move_to (cr, box->cx - w, box->cy - pango_layout_get_baseline (layout) / (double) PANGO_SCALE);
  pango_cairo_show_layout (cr, layout);

  /* A dotted leader from the title to its page number. */
  dots_end = box->cx - w - 4;
  if (dots_end > box->cw + 8)
    {
      double dashes[] = { 0.01, 4 };
      double start = box->cw + 4;

      cairo_save (cr);
      cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
      cairo_set_line_width (cr, 1.0);
      cairo_set_dash (cr, dashes, 2, 0);
      cairo_move_to (cr, start, box->cy - 1);
      cairo_line_to (cr, dots_end, box->cy - 1);
      cairo_stroke (cr);
      cairo_restore (cr);
    }
}

static void
draw_footer (QsPaginator *self,
             cairo_t     *cr,
             Page        *page,
             guint        index)
{
  g_autofree char *text = g_strdup_printf ("第 %u 页 共 %u 页", index + 1, self->pages->len);
  g_autoptr(PangoLayout) layout = make_layout (self, FONT_BODY, self->font_size * 0.875, text,
                                               -1, PANGO_ALIGN_LEFT);
  double w = layout_width (layout);

  cairo_move_to (cr, (page->width - w) / 2, page_bottom (page) + 7 * MM);
  pango_cairo_show_layout (cr, layout);
}

static void
qs_paginator_finalize (GObject *object)
{
  QsPaginator *self = (QsPaginator *)object;

  g_clear_object (&self->plan);
  g_clear_object (&self->context);
  g_free (self->table_filter);
  g_clear_object (&self->only_table);
  g_free (self->font_family);
  g_free (self->heading_family);
  g_free (self->status_header);
  if (self->status_destroy != NULL)
    self->status_destroy (self->status_data);
  g_array_unref (self->drawers);
  g_ptr_array_unref (self->pages);
  g_array_unref (self->anchors);
  g_hash_table_unref (self->section_anchors);

  G_OBJECT_CLASS (qs_paginator_parent_class)->finalize (object);
}

static void
qs_paginator_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  QsPaginator *self = QS_PAGINATOR (object);

  switch (prop_id)
    {
    case PROP_PLAN:
      g_value_set_object (value, self->plan);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
qs_paginator_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  QsPaginator *self = QS_PAGINATOR (object);

  switch (prop_id)
    {
    case PROP_PLAN:
      self->plan = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
qs_paginator_class_init (QsPaginatorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = qs_paginator_finalize;
  object_class->get_property = qs_paginator_get_property;
  object_class->set_property = qs_paginator_set_property;

  properties[PROP_PLAN] =
    g_param_spec_object ("plan", NULL, NULL, QS_TYPE_PLAN,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
qs_paginator_init (QsPaginator *self)
{
  self->content = QS_PAGINATOR_CONTENT_PLAN;
  self->orientation = QS_PAGE_ORIENTATION_AUTO;
  self->font_family = g_strdup ("Noto Serif CJK SC");
  self->heading_family = g_strdup ("Noto Sans CJK SC");
  self->font_size = 12;
  self->status_header = g_strdup ("检查");
  self->drawers = g_array_new (FALSE, TRUE, sizeof (Drawer));
  g_array_set_clear_func (self->drawers, drawer_clear);
  self->pages = g_ptr_array_new_with_free_func (page_free);
  self->anchors = g_array_new (FALSE, TRUE, sizeof (Anchor));
  g_array_set_clear_func (self->anchors, anchor_clear);
  self->section_anchors = g_hash_table_new (NULL, NULL);
  self->paper_width = QS_PAGINATOR_A4_WIDTH;
  self->paper_height = QS_PAGINATOR_A4_HEIGHT;
}

/**
 * qs_paginator_new:
 * @plan: the plan to print
 *
 * Returns: (transfer full): a paginator printing the whole plan on A4.
 */
QsPaginator *
qs_paginator_new (QsPlan *plan)
{
  g_return_val_if_fail (QS_IS_PLAN (plan), NULL);

  return g_object_new (QS_TYPE_PAGINATOR, "plan", plan, NULL);
}

QsPlan *
qs_paginator_get_plan (QsPaginator *self)
{
  g_return_val_if_fail (QS_IS_PAGINATOR (self), NULL);

  return self->plan;
}

void
qs_paginator_set_content (QsPaginator        *self,
                          QsPaginatorContent  content)
{
  g_return_if_fail (QS_IS_PAGINATOR (self));

  self->content = content;
  clear_pagination (self);
}

QsPaginatorContent
qs_paginator_get_content (QsPaginator *self)
{
  g_return_val_if_fail (QS_IS_PAGINATOR (self), QS_PAGINATOR_CONTENT_PLAN);

  return self->content;
}

void
qs_paginator_set_table_filter (QsPaginator *self,
                               const char  *text)
{
  g_return_if_fail (QS_IS_PAGINATOR (self));

  g_free (self->table_filter);
  self->table_filter = g_strdup (text);
  clear_pagination (self);
}

void
qs_paginator_set_table (QsPaginator *self,
                        GObject     *table)
{
  g_return_if_fail (QS_IS_PAGINATOR (self));
  g_return_if_fail (table == NULL || QS_IS_INDICATOR_TABLE (table) || QS_IS_TASK_TABLE (table));

  g_set_object (&self->only_table, table);
  clear_pagination (self);
}

GObject *
qs_paginator_get_table (QsPaginator *self)
{
  g_return_val_if_fail (QS_IS_PAGINATOR (self), NULL);

  return self->only_table;
}

void
qs_paginator_set_orientation (QsPaginator       *self,
                              QsPageOrientation  orientation)
{
  g_return_if_fail (QS_IS_PAGINATOR (self));

  self->orientation = orientation;
  clear_pagination (self);
}

QsPageOrientation
qs_paginator_get_orientation (QsPaginator *self)
{
  g_return_val_if_fail (QS_IS_PAGINATOR (self), QS_PAGE_ORIENTATION_AUTO);

  return self->orientation;
}

void
qs_paginator_set_font (QsPaginator *self,
                       const char  *family,
                       double       size)
{
  g_return_if_fail (QS_IS_PAGINATOR (self));

  if (family != NULL && *family != '\0')
    {
      g_free (self->font_family);
      self->font_family = g_strdup (family);
    }
  if (size > 0)
    self->font_size = CLAMP (size, 5, 48);
  clear_pagination (self);
}

void
qs_paginator_set_heading_font (QsPaginator *self,
                               const char  *family)
{
  g_return_if_fail (QS_IS_PAGINATOR (self));
  g_return_if_fail (family != NULL);

  g_free (self->heading_family);
  self->heading_family = g_strdup (family);
  clear_pagination (self);
}

void
qs_paginator_set_status_func (QsPaginator           *self,
                              const char            *header,
                              QsPaginatorStatusFunc  func,
                              gpointer               user_data,
                              GDestroyNotify         destroy)
{
  g_return_if_fail (QS_IS_PAGINATOR (self));

  if (self->status_destroy != NULL)
    self->status_destroy (self->status_data);
  g_free (self->status_header);
  self->status_header = g_strdup (header != NULL ? header : "检查");
  self->status_func = func;
  self->status_data = user_data;
  self->status_destroy = destroy;
  clear_pagination (self);
}

static char *
check_status_cb (QsIndicatorTable *table,
                 guint             row,
                 gpointer          user_data)
{
  GHashTable *labels = user_data;
  g_autoptr(QsIndicatorRow) item = g_list_model_get_item (G_LIST_MODEL (qs_indicator_table_get_rows (table)), row);

  return g_strdup (g_hash_table_lookup (labels, item));
}

void
qs_paginator_set_check (QsPaginator *self,
                        QsCheck     *check)
{
  GHashTable *labels;
  GListModel *lists[2];

  g_return_if_fail (QS_IS_PAGINATOR (self));
  g_return_if_fail (check == NULL || QS_IS_CHECK (check));

  if (check == NULL)
    {
      qs_paginator_set_status_func (self, NULL, NULL, NULL, NULL);
      return;
    }
  /* The findings point at the plan's own rows. */
  labels = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  lists[0] = qs_check_get_row_findings (check);
  lists[1] = qs_check_get_completions (check);
  for (guint l = 0; l < G_N_ELEMENTS (lists); l++)
    for (guint i = 0; i < g_list_model_get_n_items (lists[l]); i++)
      {
        g_autoptr(QsCheckFinding) finding = g_list_model_get_item (lists[l], i);
        QsIndicatorRow *row = qs_check_finding_get_row (finding);
        char *label;

        if (row == NULL)
          continue;
        if (qs_check_finding_get_scope (finding) == QS_FINDING_COMPLETION)
          {
            const char *computed = qs_completion_label (qs_check_finding_get_completion (finding));

            /* Where the document claims otherwise, both are shown. */
            label = qs_check_finding_get_disagrees (finding)
                    ? g_strdup_printf ("%s（原文：%s）", computed,
                                       qs_completion_label (qs_check_finding_get_claimed (finding)))
                    : g_strdup (computed);
          }
        else
          label = g_strdup (qs_check_status_label (qs_check_finding_get_status (finding)));
        g_hash_table_replace (labels, row, label);
      }
  qs_paginator_set_status_func (self, "检查", check_status_cb, labels,
                                (GDestroyNotify) g_hash_table_unref);
}

void
qs_paginator_set_block_drawer (QsPaginator            *self,
                               GType                   block_type,
                               QsPaginatorMeasureFunc  measure,
                               QsPaginatorDrawFunc     draw,
                               gpointer                user_data,
                               GDestroyNotify          destroy)
{
  Drawer drawer = { block_type, measure, draw, user_data, destroy };

  g_return_if_fail (QS_IS_PAGINATOR (self));
  g_return_if_fail (measure != NULL && draw != NULL);

  g_array_append_val (self->drawers, drawer);
  clear_pagination (self);
}

guint
qs_paginator_count_tables (QsPaginator *self)
{
  g_autoptr(GPtrArray) tables = NULL;

  g_return_val_if_fail (QS_IS_PAGINATOR (self), 0);

  tables = collect_tables (self);
  return tables->len;
}

/* Lays the pages out measuring with fonts of @font_map. */
static guint
paginate_with_font_map (QsPaginator  *self,
                        PangoFontMap *font_map,
                        double        paper_width,
                        double        paper_height)
{
  cairo_font_options_t *options;
  Flow flow = { 0 };

  clear_pagination (self);
  /* Measure at 72 dpi in a context of our own so that one unit is a point
   * whatever the caller's resolution, with unhinted metrics so that the
   * printed page matches the preview. */
  g_clear_object (&self->context);
  self->context = pango_font_map_create_context (font_map);
  pango_cairo_context_set_resolution (self->context, 72);
  options = cairo_font_options_create ();
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (self->context, options);
  cairo_font_options_destroy (options);
  pango_context_set_language (self->context, pango_language_from_string ("zh-cn"));

  self->paper_width = paper_width > 0 ? MIN (paper_width, paper_height) : QS_PAGINATOR_A4_WIDTH;
  self->paper_height = paper_height > 0 ? MAX (paper_width, paper_height) : QS_PAGINATOR_A4_HEIGHT;

  flow.self = self;
  flow.parent_anchor = -1;
  if (self->content == QS_PAGINATOR_CONTENT_PLAN)
    paginate_plan (&flow);
  else
    paginate_tables (&flow);

  self->paginated = TRUE;
  return self->pages->len;
}

guint
qs_paginator_paginate (QsPaginator  *self,
                       PangoContext *context,
                       double        paper_width,
                       double        paper_height)
{
  PangoFontMap *font_map;

  g_return_val_if_fail (QS_IS_PAGINATOR (self), 0);
  g_return_val_if_fail (context == NULL || PANGO_IS_CONTEXT (context), 0);

  font_map = context != NULL ? pango_context_get_font_map (context) : pango_cairo_font_map_get_default ();
  return paginate_with_font_map (self, font_map, paper_width, paper_height);
}

guint
qs_paginator_get_n_pages (QsPaginator *self)
{
  g_return_val_if_fail (QS_IS_PAGINATOR (self), 0);

  return self->pages->len;
}

gboolean
qs_paginator_get_page_size (QsPaginator *self,
                            guint        page,
                            double      *width,
                            double      *height)
{
  Page *p;

  g_return_val_if_fail (QS_IS_PAGINATOR (self), FALSE);
  g_return_val_if_fail (page < self->pages->len, FALSE);

  p = g_ptr_array_index (self->pages, page);
  if (width != NULL)
    *width = p->width;
  if (height != NULL)
    *height = p->height;
  return p->landscape;
}

void
qs_paginator_draw_page (QsPaginator *self,
                        cairo_t     *cr,
                        guint        page)
{
  Page *p;

  g_return_if_fail (QS_IS_PAGINATOR (self));
  g_return_if_fail (cr != NULL);
  g_return_if_fail (page < self->pages->len);

  p = g_ptr_array_index (self->pages, page);
  cairo_save (cr);
  cairo_set_source_rgb (cr, 0, 0, 0);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_SQUARE);
  for (guint i = 0; i < p->boxes->len; i++)
    {
      Box *box = &g_array_index (p->boxes, Box, i);

      switch (box->kind)
        {
        case BOX_TEXT:
          draw_text_box (cr, box);
          break;
        case BOX_RULE:
          cairo_set_line_width (cr, box->line_width);
          cairo_move_to (cr, box->ox, box->oy);
          cairo_line_to (cr, box->cx, box->cy);
          cairo_stroke (cr);
          break;
        case BOX_PAGEREF:
          draw_pageref (self, cr, box);
          break;
        case BOX_CUSTOM:
          {
            Drawer *drawer = &g_array_index (self->drawers, Drawer, box->target);

            cairo_save (cr);
            cairo_rectangle (cr, box->ox, box->oy, box->cw, box->ch);
            cairo_clip (cr);
            cairo_translate (cr, box->ox, box->oy);
            drawer->draw (box->block, cr, box->cw, box->ch, drawer->user_data);
            cairo_restore (cr);
            cairo_set_source_rgb (cr, 0, 0, 0);
          }
          break;
        default:
          g_assert_not_reached ();
        }
    }
  if (p->numbered)
    draw_footer (self, cr, p, page);
  cairo_restore (cr);
}

/* Cut-down fonts for PDF export.
 *
 * cairo 1.16 reads the whole CFF table of each OpenType face it embeds,
 * twice (once to tell a CID font, once to subset it), and each Noto CJK
 * collection holds some 20 MB of it: most of an export's time and memory.
 * So the export notes which faces drew which characters in the pages as
 * laid out with the system's fonts, cuts each face down to those characters
 * with HarfBuzz (a few kB), and lays out and draws again with only the cut
 * faces.  Their metrics are the originals', so the pages come out the same;
 * they are compared box by box, and any difference (or any face that cannot
 * be cut) keeps the first layout and the system's fonts.
 * QS_PDF_SYSTEM_FONTS=1 turns this off (to compare). */

typedef struct
{
  GHashTable *faces;       /* hb_face_t* (a reference) → hb_set_t* of code points */
  GHashTable *sources;     /* hb_face_t* → "file#index" of the face, or NULL */
  gboolean    ok;
} FaceUse;

/* Which face of which file set a run: "file#index". */
static char *
font_source (PangoFont *font)
{
  FcPattern *pattern;
  FcChar8 *file = NULL;
  int index = 0;

  if (font == NULL || !PANGO_IS_FC_FONT (font))
    return g_strdup ("");
  pattern = pango_fc_font_get_pattern (PANGO_FC_FONT (font));
  FcPatternGetString (pattern, FC_FILE, 0, &file);
  FcPatternGetInteger (pattern, FC_INDEX, 0, &index);
  return g_strdup_printf ("%s#%d", file != NULL ? (const char *) file : "", index);
}

/* Drawn at draw time (page numbers, contents page references) or inserted
 * by pango (ellipsis, hyphens) rather than found in the layouts' text. */
static const char subset_extras[] = "0123456789 第页共（续）（接下页）…⋯‐-";

static void
face_use_add (FaceUse     *use,
              hb_face_t   *face,
              const char  *text,
              int          length)
{
  hb_set_t *set = g_hash_table_lookup (use->faces, face);
  const char *end = text + length;

  if (set == NULL)
    {
      set = hb_set_create ();
      for (const char *p = subset_extras; *p != '\0'; p = g_utf8_next_char (p))
        hb_set_add (set, g_utf8_get_char (p));
      g_hash_table_insert (use->faces, hb_face_reference (face), set);
    }
  for (const char *p = text; p < end && *p != '\0'; p = g_utf8_next_char (p))
    hb_set_add (set, g_utf8_get_char (p));
}

static void
face_use_scan (FaceUse     *use,
               PangoLayout *layout)
{
  const char *text = pango_layout_get_text (layout);
  PangoLayoutIter *iter = pango_layout_get_iter (layout);

  do
    {
      PangoLayoutRun *run = pango_layout_iter_get_run_readonly (iter);
      PangoFont *font;
      FcPattern *pattern;
      FcBool embolden = FcFalse;
      FcMatrix *matrix = NULL;
      hb_font_t *hb_font;

      if (run == NULL)
        continue;
      font = run->item->analysis.font;
      if (font == NULL || !PANGO_IS_FC_FONT (font))
        {
          use->ok = FALSE;
          break;
        }
      /* Synthetic bold and slant come from the system's fontconfig rules,
       * which the cut faces go without. */
      pattern = pango_fc_font_get_pattern (PANGO_FC_FONT (font));
      if ((FcPatternGetBool (pattern, FC_EMBOLDEN, 0, &embolden) == FcResultMatch && embolden) ||
          (FcPatternGetMatrix (pattern, FC_MATRIX, 0, &matrix) == FcResultMatch &&
           (matrix->xx != 1 || matrix->yy != 1 || matrix->xy != 0 || matrix->yx != 0)))
        {
          use->ok = FALSE;
          break;
        }
      hb_font = pango_font_get_hb_font (font);
      if (hb_font == NULL)
        {
          use->ok = FALSE;
          break;
        }
      face_use_add (use, hb_font_get_face (hb_font), text + run->item->offset, run->item->length);
      if (use->sources != NULL && !g_hash_table_contains (use->sources, hb_font_get_face (hb_font)))
        g_hash_table_insert (use->sources, hb_font_get_face (hb_font), font_source (font));
    }
  while (pango_layout_iter_next_run (iter));
  pango_layout_iter_free (iter);
}

static void
face_use_scan_pages (FaceUse     *use,
                     QsPaginator *self)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (NULL, NULL);

  for (guint i = 0; i < self->pages->len && use->ok; i++)
    {
      Page *page = g_ptr_array_index (self->pages, i);

      for (guint k = 0; k < page->boxes->len && use->ok; k++)
        {
          Box *box = &g_array_index (page->boxes, Box, k);

          if (box->layout != NULL && g_hash_table_add (seen, box->layout))
            face_use_scan (use, box->layout);
        }
    }
  /* Every face seen has the extras; the page numbers are drawn in the
   * body face, which a page of tables alone may not have used yet. */
  if (use->ok)
    {
      g_autoptr(PangoLayout) probe = make_layout (self, FONT_BODY, self->font_size, subset_extras,
                                                  -1, PANGO_ALIGN_LEFT);

      face_use_scan (use, probe);
    }
}

/* A font map of the cut faces, written to @dir, or NULL when a face cannot
 * be cut.  @origins (optional) gets each cut file's face's source. */
static PangoFontMap *
cut_font_map (FaceUse    *use,
              const char *dir,
              GHashTable *origins)
{
  static guint serial;
  FcConfig *config = FcConfigCreate ();
  PangoFontMap *font_map = NULL;
  GHashTableIter iter;
  gpointer face, set;
  guint n = 0;

  g_hash_table_iter_init (&iter, use->faces);
  while (g_hash_table_iter_next (&iter, &face, &set))
    {
      hb_subset_input_t *input = hb_subset_input_create_or_fail ();
      g_autofree char *path = NULL;
      hb_face_t *cut = NULL;
      hb_blob_t *blob;
      const char *data;
      unsigned int length = 0;
      gboolean written;

      if (input != NULL)
        {
          hb_set_union (hb_subset_input_unicode_set (input), set);
          /* Every name in every language, so that fontconfig finds the
           * family by whichever name the settings give. */
          hb_set_add_range (hb_subset_input_set (input, HB_SUBSET_SETS_NAME_ID), 0, 0x7fff);
          hb_set_add_range (hb_subset_input_set (input, HB_SUBSET_SETS_NAME_LANG_ID), 0, 0xffff);
          cut = hb_subset_or_fail (face, input);
          hb_subset_input_destroy (input);
        }
      if (cut == NULL)
        {
          g_debug ("A face cannot be cut down: printing with the system's fonts");
          goto out;
        }
      blob = hb_face_reference_blob (cut);
      data = hb_blob_get_data (blob, &length);
      /* A name never used before: cairo caches faces by file name. */
      path = g_strdup_printf ("%s/%u-%u.otf", dir, ++serial, n++);
      written = length > 0 && g_file_set_contents (path, data, length, NULL);
      hb_blob_destroy (blob);
      hb_face_destroy (cut);
      if (!written || !FcConfigAppFontAddFile (config, (const FcChar8 *) path))
        goto out;
      if (origins != NULL && use->sources != NULL)
        g_hash_table_insert (origins, g_strdup_printf ("%s#0", path),
                             g_strdup (g_hash_table_lookup (use->sources, face)));
    }

  font_map = pango_cairo_font_map_new_for_font_type (CAIRO_FONT_TYPE_FT);
  if (font_map != NULL && PANGO_IS_FC_FONT_MAP (font_map))
    pango_fc_font_map_set_config (PANGO_FC_FONT_MAP (font_map), config);
  else
    g_clear_object (&font_map);

out:
  FcConfigDestroy (config);
  return font_map;
}

/* What pages a pagination gives: pages, boxes, every layout's size and
 * the face of each of its runs (through @origins for cut faces). */
static GArray *
pages_signature (QsPaginator *self,
                 GHashTable  *origins)
{
  GArray *sig = g_array_new (FALSE, FALSE, sizeof (gint64));

  for (guint i = 0; i < self->pages->len; i++)
    {
      Page *page = g_ptr_array_index (self->pages, i);
      gint64 head[2] = { page->boxes->len, page->landscape };

      g_array_append_vals (sig, head, 2);
      for (guint k = 0; k < page->boxes->len; k++)
        {
          Box *box = &g_array_index (page->boxes, Box, k);
          PangoRectangle logical = { 0 };
          gint64 item[5];

          if (box->layout != NULL)
            pango_layout_get_extents (box->layout, NULL, &logical);
          item[0] = box->kind;
          item[1] = logical.width;
          item[2] = logical.height;
          item[3] = box->layout != NULL ? pango_layout_get_line_count (box->layout) : 0;
          item[4] = box->first_line;
          g_array_append_vals (sig, item, 5);
          if (box->layout != NULL)
            {
              PangoLayoutIter *iter = pango_layout_get_iter (box->layout);

              do
                {
                  PangoLayoutRun *run = pango_layout_iter_get_run_readonly (iter);
                  g_autofree char *source = NULL;
                  const char *origin;
                  gint64 id;

                  if (run == NULL)
                    continue;
                  source = font_source (run->item->analysis.font);
                  origin = origins != NULL ? g_hash_table_lookup (origins, source) : source;
                  id = origin != NULL ? (gint64) g_str_hash (origin) : -1;
                  g_array_append_val (sig, id);
                }
              while (pango_layout_iter_next_run (iter));
              pango_layout_iter_free (iter);
            }
        }
    }
  return sig;
}

typedef struct
{
  PangoContext *context;
  GPtrArray    *pages;
  GArray       *anchors;
  GHashTable   *section_anchors;
  double        paper_width;
  double        paper_height;
} Pagination;

static void
pagination_init (Pagination *p)
{
  p->context = NULL;
  p->pages = g_ptr_array_new_with_free_func (page_free);
  p->anchors = g_array_new (FALSE, TRUE, sizeof (Anchor));
  g_array_set_clear_func (p->anchors, anchor_clear);
  p->section_anchors = g_hash_table_new (NULL, NULL);
  p->paper_width = QS_PAGINATOR_A4_WIDTH;
  p->paper_height = QS_PAGINATOR_A4_HEIGHT;
}

static void
pagination_clear (Pagination *p)
{
  g_clear_object (&p->context);
  g_clear_pointer (&p->pages, g_ptr_array_unref);
  g_clear_pointer (&p->anchors, g_array_unref);
  g_clear_pointer (&p->section_anchors, g_hash_table_unref);
}

#define SWAP(a, b) G_STMT_START { __typeof__ (a) swap_tmp = (a); (a) = (b); (b) = swap_tmp; } G_STMT_END

static void
pagination_swap (QsPaginator *self,
                 Pagination  *p)
{
  SWAP (self->context, p->context);
  SWAP (self->pages, p->pages);
  SWAP (self->anchors, p->anchors);
  SWAP (self->section_anchors, p->section_anchors);
  SWAP (self->paper_width, p->paper_width);
  SWAP (self->paper_height, p->paper_height);
}

/* Lays the pages out again with cut-down faces into @self, keeping the
 * current pagination in @saved; FALSE (and nothing changed) when the cut
 * faces cannot give the same pages. */
static gboolean
paginate_with_cut_fonts (QsPaginator *self,
                         const char  *dir,
                         Pagination  *saved)
{
  FaceUse use = { NULL, NULL, TRUE };
  g_autoptr(PangoFontMap) font_map = NULL;
  g_autoptr(GArray) before = NULL;
  g_autoptr(GArray) after = NULL;
  g_autoptr(GHashTable) origins = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  double width = self->paper_width, height = self->paper_height;

  use.faces = g_hash_table_new_full (NULL, NULL, (GDestroyNotify) hb_face_destroy,
                                     (GDestroyNotify) hb_set_destroy);
  use.sources = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  face_use_scan_pages (&use, self);
  if (use.ok)
    font_map = cut_font_map (&use, dir, origins);
  g_hash_table_unref (use.faces);
  g_hash_table_unref (use.sources);
  if (font_map == NULL)
    return FALSE;

  before = pages_signature (self, NULL);
  pagination_swap (self, saved);
  paginate_with_font_map (self, font_map, width, height);
  after = pages_signature (self, origins);
  if (before->len != after->len ||
      memcmp (before->data, after->data, before->len * sizeof (gint64)) != 0)
    {
      g_debug ("The cut-down faces lay the pages out differently: printing with the system's fonts");
      pagination_swap (self, saved);
      return FALSE;
    }
  return TRUE;
}

/* The quick way, when the export lays the pages out itself: the faces the
 * body and headings are set in are found with fontconfig and cut down to
 * every character of the content before anything is laid out, so that the
 * whole faces are never loaded.  It only applies when those two faces hold
 * every character (no fallback font); the pages are then checked to be set
 * in the cut faces alone, else the export goes the careful way above. */

static void
append_cells (GString     *text,
              const char  *a,
              const char  *b)
{
  if (a != NULL)
    g_string_append (text, a);
  if (b != NULL)
    g_string_append (text, b);
}

static void
append_strv (GString            *text,
             const char * const *strv)
{
  for (guint i = 0; strv != NULL && strv[i] != NULL; i++)
    g_string_append (text, strv[i]);
}

static void
collect_block_text (QsPaginator *self,
                    GObject     *block,
                    GString     *text)
{
  if (QS_IS_INDICATOR_TABLE (block))
    {
      QsIndicatorTable *table = QS_INDICATOR_TABLE (block);
      GListModel *columns = G_LIST_MODEL (qs_indicator_table_get_columns (table));
      GListModel *rows = G_LIST_MODEL (qs_indicator_table_get_rows (table));

      append_cells (text, qs_indicator_table_get_caption (table), qs_indicator_table_get_label (table));
      for (guint c = 0; c < g_list_model_get_n_items (columns); c++)
        {
          g_autoptr(QsTableColumn) column = g_list_model_get_item (columns, c);

          append_cells (text, qs_table_column_get_header (column), NULL);
        }
      for (guint r = 0; r < g_list_model_get_n_items (rows); r++)
        {
          g_autoptr(QsIndicatorRow) row = g_list_model_get_item (rows, r);

          for (guint c = 0; c < qs_indicator_row_get_n_cells (row); c++)
            append_cells (text, qs_indicator_row_get_cell (row, c), NULL);
          if (self->status_func != NULL)
            {
              g_autofree char *status = self->status_func (table, r, self->status_data);

              append_cells (text, status, NULL);
            }
        }
      append_strv (text, qs_indicator_table_get_notes (table));
      append_cells (text, self->status_header, NULL);
    }
  else if (QS_IS_TASK_TABLE (block))
    {
      QsTaskTable *table = QS_TASK_TABLE (block);
      GListModel *columns = G_LIST_MODEL (qs_task_table_get_columns (table));
      GListModel *rows = G_LIST_MODEL (qs_task_table_get_rows (table));
      GListModel *items = G_LIST_MODEL (qs_task_table_get_items (table));

      append_cells (text, qs_task_table_get_caption (table), qs_task_table_get_label (table));
      for (guint c = 0; c < g_list_model_get_n_items (columns); c++)
        {
          g_autoptr(QsTableColumn) column = g_list_model_get_item (columns, c);

          append_cells (text, qs_table_column_get_header (column), NULL);
        }
      for (guint r = 0; r < g_list_model_get_n_items (rows); r++)
        {
          g_autoptr(QsTaskRow) row = g_list_model_get_item (rows, r);

          for (guint c = 0; c < qs_task_row_get_n_cells (row); c++)
            append_cells (text, qs_task_row_get_cell (row, c), NULL);
        }
      for (guint i = 0; i < g_list_model_get_n_items (items); i++)
        {
          g_autoptr(QsTaskItem) item = g_list_model_get_item (items, i);

          append_cells (text, qs_task_item_get_text (item), NULL);
        }
      append_strv (text, qs_task_table_get_notes (table));
    }
  else if (QS_IS_PARAGRAPH (block))
    append_cells (text, qs_paragraph_get_text (QS_PARAGRAPH (block)), NULL);
}

static void
collect_section_text (QsPaginator *self,
                      QsSection   *section,
                      GString     *text)
{
  GListModel *blocks = G_LIST_MODEL (qs_section_get_blocks (section));
  GListModel *children = G_LIST_MODEL (qs_section_get_children (section));
  g_autofree char *heading = section_heading (section);

  g_string_append (text, heading);
  for (guint i = 0; i < g_list_model_get_n_items (blocks); i++)
    {
      g_autoptr(GObject) block = g_list_model_get_item (blocks, i);

      collect_block_text (self, block, text);
    }
  for (guint i = 0; i < g_list_model_get_n_items (children); i++)
    {
      g_autoptr(QsSection) child = g_list_model_get_item (children, i);

      collect_section_text (self, child, text);
    }
}

/* Every character the pagination may draw, over-counted rather than under. */
static GString *
collect_text (QsPaginator *self)
{
  GString *text = g_string_new (subset_extras);

  g_string_append (text, "（空表）（没有可打印的表格）目　录（—年）");
  if (self->content == QS_PAGINATOR_CONTENT_PLAN)
    {
      GListModel *lists[3] = {
        G_LIST_MODEL (qs_plan_get_front_matter (self->plan)),
        G_LIST_MODEL (qs_plan_get_chapters (self->plan)),
        G_LIST_MODEL (qs_plan_get_back_matter (self->plan)),
      };

      append_cells (text, qs_plan_get_title (self->plan), qs_plan_get_region (self->plan));
      for (guint l = 0; l < G_N_ELEMENTS (lists); l++)
        for (guint i = 0; i < g_list_model_get_n_items (lists[l]); i++)
          {
            g_autoptr(QsSection) section = g_list_model_get_item (lists[l], i);

            collect_section_text (self, section, text);
          }
    }
  else
    {
      g_autoptr(GPtrArray) tables = collect_tables (self);

      for (guint i = 0; i < tables->len; i++)
        collect_block_text (self, g_ptr_array_index (tables, i), text);
    }
  return text;
}

typedef struct
{
  const char *family;
  gboolean    bold;
  char       *file;          /* the face's file, and the cut face's */
  int         index;
  char       *cut_file;
} GuessedFace;

/* The face fontconfig gives pango for @face's family and weight, as a
 * HarfBuzz face, or NULL when it is synthetic (made bold or slanted) or
 * does not hold every character of @text. */
static hb_face_t *
guess_face (GuessedFace *face,
            hb_set_t    *text)
{
  FcPattern *pattern = FcPatternCreate ();
  FcPattern *match;
  FcResult result;
  FcChar8 *file = NULL;
  FcCharSet *charset = NULL;
  FcBool embolden = FcFalse;
  FcMatrix *matrix = NULL;
  hb_face_t *hb_face = NULL;
  hb_codepoint_t cp = HB_SET_VALUE_INVALID;

  FcPatternAddString (pattern, FC_FAMILY, (const FcChar8 *) face->family);
  FcPatternAddInteger (pattern, FC_WEIGHT, face->bold ? FC_WEIGHT_BOLD : FC_WEIGHT_REGULAR);
  FcPatternAddInteger (pattern, FC_SLANT, FC_SLANT_ROMAN);
  FcPatternAddInteger (pattern, FC_WIDTH, FC_WIDTH_NORMAL);
  FcPatternAddString (pattern, FC_LANG, (const FcChar8 *) "zh-cn");
  FcConfigSubstitute (NULL, pattern, FcMatchPattern);
  FcDefaultSubstitute (pattern);
  match = FcFontMatch (NULL, pattern, &result);
  FcPatternDestroy (pattern);
  if (match == NULL)
    return NULL;
  if (FcPatternGetString (match, FC_FILE, 0, &file) != FcResultMatch ||
      FcPatternGetInteger (match, FC_INDEX, 0, &face->index) != FcResultMatch ||
      FcPatternGetCharSet (match, FC_CHARSET, 0, &charset) != FcResultMatch ||
      (FcPatternGetBool (match, FC_EMBOLDEN, 0, &embolden) == FcResultMatch && embolden) ||
      (FcPatternGetMatrix (match, FC_MATRIX, 0, &matrix) == FcResultMatch &&
       (matrix->xx != 1 || matrix->yy != 1 || matrix->xy != 0 || matrix->yx != 0)))
    goto out;
  /* Control characters (line breaks) are never drawn. */
  while (hb_set_next (text, &cp))
    if (cp >= 0x20 && !FcCharSetHasChar (charset, cp))
      goto out;
  face->file = g_strdup ((const char *) file);
  {
    hb_blob_t *blob = hb_blob_create_from_file_or_fail (face->file);

    if (blob != NULL)
      {
        hb_face = hb_face_create (blob, face->index);
        hb_blob_destroy (blob);
      }
  }
out:
  FcPatternDestroy (match);
  return hb_face;
}

/* Every run of every layout is set in the cut face of its own family. */
static gboolean
pages_use_guessed_faces (QsPaginator *self,
                         GuessedFace *faces,
                         guint        n_faces)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (NULL, NULL);

  for (guint i = 0; i < self->pages->len; i++)
    {
      Page *page = g_ptr_array_index (self->pages, i);

      for (guint k = 0; k < page->boxes->len; k++)
        {
          Box *box = &g_array_index (page->boxes, Box, k);
          const PangoFontDescription *desc;
          const char *expected = NULL;
          PangoLayoutIter *iter;
          gboolean ok = TRUE;

          if (box->layout == NULL || !g_hash_table_add (seen, box->layout))
            continue;
          if (pango_layout_get_unknown_glyphs_count (box->layout) > 0)
            return FALSE;
          desc = pango_layout_get_font_description (box->layout);
          for (guint f = 0; f < n_faces && desc != NULL; f++)
            if (g_strcmp0 (pango_font_description_get_family (desc), faces[f].family) == 0 &&
                (pango_font_description_get_weight (desc) >= PANGO_WEIGHT_SEMIBOLD) == faces[f].bold)
              expected = faces[f].cut_file;
          if (expected == NULL)
            return FALSE;
          iter = pango_layout_get_iter (box->layout);
          do
            {
              PangoLayoutRun *run = pango_layout_iter_get_run_readonly (iter);
              FcChar8 *file = NULL;

              if (run == NULL)
                continue;
              if (!PANGO_IS_FC_FONT (run->item->analysis.font) ||
                  FcPatternGetString (pango_fc_font_get_pattern (PANGO_FC_FONT (run->item->analysis.font)),
                                      FC_FILE, 0, &file) != FcResultMatch ||
                  g_strcmp0 ((const char *) file, expected) != 0)
                ok = FALSE;
            }
          while (ok && pango_layout_iter_next_run (iter));
          pango_layout_iter_free (iter);
          if (!ok)
            return FALSE;
        }
    }
  return TRUE;
}

/* Lays the pages out on A4 with the body and heading faces cut down to
 * the content's characters; FALSE (and nothing laid out) when that cannot
 * give the pages the system's fonts would. */
static gboolean
paginate_with_guessed_fonts (QsPaginator *self,
                             const char  *dir)
{
  GuessedFace faces[2] = {
    { self->font_family, FALSE, NULL, 0, NULL },
    { self->heading_family, TRUE, NULL, 0, NULL },
  };
  g_autoptr(GString) text = collect_text (self);
  g_autoptr(PangoFontMap) font_map = NULL;
  hb_set_t *chars = hb_set_create ();
  FaceUse use = { NULL, NULL, TRUE };
  gboolean ok = TRUE;

  for (const char *p = text->str; *p != '\0'; p = g_utf8_next_char (p))
    hb_set_add (chars, g_utf8_get_char (p));
  use.faces = g_hash_table_new_full (NULL, NULL, (GDestroyNotify) hb_face_destroy,
                                     (GDestroyNotify) hb_set_destroy);
  for (guint f = 0; f < G_N_ELEMENTS (faces) && ok; f++)
    {
      hb_face_t *face = guess_face (&faces[f], chars);

      if (face == NULL)
        ok = FALSE;
      else
        {
          hb_set_t *set = hb_set_copy (chars);

          g_hash_table_insert (use.faces, face, set);
        }
    }
  hb_set_destroy (chars);
  if (ok)
    font_map = cut_font_map (&use, dir, NULL);
  g_hash_table_unref (use.faces);
  if (font_map != NULL)
    {
      /* Which cut file is which face: fontconfig knows them by file. */
      FcFontSet *set = FcConfigGetFonts (pango_fc_font_map_get_config (PANGO_FC_FONT_MAP (font_map)),
                                         FcSetApplication);

      for (guint f = 0; f < G_N_ELEMENTS (faces); f++)
        for (int i = 0; set != NULL && i < set->nfont; i++)
          {
            FcChar8 *family = NULL, *file = NULL;
            int weight = 0;

            if (FcPatternGetString (set->fonts[i], FC_FAMILY, 0, &family) == FcResultMatch &&
                FcPatternGetString (set->fonts[i], FC_FILE, 0, &file) == FcResultMatch &&
                FcPatternGetInteger (set->fonts[i], FC_WEIGHT, 0, &weight) == FcResultMatch &&
                g_ascii_strcasecmp ((const char *) family, faces[f].family) == 0 &&
                (weight >= FC_WEIGHT_DEMIBOLD) == faces[f].bold)
              faces[f].cut_file = g_strdup ((const char *) file);
          }
      paginate_with_font_map (self, font_map, QS_PAGINATOR_A4_WIDTH, QS_PAGINATOR_A4_HEIGHT);
      ok = pages_use_guessed_faces (self, faces, G_N_ELEMENTS (faces));
      if (!ok)
        {
          g_debug ("The cut-down faces do not set every page: laying out with the system's fonts");
          clear_pagination (self);
          g_clear_object (&self->context);
        }
    }
  else
    ok = FALSE;
  for (guint f = 0; f < G_N_ELEMENTS (faces); f++)
    {
      g_free (faces[f].file);
      g_free (faces[f].cut_file);
    }
  return ok;
}

static void
remove_dir (const char *dir)
{
  g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
  const char *name;

  while (handle != NULL && (name = g_dir_read_name (handle)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      g_unlink (path);
    }
  g_rmdir (dir);
}

static gboolean
cairo_status_to_error (cairo_status_t   status,
                       const char      *path,
                       GError         **error)
{
  if (status == CAIRO_STATUS_SUCCESS)
    return TRUE;
  g_set_error (error, QS_PAGINATOR_ERROR, QS_PAGINATOR_ERROR_IO,
               "Cannot write the PDF “%s”: %s", path, cairo_status_to_string (status));
  return FALSE;
}

gboolean
qs_paginator_export_pdf (QsPaginator  *self,
                         const char   *path,
                         GError      **error)
{
  g_autofree char *tmp = NULL;
  g_autofree char *subject = NULL;
  g_autofree int *outline_ids = NULL;
  g_autofree char *cut_dir = NULL;
  Pagination saved = { 0 };
  gboolean cut = FALSE;
  gboolean guessed = FALSE;
  cairo_surface_t *surface;
  cairo_status_t status;
  int fd;

  g_return_val_if_fail (QS_IS_PAGINATOR (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (self->content != QS_PAGINATOR_CONTENT_PLAN && qs_paginator_count_tables (self) == 0)
    {
      if (self->only_table != NULL)
        g_set_error (error, QS_PAGINATOR_ERROR, QS_PAGINATOR_ERROR_NOTHING,
                     "The table to print is not one of “%s”’s %s", qs_plan_get_title (self->plan),
                     self->content == QS_PAGINATOR_CONTENT_INDICATOR_TABLES ? "indicator tables" : "tables");
      else if (self->table_filter != NULL && *self->table_filter != '\0')
        g_set_error (error, QS_PAGINATOR_ERROR, QS_PAGINATOR_ERROR_NOTHING,
                     "No table of “%s” has “%s” in its caption or label",
                     qs_plan_get_title (self->plan), self->table_filter);
      else
        g_set_error (error, QS_PAGINATOR_ERROR, QS_PAGINATOR_ERROR_NOTHING,
                     "“%s” has no %s to print", qs_plan_get_title (self->plan),
                     self->content == QS_PAGINATOR_CONTENT_INDICATOR_TABLES ? "indicator tables" : "tables");
      return FALSE;
    }
  /* Write beside the target and rename, so that a reader never sees half
   * a PDF and a failure leaves the old file alone. */
  tmp = g_strdup_printf ("%s.XXXXXX", path);
  fd = g_mkstemp (tmp);
  if (fd < 0)
    {
      int saved_errno = errno;

      g_set_error (error, QS_PAGINATOR_ERROR, QS_PAGINATOR_ERROR_IO,
                   "Cannot write the PDF “%s”: %s", path, g_strerror (saved_errno));
      return FALSE;
    }
  close (fd);
  /* mkstemp makes the file private; a PDF is for sharing. */
  g_chmod (tmp, 0644);

  /* Block drawers (charts) set text the font cutting cannot see: their
   * pages keep the system fonts. */
  if (g_getenv ("QS_PDF_SYSTEM_FONTS") == NULL && self->drawers->len == 0)
    cut_dir = g_dir_make_tmp ("qs-pdf-fonts-XXXXXX", NULL);
  if (!self->paginated && cut_dir != NULL)
    guessed = paginate_with_guessed_fonts (self, cut_dir);
  if (!self->paginated)
    qs_paginator_paginate (self, NULL, QS_PAGINATOR_A4_WIDTH, QS_PAGINATOR_A4_HEIGHT);
  if (cut_dir != NULL && !guessed)
    {
      pagination_init (&saved);
      cut = paginate_with_cut_fonts (self, cut_dir, &saved);
    }

  surface = cairo_pdf_surface_create (tmp, self->paper_width, self->paper_height);
  status = cairo_surface_status (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    {
      cairo_t *cr;

      if (qs_plan_get_title (self->plan) != NULL)
        cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, qs_plan_get_title (self->plan));
      subject = self->content == QS_PAGINATOR_CONTENT_PLAN ? g_strdup ("生态环境保护规划")
                : self->content == QS_PAGINATOR_CONTENT_INDICATOR_TABLES ? g_strdup ("指标表")
                : g_strdup ("表格");
      cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_SUBJECT, subject);
      cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Qingshan");

      /* Bookmarks: parents come before their children in the anchor list. */
      outline_ids = g_new0 (int, self->anchors->len + 1);
      for (guint i = 0; i < self->anchors->len; i++)
        {
          Anchor *anchor = &g_array_index (self->anchors, Anchor, i);
          g_autofree char *link = NULL;
          int parent = CAIRO_PDF_OUTLINE_ROOT;

          if (anchor->page < 0)
            continue;
          if (anchor->parent >= 0 && (guint) anchor->parent < i && outline_ids[anchor->parent] > 0)
            parent = outline_ids[anchor->parent];
          link = g_strdup_printf ("page=%d pos=[0 %.1f]", anchor->page + 1, anchor->y);
          outline_ids[i] = cairo_pdf_surface_add_outline (surface, parent, anchor->title, link,
                                                          anchor->parent < 0 ? CAIRO_PDF_OUTLINE_FLAG_OPEN : 0);
        }

      cr = cairo_create (surface);
      for (guint i = 0; i < self->pages->len; i++)
        {
          Page *page = g_ptr_array_index (self->pages, i);

          cairo_pdf_surface_set_size (surface, page->width, page->height);
          qs_paginator_draw_page (self, cr, i);
          cairo_show_page (cr);
        }
      status = cairo_status (cr);
      cairo_destroy (cr);
      cairo_surface_finish (surface);
      if (status == CAIRO_STATUS_SUCCESS)
        status = cairo_surface_status (surface);
    }
  cairo_surface_destroy (surface);

  /* Back to the pagination the caller made, for printing or preview. */
  if (cut)
    pagination_swap (self, &saved);
  if (cut_dir != NULL && !guessed)
    pagination_clear (&saved);
  if (guessed)
    {
      /* Its fonts are going: the next use lays the pages out again. */
      clear_pagination (self);
      g_clear_object (&self->context);
    }
  if (cut_dir != NULL)
    remove_dir (cut_dir);

  if (!cairo_status_to_error (status, path, error))
    {
      g_unlink (tmp);
      return FALSE;
    }
  if (g_rename (tmp, path) != 0)
    {
      int saved_errno = errno;

      g_unlink (tmp);
      g_set_error (error, QS_PAGINATOR_ERROR, QS_PAGINATOR_ERROR_IO,
                   "Cannot write the PDF “%s”: %s", path, g_strerror (saved_errno));
      return FALSE;
    }
  return TRUE;
}
