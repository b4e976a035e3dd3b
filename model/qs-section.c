/* qs-section.c: a chapter, section, subsection, or front/back matter part. */
#define G_LOG_DOMAIN "qs-section"

#include "config.h"

#include "qs-section.h"

struct _QsSection
{
  GObject        parent_instance;
  QsSectionKind  kind;
  int            number;
  char          *label;
  char          *title;
  GListStore    *blocks;
  GListStore    *children;
};

G_DEFINE_FINAL_TYPE (QsSection, qs_section, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_KIND,
  PROP_NUMBER,
  PROP_LABEL,
  PROP_TITLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
qs_section_finalize (GObject *object)
{
  QsSection *self = QS_SECTION (object);

  g_clear_pointer (&self->label, g_free);
  g_clear_pointer (&self->title, g_free);
  g_clear_object (&self->blocks);
  g_clear_object (&self->children);
  G_OBJECT_CLASS (qs_section_parent_class)->finalize (object);
}

static void
qs_section_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  QsSection *self = QS_SECTION (object);

  switch (prop_id)
    {
    case PROP_KIND:
      g_value_set_int (value, self->kind);
      break;
    case PROP_NUMBER:
      g_value_set_int (value, self->number);
      break;
    case PROP_LABEL:
      g_value_set_string (value, self->label);
      break;
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
qs_section_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  QsSection *self = QS_SECTION (object);

  switch (prop_id)
    {
    case PROP_KIND:
      qs_section_set_kind (self, g_value_get_int (value));
      break;
    case PROP_NUMBER:
      qs_section_set_number (self, g_value_get_int (value));
      break;
    case PROP_LABEL:
      qs_section_set_label (self, g_value_get_string (value));
      break;
    case PROP_TITLE:
      qs_section_set_title (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
qs_section_class_init (QsSectionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = qs_section_finalize;
  object_class->get_property = qs_section_get_property;
  object_class->set_property = qs_section_set_property;

  properties[PROP_KIND] =
    g_param_spec_int ("kind", NULL, NULL, QS_SECTION_FRONT, QS_SECTION_BACK, QS_SECTION_CHAPTER,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_NUMBER] =
    g_param_spec_int ("number", NULL, NULL, 0, G_MAXINT, 0,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LABEL] =
    g_param_spec_string ("label", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
qs_section_init (QsSection *self)
{
  self->kind = QS_SECTION_CHAPTER;
  self->title = g_strdup ("");
  self->blocks = g_list_store_new (G_TYPE_OBJECT);
  self->children = g_list_store_new (QS_TYPE_SECTION);
}

/**
 * qs_section_new:
 *
 * Returns: (transfer full): a new, empty section.
 */
QsSection *
qs_section_new (QsSectionKind  kind,
                int            number,
                const char    *title)
{
  return g_object_new (QS_TYPE_SECTION,
                       "kind", kind,
                       "number", number,
                       "title", title ? title : "",
                       NULL);
}

QsSectionKind
qs_section_get_kind (QsSection *self)
{
  g_return_val_if_fail (QS_IS_SECTION (self), QS_SECTION_CHAPTER);
  return self->kind;
}

void
qs_section_set_kind (QsSection     *self,
                     QsSectionKind  kind)
{
  g_return_if_fail (QS_IS_SECTION (self));
  if (self->kind == kind)
    return;
  self->kind = kind;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KIND]);
}

int
qs_section_get_number (QsSection *self)
{
  g_return_val_if_fail (QS_IS_SECTION (self), 0);
  return self->number;
}

void
qs_section_set_number (QsSection *self,
                       int        number)
{
  g_return_if_fail (QS_IS_SECTION (self));
  if (self->number == number)
    return;
  self->number = number;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NUMBER]);
}

const char *
qs_section_get_label (QsSection *self)
{
  g_return_val_if_fail (QS_IS_SECTION (self), NULL);
  return self->label;
}

void
qs_section_set_label (QsSection  *self,
                      const char *label)
{
  g_return_if_fail (QS_IS_SECTION (self));
  if (qs_set_str (&self->label, label))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LABEL]);
}

const char *
qs_section_get_title (QsSection *self)
{
  g_return_val_if_fail (QS_IS_SECTION (self), NULL);
  return self->title;
}

void
qs_section_set_title (QsSection  *self,
                      const char *title)
{
  g_return_if_fail (QS_IS_SECTION (self));
  if (qs_set_str (&self->title, title ? title : ""))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
}

GListStore *
qs_section_get_blocks (QsSection *self)
{
  g_return_val_if_fail (QS_IS_SECTION (self), NULL);
  return self->blocks;
}

GListStore *
qs_section_get_children (QsSection *self)
{
  g_return_val_if_fail (QS_IS_SECTION (self), NULL);
  return self->children;
}

static const char *const cn_digits[] = { "零", "一", "二", "三", "四", "五", "六", "七", "八", "九" };

/* Chinese numerals as used in headings: 一 … 十, 十一 … 九十九. */
static char *
chinese_number (int n)
{
  if (n <= 0 || n >= 100)
    return g_strdup_printf ("%d", n);
  if (n < 10)
    return g_strdup (cn_digits[n]);
  return g_strdup_printf ("%s十%s",
                          n / 10 == 1 ? "" : cn_digits[n / 10],
                          n % 10 == 0 ? "" : cn_digits[n % 10]);
}

char *
qs_section_format_label (QsSectionKind kind,
                         int           number)
{
  g_autofree char *cn = NULL;

  if (number <= 0)
    return g_strdup ("");
  cn = chinese_number (number);
  switch (kind)
    {
    case QS_SECTION_CHAPTER:
      return g_strdup_printf ("第%s章", cn);
    case QS_SECTION_SECTION:
      return g_strdup_printf ("第%s节", cn);
    case QS_SECTION_SUBSECTION:
      return g_strdup_printf ("%s、", cn);
    case QS_SECTION_FRONT:
    case QS_SECTION_BACK:
    default:
      return g_strdup ("");
    }
}
